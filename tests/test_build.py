"""Whole builds of tiny units: URLs, datelines, drafts, atomic output, duplicate URLs, parallel units, portal."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Site
from pelican.settings import read_settings

from warta import ROOT
from warta.adapter.settings import unit_settings
from warta.model.problems import ContentError
from warta.tool.build import build_units
from warta.tool.pelican_process import render


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """One unit built once for the tests that only read it: an article and a page, a dateline-less article, an
    article without a category, a draft, a future article, and enough news for a second page of the news list."""
    site = Site(tmp_path_factory.mktemp("newsroom"))
    site.unit()
    site.article()
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    site.write(
        "news/2022/rapat.md",
        "Title: Rapat\nDate: 2022-03-30\nModified: 2022-04-02\nPenulis: Ani\n\nIsi rapat.\n",
    )
    site.write("news/2021/a.md", "Title: A\nDate: 2021-01-01\nPenulis: A\n\nx\n")
    site.write("news/2020/rahasia.md", "Title: Rahasia\nDate: 2020-01-01\nPenulis: A\nStatus: draft\n\nx\n")
    site.write("news/2099/nanti.md", "Title: Nanti\nDate: 2099-01-01\nPenulis: A\n\nx\n")
    for number in range(12):
        site.article(name=f"berita-{number:02}", title=f"Berita {number}", date=f"2020-01-{number + 1:02}")
    [build] = site.build()
    assert build.ok, build.log
    return site


def test_article_page_has_title_dateline_credits_and_urls(newsroom):
    page = newsroom.page("berita/2020/pelatihan-kehumasan")
    assert page.html["lang"] == "id"
    assert page.h1.get_text() == "Pelatihan Kehumasan"
    first = page.select_one(".body p")
    assert first.get_text().startswith("JAKARTA (13 November 2020) \u2013 Paragraf pertama berita.")
    assert page.select_one(".credits dt").get_text() == "Penulis"
    assert page.select_one(".credits dd").get_text() == "Puti Chairida Anwar, S.Psi., M.Si.; Humas Balai Uji"
    assert page.select_one('a[href$="kategori/kegiatan/"]').get_text() == "Kegiatan"
    nav = [a.get_text() for a in page.select("nav.site-nav a")]
    assert nav == ["Beranda", "Berita", "Profil"]
    assert newsroom.page("profil").h1.get_text() == "Profil"
    for url in ("kategori/kegiatan", "tag/pelatihan", "arsip", "berita", "kontributor/humas-balai-uji"):
        assert (newsroom.output / "balai-uji" / url / "index.html").is_file(), url


def test_dates_in_indonesian_and_no_dateline_without_place(newsroom):
    page = newsroom.page("berita/2022/rapat")
    assert page.select_one(".body p").get_text() == "Isi rapat."
    meta = page.select_one(".meta").get_text(" ", strip=True)
    assert "30 Maret 2022" in meta and "Terakhir diperbarui 2 April 2022" in meta


def test_drafts_and_future_items_are_not_written(newsroom):
    written = "\n".join(newsroom.tree())
    assert "rahasia" not in written and "nanti" not in written and "drafts" not in written
    assert "Rahasia" not in newsroom.page("berita").get_text()


def test_category_never_comes_from_the_folder(newsroom):
    assert (newsroom.output / "balai-uji/kategori/berita/index.html").is_file()
    assert not (newsroom.output / "balai-uji/kategori/2021").exists()


def test_news_list_is_paginated(newsroom):
    first, second = newsroom.page("berita"), newsroom.page("berita/2")
    # 15 news published: the twelve, pelatihan-kehumasan, rapat and a; ten a page.
    assert len(first.select(".article-card")) == 10 and len(second.select(".article-card")) == 5
    assert first.select_one('a[rel="next"]')["href"].endswith("berita/2/")


def test_a_failed_build_leaves_the_last_good_site_untouched(site):
    site.article()
    assert site.build()[0].ok
    before = site.tree()
    site.write("news/2020/rusak.md", "Title: Rusak\nDate: 13/11/2020\nPenulis: A\n\nx\n")
    [build] = site.build()
    assert not build.ok
    assert "content/balai-uji/news/2020/rusak.md:2: kesalahan: tanggal '13/11/2020' tidak dikenali" in build.log
    assert "GAGAL" in build.summary()
    assert site.tree() == before


def test_removed_content_disappears_from_the_output(site):
    site.article()
    old = site.article(name="lama", title="Lama")
    site.build()
    old.unlink()
    site.build()
    assert not (site.output / "balai-uji/berita/2020/lama").exists()
    assert (site.output / "balai-uji/berita/2020/pelatihan-kehumasan/index.html").is_file()


def test_two_files_on_one_url_fail_naming_both(site):
    site.article(name="rapat")
    site.write("news/2020/lain/rapat.md", "Title: Lain\nDate: 2020-05-01\nPenulis: A\n\nx\n")
    [build] = site.build()
    assert not build.ok
    assert (
        "content/balai-uji/news/2020/lain/rapat.md: kesalahan: alamat halaman /berita/2020/rapat/ juga dipakai oleh "
        in build.log
    )
    assert "content/balai-uji/news/2020/rapat.md" in build.log


def test_a_page_may_not_take_a_section_url(site):
    site.write("pages/berita.md", "Title: Berita\n\nx\n")
    [build] = site.build()
    assert not build.ok and "pages/berita.md: kesalahan: alamat halaman /berita/ sudah dipakai" in build.log


def test_units_build_in_parallel_into_their_own_folders(site):
    site.unit("loka-dua")
    site.article(title="Hanya di Balai Uji")
    site.article(title="Hanya di Loka Dua", unit="loka-dua", name="kabar")
    builds = site.build("balai-uji", "loka-dua", jobs=2)
    assert all(b.ok for b in builds), [b.log for b in builds]
    assert "Hanya di Loka Dua" not in site.page("", "balai-uji").get_text()
    assert "Hanya di Balai Uji" not in site.page("", "loka-dua").get_text()
    portal = BeautifulSoup((site.output / "index.html").read_text(), "html.parser")
    links = {a["href"] for a in portal.select("main h2 a")}
    assert links == {"balai-uji/", "loka-dua/"}
    latest = {a["href"] for a in portal.select(".portal-latest a")}
    assert latest == {"balai-uji/berita/2020/pelatihan-kehumasan/", "loka-dua/berita/2020/kabar/"}


def test_one_broken_unit_does_not_stop_the_others(site):
    site.unit("loka-dua", toml='name = "Loka"\n')
    site.article()
    builds = {b.unit: b for b in site.build("balai-uji", "loka-dua")}
    assert builds["balai-uji"].ok and not builds["loka-dua"].ok
    assert "content/loka-dua/unit.toml: kesalahan: keterangan wajib 'site_url' belum ada" in builds["loka-dua"].log


def test_pelican_alone_fails_on_a_missing_title(site, tmp_path):
    """Pelican without the check: the plugin still refuses the file, by name."""
    site.write("news/2020/tanpa-judul.md", "Date: 2020-01-01\nPenulis: A\n\nx\n")
    with pytest.raises(ContentError) as raised:
        render("balai-uji", site.content, tmp_path / "out")
    assert "news/2020/tanpa-judul.md: kesalahan: keterangan 'Judul' wajib ada" in str(raised.value)
    assert not (tmp_path / "out" / "index.html").exists()


def test_pelican_alone_names_both_files_of_one_url(site, tmp_path):
    site.article(name="rapat")
    site.write("news/2020/b/rapat.md", "Title: B\nDate: 2020-02-02\nPenulis: A\n\nx\n")
    with pytest.raises(ContentError) as raised:
        render("balai-uji", site.content, tmp_path / "out")
    assert "news/2020/b/rapat.md" in str(raised.value) and "news/2020/rapat.md" in str(raised.value)


def test_publish_settings_make_absolute_urls_and_leave_the_environment_as_it_was(site, tmp_path):
    site.article()
    environment = dict(os.environ)
    render("balai-uji", site.content, tmp_path / "out", publish=True)
    page = BeautifulSoup((tmp_path / "out/index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in page.select("main a")]
    assert "https://balai-uji.example.go.id/berita/2020/pelatihan-kehumasan/" in hrefs
    assert dict(os.environ) == environment


def test_pelican_alone_builds_the_unit_that_warta_unit_names(site, tmp_path):
    """``WARTA_UNIT=<unit> pelican -s pelicanconf.py``, the command line of Pelican's own documentation."""
    site.article()
    env = dict(os.environ, WARTA_UNIT="balai-uji", WARTA_CONTENT=str(site.content))
    command = [sys.executable, "-m", "pelican", "-q", "-s", "pelicanconf.py", "-o", str(tmp_path / "out")]
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    page = BeautifulSoup((tmp_path / "out/berita/2020/pelatihan-kehumasan/index.html").read_text(), "html.parser")
    assert page.h1.get_text() == "Pelatihan Kehumasan"
    assert page.select_one(".site-name").get_text() == "Balai Uji Coba balai-uji"


@pytest.mark.parametrize(("settings_file", "publish"), [("pelicanconf.py", False), ("publishconf.py", True)])
def test_the_settings_files_are_the_settings_function(site, monkeypatch, settings_file, publish):
    monkeypatch.setenv("WARTA_UNIT", "balai-uji")
    monkeypatch.setenv("WARTA_CONTENT", str(site.content))
    from_file = read_settings(str(ROOT / settings_file))
    made = read_settings(override=unit_settings(ROOT, site.content, "balai-uji", publish))
    assert shown(from_file) == shown(made)
    assert from_file["SITEURL"] == ("https://balai-uji.example.go.id" if publish else "")


def shown(settings: dict) -> dict:
    """The settings as text, objects without their addresses (each reading makes a new bytecode cache)."""
    return {key: repr(value).split(" at 0x")[0] for key, value in settings.items()}


def test_reading_the_settings_creates_nothing(site):
    unit_settings(ROOT, site.content, "balai-uji")
    assert not (site.root / ".cache").exists()


def test_units_task_lists_slugs_as_json(site):
    env = dict(os.environ, WARTA_CONTENT=str(site.content))
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "units", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=os.path.dirname(os.path.dirname(__file__)),
    )
    assert json.loads(done.stdout) == ["balai-uji"]


def test_folders_given_relative_to_the_working_folder_build_there(tmp_path, monkeypatch):
    site = Site(tmp_path / "repo")
    site.unit()
    site.article()
    monkeypatch.chdir(tmp_path)
    [build] = build_units(["balai-uji"], Path("repo/content"), Path("repo/output"))
    assert build.ok, build.log
    assert (site.output / "balai-uji" / "berita" / "2020" / "pelatihan-kehumasan" / "index.html").is_file()
