"""Peak memory of photo-heavy builds (the hardening issue's budget): a 108-megapixel JPEG and 300 camera photos.

    python -m bench.memory        # prints both peaks against the 1.5 GB budget; exits 1 over it

The whole process tree is sampled (the unit process and its photo pool), with an empty photo cache so every
photo is decoded.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image

from bench import corpus
from bench.run import Measured

BUDGET_MB = 1536
UNIT_TOML = 'name = "Balai Uji Memori"\nsite_url = "https://memori.example.go.id"\n'


def phone_photo_unit(folder: Path) -> Path:
    """A unit with one gallery holding a 108-megapixel (12000×9000) phone photo."""
    gallery = folder / "content" / "balai-besar" / "galleries" / "foto-besar"
    gallery.mkdir(parents=True)
    (gallery.parent.parent / "unit.toml").write_text(UNIT_TOML)
    Image.effect_noise((12000, 9000), 60).convert("RGB").save(gallery / "besar.jpg", quality=85)
    (gallery / "index.md").write_text("Title: Foto Besar\nDate: 2024-01-01\n\n![Foto 108 megapiksel](besar.jpg)\n")
    return folder / "content"


def camera_gallery_unit(folder: Path, photos: int) -> Path:
    """A unit with one gallery of ``photos`` 4000×3000 camera JPEGs with EXIF, from the bench corpus."""
    unit = folder / "content" / "balai-galeri"
    unit.mkdir(parents=True)
    (unit / "unit.toml").write_text(UNIT_TOML)
    corpus.write_galleries(unit / "galleries", random.Random(2026), 1, photos)
    return folder / "content"


def peak_mb(content: Path, output: Path, unit: str) -> float:
    env = dict(os.environ, WARTA_PHOTO_CACHE=str(output.parent / "photo-cache"))
    return Measured([sys.executable, "-m", "bench.run", "--build", str(content), str(output), unit], env=env).peak_mb


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="warta-memory-"))
    try:
        big = peak_mb(phone_photo_unit(work / "big"), work / "big" / "output", "balai-besar")
        many = peak_mb(camera_gallery_unit(work / "many", 300), work / "many" / "output", "balai-galeri")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"108-megapixel photo: peak {big:.0f} MB; 300 camera photos: peak {many:.0f} MB; budget {BUDGET_MB} MB")
    return 0 if max(big, many) <= BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
