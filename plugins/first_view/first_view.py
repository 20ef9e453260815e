"""The first view of every page in one round trip, and the icons browsers ask for.

The theme's one stylesheet is small (about 2 KiB compressed), so it is inlined whole into every page instead of
linked: a linked stylesheet blocks rendering for one more round trip (Lighthouse's mobile profile: about 150 ms of
an article's 1 s). It is read at build time, so an edit of the CSS file is inlined on the next build, and the
page's Content-Security-Policy allows exactly that text by its SHA-256 hash.

The favicon and the Apple touch icon are made from the unit's logo (or the theme's neutral icon where the unit has
none) with Pillow, written at the site's root where browsers look for them unasked (``/favicon.ico``), and linked
under content-hashed names so a new logo is never hidden behind a cached icon.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from warta.adapter.settings import PluginSettings
from warta.media.icons import Icons, make_icons

logger = logging.getLogger(__name__)

DEFAULTS = {
    "INLINE_STYLESHEET": "static/css/warta.css",  # relative to the theme
    "DEFAULT_ICON": "icon.png",  # relative to the theme: the neutral icon of a unit without a logo
}


setting = PluginSettings(DEFAULTS)


def inline_stylesheet(theme: Path, relative: str) -> tuple[Markup, str]:
    """The stylesheet's text, safe to put between ``<style>`` tags, and its CSP source (``'sha256-…'``)."""
    css = (theme / relative).read_text(encoding="utf-8")
    if "</style" in css.lower():
        raise ValueError(f"{relative}: '</style' would end the inlined stylesheet early")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return Markup(css), Markup(f"'sha256-{digest}'")


def icon_source(settings) -> Path:
    """The unit's logo, else the theme's neutral icon (which also stands in for a logo Pillow cannot read)."""
    logo = getattr(settings.get("UNIT"), "logo", "")
    return Path(settings["PATH"]) / logo if logo else Path(settings["THEME"]) / setting(settings, "DEFAULT_ICON")


def prepare(pelican):
    """Before anything is rendered: the inlined stylesheet and the icons' hashed names in every template's context."""
    settings = pelican.settings
    css, css_source = inline_stylesheet(Path(settings["THEME"]), setting(settings, "INLINE_STYLESHEET"))
    icons = make_icons(icon_source(settings), Path(settings["THEME"]) / setting(settings, "DEFAULT_ICON"))
    settings.update(FIRST_VIEW_CSS=css, FIRST_VIEW_CSS_SOURCE=css_source, SITE_ICONS=icons)


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
