"""A path written in a content file, as a Markdown preview (CommonMark, GitHub's) reads it: one reading for all.

A photo (``![alt](path)``, a gallery line, ``Cover``) and a link (``[text](path)``) written the same way name the
same file, in ``invoke check`` and in the build alike.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

from warta.model.units import is_inside

PELICAN_FORM = re.compile(r"^\{(?:filename|static|attach)\}")


def unbracket(written: str) -> str:
    """``<Laporan 2024.pdf>`` → ``Laporan 2024.pdf``: the angle brackets Markdown allows around a path with spaces."""
    text = written.strip()
    return text[1:-1].strip() if text.startswith("<") and text.endswith(">") else text


def split_reference(written: str) -> tuple[str, str]:
    """``../x.md#visi`` → (``../x.md``, ``#visi``): the path and what follows it (query and anchor)."""
    cut = min((written.find(mark) for mark in "?#" if mark in written), default=len(written))
    return written[:cut], written[cut:]


def resolve_body_path(written: str, folder: Path, unit_path: Path) -> Path | None:
    """The file or folder a path written in a body (or header) names, or None when it leaves the unit folder.

    ``written`` as staff write it: relative to ``folder`` (the file's own folder; the unit folder for ``Cover``),
    in ``<angle brackets>`` or with ``%20`` for names with spaces. As in CommonMark, ``?`` starts a query and
    ``#`` an anchor (both dropped here), also inside angle brackets; ``%23`` is a ``#`` of the file name. Pelican's
    ``{filename}``/``{static}`` forms too, where a leading ``/`` means the unit folder. A plain leading ``/`` is a
    site address (``warta.model.links.is_site_address``), no file of the unit: None, and links handle it before asking.
    """
    text = unbracket(written)
    pelican_form = PELICAN_FORM.match(text)
    if pelican_form:
        text = text[pelican_form.end() :]
    elif text.startswith("/"):
        return None
    path_part = unquote(split_reference(text)[0])
    base = Path(unit_path) if pelican_form and path_part.startswith("/") else Path(folder)
    candidate = Path(os.path.normpath(base / path_part.lstrip("/")))
    return candidate if is_inside(unit_path, candidate) else None


def hash_cut_name(written: str, folder: Path) -> bool:
    """True when ``written`` names a file only if its ``#`` is part of the name (``<Foto #2.jpg>``, ``Foto #2.jpg``).

    A Markdown preview reads the ``#`` as the start of an anchor, so the file is not found: say how to write it.
    """
    text = unbracket(written)
    return "#" in text and (Path(folder) / unquote(text)).is_file()
