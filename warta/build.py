"""Build units in parallel processes, each into a staging folder swapped in only when it succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from warta.check import check_unit
from warta.fingerprint import Fingerprint
from warta.messages import message
from warta.portal import write_portal

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class UnitBuild:
    """How one unit's build went: ``log`` holds what Pelican and the checks said."""

    unit: str
    ok: bool
    seconds: float
    log: str

    def summary(self, lang: str = "id") -> str:
        if self.ok:
            return message("build_done", lang, unit=self.unit, seconds=f"{self.seconds:.1f}")
        return message("build_failed", lang, unit=self.unit)


def build_units(units, content: Path, output: Path, publish=False, jobs=None, lang="id") -> list[UnitBuild]:
    """Check and build ``units`` with at most ``jobs`` processes (default: one per core), then the portal."""
    jobs = jobs or os.cpu_count() or 1
    output.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        builds = list(pool.map(lambda unit: build_unit(unit, content, output, publish, lang), units))
    write_portal(content, output, lang)
    return builds


def build_unit(unit: str, content: Path, output: Path, publish=False, lang="id") -> UnitBuild:
    """Check, then render ``unit`` into a staging folder; swap it in for ``output/<unit>`` only on success."""
    started = time.perf_counter()
    fingerprint = Fingerprint.of(unit, content, output, publish)
    if (last_log := fingerprint.last_log()) is not None:  # nothing changed: the last good build stands
        return UnitBuild(unit, True, time.perf_counter() - started, last_log)
    # Paths in messages start at the repository root (or at the content folder's parent, in tests).
    shown_from = ROOT if content.resolve().is_relative_to(ROOT) else content.parent
    problems = check_unit(content / unit, root=shown_from)
    report = "\n".join(p.format(lang, shown_from) for p in problems)
    if any(p.is_error for p in problems):
        return UnitBuild(unit, False, time.perf_counter() - started, report)
    staging_root = output.parent / f".{output.name}-staging"
    staging_root.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{unit}-", dir=staging_root))
    command = [sys.executable, "-m", "warta.render", "--unit", unit, "--output", str(staging)]
    if publish:
        command.append("--publish")
    env = dict(os.environ, WARTA_UNIT=unit, WARTA_CONTENT=str(content))
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    log = "\n".join(filter(None, [report, done.stdout.strip(), done.stderr.strip()]))
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return UnitBuild(unit, False, time.perf_counter() - started, log)
    swap_in(staging, output / unit)
    fingerprint.save(log)
    return UnitBuild(unit, True, time.perf_counter() - started, log)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging``: two renames on one file system, the old tree removed after."""
    if not target.exists():
        staging.rename(target)
        return
    retired = staging.with_name(staging.name + "-old")
    target.rename(retired)
    staging.rename(target)
    discard(retired)


def discard(folder: Path) -> None:
    """Delete ``folder`` in a process of its own: deleting thousands of files can take longer than the build."""
    command = [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)]
    subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
