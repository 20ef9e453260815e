"""The first view of every page in one round trip, and the icons browsers ask for.

The theme's one stylesheet is small (about 2 KiB compressed), so it is inlined whole into every page instead of
linked: a linked stylesheet blocks rendering for one more round trip (Lighthouse's mobile profile: about 150 ms of
an article's 1 s). It is read at build time, so an edit of the CSS file is inlined on the next build, and the
page's Content-Security-Policy allows exactly that text by its SHA-256 hash.

The two small scripts of articles and galleries ("copy link", the photo viewer; under 1.5 KiB compressed together)
are inlined the same way, where the page needs them: a script file is one more request racing the first paint on a
phone's connection, and a deferred one runs before that paint when it arrives early. The unit's logo in the header
is inlined too, made at build time at twice its 48 px (the resolution Lighthouse asks for), where that is small.

The favicon and the Apple touch icon are made from the unit's logo (or the theme's neutral icon where the unit has
none) with Pillow and written at the site's root where browsers look for them unasked (``/favicon.ico``). Pages link
the favicon inlined (32 px, a few hundred bytes: no request while the page loads, which Lighthouse charged to the
largest paint whenever that came late) and the touch icon under its content-hashed name, so a new logo is never
hidden behind a cached icon.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from warta.adapter.settings import PluginSettings
from warta.media.icons import Icons, header_logo, make_icons

logger = logging.getLogger(__name__)

DEFAULTS = {
    "INLINE_STYLESHEET": "static/css/warta.css",  # relative to the theme
    "DEFAULT_ICON": "icon.png",  # relative to the theme: the neutral icon of a unit without a logo
    "INLINE_SCRIPTS": ("static/js/share.js", "static/js/gallery.js"),  # relative to the theme; by file name in pages
}


setting = PluginSettings(DEFAULTS)


def inline_text(theme: Path, relative: str, tag: str) -> tuple[Markup, str]:
    """A theme file's text, safe to put between ``<tag>`` tags, and its CSP source (``'sha256-…'``)."""
    text = (theme / relative).read_text(encoding="utf-8")
    if f"</{tag}" in text.lower():
        raise ValueError(f"{relative}: '</{tag}' would end the inlined {tag} early")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), Markup(f"'sha256-{digest}'")


def inline_scripts(theme: Path, relatives) -> tuple[dict[str, Markup], Markup]:
    """The theme's scripts by file name, and the CSP sources allowing all of them."""
    scripts = {Path(relative).name: inline_text(theme, relative, "script") for relative in relatives}
    return {name: text for name, (text, _) in scripts.items()}, Markup(" ".join(s for _, s in scripts.values()))


def icon_source(settings) -> Path:
    """The unit's logo, else the theme's neutral icon (which also stands in for a logo Pillow cannot read)."""
    logo = getattr(settings.get("UNIT"), "logo", "")
    return Path(settings["PATH"]) / logo if logo else Path(settings["THEME"]) / setting(settings, "DEFAULT_ICON")


def inline_logo(settings) -> str:
    """The header's logo as a ``data:`` URI, or "" where the unit has none or the header links its file."""
    logo = getattr(settings.get("UNIT"), "logo", "")
    return header_logo(Path(settings["PATH"]) / logo) if logo else ""


def prepare(pelican):
    """Before anything is rendered: the inlined stylesheet and the icons' hashed names in every template's context."""
    settings = pelican.settings
    theme = Path(settings["THEME"])
    css, css_source = inline_text(theme, setting(settings, "INLINE_STYLESHEET"), "style")
    scripts, script_sources = inline_scripts(theme, setting(settings, "INLINE_SCRIPTS"))
    icons = make_icons(icon_source(settings), theme / setting(settings, "DEFAULT_ICON"))
    settings.update(
        FIRST_VIEW_CSS=css,
        FIRST_VIEW_CSS_SOURCE=css_source,
        FIRST_VIEW_SCRIPTS=scripts,
        FIRST_VIEW_SCRIPT_SOURCES=script_sources,
        SITE_ICONS=icons,
        SITE_LOGO_INLINE=inline_logo(settings),
    )


def write_icons(pelican):
    """After the build: the icons at their plain names (browsers ask for those unasked) and their hashed ones."""
    icons: Icons = pelican.settings["SITE_ICONS"]
    output = Path(pelican.settings["OUTPUT_PATH"])
    for name, data in icons.files().items():
        (output / name).write_bytes(data)


def register():
    # initialized: settings are final and no generator has copied them into its context yet.
    signals.initialized.connect(prepare)
    # finalized: every page is written; the icons join them in the output folder.
    signals.finalized.connect(write_icons)
