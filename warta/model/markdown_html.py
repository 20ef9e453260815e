"""A Markdown body as safe HTML, and the store entry that keeps it (plugins/contract/bodies.py holds the store).

Apart from the plugin so that its worker processes start from a fresh interpreter and import only Markdown and the
sanitizer: a worker forked from the render process would count all of that process's memory again (60 MB each,
against 20 MB; bench/RESULTS.md).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from markdown import Markdown

from warta.model import sanitize as sanitizer

META_EXTENSION = "markdown.extensions.meta"


class Converter:
    """Turns bodies into safe HTML with one Markdown instance (building one per file costs a twentieth of a read)."""

    def __init__(self, markdown_settings: dict):
        # Pelican adds the meta extension to MARKDOWN; headers are the contract reader's, never a body's.
        extensions = [name for name in markdown_settings.get("extensions", []) if name != META_EXTENSION]
        self.markdown = Markdown(**dict(markdown_settings, extensions=extensions))

    def html(self, body: str) -> str:
        self.markdown.reset()
        return sanitizer.sanitize(self.markdown.convert(body))


def store(folder: Path, digest: str, html: str) -> None:
    """Write an entry whole or not at all: a reader never sees half of one."""
    handle, partial = tempfile.mkstemp(dir=folder, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(html)
    with contextlib.suppress(FileNotFoundError):  # a build of the same unit cleared the store meanwhile
        os.replace(partial, folder / f"{digest}.html")


def convert_ahead(bodies: list[tuple[str, str]], markdown_settings: dict, folder: str) -> None:
    """In a worker: store the HTML of each ``(digest, body)`` (the reading process read the file, not the worker)."""
    converter, folder = Converter(markdown_settings), Path(folder)
    for digest, body in bodies:
        if not (folder / f"{digest}.html").exists():
            store(folder, digest, converter.html(body))
