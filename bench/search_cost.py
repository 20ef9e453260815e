"""What one search costs a visitor: requests and bytes the search page fetches, in Debian's Chromium, cache empty.

python -m bench.search_cost SITE_FOLDER UNIT WORD...   (SITE_FOLDER holds UNIT/, as output/ does; UNIT/en for
the English search page)

Each word is searched on a fresh browser context (nothing cached, as on a first visit from a phone); counted are
the search index's files (``pagefind/``): Pagefind's API, the parts list, each part's entry, metadata and index
chunks, the WebAssembly, and the fragments of the results shown. The page itself and its stylesheet are the same
whatever the index, so they are left out.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere: tests and warta are here

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402
from warta.tool.search import BUNDLE  # noqa: E402


def search_costs(site_folder: Path, unit: str, words: list[str]) -> list[dict]:
    """Per word: the index's requests, their bytes, and the seconds until the results showed."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (only this measurement needs a browser)

    costs = []
    with serving(site_folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for word in words:
            context = browser.new_context(viewport={"width": 360, "height": 800})
            page = context.new_page()
            fetched = []
            page.on("requestfinished", lambda request, fetched=fetched: fetched.append(request))
            started = time.perf_counter()
            page.goto(f"{url}/{unit}/cari/?q={word}")
            page.locator("#search-results[aria-busy]").wait_for(state="detached")
            seconds = time.perf_counter() - started
            index = [r for r in fetched if f"/{BUNDLE}/" in r.url]
            costs.append(
                {
                    "word": word,
                    "requests": len(index),
                    "bytes": sum(r.sizes()["responseBodySize"] for r in index),
                    "results": page.locator("#search-results li").count(),
                    "seconds": seconds,
                }
            )
            context.close()
        browser.close()
    return costs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_folder", type=Path)
    parser.add_argument("unit")
    parser.add_argument("words", nargs="+")
    args = parser.parse_args(argv)
    for cost in search_costs(args.site_folder, args.unit, args.words):
        print(
            f"{cost['word']}: {cost['requests']} requests, {cost['bytes'] / 1024:.1f} KiB, "
            f"{cost['results']} results shown, {cost['seconds']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
