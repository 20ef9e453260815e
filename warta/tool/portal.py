"""``output/index.html``: the portal listing every unit whose site is built, with its latest news."""

from __future__ import annotations

import functools
import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from warta import ROOT
from warta.media.icons import Icons, make_icons
from warta.model.languages import load_catalogs
from warta.model.units import Unit, read_unit, unit_slugs

THEME = ROOT / "theme"
ATOM = "{http://www.w3.org/2005/Atom}"
FEED = Path("feeds") / "atom.xml"


@dataclass(frozen=True)
class PortalEntry:
    """One unit on the portal: where its site is and its latest news, if any."""

    unit: Unit
    href: str
    latest_title: str = ""
    latest_href: str = ""


def built_units(content: Path, output: Path) -> list[tuple[Unit, Path]]:
    """Every unit under ``content`` with a site in ``output``, and that site's folder."""
    found = []
    for slug in unit_slugs(content):
        unit, _problems = read_unit(content / slug)
        if unit and (output / slug / "index.html").is_file():
            found.append((unit, output / slug))
    return found


def write_portal(content: Path, output: Path, lang: str = "id", publish: bool = False, units=None) -> Path:
    """Write ``output/index.html`` for ``units`` (pairs of a unit and its built site; default: those in output).

    Published, it links to each unit's ``site_url``; otherwise to the unit's folder beside the portal.
    """
    units = built_units(content, output) if units is None else units
    entries = [portal_entry(unit, site, publish) for unit, site in sorted(units, key=lambda pair: pair[0].slug)]
    env = portal_templates(lang)
    icons = icons_of((THEME / "icon.png").read_bytes())  # the theme's neutral icon: the portal has no logo
    for name, data in icons.files().items():
        (output / name).write_bytes(data)
    page = output / "index.html"
    page.write_text(env.get_template("index.html").render(entries=entries, lang=lang, icons=icons), encoding="utf-8")
    shutil.copyfile(THEME / "static" / "css" / "warta.css", output / "warta.css")
    return page


@functools.lru_cache(maxsize=1)
def icons_of(icon: bytes) -> Icons:
    """The portal's icons, made once for the same bytes (publishing writes a portal after the build wrote its own)."""
    return make_icons(io.BytesIO(icon))


def portal_templates(lang: str):
    """The portal's template environment in ``lang``."""
    # Imported only now: the build process imports no template engine while its units render (6 MB less of it).
    from jinja2 import Environment, FileSystemLoader, select_autoescape  # noqa: PLC0415

    env = Environment(
        loader=FileSystemLoader(THEME / "portal"),
        autoescape=select_autoescape(),
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(load_catalogs(THEME / "translations")[lang], newstyle=True)
    return env


def portal_entry(unit: Unit, site: Path, publish: bool) -> PortalEntry:
    """The unit's link and its latest news, read from the Atom feed of its built ``site``."""
    base = f"{unit.site_url}/" if publish else f"{unit.slug}/"
    latest = latest_news(site / FEED)
    if latest is None:
        return PortalEntry(unit, base)
    title, link = latest
    # Feeds link absolutely when published and relatively in a preview; the portal links from its own place.
    return PortalEntry(unit, base, title, base + link.removeprefix(f"{unit.site_url}/").lstrip("/"))


def latest_news(feed: Path) -> tuple[str, str] | None:
    """(title, link) of the most recently published entry of an Atom feed; None without feed or entries."""
    if not feed.is_file():
        return None
    entries = ElementTree.parse(feed).getroot().findall(f"{ATOM}entry")
    if not entries:
        return None
    newest = max(entries, key=lambda entry: entry.findtext(f"{ATOM}published") or "")
    link = newest.find(f"{ATOM}link")
    return newest.findtext(f"{ATOM}title") or "", link.get("href", "") if link is not None else ""
