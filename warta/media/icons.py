"""Site icons made with Pillow: the favicon (16, 32 and 48 px in one ICO) and the Apple touch icon (180 px, opaque)."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

FAVICON_SIZES = ((16, 16), (32, 32), (48, 48))
TOUCH_SIZE = 180  # what iOS shows on a home screen; it fills transparency with black, so the icon is opaque
TOUCH_MARGIN = 12  # px around the logo: iOS rounds the corners off
TOUCH_BACKGROUND = (255, 255, 255)


@dataclass(frozen=True)
class Icons:
    """The icons' bytes and the content-hashed names pages link to (the names alone show in ``repr``)."""

    favicon: str
    touch: str
    favicon_data: bytes = field(repr=False)
    touch_data: bytes = field(repr=False)

    def files(self) -> dict[str, bytes]:
        """Every file to write at the site's root: the hashed names, and the plain ones browsers ask for unasked."""
        return {
            self.favicon: self.favicon_data,
            "favicon.ico": self.favicon_data,
            self.touch: self.touch_data,
            "apple-touch-icon.png": self.touch_data,
        }


def square(image: Image.Image, size: int, margin: int = 0, background=None) -> Image.Image:
    """The image fitted into a ``size`` square, centred, on transparency or ``background``."""
    image = ImageOps.exif_transpose(image).convert("RGBA")
    fitted = ImageOps.contain(image, (size - 2 * margin, size - 2 * margin), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (size, size), (*background, 255) if background else (0, 0, 0, 0))
    canvas.alpha_composite(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
    return canvas.convert("RGB") if background else canvas


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def hashed(name: str, data: bytes) -> str:
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.{suffix}"


def open_image(source: Path, fallback: Path | None) -> Image.Image:
    """The logo, or the theme's icon where the logo is no image Pillow reads (the check warns about it)."""
    try:
        image = Image.open(source)
        image.load()
        return image
    except (OSError, UnidentifiedImageError):
        if fallback is None:
            raise
        logger.info("%s is no raster image; the site's icons are the theme's", source)
        return Image.open(fallback)


def make_icons(source: Path, fallback: Path | None = None) -> Icons:
    """The icons of ``source`` (a logo), or of ``fallback`` where Pillow cannot read ``source``."""
    with open_image(source, fallback) as image:
        favicon = encoded(square(image, FAVICON_SIZES[-1][0]), "ICO", sizes=list(FAVICON_SIZES))
        touch = encoded(square(image, TOUCH_SIZE, TOUCH_MARGIN, TOUCH_BACKGROUND), "PNG", optimize=True)
    return Icons(hashed("favicon.ico", favicon), hashed("apple-touch-icon.png", touch), favicon, touch)
