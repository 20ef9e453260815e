"""The benchmark: Warta's builds against vanilla Pelican and Hugo on one generated corpus, in one run.

python -m bench.run [--quick]   (or ``invoke bench [--quick]``): results in bench/results/latest.json, and a table.
Every figure is wall time of a whole command (process start included) on the same machine in the same run, so
ratios between them hold even where the machine is slower or busier than usual.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere: warta is here

from bench import corpus, preview  # noqa: E402
from bench.hugo import fresh_hugo_site  # noqa: E402
from warta import ROOT  # noqa: E402
from warta.model.units import unit_slugs  # noqa: E402
from warta.tool.fingerprint import Fingerprint  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "latest.json"
EDITED = "news/2020/berita-1400.md"  # an article of the 2,000-article unit, in the middle of its history
SAMPLE_SECONDS = 0.02
ROUNDS = 3  # pairs of Warta and Pelican builds, cold and after one edit (measure_builds)
# Where a photo pipeline may keep derivatives between builds: emptied before the cold photo build.
PHOTO_CACHES = (".cache/photos", ".cache/galleries")
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".webp", ".png", ".avif"}
# The least any photo pipeline must do with Pillow: decode, turn upright, two widths as JPEG and WebP, no EXIF.
FLOOR_WIDTHS = (800, 1600)
FLOOR_SAMPLE = 10  # photos timed for the floor: a figure per photo, steady after a few
SEARCH_MARK = "search index seconds: "  # how a build in the benchmark tells the time its search index took
SITE_CHECK_MARK = "site check seconds: "  # and the time the built site's own link check took (warta.tool.site_check)
SITE_CHECK_CPU_MARK = "site check CPU seconds: "  # and the CPU time of the thread that ran it


class Measured:
    """Wall time, CPU time and, with ``memory``, the peak of resident memory summed over a command's process tree.

    ``peaks_kb`` has the issue's figure (RSS) and others besides (see ``tree_memory_kb``); ``search_seconds`` is the
    time a Warta build spent on its search index (from its output): with them, what the indexer itself costs.

    Memory is sampled only when asked: the sampler reads every process's ``smaps_rollup`` every 20 ms, which took
    6.7 s of CPU during a 25 s cold build of the 2,000-article unit (2.5 s beside Pelican's). A build that keeps both
    cores busy loses that time to the sampler; Pelican's, on one core, does not: timed runs are never sampled.
    """

    def __init__(self, command, cwd=ROOT, env=None, memory=False):
        used_before = children_cpu_seconds()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.peaks_kb = dict.fromkeys(MEMORY_FIGURES, 0)
        sampler = threading.Thread(target=self._sample, args=(process,), daemon=True)
        if memory:
            sampler.start()
        output, _ = process.communicate()
        self.seconds = time.perf_counter() - started
        self.cpu_seconds = children_cpu_seconds() - used_before  # shown beside wall times: the machine is shared
        if memory:
            sampler.join()
        self.output = output.decode(errors="replace")
        self.search_seconds = self.marked(SEARCH_MARK)
        self.site_check_seconds = self.marked(SITE_CHECK_MARK)
        self.site_check_cpu_seconds = self.marked(SITE_CHECK_CPU_MARK)
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{self.output[-3000:]}")

    def marked(self, mark: str) -> float:
        """The seconds a build printed after ``mark``, summed over its units."""
        return sum(float(line[len(mark) :]) for line in self.output.splitlines() if line.startswith(mark))

    def _sample(self, process):
        while process.poll() is None:
            for figure, kb in tree_memory_kb(process.pid).items():
                self.peaks_kb[figure] = max(self.peaks_kb[figure], kb)
            time.sleep(SAMPLE_SECONDS)

    @property
    def peak_mb(self) -> float:
        return self.peaks_kb["rss"] / 1024

    def peak_of(self, figure: str) -> float:
        return self.peaks_kb[figure] / 1024


def children_cpu_seconds() -> float:
    """CPU time of every finished child process and its descendants, in seconds."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


MEMORY_FIGURES = ("rss", "rss_without_search", "rss_search", "pss", "pss_without_search")


def tree_memory_kb(pid: int) -> dict[str, int]:
    """Memory of ``pid`` and all its descendants in kB: RSS and PSS, each also without the search indexer.

    ``rss_search`` is the indexer's own.

    RSS counts a page shared by forked processes once in each of them; PSS splits it between them, so its sum is
    the physical memory the tree uses. Descendants are the children of any of a process's threads; a process gone
    meanwhile counts 0.
    """
    figures, pending = dict.fromkeys(MEMORY_FIGURES, 0), [pid]
    while pending:
        current = pending.pop()
        try:
            rss, pss = resident_and_proportional_kb(current)
            with open(f"/proc/{current}/cmdline", "rb") as cmdline:
                searching = b"pagefind" in cmdline.read()
            figures["rss"] += rss
            figures["pss"] += pss
            if searching:
                figures["rss_search"] += rss
            else:
                figures["rss_without_search"] += rss
                figures["pss_without_search"] += pss
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    pending += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue
    return figures


def resident_and_proportional_kb(pid: int) -> tuple[int, int]:
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        fields = dict(line.split(":", 1) for line in rollup if line.startswith(("Rss:", "Pss:")))
    return int(fields["Rss"].split()[0]), int(fields["Pss"].split()[0])


def warta_build(content: Path, output: Path, units: list[str], memory=False) -> Measured:
    """``invoke build`` of ``units``, the same code path, with this corpus's content and output folders."""
    wait_for_discards(output)
    return Measured([sys.executable, "-m", "bench.run", "--build", str(content), str(output), *units], memory=memory)


def wait_for_discards(output: Path, limit: float = 300) -> None:
    """Let the last build's old output finish being deleted (in the background), so it slows no measurement."""
    staging_root = output.parent / f".{output.name}-staging"
    deadline = time.monotonic() + limit
    while any(staging_root.glob("*-old")) and time.monotonic() < deadline:
        time.sleep(0.2)


def build_only(content: str, output: str, units: list[str]) -> int:
    """The child process of ``warta_build``: check and build, exit status 1 when a unit failed."""
    from warta.tool import build as building  # noqa: PLC0415  (only the child process builds)

    spent = {"index_search": [], "broken_links": []}
    check_cpu: list[float] = []
    building.index_search = timed(building.index_search, spent["index_search"])
    building.broken_links = timed(building.broken_links, spent["broken_links"], check_cpu)
    builds = building.build_units(units, Path(content), Path(output))
    # The link check runs inside index_search, while Pagefind indexes (warta.tool.build): not the index's time.
    print(f"{SEARCH_MARK}{sum(spent['index_search']) - sum(spent['broken_links']):.3f}")
    print(f"{SITE_CHECK_MARK}{sum(spent['broken_links']):.3f}")
    print(f"{SITE_CHECK_CPU_MARK}{sum(check_cpu):.3f}")
    for build in builds:
        if not build.ok:
            print(build.log)
    return 0 if all(build.ok for build in builds) else 1


def timed(function, seconds: list, cpu_seconds: list | None = None):
    """``function`` adding each call's wall time to ``seconds`` (and its thread's CPU time to ``cpu_seconds``)."""

    def timing(*args, **kwargs):
        started, used = time.perf_counter(), time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - started)
            if cpu_seconds is not None:
                cpu_seconds.append(time.thread_time() - used)

    return timing


@contextlib.contextmanager
def edited(article: Path, round_number: int = 0):
    """One staff edit, a sentence added to the end of the body, taken back afterwards: the corpus is reused.

    Each round adds another sentence: the last build already holds the sentence of the round before.
    """
    original = article.read_bytes()
    with article.open("a", encoding="utf-8") as text:
        text.write(f"\nKalimat tambahan dari penyunting{f' {round_number}' if round_number else ''}.\n")
    try:
        yield
    finally:
        article.write_bytes(original)


def settle() -> None:
    """Wait until files written just now are old enough for the fingerprint to trust their times."""
    time.sleep(1.1)


def measure_builds(folder: Path, counts: dict, cpu: dict) -> tuple[dict, dict]:
    """Warta's builds and vanilla Pelican's, each Warta build followed at once by Pelican's of the same kind.

    The shared machine's speed drifts from minute to minute; a ratio of two builds run one after the other holds
    up, one of builds minutes apart does not. Cold and one-edit builds are measured in ROUNDS pairs; the pair with
    the median ratio is the one reported (its figures, its ratio), every ratio is kept beside it.
    """
    content, output = folder / "content", folder / "output"
    vanilla = Vanilla(folder)
    cold_pairs = []
    for _ in range(ROUNDS):
        start_cold(folder)
        cold_pairs.append((warta_build(content, output, [corpus.BIG_UNIT]), vanilla.cold()))
    start_cold(folder)  # the same build once more, its memory sampled (a sampled build is never timed)
    peaks = [warta_build(content, output, [corpus.BIG_UNIT], memory=True)]
    units = unit_slugs(content)
    others = [unit for unit in units if unit not in (corpus.BIG_UNIT, corpus.PHOTO_UNIT)]
    if others:
        warta_build(content, output, others)
    photos = measure_photos(content, output, counts["photos"]) if counts["photos"] else (None, None)
    settle()
    noop = warta_build(content, output, units)
    pagefind_cli = pagefind_alone(output / corpus.BIG_UNIT, folder / "pagefind-alone")
    edit_pairs = []
    for number in range(1, ROUNDS + 1):
        with edited(content / corpus.BIG_UNIT / EDITED, number):
            edit_pairs.append((warta_build(content, output, [corpus.BIG_UNIT]), vanilla.one_edit(number)))
    with edited(content / corpus.BIG_UNIT / EDITED, ROUNDS + 1):
        peaks.append(warta_build(content, output, [corpus.BIG_UNIT], memory=True))
    (cold, pelican_cold), (one_edit, pelican_edit) = median_pair(cold_pairs), median_pair(edit_pairs)
    cpu.update(
        {
            "Warta cold": cold.cpu_seconds,
            "Warta no-op": noop.cpu_seconds,
            "Warta one edit": one_edit.cpu_seconds,
            "Pelican cold": pelican_cold.cpu_seconds,
            "Pelican one edit": pelican_edit.cpu_seconds,
        }
    )
    pelican = {
        "cold_s": pelican_cold.seconds,
        "edit_one_s": pelican_edit.seconds,
        "cold_ratios": pair_ratios(cold_pairs),
        "edit_one_ratios": pair_ratios(edit_pairs),
    }
    return {
        "cold_s": cold.seconds,
        "noop_s": noop.seconds,
        "edit_one_s": one_edit.seconds,
        "photos_cold_ms": photos[0],
        "photos_warm_ms": photos[1],
        "peak_rss_mb": max(build.peak_mb for build in peaks),
        # The indexer reported apart, beside Pagefind's own CLI indexing the same pages in one run.
        "pagefind_cli_s": pagefind_cli.seconds,
        "pagefind_cli_peak_mb": pagefind_cli.peak_mb,
        # Beyond the figures: what the search index (Pagefind) takes of them.
        "search_index_cold_s": cold.search_seconds,
        "search_index_edit_s": one_edit.search_seconds,
        # The built site's own link check, which every build runs (<= 5 % of the cold build).
        "site_check_cold_s": cold.site_check_seconds,
        # The check runs while Pagefind indexes (warta.tool.build): its wall time there is stretched by sharing the
        # cores with Pagefind and mostly hidden behind it; its cost is its CPU time, against the build's.
        "site_check_cold_cpu_s": cold.site_check_cpu_seconds,
        "cold_cpu_s": cold.cpu_seconds,
        "site_check_edit_s": one_edit.site_check_seconds,
        **{
            f"peak_{figure}_mb": max(build.peak_of(figure) for build in peaks)
            for figure in MEMORY_FIGURES
            if figure != "rss"
        },
    }, pelican


def start_cold(folder: Path) -> None:
    """No output, no staging folder, no cache: the next build starts from nothing."""
    for generated in (folder / "output", folder / ".output-staging", folder / ".cache"):
        shutil.rmtree(generated, ignore_errors=True)
    settle()


def median_pair(pairs: list[tuple[Measured, Measured]]) -> tuple[Measured, Measured]:
    """The pair (Warta's build, Pelican's) whose ratio is the median of all the pairs' ratios."""
    ranked = sorted(pairs, key=lambda pair: pair[0].seconds / pair[1].seconds)
    return ranked[len(ranked) // 2]


def pair_ratios(pairs: list[tuple[Measured, Measured]]) -> list[float]:
    return [round(warta.seconds / pelican.seconds, 3) for warta, pelican in pairs]


def pagefind_alone(site: Path, bundle: Path) -> Measured:
    """Pagefind's own CLI over the built site's pages, in one run: what its indexer alone costs."""
    from pagefind_bin import get_executable  # noqa: PLC0415  (the bench's only use of it)

    shutil.rmtree(bundle, ignore_errors=True)
    try:
        command = [str(get_executable()), "--site", str(site), "--output-path", str(bundle), "--silent"]
        return Measured(command, memory=True)
    finally:
        shutil.rmtree(bundle, ignore_errors=True)


def measure_photos(content: Path, output: Path, photos: int) -> tuple[float | None, float | None]:
    """Milliseconds per photo, cold and warm (cold: the photo unit's build less the same build without galleries).

    Warm: the pipeline on the cache the cold build filled (see ``photo_pipeline_warm_ms``).
    """
    unit = corpus.PHOTO_UNIT
    galleries, aside = content / unit / "galleries", content.parent / "galleries-aside"
    galleries.rename(aside)
    try:
        warta_build(content, output, [unit])  # Pelican's content cache warm, as in the builds measured below
        forget_fingerprint(content, output, unit)
        without = warta_build(content, output, [unit]).seconds
    finally:
        aside.rename(galleries)
    for cache in PHOTO_CACHES:
        shutil.rmtree(ROOT / cache, ignore_errors=True)
    cold = warta_build(content, output, [unit]).seconds
    if photo_files(output / unit) < photos:
        return None, None  # no photo pipeline yet: the photos were neither resized nor copied
    return (cold - without) * 1000 / photos, photo_pipeline_warm_ms(content / unit / "galleries")


def photo_pipeline_warm_ms(galleries: Path, rounds: int = 3) -> float | None:
    """Milliseconds per photo the galleries pipeline spends when the cold build has filled its cache.

    Timed around the pipeline itself (find each photo's entry, link its files into a site): two milliseconds a
    photo is 80 ms for the quick corpus, well below what a whole build varies by on a shared machine.
    """
    from plugins.galleries.library import develop, known_manifest, publish  # noqa: PLC0415
    from plugins.galleries.settings import cache_dir, jobs, recipe  # noqa: PLC0415

    settings = {"WARTA_ROOT": str(ROOT)}
    sources = [path.resolve() for path in sorted(galleries.rglob("*.jpg"))]
    chosen, cache = recipe(settings), cache_dir(settings)
    if not sources or any(known_manifest(source, chosen, cache) is None for source in sources):
        return None  # the build did not fill this cache: there is no warm pipeline to time
    best = float("inf")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as site:
            started = time.perf_counter()
            sets, _ = develop(sources, chosen, cache, jobs(settings), "galeri/")
            publish(sets.values(), Path(site))
            best = min(best, time.perf_counter() - started)
    return best * 1000 / len(sources)


def photo_files(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.suffix.lower() in PHOTO_SUFFIXES and "galeri" in str(path))


def forget_fingerprint(content: Path, output: Path, unit: str) -> None:
    Fingerprint.of(unit, content, output, False).record.unlink(missing_ok=True)


VANILLA_SETTINGS = """\
# Vanilla Pelican on the benchmark's big unit: default theme, no plugins, its content cache on.
PATH = {path!r}
OUTPUT_PATH = {output!r}
CACHE_PATH = {cache!r}
SITENAME = "Vanilla"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
FILENAME_METADATA = r"(?P<slug>[^.]+)(\\.(?P<lang>en))?"
DEFAULT_DATE = "fs"  # translations carry no date: Warta's reader takes the original's
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
"""


class Vanilla:
    """Vanilla Pelican on the same text (default theme, no plugins, its content cache on), in ``<folder>/vanilla``."""

    def __init__(self, folder: Path):
        self.base = folder / "vanilla"
        self.unit = folder / "content" / corpus.BIG_UNIT
        self.command = [sys.executable, "-m", "pelican", "-q", "-s", str(self.base / "pelicanconf.py")]

    def cold(self) -> Measured:
        """A build from nothing: no output, no cache."""
        shutil.rmtree(self.base, ignore_errors=True)
        self.base.mkdir()
        settings = VANILLA_SETTINGS.format(
            path=str(self.unit), output=str(self.base / "output"), cache=str(self.base / "cache")
        )
        (self.base / "pelicanconf.py").write_text(settings, encoding="utf-8")
        return Measured(self.command, cwd=self.base)

    def one_edit(self, round_number: int = 0) -> Measured:
        """The same edit as Warta's, with the content cache of the build before."""
        with edited(self.unit / EDITED, round_number):
            return Measured(self.command, cwd=self.base)


def measure_hugo(folder: Path, cpu: dict) -> dict | None:
    """Hugo on the same text, both languages: cold, then a rebuild after one edit; None when not installed."""
    site = folder / "hugo"
    hugo = fresh_hugo_site(folder / "content" / corpus.BIG_UNIT, site)
    if hugo is None:
        return None
    command = [hugo, "--quiet", "--source", str(site)]
    cold = Measured(command, cwd=site)
    with edited(site / "content" / EDITED):
        rebuild = Measured(command, cwd=site)
    cpu.update({"Hugo cold": cold.cpu_seconds, "Hugo rebuild": rebuild.cpu_seconds})
    return {"cold_s": cold.seconds, "rebuild_s": rebuild.seconds}


def pillow_floor_ms(content: Path) -> float | None:
    """Milliseconds per photo for the least work Pillow must do (bench.photos defines it once galleries land)."""
    photos = sorted((content / corpus.PHOTO_UNIT / "galleries").rglob("*.jpg"))[:FLOOR_SAMPLE]
    if not photos:
        return None
    floor = getattr(optional_module("bench.photos"), "pillow_floor_ms", None)
    if floor is not None:
        return floor(photos)
    started = time.perf_counter()
    for path in photos:
        with Image.open(path) as photo:
            upright = ImageOps.exif_transpose(photo)
            for width in FLOOR_WIDTHS:
                resized = upright.resize((width, round(upright.height * width / upright.width)))
                resized.save(os.devnull, "JPEG", quality=82)
                resized.save(os.devnull, "WEBP", quality=80)
    return (time.perf_counter() - started) * 1000 / len(photos)


def protection_cost(content: Path) -> float | None:
    """CPU of a protected photo over an unprotected one through the pipeline, on the photo unit's first photos."""
    photos = sorted((content / corpus.PHOTO_UNIT / "galleries").rglob("*.jpg"))[:FLOOR_SAMPLE]
    measure = getattr(optional_module("bench.photos"), "protected_over_unprotected_cpu", None)
    return measure(photos, os.cpu_count() or 1) if photos and measure else None


def optional_module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def run(quick: bool, folder: Path) -> tuple[dict, dict]:
    """Generate (or reuse) the corpus and measure everything: results in the issue's format, CPU seconds.

    CPU time of each command is kept beside it: on a shared machine it tells how much of a wall time was waiting.
    """
    sizes = corpus.quick_sizes() if quick else corpus.full_sizes()
    counts = corpus.generate(folder, sizes)
    cpu = {}
    results = {
        **dict(zip(("warta", "pelican"), measure_builds(folder, counts, cpu), strict=True)),
        "hugo": measure_hugo(folder, cpu),
        "pillow_floor_ms": pillow_floor_ms(folder / "content"),
        "protected_over_unprotected_cpu": protection_cost(folder / "content"),
        # Last: the preview servers' measurement edits and puts back files the builds above read.
        "preview": preview.measure_previews(folder),
        "corpus": counts,
    }
    return rounded(results), cpu


def rounded(value):
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [rounded(item) for item in value]
    return value


def table(results: dict, cpu: dict | None = None) -> str:
    """The figures (with CPU seconds where known), and each target with its ratio and whether it holds."""
    cpu = cpu or {}
    warta, pelican, hugo = results["warta"], results["pelican"], results["hugo"] or {}
    search = "  of it, the search index (Pagefind)"
    site_check = "  of it, the site's own link check"
    rows = [
        ("Warta cold (2,000-article unit)", warta["cold_s"], "s"),
        (search, warta.get("search_index_cold_s"), "s"),
        (site_check, warta.get("site_check_cold_s"), "s"),
        ("    its CPU time", warta.get("site_check_cold_cpu_s"), "s"),
        ("Warta no-op (all units)", warta["noop_s"], "s"),
        ("Warta one edit", warta["edit_one_s"], "s"),
        (search, warta.get("search_index_edit_s"), "s"),
        (site_check, warta.get("site_check_edit_s"), "s"),
        ("Warta photos cold", warta["photos_cold_ms"], "ms/photo"),
        ("Warta photos warm", warta["photos_warm_ms"], "ms/photo"),
        ("Warta peak RSS", warta["peak_rss_mb"], "MB"),
        ("  leaving the search index out", warta.get("peak_rss_without_search_mb"), "MB"),
        ("  of the search index alone", warta.get("peak_rss_search_mb"), "MB"),
        ("Pagefind's CLI, the same pages in one run", warta.get("pagefind_cli_s"), "s"),
        ("  its peak RSS", warta.get("pagefind_cli_peak_mb"), "MB"),
        ("Warta peak PSS (shared pages split)", warta.get("peak_pss_mb"), "MB"),
        ("  leaving the search index out", warta.get("peak_pss_without_search_mb"), "MB"),
        ("Pelican cold", pelican["cold_s"], "s"),
        ("Pelican one edit (content cache)", pelican["edit_one_s"], "s"),
        ("Hugo cold", hugo.get("cold_s"), "s"),
        ("Hugo rebuild", hugo.get("rebuild_s"), "s"),
        ("Pillow floor", results["pillow_floor_ms"], "ms/photo"),
    ]
    lines = [f"{name:<36}{shown(value):>10} {unit:<9}{cpu_of(cpu, name)}" for name, value, unit in rows]
    lines += [f"{name:<48}{figure:>16}" for name, figure in preview.rows(results.get("preview") or {})]
    lines.append("")
    lines += [f"{name:<44}{shown(ratio):>8}  {verdict(ratio, limit)}" for name, ratio, limit in targets(results)]
    if warta.get("search_index_cold_s") is not None:
        without = ratio(warta["cold_s"] - warta["search_index_cold_s"], pelican["cold_s"])
        lines.append(f"{'  cold without the search index / Pelican':<44}{shown(without):>8}")
    for kind, key in (("one edit", "edit_one_ratios"), ("cold", "cold_ratios")):
        if pelican.get(key):  # each pair of builds run one after the other: the median pair is the one above
            lines.append(f"  {kind}, every pair's ratio: {', '.join(f'{value:.2f}' for value in pelican[key])}")
    return "\n".join(lines)


def targets(results: dict) -> list[tuple[str, float | None, float]]:
    """(target, measured figure or ratio, limit) for every target of the issue."""
    warta, pelican = results["warta"], results["pelican"]
    floor = results["pillow_floor_ms"]
    return [
        ("no-op build, s (<= 1)", warta["noop_s"], 1.0),
        # Issue 16 restated it: the publishing build's target is vanilla Pelican's own one-edit build, index included.
        ("one edit / vanilla Pelican one edit (<= 1.0)", ratio(warta["edit_one_s"], pelican["edit_one_s"]), 1.0),
        ("cold / vanilla Pelican cold (<= 1.0)", ratio(warta["cold_s"], pelican["cold_s"]), 1.0),
        ("photos cold / Pillow floor (<= 1.25)", ratio(warta["photos_cold_ms"], floor), 1.25),
        ("photos warm, ms per photo (<= 2)", warta["photos_warm_ms"], 2.0),
        ("protected photo / unprotected, CPU (<= 1.5)", results.get("protected_over_unprotected_cpu"), 1.5),
        # Issue 16: Warta's own peak memory, the indexer reported apart and held to Pagefind's own CLI.
        ("Warta's peak RSS, indexer apart, MB (<= 250)", warta.get("peak_rss_without_search_mb"), 250.0),
        (
            "indexer peak / Pagefind CLI's (<= 1.0)",
            ratio(warta.get("peak_rss_search_mb"), warta.get("pagefind_cli_peak_mb")),
            1.0,
        ),
        (
            "site self-check / cold build, CPU (<= 0.05)",
            ratio(warta.get("site_check_cold_cpu_s"), warta.get("cold_cpu_s")),
            0.05,
        ),
        *preview.targets(results.get("preview") or {}, warta["cold_s"]),
    ]


def cpu_of(cpu: dict, row: str) -> str:
    used = next((seconds for name, seconds in cpu.items() if row.startswith(name)), None)
    return "" if used is None else f"(CPU {used:.2f} s)"


def ratio(value, base):
    return None if value is None or not base else value / base


def shown(value) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def verdict(value, limit) -> str:
    if value is None:
        return "not measured"
    return "holds" if value <= limit else "MISSED"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the 2,000-article unit and 40 photos only")
    parser.add_argument("--corpus", type=Path, help="where the corpus and the outputs go (default bench/corpus/)")
    parser.add_argument("--build", nargs="+", metavar="ARG", help=argparse.SUPPRESS)  # CONTENT OUTPUT UNIT...
    args = parser.parse_args(argv)
    if args.build:
        return build_only(args.build[0], args.build[1], args.build[2:])
    folder = (args.corpus or ROOT / "bench" / "corpus" / ("quick" if args.quick else "full")).resolve()
    results, cpu = run(args.quick, folder)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results, cpu))
    print(f"\n{RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
