"""Stamps of the files a site is made from (path, size, modification time): the fingerprint and the render cache.

Files are known by path, size and modification time, not by their bytes: reading 800 MB of photos to hash them would
cost more than many builds.
"""

from __future__ import annotations

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


def code_stamps(shared: tuple[str, ...], own: Path, elsewhere=()):
    """Stamps of the Python version, installed packages, ``shared`` inputs under ROOT, ``own`` and ``elsewhere``."""
    yield sys.version, 0, 0
    for name in installed_packages():
        yield name, 0, 0
    for folder in (own, *(ROOT / name for name in shared), *elsewhere):
        yield from file_stamps(folder)


def file_stamps(folder: Path):
    """``(path, size, mtime)`` of every file under ``folder`` (or of that file), in a stable order."""
    if os.path.isfile(folder):
        stat = os.stat(folder)
        yield str(folder), stat.st_size, stat.st_mtime_ns
        return
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS)
        for name in sorted(files):
            path = os.path.join(parent, name)
            stat = os.stat(path)
            yield path, stat.st_size, stat.st_mtime_ns


def installed_packages() -> list[str]:
    """The installed distributions with their versions (``pelican-4.12.0.dist-info``), from this interpreter."""
    names = []
    for entry in sys.path:
        if os.path.isdir(entry) and entry.endswith("-packages"):
            names += sorted(name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info")))
    return names
