"""The URLs of DESIGN.md in one place: Pelican's URL settings and the check's duplicate detection use them."""

from __future__ import annotations


def _folder(url: str) -> dict[str, str]:
    return {"url": url, "save_as": f"{url}index.html"}


ARTICLE = _folder("berita/{date:%Y}/{slug}/")
PAGE = _folder("{slug}/")
CATEGORY = _folder("kategori/{slug}/")
TAG = _folder("tag/{slug}/")
PERSON = _folder("kontributor/{slug}/")
NEWS = _folder("berita/")
CATEGORIES = _folder("kategori/")
TAGS = _folder("tag/")
ARCHIVES = _folder("arsip/")
SEARCH = _folder("cari/")
GALLERY = _folder("galeri/{slug}/")
GALLERIES = _folder("galeri/")
PHOTOS = "foto/"  # every photo derivative, named by content hash

# Top-level folders the site itself writes; a page may not take one of these slugs.
RESERVED = {"berita", "galeri", "kategori", "tag", "arsip", "kontributor", "cari", "feeds", "en", "theme", "images"}
RESERVED |= {"foto"}  # photo derivatives (plugins/galleries)
RESERVED |= {"dokumen"}  # documents (plugins/links)
RESERVED |= {"admin"}  # the web editor, where configured (plugins/editor)

# Every English URL is the Indonesian one with this in front.
LANG_PREFIX = {"id": "", "en": "en/"}

PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
)


def pelican_url_settings() -> dict:
    """Pelican's ``*_URL`` and ``*_SAVE_AS`` settings for the URLs of DESIGN.md."""
    settings = {
        "PAGINATION_PATTERNS": PAGINATION_PATTERNS,
        "INDEX_SAVE_AS": "index.html",
        "AUTHORS_SAVE_AS": "",
        "YEAR_ARCHIVE_SAVE_AS": "",
        "MONTH_ARCHIVE_SAVE_AS": "",
        "DAY_ARCHIVE_SAVE_AS": "",
        "DRAFT_SAVE_AS": "",
        "DRAFT_LANG_SAVE_AS": "",
        "DRAFT_PAGE_SAVE_AS": "",
        "DRAFT_PAGE_LANG_SAVE_AS": "",
    }
    named = {
        "ARTICLE": ARTICLE,
        "PAGE": PAGE,
        "CATEGORY": CATEGORY,
        "TAG": TAG,
        "AUTHOR": PERSON,
        "NEWS": NEWS,
        "CATEGORIES": CATEGORIES,
        "TAGS": TAGS,
        "ARCHIVES": ARCHIVES,
        "SEARCH": SEARCH,
    }
    for name, urls in named.items():
        settings[f"{name}_URL"] = urls["url"]
        settings[f"{name}_SAVE_AS"] = urls["save_as"]
    for name in ("ARTICLE", "PAGE"):
        settings[f"{name}_LANG_URL"] = in_lang(settings[f"{name}_URL"], "en")
        settings[f"{name}_LANG_SAVE_AS"] = in_lang(settings[f"{name}_SAVE_AS"], "en")
    return settings


def in_lang(url: str, lang: str) -> str:
    """The site-relative ``url`` of the Indonesian version, in ``lang``: ``berita/`` → ``en/berita/``."""
    return LANG_PREFIX.get(lang, f"{lang}/") + url


def default_lang_url(url: str) -> str:
    """The reverse of in_lang: ``en/berita/`` → ``berita/``; an Indonesian URL stays as it is."""
    for prefix in filter(None, LANG_PREFIX.values()):
        if url.startswith(prefix):
            return url[len(prefix) :]
    return url
