"""Stamps of the files a site is made from (path, size, modification time): the fingerprint and the render cache.

Files are known by path, size and modification time, not by their bytes: reading 800 MB of photos to hash them would
cost more than many builds.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from warta import ROOT

SHARED_INPUTS = (
    "pelicanconf.py",
    "publishconf.py",
    "requirements.txt",
    "requirements-models.txt",
    "theme",
    "plugins",
    "warta",
    "editor",
    "package-lock.json",
)
SKIPPED_FOLDERS = {"__pycache__", ".git"}
THEME_ENV = "WARTA_THEME"  # another theme than theme/ (tests break one on purpose): an input of every unit


def code_stamps(shared: tuple[str, ...], own: Path, elsewhere=()):
    """Stamps of the Python version, installed packages, ``shared`` inputs under ROOT, ``own`` and ``elsewhere``."""
    for name in runtime():
        yield name, 0, 0
    for folder in (own, *(ROOT / name for name in shared), *elsewhere):
        yield from file_stamps(folder)


def runtime() -> list[str]:
    """The Python version and the installed distributions with their versions."""
    return [sys.version, *installed_packages()]


def file_stamps(folder: Path):
    """``(path, size, mtime)`` of every file under ``folder`` (or of that file), in a stable order."""
    for path in file_paths(folder):
        stat = os.stat(path)
        yield path, stat.st_size, stat.st_mtime_ns


def file_paths(folder: Path):
    """Every file under ``folder`` (or that file), in the order of ``file_stamps``, none of them looked up."""
    if os.path.isfile(folder):
        yield str(folder)
        return
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS)
        for name in sorted(files):
            yield os.path.join(parent, name)


def installed_packages() -> list[str]:
    """The installed distributions with their versions (``pelican-4.12.0.dist-info``), from this interpreter."""
    names = []
    for entry in sys.path:
        if os.path.isdir(entry) and entry.endswith("-packages"):
            names += sorted(name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info")))
    return names


def file_identity(path) -> list[int]:
    """Which file is at ``path``: its inode, size and modification time (a hard link keeps all three)."""
    stat = os.stat(path)
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def write_json_whole(path: Path, data) -> None:
    """``data`` as JSON at ``path``, written whole, replacing the last: two builds of a unit may write it at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(path)


def read_json(path: Path | None) -> dict:
    """What ``write_json_whole`` wrote at ``path``; empty when there is none yet (or None) or it was cut short."""
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
