"""The static search index of a built site (Pagefind), in a few parts per page language, in ``<site>/pagefind/``.

Pagefind has no incremental mode: one changed page costs a whole index. So each language's pages are split into a
few parts (one per ``PAGES_PER_PART`` pages, at most ``MAX_PARTS``) by a digest of the page's path, and each part is a
Pagefind bundle of its own, kept in the unit's cache under a digest of its pages' bytes (and Pagefind's version). A
build indexes only the parts whose pages changed and takes the others from the cache; a part is never reused for
pages that differ by one byte, so the published index is always the one a fresh build makes. The search page
(``theme/static/js/search.js``) reads the list of parts from ``<site>/pagefind/parts.json``, opens the first part of
its language and merges the others (Pagefind's ``mergeIndex``).

Layout: ``pagefind/pagefind.js`` (Pagefind's API), ``pagefind/parts.json`` (``{"id": ["id-0/", ...], ...}``) and one
bundle per part, ``pagefind/<lang>-<n>/``, each with its entry, metadata, index and fragment files and its language's
WebAssembly (only the first part's is fetched by a visitor).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from pagefind_bin import get_executable

from warta.model.languages import DEFAULT_LANG
from warta.model.messages import labelled
from warta.model.stamps import file_identity, read_json, write_json_whole

logger = logging.getLogger(__name__)
BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"
MANIFEST = "parts.json"  # which parts each language has: the search page merges them
API = "pagefind.js"
PAGEFIND = ("pagefind", "pagefind_bin")  # the packages whose versions make the index
# Parts per language: one for every PAGES_PER_PART pages, at most MAX_PARTS. Measured on the bench's 2,000-article
# unit (bench/RESULTS.md): one edit costs a re-index of 11.1 s with one part, 2.3 s with four, 1.5 s with eight;
# but each part adds its own index chunk for every word searched (about 40 KiB) and two small requests to each
# search (216 KiB with one part, 388 KiB with four, 639 KiB with eight, cache empty). A unit of a few hundred
# pages, which Pagefind indexes in about a second, keeps one part and costs its visitors nothing more.
PAGES_PER_PART = 500
MAX_PARTS = 4
INDEXED_MARK = b"data-pagefind-body"  # Pagefind indexes only the pages that carry it, once any page does
ENGLISH = "en"  # English pages are under en/, Indonesian everywhere else (the site's root holds no text)
# What Pagefind writes that our own search.js does not use: its ready-made interfaces would be published dead weight.
UNUSED_PREFIX = "pagefind-"
PAGE_RECORD = "pages.json"  # in the cache: each page's file identity and digest at the last split
RETIRED_SUFFIX = "-old"  # a folder being deleted in the background (bench.run waits for them)
DISCARDED_LINKS = 200  # from this many pages linked to index, their links are deleted in the background
KEPT_BUILDS = 2  # parts of this many whole indexes stay in the cache: preview and publish builds alternate


@dataclass
class Part:
    """One part of a language's index: its pages (paths below the site) and the digest of their bytes."""

    lang: str
    number: int
    pages: list[str]
    digest: str

    @property
    def name(self) -> str:
        return f"{self.lang}-{self.number}"


def index_search(
    site: Path, unit: str = "", said_in: str = DEFAULT_LANG, cache: Path | None = None, meanwhile=None
) -> object:
    """Pagefind's static search index of the built site, in parts per page language, in ``<site>/pagefind/``.

    ``cache``: where parts are kept between builds (None: every part indexed anew). ``unit`` and ``said_in`` name
    the site and choose the language of the warnings. ``meanwhile``: work done while Pagefind runs, when this
    process would only wait for it, before anything is added to the site; what it returns is returned.
    """
    meanwhile = meanwhile or (lambda: None)
    parts = split_pages(site, cache / PAGE_RECORD if cache is not None else None)
    if not parts:
        logger.warning("search: %s", labelled("search_empty", said_in, True, unit=unit))  # its search page says so
        return meanwhile()
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}-search-", dir=site.parent))
    target = site / BUNDLE
    done = []
    linked = 0
    try:
        store = cache or work / "parts"
        bundles = {part.name: store / f"{part.name}-{part.digest}" for part in parts}
        missing = [part for part in parts if not (bundles[part.name] / ENTRY).is_file()]
        linked = sum(len(part.pages) for part in missing)
        stored = {name: bundle for name, bundle in bundles.items() if name not in {part.name for part in missing}}

        def while_indexing() -> None:
            done.append(meanwhile())
            place(stored, target)  # the parts taken from the store, while the others are indexed

        index_parts(site, missing, bundles, work, unit, said_in, while_indexing)
        made = {part.name: bundles[part.name] for part in missing if (bundles[part.name] / ENTRY).is_file()}
        place(made, target)
        if stored or made:  # each part that failed has said so
            write_manifest([name for name in bundles if name in stored or name in made], target)
        if cache is not None:
            keep_recent(cache, kept=KEPT_BUILDS * len(parts), used=[*stored.values(), *made.values()])
    finally:
        # The links to the indexed pages and their folders: removing 3,000 of them took 6 s of waiting on the disk
        # (0.4 s of CPU) after the bench's 2,000-article unit's cold build. A few are removed here: cheaper than a
        # process. Named like a retired site while it goes: bench.run waits for those before it measures.
        if linked < DISCARDED_LINKS:
            shutil.rmtree(work, ignore_errors=True)
        else:
            discard(work.rename(work.with_name(work.name + RETIRED_SUFFIX)))
    return done[0]


def discard(folder: Path) -> None:
    """Delete ``folder`` in a process of its own: deleting thousands of files can take longer than the build."""
    command = [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)]
    subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def split_pages(site: Path, record: Path | None = None) -> list[Part]:
    """Every page with text to index, shared out into parts by language and by a digest of its path.

    A language without such a page has no part: without one, Pagefind would index whole listing pages.
    ``record``: each page's file identity and digest at the last split, kept there for the next; a page whose file
    is the one recorded (linked from the last good site, plugins/rendering/reuse.py) is not read again.
    """
    last = read_json(record)
    seen: dict[str, list] = {}
    languages: dict[str, list[tuple[str, str]]] = {}
    for relative in site_pages(site):
        page = os.path.join(site, relative)
        identity = file_identity(page)
        known = last.get(relative)
        digest = known[3] if known is not None and known[:3] == identity else indexed_digest(page)
        seen[relative] = [*identity, digest]
        if digest is not None:
            lang = ENGLISH if relative.startswith(f"{ENGLISH}/") else DEFAULT_LANG
            languages.setdefault(lang, []).append((relative, digest))
    if record is not None:
        write_json_whole(record, seen)
    parts = []
    for lang, pages in sorted(languages.items()):
        count = part_count(len(pages))
        shares: dict[int, list[tuple[str, str]]] = {}
        for path, digest in pages:
            shares.setdefault(part_of(path, count), []).append((path, digest))
        parts += [
            Part(lang, n, [path for path, _ in share], digest_of(lang, share)) for n, share in sorted(shares.items())
        ]
    return parts


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site, by its path below it, in the order of their paths (``Path``'s: part by part)."""
    pages: list[str] = []

    def visit(folder: str, base: str) -> None:
        with os.scandir(folder) as entries:  # each entry's kind is in the listing: no file is looked up
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, f"{base}{entry.name}/")
                elif entry.name.endswith(".html"):
                    pages.append(base + entry.name)

    visit(str(site), "")
    return sorted(pages, key=lambda page: page.split("/"))


def indexed_digest(page: str) -> str | None:
    """The digest of a page's bytes when it has text to index; None when it has none."""
    with open(page, "rb") as opened:
        text = opened.read()
    return hashlib.blake2b(text, digest_size=16).hexdigest() if INDEXED_MARK in text else None


def part_count(pages: int) -> int:
    return max(1, min(MAX_PARTS, pages // PAGES_PER_PART))


def part_of(path: str, count: int) -> int:
    """The part a page belongs to: it moves only when its language's number of parts changes."""
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=4).digest(), "big") % count


def digest_of(lang: str, pages: list[tuple[str, str]]) -> str:
    """What a part's index depends on: Pagefind's version, the language and every page's path and bytes."""
    digest = hashlib.blake2b(digest_size=16)
    for line in [*map(version, PAGEFIND), lang, *(f"{path} {page}" for path, page in pages)]:
        digest.update(line.encode() + b"\0")
    return digest.hexdigest()


def index_parts(
    site: Path, missing: list[Part], bundles: dict[str, Path], work: Path, unit: str, said_in: str, meanwhile
) -> None:
    """Index each part of ``missing`` into the store (``bundles``: where each part's bundle goes).

    At most one Pagefind process per core runs at a time; ``meanwhile`` is called once the first ones run. A part
    that fails is left out, with a warning.
    """
    waiting = list(missing)
    running: list[tuple[Part, subprocess.Popen]] = []
    try:
        while waiting and len(running) < (os.cpu_count() or 1):
            part = waiting.pop(0)
            running.append((part, start_pagefind(site, part, work, bundles[part.name])))
        meanwhile()
        for part in waiting:
            finish(*running.pop(0), bundles, work, unit, said_in)
            running.append((part, start_pagefind(site, part, work, bundles[part.name])))
        while running:
            finish(*running.pop(0), bundles, work, unit, said_in)
    finally:  # a build that stops here leaves no Pagefind running
        for _, run in running:
            run.kill()
            run.communicate()


def start_pagefind(site: Path, part: Part, work: Path, bundle: Path) -> subprocess.Popen:
    """Pagefind over the part's pages alone: hard links to them in a folder shaped like the site (same URLs)."""
    pages = work / part.name
    for path in part.pages:
        (pages / path).parent.mkdir(parents=True, exist_ok=True)
        os.link(site / path, pages / path)
    partial = partial_of(bundle, work)
    # The binary itself, as ``python -m pagefind`` would run it (pagefind_bin, the pinned version), without a
    # Python process started first to find it.
    command = [str(get_executable()), "--site", str(pages), "--output-path", str(partial), "--silent"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def partial_of(bundle: Path, work: Path) -> Path:
    """Where Pagefind writes a part before it enters the store: named by this build, as two may index one part."""
    return bundle.with_name(f"{bundle.name}.{work.name}.part")


def finish(part: Part, run: subprocess.Popen, bundles: dict[str, Path], work: Path, unit: str, said_in: str) -> None:
    """Wait for a part's Pagefind; its bundle enters the store whole or not at all."""
    stdout, stderr = run.communicate()
    bundle = bundles[part.name]
    partial = partial_of(bundle, work)
    if run.returncode != 0 or not (partial / ENTRY).is_file():
        detail = (stdout + stderr).strip()
        logger.warning(
            "search: %s", labelled("search_failed", said_in, True, language=part.lang, unit=unit, detail=detail)
        )
        shutil.rmtree(partial, ignore_errors=True)
        return
    for unused in partial.glob(f"{UNUSED_PREFIX}*"):
        if unused.name != ENTRY:
            unused.unlink()
    try:
        partial.rename(bundle)
    except OSError:  # another build put the same part there first: the same pages, so the same bundle
        shutil.rmtree(partial, ignore_errors=True)


def place(bundles: dict[str, Path], target: Path) -> None:
    """The parts into ``target`` (hard links to the store: nothing is copied), with Pagefind's API."""
    for name, bundle in bundles.items():
        (target / name).mkdir(parents=True, exist_ok=True)
        for path in sorted(bundle.rglob("*")):
            placed = target / API if path.name == API else target / name / path.relative_to(bundle)
            if path.is_dir():
                placed.mkdir(parents=True, exist_ok=True)
            elif not (path.name == API and placed.exists()):  # Pagefind's API: the same in every bundle of a version
                link_or_copy(path, placed)


def write_manifest(names: list[str], target: Path) -> None:
    """Which parts each language has, for the search page to merge."""
    shown: dict[str, list[str]] = {}
    for name in names:
        shown.setdefault(name.rsplit("-", 1)[0], []).append(f"{name}/")
    # Sorted: a site whose content did not change must not change.
    manifest = json.dumps({lang: sorted(names, key=part_number) for lang, names in sorted(shown.items())})
    (target / MANIFEST).write_text(manifest, encoding="utf-8")


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the cache and the site share a file system, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def part_number(name: str) -> int:
    return int(name.rstrip("/").rsplit("-", 1)[1])


def keep_recent(cache: Path, kept: int, used) -> None:
    """Only the parts of the last few builds stay: the ones used now, and the most recently used others."""
    if not cache.is_dir():  # no part could be made
        return
    now = time.time()
    for bundle in used:
        os.utime(bundle, (now, now))
    bundles = [path for path in cache.iterdir() if path.is_dir() and not path.name.endswith(".part")]
    bundles.sort(key=lambda path: path.stat().st_mtime, reverse=True)
    for stale in bundles[kept:]:
        shutil.rmtree(stale, ignore_errors=True)
