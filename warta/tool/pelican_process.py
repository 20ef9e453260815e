"""One unit's site rendered by Pelican, in a process of its own.

``python -m warta.tool.pelican_process --unit S --content DIR --output DIR [--publish] [--last-site DIR]``

``--last-site``: the unit's last good site, whose unchanged pages are linked instead of rendered
(plugins/rendering/reuse.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from warta import ROOT
from warta.model.problems import ContentError

if TYPE_CHECKING:
    from pelican import Pelican

# A process with threads of its own (the preview's server, invoke cms) must not fork: a lock another thread holds at
# that moment would stay locked forever in the child. Rendering there uses no worker processes.
NO_WORKERS = {"MARKDOWN_JOBS": 1, "RENDER_JOBS": 1, "PHOTO_JOBS": 1}


def render(unit: str, content: Path, output: Path, publish: bool = False, workers: bool = True) -> None:
    """Build ``unit`` of the ``content`` folder into ``output``, for preview or publishing; raises ContentError.

    ``workers`` False: everything in this process (see NO_WORKERS).
    """
    pelican_for(unit, content, output, publish, workers).run()


def pelican_for(unit: str, content: Path, output: Path, publish=False, workers=True, **override) -> Pelican:
    """Pelican set up for ``unit`` of the ``content`` folder, not run yet; ``override``: settings of the caller's."""
    # Imported here: the Markdown workers are fresh interpreters that import this module (their parent's main) and
    # must stay small (plugins/contract/bodies.py).
    from pelican import Pelican  # noqa: PLC0415

    from warta.adapter.pelican_internals import read_settings  # noqa: PLC0415
    from warta.adapter.settings import unit_settings  # noqa: PLC0415

    settings = unit_settings(ROOT, content, unit, publish)
    settings.update(OUTPUT_PATH=str(output), **({} if workers else NO_WORKERS), **override)
    return Pelican(read_settings(override=settings))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--unit", required=True)
    parser.add_argument("--content", required=True, type=Path)
    parser.add_argument("--output", required=True, type=Path)
    parser.add_argument("--publish", action="store_true")
    parser.add_argument("--last-site", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stdout)
    try:
        last_site = {"RENDER_LAST_SITE": str(args.last_site)} if args.last_site else {}
        pelican_for(args.unit, args.content, args.output, args.publish, **last_site).run()
    except ContentError as error:
        print(error)
        return 1
    return 0


def leave(status: int) -> None:
    """End the process at once, without the interpreter's teardown.

    Every file is written and closed and every worker process has ended by now (joined by the rendering, the
    Markdown and the photo pools); the teardown would only free every object of the site one by one: 0.6 to 1.8 s
    after one edit of the bench's 2,000-article unit.
    """
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)  # run under a profiler or a coverage tool: it writes its figures as the process ends
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    leave(main())
