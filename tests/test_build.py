"""Whole builds of tiny units: URLs, datelines, drafts, atomic output, duplicate URLs, parallel units, portal."""

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from warta.model.problems import ContentError
from warta.tool.pelican_process import render


def test_article_page_has_title_dateline_credits_and_urls(site):
    site.article()
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    [build] = site.build()
    assert build.ok, build.log
    page = site.page("berita/2020/pelatihan-kehumasan")
    assert page.html["lang"] == "id"
    assert page.h1.get_text() == "Pelatihan Kehumasan"
    first = page.select_one(".body p")
    assert first.get_text().startswith("JAKARTA (13 November 2020) \u2013 Paragraf pertama berita.")
    assert page.select_one(".credits dt").get_text() == "Penulis"
    assert page.select_one(".credits dd").get_text() == "Puti Chairida Anwar, S.Psi., M.Si.; Humas Balai Uji"
    assert page.select_one('a[href$="kategori/kegiatan/"]').get_text() == "Kegiatan"
    nav = [a.get_text() for a in page.select("nav.site-nav a")]
    assert nav == ["Beranda", "Berita", "Profil"]
    assert site.page("profil").h1.get_text() == "Profil"
    for url in ("kategori/kegiatan", "tag/pelatihan", "arsip", "berita", "kontributor/humas-balai-uji"):
        assert (site.output / "balai-uji" / url / "index.html").is_file(), url


def test_dates_in_indonesian_and_no_dateline_without_place(site):
    site.write(
        "news/2022/rapat.md",
        "Title: Rapat\nDate: 2022-03-30\nModified: 2022-04-02\nPenulis: Ani\n\nIsi rapat.\n",
    )
    site.build()
    page = site.page("berita/2022/rapat")
    assert page.select_one(".body p").get_text() == "Isi rapat."
    meta = page.select_one(".meta").get_text(" ", strip=True)
    assert "30 Maret 2022" in meta and "Terakhir diperbarui 2 April 2022" in meta


def test_drafts_and_future_items_are_not_written(site):
    site.article()
    site.write("news/2020/rahasia.md", "Title: Rahasia\nDate: 2020-01-01\nPenulis: A\nStatus: draft\n\nx\n")
    site.write("news/2099/nanti.md", "Title: Nanti\nDate: 2099-01-01\nPenulis: A\n\nx\n")
    site.build()
    written = "\n".join(site.tree())
    assert "rahasia" not in written and "nanti" not in written and "drafts" not in written
    assert "Rahasia" not in site.page("berita").get_text()


def test_category_never_comes_from_the_folder(site):
    site.write("news/2021/a.md", "Title: A\nDate: 2021-01-01\nPenulis: A\n\nx\n")
    site.build()
    assert (site.output / "balai-uji/kategori/berita/index.html").is_file()
    assert not (site.output / "balai-uji/kategori/2021").exists()


def test_news_list_is_paginated(site):
    for number in range(12):
        site.article(name=f"berita-{number:02}", title=f"Berita {number}", date=f"2020-01-{number + 1:02}")
    site.build()
    first, second = site.page("berita"), site.page("berita/2")
    assert len(first.select(".article-card")) == 10 and len(second.select(".article-card")) == 2
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


@pytest.fixture
def unit_env(site, monkeypatch):
    monkeypatch.setenv("WARTA_CONTENT", str(site.content))
    return site


def test_pelican_alone_fails_on_a_missing_title(unit_env, tmp_path):
    """``pelican -s pelicanconf.py`` without the check: the plugin still refuses the file, by name."""
    unit_env.write("news/2020/tanpa-judul.md", "Date: 2020-01-01\nPenulis: A\n\nx\n")
    with pytest.raises(ContentError) as raised:
        render("balai-uji", tmp_path / "out")
    assert "news/2020/tanpa-judul.md: kesalahan: keterangan 'Judul' wajib ada" in str(raised.value)
    assert not (tmp_path / "out" / "index.html").exists()


def test_pelican_alone_names_both_files_of_one_url(unit_env, tmp_path):
    unit_env.article(name="rapat")
    unit_env.write("news/2020/b/rapat.md", "Title: B\nDate: 2020-02-02\nPenulis: A\n\nx\n")
    with pytest.raises(ContentError) as raised:
        render("balai-uji", tmp_path / "out")
    assert "news/2020/b/rapat.md" in str(raised.value) and "news/2020/rapat.md" in str(raised.value)


def test_publish_settings_make_absolute_urls(unit_env, tmp_path):
    unit_env.article()
    render("balai-uji", tmp_path / "out", publish=True)
    page = BeautifulSoup((tmp_path / "out/index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in page.select("main a")]
    assert "https://balai-uji.example.go.id/berita/2020/pelatihan-kehumasan/" in hrefs
    assert os.environ["WARTA_UNIT"] == "balai-uji"


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
