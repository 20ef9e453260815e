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

from warta.model.contract import Document, UnreadableFile, read_document

UNIT_CONTENT_KEY = "warta_unit_content"  # where a render's Pelican context keeps its UnitContent


class UnitContent:
    """The documents of one unit's content files, read on first use and kept for the rest of one check or build."""

    def __init__(self):
        self._read: dict[str, Document | UnreadableFile] = {}

    def document(self, path: Path | str) -> Document:
        """The file at ``path`` split by the contract (warta.model.contract.read_document), read only the first time.

        Raises UnreadableFile as read_document does, every time it is asked; OSError is not kept (the file may
        appear). The document carries ``path`` as this caller wrote it, so problems name the file the same way.
        """
        key = os.path.abspath(path)
        if key not in self._read:
            try:
                self._read[key] = read_document(Path(path))
            except UnreadableFile as unreadable:
                self._read[key] = unreadable
        found = self._read[key]
        if isinstance(found, UnreadableFile):
            raise found
        return found if found.path == Path(path) else dataclasses.replace(found, path=Path(path))

    def forget(self, path: Path | str) -> None:
        """Read ``path`` again at its next use: the preview's items outlive a save of their file."""
        self._read.pop(os.path.abspath(path), None)

    def let_go(self) -> None:
        """Forget every document: a build whose items are all placed holds no file's text while its pages render."""
        self._read.clear()

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
