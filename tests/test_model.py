"""The content model's pure rules without a build: URLs, photo placements, galleries, what a link may land on."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from warta.model import urls
from warta.model.contract import NEWS, PAGE, parse_document
from warta.model.galleries import body_photos, gallery_lines, read_gallery
from warta.model.links import LinkChecker, is_section_url
from warta.model.unit_content import UnitContent
from warta.tool.check import address_of

TIMEZONE = "Asia/Jakarta"


def document(unit: Path, path: str, text: str):
    """``text`` written at ``path`` in ``unit`` and split by the contract (the file exists for paths to resolve)."""
    target = unit / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return parse_document(text, target)


def photo(unit: Path, path: str) -> Path:
    """A file with a photo's name: placements are resolved by name, decoding is the check's and the build's."""
    target = unit / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"JPEG")
    return target


@pytest.mark.parametrize(
    ("path", "header", "kind", "url"),
    [
        ("news/2024/rapat.md", "Date: 2024-11-13 10:00", NEWS, "berita/2024/rapat/"),
        ("news/2024/rapat.en.md", "Date: 2024-11-13", NEWS, "en/berita/2024/rapat/"),
        ("news/2023/lama.md", "Date: 2024-01-01\nSlug: Rapat Besar", NEWS, "berita/2024/rapat-besar/"),
        ("pages/profil.md", "", PAGE, "profil/"),
        ("pages/Tentang Kami.en.md", "", PAGE, "en/tentang-kami/"),
    ],
)
def test_an_items_address_comes_from_its_date_slug_and_language(path, header, kind, url):
    doc = parse_document(f"Title: X\n{header}\n\nx\n", Path(path))
    assert address_of(doc, kind, TIMEZONE) == url


@pytest.mark.parametrize("url", ["berita/", "galeri/", "kategori/kegiatan/", "en/tag/anak/2/", "berita/2024/", ""])
def test_listings_are_addresses_without_a_file(url):
    assert is_section_url(url)


@pytest.mark.parametrize("url", ["berita/2024/rapat/", "profil/", "en/profil/", "kategori"])
def test_items_are_no_listings(url):
    assert not is_section_url(url)


def test_english_urls_are_the_indonesian_ones_behind_en():
    settings = urls.pelican_url_settings()
    assert settings["ARTICLE_LANG_URL"] == "en/" + settings["ARTICLE_URL"]
    assert settings["PAGE_LANG_SAVE_AS"] == "en/{slug}/index.html"
    for url in ("berita/", "profil/", ""):
        assert urls.default_lang_url(urls.in_lang(url, "en")) == url == urls.in_lang(url, "id")


def test_body_photos_are_placed_in_order_with_alt_caption_and_line(tmp_path):
    photo(tmp_path, "images/rapat.jpg")
    photo(tmp_path, "images/Foto (2).JPG")
    doc = document(
        tmp_path,
        "news/2024/rapat.md",
        'Title: Rapat\n\n![Peserta](../../images/rapat.jpg "Sesi pertama")\n\n'
        "![Ruang](<../../images/Foto (2).JPG>)\n![](../../images/rapat.jpg)\n![Luar](https://a.go.id/x.jpg)\n",
    )
    refs, problems = body_photos(doc, tmp_path)
    assert [(ref.path.name, ref.alt, ref.caption, ref.line) for ref in refs] == [
        ("rapat.jpg", "Peserta", "Sesi pertama", 3),
        ("Foto (2).JPG", "Ruang", "", 5),
        ("rapat.jpg", "", "", 6),  # placed, and its missing alt text stops the build
    ]
    assert [(p.code, p.line, p.is_error) for p in problems] == [("photo_no_alt", 6, True), ("image_external", 7, False)]


def test_a_photo_missing_or_outside_the_unit_is_not_placed(tmp_path):
    unit = tmp_path / "balai"
    doc = document(unit, "pages/a.md", "Title: A\n\n![Hilang](../images/x.jpg)\n![Keluar](../../rahasia.jpg)\n")
    refs, problems = body_photos(doc, unit)
    assert refs == [] and [(p.code, p.line) for p in problems] == [("photo_missing", 3), ("photo_outside_unit", 4)]


def test_a_gallery_publishes_only_its_photo_lines(tmp_path):
    folder = tmp_path / "galleries" / "g"
    photo(tmp_path, "galleries/g/01.jpg")
    photo(tmp_path, "images/lain.jpg")
    doc = document(
        tmp_path,
        "galleries/g/index.md",
        "Title: G\n\n![Satu](01.jpg)\nCatatan lepas\n![Lain](../../images/lain.jpg)\n![Web](https://x.id/a.jpg)\n",
    )
    refs, problems = gallery_lines(doc, folder, tmp_path)
    assert [ref.path.name for ref in refs] == ["01.jpg", "lain.jpg"]
    assert sorted((p.code, p.line) for p in problems) == [
        ("gallery_external", 6),
        ("gallery_stray_line", 4),
        ("photo_not_in_gallery", 5),
    ]


def test_a_gallery_reads_its_english_captions_for_its_own_photos(tmp_path):
    folder = tmp_path / "galleries" / "pelatihan"
    for name in ("01.jpg", "02.jpg", "03.jpg"):
        photo(tmp_path, f"galleries/pelatihan/{name}")
    document(tmp_path, "galleries/pelatihan/index.md", "Title: Pelatihan\n\n![Satu](01.jpg)\n![Dua](02.jpg)\n")
    document(tmp_path, "galleries/pelatihan/index.en.md", 'Title: Training\n\n![One](01.jpg "First")\n')
    index, problems = read_gallery(folder, tmp_path, TIMEZONE, UnitContent())
    assert [p.code for p in problems] == ["photo_unlisted"]  # 03.jpg: in the folder, on no line
    assert [ref.path.name for ref in index.photos] == ["01.jpg", "02.jpg"]
    english = index.captions["en"][(folder / "01.jpg").resolve()]
    assert (index.texts["en"].get("title"), english.alt, english.caption) == ("Training", "One", "First")


def test_a_link_to_a_draft_or_a_future_item_lands_on_nothing_published(tmp_path):
    document(tmp_path, "news/2024/draf.md", "Title: D\nDate: 2024-01-01\nStatus: draft\n\nx\n")
    document(tmp_path, "news/2024/nanti.md", "Title: N\nDate: 2024-12-01\n\nx\n")
    document(tmp_path, "news/2024/kini.md", "Title: K\nDate: 2024-01-01\n\nx\n")
    document(tmp_path, "news/2024/kini.en.md", "Title: Now\n\nx\n")
    source = document(
        tmp_path,
        "pages/a.md",
        "Title: A\n\n[d](../news/2024/draf.md) [n](../news/2024/nanti.md)\n"
        "[k](../news/2024/kini.md) [en](../news/2024/kini.en.md) [x](../news/2024/tidak.md)\n",
    )
    now = datetime(2024, 6, 1, tzinfo=ZoneInfo(TIMEZONE))
    links = LinkChecker(tmp_path, TIMEZONE, set(), UnitContent(), now=now)
    found = [(p.code, p.line, dict(p.params)["file"]) for p in links.problems(source)]
    assert found == [
        ("link_unpublished", 3, "../news/2024/draf.md"),
        ("link_unpublished", 3, "../news/2024/nanti.md"),
        ("link_missing", 4, "../news/2024/tidak.md"),
    ]
    assert [p.code for p in links.problems(source, from_draft=True)] == ["link_missing"]
