"""HTML for photos: ``<picture>`` with a srcset per format, and body ``<img>`` tags turned into figures."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlparse

from markupsafe import Markup, escape

from warta.galleries import EXTERNAL
from warta.paths import resolve_body_path

from .library import MIME, PhotoSet

BODY_SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2rem)"
_IMG = re.compile(r"<img\b[^>]*>")
_ALONE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def srcset(photos: PhotoSet, fmt: str, siteurl: str) -> str:
    return ", ".join(f"{siteurl}/{d.url} {d.width}w" for d in photos.of(fmt))


def picture(
    photos: PhotoSet, alt: str, siteurl: str, sizes: str, eager: bool = False, alt_lang: str | None = None
) -> Markup:
    """Every format but the fallback as ``<source>``; the ``<img>`` carries size, alt and loading hints.

    ``alt_lang``: the alt text's language, when it is not the page's (a fallback).
    """
    *sources, fallback = photos.formats
    middle = photos.of(fallback)[len(photos.of(fallback)) // 2]
    largest = photos.of(fallback)[-1]
    loading = "" if eager else ' loading="lazy" decoding="async"'
    lang = f' lang="{escape(alt_lang)}"' if alt_lang else ""
    parts = [
        f'<source type="{MIME[fmt]}" srcset="{escape(srcset(photos, fmt, siteurl))}" sizes="{sizes}">'
        for fmt in sources
    ]
    parts.append(
        f'<img src="{escape(siteurl)}/{escape(middle.url)}" srcset="{escape(srcset(photos, fallback, siteurl))}"'
        f' sizes="{sizes}" width="{largest.width}" height="{largest.height}" alt="{escape(alt)}"{lang}{loading}>'
    )
    return Markup(f"<picture>{''.join(parts)}</picture>")


def figure(photos: PhotoSet, alt: str, caption: str, siteurl: str, eager: bool = False) -> Markup:
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return Markup(f'<figure class="photo">{picture(photos, alt, siteurl, BODY_SIZES, eager)}{caption_html}</figure>')


def with_photos(body: str, source_path: str, library, siteurl: str) -> Markup:
    """Photos alone in a paragraph become figures with their title as caption; inline ones become pictures.

    ``library``: the build's photos (``sets`` by source path, inside its ``unit`` folder).
    ``src`` is relative to the content file, as staff wrote it (read as ``invoke check`` reads it, warta.paths);
    images the pipeline does not know stay as they are.
    An image from another site, which the Content-Security-Policy blocks, becomes a link to it (the check warns).
    Only a photo opening the body is loaded at once: the others are below the fold.
    """
    base = Path(source_path).parent

    def replace(match: re.Match, as_figure: bool) -> str:
        tag = match.group(1) if as_figure else match.group(0)
        attributes = {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(tag)}
        src = attributes.get("src", "")
        if EXTERNAL.match(src):
            return external_link(src, attributes.get("alt", ""), as_figure)
        path = resolve_body_path(src, base, library.unit)
        photos = library.sets.get(path.resolve()) if path is not None else None
        if photos is None:
            return match.group(0)
        alt, eager = attributes.get("alt", ""), match.start() == 0
        if as_figure:
            return figure(photos, alt, attributes.get("title", ""), siteurl, eager)
        return picture(photos, alt, siteurl, BODY_SIZES, eager)

    body = _ALONE.sub(lambda match: replace(match, True), body)
    return Markup(_IMG.sub(lambda match: replace(match, False), body))


def external_link(src: str, alt: str, as_figure: bool) -> str:
    """A link where an image from another site was: the visitor sees no broken image, and can still open it."""
    text = alt or urlparse(src).netloc or src
    link = f'<a class="external-image" href="{escape(src)}">{escape(text)}</a>'
    return f"<p>{link}</p>" if as_figure else link
