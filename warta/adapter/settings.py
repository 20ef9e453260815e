"""A unit's Pelican settings, made from arguments; and the plugins' settings with their defaults.

``unit_settings`` is the one place the settings are made: pelicanconf.py and publishconf.py call it for
``WARTA_UNIT=<unit> pelican -s pelicanconf.py``, and the render process calls it with what the build passes.
Nothing here changes the environment or Pelican's DEFAULT_CONFIG, and nothing is created on import.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from jinja2 import FileSystemBytecodeCache

from warta.model import urls
from warta.model.languages import DEFAULT_LANG
from warta.model.stamps import THEME_ENV
from warta.model.units import load_unit

# The plugins in the order they connect to Pelican's signals (docs/ARCHITECTURE.md says why this order).
PLUGINS = (
    "contract",
    "i18n",
    "related",
    "bylines",
    "translations",
    "galleries",
    "editor",
    "first_view",
    "links",
    "frozen",
    "sitemap",
    "rendering",
)
# Environment variables a build may be tuned by; read here only, never set (THEME_ENV: warta.model.stamps).
EDIT_URL_ENV = "WARTA_REPO_EDIT_URL"
EDIT_URL = "https://github.com/kemensos/warta/edit/main/"


def unit_settings(root: Path, content: Path, unit: str, publish: bool = False) -> dict:
    """The Pelican settings of ``unit`` in the ``content`` folder of the repository at ``root``.

    ``publish``: absolute URLs from the unit's site_url, and a protected item without an editor's review stops the
    build (warta.model.protection); else relative URLs, for a preview.
    """
    root = Path(root)
    site = load_unit(Path(content) / unit)
    cache_root = site.path.parent.parent / ".cache"  # next to content/, so each test and benchmark has its own
    settings = {
        "UNIT": site,
        "WARTA_ROOT": str(root),
        "SITENAME": site.name,
        "SITEURL": site.site_url if publish else "",
        "RELATIVE_URLS": not publish,
        "PATH": str(site.path),
        "OUTPUT_PATH": str(root / "output" / site.slug),
        "TIMEZONE": site.timezone,
        "DEFAULT_LANG": DEFAULT_LANG,
        "DEFAULT_DATE_FORMAT": "%Y-%m-%d",
        "THEME": os.environ.get(THEME_ENV) or str(root / "theme"),
        "THEME_STATIC_DIR": "theme",
        "PLUGIN_PATHS": [str(root / "plugins")],
        "PLUGINS": list(PLUGINS),
        # Autoescape: titles and metadata are text; only rendered Markdown bodies and summaries are marked safe.
        # Compiled templates are kept between builds (bench/RESULTS.md). Each run has its own environment, and a
        # changed template runs Pelican again in the preview too: no run looks whether its templates changed (Jinja
        # would, at each of the 28,000 includes of the 2,000-article unit).
        "JINJA_ENVIRONMENT": {
            "auto_reload": False,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "autoescape": True,
            "bytecode_cache": FolderBytecodeCache(str(cache_root / "jinja")),
        },
        **contract_settings(),
        **urls.pelican_url_settings(),
        **listing_settings(),
        **feed_settings(site),
        "MARKDOWN": {
            "extension_configs": {
                "markdown.extensions.extra": {},
                # Dashes and ellipses only: smart quotes doubled the time Markdown takes (bench/RESULTS.md).
                "markdown.extensions.smarty": {"smart_quotes": False},
            },
            "output_format": "html5",
        },
        "NAV_PAGES": ["profil", "layanan", "ppid", "pengaduan", "kontak", "aksesibilitas"],
        "AUTHOR_SAVE_AS": "",  # the bylines plugin writes person pages for every role at urls.PERSON instead
        # Translations pair by the original's path (the translations plugin); a slug alone repeats across years.
        "ARTICLE_TRANSLATION_ID": "translation_key",
        "PAGE_TRANSLATION_ID": "translation_key",
        # "Edit this page": the repository's web editor (empty: no link), then each file's path from the root.
        "REPO_EDIT_URL": os.environ.get(EDIT_URL_ENV, EDIT_URL),
        "UNIT_REPO_PATH": (
            site.path.relative_to(root) if site.path.is_relative_to(root) else Path("content", site.slug)
        ).as_posix(),
        **editor_settings(),
        **cache_settings(cache_root, site.slug),
    }
    if publish:
        settings["WARTA_PUBLISHING"] = True
    return settings


def contract_settings() -> dict:
    """The authoring contract: news in news/, pages in pages/, Markdown only, slugs from file names."""
    return {
        "ARTICLE_PATHS": ["news"],
        "PAGE_PATHS": ["pages"],
        "STATIC_PATHS": ["images", "documents"],  # documents at /dokumen/ (plugins/links)
        "ARTICLE_EXCLUDES": ["galleries", "images"],
        "PAGE_EXCLUDES": ["galleries", "images"],
        "IGNORE_FILES": [".*", "~*"],
        "READERS": {"rst": None, "html": None, "htm": None},
        "SLUGIFY_SOURCE": "basename",
        "FILENAME_METADATA": "",
        "USE_FOLDER_AS_CATEGORY": False,
        "DEFAULT_CATEGORY": "Berita",
        "WITH_FUTURE_DATES": False,  # a scheduled item appears on the first build after its date
    }


def listing_settings() -> dict:
    return {
        "DIRECT_TEMPLATES": ["index", "news", "categories", "tags", "archives", "search"],
        "PAGINATED_TEMPLATES": {"news": None, "category": None, "tag": None, "author": None},
        "DEFAULT_PAGINATION": 10,
        "HOME_NEWS_COUNT": 6,
    }


def feed_settings(site) -> dict:
    """Feeds always carry absolute links, also in a preview; Indonesian only (translations writes en/feeds/)."""
    return {
        "FEED_DOMAIN": site.site_url,
        "FEED_ATOM": "feeds/atom.xml",
        **dict.fromkeys(
            ("FEED_ALL_ATOM", "CATEGORY_FEED_ATOM", "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TRANSLATION_FEED_ATOM")
        ),
        "FEED_MAX_ITEMS": 20,
    }


def editor_settings() -> dict:
    """The web editor at /admin/ (docs/editor-web.md), written only when a backend and a repository are set.

    Set here or in the environment (WARTA_CMS_BACKEND, ...; the environment wins: plugins/editor/admin.py).
    Backend: github (sign-in through an OAuth proxy at CMS_BASE_URL), gitlab or gitea (Forgejo too; PKCE with the
    OAuth application CMS_APP_ID, no proxy).
    """
    return {
        "CMS_BACKEND": "",
        "CMS_REPO": "",  # owner/name
        "CMS_BRANCH": "main",
        "CMS_BASE_URL": "",  # GitHub: the OAuth proxy; GitLab, Gitea, Forgejo: the server
        "CMS_AUTH_ENDPOINT": "",  # the proxy's or server's sign-in path when not the default
        "CMS_APP_ID": "",  # GitLab, Gitea, Forgejo: the OAuth application's client id
        "CMS_API_ROOT": "",  # self-hosted GitLab, Gitea or Forgejo: the API's address when not the default
    }


def cache_settings(cache_root: Path, slug: str) -> dict:
    """Markdown bodies kept between builds by their text, so never stale (plugins/contract/bodies.py).

    An unchanged unit is skipped whole by its fingerprint (warta/tool/fingerprint.py). Pelican's content cache is
    not used: it kept a translation's inherited fields when only its original changed. What each page was made of
    is recorded (plugins/rendering/reuse.py), so that a build given the last good site takes unchanged pages from it.
    """
    return {
        "CACHE_ROOT": cache_root,
        "MARKDOWN_CACHE_PATH": str(cache_root / "markdown" / slug),
        "RENDER_RECORD_PATH": str(cache_root / "pages" / f"{slug}.json"),
    }


class FolderBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder made when the first template is kept, not before."""

    def dump_bytecode(self, bucket) -> None:
        os.makedirs(self.directory, exist_ok=True)
        super().dump_bytecode(bucket)


class PluginSettings:
    """A plugin's settings: each as the build set it, else the plugin's default; Pelican's own stay untouched."""

    def __init__(self, defaults: Mapping):
        self.defaults = MappingProxyType(dict(defaults))

    def __call__(self, settings: Mapping, name: str):
        """One setting: ``settings[name]`` when set, else its default."""
        return settings.get(name, self.defaults[name])

    def all(self, settings: Mapping) -> dict:
        """Every setting of the plugin, a new dict."""
        return {name: self(settings, name) for name in self.defaults}
