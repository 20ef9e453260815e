"""Galleries and private, responsive photos: Pelican signal handlers and the template helpers they install.

Why ours and not pelican-photos or pelican-image-process. pelican-photos (read: photos/photos.py) redoes a photo
when the output file is missing or older than the original, so a fresh checkout (CI) redoes every photo; it turns
photos upright only when it keeps EXIF, and then keeps GPS unless told not to; it rotates orientation 8 without
expanding the canvas (a cropped photo); it writes JPEG only, keeps the ICC profile, logs a missing photo and builds
on, and keeps its state in Pelican's global DEFAULT_CONFIG. image-process rewrites <img> tags by class into
srcsets, also with its derivatives in output/ compared by mtime, and copies EXIF only through exiftool when asked.
Neither fails the build naming a bad photo. Here the cache is keyed by content hash and settings outside output/,
every photo is turned upright and then stripped of all metadata, and bad photos are content problems like any
other (warta.model.problems), so the build stops and names them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from warta.adapter.pelican_internals import replace_static_files
from warta.adapter.templates import page_lang
from warta.model import urls
from warta.model.galleries import is_photo

from . import markup
from .generator import GalleriesGenerator, metadata_text, published_content
from .model import Photo
from .settings import LIBRARY_KEY, setting

logger = logging.getLogger(__name__)


def add_generator(pelican):
    return GalleriesGenerator


def _library(context):
    return context.get(LIBRARY_KEY)


@pass_context
def with_photos(context, html, content):
    """A body with its photos as responsive pictures and figures (see markup.with_photos)."""
    library = _library(context)
    if library is None:
        return html
    return markup.with_photos(html, content.source_path, library, context["SITEURL"])


@pass_context
def picture(context, photo, sizes, eager=False, alt=None, first=False):
    """``<picture>`` for a gallery Photo (alt in the page's language) or a bare cover (decorative unless given).

    ``first``: the page's largest paint, fetched first (see markup.picture).
    """
    if photo is None:
        return Markup("")
    alt_lang = None
    if isinstance(photo, Photo):
        if alt is None:
            alt, alt_lang = photo.alt_for(page_lang(context)), photo.alt_lang(page_lang(context))
        photo = photo.set
    alt_lang = alt_lang if alt_lang != page_lang(context) else None
    return markup.picture(photo, alt or "", context["SITEURL"], sizes, eager, alt_lang, first)


@pass_context
def gallery_of(context, content):
    library, slug = _library(context), metadata_text(content, "gallery")
    return library.gallery(slug) if library and slug else None


@pass_context
def cover_of(context, content):
    library = _library(context)
    return library.covers.get(content.source_path) if library else None


def install(generator):
    """Template helpers in every generator's environment: bodies, covers, galleries and pictures."""
    generator.env.filters["with_photos"] = with_photos
    generator.env.globals.update(
        picture=picture,
        gallery_of=gallery_of,
        cover_of=cover_of,
        HOME_GALLERY_COUNT=setting(generator.settings, "HOME_GALLERY_COUNT"),
        GALLERIES_URL=urls.GALLERIES["url"],
    )


def drop_static_photos(generator):
    """Camera files in images/ go through the pipeline, never copied as they are; the unit's logo stays."""
    logo_setting = getattr(generator.settings.get("UNIT"), "logo", "")
    logo = (Path(generator.settings["PATH"]) / logo_setting).resolve() if logo_setting else None
    kept = [
        static
        for static in generator.staticfiles
        if not is_photo(Path(static.source_path)) or Path(static.source_path).resolve() == logo
    ]
    replace_static_files(generator, kept)


def photos_in_feed(context, feed):
    """Feed entries get the same pictures as pages, with absolute URLs (a feed reader has no page to resolve from)."""
    library, domain = _library(context), context.get("FEED_DOMAIN") or context.get("SITEURL", "")
    if library is None:
        return
    by_url = {item.url: item for item in published_content(context)}
    for entry in feed.items:
        link = entry["link"].removesuffix("?ref=feed").removeprefix(context.get("SITEURL", ""))
        item = by_url.get(link.lstrip("/"))
        for key in ("content", "description"):
            if item is not None and entry.get(key):
                entry[key] = str(markup.with_photos(entry[key], item.source_path, library, domain, preloaded=False))


def register():
    # get_generators: the gallery generator runs after articles and pages are read, before static files.
    signals.get_generators.connect(add_generator)
    # generator_init: each generator's Jinja environment exists and has rendered nothing yet.
    signals.generator_init.connect(install)
    # static_generator_finalized: static files are listed but not yet copied.
    signals.static_generator_finalized.connect(drop_static_photos)
    # feed_generated: the feed's entries exist and are not yet written.
    signals.feed_generated.connect(photos_in_feed)
