"""HTML for photos: ``<picture>`` with a srcset per format, and body ``<img>`` tags turned into figures."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlparse

from markupsafe import Markup, escape

from warta.model.galleries import EXTERNAL
from warta.model.paths import resolve_body_path

from .library import MIME, PhotoSet

BODY_SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2rem)"
# A photo alone in its paragraph (group 1: to become a figure), or one inside a paragraph's text: in page order.
_PHOTO = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>|<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def srcset(photos: PhotoSet, fmt: str, siteurl: str) -> str:
    return ", ".join(f"{siteurl}/{d.url} {d.width}w" for d in photos.of(fmt))


def picture(
    photos: PhotoSet,
    alt: str,
    siteurl: str,
    sizes: str,
    eager: bool = False,
    alt_lang: str | None = None,
    first: bool = False,
) -> Markup:
    """Every format but the fallback as ``<source>``; the ``<img>`` carries size, alt and loading hints.

    ``alt_lang``: the alt text's language, when it is not the page's (a fallback). ``first``: the photo likely to be
    the page's largest paint, fetched before anything else the page needs (implies ``eager``).
    """
    *sources, fallback = photos.formats
    middle = photos.of(fallback)[len(photos.of(fallback)) // 2]
    largest = photos.of(fallback)[-1]
    loading = ' fetchpriority="high"' if first else "" if eager else ' loading="lazy" decoding="async"'
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


def figure(photos: PhotoSet, alt: str, caption: str, siteurl: str, first: bool = False) -> Markup:
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    shown = picture(photos, alt, siteurl, BODY_SIZES, alt_lang=None, first=first)
    return Markup(f'<figure class="photo">{shown}{caption_html}</figure>')


def with_photos(body: str, source_path: str, library, siteurl: str) -> Markup:
    """Photos alone in a paragraph become figures with their title as caption; inline ones become pictures.

    ``library``: the build's photos (``sets`` by source path, inside its ``unit`` folder).
    ``src`` is relative to the content file, as staff wrote it (read as ``invoke check`` reads it, warta.model.paths);
    images the pipeline does not know stay as they are.
    An image from another site, which the Content-Security-Policy blocks, becomes a link to it (the check warns).
    The first photo is loaded at once and first of all: wherever a photo is the page's largest paint, it is this
    one (measured: a photo after the first paragraph is on a laptop's first screen; and a phone's Chromium fetches
    it at once even when lazy, being within its lazy-loading distance). The others wait until scrolled to.
    """
    base = Path(source_path).parent
    shown = []

    def replace(match: re.Match) -> str:
        alone = match.group(1)
        attributes = {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(alone or match.group(0))}
        src = attributes.get("src", "")
        if EXTERNAL.match(src):
            return external_link(src, attributes.get("alt", ""), bool(alone))
        path = resolve_body_path(src, base, library.unit)
        photos = library.sets.get(path.resolve()) if path is not None else None
        if photos is None:
            return match.group(0)
        alt, first = attributes.get("alt", ""), not shown
        shown.append(photos)
        if alone:
            return figure(photos, alt, attributes.get("title", ""), siteurl, first)
        return picture(photos, alt, siteurl, BODY_SIZES, first=first)

    return Markup(_PHOTO.sub(replace, body))


def external_link(src: str, alt: str, as_figure: bool) -> str:
    """A link where an image from another site was: the visitor sees no broken image, and can still open it."""
    text = alt or urlparse(src).netloc or src
    link = f'<a class="external-image" href="{escape(src)}">{escape(text)}</a>'
    return f"<p>{link}</p>" if as_figure else link
