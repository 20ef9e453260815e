"""Warta's commands (invoke). Run ``invoke --list``; DESIGN.md's command table is the reference.

Each command's help is in Indonesian first, then English: ``invoke --list`` shows the Indonesian line.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from functools import partial
from pathlib import Path

from invoke import Exit, task

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # run from anywhere: warta is here

from warta import ROOT  # noqa: E402
from warta.model.messages import counted, labelled, message  # noqa: E402
from warta.model.problems import ContentError, display_path  # noqa: E402
from warta.model.units import content_root, load_unit, unit_slugs  # noqa: E402
from warta.tool.build import build_units  # noqa: E402
from warta.tool.check import check_unit, count  # noqa: E402
from warta.tool.new import new_unit as warta_new_unit  # noqa: E402
from warta.tool.new import start, todo_code  # noqa: E402
from warta.tool.publish import DEFAULT_BRANCH, DEFAULT_REMOTE, PublishError  # noqa: E402
from warta.tool.publish import plan as plan_publishing  # noqa: E402
from warta.tool.publish import publish as publish_sites  # noqa: E402
from warta.tool.watch import Rebuilder  # noqa: E402
from warta.tool.weight import weight_report  # noqa: E402

CONTENT = content_root(ROOT)
OUTPUT = ROOT / "output"
PORT = 8000
CMS_PORT = 8080
LANG_HELP = "bahasa pesan: id atau en / the language of messages: id or en"
UNIT_HELP = "hanya unit ini / only this unit"
REMOTE_HELP = f"nama remote git atau URL / git remote name or URL (bawaan / default {DEFAULT_REMOTE})"
BRANCH_HELP = f"cabang situs bersama / branch of the shared site (bawaan / default {DEFAULT_BRANCH})"


def chosen_units(unit: str | None, lang: str = "id") -> list[str]:
    """Every unit, or the one named; an unknown name stops with the list of units."""
    units = unit_slugs(CONTENT)
    if unit is None:
        return units
    if unit not in units:
        raise Exit(labelled("unit_unknown", lang, unit=unit, units=", ".join(units)), code=2)
    return [unit]


@task(
    help={
        "unit": "hanya unit ini (nama foldernya) / only this unit (its folder name)",
        "strict": "peringatan juga menggagalkan / warnings fail too",
        "lang": LANG_HELP,
    }
)
def check(c, unit=None, strict=False, lang="id"):
    """Periksa kontrak penulisan: ``path:baris: pesan`` untuk setiap masalah, tanpa membangun situs.

    Check the authoring contract: ``path:line: message`` for every problem, without building.
    """
    problems = [p for slug in chosen_units(unit, lang) for p in check_unit(CONTENT / slug, root=ROOT)]
    for problem in problems:
        print(problem.format(lang, ROOT))
    errors, warnings = count(problems)
    if errors or (strict and warnings):
        said = {"errors": counted("count_errors", errors, lang), "warnings": counted("count_warnings", warnings, lang)}
        raise Exit(labelled("check_failed", lang, **said), code=1)
    print(message("check_passed", lang, warnings=counted("count_warnings", warnings, lang)))


def run_builds(unit, publish, jobs, lang):
    started = time.perf_counter()
    builds = build_units(chosen_units(unit, lang), CONTENT, OUTPUT, publish=publish, jobs=jobs, lang=lang)
    for build in builds:
        if build.report(lang):
            print(build.report(lang))
        print(build.summary(lang))
    print(message("builds_took", lang, seconds=f"{time.perf_counter() - started:.1f}"))
    if not all(build.ok for build in builds):
        raise Exit(code=1)


@task(
    help={
        "unit": UNIT_HELP,
        "jobs": "jumlah proses sekaligus (bawaan: satu per inti) / processes at once (default: one per core)",
        "lang": LANG_HELP,
        "weight": "lalu cetak bobot halaman tiap unit / then print each unit's page weight (compressed HTML+CSS+JS)",
    }
)
def build(c, unit=None, jobs=None, lang="id", weight=False):
    """Periksa, lalu bangun setiap unit (atau satu) ke output/<unit>/, dan portal output/index.html.

    Check, then build every unit (or one) into output/<unit>/, and the portal output/index.html.
    """
    run_builds(unit, publish=False, jobs=int(jobs) if jobs else None, lang=lang)
    if weight:
        for slug in chosen_units(unit, lang):
            print(weight_report(OUTPUT / slug))


@task(help={"unit": UNIT_HELP, "lang": LANG_HELP})
def preview(c, unit=None, lang="id"):
    """Bangun seperti untuk terbit: alamat lengkap dari site_url tiap unit.

    Build as for publishing: absolute URLs from each unit's site_url.
    """
    run_builds(unit, publish=True, jobs=None, lang=lang)


@task
def clean(c):
    """Hapus output/.

    Remove output/.
    """
    shutil.rmtree(OUTPUT, ignore_errors=True)
    shutil.rmtree(OUTPUT.parent / f".{OUTPUT.name}-staging", ignore_errors=True)


@task(pre=[clean], help={"unit": UNIT_HELP})
def rebuild(c, unit=None):
    """Hapus output/, lalu bangun.

    Clean, then build.
    """
    run_builds(unit, publish=False, jobs=None, lang="id")


@task(help={"port": f"port (bawaan / default {PORT})", "lang": LANG_HELP})
def serve(c, port=PORT, lang="id"):
    """Sajikan output/ di http://localhost:PORT/ (portal di akarnya).

    Serve output/ at http://localhost:PORT/ (the portal at its root).
    """
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer  # noqa: PLC0415  (keeps `invoke check` fast)

    handler = partial(SimpleHTTPRequestHandler, directory=str(OUTPUT))
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    print(message("serving", lang, url=f"http://localhost:{port}/"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(
    help={
        "unit": "unit yang dipratinjau (bawaan: yang pertama) / the unit to preview (default: the first)",
        "port": f"port (bawaan / default {PORT})",
        "lang": LANG_HELP,
    }
)
def livereload(c, unit=None, port=PORT, lang="id"):
    """Server pratinjau: satu unit siap di memori, suntingan yang disimpan langsung tampil (peramban memuat ulang).

    The preview server: one unit kept warm, a saved edit shown at once (the browser reloads by itself).
    """
    from warta.tool.preview import serve as serve_preview  # noqa: PLC0415  (keeps `invoke check` fast)

    try:
        serve_preview(chosen_units(unit, lang)[0], CONTENT, OUTPUT, int(port), lang)
    except OSError as error:  # no free port: the sentence says which ones were tried
        raise Exit(str(error), code=1) from None


@task(
    help={
        "unit": "unit yang disunting (bawaan: yang pertama) / the unit to edit (default: the first)",
        "port": f"port (bawaan / default {CMS_PORT})",
        "lang": LANG_HELP,
    }
)
def cms(c, unit=None, port=CMS_PORT, lang="id"):
    """Editor web di komputer ini, http://127.0.0.1:PORT/admin/, menyimpan ke folder kerja; situs di /.

    The web editor on this machine at http://127.0.0.1:PORT/admin/, saving into the working tree; site at /.
    """
    from warta.tool.editor_server import make_server  # noqa: PLC0415
    from warta.tool.npm import install_npm  # noqa: PLC0415  (only this command needs the editor)

    slug = chosen_units(unit, lang)[0]
    install_npm(ROOT)
    os.environ["WARTA_CMS_LOCAL"] = "1"  # the build writes /admin/ for the working tree (plugins/editor/admin.py)
    output = Path(os.environ.get("WARTA_OUTPUT") or OUTPUT)  # tests build elsewhere
    rebuild = Rebuilder(CONTENT, output, lang)
    rebuild.units([slug])
    server = make_server(CONTENT / slug, output / slug, int(port), partial(rebuild.units, [slug]))
    print(message("cms_ready", lang, editor=f"http://127.0.0.1:{port}/admin/", site=f"http://127.0.0.1:{port}/"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(
    help={
        "json": "cetak daftar JSON / print a JSON list",
        "outdated": "hanya unit yang akan dibangun ulang `invoke publish` / only the units `invoke publish` would"
        " rebuild (fetches the published branches)",
        "remote": f"dengan --outdated: {REMOTE_HELP}",
        "branch": f"dengan --outdated: {BRANCH_HELP}",
        "lang": LANG_HELP,
    }
)
def units(c, json_=False, outdated=False, remote=DEFAULT_REMOTE, branch=DEFAULT_BRANCH, lang="id"):
    """Daftar unit; dengan --outdated, unit yang berubah sejak terbit atau punya tulisan yang jatuh tempo.

    The unit slugs; with --outdated, those whose inputs changed since they were published, or with an item due.
    """
    slugs = unit_slugs(CONTENT)
    if outdated:
        try:
            plans = plan_publishing(CONTENT, ROOT, None, remote, branch, lang)
            slugs = [slug for each in plans for slug in each.rebuild]
        except PublishError as error:
            raise Exit(str(error), code=1) from None
    print(json.dumps(slugs) if json_ else "\n".join(slugs))


@task(
    help={
        "unit": "unitnya (nama foldernya) / the unit (its folder name)",
        "title": "judul berita atau galeri / the title of the article or gallery",
        "gallery": "mulai folder galeri dengan index.md-nya / start a gallery folder with its index.md instead",
        "of": "berkas asli yang diterjemahkan ke bahasa Inggris / the original file to translate into English"
        " (creates <name>.en.md beside it)",
        "lang": LANG_HELP,
    }
)
def new(c, unit=None, title=None, gallery=False, of=None, lang="id"):
    """Mulai berita (atau galeri, atau terjemahan Inggris) sebagai draf yang sudah lolos pemeriksaan.

    Start an article (or a gallery, or an English translation) as a draft that already passes the check.
    """
    if not unit:
        raise Exit(labelled("new_needs_unit", lang, units=", ".join(unit_slugs(CONTENT))), code=2)
    [slug] = chosen_units(unit, lang)
    try:
        chosen = load_unit(CONTENT / slug)
        created = start(chosen, title, gallery, Path(of) if of else None)
    except ContentError as error:
        raise Exit("\n".join(p.format(lang, ROOT) for p in error.problems), code=1) from None
    print(message("new_created", lang, path=display_path(created, ROOT)))
    print(message(todo_code(created, chosen), lang, unit=slug, folder=display_path(created.parent, ROOT)))


@task(
    aliases=["gh_pages"],
    help={
        "unit": "hanya unit ini, dibangun ulang, hanya foldernya diganti di cabang / only this unit, rebuilt"
        " whether it changed or not: replaces only its folder on the branch",
        "remote": REMOTE_HELP,
        "branch": BRANCH_HELP,
        "lang": LANG_HELP,
        "prebuilt": "terbitkan output/ yang sudah dibangun (matriks CI) / publish output/ as built by earlier jobs"
        " (CI matrix): check again, do not rebuild",
    },
)
def publish(c, unit=None, remote=DEFAULT_REMOTE, branch=DEFAULT_BRANCH, lang="id", prebuilt=False):
    """Bangun unit yang berubah sejak terbit, periksa, dan hanya bila semua lolos, dorong ke cabang situs.

    Build as for publishing the units changed since their publication, check, and only when all passes, push.
    The other units stay on the branch as published (warta/tool/publish.py); nothing changed, nothing is committed.
    """
    chosen_units(unit, lang)
    try:
        results = publish_sites(
            CONTENT, OUTPUT, ROOT, unit=unit, remote=remote, branch=branch, lang=lang, prebuilt=prebuilt
        )
    except PublishError as error:
        raise Exit(str(error), code=1) from None
    for result in results:
        print(result.summary(lang))


@task(
    help={
        "unit": "nama folder unit baru, mis. balai-mawar / the new unit's folder name (its slug)",
        "name": "nama lengkap unit / the unit's full name",
        "site_url": "alamat publik unit / the unit's public address, https://...",
        "lang": LANG_HELP,
    }
)
def new_unit(c, unit=None, name=None, site_url=None, lang="id"):
    """Mulai unit: unit.toml dan halaman tetap (profil, layanan, ppid, ...) sebagai draf untuk diisi.

    Start a unit: unit.toml and the standing pages (profil, layanan, ppid, ...) as drafts to fill in.
    """
    if not (unit and name and site_url):
        raise Exit(labelled("new_unit_needs", lang), code=2)
    try:
        created = warta_new_unit(CONTENT, unit, name, site_url)
    except ContentError as error:
        raise Exit("\n".join(p.format(lang, ROOT) for p in error.problems), code=1) from None
    print(message("new_unit_created", lang, path=display_path(created, ROOT)))


@task(
    help={
        "quick": "hanya unit 2.000 berita dan 40 foto / only the 2,000-article unit and 40 photos",
        "lighthouse": "sebagai gantinya: Lighthouse profil ponsel / instead: Lighthouse's mobile profile on each page"
        " type of an example unit (about 3 minutes)",
    }
)
def bench(c, quick=False, lighthouse=False):
    """Ukur kecepatan dan memori dibanding Pelican dan Hugo: tabel dan bench/results/latest.json.

    Measure build speed and memory against vanilla Pelican and Hugo: a table and bench/results/latest.json.
    """
    if lighthouse:
        from bench.lighthouse import main as lighthouse_main  # noqa: PLC0415  (only this command needs it)

        if lighthouse_main([]):
            raise Exit(code=1)
        return
    from bench.run import main  # noqa: PLC0415  (only this command needs the benchmark)

    main(["--quick"] if quick else [])
