"""Opening a photo file at the scale a site needs: the one decode step that ``invoke check`` and the build share.

JPEG, PNG, WebP and (through pillow-heif) HEIC/HEIF. A JPEG is decoded by libjpeg at 1/2, 1/4 or 1/8 of its size
when that still gives the widest derivative (Pillow's draft mode), so a 200-megapixel phone photo costs a few
megabytes; other formats are decoded whole. A photo whose decoding would need more memory than ``max_bytes`` is
refused from its header, before any pixel is decoded, by the check and the build alike.
"""

from __future__ import annotations

import contextlib
import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, JpegImagePlugin, UnidentifiedImageError

ORIENTATION = 0x0112
TURNED = {5, 6, 7, 8}  # orientations that swap width and height
WIDEST = 1600  # the widest derivative by default (plugins/galleries/settings.py)
# One photo decoded, its converted copy and the resizing stay within this: a build process and its photo workers
# have 1.5 GB between them, and a photo worker about 500 MB.
MAX_DECODE_BYTES = 400_000_000
BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 2, "PA": 2, "RGB": 3, "YCbCr": 3, "RGBA": 4, "CMYK": 4}


class PhotoError(Exception):
    """A photo that cannot be published; ``code`` names the message in warta.model.messages."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code, self.params = code, params

    def __reduce__(self):
        return (_photo_error, (self.code, self.params))


def _photo_error(code, params):
    return PhotoError(code, **params)


@dataclass(frozen=True)
class Decoded:
    """A photo's pixels as decoded (not yet upright), with what the later steps need from its file."""

    image: Image.Image
    icc: bytes | None
    turned: bool


@contextlib.contextmanager
def no_pillow_pixel_limit():
    """Pillow refuses anything over 179 megapixels in ``open``; our own limit is on decoded memory instead."""
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def open_photo(source: Path) -> Image.Image:
    """The photo's header read (no pixels yet); PhotoError for an empty file or one that is no photo at all."""
    if Path(source).stat().st_size == 0:
        raise PhotoError("photo_empty")
    try:
        with no_pillow_pixel_limit():
            try:
                return Image.open(source)
            except UnidentifiedImageError:
                open_heif_too()  # whatever the file's name says: Pillow knows a photo by its bytes
                return Image.open(source)
    except UnidentifiedImageError:
        raise PhotoError("photo_not_image") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise PhotoError("photo_corrupt", detail=str(error) or type(error).__name__) from None


def open_heif_too() -> None:
    """HEIC/HEIF become formats Pillow opens (idempotent)."""
    # Imported only for a photo Pillow alone cannot open: libheif is 6 MB of every process that imports it.
    import pillow_heif  # noqa: PLC0415

    pillow_heif.register_heif_opener()


def draft_size(image: Image.Image, widest: int, turned: bool) -> tuple[int, int]:
    """The smallest decoded size (in the file's own orientation) that still yields ``widest`` upright pixels."""
    scale = min(1.0, widest / (image.height if turned else image.width))
    return max(1, math.ceil(image.width * scale)), max(1, math.ceil(image.height * scale))


def is_jpeg(image: Image.Image) -> bool:
    """JPEG, and MPO: the JPEG with a second picture (depth, a preview) that some phones write."""
    return isinstance(image, JpegImagePlugin.JpegImageFile)


def decode_bytes(image: Image.Image, decoded: tuple[int, int]) -> int:
    """Memory to decode ``image`` at ``decoded`` size and make one converted copy of it.

    A progressive JPEG keeps every coefficient of the whole photo while it decodes, whatever the scale: two bytes
    a sample, with colour sampled at a half or a quarter of the pixels as its header says (``layer``).
    """
    per_pixel = BYTES_PER_PIXEL.get(image.mode, 8)
    needed = 2 * decoded[0] * decoded[1] * per_pixel
    if is_jpeg(image) and image.info.get("progressive"):
        layers = getattr(image, "layer", None) or [("", 1, 1, 0)] * len(image.getbands())
        most = max(h * v for _, h, v, _ in layers)
        samples = sum(h * v for _, h, v, _ in layers) / most
        needed += int(image.width * image.height * 2 * samples)
    return needed


def check_memory(image: Image.Image, decoded: tuple[int, int], max_bytes: int) -> None:
    if decode_bytes(image, decoded) > max_bytes:
        raise PhotoError(
            "photo_too_large",
            pixels=image.width * image.height // 1_000_000,
            width=image.width,
            height=image.height,
        )


def decoded_size(image: Image.Image, widest: int, turned: bool) -> tuple[int, int]:
    """The size ``decode`` reads the pixels at: for a JPEG the draft scale libjpeg picks (as Pillow's ``draft``)."""
    wanted = draft_size(image, widest, turned)
    if not is_jpeg(image):
        return image.size
    most = min(image.width // wanted[0], image.height // wanted[1])
    scale = next(scale for scale in (8, 4, 2, 1) if most >= scale)
    return -(-image.width // scale), -(-image.height // scale)


def orientation_turns(image: Image.Image, widest: int, max_bytes: int) -> bool:
    """Whether the photo's orientation swaps width and height; PhotoError when it cannot be decoded in memory.

    The memory is judged first, for either orientation: reading a PNG's EXIF decodes the whole image.
    """
    sizes = [decoded_size(image, widest, turned) for turned in (False, True)]
    check_memory(image, max(sizes, key=lambda size: size[0] * size[1]), max_bytes)
    return image.getexif().get(ORIENTATION) in TURNED


def decode(source: Path, widest: int = WIDEST, max_bytes: int = MAX_DECODE_BYTES) -> Decoded:
    """The pixels of ``source``, at least ``widest`` across once upright, within ``max_bytes`` of memory."""
    image = open_photo(source)
    try:
        turned = orientation_turns(image, widest, max_bytes)
        if is_jpeg(image):
            image.draft(None, draft_size(image, widest, turned))  # libjpeg decodes at 1/2, 1/4 or 1/8 of the size
        icc = image.info.get("icc_profile")
        with no_pillow_pixel_limit():
            image.load()  # also closes the file
    except BaseException as error:
        image.close()
        if isinstance(error, OSError | SyntaxError | ValueError | EOFError):
            raise PhotoError("photo_corrupt", detail=readable(error)) from None
        raise
    return Decoded(image, icc, turned)


def readable(error: Exception) -> str:
    return re.sub(r"\s+", " ", str(error)).strip() or type(error).__name__


def decodes(source: Path, widest: int = WIDEST, max_bytes: int = MAX_DECODE_BYTES) -> None:
    """What the check asks: does the build's ``decode`` accept this photo? Decoded at the smallest scale there is.

    The memory limit is judged at the build's scale; the pixels are read at 1/8 (JPEG), which reads every byte of
    the file as the build does, so a truncated or damaged photo fails here as it would there.
    """
    image = open_photo(source)
    try:
        orientation_turns(image, widest, max_bytes)
        if is_jpeg(image):
            image.draft(None, (1, 1))
        with no_pillow_pixel_limit():
            image.load()
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise PhotoError("photo_corrupt", detail=readable(error)) from None
    finally:
        image.close()
