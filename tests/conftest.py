"""Tiny units written into tmp_path, built with the real build, read back as a visitor's HTML."""

from __future__ import annotations

import textwrap
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from warta import ROOT
from warta.tool.build import build_units

UNIT_TOML = """\
name = "Balai Uji Coba {slug}"
site_url = "https://{slug}.example.go.id"
"""

ARTICLE = """\
Title: {title}
Date: {date}
Place: Jakarta
Category: Kegiatan
Tags: pelatihan, kehumasan
Penulis: Puti Chairida Anwar, S.Psi., M.Si.; Humas Balai Uji

Paragraf pertama berita.

Paragraf kedua.
"""


class Site:
    """A content folder with units, an output folder, and helpers to build and read pages."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.output = root / "output"

    def unit(self, slug="balai-uji", toml=None) -> Path:
        folder = self.content / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "unit.toml").write_text(toml if toml is not None else UNIT_TOML.format(slug=slug), encoding="utf-8")
        return folder

    def write(self, path: str, text: str, unit="balai-uji") -> Path:
        target = self.content / unit / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    def article(
        self,
        name="pelatihan-kehumasan",
        title="Pelatihan Kehumasan",
        date="2020-11-13 10:00",
        unit="balai-uji",
        year="2020",
    ):
        return self.write(f"news/{year}/{name}.md", ARTICLE.format(title=title, date=date), unit)

    def build(self, *units, jobs=None):
        return build_units(list(units) or ["balai-uji"], self.content, self.output, jobs=jobs)

    def page(self, url: str, unit="balai-uji") -> BeautifulSoup:
        path = self.output / unit / url.strip("/") / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def tree(self, unit="balai-uji") -> dict[str, bytes]:
        """Every output file of a unit with its bytes, to compare whole sites."""
        base = self.output / unit
        return {p.relative_to(base).as_posix(): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path) -> Site:
    made = Site(tmp_path)
    made.unit()
    return made


@pytest.fixture(scope="session")
def example_output(tmp_path_factory) -> Path:
    """The bundled example units, built once per test process as for a preview."""
    from warta.model.units import unit_slugs  # noqa: PLC0415

    output = tmp_path_factory.mktemp("examples") / "output"
    content = ROOT / "content"
    builds = build_units(unit_slugs(content), content, output)
    assert all(b.ok for b in builds), [b.log for b in builds if not b.ok]
    return output


CHROMIUM = "/usr/bin/chromium"
# Chromium as root, offline: no sandbox, nothing fetched in the background.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(folder: Path):
    """``folder`` served over HTTP on a free port of 127.0.0.1, as static hosting serves it; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, one per test module."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (only browser tests need it)

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
