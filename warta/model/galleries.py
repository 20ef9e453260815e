"""Galleries and photo references of the authoring contract, read and checked without Pelican or Pillow.

The same functions serve ``invoke check`` (with line numbers, before any rendering) and the galleries plugin
(which then turns the files found here into responsive, metadata-free photos).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from warta import ROOT
from warta.media import decoding
from warta.model.contract import GALLERY, Document, UnreadableFile, check_document, is_draft, slug_of
from warta.model.links import raw_images
from warta.model.paths import hash_cut_name, resolve_body_path
from warta.model.placeholders import placeholder_problems
from warta.model.problems import WARNING, Problem

if TYPE_CHECKING:
    from warta.model.unit_content import UnitContent

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
SERVED_AS_IS = {".svg", ".gif"}  # images Pelican copies unchanged (a logo, a diagram), not camera photos
# Files that are no photo but that staff put beside photos, and where each belongs instead.
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".avi", ".3gp", ".mkv", ".webm", ".wmv"}
DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".csv"}
DOCUMENT_SUFFIXES |= {".txt", ".zip"}
SYSTEM_FILES = {"thumbs.db", "desktop.ini"}  # written by Windows on its own, never by staff
INDEX_NAMES = {"id": "index.md", "en": "index.en.md"}
# ![alt](path "caption") as Python-Markdown reads it: the path may hold spaces and (balanced) brackets, as phones
# and Windows name files (IMG 0001.JPG, Foto (2).jpg), or be written <in angle brackets>.
IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?:<(?P<angled>[^>]*)>|(?P<plain>(?:[^()\s]|\([^()]*\)|\s+(?![\"']))+?))"
    r"(?:\s+([\"'])(?P<caption>.*?)\4)?\s*\)"
)
IMAGE_START = re.compile(r"!\[")
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
    if "![" not in doc.body:  # most bodies place no photo: no need to go through them line by line
        return []
    found = []
    for offset, line in enumerate(doc.body.splitlines()):
        found += [(match, doc.body_line + offset) for match in IMAGE.finditer(line)]
    return found


def unreadable_images(doc: Document) -> list[Problem]:
    """``![`` that starts no image Markdown can read (``![alt] (x.jpg)``, a missing bracket): never silently text."""
    if "![" not in doc.body:
        return []
    problems = []
    for offset, line in enumerate(doc.body.splitlines()):
        starts = {match.start() for match in IMAGE.finditer(line)}
        if any(start.start() not in starts for start in IMAGE_START.finditer(line)):
            problems.append(Problem.of(doc.path, "image_unreadable", doc.body_line + offset))
    return problems


def resolve(
    written: str, base: Path, unit_path: Path, source: Path, line: int | None, decode: bool = False
) -> tuple[Path | None, list[Problem]]:
    """``written`` relative to ``base`` (model.paths); a problem naming ``source`` when it leaves the unit or is gone.

    ``decode``: also what the build's decoding would refuse in the photo (the check asks; the build decodes anyway).
    """
    named = resolve_body_path(written, base, unit_path)
    if named is None:
        return None, [Problem.of(source, "photo_outside_unit", line, file=written)]
    path = named.resolve()
    if not path.is_file():
        code = "path_hash_in_name" if hash_cut_name(written, base) else "photo_missing"
        return path, [Problem.of(source, code, line, file=written)]
    if not is_photo(path):
        if path.suffix.lower() in SERVED_AS_IS:
            return path, []
        return path, [Problem.of(source, "image_not_photo", line, file=written, suffixes=photo_suffixes_text())]
    return path, decode_problems(path) if decode else []


def photo_suffixes_text() -> str:
    return ", ".join(sorted({suffix.lstrip(".").upper() for suffix in PHOTO_SUFFIXES}))


def decode_problems(path: Path) -> list[Problem]:
    """What the build's decoding would refuse in this photo (warta.media.decoding), said before the build.

    A photo found good once is remembered by its size, time and inode, so a check of an unchanged unit decodes none.
    """
    marker = checked_marker(path)
    if marker.is_file():
        return []
    try:
        decoding.decodes(path)
    except decoding.PhotoError as refused:
        return [Problem.of(path, refused.code, **refused.params)]
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    return []


def checked_marker(path: Path) -> Path:
    """Where a photo's successful check is remembered: in the photo cache, keyed by its stat and the limits."""
    found = path.stat()
    limits = f"{decoding.WIDEST}\0{decoding.MAX_DECODE_BYTES}"
    text = f"{path}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ino}\0{limits}"
    cache = os.environ.get("WARTA_PHOTO_CACHE") or ROOT / ".cache" / "photos"
    return Path(cache) / "checked" / hashlib.sha256(text.encode()).hexdigest()[:32]


def body_photos(doc: Document, unit_path: Path, decode: bool = False) -> tuple[list[PhotoRef], list[Problem]]:
    """The photos an article or page body places, and what is wrong with them (missing, outside, no alt)."""
    refs, problems = [], unreadable_images(doc)
    for match, line in image_refs(doc):
        written = match.group("angled") or match.group("plain")
        if EXTERNAL.match(written):
            problems.append(Problem.of(doc.path, "image_external", line, WARNING, file=written))
            continue
        path, found = resolve(written, doc.path.parent, unit_path, doc.path, line, decode)
        problems += found
        if not match.group("alt").strip():
            problems.append(Problem.of(doc.path, "photo_no_alt", line, file=written))
        if not found and is_photo(path):
            refs.append(PhotoRef(path, written, match.group("alt").strip(), match.group("caption") or "", line))
    for ref in raw_images(doc.body, doc.body_line):  # <img src="https://..."> pasted as HTML
        if EXTERNAL.match(ref.written):
            problems.append(Problem.of(doc.path, "image_external", ref.line, WARNING, file=ref.written))
    return refs, problems


def field_photo(doc: Document, key: str, unit_path: Path, decode: bool = False) -> tuple[Path | None, list[Problem]]:
    """The photo a header field (``Cover``) names relative to the unit folder."""
    written = doc.get(key).strip()
    if not written:
        return None, []
    path, problems = resolve(written, unit_path, unit_path, doc.path, doc.line_of(key), decode)
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
    problems = body_photos(doc, unit_path, decode=True)[1] + field_photo(doc, "cover", unit_path, decode=True)[1]
    return problems + gallery_field_problems(doc, unit_path)


def read_gallery(
    folder: Path, unit_path: Path, timezone: str, content: UnitContent, decode: bool = False
) -> tuple[GalleryIndex | None, list[Problem]]:
    """A gallery folder read by the contract: photo lines in order; every other file in it named in a warning.

    Its ``index.md`` and ``index.en.md`` come from ``content``, read there once for every reader of the build.
    """
    index = Path(folder) / INDEX_NAMES["id"]
    if not index.is_file():
        return None, [Problem.of(folder, "gallery_no_index")]
    if slug_of(Document(Path(folder))) != Path(folder).name:
        return None, [Problem.of(folder, "gallery_bad_name", suggestion=slug_of(Document(Path(folder))))]
    try:
        doc = content.document(index)
    except UnreadableFile as unreadable:
        return None, [unreadable.problem]
    problems = check_document(doc, GALLERY, timezone) + placeholder_problems(doc)
    photos, found = gallery_lines(doc, folder, unit_path, decode)
    problems += found
    problems += unlisted_files(folder, index, listed_paths(doc, unit_path))
    gallery = GalleryIndex(Path(folder), doc, photos, texts={"id": doc})
    problems += read_translation(gallery, unit_path, content)
    return (None if any(p.is_error for p in problems) else gallery), problems


def listed_paths(doc: Document, unit_path: Path) -> set[Path]:
    """Every file a line names, usable or not (a bad photo is named by its own error, not as unlisted too)."""
    written = (match.group("angled") or match.group("plain") for match, _ in image_refs(doc))
    named = (resolve_body_path(name, doc.path.parent, unit_path) for name in written)
    return {path.resolve() for path in named if path is not None}


def unlisted_files(folder: Path, index: Path, listed: set[Path]) -> list[Problem]:
    """Files in the gallery folder that no line publishes: photos to list, videos and documents to put elsewhere."""
    problems = []
    for path in sorted(Path(folder).iterdir()):
        name, suffix = path.name, path.suffix.lower()
        if not path.is_file() or name.startswith(".") or name.lower() in SYSTEM_FILES or name in INDEX_NAMES.values():
            continue
        if is_photo(path):
            code = None if path.resolve() in listed else "photo_unlisted"
        else:
            code = "gallery_video" if suffix in VIDEO_SUFFIXES else "gallery_document"
            code = code if suffix in VIDEO_SUFFIXES | DOCUMENT_SUFFIXES else "gallery_other_file"
        if code:
            problems.append(Problem.of(index, code, None, WARNING, file=name))
    return problems


def gallery_lines(
    doc: Document, folder: Path, unit_path: Path, decode: bool = False
) -> tuple[list[PhotoRef], list[Problem]]:
    """The ``![alt](file "caption")`` lines of a gallery index; any other text is an error, never silently lost."""
    refs, problems = body_photos(doc, unit_path, decode)
    matched = {line for _, line in image_refs(doc)} | {p.line for p in problems if p.code == "image_unreadable"}
    for offset, text in enumerate(doc.body.splitlines()):
        line = doc.body_line + offset
        if text.strip() and line not in matched:
            problems.append(Problem.of(doc.path, "gallery_stray_line", line))
    problems = [p for p in problems if p.code != "image_external"]  # in a gallery that is an error, below
    for match, line in image_refs(doc):
        written = match.group("angled") or match.group("plain")
        if EXTERNAL.match(written):
            problems.append(Problem.of(doc.path, "gallery_external", line, file=written))
    for ref in refs:
        if ref.path.parent != Path(folder).resolve():
            problems.append(Problem.of(doc.path, "photo_not_in_gallery", ref.line, file=ref.written))
    return refs, problems


def read_translation(gallery: GalleryIndex, unit_path: Path, content: UnitContent) -> list[Problem]:
    """``index.en.md``: English title, summary, alt texts and captions for the same files (optional)."""
    path = gallery.folder / INDEX_NAMES["en"]
    if not path.is_file():
        return []
    try:
        doc = content.document(path)
    except UnreadableFile as unreadable:
        return [unreadable.problem]
    refs, problems = body_photos(doc, unit_path)
    problems += placeholder_problems(doc) if not is_draft(gallery.doc) else []
    own = {ref.path for ref in gallery.photos}
    problems += [
        Problem.of(path, "photo_not_in_gallery", ref.line, file=ref.written) for ref in refs if ref.path not in own
    ]
    gallery.texts["en"] = doc
    gallery.captions["en"] = {ref.path: ref for ref in refs}
    return problems
