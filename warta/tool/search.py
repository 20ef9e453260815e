"""The static search index of a built site (Pagefind), one index per page language, in ``<site>/pagefind/``.

Pagefind makes one index per language anyway; here each language is indexed by a Pagefind process of its own, at
the same time, and the two bundles are put together (their files are named by content, so they never clash). The
indexes are the very ones a single run makes; the build just waits for the larger language instead of the sum.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from warta.model.languages import DEFAULT_LANG
from warta.model.messages import labelled

logger = logging.getLogger(__name__)
BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
# Which pages are in which language: English under en/, Indonesian everywhere else (the site's root holds no page
# with text to index). The Indonesian glob is "every top folder but en/" in the glob language Pagefind understands.
LANGUAGE_GLOBS = {"id": "{[!e]*,e,e[!n]*,en?*}/**/*.html", "en": "en/**/*.html"}
INDEXED_MARK = b"data-pagefind-body"  # Pagefind indexes only the pages that carry it, once any page does


def index_search(site: Path, unit: str = "", said_in: str = DEFAULT_LANG) -> None:
    """Pagefind's static search index of the built site, one index per page language, in ``<site>/pagefind/``.

    ``unit`` and ``said_in`` name the site and choose the language of the warnings.
    """
    languages = [lang for lang in LANGUAGE_GLOBS if has_indexed_page(site, lang)]
    if not languages:
        logger.warning("search: %s", labelled("search_empty", said_in, True, unit=unit))  # its search page says so
        return
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}-search-", dir=site.parent))
    try:
        runs = {lang: start_pagefind(site, LANGUAGE_GLOBS[lang], work / lang) for lang in languages}
        for lang, run in runs.items():
            stdout, stderr = run.communicate()
            if run.returncode != 0:
                detail = (stdout + stderr).strip()
                logger.warning(
                    "search: %s", labelled("search_failed", said_in, True, language=lang, unit=unit, detail=detail)
                )
        bundles = [work / lang for lang in languages if (work / lang / ENTRY).is_file()]
        if bundles:
            combine(bundles, site / BUNDLE)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def has_indexed_page(site: Path, lang: str) -> bool:
    """Whether any page in ``lang`` has text to index; without one, Pagefind would index whole listing pages."""
    english = site / "en"
    pages = english.rglob("*.html") if lang == "en" else (p for p in site.rglob("*.html") if english not in p.parents)
    return any(INDEXED_MARK in page.read_bytes() for page in pages)


def start_pagefind(site: Path, glob: str, bundle: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob, "--output-path", str(bundle)]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    return subprocess.Popen([*command, "--silent"], **pipes)


def combine(bundles: list[Path], target: Path) -> None:
    """One bundle from several: every file moved in, and one entry listing every language."""
    entry = json.loads((bundles[0] / ENTRY).read_text(encoding="utf-8"))
    for bundle in bundles[1:]:
        entry["languages"].update(json.loads((bundle / ENTRY).read_text(encoding="utf-8"))["languages"])
    for bundle in bundles:
        for path in sorted(bundle.rglob("*")):
            moved = target / path.relative_to(bundle)
            if path.is_file() and not moved.exists():
                moved.parent.mkdir(parents=True, exist_ok=True)
                path.replace(moved)
    # Sorted: a site whose content did not change must not change.
    (target / ENTRY).write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    # Our own search.js uses Pagefind's API; its ready-made interfaces would only be published dead weight.
    for unused in target.glob("pagefind-*"):
        if unused.name != ENTRY:
            unused.unlink()
