"""Pelican settings for one unit, named by WARTA_UNIT: content/<unit>/unit.toml becomes the site's settings.

WARTA_UNIT=balai-melati pelican -s pelicanconf.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # `pelican -s pelicanconf.py` must find the warta package

from jinja2 import FileSystemBytecodeCache  # noqa: E402

from warta.model import urls  # noqa: E402
from warta.model.units import content_root, load_unit  # noqa: E402

UNIT = load_unit(content_root(ROOT) / os.environ["WARTA_UNIT"])
WARTA_ROOT = str(ROOT)

SITENAME = UNIT.name
SITEURL = ""
RELATIVE_URLS = True
PATH = str(UNIT.path)
OUTPUT_PATH = str(ROOT / "output" / UNIT.slug)
TIMEZONE = UNIT.timezone
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

THEME = os.environ.get("WARTA_THEME") or str(ROOT / "theme")  # another theme: tests break one on purpose
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = ["contract", "i18n", "related", "sitemap", "bylines", "translations", "galleries", "editor", "first_view"]
# Autoescape: titles and metadata are text; only rendered Markdown bodies and summaries are marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# The authoring contract: news in news/, pages in pages/, Markdown only, slugs from file names.
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "documents"]  # documents at /dokumen/ (plugins/links)
ARTICLE_EXCLUDES = PAGE_EXCLUDES = ["galleries", "images"]
IGNORE_FILES = [".*", "~*"]
READERS = {"rst": None, "html": None, "htm": None}
SLUGIFY_SOURCE = "basename"
FILENAME_METADATA = ""
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Berita"
WITH_FUTURE_DATES = False  # a scheduled item appears on the first build after its date

globals().update(urls.pelican_url_settings())
DIRECT_TEMPLATES = ["index", "news", "categories", "tags", "archives", "search"]
PAGINATED_TEMPLATES = {"news": None, "category": None, "tag": None, "author": None}
DEFAULT_PAGINATION = 10
HOME_NEWS_COUNT = 6

FEED_DOMAIN = UNIT.site_url  # feeds always carry absolute links, also in a preview
FEED_ATOM = "feeds/atom.xml"  # Indonesian only; the translations plugin writes en/feeds/atom.xml
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        # Dashes and ellipses only: smart quotes doubled the time Markdown takes (bench/RESULTS.md).
        "markdown.extensions.smarty": {"smart_quotes": False},
    },
    "output_format": "html5",
}
NAV_PAGES = ["profil", "layanan", "ppid", "pengaduan", "kontak", "aksesibilitas"]
AUTHOR_SAVE_AS = ""  # the bylines plugin writes person pages for every role at urls.PERSON instead
# Translations pair by the original's path (the translations plugin); a slug alone repeats across years.
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = "translation_key"


# "Edit this page": the repository's web editor (empty: no link), then each file's path from the repository root.
REPO_EDIT_URL = os.environ.get("WARTA_REPO_EDIT_URL", "https://github.com/kemensos/warta/edit/main/")
UNIT_REPO_PATH = (
    UNIT.path.relative_to(ROOT) if UNIT.path.is_relative_to(ROOT) else Path("content", UNIT.slug)
).as_posix()

# The web editor at /admin/ (docs/editor-web.md): written only when a backend and a repository are set, here or in
# the environment (WARTA_CMS_BACKEND, ...; the environment wins). Backend: github (sign-in through an OAuth proxy at
# CMS_BASE_URL), gitlab or gitea (Forgejo too; PKCE with the OAuth application CMS_APP_ID, no proxy).
CMS_BACKEND = ""
CMS_REPO = ""  # owner/name
CMS_BRANCH = "main"
CMS_BASE_URL = ""  # GitHub: the OAuth proxy; GitLab, Gitea, Forgejo: the server, e.g. https://git.example.go.id
CMS_AUTH_ENDPOINT = ""  # the proxy's or server's sign-in path when not the default
CMS_APP_ID = ""  # GitLab, Gitea, Forgejo: the OAuth application's client id
CMS_API_ROOT = ""  # self-hosted GitLab, Gitea or Forgejo: the API's address when not the default

# Speed (bench/RESULTS.md): URLs worked out once; compiled templates and Markdown bodies (by their text, so never
# stale: plugins/contract/bodies.py) kept between builds; an unchanged unit is skipped whole by its fingerprint
# (warta/tool/fingerprint.py). Pelican's content cache is not used: it kept a translation's inherited fields when only
# its original changed. The render cache is off until it knows what each page depends on: it kept listings,
# English pages and person pages that other items' metadata changed (measured stale on the example units);
# WARTA_FAST_CACHES=1 turns it on.
PLUGINS += ["links", "frozen", "rendering"]
CACHE_ROOT = UNIT.path.parent.parent / ".cache"  # next to content/, so each test and benchmark has its own
(CACHE_ROOT / "jinja").mkdir(parents=True, exist_ok=True)
JINJA_ENVIRONMENT["bytecode_cache"] = FileSystemBytecodeCache(str(CACHE_ROOT / "jinja"))
MARKDOWN_CACHE_PATH = str(CACHE_ROOT / "markdown" / UNIT.slug)
if os.environ.get("WARTA_FAST_CACHES") == "1":
    RENDER_CACHE_PATH = str(CACHE_ROOT / "render" / UNIT.slug)
