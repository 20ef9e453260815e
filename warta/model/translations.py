"""Translations by file name: ``<name>.en.md`` is the English version of ``<name>.md`` in the same folder.

Pure logic shared by the Pelican reader and ``invoke check``: which language a file is in, which original it
translates, and the original's fields it inherits. Category names in English live here too.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from warta.model.contract import PAGE, Document, UnreadableFile, check_document, make_slug
from warta.model.languages import DEFAULT_LANG, TRANSLATION_LANGS
from warta.model.problems import WARNING, Problem
from warta.model.units import relative_in_unit

if TYPE_CHECKING:
    from warta.model.unit_content import UnitContent

# What a translation takes from its original when it does not say it itself; status keeps a draft's
# translation unpublished with it.
INHERITED = (
    "date",
    "modified",
    "place",
    "category",
    "tags",
    "cover",
    "gallery",
    "writer",
    "editor",
    "photographer",
    "status",
    "protection",
    "reviewed",
)
# These make addresses (its own, its category's), which must be the original's with /en in front: a translation
# cannot change them. Its category's English name comes from category_names_en.
FROM_ORIGINAL = ("slug", "date", "category")
# A translation brings its own title; everything else the contract requires comes from the original.
TRANSLATION_KIND = PAGE
CATEGORY_NAMES_EN = {
    "Berita": "News",
    "Kegiatan": "Activities",
    "Pengumuman": "Announcements",
    "Layanan": "Services",
    "Artikel": "Articles",
    "Siaran Pers": "Press Releases",
    "Agenda": "Events",
    "Informasi": "Information",
    "Kerja Sama": "Partnerships",
    "Program": "Programmes",
    "Galeri": "Gallery",
    "Prestasi": "Achievements",
}


def lang_of(path: Path | str) -> str:
    """``en`` for ``<name>.en.md``, else the default language."""
    return lang_of_name(os.path.basename(path))


@functools.lru_cache(maxsize=8192)  # pure, and asked of every file several times a build
def lang_of_name(name: str) -> str:
    suffixes = name.lower().split(".")[1:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in TRANSLATION_LANGS else DEFAULT_LANG


def is_translation(path: Path | str) -> bool:
    return lang_of(path) != DEFAULT_LANG


def original_path(path: Path | str) -> Path:
    """``news/2024/rapat.en.md`` → ``news/2024/rapat.md`` (the same suffix, in the same folder)."""
    path = Path(path)
    if not is_translation(path):
        return path
    return path.with_name(original_name(path.name))


def original_text(path: Path | str) -> str:
    """``original_path`` as a string, without pathlib (the reader asks it of every translation)."""
    text = os.fspath(path)
    if not is_translation(text):
        return text
    folder, name = os.path.split(text)
    return os.path.join(folder, original_name(name))


def original_name(name: str) -> str:
    """``rapat.en.md`` → ``rapat.md``: the name of a translation's original (``original_path`` without pathlib)."""
    stem, suffix = split_suffix(name)
    return stem.rsplit(".", 1)[0] + suffix


def split_suffix(name: str) -> tuple[str, str]:
    """``name`` without and with its last suffix, exactly as pathlib's ``stem`` and ``suffix`` see it."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def translation_key(path: Path | str, unit_path: Path | str, place=relative_in_unit) -> str:
    """What an original and its translations share: the original's path in the unit, without suffix.

    ``place`` works out a path inside the unit as ``relative_in_unit`` does (a build's ``UnitContent.relative``).
    """
    original = place(unit_path, original_text(path))
    if original is None:
        raise ValueError(f"{path} is outside {unit_path}")
    return key_in_unit(original)


def key_in_unit(original: str) -> str:
    """``translation_key`` from the original's path inside the unit (``warta.model.units.relative_in_unit``)."""
    folder, name = os.path.split(original)
    return os.path.join(folder, split_suffix(name)[0])


class Pairing:
    """A translation with its original: the problems of the pair, and the translation with inherited fields."""

    def __init__(self, translation: Document, original: Document | None, problems: list[Problem]):
        self.translation = translation
        self.original = original
        self.problems = problems

    @property
    def document(self) -> Document:
        """The translation with every field it omits (and the address fields) taken from the original."""
        return inherit(self.translation, self.original) if self.original else self.translation


def pair(translation: Document, kind: str, timezone: str, content: UnitContent) -> Pairing:
    """Find the original of ``translation`` among ``content``'s documents; problems name the translation file.

    An unreadable or broken original is reported where it is read on its own; the translation only says that
    it waits for it, so staff fix the right file.
    """
    source = original_text(translation.path)
    problems = check_document(translation, TRANSLATION_KIND, timezone)
    if not os.path.isfile(source):
        problems.append(Problem.of(translation.path, "translation_without_original", original=os.path.basename(source)))
        return Pairing(translation, None, problems)
    try:
        original = content.document(source)
    except UnreadableFile:
        original = None
    if original is None or any(p.is_error for p in content.checked(original, kind, timezone)):
        problems.append(Problem.of(translation.path, "translation_original_broken", original=os.path.basename(source)))
        return Pairing(translation, None, problems)
    for key in FROM_ORIGINAL:
        own = translation.get(key).strip()
        if own and own != original.get(key).strip():
            written = translation.fields[key]
            problems.append(
                Problem.of(
                    translation.path, "translation_keeps_original", written.line, WARNING, key=written.written_key
                )
            )
    return Pairing(translation, original, problems)


def inherit(translation: Document, original: Document) -> Document:
    """A copy of ``translation`` completed from ``original``; slug, date and category are always the original's."""
    fields = dict(translation.fields)
    for key in INHERITED:
        if key in original.fields and not translation.get(key).strip():
            fields[key] = original.fields[key]
    for key in FROM_ORIGINAL:
        fields.pop(key, None)
        if key in original.fields:
            fields[key] = original.fields[key]
    merged = Document(translation.path, fields, translation.repeated, translation.unknown, translation.renamed)
    # Without a Slug the address comes from the file name, and <name>.en.md gives the same one as <name>.md.
    merged.body, merged.body_line = translation.body, translation.body_line
    return merged


def category_names_en(unit_categories: dict | None = None) -> dict[str, str]:
    """Indonesian category name → English, keyed by slug so ``kegiatan`` and ``Kegiatan`` match."""
    names = dict(CATEGORY_NAMES_EN, **(unit_categories or {}))
    return {make_slug(indonesian): english for indonesian, english in names.items()}


def category_problems(doc: Document, unit_categories: dict | None) -> list[Problem]:
    """A warning for a ``Category`` outside the defaults and the unit's ``[categories]`` (no English name)."""
    name = doc.get("category").strip()
    if not name or make_slug(name) in category_names_en(unit_categories):
        return []
    known = ", ".join(dict(CATEGORY_NAMES_EN, **(unit_categories or {})))
    return [Problem.of(doc.path, "category_unknown", doc.line_of("category"), WARNING, value=name, known=known)]


def english_category(name: str, names_en: dict[str, str]) -> str:
    """The English name of a category; an unknown category keeps its Indonesian name."""
    return names_en.get(make_slug(name), name)
