"""Galleries and photo references of the authoring contract, read and checked without Pelican or Pillow.

The same functions serve ``invoke check`` (with line numbers, before any rendering) and the galleries plugin
(which then turns the files found here into responsive, metadata-free photos).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from warta.contract import GALLERY, Document, UnreadableFile, check_document, read_document, slug_of
from warta.problems import WARNING, Problem

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
INDEX_NAMES = {"id": "index.md", "en": "index.en.md"}
# ![alt](path "caption"); the path may be written <in angle brackets> when it holds spaces.
IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?:<(?P<angled>[^>]+)>|(?P<plain>[^\s)]+))(?:\s+([\"'])(?P<caption>.*?)\4)?\s*\)"
)
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass
class PhotoRef:
    """A photo named in a content file: where it points, and what the file says about it."""

    path: Path
    written: str
    alt: str
    caption: str
    line: int | None


@dataclass
class GalleryIndex:
    """A gallery folder: its ``index.md`` document and photos in display order, per language."""

    folder: Path
    doc: Document
    photos: list[PhotoRef]
    texts: dict[str, Document] = field(default_factory=dict)
    captions: dict[str, dict[str, PhotoRef]] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.folder.name


def is_photo(path: Path) -> bool:
    """A raster photo the pipeline handles (Thumbs.db, .DS_Store, desktop.ini and the like are not)."""
    return path.suffix.lower() in PHOTO_SUFFIXES and not path.name.startswith(".")


def photo_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and is_photo(p))


def gallery_folders(unit_path: Path) -> list[Path]:
    top = Path(unit_path) / "galleries"
    return sorted(p for p in top.iterdir() if p.is_dir() and not p.name.startswith(".")) if top.is_dir() else []


def image_refs(doc: Document) -> list[tuple[re.Match, int]]:
    """Every ``![alt](path "caption")`` of the body with its line number in the file."""
    found = []
    for offset, line in enumerate(doc.body.splitlines()):
        found += [(match, doc.body_line + offset) for match in IMAGE.finditer(line)]
    return found


def resolve(written: str, base: Path, unit_path: Path, source: Path, line: int | None) -> tuple[Path, list[Problem]]:
    """``written`` relative to ``base``; a problem naming ``source`` when it leaves the unit or is missing."""
    path = (Path(base) / written).resolve()
    if not path.is_relative_to(Path(unit_path).resolve()):
        return path, [Problem.of(source, "photo_outside_unit", line, file=written)]
    if not path.is_file():
        return path, [Problem.of(source, "photo_missing", line, file=written)]
    return path, header_problems(path) if is_photo(path) else []


def header_problems(path: Path) -> list[Problem]:
    """An empty file or one that is no photo at all, told from its first bytes (decoding is the build's job)."""
    if path.stat().st_size == 0:
        return [Problem.of(path, "photo_empty")]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the build applies our own limit
            with Image.open(path):
                pass
    except Image.DecompressionBombError:
        return []  # the build names it with its megapixels
    except (UnidentifiedImageError, OSError):
        return [Problem.of(path, "photo_not_image")]
    return []


def body_photos(doc: Document, unit_path: Path) -> tuple[list[PhotoRef], list[Problem]]:
    """The photos an article or page body places, and what is wrong with them (missing, outside, no alt)."""
    refs, problems = [], []
    for match, line in image_refs(doc):
        written = match.group("angled") or match.group("plain")
        if EXTERNAL.match(written):
            continue
        path, found = resolve(written, doc.path.parent, unit_path, doc.path, line)
        problems += found
        if not match.group("alt").strip():
            problems.append(Problem.of(doc.path, "photo_no_alt", line, file=written))
        if not found and is_photo(path):
            refs.append(PhotoRef(path, written, match.group("alt").strip(), match.group("caption") or "", line))
    return refs, problems


def field_photo(doc: Document, key: str, unit_path: Path) -> tuple[Path | None, list[Problem]]:
    """The photo a header field (``Cover``) names relative to the unit folder."""
    written = doc.get(key).strip()
    if not written:
        return None, []
    path, problems = resolve(written, unit_path, unit_path, doc.path, doc.line_of(key))
    return (None if problems else path), problems


def gallery_field_problems(doc: Document, unit_path: Path) -> list[Problem]:
    """``Gallery:`` must name a folder of galleries/ that has an index.md."""
    slug = doc.get("gallery").strip()
    if not slug or (Path(unit_path) / "galleries" / slug / "index.md").is_file():
        return []
    written = doc.fields["gallery"].written_key
    return [Problem.of(doc.path, "gallery_unknown", doc.line_of("gallery"), value=slug, key=written)]


def content_photo_problems(doc: Document, unit_path: Path) -> list[Problem]:
    """Photo problems of a news item or page: body photos, Cover and Gallery."""
    problems = body_photos(doc, unit_path)[1] + field_photo(doc, "cover", unit_path)[1]
    return problems + gallery_field_problems(doc, unit_path)


def read_gallery(folder: Path, unit_path: Path, timezone: str) -> tuple[GalleryIndex | None, list[Problem]]:
    """A gallery folder read by the contract: photo lines in order, unlisted photos appended with a warning."""
    index = Path(folder) / INDEX_NAMES["id"]
    if not index.is_file():
        return None, [Problem.of(folder, "gallery_no_index")]
    if slug_of(Document(Path(folder))) != Path(folder).name:
        return None, [Problem.of(folder, "gallery_bad_name", suggestion=slug_of(Document(Path(folder))))]
    try:
        doc = read_document(index)
    except UnreadableFile as unreadable:
        return None, [unreadable.problem]
    problems = check_document(doc, GALLERY, timezone)
    photos, found = gallery_lines(doc, folder, unit_path)
    problems += found
    listed = {ref.path for ref in photos}
    for path in photo_files(folder):
        if path not in listed:
            problems.append(Problem.of(index, "photo_unlisted", None, WARNING, file=path.name))
            photos.append(PhotoRef(path.resolve(), path.name, "", "", None))
    gallery = GalleryIndex(Path(folder), doc, photos, texts={"id": doc})
    problems += read_translation(gallery, unit_path)
    return (None if any(p.is_error for p in problems) else gallery), problems


def gallery_lines(doc: Document, folder: Path, unit_path: Path) -> tuple[list[PhotoRef], list[Problem]]:
    """The ``![alt](file "caption")`` lines of a gallery index; other text is a warning, not silently lost."""
    refs, problems = body_photos(doc, unit_path)
    matched = {line for _, line in image_refs(doc)}
    for offset, text in enumerate(doc.body.splitlines()):
        line = doc.body_line + offset
        if text.strip() and line not in matched:
            problems.append(Problem.of(doc.path, "gallery_stray_line", line, WARNING))
    for ref in refs:
        if ref.path.parent != Path(folder).resolve():
            problems.append(Problem.of(doc.path, "photo_not_in_gallery", ref.line, file=ref.written))
    return refs, problems


def read_translation(gallery: GalleryIndex, unit_path: Path) -> list[Problem]:
    """``index.en.md``: English title, summary, alt texts and captions for the same files (optional)."""
    path = gallery.folder / INDEX_NAMES["en"]
    if not path.is_file():
        return []
    try:
        doc = read_document(path)
    except UnreadableFile as unreadable:
        return [unreadable.problem]
    refs, problems = body_photos(doc, unit_path)
    own = {ref.path for ref in gallery.photos}
    problems += [
        Problem.of(path, "photo_not_in_gallery", ref.line, file=ref.written) for ref in refs if ref.path not in own
    ]
    gallery.texts["en"] = doc
    gallery.captions["en"] = {ref.path: ref for ref in refs}
    return problems
