"""Warta's commands (invoke). Run ``invoke --list``; DESIGN.md's command table is the reference."""

from __future__ import annotations

import json
import shutil
import sys
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from warta.build import build_units  # noqa: E402
from warta.check import check_unit, count  # noqa: E402
from warta.messages import message  # noqa: E402
from warta.units import content_root, unit_slugs  # noqa: E402

CONTENT = content_root(ROOT)
OUTPUT = ROOT / "output"
PORT = 8000


def chosen_units(unit: str | None, lang: str = "id") -> list[str]:
    """Every unit, or the one named; an unknown name stops with the list of units."""
    units = unit_slugs(CONTENT)
    if unit is None:
        return units
    if unit not in units:
        raise Exit(message("unit_unknown", lang, unit=unit, units=", ".join(units)), code=2)
    return [unit]


@task(help={"unit": "only this unit (its folder name)", "strict": "warnings fail too", "lang": "id or en"})
def check(c, unit=None, strict=False, lang="id"):
    """Check the authoring contract: ``path:line: message`` for every problem, without building."""
    problems = [p for slug in chosen_units(unit, lang) for p in check_unit(CONTENT / slug, root=ROOT)]
    for problem in problems:
        print(problem.format(lang, ROOT))
    errors, warnings = count(problems)
    if errors or (strict and warnings):
        raise Exit(message("check_failed", lang, errors=errors, warnings=warnings), code=1)
    print(message("check_passed", lang, warnings=warnings))


def run_builds(unit, publish, jobs, lang):
    started = time.perf_counter()
    builds = build_units(chosen_units(unit, lang), CONTENT, OUTPUT, publish=publish, jobs=jobs, lang=lang)
    for build in builds:
        if not build.ok and build.log:
            print(build.log)
        print(build.summary(lang))
    print(f"{time.perf_counter() - started:.1f} s")
    if not all(build.ok for build in builds):
        raise Exit(code=1)


@task(help={"unit": "only this unit", "jobs": "processes at once (default: one per core)", "lang": "id or en"})
def build(c, unit=None, jobs=None, lang="id"):
    """Check, then build every unit (or one) into output/<unit>/, and the portal output/index.html."""
    run_builds(unit, publish=False, jobs=int(jobs) if jobs else None, lang=lang)


@task(help={"unit": "only this unit", "lang": "id or en"})
def preview(c, unit=None, lang="id"):
    """Build as for publishing: absolute URLs from each unit's site_url."""
    run_builds(unit, publish=True, jobs=None, lang=lang)


@task
def clean(c):
    """Remove output/."""
    shutil.rmtree(OUTPUT, ignore_errors=True)
    shutil.rmtree(OUTPUT.parent / f".{OUTPUT.name}-staging", ignore_errors=True)


@task(pre=[clean], help={"unit": "only this unit"})
def rebuild(c, unit=None):
    """Clean, then build."""
    run_builds(unit, publish=False, jobs=None, lang="id")


@task(help={"port": f"port (default {PORT})"})
def serve(c, port=PORT):
    """Serve output/ at http://localhost:PORT/ (the portal at its root)."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(OUTPUT))
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    print(f"http://localhost:{port}/  (Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(help={"port": f"port (default {PORT})"})
def livereload(c, port=PORT):
    """Serve output/, rebuild the unit whose files change, and reload the browser."""
    from livereload import Server  # noqa: PLC0415  (only this command needs it)

    server = Server()
    for slug in unit_slugs(CONTENT):
        server.watch(str(CONTENT / slug / "**" / "*"), partial(run_builds, slug, False, 1, "id"))
    for shared in ("theme", "plugins", "warta"):
        server.watch(str(ROOT / shared / "**" / "*"), partial(run_builds, None, False, None, "id"))
    server.serve(root=str(OUTPUT), port=int(port), host="127.0.0.1")


@task(help={"json": "print a JSON list"})
def units(c, json_=False):
    """The unit slugs."""
    slugs = unit_slugs(CONTENT)
    print(json.dumps(slugs) if json_ else "\n".join(slugs))


@task(help={"quick": "only the 2,000-article unit and 40 photos (under 3 minutes)"})
def bench(c, quick=False):
    """Measure build speed and memory against vanilla Pelican and Hugo: a table and bench/results/latest.json."""
    from bench.run import main  # noqa: PLC0415  (only this command needs the benchmark)

    main(["--quick"] if quick else [])
