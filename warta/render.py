"""One unit's site rendered by Pelican, in a process of its own: ``python -m warta.render --unit S --output DIR``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from warta.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent
logger = logging.getLogger(__name__)


def render(unit: str, output: Path, publish: bool = False) -> None:
    """Build ``unit`` into ``output`` with pelicanconf.py (or publishconf.py); raises ContentError."""
    os.environ["WARTA_UNIT"] = unit
    settings_file = ROOT / ("publishconf.py" if publish else "pelicanconf.py")
    settings = read_settings(str(settings_file), override={"OUTPUT_PATH": str(output)})
    Pelican(settings).run()
    index_search(output)


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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--unit", required=True)
    parser.add_argument("--output", required=True, type=Path)
    parser.add_argument("--publish", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stdout)
    try:
        render(args.unit, args.output, args.publish)
    except ContentError as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
