"""A unit's content files, each read once: the documents the check, the reader, the galleries and the links share.

A build used to open every Markdown file three to seven times (the check, a translation's original again, the link
check's dates, the galleries' placements, the Markdown workers, the next due date). One ``UnitContent`` per check
and one per render (kept in that build's Pelican context, never in a module) reads each file once and hands out
the same ``Document`` to every one of them; a file that cannot be read gives the same problem each time.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from warta.model.contract import Document, UnreadableFile, check_document, read_document
from warta.model.problems import Problem
from warta.model.units import relative_in_unit

UNIT_CONTENT_KEY = "warta_unit_content"  # where a render's Pelican context keeps its UnitContent


class UnitContent:
    """The documents of one unit's content files, read on first use and kept for the rest of one check or build."""

    def __init__(self):
        self._read: dict[str, Document | UnreadableFile] = {}
        self._placed: dict[tuple[str, str], str | None] = {}
        self._checked: dict[tuple[str, str, str], tuple[Document, list[Problem]]] = {}

    def document(self, path: Path | str) -> Document:
        """The file at ``path`` split by the contract (warta.model.contract.read_document), read only the first time.

        Raises UnreadableFile as read_document does, every time it is asked; OSError is not kept (the file may
        appear). The document carries ``path`` as this caller wrote it, so problems name the file the same way.
        """
        key = os.path.abspath(path)
        found = self._read.get(key)
        if found is None:
            try:
                found = read_document(path if isinstance(path, Path) else Path(path))
            except UnreadableFile as unreadable:
                found = unreadable
            self._read[key] = found
        if isinstance(found, UnreadableFile):
            raise found
        if found.path is path or os.fspath(found.path) == os.fspath(path):  # the usual case, without pathlib
            return found
        return found if found.path == Path(path) else dataclasses.replace(found, path=Path(path))

    def relative(self, unit_path: Path | str, path: Path | str) -> str | None:
        """``path`` inside ``unit_path`` (warta.model.units.relative_in_unit), worked out once a build per spelling.

        Each file is placed by the generator, the reader, its kind and its translation key: once is enough.
        """
        key = (os.fspath(unit_path), os.fspath(path))
        if key not in self._placed:
            self._placed[key] = relative_in_unit(*key)
        return self._placed[key]

    def checked(self, doc: Document, kind: str, timezone: str) -> list[Problem]:
        """``check_document(doc, kind, timezone)``, worked out once a build; a new list each time (callers add to it).

        An original is checked for itself and again for each of its translations.
        """
        key = (os.fspath(doc.path), kind, timezone)
        if key not in self._checked or self._checked[key][0] is not doc:
            self._checked[key] = (doc, check_document(doc, kind, timezone))
        return list(self._checked[key][1])

    def forget(self, path: Path | str) -> None:
        """Read ``path`` again at its next use: the preview's items outlive a save of their file."""
        key = os.path.abspath(path)
        self._read.pop(key, None)
        for placed in [placed for placed in self._placed if os.path.abspath(placed[1]) == key]:
            del self._placed[placed]

    def let_go(self) -> None:
        """Forget every document: a build whose items are all placed holds no file's text while its pages render."""
        self._read.clear()
        self._checked.clear()  # holds documents too
        self._placed.clear()

    def readable(self, paths) -> list[Document]:
        """The documents of ``paths`` that can be read, in their order (the others are reported where they are read)."""
        documents = []
        for path in paths:
            try:
                documents.append(self.document(path))
            except (UnreadableFile, OSError):
                continue
        return documents


def in_build(context: dict) -> UnitContent:
    """The UnitContent of the build whose Pelican ``context`` this is (one per build: a context lives one build)."""
    return context.setdefault(UNIT_CONTENT_KEY, UnitContent())
