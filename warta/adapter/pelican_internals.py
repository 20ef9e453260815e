"""Every name of Pelican's that its documentation does not promise, in one place, each saying what it relies on.

Plugins use Pelican's public signals and settings directly; whatever else they need of Pelican (its classes from
its submodules, attributes and methods of its objects) comes from here, so an upgrade past the ``pelican==4.12.0``
pin breaks in one module, and tests/test_pelican_internals.py names what broke: one guard test per reliance.
"""

from __future__ import annotations

import functools
import io
import logging
import os

# Pelican's classes, imported from its submodules (none of them is re-exported by the ``pelican`` package).
# Generators: isinstance checks and subclasses (get_generators); a subclass relies on ``context``, ``settings``,
# ``env``, ``path`` and ``get_files``.
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator, StaticGenerator
from pelican.paginator import Page, Paginator
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from pelican.urlwrappers import Author, Category, Tag, URLWrapper
from pelican.utils import SafeDatetime, order_content, posixize_path
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)

# The key Writer.write_file puts in a page's context (its URL back to the site's root, with relative URLs) and copies
# into the shared context just before rendering; Content.get_siteurl reads it there to make the page's links.
LOCAL_SITE_URL = "localsiteurl"
# Every way a template reaches an item's body: ``content`` and ``summary`` call these methods of ``Content``.
BODY_READERS = ("get_content", "get_summary")

__all__ = [
    "BODY_READERS",
    "LOCAL_SITE_URL",
    "Article",
    "ArticlesGenerator",
    "Author",
    "Category",
    "Content",
    "FileOverwriteFailedError",
    "Generator",
    "MarkdownReader",
    "NotifyingWriter",
    "Page",
    "PagesGenerator",
    "Paginator",
    "SafeDatetime",
    "StaticGenerator",
    "Tag",
    "URLWrapper",
    "Writer",
    "body_of",
    "content_files",
    "failed_sources",
    "forget_rendered_bodies",
    "has_own_url",
    "assign_reader",
    "assigned_readers",
    "link_targets",
    "listing_page_shape",
    "listing_shape",
    "order_content",
    "page_items",
    "read_settings",
    "remember_relative_source_paths",
    "replace_static_files",
    "set_body",
    "set_url",
]


def assign_reader(readers, extensions, reader) -> None:
    """Make ``reader`` (an instance) read every file with one of ``extensions``, in either case.

    Relies on ``Readers.readers``: the dict of reader instances by extension that ``Readers.read_file`` consults.
    The public ``READERS`` setting takes classes, made once per build without arguments; the contract reader is
    made per generator with the build's shared problem list and Markdown bodies.
    """
    for extension in extensions:
        readers.readers[extension] = readers.readers[extension.upper()] = reader


def assigned_readers(readers) -> dict:
    """The reader instances ``Readers.read_file`` consults, by extension: the dict ``assign_reader`` fills.

    The preview (warta.tool.preview) wraps each contract reader in one that remembers what it read.
    """
    return readers.readers


def content_files(generator) -> list[str]:
    """The files an articles or pages generator will read, in the order it reads them.

    Relies on ``Generator.get_files(paths, exclude)``, called by ``generate_context`` with the generator's
    ``<KIND>_PATHS`` and ``<KIND>_EXCLUDES``: the same call gives the same list.
    """
    kind = "ARTICLE" if isinstance(generator, ArticlesGenerator) else "PAGE"
    files = generator.get_files(generator.settings[f"{kind}_PATHS"], generator.settings[f"{kind}_EXCLUDES"])
    return [os.path.abspath(os.path.join(generator.path, name)) for name in files]


def failed_sources(context) -> list[str]:
    """Files Pelican could not read, relative to PATH: it logs them and goes on (and exits 0).

    Relies on ``Generator._add_failed_source_path``: a file that failed is entered in ``generated_content`` with
    ``None`` for its content.
    """
    return [path for path, content in context.get("generated_content", {}).items() if content is None]


def link_targets(context) -> dict:
    """Where Pelican looks up the targets of ``{filename}`` links, by path relative to PATH.

    Relies on ``Content._link_replacer``: a ``{filename}x`` link takes the ``url`` of the object entered at
    ``context["generated_content"]["x"]`` (of ``static_content`` for a static file), whatever its class.
    """
    return context.setdefault("generated_content", {})


def replace_static_files(generator, kept: list) -> None:
    """Publish only ``kept`` of a static generator's files.

    Relies on ``StaticGenerator.generate_context`` putting its own ``staticfiles`` list (the same object) into the
    context, which ``generate_output`` copies from: the list is changed in place, not replaced.
    """
    generator.staticfiles[:] = kept


def set_url(item, url: str, save_as: str | None = None) -> None:
    """Give ``item`` (a content or static file) ``url``, and ``save_as`` when given, as its own.

    Relies on ``Content.get_url_setting``: an ``override_url`` (``override_save_as``) attribute is returned as it
    is, as for ``URL:`` metadata, instead of the URL worked out from the settings on every access. A given
    ``save_as`` also lets the file overwrite another output file (Pelican's meaning of an overridden one).
    """
    item.override_url = url
    if save_as is not None:
        item.override_save_as = save_as


@functools.lru_cache(maxsize=1 << 16)
def relative_source_path(base: str, source_path: str) -> str:
    """``source_path`` relative to the absolute folder ``base``, as Pelican's ``get_relative_source_path`` spells it.

    A pure function of its arguments when ``base`` is absolute (``abspath`` reads the working folder only for a
    relative path, and a path joined to an absolute one is absolute), so it is remembered.
    """
    return posixize_path(os.path.relpath(os.path.abspath(os.path.join(base, source_path)), os.path.abspath(base)))


_pelicans_relative_source_path = Content.get_relative_source_path


def _remembered_relative_source_path(self, source_path: str | None = None) -> str | None:
    if not source_path:
        source_path = self.source_path
    base = self.settings["PATH"]
    if source_path is None or not os.path.isabs(base):
        return _pelicans_relative_source_path(self, source_path)
    return relative_source_path(base, source_path)


def remember_relative_source_paths() -> None:
    """Make ``Content.get_relative_source_path`` remember its answers (``relative_source_path``).

    Relies on ``Content.url_format`` (behind every ``url`` and ``save_as`` that is not overridden), ``__init__`` and
    ``Generator.add_source_path`` calling ``self.get_relative_source_path(...)``: each url computes it again, two
    ``relpath``s and four ``abspath``s, about ten times per item in a build.
    """
    Content.get_relative_source_path = _remembered_relative_source_path


def has_own_url(item) -> bool:
    """Whether ``item`` carries a URL of its own (``URL:`` metadata, or one set by ``set_url``)."""
    return hasattr(item, "override_url")


def body_of(item) -> str:
    """The HTML body as the reader returned it, before Pelican's link replacement.

    Relies on ``Content._content``: the reader's body, which ``get_content`` (and ``content``, ``summary``) replace
    ``{filename}`` links in on every read.
    """
    return item._content  # noqa: SLF001


def set_body(item, html: str) -> None:
    """Replace the reader's body of ``item`` (see ``body_of``)."""
    item._content = html  # noqa: SLF001


def forget_rendered_bodies(items=None) -> None:
    """Make the ``content`` and ``summary`` of ``items`` (every item when None) come from their bodies as they are now.

    Relies on ``Content.get_content`` and ``Content.get_summary`` being ``pelican.utils.memoized``: one ``cache``
    dict per method for every instance, keyed by ``(item, siteurl)`` and never emptied, so a body changed on a live
    item (the preview's) would keep its old HTML, and a long-lived process would keep every item it ever rendered.
    """
    chosen = None if items is None else {id(item) for item in items}
    for method in ("get_content", "get_summary"):
        cache = vars(Content)[method].cache
        for key in [key for key in cache if chosen is None or id(key[0]) in chosen]:
            del cache[key]


class NotifyingWriter(Writer):
    """Pelican's writer, told the path of each file ``write_file`` opens (``opened``), right after rendering it.

    Relies on ``Writer.write_file`` rendering the template (``template.render(localcontext)``), creating the file's
    folder and then opening the output with ``Writer._open_w(path, encoding, override)``, which returns the open
    file (``os.devnull``'s when the write is skipped), before it sends ``content_written``. Feeds are opened through
    ``_open_w`` too, with no template rendered. A subclass that writes a page's file itself, later
    (``writes_later``), has nothing opened: Pelican's overwrite checks are made as ``_open_w`` makes them
    (``claim``), on its ``_written_files`` and ``_overridden_files``, and the page's empty output goes nowhere.
    """

    def _open_w(self, filename, encoding, override=False):
        if self.writes_later(filename):
            self.opened(self.claim(filename, override))
            return io.StringIO()
        opened = super()._open_w(filename, encoding, override)
        self.opened(opened.name)
        return opened

    def claim(self, filename: str, override: bool) -> str:
        """Pelican's checks before it writes ``filename``: the path to write (``os.devnull``: an earlier page kept)."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return os.devnull
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written to it previously '
                    "(set `override=True` if intended)"
                )
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    def writes_later(self, path: str) -> bool:
        """Whether the file of ``path`` is written by this writer itself, later, so nothing is opened now."""
        return False

    def opened(self, path: str) -> None:
        """``path`` is about to be written."""


def listing_page_shape(page) -> tuple:
    """Where a listing page stands: its name, number, and the listing's item and page counts.

    Relies on ``Page.full_name``, ``Page.number``, ``Page.paginator.count`` and ``.num_pages``.
    """
    return (page.full_name, page.number, page.paginator.count, page.paginator.num_pages)


def listing_shape(paginator) -> tuple:
    """A listing's name, item count, items per page and page count.

    Relies on ``Paginator.name``, ``.count``, ``.per_page`` and ``.num_pages``.
    """
    return (paginator.name, paginator.count, paginator.per_page, paginator.num_pages)


def page_items(page) -> list:
    """The items a listing page shows. Relies on ``Page.object_list``."""
    return page.object_list
