"""``output/index.html``: the portal listing every unit whose site is built."""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from warta.i18n import load_catalogs
from warta.units import read_unit, unit_slugs

THEME = Path(__file__).resolve().parent.parent / "theme"


def write_portal(content: Path, output: Path, lang: str = "id") -> Path:
    """Write the portal for the units under ``content`` that have a site in ``output``."""
    units = []
    for slug in unit_slugs(content):
        unit, _problems = read_unit(content / slug)
        if unit and (output / slug / "index.html").is_file():
            units.append(unit)
    env = Environment(
        loader=FileSystemLoader(THEME / "portal"),
        autoescape=select_autoescape(),
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(load_catalogs(THEME / "translations")[lang], newstyle=True)
    page = output / "index.html"
    page.write_text(env.get_template("index.html").render(units=units, lang=lang), encoding="utf-8")
    shutil.copyfile(THEME / "static" / "css" / "warta.css", output / "warta.css")
    return page
