"""The names staff may write for each header key, in Indonesian and in English: the one table of them.

``Judul: ...`` and ``Title: ...`` are the same key. The reader, ``invoke check``, ``invoke new``, the messages and
the web editor all take the names from here, so a name added here is accepted everywhere at once. Keys are
canonical in English lower case (``title``), as Pelican's metadata names them; names are matched case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyNames:
    """How one key is written: its Indonesian name (written by ``invoke new``), its English name, other names."""

    indonesian: str
    english: str
    others: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        return (self.indonesian, self.english, *self.others)

    def in_lang(self, lang: str) -> str:
        return self.english if lang == "en" else self.indonesian


HEADER_KEYS: dict[str, KeyNames] = {
    "title": KeyNames("Judul", "Title"),
    "date": KeyNames("Tanggal", "Date"),
    "modified": KeyNames("Diperbarui", "Modified"),
    "place": KeyNames("Tempat", "Place"),
    "category": KeyNames("Kategori", "Category"),
    "tags": KeyNames("Tag", "Tags"),
    "gallery": KeyNames("Galeri", "Gallery"),
    "cover": KeyNames("Sampul", "Cover"),
    "summary": KeyNames("Ringkasan", "Summary"),
    "status": KeyNames("Status", "Status"),
    "slug": KeyNames("Slug", "Slug"),
    # Protected people (DESIGN.md): who is protected, and the editor who reviewed the item (warta.model.protection).
    "protection": KeyNames("Perlindungan", "Protection"),
    "reviewed": KeyNames("Ditinjau", "Reviewed"),
    # Credits: who did what (plugins/bylines).
    "writer": KeyNames("Penulis", "Writer", ("Author",)),
    "editor": KeyNames("Editor", "Editor"),
    "translator": KeyNames("Penerjemah", "Translator"),
    "photographer": KeyNames("Fotografer", "Photographer"),
}
CREDIT_ROLES = ("writer", "editor", "translator", "photographer")
# What ``Status:`` may say, in either language, and what it means.
STATUS_VALUES = {"draf": "draft", "draft": "draft", "published": "published"}
DRAFT = "draft"

_BY_WRITTEN_NAME = {name.lower(): key for key, names in HEADER_KEYS.items() for name in names.all()}


def canonical_key(written: str) -> str:
    """``Judul``, ``TITLE`` and ``title`` → ``title``; an unknown name is returned in lower case."""
    written = written.strip().lower()
    return _BY_WRITTEN_NAME.get(written, written)


def is_known(key: str) -> bool:
    return key in HEADER_KEYS


def key_name(key: str, lang: str = "id") -> str:
    """The name a message or a template shows for ``key`` in ``lang`` (``Judul`` / ``Title``)."""
    return HEADER_KEYS[key].in_lang(lang)


def status_meaning(written: str) -> str | None:
    """``draf`` / ``Draft`` → ``draft``; None for a value that means nothing."""
    return STATUS_VALUES.get(written.strip().lower())
