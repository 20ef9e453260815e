"""Build units in parallel processes, each into a staging folder swapped in only when it succeeded."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from warta import ROOT
from warta.model.jobs import JOBS_ENV, give_back_freed_memory
from warta.model.messages import counted, labelled, message
from warta.model.problems import ContentError, Problem
from warta.model.unit_content import UnitContent
from warta.model.units import read_unit
from warta.tool.check import check_unit
from warta.tool.fingerprint import Fingerprint, next_due
from warta.tool.portal import write_portal
from warta.tool.search import RETIRED_SUFFIX, discard, index_search
from warta.tool.site_check import broken_links
from warta.tool.site_check import report as site_check_report

# Each part of a unit's search index under its pages' digest, next to content/ as every cache (adapter.settings).
SEARCH_CACHE = Path(".cache") / "search"
# What the built site's last passed link check saw, per unit: its unchanged pages are not read again (tool.site_check).
SITE_CHECK_CACHE = Path(".cache") / "site-check"


@dataclass
class UnitBuild:
    """How one unit's build went: ``log`` holds what Pelican and the checks said; ``warnings`` the check's warnings."""

    unit: str
    ok: bool
    seconds: float
    log: str
    warnings: list[Problem] = field(default_factory=list)
    root: Path | None = None  # where the paths of the warnings are shown from

    def summary(self, lang: str = "id") -> str:
        if not self.ok:
            return labelled("build_failed", lang, unit=self.unit)
        if self.warnings:
            warnings = counted("count_warnings", len(self.warnings), lang)
            return message(
                "build_done_warnings", lang, unit=self.unit, seconds=f"{self.seconds:.1f}", warnings=warnings
            )
        return message("build_done", lang, unit=self.unit, seconds=f"{self.seconds:.1f}")

    def report(self, lang: str = "id") -> str:
        """What staff must read: the whole log of a failure; a success's warnings as ``path:line: message``."""
        if not self.ok:
            return self.log
        return "\n".join(warning.format(lang, self.root) for warning in self.warnings)


def build_units(
    units, content: Path, output: Path, publish=False, jobs=None, lang="id", in_process=False
) -> list[UnitBuild]:
    """Check and build ``units`` with at most ``jobs`` processes (default: one per core), then the portal.

    ``in_process`` renders one unit after another in this process instead (see ``render_here``).
    """
    jobs = 1 if in_process else jobs or os.cpu_count() or 1
    units = list(units)
    # The render process runs from the repository root: a folder given relative to here must not move with it.
    content, output = Path(content).absolute(), Path(output).absolute()
    # Each unit process runs its own worker pools (photos, Markdown): together they must not exceed the cores.
    worker_jobs = max(1, (os.cpu_count() or 1) // max(1, min(jobs, len(units))))
    output.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        builds = list(
            pool.map(lambda unit: build_unit(unit, content, output, publish, lang, in_process, worker_jobs), units)
        )
    write_portal(content, output)  # in the sites' language, whatever language staff read messages in
    return builds


def build_unit(
    unit: str, content: Path, output: Path, publish=False, lang="id", in_process=False, worker_jobs=None
) -> UnitBuild:
    """Check, then render ``unit`` into a staging folder; swap it in for ``output/<unit>`` only on success."""
    started = time.perf_counter()
    fingerprint = Fingerprint.of(unit, content, output, publish)
    # Paths in messages start at the repository root (or at the content folder's parent, in tests).
    shown_from = ROOT if content.resolve().is_relative_to(ROOT) else content.parent
    if (last_log := fingerprint.last_log()) is not None:  # nothing changed: the last good build stands
        seconds = time.perf_counter() - started
        return UnitBuild(unit, True, seconds, last_log, fingerprint.last_warnings(), shown_from)
    staging_root = output.parent / f".{output.name}-staging"
    staging_root.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{unit}-", dir=staging_root))
    # The render process starts while the checks run: it refuses the same files, the checks name them better.
    last_site = output / unit  # its unchanged pages are linked, not rendered (plugins/rendering/reuse.py)
    rendering = None if in_process else start_render(unit, content, staging, publish, worker_jobs, last_site)
    sources: dict[str, Path] = {}
    documents = UnitContent()  # each file read once, by the check; the fingerprint's due date uses them again
    problems = check_unit(content / unit, root=shown_from, sources=sources, publishing=publish, content=documents)
    report = "\n".join(p.format(lang, shown_from) for p in problems)
    if any(p.is_error for p in problems):
        if rendering is not None:
            stop(rendering)
        shutil.rmtree(staging, ignore_errors=True)
        return UnitBuild(unit, False, time.perf_counter() - started, report)
    due = next_due(content / unit, documents)  # the documents' last use: they are let go while the render runs
    del documents
    give_back_freed_memory()
    if rendering is None:
        ok, said = render_here(unit, content, staging, publish)
    else:
        ok, said = finish_render(rendering)
    if not ok and said:  # what Pelican said when it stopped: said after a sentence staff can act on
        said = f"{labelled('build_log', lang)}\n{said}"
    if ok:
        record = content.parent / SITE_CHECK_CACHE / f"{unit}.json"

        def check_links() -> tuple[bool, str]:
            return check_built_site(content / unit, staging, sources, lang, shown_from, said, record)

        # After the render process has ended, so the indexer's memory never adds to Pelican's. The link check runs
        # while Pagefind indexes, before the index is added to the site: the index holds no page, so adding it
        # breaks no link, but a link into it lands only once it is there: then the whole check again, after it.
        cache = content.parent / SEARCH_CACHE / unit
        checked, said_checked = index_search(staging, unit, lang, cache, meanwhile=check_links)
        ok, said = (checked, said_checked) if checked else check_links()
    log = "\n".join(filter(None, [report, said]))
    if not ok:
        shutil.rmtree(staging, ignore_errors=True)
        return UnitBuild(unit, False, time.perf_counter() - started, log)
    swap_in(staging, output / unit)
    warnings = [p for p in problems if not p.is_error]
    fingerprint.save(log, warnings, due)
    return UnitBuild(unit, True, time.perf_counter() - started, log, warnings, shown_from)


def check_built_site(
    folder: Path, staging: Path, sources, lang: str, root: Path, said: str, record: Path | None = None
) -> tuple[bool, str]:
    """The built site's own link check (tool.site_check): a broken link fails the build, naming page and source."""
    unit, _ = read_unit(folder)
    broken = broken_links(staging, unit.site_url if unit else "", record)
    if not broken:
        return True, said
    return False, "\n".join(filter(None, [said, site_check_report(broken, sources, lang, root)]))


def start_render(
    unit: str, content: Path, staging: Path, publish: bool, worker_jobs=None, last_site: Path | None = None
) -> subprocess.Popen:
    """Render in a process of its own (the default): units render in parallel, each from a clean start."""
    command = [sys.executable, "-m", "warta.tool.pelican_process", "--unit", unit, "--content", str(content)]
    command += ["--output", str(staging), *(["--publish"] if publish else [])]
    command += ["--last-site", str(last_site)] if last_site is not None and last_site.is_dir() else []
    env = dict(os.environ)  # the child's own copy: this process's environment stays as it was
    if worker_jobs:
        env.setdefault(JOBS_ENV, str(worker_jobs))
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    # A session of its own: stopping it stops its worker processes too.
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, **pipes)


def stop(rendering: subprocess.Popen) -> None:
    """Stop a render process and every worker it started; nothing it wrote is kept."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(rendering.pid, signal.SIGKILL)
    rendering.communicate()


def finish_render(rendering: subprocess.Popen) -> tuple[bool, str]:
    """Whether the render process succeeded, and what it said."""
    stdout, stderr = rendering.communicate()
    return rendering.returncode == 0, "\n".join(filter(None, [stdout.strip(), stderr.strip()]))


def render_here(unit: str, content: Path, staging: Path, publish: bool) -> tuple[bool, str]:
    """Render in this process, with Pelican already imported: livereload's rebuild takes a fraction of the time.

    Only for code that has not changed since this process started.
    """
    from warta.tool.pelican_process import render  # noqa: PLC0415  (Pelican is imported only when rendering here)

    try:
        render(unit, content, staging, publish, workers=False)
    except ContentError as error:
        return False, str(error)
    except Exception as error:  # noqa: BLE001  (a broken template must be reported, not stop the server)
        return False, f"{type(error).__name__}: {error}"
    return True, ""


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging``: two renames on one file system, the old tree removed after."""
    if not target.exists():
        staging.rename(target)
        return
    retired = staging.with_name(staging.name + RETIRED_SUFFIX)
    target.rename(retired)
    staging.rename(target)
    discard(retired)
