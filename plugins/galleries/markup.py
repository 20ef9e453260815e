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

WIDE_SCREEN = "(min-width: 44rem)"  # the theme's breakpoint (warta.css): a laptop's or a tablet's layout
BODY_SIZES = f"{WIDE_SCREEN} 40rem, calc(100vw - 2rem)"
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


def preload(photos: PhotoSet, siteurl: str, sizes: str, media: str) -> Markup:
    """A ``<link rel="preload">`` fetching the photo first of all, in the preferred format, where ``media`` holds."""
    preferred = photos.formats[0]
    return Markup(
        f'<link rel="preload" as="image" type="{MIME[preferred]}"'
        f' imagesrcset="{escape(srcset(photos, preferred, siteurl))}" imagesizes="{sizes}" media="{media}"'
        ' fetchpriority="high">'
    )


def body_picture(photos: PhotoSet, alt: str, siteurl: str, first: bool, preloaded: bool = True) -> Markup:
    """A body photo; the first is loaded at once, and first of all on a wide screen only.

    On a laptop's first screen the first body photo is the largest paint (measured). On a phone it is below the
    title, the dateline and the first paragraph, which are the largest paint: there a high priority would only make
    it race the text (Lighthouse's mobile profile charged it to the first view), so the preload's ``media`` keeps it
    to wide screens, and a phone gives it its normal priority (high should it be on the first screen after all).
    ``preloaded=False``: no preload, which only a page can use (a feed entry).
    """
    shown = picture(photos, alt, siteurl, BODY_SIZES, eager=first)
    return preload(photos, siteurl, BODY_SIZES, WIDE_SCREEN) + shown if first and preloaded else shown


def figure(photos: PhotoSet, alt: str, caption: str, siteurl: str, first: bool = False, preloaded=True) -> Markup:
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    shown = body_picture(photos, alt, siteurl, first, preloaded)
    return Markup(f'<figure class="photo">{shown}{caption_html}</figure>')


def with_photos(body: str, source_path: str, library, siteurl: str, preloaded: bool = True) -> Markup:
    """Photos alone in a paragraph become figures with their title as caption; inline ones become pictures.

    ``library``: the build's photos (``sets`` by source path, inside its ``unit`` folder).
    ``src`` is relative to the content file, as staff wrote it (read as ``invoke check`` reads it, warta.model.paths);
    images the pipeline does not know stay as they are.
    An image from another site, which the Content-Security-Policy blocks, becomes a link to it (the check warns).
    The first photo is loaded at once, and first of all on a wide screen (``body_picture``): wherever a photo is the
    page's largest paint, it is this one (measured: a photo after the first paragraph is on a laptop's first screen;
    and a phone's Chromium fetches it at once even when lazy, being within its lazy-loading distance). The others
    wait until scrolled to. ``preloaded=False`` for a feed entry, which has no page to preload in.
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
            return figure(photos, alt, attributes.get("title", ""), siteurl, first, preloaded)
        return body_picture(photos, alt, siteurl, first, preloaded)

    return Markup(_PHOTO.sub(replace, body))


def external_link(src: str, alt: str, as_figure: bool) -> str:
    """A link where an image from another site was: the visitor sees no broken image, and can still open it."""
    text = alt or urlparse(src).netloc or src
    link = f'<a class="external-image" href="{escape(src)}">{escape(text)}</a>'
    return f"<p>{link}</p>" if as_figure else link
