"""A writer that renders a page only when what it shows changed; otherwise it writes the page rendered last time.

Pelican 4.12 renders every page on every build. Here each page gets a key: the *site key* (the theme, plugins,
settings, the site's address, every file of the unit that is not an article or page by time and size, the metadata
of every article -- titles, dates, URLs, credits... -- and the whole of every other item: pages, galleries) and the
*page key* (the template, and the bodies of the articles the page itself shows). Editing one article's body then
re-renders its own page and the listing pages that show it; a new title, theme or photo re-renders everything.

The rule templates must keep: a page shows the body or summary of an item only when that item is in the page's
own context (``article``, ``page``, the current page of a listing, or an unpaginated list such as the home page's).
Everything else a template uses must come from metadata. Pelican's writer still writes every file and sends its
signals, into the fresh staging folder, so the atomic swap of warta.tool.build is untouched.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from itertools import chain
from pathlib import Path

from warta.adapter.pelican_internals import (
    LOCAL_SITE_URL,
    Article,
    Content,
    Page,
    Paginator,
    URLWrapper,
    listing_page_shape,
    listing_shape,
    page_items,
)
from warta.adapter.settings import PluginSettings
from warta.model.stamps import SHARED_INPUTS, code_stamps, file_stamps

from .parallel import ParallelWriter

logger = logging.getLogger(__name__)
DEFAULTS = {"RENDER_CACHE_PATH": None}  # a folder outside output/; None renders every page (see rendering.py)
# Lists of every item a listing page receives besides its current page: only their metadata is shown.
METADATA_ONLY = ("all_articles",)
PAGINATED_BY_DEFAULT = ("articles", "dates")
VOLATILE_SETTINGS = ("OUTPUT_PATH",)  # a new staging folder each build; it is not in any page
KEPT_SITE_KEYS = 1  # besides the current one: preview and publish builds alternate without losing their pages


setting = PluginSettings(DEFAULTS)


class Digests:
    """Digests of the values in a page's context, remembered per object for one build."""

    def __init__(self):
        self.known = {}

    def of(self, value, bodies=True) -> str:
        """A digest of ``value``; with ``bodies`` False, items count by their metadata only."""
        if isinstance(value, str | int | float | bool | type(None)):
            return repr(value)
        memo = (id(value), bodies)
        if memo not in self.known:
            # The value is kept with its digest: a value let go of could leave its id to another one.
            self.known[memo] = (value, self._compute(value, bodies))
        return self.known[memo][1]

    def _compute(self, value, bodies) -> str:
        if isinstance(value, dict):
            value = list(value.items())
        if isinstance(value, Content):
            # Only articles are many; a page or gallery may be shown anywhere, so its body always counts.
            shown = bodies or not isinstance(value, Article)
            body = value.get_content("") if shown else ""  # None for a static file: its stamp is in the site key
            return hash_of(self.metadata(value), body or "")
        if isinstance(value, URLWrapper):
            return repr((type(value).__name__, str(value), value.slug))
        if isinstance(value, Page):  # the current page of a listing: its items are shown in full
            return hash_of(repr(listing_page_shape(value)), self.of(page_items(value)))
        if isinstance(value, Paginator):  # the shape of a listing; its items count in the site key
            return repr(listing_shape(value))
        if isinstance(value, list | tuple):
            return hash_of(*(self.of(item, bodies) for item in value))
        return repr(value)  # an object without a stable repr changes the key every build: rendered, never stale

    @staticmethod
    def metadata(content) -> str:
        """What any page may show of an item: its metadata, URL and summary text.

        Listings anywhere show the summary text, which without a ``Summary:`` comes from the body's first words.
        """
        fields = sorted((key, repr(value)) for key, value in content.metadata.items())
        summary = getattr(content, "summary_text", None)
        return repr((type(content).__name__, content.source_path, content.url, fields, summary))


def settings_digest(settings) -> str:
    """Every setting that reads the same from build to build (an object shown by its address does not)."""
    shown = (f"{key}={value!r}" for key, value in sorted(settings.items()) if key not in VOLATILE_SETTINGS)
    return hash_of(*(line for line in shown if " at 0x" not in line))


def hash_of(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class CachingWriter(ParallelWriter):
    """Pelican's writer, with each template wrapped so that an unchanged page is read instead of rendered."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.folder = None  # known at the first page, once every item is read
        self.digests = Digests()

    def write_file(self, name, template, context, relative_urls=False, paginated=None, **kwargs):
        if self.folder is None:
            self.folder = self.open_cache(context)
        # As Pelican decides: a paginated template shows its full lists (articles, dates) one page at a time.
        paginates = kwargs.get("template_name") in self.settings["PAGINATED_TEMPLATES"]
        listed = tuple(paginated or PAGINATED_BY_DEFAULT) if paginates else ()
        wrapped = CachedTemplate(template, self, context, listed + METADATA_ONLY)
        return super().write_file(name, wrapped, context, relative_urls, paginated, **kwargs)

    def open_cache(self, context) -> Path:
        """The cache folder for this site key; of the others only the last used stays (preview and publish)."""
        root = Path(self.settings["RENDER_CACHE_PATH"])
        current = root / self.site_key(context)
        current.mkdir(parents=True, exist_ok=True)
        current.touch()
        others = sorted((p for p in root.iterdir() if p != current), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in others[KEPT_SITE_KEYS:]:
            shutil.rmtree(stale, ignore_errors=True)
        return current

    def site_key(self, context) -> str:
        items = [value for value in context.values() if isinstance(value, list | tuple)]
        # Articles count by their digests; every other file (pages, images, photos) by its time and size.
        sources = {item.source_path for group in items for item in group if isinstance(item, Article)}
        stamps = chain(code_stamps(SHARED_INPUTS, Path(self.settings["PATH"])), file_stamps(self.settings["THEME"]))
        files = [f"{path} {size} {mtime}" for path, size, mtime in stamps if path not in sources]
        metadata = (self.digests.of(group, bodies=False) for group in items)
        return hash_of(settings_digest(self.settings), *files, *metadata)


class CachedTemplate:
    """Stands in for a Jinja template in one ``write_file`` call."""

    def __init__(self, template, writer, context, metadata_only):
        self.template = template
        self.writer = writer
        self.context = context
        self.metadata_only = metadata_only

    def render(self, localcontext) -> str:
        stored = self.writer.folder / f"{self.page_key(localcontext)}.html"
        try:
            return stored.read_text(encoding="utf-8")
        except FileNotFoundError:
            pass
        output = self.template.render(localcontext)
        partial = stored.with_suffix(".part")
        partial.write_text(output, encoding="utf-8")
        partial.replace(stored)  # never a half-written page in the cache
        return output

    def page_key(self, localcontext) -> str:
        """The template and every value of this page's context that is not the site's shared one."""
        digests = self.writer.digests
        parts = [self.template.name or "", self.template.filename or ""]
        for name in sorted(localcontext):
            value = localcontext[name]
            if name in self.context and self.context[name] is value and name != LOCAL_SITE_URL:
                continue
            parts.append(f"{name}={digests.of(value, bodies=name not in self.metadata_only)}")
        return hash_of(*parts)
