"""The unit's logo as Pillow makes it for browsers: favicon, Apple touch icon, and the header's inlined logo.

``/favicon.ico`` holds 16 and 32 px in one ICO, for whatever asks for it unasked; pages link the 32 px one inlined as
a ``data:`` URI (a few hundred bytes), so a browser fetches no icon while a page loads. The touch icon is 180 px and
opaque; the header's logo is 96 px.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

FAVICON_SIZES = ((16, 16), (32, 32))  # a tab's and a bookmark's; larger screens ask for the touch icon
FAVICON_COLOURS = 32  # enough for a logo at 32 px; a palette keeps the ICO near 1 KB (16.7 M colours: 3 KB)
TOUCH_SIZE = 180  # what iOS shows on a home screen; it fills transparency with black, so the icon is opaque
TOUCH_MARGIN = 12  # px around the logo: iOS rounds the corners off
TOUCH_BACKGROUND = (255, 255, 255)
HEADER_LOGO_SIZE = 96  # px: twice the header's 48 CSS px, the resolution Lighthouse asks of an image
HEADER_LOGO_COLOURS = 64  # at 48 px no different from full colour, at a quarter of its bytes
HEADER_LOGO_INLINE_LIMIT = 4096  # bytes; a larger logo stays a file rather than weigh on every page's first view


@dataclass(frozen=True)
class Icons:
    """The icons' bytes, the ``data:`` URI and the content-hashed name pages link to (those alone show in ``repr``)."""

    favicon: str = field(repr=False)  # a data: URI
    touch: str
    favicon_data: bytes = field(repr=False)
    touch_data: bytes = field(repr=False)

    def files(self) -> dict[str, bytes]:
        """Every file to write at the site's root: the touch icon's hashed name, and the names asked for unasked."""
        return {
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


def palette(image: Image.Image, colours: int) -> Image.Image:
    """An RGBA image in ``colours`` colours, transparency kept: a logo's PNG at a fraction of its size."""
    return image.quantize(colours, method=Image.Quantize.FASTOCTREE)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def hashed(name: str, data: bytes) -> str:
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.{suffix}"


def open_image(source: Path | BinaryIO, fallback: Path | None) -> Image.Image:
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


def make_icons(source: Path | BinaryIO, fallback: Path | None = None) -> Icons:
    """The icons of ``source`` (a logo), or of ``fallback`` where Pillow cannot read ``source``."""
    with open_image(source, fallback) as image:
        # One frame drawn at each size: Pillow would shrink a palette image's largest frame without smoothing.
        frames = [palette(square(image, size), FAVICON_COLOURS) for size, _ in FAVICON_SIZES]
        favicon = encoded(frames[-1], "ICO", sizes=list(FAVICON_SIZES), append_images=frames[:-1])
        linked = data_uri(encoded(frames[-1], "PNG", optimize=True))
        touch = encoded(square(image, TOUCH_SIZE, TOUCH_MARGIN, TOUCH_BACKGROUND), "PNG", optimize=True)
    return Icons(linked, hashed("apple-touch-icon.png", touch), favicon, touch)


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def header_logo(source: Path) -> str:
    """The logo as the header shows it, a ``data:`` URI to inline: no request racing the first paint.

    "" where Pillow cannot read it or it stays too large: the header links the logo's file as staff saved it.
    """
    try:
        with Image.open(source) as image:
            png = encoded(palette(square(image, HEADER_LOGO_SIZE), HEADER_LOGO_COLOURS), "PNG", optimize=True)
    except (OSError, UnidentifiedImageError):
        return ""
    if len(png) > HEADER_LOGO_INLINE_LIMIT:
        return ""
    return data_uri(png)
