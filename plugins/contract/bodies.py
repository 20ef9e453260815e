"""Markdown bodies as safe HTML: kept between builds by their text, and converted ahead in worker processes.

Converting Markdown is most of a cold build's reading (bench/RESULTS.md), and Pelican reads one file after
another in one process. A body's HTML depends on nothing but its text, the MARKDOWN setting and the code of
Markdown and of the sanitizer, so it is stored under a digest of exactly those: an entry can never be stale, and
an edit converts one body again, not three thousand. Bodies not stored yet are converted by a pool of processes
while Pelican reads (workers write entries; the reader waits only for the one it needs). Entries no build used
are removed at the end of a build, so the folder holds one unit's bodies, not their history.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from warta.adapter.settings import PluginSettings
from warta.model import sanitize as sanitizer
from warta.model.contract import Document
from warta.model.jobs import stop_resource_tracker, worker_count
from warta.model.markdown_html import Converter, convert_ahead, store

logger = logging.getLogger(__name__)
DEFAULTS = {
    "MARKDOWN_CACHE_PATH": None,  # a folder outside output/; None converts every body on every build
    "MARKDOWN_JOBS": None,  # None: warta.model.jobs decides
    "MARKDOWN_AHEAD_MIN": 50,  # fewer bodies to convert than this: converted in the reading process itself
}
ABANDONED_SECONDS = 3600
BATCH = 25  # bodies a worker converts per task: large enough that passing them costs little


setting = PluginSettings(DEFAULTS)


def recipe_digest(markdown_settings: dict) -> str:
    """Everything besides a body's text that its HTML depends on."""
    sanitizer_code = Path(sanitizer.__file__).read_bytes()
    parts = (repr(markdown_settings), version("markdown"), version("nh3"), hashlib.sha256(sanitizer_code).hexdigest())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def body_digest(recipe: str, body: str) -> str:
    return hashlib.blake2b(f"{recipe}\0{body}".encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def markdown_of(documents: list[Document]):
    """Each document's Markdown the reader turns into HTML: its body, and its ``Summary:`` when it has one."""
    for doc in documents:
        yield doc.body
        if summary := doc.get("summary"):
            yield summary


def read_entry(entry: str) -> str:
    with open(entry, encoding="utf-8") as stored:
        return stored.read()


class Bodies:
    """The bodies of one build: ``html(path, body)`` from the store, a worker, or converted here."""

    def __init__(self, settings):
        self.markdown_settings = settings["MARKDOWN"]
        self.recipe = recipe_digest(self.markdown_settings)
        chosen = setting(settings, "MARKDOWN_CACHE_PATH")
        self.folder = Path(chosen) if chosen else None
        self.jobs = worker_count(setting(settings, "MARKDOWN_JOBS"))
        self.ahead_min = setting(settings, "MARKDOWN_AHEAD_MIN")
        self.converter = Converter(self.markdown_settings)
        self.used: set[str] = set()
        self.pending: dict[str, Future] = {}
        self.digests: dict[str, str] = {}  # body → its digest, this build: each body is asked for twice
        self.pool = None
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)

    def digest(self, body: str) -> str:
        if (found := self.digests.get(body)) is None:
            found = self.digests[body] = body_digest(self.recipe, body)
        return found

    def convert_ahead(self, documents: list[Document]) -> None:
        """Start converting the bodies not stored yet in worker processes, when there are enough to be worth it."""
        if not self.folder or self.jobs < 2:
            return
        stored = set(os.listdir(self.folder))  # one listing, not a look-up per body
        missing = {}
        for text in markdown_of(documents):
            digest = self.digest(text)
            if f"{digest}.html" not in stored:
                missing[digest] = text
        if len(missing) < self.ahead_min:
            return
        bodies = list(missing.items())
        for start in range(0, len(bodies), BATCH):
            batch = bodies[start : start + BATCH]
            future = self.workers().submit(convert_ahead, batch, self.markdown_settings, str(self.folder))
            self.pending.update(dict.fromkeys(dict(batch), future))

    def start_workers(self, files: int) -> None:
        """Start the workers before ``files`` are read, when the store holds too few bodies for them all.

        A worker takes about a second to start and import Markdown (0.85 s of waiting for the first body after the
        bench's cold build): started now, it does so while this process reads the files' headers. After an edit the
        store holds every body but one: none is started.
        """
        if not self.folder or self.jobs < 2 or self.pool is not None:
            return
        if files - len(os.listdir(self.folder)) < self.ahead_min:
            return
        for _ in range(self.jobs):  # one task for each: a pool of spawned workers starts one per task waiting
            self.workers().submit(convert_ahead, [], self.markdown_settings, str(self.folder))

    def workers(self) -> ProcessPoolExecutor:
        # Fresh interpreters, not forks of this process: each imports only Markdown and the sanitizer
        # (warta.model.markdown_html), and counts about 26 MB of memory instead of the 61 MB of a fork of this one.
        if self.pool is None:
            spawned = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=spawned)
        return self.pool

    def html(self, body: str) -> str:
        """``body`` as safe HTML, from the store, from a worker converting it ahead, or converted here."""
        digest = self.digest(body)
        self.used.add(digest)
        if self.folder is None:
            return self.converter.html(body)
        entry = os.path.join(self.folder, f"{digest}.html")
        with contextlib.suppress(FileNotFoundError):
            return read_entry(entry)
        if (future := self.pending.get(digest)) is not None:
            future.result()
            with contextlib.suppress(FileNotFoundError):
                return read_entry(entry)
        html = self.converter.html(body)
        store(self.folder, digest, html)
        return html

    def finish(self) -> None:
        """Stop the workers and remove the entries of bodies this build did not read."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
            stop_resource_tracker()
        self.digests.clear()
        if self.folder is None:
            return
        for entry in self.folder.glob("*.html"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)
        # Half-written entries of a build that was stopped; recent ones may be another build's of this unit.
        for partial in self.folder.glob("*.part"):
            with contextlib.suppress(FileNotFoundError):
                if partial.stat().st_mtime < time.time() - ABANDONED_SECONDS:
                    partial.unlink()
