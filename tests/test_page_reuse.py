"""Pages taken from the last good site (plugins/rendering/reuse.py) are exactly what a fresh render gives, after
every kind of edit; an edit of one body renders only the pages that read it."""

import gc
import os
import shutil
import time

import pytest
from conftest import Site
from PIL import Image

from plugins.rendering.reuse import collector_paused
from warta.media.icons import header_logo
from warta.tool.build import build_units

ARTICLE = "Title: {title}\nDate: 2020-01-{day:02}\nPenulis: Ani\nTags: rapat\n\n{body}\n\nParagraf kedua.\n"


def write_articles(site, count=12):
    for number in range(count):
        text = ARTICLE.format(title=f"Berita {number}", day=number + 1, body=f"Ringkasan berita {number}.")
        site.write(f"news/2020/berita-{number:02}.md", text)


def age(site):
    past = time.time() - 60
    for path in site.content.rglob("*"):
        os.utime(path, (past, past))


def fresh_tree(site, tmp_path, with_folders=False):
    """The same content built where no cache exists: everything rendered (``with_folders``: and its folders)."""
    fresh = Site(tmp_path / "fresh")
    shutil.copytree(site.content / "balai-uji", fresh.content / "balai-uji")
    assert fresh.build()[0].ok
    return (fresh.tree(), folders(fresh)) if with_folders else fresh.tree()


def folders(site) -> set[str]:
    """Every folder of the site, empty ones too: a page's folder made ahead (reuse.FolderMaking) must not stay."""
    base = site.output / "balai-uji"
    return {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_dir()}


def pages(site) -> dict[str, int]:
    """Each page of the site by the file it is (its inode): a page taken from the last site is the same file."""
    base = site.output / "balai-uji"
    return {p.relative_to(base).as_posix(): p.stat().st_ino for p in base.rglob("*.html")}


def kept(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {path for path, inode in after.items() if before.get(path) == inode}


def test_an_edit_after_the_summary_reaches_its_page_only(site, tmp_path):
    write_articles(site)
    long_body = "Ringkasan berita 0. " + "Kalimat panjang untuk isi berita. " * 12  # more than a summary's words
    site.write("news/2020/berita-00.md", ARTICLE.format(title="Berita 0", day=1, body=long_body))
    age(site)
    site.build()
    before = pages(site)
    edited = ARTICLE.format(title="Berita 0", day=1, body=long_body).replace(
        "Paragraf kedua.", "Kalimat yang diperbaiki."
    )
    site.write("news/2020/berita-00.md", edited)  # after the first paragraph, which is the summary
    site.build()
    assert "Kalimat yang diperbaiki." in site.page("berita/2020/berita-00").get_text()
    assert "Kalimat yang diperbaiki." not in site.page("berita/2").get_text()  # listings show the first words
    after = pages(site)
    assert "berita/2020/berita-00/index.html" not in kept(before, after)  # it read the body: rendered
    assert len(kept(before, after)) > len(after) / 2  # most pages came from the last site
    assert site.tree() == fresh_tree(site, tmp_path)


def test_new_first_words_reach_the_home_page_and_every_listing(site, tmp_path):
    """Without ``Summary:`` a listing shows a body's first words, even on pages that do not list the body itself."""
    write_articles(site)
    age(site)
    site.build()
    site.write("news/2020/berita-11.md", ARTICLE.format(title="Berita 11", day=12, body="Pembuka yang baru."))
    site.build()
    assert "Pembuka yang baru." in site.page("").get_text()
    assert "Pembuka yang baru." in site.page("tag/rapat").get_text()
    assert site.tree() == fresh_tree(site, tmp_path)


def test_a_new_title_reaches_every_page_that_names_the_article(site, tmp_path):
    write_articles(site)
    age(site)
    site.build()
    site.write("news/2020/berita-11.md", ARTICLE.format(title="Judul Baru", day=12, body="Ringkasan berita 11."))
    site.build()
    assert "Judul Baru" in site.page("").get_text()
    assert "Judul Baru" in site.page("berita").get_text()
    assert "Judul Baru" in site.page("arsip").get_text()
    assert site.tree() == fresh_tree(site, tmp_path)


def test_a_publish_build_after_a_preview_renders_every_page_with_its_addresses(site):
    write_articles(site, count=2)
    age(site)
    site.build()
    before = pages(site)
    assert build_units(["balai-uji"], site.content, site.output, publish=True)[0].ok
    assert not kept(before, pages(site))
    assert site.page("").select_one("main a")["href"].startswith("https://")


def test_a_changed_image_renders_the_site_again(site):
    logo = site.content / "balai-uji" / "images" / "logo.png"
    logo.parent.mkdir(parents=True)
    Image.new("RGB", (4, 4)).save(logo)
    toml = site.content / "balai-uji" / "unit.toml"
    toml.write_text(toml.read_text() + 'logo = "images/logo.png"\n')
    write_articles(site, count=2)
    age(site)
    assert site.build()[0].ok
    before, black = pages(site), site.page("").select_one(".site-brand img")["src"]
    Image.new("RGB", (8, 8), "white").save(logo)  # the header inlines the logo (plugins/first_view)
    [build] = site.build()
    assert build.ok, build.log
    assert site.page("").select_one(".site-brand img")["src"] == header_logo(logo) != black
    assert not kept(before, pages(site))


BILINGUAL = {
    "news/2021/rapat.md": "Title: Rapat Koordinasi\nDate: 2021-03-30 09:00\nCategory: Kegiatan\nTags: rapat\n"
    "Penulis: Ani\n\nRapat dimulai.\n",
    "news/2021/rapat.en.md": "Title: Coordination Meeting\n\nThe meeting began.\n",
    "news/2021/kunjungan.md": "Title: Kunjungan\nDate: 2021-04-02 10:00\nTags: rapat, kunjungan\nPenulis: Budi\n\n"
    "Kunjungan kerja.\n",
    "pages/profil.md": "Title: Profil\n\nTentang balai.\n",
    "pages/profil.en.md": "Title: Profile\n\nAbout the centre.\n",
}
EDITS = {  # what staff change, as (file, text before, text after); None after: the file is deleted
    "original title": ("news/2021/rapat.md", "Title: Rapat Koordinasi", "Title: Rapat Besar"),
    "original date": ("news/2021/rapat.md", "Date: 2021-03-30", "Date: 2020-03-30"),
    "category": ("news/2021/rapat.md", "Category: Kegiatan", "Category: Pengumuman"),
    "translation title": ("news/2021/rapat.en.md", "Title: Coordination Meeting", "Title: Big Meeting"),
    "credits": ("news/2021/kunjungan.md", "Penulis: Budi", "Penulis: Citra; Dewi"),
    "tags": ("news/2021/kunjungan.md", "Tags: rapat, kunjungan", "Tags: lain"),
    "page title": ("pages/profil.md", "Title: Profil", "Title: Tentang Kami"),
    "unit name": ("unit.toml", 'name = "Balai Uji Coba', 'name = "Balai Baru'),
    "new article": ("news/2021/baru.md", "", "Title: Baru\nDate: 2021-05-01\nPenulis: Eka\nTags: rapat\n\nBaru.\n"),
    "deleted article": ("news/2021/kunjungan.md", "", None),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_every_kind_of_edit_gives_the_pages_a_fresh_build_gives(site, tmp_path, edit):
    write_articles(site, count=11)
    for path, text in BILINGUAL.items():
        site.write(path, text)
    age(site)
    site.build()
    path, before, after = EDITS[edit]
    target = site.content / "balai-uji" / path
    if after is None:
        target.unlink()
    else:
        target.write_text(target.read_text().replace(before, after) if before else after, encoding="utf-8")
    assert site.build()[0].ok
    assert (site.tree(), folders(site)) == fresh_tree(site, tmp_path, with_folders=True)


def test_the_cycle_collector_is_held_off_only_while_the_record_is_handled():
    assert gc.isenabled()
    with pytest.raises(OSError), collector_paused():
        assert not gc.isenabled()
        raise OSError("the record could not be written")
    assert gc.isenabled()  # back on, even after a failure
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # left off, as its caller had it
    finally:
        gc.enable()
