"""Photo pipeline cost: cold and warm milliseconds per photo against the Pillow floor, measured in the same run.

The floor is Pillow alone doing the same work in a process pool: draft decode, resize to every width, encode every
format with the same quality. The pipeline adds hashing, orientation, colour management, metadata stripping, the
cache and the links into the output. A protected photo (DESIGN.md "Protected people") also has every face found
and blurred: ``protected`` is the same photos through the same pipeline with protection on. Wall time swings with
whatever else the machine runs; CPU time (this process and the pool's workers) is the steadier comparison on a
shared machine, so both are reported.
``python bench/photos.py [--photos 20] [--jobs 2] [--rounds 2] [--json PATH]``
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [REPOSITORY, os.path.join(REPOSITORY, "plugins")]  # run from anywhere: warta and the plugins

from galleries.library import develop, publish  # noqa: E402
from galleries.photos import Recipe, widths_for  # noqa: E402

from warta import ROOT  # noqa: E402
from warta.media.decoding import ORIENTATION, TURNED  # noqa: E402

CORPUS = ROOT / "bench" / "corpus" / "photos"
SIZE = (4000, 3000)


def camera_photo(path: Path, seed: int) -> None:
    """A 12-megapixel JPEG with texture (so it compresses like a photo) and phone EXIF, some of it sideways."""
    rnd = random.Random(seed)
    image = Image.effect_noise(SIZE, 40).convert("RGB")
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(60):
        x, y = rnd.randrange(SIZE[0]), rnd.randrange(SIZE[1])
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256), 160)
        draw.ellipse([x, y, x + rnd.randrange(200, 1500), y + rnd.randrange(200, 1200)], fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 3 == 0 else 1
    exif[0xA431] = f"SN{seed:08d}"
    exif.get_ifd(0x8825).update({1: "S", 2: (6.0, 10.0, 0.0), 3: "E", 4: (106.0, 49.0, 0.0)})
    image.save(path, "JPEG", quality=92, exif=exif)


def corpus(count: int) -> list[Path]:
    CORPUS.mkdir(parents=True, exist_ok=True)
    paths = [CORPUS / f"{n:03d}.jpg" for n in range(count)]
    for seed, path in enumerate(paths):
        if not path.exists():
            camera_photo(path, seed)
    return paths


def floor_one(path: str, recipe: Recipe) -> int:
    """Pillow alone, the same derivative sizes: no turning, colour management, hashing, cache or links."""
    with Image.open(path) as image:
        turned = image.getexif().get(ORIENTATION) in TURNED
        upright = image.size[::-1] if turned else image.size
        sizes = [(width, round(upright[1] * width / upright[0])) for width in sorted(widths_for(upright[0], recipe))]
        sizes = [size[::-1] if turned else size for size in sizes]  # same pixels, in the file's orientation
        image.draft("RGB", sizes[-1])
        image.load()
        written = 0
        largest = image.resize(sizes[-1], Image.Resampling.LANCZOS)
        for size in reversed(sizes):  # the smaller widths from the largest, as the pipeline does
            sized = largest if size == sizes[-1] else largest.resize(size, Image.Resampling.LANCZOS)
            for fmt, quality in recipe.quality:
                buffer = io.BytesIO()
                options = {"progressive": True} if fmt == "jpeg" else {}
                sized.save(buffer, format=fmt.upper(), quality=quality, **options)
                written += buffer.tell()
        return written


def measured(work) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its finished children: the pool's workers) of ``work()``."""
    wall, cpu = time.perf_counter(), os.times()
    work()
    after = os.times()
    used = sum(after[:4]) - sum(cpu[:4])  # user, system, children's user, children's system
    return time.perf_counter() - wall, used


def floor(paths: list[Path], recipe: Recipe, jobs: int) -> tuple[float, float]:
    def work():
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(floor_one, map(str, paths), [recipe] * len(paths)))

    return measured(work)


def pipeline(
    paths: list[Path], recipe: Recipe, jobs: int, cache: Path, output: Path, protected=False
) -> tuple[float, float]:
    def work():
        sets, problems = develop(paths, recipe, cache, jobs, "foto/", set(paths) if protected else frozenset())
        publish(sets.values(), output)
        assert not problems, problems

    return measured(work)


def protected_over_unprotected_cpu(paths: list[Path], jobs: int) -> float:
    """CPU of a protected photo over an unprotected one, both cold through the pipeline (issue 17: at most 1.5)."""
    recipe, work = Recipe(), Path(tempfile.mkdtemp(prefix="warta-bench-"))
    try:
        _, unprotected = pipeline(paths, recipe, jobs, work / "cold", work / "cold" / "out")
        _, protected = pipeline(paths, recipe, jobs, work / "protected", work / "protected" / "out", protected=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return protected / unprotected


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=2, help="alternate floor and pipeline; keep the best of each")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    paths, recipe = corpus(args.photos), Recipe()
    floors, colds, warms, protected = [], [], [], []
    work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    try:
        for round_number in range(args.rounds):
            floors.append(floor(paths, recipe, args.jobs))
            cache = work / f"cache-{round_number}"
            colds.append(pipeline(paths, recipe, args.jobs, cache, work / f"cold-{round_number}"))
            warms.append(pipeline(paths, recipe, args.jobs, cache, work / f"warm-{round_number}"))
            shielded = work / f"protected-{round_number}"
            protected.append(pipeline(paths, recipe, args.jobs, shielded, shielded / "out", protected=True))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    runs = {"floor": floors, "cold": colds, "warm": warms, "protected": protected}
    wall = {name: min(t[0] for t in times) * 1000 / len(paths) for name, times in runs.items()}
    cpu = {name: min(t[1] for t in times) * 1000 / len(paths) for name, times in runs.items()}
    result = {
        "photos": len(paths),
        "jobs": args.jobs,
        "wall_ms_per_photo": {name: round(value, 2) for name, value in wall.items()},
        "cpu_ms_per_photo": {name: round(value, 2) for name, value in cpu.items()},
        "cold_over_floor_wall": round(wall["cold"] / wall["floor"], 3),
        "cold_over_floor_cpu": round(cpu["cold"] / cpu["floor"], 3),
        "protected_over_cold_wall": round(wall["protected"] / wall["cold"], 3),
        "protected_over_cold_cpu": round(cpu["protected"] / cpu["cold"], 3),
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
