"""The static search index of a built site (Pagefind), one index per page language, in ``<site>/pagefind/``."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

logger = logging.getLogger(__name__)


def index_search(site: Path) -> None:
    """Pagefind's static search index of the built site, one index per page language, in ``<site>/pagefind/``."""
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        # A unit with no text yet has nothing to index; its search page says search is unavailable.
        logger.warning("search: no index built: %s", (done.stdout + done.stderr).strip())
        return
    entry = site / "pagefind" / "pagefind-entry.json"
    # Pagefind lists languages in no fixed order; a site whose content did not change must not change.
    entry.write_text(json.dumps(json.loads(entry.read_text()), sort_keys=True, ensure_ascii=False))
    # Our own search.js uses Pagefind's API; its ready-made interfaces would only be published dead weight.
    for unused in (site / "pagefind").glob("pagefind-*"):
        if unused.name != "pagefind-entry.json":
            unused.unlink()
