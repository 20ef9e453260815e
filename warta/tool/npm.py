"""The web editor's pinned npm parts (package-lock.json: Sveltia CMS) for ``invoke cms``."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from warta import ROOT

logger = logging.getLogger(__name__)


def npm_ready(root: Path = ROOT) -> bool:
    """True when node_modules holds what package-lock.json pins (npm writes its own copy of the lock there)."""
    lock, installed = root / "package-lock.json", root / "node_modules" / ".package-lock.json"
    return installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime


def install_npm(root: Path = ROOT) -> None:
    """``npm ci``: the editor's pinned parts, installed only when missing or older than package-lock.json."""
    if npm_ready(root):
        return
    logger.info("editor: npm ci")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=root, check=True)
