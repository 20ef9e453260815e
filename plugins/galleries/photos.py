"""One camera photo turned into small, upright, metadata-free derivatives, in a content-addressed cache.

This runs in worker processes: plain functions of picklable arguments, no Pelican. The cache entry of a photo is a
folder named by the SHA-256 of its bytes and the recipe's key, written under a temporary name and renamed, so units
building at the same time share entries and never see half-written ones.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from warta.media.decoding import MAX_DECODE_BYTES, PhotoError, decode

EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}
CARD = "card"  # the 1200×630 crop that WhatsApp and Facebook show for a shared link
CARD_SIZE = (1200, 630)
CARD_MAX_BYTES = 300_000  # WhatsApp is reported to show no preview for a larger image
CARD_LOWEST_QUALITY = 30
MANIFEST = "manifest.json"
WHITE = (255, 255, 255)
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
__all__ = ["PhotoError", "Recipe", "derive"]  # PhotoError: raised by warta.media.decoding, caught by the library


@dataclass(frozen=True)
class Recipe:
    """How derivatives are made; every field is part of the cache key."""

    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("webp", "jpeg")
    quality: tuple[tuple[str, int], ...] = (("webp", 75), ("jpeg", 80))
    max_decode_bytes: int = MAX_DECODE_BYTES
    version: int = 3  # raise when the processing below changes its output
    faces: str = ""  # protected photos: the face blur's version (media.faces.version), so a new detector redoes them

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()[:12]


def file_digest(path: Path) -> str:
    with open(path, "rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


def entry_dir(cache: Path, digest: str, recipe: Recipe) -> Path:
    return Path(cache) / digest[:2] / f"{digest[:40]}-{recipe.key}"


def read_manifest(entry: Path) -> dict | None:
    """The entry's manifest when the entry is whole (someone may have deleted files from the cache)."""
    try:
        manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if all((entry / item["file"]).is_file() for item in manifest["files"]) else None


def derive(source: str, recipe: Recipe, cache: str) -> dict:
    """The manifest of ``source``'s derivatives, made now unless the cache already holds them."""
    digest = file_digest(source)
    entry = entry_dir(Path(cache), digest, recipe)
    manifest = read_manifest(entry)
    if manifest is not None:
        return manifest
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=entry.parent))
    try:
        manifest = {"digest": digest, "recipe": recipe.key, "files": write_derivatives(Path(source), recipe, staging)}
        (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        if entry.exists() and read_manifest(entry) is None:
            shutil.rmtree(entry, ignore_errors=True)  # files deleted from the cache by hand: make it again
        staging.rename(entry)  # fails when a twin process renamed first: its entry is as good as ours
    except OSError:
        if read_manifest(entry) is None:  # not a twin process that finished first: a real failure
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


def write_derivatives(source: Path, recipe: Recipe, folder: Path) -> list[dict]:
    """Every width in every format, widest first; returns what was written."""
    largest = open_upright(source, recipe)
    if recipe.faces:
        largest = blurred(largest)
    written = []
    for width in sorted(widths_for(largest.width, recipe), reverse=True):
        height = max(1, round(largest.height * width / largest.width))
        sized = largest if width == largest.width else largest.resize((width, height), Image.Resampling.LANCZOS)
        for fmt in recipe.formats:
            name = f"{width}.{EXTENSIONS[fmt]}"
            encode(sized, fmt, dict(recipe.quality)[fmt], folder / name)
            written.append({"file": name, "format": fmt, "width": width, "height": height})
    card = ImageOps.fit(largest, CARD_SIZE, Image.Resampling.LANCZOS)
    encode_card(card, dict(recipe.quality)["jpeg"], folder / f"{CARD}.jpg")
    written.append({"file": f"{CARD}.jpg", "format": CARD, "width": CARD_SIZE[0], "height": CARD_SIZE[1]})
    return written


def blurred(image: Image.Image) -> Image.Image:
    """Every face blurred, before any size is made: all derivatives and the share card come from this image."""
    from warta.media.faces import blur_faces  # noqa: PLC0415  (OpenCV loads in 0.3 s: only for protected photos)

    return blur_faces(image)


def widths_for(width: int, recipe: Recipe) -> set[int]:
    """The recipe's widths, never wider than the photo itself."""
    return {min(wanted, width) for wanted in recipe.widths}


def open_upright(source: Path, recipe: Recipe) -> Image.Image:
    """The photo upright, in sRGB, at the largest width needed, with no metadata left on it."""
    decoded = decode(source, max(recipe.widths), recipe.max_decode_bytes)
    image = shrink(flatten_depth(decoded.image), max(recipe.widths), decoded.turned)
    ImageOps.exif_transpose(image, in_place=True)  # after shrinking: turning fewer pixels
    image = to_srgb(image, decoded.icc)
    image.info = {}  # EXIF, XMP, IPTC, GPS, ICC: nothing of the camera file travels further
    return image


def flatten_depth(image: Image.Image) -> Image.Image:
    """16-bit, 32-bit, 1-bit and palette images as 8-bit L, LA, RGB, RGBA or CMYK."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        scale = 1 / 256 if image.mode != "I" or image.getextrema()[1] > 255 else 1
        return image.convert("I").point(lambda value: value * scale).convert("L")
    if image.mode == "F":
        return image.convert("L")
    if image.mode in ("P", "PA"):
        return image.convert("RGBA" if image.has_transparency_data else "RGB")
    if image.mode == "1":
        return image.convert("L")
    if image.mode not in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return image.convert("RGBA" if image.has_transparency_data else "RGB")
    return image


def shrink(image: Image.Image, widest: int, turned: bool) -> Image.Image:
    """Down to ``widest`` pixels across once upright (a turned photo's height becomes its width)."""
    across = image.height if turned else image.width
    if across <= widest:
        return image
    scale = widest / across
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Colours converted by the embedded profile (CMYK included); a broken profile is read as sRGB."""
    output_mode = {"CMYK": "RGB", "LA": "RGBA"}.get(image.mode, image.mode)
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, profile, SRGB, outputMode=output_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return image.convert(output_mode) if output_mode != image.mode else image


def encode(image: Image.Image, fmt: str, quality: int, path: Path) -> None:
    """Save without any metadata; JPEG has no alpha, so transparent photos are laid on white."""
    if image.mode in ("RGBA", "LA") and (fmt == "jpeg" or opaque(image)):
        image = on_white(image)
    options = {"quality": quality}
    if fmt == "jpeg":
        options["progressive"] = True
    image.save(path, format=fmt.upper(), **options)


def encode_card(image: Image.Image, quality: int, path: Path) -> None:
    """The share card as JPEG, at a lower quality where needed to stay within what WhatsApp previews."""
    for tried in (quality, *range(quality - 10, CARD_LOWEST_QUALITY - 1, -10)):
        encode(image, "jpeg", tried, path)
        if path.stat().st_size <= CARD_MAX_BYTES:
            return


def opaque(image: Image.Image) -> bool:
    return image.getchannel("A").getextrema()[0] == 255


def on_white(image: Image.Image) -> Image.Image:
    rgba = image.convert("RGBA")
    background = Image.new("RGB", image.size, WHITE)
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` (its folder made) as a hard link to the cache entry, the same inode every build; else a copy."""
    if target.exists():
        if os.path.samefile(source, target):
            return
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
