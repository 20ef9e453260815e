"""A tiny bilingual unit: English URLs, inheritance, hreflang both ways, the switch, English listings and feeds."""

from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import Site

from warta import ROOT
from warta.model.contract import parse_document
from warta.model.problems import ContentError
from warta.model.translations import (
    category_names_en,
    english_category,
    inherit,
    is_translation,
    lang_of,
    original_name,
    original_path,
    split_suffix,
    translation_key,
)
from warta.tool.check import check_unit
from warta.tool.pelican_process import render

SITE_URL = "https://balai-uji.example.go.id"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ORIGINAL = """\
Title: Rapat Koordinasi Pendamping
Date: 2022-03-30 09:00
Modified: 2022-04-02
Place: Jakarta
Category: Kegiatan
Tags: rapat, pendamping
Penulis: Puti Chairida Anwar, S.Psi., M.Si.
Fotografer: Eko Saputra

Paragraf pertama rapat.
"""
TRANSLATION = """\
Title: Companions' Coordination Meeting
Penerjemah: Intan Qonita N

First paragraph of the meeting.
"""


def news(title, date, category="Berita"):
    return f"Title: {title}\nDate: {date}\nCategory: {category}\nPenulis: Humas\n\nIsi {title}.\n"


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    """One unit with translated and Indonesian-only news and pages, built once for the tests that only read it."""
    site = Site(tmp_path_factory.mktemp("bilingual"))
    site.unit(
        toml=f'name = "Balai Uji"\nname_en = "Test Centre"\nsite_url = "{SITE_URL}"\n'
        '[categories]\n"Layanan Khusus" = "Special Services"\n'
    )
    site.write("news/2022/rapat.md", ORIGINAL)
    site.write("news/2022/rapat.en.md", TRANSLATION)
    site.write("news/2021/layanan.md", news("Layanan Baru", "2021-05-01", "Layanan Khusus"))
    site.write("news/2021/layanan.en.md", "Title: New Service\n\nThe service.\n")
    site.write("news/2021/hanya-indonesia.md", news("Hanya Bahasa Indonesia", "2021-06-01", "Pengumuman"))
    # The same file name in two years: each translation pairs with its own original, not by slug.
    site.write("news/2020/hari-anak.md", news("Hari Anak 2020", "2020-07-23"))
    site.write("news/2021/hari-anak.md", news("Hari Anak 2021", "2021-07-23"))
    site.write("news/2021/hari-anak.en.md", "Title: Children's Day 2021\n\nCelebrated.\n")
    site.write("news/2021/kunjungan.md", "Slug: kunjungan-menteri\n" + news("Kunjungan", "2021-02-01"))
    site.write("news/2021/kunjungan.en.md", "Title: The Minister's Visit\n\nVisit.\n")
    site.write("news/2021/rahasia.md", "Status: draft\n" + news("Rahasia", "2021-03-01"))
    site.write("news/2021/rahasia.en.md", "Title: Secret\n\nNot yet.\n")
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    site.write("pages/profil.en.md", "Title: Profile\n\nAbout the centre.\n")
    site.write("pages/kontak.md", "Title: Kontak\n\nHubungi kami.\n")
    for number in range(1, 11):  # older news, so that the English news list has a second page
        site.write(f"news/2019/kabar-{number:02}.md", news(f"Kabar {number}", f"2019-01-{number:02}"))
        site.write(f"news/2019/kabar-{number:02}.en.md", f"Title: Story {number}\n\nStory.\n")
    [build] = site.build()
    assert build.ok, build.log
    return site


def test_english_version_lives_at_en_plus_the_indonesian_url(bilingual):
    english = bilingual.page("en/berita/2022/rapat")
    assert english.html["lang"] == "en"
    assert english.h1.get_text() == "Companions' Coordination Meeting"
    assert bilingual.page("berita/2022/rapat").html["lang"] == "id"
    assert bilingual.page("en/berita/2021/kunjungan-menteri").h1.get_text() == "The Minister's Visit"
    assert bilingual.page("en/profil").h1.get_text() == "Profile"


def test_translation_inherits_what_it_omits_and_brings_its_own(bilingual):
    english = bilingual.page("en/berita/2022/rapat")
    assert english.select_one(".body p").get_text() == "JAKARTA (30 March 2022) \u2013 First paragraph of the meeting."
    meta = english.select_one(".meta").get_text(" ", strip=True)
    assert "30 March 2022" in meta and "Last updated 2 April 2022" in meta
    credits = english.select_one(".credits").get_text(" ", strip=True)
    assert "Writer Puti Chairida Anwar, S.Psi., M.Si." in credits
    assert "Photographer Eko Saputra" in credits and "Translator Intan Qonita N" in credits
    assert "Penerjemah" not in bilingual.page("berita/2022/rapat").select_one(".credits").get_text()
    kicker = english.select_one(".kicker a")
    assert kicker.get_text() == "Activities" and kicker["href"].endswith("en/kategori/kegiatan/")
    assert [a["href"].split("en/")[-1] for a in english.select(".tags a")] == ["tag/rapat/", "tag/pendamping/"]


def hreflangs(page):
    return {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}


@pytest.mark.parametrize("url", ["berita/2022/rapat", "en/berita/2022/rapat"])
def test_hreflang_pairs_both_ways(bilingual, url):
    assert hreflangs(bilingual.page(url)) == {
        "id": f"{SITE_URL}/berita/2022/rapat/",
        "en": f"{SITE_URL}/en/berita/2022/rapat/",
        "x-default": f"{SITE_URL}/berita/2022/rapat/",
    }


def test_og_locale_follows_the_page(bilingual):
    english, indonesian = bilingual.page("en/profil"), bilingual.page("profil")
    assert english.select_one('meta[property="og:locale"]')["content"] == "en_US"
    assert english.select_one('meta[property="og:locale:alternate"]')["content"] == "id_ID"
    assert indonesian.select_one('meta[property="og:locale"]')["content"] == "id_ID"
    untranslated = bilingual.page("kontak")
    assert untranslated.select('meta[property="og:locale:alternate"]') == []
    assert hreflangs(untranslated) == {}


@pytest.mark.parametrize(
    ("url", "target", "translated"),
    [
        ("berita/2022/rapat", "en/berita/2022/rapat/", True),
        ("en/berita/2022/rapat", "berita/2022/rapat/", True),
        ("berita/2021/hanya-indonesia", "en/", False),
        ("kontak", "en/", False),
        ("kategori/kegiatan", "en/kategori/kegiatan/", True),
        ("kategori/pengumuman", "en/", False),
        ("en/arsip", "arsip/", True),
        ("", "en/", True),
        ("en", "", True),
    ],
)
def test_language_switch_goes_to_the_same_content_or_the_other_home(bilingual, url, target, translated):
    page = bilingual.page(url)
    link = page.select_one(".language-switch a")
    depth = len([part for part in url.split("/") if part])
    resolved = link["href"].removeprefix("../" * depth) if depth else link["href"].removeprefix("./")
    assert resolved == target
    assert link["hreflang"] == ("id" if url.startswith("en") else "en")
    assert (link.get("rel") == ["alternate"]) is translated


def test_english_home_lists_english_news_and_counts_the_rest(bilingual):
    home = bilingual.page("en")
    titles = [a.get_text() for a in home.select(".article-card h3 a")]
    assert titles == [
        "Companions' Coordination Meeting",
        "Children's Day 2021",
        "New Service",
        "The Minister's Visit",
        "Story 10",
        "Story 9",
    ]
    assert home.h1.get_text() == "Test Centre" and bilingual.page("").h1.get_text() == "Balai Uji"
    note = home.select_one(".untranslated-note")
    assert "2 more articles are available in Indonesian only." in note.get_text()
    assert note.a["href"].endswith("berita/") and "en/" not in note.a["href"]
    assert home.select_one("h2").get_text() == "Latest news"
    nav = {a.get_text(): a for a in home.select("nav.site-nav a")}
    assert list(nav) == ["Home", "News", "Profile", "Kontak"]
    assert nav["News"]["href"].endswith("en/berita/") and nav["Kontak"]["lang"] == "id"
    indonesian = [a.get_text() for a in bilingual.page("").select(".article-card h3 a")]
    assert "Companions' Coordination Meeting" not in indonesian and "Rapat Koordinasi Pendamping" in indonesian
    assert bilingual.page("").select(".untranslated-note") == []


def test_english_taxonomies_and_archives(bilingual):
    category = bilingual.page("en/kategori/kegiatan")
    assert category.h1.get_text() == "Category: Activities"
    assert [a.get_text() for a in category.select(".article-card h2 a")] == ["Companions' Coordination Meeting"]
    assert bilingual.page("en/kategori/layanan-khusus").h1.get_text() == "Category: Special Services"
    categories = [a.get_text() for a in bilingual.page("en/kategori").select(".term-list a")]
    assert categories == ["Activities", "News", "Special Services"]
    assert "Children's Day 2021" in bilingual.page("en/kategori/berita").get_text()
    assert bilingual.page("en/tag/rapat").h1.get_text() == "Tag: rapat"
    archive = bilingual.page("en/arsip")
    assert archive.h1.get_text() == "Archive" and "30 March 2022" in archive.get_text()
    assert "Hanya Bahasa Indonesia" not in archive.get_text()
    assert not (bilingual.output / "balai-uji/en/kategori/pengumuman").exists()


def test_same_file_name_in_two_years_pairs_with_its_own_original(bilingual):
    assert hreflangs(bilingual.page("berita/2021/hari-anak"))["en"] == f"{SITE_URL}/en/berita/2021/hari-anak/"
    assert hreflangs(bilingual.page("berita/2020/hari-anak")) == {}
    assert not (bilingual.output / "balai-uji/en/berita/2020").exists()


def test_translation_of_a_draft_is_a_draft(bilingual):
    written = "\n".join(bilingual.tree())
    assert "rahasia" not in written


def feed(site, path):
    """The feed's language and its entries' titles."""
    root = ElementTree.parse(site.output / "balai-uji" / path).getroot()
    titles = {entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")}
    return root.get(XML_LANG), titles


def test_feeds_per_language(bilingual):
    english_lang, english_titles = feed(bilingual, "en/feeds/atom.xml")
    indonesian_lang, indonesian_titles = feed(bilingual, "feeds/atom.xml")
    assert english_lang == "en" and indonesian_lang == "id"
    assert "Companions' Coordination Meeting" in english_titles and "Hanya Bahasa Indonesia" not in english_titles
    assert "Companions' Coordination Meeting" not in indonesian_titles and "Hanya Bahasa Indonesia" in indonesian_titles
    feed_link = bilingual.page("en/profil").select_one('link[type="application/atom+xml"]')
    assert feed_link["href"] == f"{SITE_URL}/en/feeds/atom.xml"
    assert bilingual.page("profil").select_one('link[type="application/atom+xml"]')["href"].endswith("/feeds/atom.xml")


def test_assets_and_images_are_written_once(bilingual):
    files = bilingual.tree()
    assert any(name.startswith("theme/css/") for name in files)
    assert not [name for name in files if name.startswith(("en/theme", "en/images"))]


def test_translation_without_original_fails_naming_it(site):
    site.article()
    site.write("news/2020/yatim.en.md", "Title: Orphan\n\nNo original.\n")
    [build] = site.build()
    assert not build.ok
    assert (
        "content/balai-uji/news/2020/yatim.en.md: kesalahan: terjemahan ini tidak punya berkas asli: yatim.md tidak ada"
        in build.log
    )
    [problem] = [p for p in check_unit(site.content / "balai-uji") if p.is_error]
    assert "error: this translation has no original: there is no yatim.md" in problem.format("en")


def test_pelican_alone_refuses_a_translation_without_original(site, tmp_path):
    site.write("pages/visi.en.md", "Title: Vision\n\nx\n")
    with pytest.raises(ContentError) as raised:
        render("balai-uji", site.content, tmp_path / "out")
    assert "pages/visi.en.md: kesalahan: terjemahan ini tidak punya berkas asli" in str(raised.value)


def test_translation_may_not_move_its_address(site):
    site.article(name="rapat")
    site.write("news/2020/rapat.en.md", "Title: Meeting\nDate: 2021-01-01\nCategory: Activities\n\nx\n")
    problems = [p.format("id") for p in check_unit(site.content / "balai-uji")]
    assert any(
        "rapat.en.md:2: peringatan: 'Date' pada terjemahan selalu diambil dari berkas aslinya" in p for p in problems
    )
    assert any("rapat.en.md:3: peringatan: 'Category' pada terjemahan" in p for p in problems)
    assert site.build()[0].ok
    kicker = site.page("en/berita/2020/rapat").select_one(".kicker a")
    assert kicker.get_text() == "Activities" and kicker["href"].endswith("en/kategori/kegiatan/")


def test_two_units_in_one_process_keep_their_own_translations(site, tmp_path):
    site.unit("loka-dua")
    site.article(name="rapat", title="Rapat Balai")
    site.write("news/2020/rapat.en.md", "Title: Only In Balai Uji\n\nx\n")
    site.article(name="rapat", title="Rapat Loka", unit="loka-dua")
    render("balai-uji", site.content, tmp_path / "one")
    render("loka-dua", site.content, tmp_path / "two")
    second = BeautifulSoup((tmp_path / "two/en/index.html").read_text(), "html.parser")
    assert second.select(".article-card") == []
    assert "1 more article is available in Indonesian only." in second.get_text()
    assert not (tmp_path / "two/en/berita/2020").exists()
    first = BeautifulSoup((tmp_path / "one/en/index.html").read_text(), "html.parser")
    assert [a.get_text() for a in first.select(".article-card h3 a")] == ["Only In Balai Uji"]


def template_messages(theme: Path) -> set[str]:
    """Every msgid in the templates, extracted by Babel as ``pybabel extract -F babel.cfg`` does."""
    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
    found = extract_from_dir(str(theme), [("**.html", "jinja2")], options_map={"**.html": options})
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def untranslated(theme: Path, translations: Path) -> list[str]:
    """``lang: msgid`` for each template string without a translation in a catalog."""
    missing = []
    for catalog_path in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        with catalog_path.open("rb") as po:
            catalog = read_po(po)
        for msgid in sorted(template_messages(theme)):
            message = catalog.get(msgid)
            strings = message.string if message is not None else ""
            if not all(strings if isinstance(strings, tuple) else [strings]):
                missing.append(f"{catalog.locale}: {msgid}")
    return missing


def test_every_template_string_is_in_both_catalogs():
    assert untranslated(ROOT / "theme", ROOT / "theme/translations") == []
    assert not list((ROOT / "theme/translations").rglob("*.mo"))


def test_the_catalog_check_catches_a_missing_translation(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/x.html").write_text(
        "{% trans %}News{% endtrans %} {% trans %}Brand new string{% endtrans %}"
    )
    missing = untranslated(tmp_path, ROOT / "theme/translations")
    assert missing == ["en: Brand new string", "id: Brand new string"]


def test_english_news_list_is_paginated(bilingual):
    first, second = bilingual.page("en/berita"), bilingual.page("en/berita/2")
    assert len(first.select(".article-card")) == 10 and len(second.select(".article-card")) == 4
    assert first.select_one('a[rel="next"]')["href"].endswith("en/berita/2/")
    assert second.html["lang"] == "en" and "Page 2 of 2" in second.get_text()
    assert hreflangs(first)["id"] == f"{SITE_URL}/berita/"
    assert hreflangs(second) == {}  # page 2 has no equivalent in Indonesian
    assert second.select_one(".language-switch a")["href"].endswith("../../../berita/")


@pytest.mark.parametrize(
    ("name", "lang", "original"),
    [
        ("rapat.md", "id", "rapat.md"),
        ("rapat.en.md", "en", "rapat.md"),
        ("index.en.md", "en", "index.md"),
        ("rapat.EN.md", "en", "rapat.md"),
        ("laporan.2024.md", "id", "laporan.2024.md"),
    ],
)
def test_language_and_original_come_from_the_file_name(name, lang, original):
    assert lang_of(Path(name)) == lang and original_path(Path(name)) == Path(original)


def test_inheritance_keeps_the_translations_own_fields(tmp_path):
    translation = parse_document("Title: Meeting\nSummary: Short.\nTags: meeting\n\nBody.", tmp_path / "rapat.en.md")
    original = parse_document(ORIGINAL.replace("Title:", "Slug: rapat-kita\nTitle:"), tmp_path / "rapat.md")
    merged = inherit(translation, original)
    assert merged.get("title") == "Meeting" and merged.get("summary") == "Short." and merged.get("tags") == "meeting"
    assert merged.get("date") == "2022-03-30 09:00" and merged.get("place") == "Jakarta"
    assert merged.get("slug") == "rapat-kita" and merged.get("photographer") == "Eko Saputra"
    assert merged.get("translator") == "" and merged.body.strip() == "Body."


def test_english_category_names_from_defaults_and_unit():
    names = category_names_en({"Pendampingan Keluarga": "Family Support", "Berita": "Stories"})
    assert english_category("Kegiatan", names) == "Activities"
    assert english_category("pendampingan keluarga", names) == "Family Support"
    assert english_category("Berita", names) == "Stories"
    assert english_category("Rapat Kerja", names) == "Rapat Kerja"


def test_translation_of_a_broken_original_points_to_the_original(site):
    site.write("news/2020/rapat.md", "Title: Rapat\nDate: 13/11/2020\nPenulis: A\n\nx\n")
    site.write("news/2020/rapat.en.md", "Title: Meeting\n\nx\n")
    problems = sorted(p.format("id", site.root) for p in check_unit(site.content / "balai-uji"))
    assert problems[0] == (
        "content/balai-uji/news/2020/rapat.en.md: kesalahan: terjemahan ini belum dapat terbit karena berkas "
        "aslinya, rapat.md, masih salah; perbaiki dulu kesalahan di rapat.md"
    )
    assert problems[1].startswith(
        "content/balai-uji/news/2020/rapat.md:2: kesalahan: tanggal '13/11/2020' tidak dikenali"
    )
    assert len(problems) == 2


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("en/berita/2022/rapat", "Test Centre"),
        ("en/profil", "Test Centre"),
        ("en/berita", "Test Centre"),
        ("en/arsip", "Test Centre"),
        ("berita/2022/rapat", "Balai Uji"),
        ("berita", "Balai Uji"),
    ],
)
def test_titles_and_cards_name_the_unit_in_the_page_language(bilingual, url, name):
    page = bilingual.page(url)
    assert page.title.get_text().endswith(f"\u2013 {name}")
    assert page.select_one('meta[property="og:site_name"]')["content"] == name


@pytest.mark.parametrize(
    "name", ["rapat.md", "rapat.en.md", "RAPAT.EN.MD", "laporan.2024.md", "a..md", ".md", "..md", ".x.en.md", "x."]
)
def test_the_file_name_is_split_as_pathlib_does(name):
    assert split_suffix(name) == (Path(name).stem, Path(name).suffix)
    if is_translation(name):
        assert original_name(name) == original_path(Path(name)).name


def test_translation_key_is_the_originals_place_in_the_unit(tmp_path):
    unit = tmp_path / "unit"
    (unit / "news" / "2024").mkdir(parents=True)
    (tmp_path / "arsip").mkdir()
    (unit / "news" / "lama").symlink_to(tmp_path / "arsip")  # out of the unit
    assert translation_key(unit / "news/2024/rapat.md", unit) == "news/2024/rapat"
    assert translation_key(str(unit / "news/2024/rapat.en.md"), str(unit)) == "news/2024/rapat"
    assert translation_key(unit / "news/2024/laporan.2024.EN.md", unit) == "news/2024/laporan.2024"
    assert translation_key(unit / "news/2024/../2024/rapat.en.md", unit) == "news/2024/rapat"
    with pytest.raises(ValueError, match="outside"):
        translation_key(unit / "news/lama/rapat.en.md", unit)
    asked = []
    key = translation_key(unit / "news/2024/rapat.en.md", unit, lambda *place: asked.append(place) or "x/y.md")
    assert key == "x/y" and asked == [(unit, str(unit / "news/2024/rapat.md"))]
