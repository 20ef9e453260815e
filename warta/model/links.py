"""Paths and links written in a body, as a Markdown preview reads them: relative to the file, inside the unit.

Pure logic shared by ``invoke check`` (with line numbers, before rendering) and the links plugin (which turns each
link into its target's URL): the links of a body with their lines, and what kind of thing a link lands on. What a
written path names is ``warta.model.paths.resolve_body_path``, the same for links and photos.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from warta.model import urls
from warta.model.contract import Document, UnreadableFile, is_draft, parse_date
from warta.model.paths import hash_cut_name, resolve_body_path, split_reference
from warta.model.problems import Problem
from warta.model.translations import original_path

if TYPE_CHECKING:
    from warta.model.unit_content import UnitContent

# [text](target "title") but not ![alt](photo): the target may be written <in angle brackets> when it holds spaces.
LINK = re.compile(
    r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(?:<(?P<angled>[^>]*)>|(?P<plain>[^\s)]+))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
IMAGE_TARGET = re.compile(r"!\[[^\]]*\]\(\s*(?:<(?P<angled>[^>]*)>|(?P<plain>[^\s)]+))")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?:<(?P<angled>[^>]*)>|(?P<plain>\S+))")
RAW_ANCHOR = re.compile(r"<a\s[^>]*?href=(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)')", re.IGNORECASE)
RAW_IMAGE = re.compile(r"<img\s[^>]*?src=(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)')", re.IGNORECASE)
CODE_SPAN = re.compile(r"(`+).+?\1")
FENCE = re.compile(r"^\s*(```|~~~)")
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)

ITEM, GALLERY, DOCUMENT, STATIC, UNPUBLISHED = "item", "gallery", "document", "static", "unpublished"
ITEM_FOLDERS = {"news", "pages"}
STATIC_FOLDERS = {"images"}
# Pictures published from images/ as they are (photos go through the pipeline); a PDF there belongs in documents/.
STATIC_SUFFIXES = {".svg", ".gif", ".ico", ".avif"}
GALLERY_INDEXES = {"index.md": "id", "index.en.md": "en"}
# Site addresses that exist without a content file behind them (listings, search, feeds), in either language.
SECTION_URLS = {"", "berita/", "galeri/", "kategori/", "tag/", "arsip/", "cari/", "feeds/atom.xml", "sitemap.xml"}
GENERATED_SECTIONS = re.compile(r"^(?:berita/\d+/|(?:kategori|tag|kontributor)/[^/]+/(?:\d+/)?)$")


@dataclass(frozen=True)
class LinkRef:
    """A link written in a content file: its target as written (angle brackets removed) and its line."""

    written: str
    line: int


@dataclass(frozen=True)
class Target:
    """What a link lands on: ``kind`` (an item, a gallery, a document, a static file, or a file not published)."""

    kind: str
    path: Path
    in_unit: PurePosixPath

    @property
    def lang(self) -> str:
        """The language a gallery index or a ``<name>.en.md`` is written in."""
        if self.kind == GALLERY:
            return GALLERY_INDEXES[self.path.name]
        return "en" if self.path.name.lower().endswith(".en.md") else "id"


def is_external(written: str) -> bool:
    """A web address, ``mailto:``, ``tel:`` or an anchor on the same page: not a file of the unit."""
    return bool(EXTERNAL.match(written)) or written.startswith("#")


def is_site_address(written: str) -> bool:
    """``/berita/2024/x/``: an address on the unit's site, not a path to a file."""
    return written.startswith("/") and not written.startswith("//")


def body_links(body: str, first_line: int) -> list[LinkRef]:
    """Every ``[text](target)``, ``[id]: target`` and raw ``<a href>`` of a body with its line, code left out."""
    if "[" not in body and "<" not in body:  # every form starts with one of these; leaving code out adds none
        return []
    found = []
    for text, line in prose_lines(body, first_line):
        matches = list(LINK.finditer(text)) + list(RAW_ANCHOR.finditer(text))
        reference = REFERENCE.match(text)
        matches += [reference] if reference else []
        found += [LinkRef(written_in(match), line) for match in matches]
    return [ref for ref in found if ref.written]


def raw_images(body: str, first_line: int) -> list[LinkRef]:
    """Every ``<img src>`` written as HTML in a body (``![alt](photo)`` is warta.model.galleries'), with its line."""
    if "<" not in body:
        return []
    found = [
        LinkRef(written_in(m), line) for text, line in prose_lines(body, first_line) for m in RAW_IMAGE.finditer(text)
    ]
    return [ref for ref in found if ref.written]


def prose_lines(body: str, first_line: int):
    """(text, line number) of each line of a Markdown body that is not code, inline code spans removed."""
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and not line.startswith(("    ", "\t")):
            yield CODE_SPAN.sub("", line), first_line + offset


def written_in(match: re.Match) -> str:
    """The target a link pattern matched, in whichever of its forms (angled, plain, quoted) it was written."""
    return next((value for value in match.groupdict().values() if value), "")


def target_of(path: Path, unit_path: Path) -> Target | None:
    """What lies at ``path`` (inside the unit) for a link: None when nothing does."""
    in_unit = PurePosixPath(Path(path).relative_to(unit_path).as_posix())
    if not in_unit.parts:
        return None
    if path.is_dir():
        index = path / "index.md"
        is_gallery = in_unit.parts[0] == "galleries" and len(in_unit.parts) == 2 and index.is_file()
        return Target(GALLERY, index, in_unit / "index.md") if is_gallery else None
    return Target(kind_of_file(path, in_unit), path, in_unit) if path.is_file() else None


def kind_of_file(path: Path, in_unit: PurePosixPath) -> str:
    parts, suffix = in_unit.parts, path.suffix.lower()
    if parts[0] in ITEM_FOLDERS and suffix in (".md", ".markdown"):
        return ITEM
    if parts[0] == "galleries" and len(parts) == 3 and parts[2] in GALLERY_INDEXES:
        return GALLERY
    if parts[0] == "documents":
        return DOCUMENT
    return STATIC if parts[0] in STATIC_FOLDERS and suffix in STATIC_SUFFIXES else UNPUBLISHED


def site_address(written: str) -> str:
    """``/en/berita/2024/x/#a`` → ``en/berita/2024/x/``: the site-relative URL of a site address."""
    return unquote(split_reference(written)[0]).lstrip("/")


def is_section_url(url: str) -> bool:
    """A listing, the search page or a feed: addresses the site writes without a content file behind them."""
    base = urls.default_lang_url(url)
    return base in SECTION_URLS or bool(GENERATED_SECTIONS.match(base))


class LinkChecker:
    """The links of a unit's files checked against what the unit publishes, as ``invoke check`` reports them.

    ``addresses``: every site-relative URL of the unit's items, galleries and documents (both languages);
    ``content``: the unit's documents, for the dates and status of the items links land on.
    """

    def __init__(
        self, unit_path: Path, timezone: str, addresses: set[str], content: UnitContent, now: datetime | None = None
    ):
        self.unit_path = Path(unit_path)
        self.content = content
        self.timezone = timezone
        self.addresses = addresses
        self.now = now or datetime.now(ZoneInfo(timezone))
        self.linked: set[PurePosixPath] = set()  # documents some link reaches, by their path in the unit
        self.linked_urls: set[str] = set()
        self._published: dict[Path, bool] = {}

    def problems(self, doc: Document, from_draft: bool = False) -> list[Problem]:
        """Every link of ``doc``'s body that lands on nothing the site publishes, at its line.

        A draft may link another draft: both are published together or not at all.
        """
        found = [self.problem(ref, doc.path) for ref in body_links(doc.body, doc.body_line)]
        found += [self.image_problem(ref, doc.path) for ref in raw_images(doc.body, doc.body_line)]
        return [p for p in found if p is not None and not (from_draft and p.code == "link_unpublished")]

    def image_problem(self, ref: LinkRef, source: Path) -> Problem | None:
        """A picture written as HTML that is not there (site addresses are left to the built site's check)."""
        if is_external(ref.written) or is_site_address(ref.written) or ref.written.startswith("data:"):
            return None
        path = resolve_body_path(ref.written, source.parent, self.unit_path)
        if path is None:
            return Problem.of(source, "photo_outside_unit", ref.line, file=ref.written)
        return None if path.is_file() else Problem.of(source, "photo_missing", ref.line, file=ref.written)

    def problem(self, ref: LinkRef, source: Path) -> Problem | None:
        if is_external(ref.written):
            return None
        if is_site_address(ref.written):
            return self.address_problem(ref, source)
        code = self.file_problem(ref.written, source)
        return Problem.of(source, code, ref.line, file=ref.written) if code else None

    def file_problem(self, written: str, source: Path) -> str | None:
        """The message code of what is wrong with a link to a file, or None."""
        path = resolve_body_path(written, source.parent, self.unit_path)
        if path is None:
            return "link_outside_unit"
        target = target_of(path, self.unit_path)
        if target is None:
            return "path_hash_in_name" if hash_cut_name(written, source.parent) else "link_missing"
        if target.kind == DOCUMENT:
            self.linked.add(target.in_unit)
        if target.kind == UNPUBLISHED:
            return "link_not_published"
        if target.kind in (ITEM, GALLERY) and not self.is_published(target.path):
            return "link_unpublished"
        return None

    def address_problem(self, ref: LinkRef, source: Path) -> Problem | None:
        """``/berita/2024/x/``: an address of an item, gallery or document of the unit, or a listing."""
        url = site_address(ref.written)
        self.linked_urls.add(url)
        if url in self.addresses or is_section_url(url):
            return None
        return Problem.of(source, "link_missing_address", ref.line, url="/" + url)

    def is_published(self, path: Path) -> bool:
        """False for a draft or an item dated in the future (a translation: its original's date and status)."""
        if path not in self._published:
            self._published[path] = all(self._ready(version) for version in {path, original_path(path)})
        return self._published[path]

    def _ready(self, path: Path) -> bool:
        try:
            doc = self.content.document(path)
        except (UnreadableFile, OSError):
            return True  # reported where the file itself is checked
        try:
            date = parse_date(doc.get("date"), self.timezone)
        except ValueError:
            date = None
        return not is_draft(doc) and (date is None or date <= self.now)
