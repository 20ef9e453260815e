"""Pages whose inputs did not change are taken from the last good site: neither rendered nor written, but linked.

A page's inputs are known from what it was made of, not from a rule templates must keep:
- the *site key*: the theme, plugins, code, settings, every file of the unit but the articles (by stamp), and every
  item's metadata -- all its fields, URL, summary text and what plugins set on it (``item_facts``); a page can show
  any of these of any item, so a change to one re-renders every page;
- the *bodies the page read*: while a page renders, each call of an item's ``get_content`` or ``get_summary`` (the
  only ways to an item's body, through ``content`` and ``summary`` too) is recorded, with a digest of the body.

After each render the record (``RENDER_RECORD_PATH``) holds the site key and, per page, its template, the bodies it
read and the file's identity (inode, size, time). The next render takes a page from the last good site
(``RENDER_LAST_SITE``) by a hard link when the site key is the same, the template is the same, every body it read
is unchanged and the last site's file is still the one recorded (a failed build leaves no such file behind, since
it never replaced the last good site). Everything else is rendered as always.
"""

from __future__ import annotations

import contextlib
import gc
import inspect
import json
import logging
import os
import shutil
import threading
from pathlib import Path

from warta.adapter.pelican_internals import BODY_READERS, Content, body_of
from warta.adapter.settings import PluginSettings
from warta.model.stamps import file_identity

from .keys import Digests, hash_of, items_of, site_key

logger = logging.getLogger(__name__)
DEFAULTS = {"RENDER_LAST_SITE": None, "RENDER_RECORD_PATH": None}  # the record, and where unchanged pages are
setting = PluginSettings(DEFAULTS)


class PageReuse:
    """One render's reuse: which recorded pages can be linked, and the record of this render's pages."""

    def __init__(self, settings, output_path: str, context: dict):
        self.output_path = output_path
        self.below = os.path.join(os.path.abspath(output_path), "")  # how each page's path starts
        self.site_key = site_key(settings, context, Digests())
        last_site = setting(settings, "RENDER_LAST_SITE")
        self.last_site = Path(last_site) if last_site else None
        self.record_path = Path(setting(settings, "RENDER_RECORD_PATH"))
        self.items = {item.source_path: item for item in items_of(context)}
        self.digests: dict[str, str | None] = {}
        self.pages: dict[str, dict] = {}  # this render's record, by the page's path below the site
        self.read: dict[int, Content] | None = None  # while a page renders: the items whose body it read
        self.render_id = os.getpid()  # this render's, inherited by its workers: two builds of a unit never mix
        self.last = self.last_record() if self.last_site is not None else {}

    @classmethod
    def of(cls, settings, output_path: str, jobs: list) -> PageReuse | None:
        """The reuse of this render where the unit keeps a record; None: nothing recorded.

        Without a last good site named by the build, every page is rendered, and recorded for the next build.
        """
        if not (jobs and setting(settings, "RENDER_RECORD_PATH")):
            return None
        with collector_paused():
            return cls(settings, output_path, jobs[0].context)

    def last_record(self) -> dict:
        try:
            record = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record.get("pages", {}) if record.get("site_key") == self.site_key else {}

    def body_digest(self, source: str) -> str | None:
        if source not in self.digests:
            item = self.items.get(source)
            self.digests[source] = None if item is None else hash_of(body_of(item) or "")
        return self.digests[source]

    def relative(self, job) -> str:
        # Pelican's page paths are the absolute output folder joined to a name (sanitised_join): cut, not worked out.
        below = self.below
        return job.path[len(below) :] if job.path.startswith(below) else os.path.relpath(job.path, self.output_path)

    def unchanged(self, job, relative: str) -> bool:
        """Whether the last site's copy of ``job``'s page (``relative``: its path below the site) is still right."""
        page = self.last.get(relative)
        if page is None or page["template"] != template_name(job.template):
            return False
        if any(self.body_digest(source) != digest for source, digest in page["bodies"].items()):
            return False
        with contextlib.suppress(OSError):
            return file_identity(os.path.join(self.last_site, relative)) == page["file"]
        return False

    def take_unchanged(self, jobs: list) -> list:
        """Link every unchanged page from the last site into this one; the pages still to render."""
        with collector_paused():
            return self.linked_or_left(jobs)

    def linked_or_left(self, jobs: list) -> list:
        rest = []
        for job in jobs:
            relative = self.relative(job)  # once: a relative path costs more than every other step here
            if not self.unchanged(job, relative):
                rest.append(job)
                continue
            if not link_from(os.path.join(self.last_site, relative), job.path):
                # A copy (another file system) is a file of its own: its identity is not the last site's.
                self.pages[relative] = {**self.last[relative], "file": file_identity(job.path)}
                continue
            # A hard link is the last site's file itself: inode, size and time as ``unchanged`` found them.
            self.pages[relative] = self.last[relative]
        logger.info("rendering: %d pages taken from the last site, %d to render", len(jobs) - len(rest), len(rest))
        return rest

    @contextlib.contextmanager
    def recording(self):
        """While rendering: every body read is noted for the page being rendered (``render``)."""
        # As stored on the class (get_summary is Pelican's memoizing descriptor), bound to each item when called.
        originals = {name: inspect.getattr_static(Content, name) for name in BODY_READERS}

        def noting(name):
            original = originals[name]

            def read(item, *args, **kwargs):
                if self.read is not None:
                    self.read[id(item)] = item
                return original.__get__(item, type(item))(*args, **kwargs)

            return read

        for name in BODY_READERS:
            setattr(Content, name, noting(name))
        try:
            yield
        finally:
            for name, original in originals.items():
                setattr(Content, name, original)

    def render(self, job) -> None:
        """Render and write ``job``'s page, noting what it read."""
        self.read = {}
        try:
            job.run()
        finally:
            read, self.read = self.read, None
        # Digests of the bodies as read now; an item without a source never matches, so such a page is rendered.
        bodies = {str(item.source_path): hash_of(body_of(item) or "") for item in read.values()}
        self.pages[self.relative(job)] = {
            "template": template_name(job.template),
            "bodies": bodies,
            "file": file_identity(job.path),
        }

    def share_path(self, number: int) -> Path:
        return self.record_path.with_name(f"{self.record_path.name}.{self.render_id}-{number}.part")

    def save_share(self, number: int) -> None:
        """A worker process's pages, for ``save`` in the main one."""
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        self.share_path(number).write_text(json.dumps(self.pages), encoding="utf-8")

    def save(self, workers: int) -> None:
        """The record of this render, with each worker's share; written whole, replacing the last."""
        with collector_paused():
            self.write_record(workers)

    def write_record(self, workers: int) -> None:
        for number in range(1, workers):
            share = self.share_path(number)
            self.pages.update(json.loads(share.read_text(encoding="utf-8")))
            share.unlink()
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.share_path(0)
        partial.write_text(json.dumps({"site_key": self.site_key, "pages": self.pages}), encoding="utf-8")
        partial.replace(self.record_path)


@contextlib.contextmanager
def collector_paused():
    """Python's cycle collector held off while the record is read, compared or written, then as it was.

    Each container made (the record's thousands of dicts and lists, the site key's token lists) counts towards a
    collection, and after a large unit is read each full collection walks every object of its model: 0.1-0.2 s of
    the record's loading alone on the bench's unit. What is made here holds no cycles; counting frees it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def link_from(last: str, path: str) -> bool:
    """``path`` made the last site's file ``last``: a hard link (True), or a copy on another file system (False)."""
    try:
        os.link(last, path)
    except FileExistsError:  # only a file an earlier run left in the output folder: replaced, never written into
        os.unlink(path)
        return link_from(last, path)
    except OSError:
        shutil.copy2(last, path)
        return False
    return True


class FolderMaking:
    """The folders of the last render's pages made in this render's output folder by a thread, while Pelican reads.

    Making a folder costs the file system far more than finding it made (the bench's 4,247 page folders: 0.9 s
    against 0.05 s), and Pelican's writer makes each page's folder as it records the page. Here they are made ahead,
    on the second core while the main thread reads every file; ``finish`` removes any of them this render placed
    no page in and that stayed empty, so the output folder holds exactly the folders a render without this holds.
    """

    def __init__(self, output_path: str, folders: list[str]):
        self.output_path = os.path.abspath(output_path)  # as the pages' paths are (Pelican's sanitised_join)
        self.made: list[str] = []  # parents before children
        self.thread = threading.Thread(target=self.make, args=(folders,), name="warta-folders", daemon=True)
        self.thread.start()

    @classmethod
    def start(cls, settings, output_path: str) -> FolderMaking | None:
        """Start making the last render's page folders; None where no last good site is named (or no record)."""
        if not setting(settings, "RENDER_LAST_SITE") or settings.get("DELETE_OUTPUT_DIRECTORY"):
            return None  # Pelican would empty the output folder after this, while the thread makes folders
        with contextlib.suppress(OSError, ValueError, TypeError):
            record = json.loads(Path(setting(settings, "RENDER_RECORD_PATH")).read_text(encoding="utf-8"))
            return cls(output_path, folders_of(record.get("pages", {})))
        return None

    def make(self, folders: list[str]) -> None:
        for folder in folders:
            path = os.path.join(self.output_path, folder)
            try:
                os.mkdir(path)
            except OSError:  # already there (Pelican made it first), or its parent could not be made
                continue
            self.made.append(path)

    def finish(self, placed) -> None:
        """Wait for the thread, then remove each folder it made that no page of this render goes in.

        ``placed``: the paths of this render's pages. Only an empty folder goes: one something else wrote into stays.
        """
        self.thread.join()
        needed = set()
        for page in placed:
            folder = os.path.dirname(page)
            while folder not in needed and len(folder) > len(self.output_path):
                needed.add(folder)
                folder = os.path.dirname(folder)
        for path in reversed(self.made):  # children before their parents
            if path not in needed:
                with contextlib.suppress(OSError):
                    os.rmdir(path)


def folders_of(pages) -> list[str]:
    """Every folder holding one of ``pages`` (relative paths) with its parents, sorted: each after its parent."""
    folders = set()
    for page in pages:
        folder = os.path.dirname(page)
        while folder and folder not in folders:
            folders.add(folder)
            folder = os.path.dirname(folder)
    return sorted(folders)


def template_name(template) -> str:
    return template.name or template.filename or ""
