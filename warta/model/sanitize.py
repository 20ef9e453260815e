"""Rendered Markdown made safe to publish: nh3 (a well-kept HTML sanitizer) with Warta's allow-lists.

Raw HTML in a body is allowed only where it cannot run code or load from elsewhere: scripts, event handlers,
``javascript:``/``data:`` links, forms, objects and inline styles (which the Content-Security-Policy would block
anyway) are removed, not refused, so a pasted snippet never stops a unit's news. Embedded frames are kept only from
the hosts below (video and maps); any other frame disappears.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import nh3

FRAME_HOSTS = {
    "www.youtube.com": "/embed/",
    "www.youtube-nocookie.com": "/embed/",
    "www.google.com": "/maps/embed",
    "www.openstreetmap.org": "/export/embed.html",
}
TAGS = (nh3.ALLOWED_TAGS - {"area", "map"}) | {"iframe", "picture", "source"}
GLOBAL_ATTRIBUTES = {"id", "class", "lang", "title", "dir"}
ATTRIBUTES = {
    "*": GLOBAL_ATTRIBUTES,
    **{tag: set(allowed) - {"align", "char", "charoff"} for tag, allowed in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media"},
    "iframe": {"src", "width", "height", "allowfullscreen", "loading"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_EMPTY_FRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)
_FRAME_TAG = re.compile(r"<iframe\b[^>]*>")
_SIZE = re.compile(r'\s(width|height)="(\d+)"')  # a width of 100% says nothing of the shape
# Shapes an embed keeps on a phone, as classes (the CSP allows no inline style); warta.css sets their aspect-ratio.
FRAME_SHAPES = {"wide": 16 / 9, "photo": 4 / 3, "square": 1.0, "tall": 3 / 4}


def allowed_frame(url: str) -> bool:
    parsed = urlparse(url)
    prefix = FRAME_HOSTS.get(parsed.netloc)
    return parsed.scheme == "https" and prefix is not None and parsed.path.startswith(prefix)


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not allowed_frame(value):
        return None
    return value


def sanitize(html: str) -> str:
    """``html`` with everything outside the allow-lists removed."""
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=_filter,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    return _FRAME_TAG.sub(fitted_frame, _EMPTY_FRAME.sub("", cleaned))


def fitted_frame(match: re.Match) -> str:
    """A pasted ``<iframe width="560" height="315">`` made to fill the column in its own shape, loaded lazily.

    The width and height stay as the shape's source; the class tells the CSS which aspect ratio to keep.
    """
    tag = match.group(0)
    sizes = {name: int(value) for name, value in _SIZE.findall(tag)}
    ratio = sizes["width"] / sizes["height"] if sizes.get("width") and sizes.get("height") else FRAME_SHAPES["wide"]
    shape = min(FRAME_SHAPES, key=lambda name: abs(FRAME_SHAPES[name] - ratio))
    tag = re.sub(r'\sclass="[^"]*"', "", tag)
    tag = tag.replace("<iframe", f'<iframe class="embed embed-{shape}"', 1)
    if " loading=" not in tag:
        tag = tag.replace("<iframe", '<iframe loading="lazy"', 1)
    return tag
