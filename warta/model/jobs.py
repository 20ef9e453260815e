"""How many worker processes one unit's build may start (photos, Markdown): one per core unless the build says less."""

from __future__ import annotations

import logging
import os

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
