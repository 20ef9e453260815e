"""The plugin's settings, their defaults in one place, and the environment variables builds use to tune them."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from warta.adapter.settings import PluginSettings
from warta.media.decoding import MAX_DECODE_BYTES
from warta.model.jobs import worker_count

from .photos import Recipe

logger = logging.getLogger(__name__)
DEFAULTS = {
    "PHOTO_WIDTHS": (480, 960, 1600),
    "PHOTO_FORMATS": ("webp", "jpeg"),  # the last is the <img> fallback every browser shows
    "PHOTO_QUALITY": {"webp": 75, "jpeg": 80},
    # Memory one photo may take to decode (warta.media.decoding): a 200-megapixel phone JPEG passes, a bomb does not.
    "PHOTO_MAX_DECODE_BYTES": MAX_DECODE_BYTES,
    "PHOTO_CACHE_DIR": None,  # None: <repository>/.cache/photos; the environment's WARTA_PHOTO_CACHE wins
    "PHOTO_JOBS": None,  # None: the environment's WARTA_JOBS, else one process per core
    "HOME_GALLERY_COUNT": 3,
}
CACHE_ENV = "WARTA_PHOTO_CACHE"
LIBRARY_KEY = "warta_photo_library"


setting = PluginSettings(DEFAULTS)


def recipe(settings) -> Recipe:
    quality = dict(DEFAULTS["PHOTO_QUALITY"], **setting(settings, "PHOTO_QUALITY"))
    formats = tuple(setting(settings, "PHOTO_FORMATS"))
    return Recipe(
        widths=tuple(sorted(setting(settings, "PHOTO_WIDTHS"))),
        formats=formats,
        quality=tuple((fmt, quality[fmt]) for fmt in formats),
        max_decode_bytes=int(setting(settings, "PHOTO_MAX_DECODE_BYTES")),
    )


def cache_dir(settings) -> Path:
    """Outside output/, shared by every unit since entries are named by content; CI keeps it between runs."""
    chosen = os.environ.get(CACHE_ENV) or setting(settings, "PHOTO_CACHE_DIR")
    if chosen:
        return Path(chosen).resolve()
    return Path(settings.get("WARTA_ROOT") or os.getcwd()) / ".cache" / "photos"


def jobs(settings) -> int:
    """Photo processes (warta.model.jobs: fewer when several units build at once)."""
    return worker_count(setting(settings, "PHOTO_JOBS"))
