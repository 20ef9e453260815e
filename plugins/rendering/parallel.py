"""A writer that renders pages in several processes once every page of the site is known.

Pelican renders each page the moment a generator asks for it, in one process; rendering is about half of a large
unit's build (bench/RESULTS.md). Here Pelican's writer runs as always -- every check, every signal, the folder
created -- but the template only records what it was asked to render and no file is opened yet. At ``finalized``
the recorded pages are shared out: worker processes forked from this one (so they see the very same context, no
copying) render their share and write the files, this process renders its own, and the build fails if any worker
did. Forking is what keeps the pages identical to a render in one process: nothing is pickled or rebuilt.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import traceback
from dataclasses import dataclass, field

from warta.adapter.pelican_internals import LOCAL_SITE_URL, NotifyingWriter
from warta.adapter.settings import PluginSettings
from warta.model.jobs import give_back_freed_memory, worker_count
from warta.model.unit_content import in_build

from .reuse import FolderMaking, PageReuse

logger = logging.getLogger(__name__)
DEFAULTS = {
    "RENDER_JOBS": None,  # None: warta.model.jobs decides
    "RENDER_FORK_MIN": 200,  # fewer pages than this are rendered here: starting a process would cost more
    "RENDER_ON_REQUEST": False,  # True: nothing rendered at ``finalized``; the preview renders a page when asked
}


setting = PluginSettings(DEFAULTS)


class RenderingFailed(Exception):
    """A worker process could not render its pages (its traceback is in the log above)."""


@dataclass
class PageJob:
    """One page Pelican asked for: what to render, with which context, and where it goes."""

    template: object
    localcontext: dict  # this page's entries; with ``shared`` beneath them, the context Pelican gave its template
    context: dict
    path: str | None = None  # known once Pelican opens the file; os.devnull when it keeps an earlier page
    shared: dict = field(default_factory=dict)  # entries the same objects as the page recorded before (share)

    def share(self, earlier: dict) -> dict:
        """Keep only the entries that differ from ``earlier`` (an earlier page's); what the next page may share.

        Pelican copies its whole context for each page (about 190 entries, 4,000 pages in a large unit: 27 MB held
        until ``finalized``); most entries are the same objects from page to page. The page's context stays exactly
        what it was -- the same objects, the same order -- or nothing is shared and this page starts a new base.
        """
        own = {name: value for name, value in self.localcontext.items() if earlier.get(name, self) is not value}
        if len(own) * 2 < len(self.localcontext) and list({**earlier, **own}) == list(self.localcontext):
            self.shared, self.localcontext = earlier, own
            return earlier
        return self.localcontext

    def page_context(self) -> dict:
        return {**self.shared, **self.localcontext}

    def rendered(self) -> str:
        page = self.page_context()
        # As Pelican does just before rendering: items adjust their links to this page's place in the site.
        if page.get(LOCAL_SITE_URL):
            self.context[LOCAL_SITE_URL] = page[LOCAL_SITE_URL]
        return self.template.render(page)

    def run(self) -> None:
        output = self.rendered()
        with open(self.path, "w", encoding="utf-8") as page:
            page.write(output)


@dataclass
class FeedCall:
    """One feed Pelican wrote (``write_feed``'s arguments), with the page address the shared context had then.

    The preview writes a feed again after it changed an item in place (a feed entry's summary reads that address).
    """

    elements: list
    context: dict
    args: tuple
    kwargs: dict
    local_site_url: str

    def write(self, writer) -> None:
        """Write the feed again with ``writer``, from its items as they are now; the shared context as it was."""
        before = self.context.get(LOCAL_SITE_URL, "")  # Content.get_siteurl reads a missing one as ""
        self.context[LOCAL_SITE_URL] = self.local_site_url
        try:
            writer.write_feed(self.elements, self.context, *self.args, **self.kwargs)
        finally:
            self.context[LOCAL_SITE_URL] = before


class DeferredTemplate:
    """Stands in for a template in one ``write_file`` call: records the page, renders nothing yet."""

    def __init__(self, template, writer, context):
        self.template, self.writer, self.context = template, writer, context

    def render(self, localcontext) -> str:
        self.writer.record(PageJob(self.template, localcontext, self.context))
        return ""


class ParallelWriter(NotifyingWriter):
    """Pelican's writer; pages are rendered by ``render_recorded`` (at ``finalized``), several processes at once."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[PageJob] = []
        self.shareable: dict = {}  # context entries the next recorded page may share (PageJob.share)
        self.unplaced: PageJob | None = None
        self.feeds: list[FeedCall] = []  # only when pages are rendered on request (the preview's)

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, DeferredTemplate(template, self, context), context, *args, **kwargs)

    def write_feed(self, elements, context, *args, **kwargs):
        if setting(self.settings, "RENDER_ON_REQUEST"):
            self.feeds.append(FeedCall(elements, context, args, kwargs, context.get(LOCAL_SITE_URL, "")))
        return super().write_feed(elements, context, *args, **kwargs)

    def record(self, job: PageJob) -> None:
        self.shareable = job.share(self.shareable)
        self.jobs.append(job)
        self.unplaced = job

    def writes_later(self, path: str) -> bool:
        # A recorded page's file is written when it renders, or linked from the last site: Pelican opens none.
        return self.unplaced is not None  # feeds are written now

    def opened(self, path: str) -> None:
        if self.unplaced is not None:  # feeds open files too, with nothing recorded
            self.unplaced.path, self.unplaced = path, None

    def recorded_pages(self) -> dict[str, PageJob]:
        """Every recorded page by the file it goes to (the last write wins, as in Pelican), forgotten here."""
        placed = {job.path: job for job in self.jobs if job.path and job.path != os.devnull}
        self.jobs, self.shareable = [], {}
        return placed

    def render_recorded(self, folders: FolderMaking | None = None) -> None:
        """Render every recorded page: a share in each worker process, the first share here.

        With a last good site to take from (reuse.py), its unchanged pages are linked instead, and what each page
        rendered now was made of is recorded for the next build. ``folders``: the page folders made ahead, finished
        (and any no page of this render needs removed) before a page is placed or a worker forked.
        """
        if setting(self.settings, "RENDER_ON_REQUEST"):
            return  # warta.preview takes the pages with ``recorded_pages``
        pages = self.recorded_pages()
        if folders is not None:
            folders.finish(pages)
        jobs = list(pages.values())
        if jobs:  # every item is placed: the text of the files is no longer needed, here or in the workers forked
            in_build(jobs[0].context).let_go()
            give_back_freed_memory()
        reuse = PageReuse.of(self.settings, self.output_path, jobs)
        if reuse is not None:
            jobs = reuse.take_unchanged(jobs)
        with reuse.recording() if reuse is not None else contextlib.nullcontext():
            processes = self.render_in_processes(jobs, reuse)
        if reuse is not None:
            reuse.save(processes)

    def render_in_processes(self, jobs: list[PageJob], reuse) -> int:
        """Render ``jobs`` here and in forked workers; how many processes rendered."""
        processes = worker_count(setting(self.settings, "RENDER_JOBS"))
        if processes < 2 or len(jobs) < setting(self.settings, "RENDER_FORK_MIN"):
            render_share(jobs, reuse)
            return 1
        fork = multiprocessing.get_context("fork")
        shares = [(jobs[n::processes], reuse, n) for n in range(1, processes)]
        workers = [fork.Process(target=render_in_worker, args=share) for share in shares]
        # Every object alive now is left out of the garbage collector's passes, here and in the workers: a pass
        # writes to each object it visits, and each write copies a page the workers would otherwise share.
        gc.freeze()
        try:
            for worker in workers:
                worker.start()
            render_share(jobs[0::processes], reuse)
            for worker in workers:
                worker.join()
        finally:
            gc.unfreeze()
        if any(worker.exitcode != 0 for worker in workers):
            raise RenderingFailed("rendering: a worker process failed; its error is above")
        return processes


def render_share(jobs: list[PageJob], reuse=None) -> None:
    for job in jobs:
        if reuse is None:
            job.run()
        else:
            reuse.render(job)


def render_in_worker(jobs: list[PageJob], reuse, number: int) -> None:
    try:
        render_share(jobs, reuse)
        if reuse is not None:
            reuse.save_share(number)
    except Exception:
        traceback.print_exc()
        raise SystemExit(1) from None
