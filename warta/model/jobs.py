"""A build's processes: how many workers they may start, and the memory they give back.

Workers (photos, Markdown): one per core unless the build says less.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
from multiprocessing import resource_tracker

from warta.model.messages import labelled

logger = logging.getLogger(__name__)
JOBS_ENV = "WARTA_JOBS"  # warta.tool.build lowers it when several units build at once, so cores are not oversubscribed


def worker_count(chosen=None) -> int:
    """``chosen`` (a setting), else the environment's WARTA_JOBS, else one per core."""
    chosen = chosen or os.environ.get(JOBS_ENV)
    try:
        return max(1, int(chosen)) if chosen else os.cpu_count() or 1
    except ValueError:
        logger.warning("warta: %s", labelled("jobs_not_a_number", warning=True, name=JOBS_ENV, value=chosen))
        return os.cpu_count() or 1


def give_back_freed_memory() -> None:
    """Return the memory freed so far to the system, where the C library is glibc.

    glibc keeps freed memory for the process's own reuse, so dropping objects does not shrink it by itself: a
    process about to wait while another works, or to fork workers that would each count its pages again, holds
    only what it still uses (measured: 13 MB less in the build process after its check, bench/RESULTS.md).
    """
    with contextlib.suppress(OSError, AttributeError):  # another C library: nothing to give back this way
        ctypes.CDLL(None).malloc_trim(0)


def stop_resource_tracker() -> None:
    """End multiprocessing's resource tracker once the spawned workers that needed it are gone.

    Workers started fresh (not forked) share their pool's semaphores by name, and multiprocessing starts a tracker
    process to remove those names should the build die; with the pool shut down it would only hold its 12 MB to the
    end of the build. multiprocessing starts it again if anything needs it later. Its stop is not public in
    Python 3.11: ``tests/test_bodies.py`` checks that it is still there.
    """
    resource_tracker._resource_tracker._stop()  # noqa: SLF001
