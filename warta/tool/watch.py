"""Rebuilds on a save for ``invoke cms`` (whole builds into output/), and which saved files to ignore.

``invoke livereload`` keeps one unit warm instead (warta/tool/preview.py) and shares ``THEME``, ``CODE`` and
``is_scratch_file``.
"""

from __future__ import annotations

import time
from pathlib import Path

from warta.model.units import unit_slugs
from warta.tool.build import build_units

# Templates and styles are read afresh by every render; code is imported once per process.
THEME = ("theme",)
CODE = ("plugins", "warta", "pelicanconf.py", "publishconf.py")


class Rebuilder:
    """Rebuilds for the watcher, in this warm process until code changes, in fresh processes after that."""

    def __init__(self, content: Path, output: Path, lang: str = "id", say=print):
        self.content, self.output, self.lang, self.say = content, output, lang, say
        self.code_changed = False

    def units(self, slugs: list[str], in_process: bool = True) -> bool:
        """Build ``slugs`` and say how it went (a failure names file and line); never raises, so serving goes on."""
        started = time.perf_counter()
        warm = in_process and not self.code_changed
        builds = build_units(slugs, self.content, self.output, lang=self.lang, in_process=warm)
        for build in builds:
            if build.report(self.lang):
                self.say(build.report(self.lang))
            self.say(build.summary(self.lang))
        self.say(f"{time.perf_counter() - started:.1f} s")
        return all(build.ok for build in builds)

    def watch_unit(self, slug: str):
        return lambda: self.units([slug])

    def watch_theme(self):
        return lambda: self.units(unit_slugs(self.content))

    def watch_code(self):
        def changed():
            self.code_changed = True  # this process holds the old code: render in fresh ones from now on
            return self.units(unit_slugs(self.content), in_process=False)

        return changed


def is_scratch_file(path: str) -> bool:
    """Editors' temporary and backup files: saving a file must trigger one rebuild, not several."""
    name = Path(path).name
    return name.startswith((".", "~", "#")) or name.endswith(("~", ".swp", ".tmp"))
