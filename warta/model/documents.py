"""Documents to download (``documents/**``): which types are published, at which URL, and how a link describes them.

Pure logic shared by ``invoke check`` and the links plugin, so both accept, refuse and name documents alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from babel.numbers import format_decimal

from warta.model.contract import make_slug
from warta.model.problems import Problem

FOLDER = "documents"
URL_PREFIX = "dokumen/"
MAX_BYTES = 50 * 1024 * 1024  # hosting limits: GitHub Pages refuses files over 100 MB and warns from 50 MB
# What a visitor is told the file is, by extension (the same words in both languages).
TYPE_LABELS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".odt": "ODT",
    ".ods": "ODS",
    ".odp": "ODP",
    ".csv": "CSV",
    ".txt": "TXT",
    ".zip": "ZIP",
}
ACCEPTED = ", ".join(dict.fromkeys(TYPE_LABELS.values()))
# Files an operating system leaves in folders; never staff's documents.
SYSTEM_FILES = {"thumbs.db", "desktop.ini"}
NUMBER_LOCALES = {"id": "id_ID", "en": "en_GB"}


@dataclass(frozen=True)
class DocumentFile:
    """A file under documents/: its path, its path in the unit, and its published URL (site-relative)."""

    path: Path
    in_unit: PurePosixPath
    url: str
    size: int

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.path.suffix.lower(), self.path.suffix.lstrip(".").upper())


def is_system_file(path: Path) -> bool:
    return path.name.startswith((".", "~")) or path.name.lower() in SYSTEM_FILES


def document_files(unit_path: Path) -> list[DocumentFile]:
    """Every file staff put under documents/ (system files left out), sorted by path."""
    top = Path(unit_path) / FOLDER
    if not top.is_dir():
        return []
    found = []
    for path in sorted(top.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(top).parts)
        if path.is_file() and not hidden and not is_system_file(path):
            found.append(document_file(unit_path, path))
    return found


def document_file(unit_path: Path, path: Path) -> DocumentFile:
    """The document at ``path`` (a file under the unit's documents/)."""
    in_unit = PurePosixPath(Path(path).relative_to(unit_path).as_posix())
    return DocumentFile(Path(path), in_unit, document_url(in_unit), Path(path).stat().st_size)


def document_url(in_unit: PurePosixPath) -> str:
    """``documents/PPID/Laporan 2024.PDF`` → ``dokumen/ppid/laporan-2024.pdf``: every part made URL-safe."""
    parts = in_unit.parts[1:]
    folders = [make_slug(part) or "folder" for part in parts[:-1]]
    name = PurePosixPath(parts[-1])
    stem = make_slug(name.stem) or "dokumen"
    return URL_PREFIX + "/".join([*folders, stem + name.suffix.lower()])


def document_problems(document: DocumentFile) -> list[Problem]:
    """A type that is not a document (it could run on the site, or no one can open it), an empty or huge file."""
    if document.path.suffix.lower() not in TYPE_LABELS:
        suffix = document.path.suffix or document.path.name
        return [Problem.of(document.path, "document_type_refused", suffix=suffix, accepted=ACCEPTED)]
    if document.size == 0:
        return [Problem.of(document.path, "document_empty")]
    if document.size > MAX_BYTES:
        return [Problem.of(document.path, "document_too_large", size=human_size(document.size, "id"), limit="50 MB")]
    return []


def shared_document_urls(documents: list[DocumentFile]) -> list[Problem]:
    """Two files whose names become one URL (``Laporan 2024.pdf`` and ``laporan-2024.pdf``)."""
    by_url: dict[str, list[DocumentFile]] = {}
    for document in documents:
        by_url.setdefault(document.url, []).append(document)
    return [
        Problem.of(document.path, "document_same_url", url=url, other=other.in_unit.as_posix())
        for url, sharing in by_url.items()
        for document in sharing
        for other in sharing
        if other is not document
    ]


def human_size(size: int, lang: str) -> str:
    """``1,2 MB`` in Indonesian, ``1.2 MB`` in English; whole kilobytes below a megabyte."""
    locale = NUMBER_LOCALES.get(lang, NUMBER_LOCALES["en"])
    if size < 1024 * 1024:
        return f"{format_decimal(max(1, round(size / 1024)), locale=locale)} KB"
    return f"{format_decimal(size / (1024 * 1024), format='#,##0.#', locale=locale)} MB"


def describe(document: DocumentFile, lang: str) -> str:
    """What a link to the document tells a visitor before they tap: ``PDF, 1,2 MB``."""
    return f"{document.type_label}, {human_size(document.size, lang)}"
