"""A unit whose inputs did not change is skipped; any change, a missing output or another target rebuilds it."""

import os
import time
from datetime import timedelta

from warta.model import stamps
from warta.tool import fingerprint
from warta.tool.build import build_units
from warta.tool.fingerprint import Fingerprint


def age(site, seconds=60):
    """Make every content file look written a while ago (files written just now are never trusted)."""
    past = time.time() - seconds
    for path in site.content.rglob("*"):
        os.utime(path, (past, past))


def output_identity(site, unit="balai-uji"):
    return (site.output / unit).stat().st_ino


def test_an_unchanged_unit_is_skipped_and_keeps_its_log(site):
    site.article()
    site.write("news/2020/tanpa-editor.md", "Title: T\nDate: 2020-01-01\nPenulis: A\nEditor:\n\nx\n")
    age(site)
    [first] = site.build()
    built = output_identity(site)
    [second] = site.build()
    assert second.ok and output_identity(site) == built
    assert "tanpa-editor.md:4" in first.log and second.log == first.log
    assert site.page("berita/2020/pelatihan-kehumasan").h1.get_text() == "Pelatihan Kehumasan"


def test_an_edit_rebuilds_the_unit(site):
    article = site.article()
    age(site)
    site.build()
    article.write_text(article.read_text().replace("Title: Pelatihan Kehumasan", "Title: Judul Baru"))
    site.build()
    assert site.page("berita/2020/pelatihan-kehumasan").h1.get_text() == "Judul Baru"


def test_a_missing_output_or_a_publish_build_rebuilds(site):
    site.article()
    age(site)
    site.build()
    (site.output / "balai-uji").rename(site.root / "elsewhere")
    site.build()
    assert site.page("berita").select(".article-card")
    preview_href = site.page("").select_one("main a")["href"]
    build_units(["balai-uji"], site.content, site.output, publish=True)
    assert site.page("").select_one("main a")["href"] != preview_href
    assert site.page("").select_one("main a")["href"].startswith("https://balai-uji.example.go.id/")


def test_a_failed_build_is_not_remembered(site):
    site.article()
    age(site)
    site.build()
    site.write("news/2020/rusak.md", "Title: Rusak\nDate: 13/11/2020\nPenulis: A\n\nx\n")
    age(site)
    assert not site.build()[0].ok
    assert not site.build()[0].ok  # still checked, never skipped as if it had passed


def test_a_scheduled_item_rebuilds_the_unit_once_due(site, monkeypatch):
    site.article()
    tomorrow = fingerprint.now() + timedelta(days=1)
    site.write("news/2020/nanti.md", f"Title: Nanti\nDate: {tomorrow:%Y-%m-%d %H:%M}\nPenulis: A\n\nx\n")
    age(site)
    site.build()
    built = output_identity(site)
    site.build()
    assert output_identity(site) == built
    monkeypatch.setattr(fingerprint, "now", lambda: tomorrow + timedelta(minutes=1))
    site.build()
    assert output_identity(site) != built


def test_theme_plugins_and_code_are_inputs(site, monkeypatch, tmp_path):
    site.article()
    age(site)
    shared = tmp_path / "repo"
    (shared / "theme").mkdir(parents=True)
    template = shared / "theme" / "base.html"
    template.write_text("<html>")
    monkeypatch.setattr(stamps, "ROOT", shared)

    def digest():
        return Fingerprint.of("balai-uji", site.content, site.output, False).digest

    before = digest()
    assert digest() == before
    template.write_text("<html lang>")
    assert digest() != before
    assert Fingerprint.of("balai-uji", site.content, site.output, True).digest != digest()


def test_content_read_from_the_cache_follows_unit_toml(site):
    """Pelican's content cache knows only each file's time: a new timezone must still reach every date."""
    site.article()
    age(site)
    site.build()
    page_time = site.page("berita/2020/pelatihan-kehumasan").select_one("time")["datetime"]
    assert page_time.endswith("+07:00")
    toml = site.content / "balai-uji" / "unit.toml"
    toml.write_text(toml.read_text() + 'timezone = "Asia/Jayapura"\n')
    site.build()
    assert site.page("berita/2020/pelatihan-kehumasan").select_one("time")["datetime"].endswith("+09:00")
