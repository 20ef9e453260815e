"""Peak memory of photo-heavy builds: giant phone photos, a HEIC against a JPEG of its size, 300 camera photos.

    python -m bench.memory          # every figure against its budget; exits 1 over one
    python -m bench.memory --phone  # the single photos only (no 300-photo build)

The whole process tree is sampled (the unit process and its photo pool), with an empty photo cache so every
photo is decoded. ``pipeline`` is the photo pipeline alone (``derive``: decode, resize, encode) on one photo, in
this process: the build's own time is mostly Pelican starting.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pillow_heif
from PIL import Image

from bench import corpus
from bench.run import Measured
from plugins.galleries.photos import Recipe, derive

BUDGET_MB = 1536  # a unit's build with many photos
PHOTO_BUDGET_MB = 500  # a build of one giant phone photo (issue 14)
UNIT_TOML = 'name = "Balai Uji Memori"\nsite_url = "https://memori.example.go.id"\n'
PHONE_PHOTOS = {  # name: (size, format)
    "108 MP JPEG": ((12000, 9000), "JPEG"),
    "200 MP JPEG": ((16320, 12240), "JPEG"),
    "12 MP HEIC": ((4032, 3024), "HEIF"),
    "12 MP JPEG": ((4032, 3024), "JPEG"),
}


def phone_photo_unit(folder: Path, size: tuple[int, int], fmt: str) -> tuple[Path, Path]:
    """A unit with one gallery holding one phone photo of ``size`` (noise, so it compresses like a photo)."""
    pillow_heif.register_heif_opener()
    gallery = folder / "content" / "balai-besar" / "galleries" / "foto-besar"
    gallery.mkdir(parents=True)
    (gallery.parent.parent / "unit.toml").write_text(UNIT_TOML)
    name = "besar.heic" if fmt == "HEIF" else "besar.jpg"
    Image.effect_noise(size, 60).convert("RGB").save(gallery / name, format=fmt, quality=85)
    (gallery / "index.md").write_text(f"Title: Foto Besar\nDate: 2024-01-01\n\n![Foto dari ponsel]({name})\n")
    return folder / "content", gallery / name


def camera_gallery_unit(folder: Path, photos: int) -> Path:
    """A unit with one gallery of ``photos`` 4000×3000 camera JPEGs with EXIF, from the bench corpus."""
    unit = folder / "content" / "balai-galeri"
    unit.mkdir(parents=True)
    (unit / "unit.toml").write_text(UNIT_TOML)
    corpus.write_galleries(unit / "galleries", random.Random(2026), 1, photos)
    return folder / "content"


def build_measured(content: Path, output: Path, unit: str) -> Measured:
    env = dict(os.environ, WARTA_PHOTO_CACHE=str(output.parent / "photo-cache"))
    command = [sys.executable, "-m", "bench.run", "--build", str(content), str(output), unit]
    return Measured(command, env=env, memory=True)


def pipeline_seconds(photo: Path, cache: Path) -> float:
    started = time.process_time()
    derive(str(photo), Recipe(), str(cache))
    return time.process_time() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phone", action="store_true", help="only the single phone photos")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="warta-memory-"))
    over = False
    try:
        for number, (name, (size, fmt)) in enumerate(PHONE_PHOTOS.items()):
            folder = work / f"phone-{number}"
            content, photo = phone_photo_unit(folder, size, fmt)
            build = build_measured(content, folder / "output", "balai-besar")
            seconds = pipeline_seconds(photo, folder / "pipeline-cache")
            over |= build.peak_mb > PHOTO_BUDGET_MB
            print(
                f"{name} ({photo.stat().st_size / 1e6:.1f} MB file): build peak {build.peak_mb:.0f} MB "
                f"(budget {PHOTO_BUDGET_MB}), build {build.seconds:.1f} s, pipeline {seconds:.2f} s CPU"
            )
        if not args.phone:
            many = build_measured(camera_gallery_unit(work / "many", 300), work / "many" / "output", "balai-galeri")
            over |= many.peak_mb > BUDGET_MB
            print(f"300 camera photos: peak {many.peak_mb:.0f} MB (budget {BUDGET_MB} MB), {many.seconds:.1f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
