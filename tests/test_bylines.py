"""Bylines: credits parsed from the header, the credit block, schema.org JSON-LD and person pages."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from pelican.contents import Author
from PIL import Image

from plugins.bylines.bylines import attach_credits
from plugins.bylines.jsonld import jsonld_of
from plugins.bylines.pages import contributors_of
from plugins.bylines.people import ROLES, core_name, credits_of, person_slug
from warta import ROOT
from warta.model.contract import NEWS, PAGE, check_document, parse_document, split_names
from warta.model.units import Unit

UNIT = Unit(
    slug="balai-uji",
    path=Path("content/balai-uji"),
    name="Balai Uji Coba",
    site_url="https://uji.example.go.id",
    name_en="Test Centre",
    short_name="Balai Uji",
    logo="images/logo.png",
)
SETTINGS = {"UNIT": UNIT, "DEFAULT_LANG": "id"}
DONE_WHEN = "Puti Chairida Anwar, S.Psi., M.Si.; Humas Balai Melati"


def credits_from(header, lang="id"):
    """The credits of a file whose header is ``header``, as the reader and the plugin see it."""
    doc = parse_document(f"Title: T\n{header}\n\nx", Path("news/x.md"))
    item = SimpleNamespace(lang=lang, **{role: split_names(doc.get(role)) for role in ROLES})
    return {role.key: role.people for role in credits_of(item, SETTINGS)}


def names(people):
    return [person.name for person in people]


# Parsing


def test_degrees_stay_with_the_name_and_organizations_are_recognised():
    found = credits_from(f"Penulis: {DONE_WHEN}")
    assert names(found["writer"]) == ["Puti Chairida Anwar, S.Psi., M.Si.", "Humas Balai Melati"]
    assert [p.organization for p in found["writer"]] == [False, True]
    assert [p.url for p in found["writer"]] == ["kontributor/puti-chairida-anwar/", "kontributor/humas-balai-melati/"]


def test_semicolons_spacing_and_empty_entries():
    found = credits_from("Fotografer:   Eko Saputra ;;  Purwanto;  ")
    assert names(found["photographer"]) == ["Eko Saputra", "Purwanto"]


def test_mixed_case_and_languages_of_keys_in_role_order():
    found = credits_from("PHOTOGRAPHER: Eko\npenerjemah: Rina\nWriter: Ani\nEDITOR: Budi")
    assert list(found) == ["writer", "editor", "translator", "photographer"]
    assert names(found["translator"]) == ["Rina"] and names(found["writer"]) == ["Ani"]


def test_author_is_writer_and_a_second_name_of_the_writer_key_is_an_error():
    doc = parse_document("Title: T\nDate: 2020-01-01\nAuthor: Ani\nPenulis: Budi\n\nx", Path("news/x.md"))
    assert split_names(doc.get("writer")) == ["Ani"]
    found = [p.format("id") for p in check_document(doc, NEWS, "Asia/Jakarta")]
    assert found == [
        "news/x.md:4: kesalahan: 'Penulis' dan 'Author' (baris 3) adalah keterangan yang sama dengan dua nama; "
        "hapus salah satu barisnya"
    ]


def test_one_key_written_twice_is_a_warning():
    doc = parse_document("Title: T\nDate: 2020-01-01\nPenulis: Ani\npenulis: Budi\n\nx", Path("news/x.md"))
    found = [p.format("id") for p in check_document(doc, NEWS, "Asia/Jakarta")]
    assert found == [
        "news/x.md:4: peringatan: 'penulis' ditulis lebih dari sekali dan hanya baris pertama yang dipakai; hapus "
        "baris ini atau baris yang pertama"
    ]


def test_one_name_twice_in_a_role_is_credited_once_as_first_written():
    found = credits_from("Penulis: Andi Pratama, S.Sos.; andi pratama; Humas Balai Uji")
    assert names(found["writer"]) == ["Andi Pratama, S.Sos.", "Humas Balai Uji"]


def test_non_ascii_names_keep_their_letters_and_get_ascii_slugs():
    found = credits_from("Penulis: Ñoman Müller; 王小明; I Gusti Ngurah Putu Ángel")
    assert names(found["writer"]) == ["Ñoman Müller", "王小明", "I Gusti Ngurah Putu Ángel"]
    assert [p.slug for p in found["writer"]] == ["noman-muller", "wang-xiao-ming", "i-gusti-ngurah-putu-angel"]


@pytest.mark.parametrize(
    ("written", "core"),
    [
        ("Puti Chairida Anwar, S.Psi., M.Si.", "Puti Chairida Anwar"),
        ("Dra. Sri Wahyuni, M.Kes.", "Sri Wahyuni"),
        ("Ns. Maria Goreti Lamba, S.Kep.", "Maria Goreti Lamba"),
        ("Andi Pratama S.Sos.", "Andi Pratama"),
        ("Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D.", "Budi Santoso"),
        ("Intan Qonita N.", "Intan Qonita N."),  # an initial, not a degree
        ("M. Ilham Syarif", "M. Ilham Syarif"),  # M. is Muhammad, not a title
    ],
)
def test_degrees_and_titles_do_not_change_the_person(written, core):
    assert core_name(written) == core


def test_one_slug_with_and_without_degrees_in_any_case():
    assert person_slug("Puti Chairida Anwar, S.Psi., M.Si.") == person_slug("PUTI CHAIRIDA ANWAR")
    assert person_slug("Puti Chairida Anwar") == "puti-chairida-anwar"
    assert person_slug("Puti Anwar") != person_slug("Puti Chairida Anwar")
    assert person_slug("?!") == ""


@pytest.mark.parametrize(
    ("name", "organization"),
    [
        ("Humas Balai Melati", True),
        ("Tim Redaksi", True),
        ("Dok. Balai Uji", True),
        ("Kementerian Sosial RI", True),
        ("balai uji", True),  # the unit's short name
        ("Test Centre", True),  # the unit's English name
        ("Timotius Ardi", False),  # starts with "Tim" but is a person
        ("Dra. Sri Wahyuni, M.Kes.", False),
    ],
)
def test_organization_rule(name, organization):
    [person] = credits_from(f"Penulis: {name}")["writer"]
    assert person.organization is organization


def test_english_content_links_to_english_person_pages():
    [person] = credits_from("Translator: Rina Hartati", lang="en")["translator"]
    assert person.url == "en/kontributor/rina-hartati/"


# The content check


def check(text, kind=NEWS, lang="id"):
    doc = parse_document(text, Path("news/x.md"))
    return [p.format(lang) for p in check_document(doc, kind, "Asia/Jakarta")]


def test_names_joined_by_commas_are_a_warning_with_line_in_both_languages():
    text = "Title: T\nDate: 2020-01-01\nPenulis: Humas Balai Uji\nFotografer: Ani, Budi, Citra\n\nx"
    [indonesian] = check(text)
    [english] = check(text, lang="en")
    assert indonesian.startswith("news/x.md:4: peringatan: 'Fotografer: Ani, Budi, Citra' tampaknya berisi beberapa")
    assert "pisahkan nama dengan titik koma ';'" in indonesian
    assert english.startswith("news/x.md:4: warning: 'Fotografer: Ani, Budi, Citra' looks like several names")


@pytest.mark.parametrize(
    "value",
    [DONE_WHEN, "Andi, SH, MH", "Budi Santoso, PhD", "Bambang Sutrisno, S.E., M.M.", "Dra. Sri Wahyuni, M.Kes."],
)
def test_degrees_after_commas_are_no_warning(value):
    assert check(f"Title: T\nDate: 2020-01-01\nPenulis: {value}\n\nx") == []


def test_an_empty_credit_key_is_a_warning_and_an_empty_writer_an_error():
    found = check("Title: T\nDate: 2020-01-01\nPenulis: Ani\nEditor:\nPenerjemah: ;\n\nx")
    assert found == [
        "news/x.md:4: peringatan: 'Editor' kosong sehingga tidak ada nama yang ditampilkan; tulis namanya sesudah "
        "'Editor:' atau hapus baris ini",
        "news/x.md:5: peringatan: 'Penerjemah' kosong sehingga tidak ada nama yang ditampilkan; tulis namanya "
        "sesudah 'Penerjemah:' atau hapus baris ini",
    ]
    empty_writer = check("Title: T\nDate: 2020-01-01\nPenulis:\n\nx")[0]
    assert empty_writer.startswith("news/x.md:3: kesalahan: 'Penulis' wajib diisi, tetapi masih kosong")
    [photographer] = check("Title: T\nFotografer:\n\nx", kind=PAGE)
    assert photographer.startswith("news/x.md:2: peringatan: 'Fotografer' kosong")


# JSON-LD for any content object (the hook galleries use)


def test_jsonld_of_any_object_as_image_gallery():
    photographers = ["Eko Saputra", "Dok. Balai Uji"]
    gallery = SimpleNamespace(title="Galeri & Foto", url="galeri/hut/", lang="id", photographer=photographers)
    data = jsonld_of(gallery, "ImageGallery", credits_of(gallery, SETTINGS), UNIT)
    assert data["@type"] == "ImageGallery" and data["headline"] == data["name"] == "Galeri & Foto"
    assert "description" not in data  # no summary
    gallery.summary_text = "Suasana peringatan."
    assert jsonld_of(gallery, "ImageGallery", [], UNIT)["description"] == "Suasana peringatan."
    assert data["url"] == "https://uji.example.go.id/galeri/hut/"
    assert [(c["@type"], c["name"]) for c in data["contributor"]] == [
        ("Person", "Eko Saputra"),
        ("Organization", "Dok. Balai Uji"),
    ]
    assert data["image"] == "https://uji.example.go.id/images/logo.png"
    assert "datePublished" not in data and "author" not in data


# Whole builds


def jsonld(page):
    [script] = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def credit_block(page):
    """{label: [names]} of the page's credit block, as a visitor reads it."""
    block = page.select_one("dl.credits")
    return {dt.get_text(): [a.get_text() for a in dt.find_next_sibling("dd").select("a")] for dt in block.select("dt")}


def write_news(site, name, header, year="2020", date="2020-11-13 10:00"):
    site.write(f"news/{year}/{name}.md", f"Title: Berita {name}\nDate: {date}\n{header}\n\nIsi berita.\n")


def test_done_when_two_writers_shown_and_exactly_two_authors_in_jsonld(site):
    write_news(site, "pelatihan", f"Penulis: {DONE_WHEN}\nEditor: Intan Qonita N\nFotografer: Eko Saputra; Purwanto")
    [build] = site.build()
    assert build.ok, build.log
    page = site.page("berita/2020/pelatihan")
    assert credit_block(page) == {
        "Penulis": ["Puti Chairida Anwar, S.Psi., M.Si.", "Humas Balai Melati"],
        "Editor": ["Intan Qonita N"],
        "Fotografer": ["Eko Saputra", "Purwanto"],
    }
    data = jsonld(page)
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "id"
    assert {(a["@type"], a["name"]) for a in data["author"]} == {
        ("Person", "Puti Chairida Anwar, S.Psi., M.Si."),
        ("Organization", "Humas Balai Melati"),
    }
    assert len(data["author"]) == 2
    assert [e["name"] for e in data["editor"]] == ["Intan Qonita N"]
    assert {c["name"] for c in data["contributor"]} == {"Eko Saputra", "Purwanto"}
    assert "translator" not in data
    assert data["headline"] == "Berita pelatihan"
    assert data["datePublished"] == data["dateModified"] == "2020-11-13T10:00:00+07:00"
    publisher = {"@type": "Organization", "name": "Balai Uji Coba balai-uji", "url": "https://balai-uji.example.go.id/"}
    assert data["publisher"] == publisher
    assert "image" not in data  # no cover and no logo


def test_every_credited_person_has_a_page_listing_works_by_role(site):
    write_news(site, "satu", "Penulis: Andi Pratama, S.Sos.; Humas Balai Uji\nEditor: Dra. Sri Wahyuni, M.Kes.")
    write_news(site, "dua", "Penulis: Sri Wahyuni\nEditor: andi pratama\nPenerjemah: Rina", date="2020-12-01")
    site.write("pages/profil.md", "Title: Profil\nFotografer: Andi Pratama S.Sos.\n\nTentang balai.\n")
    site.build()
    article = site.page("berita/2020/satu")
    for link in article.select("dl.credits a"):
        target = (site.output / "balai-uji/berita/2020/satu" / link["href"]).resolve()
        assert (target / "index.html").is_file(), link["href"]
    people = sorted(p.name for p in (site.output / "balai-uji/kontributor").iterdir())
    assert people == ["andi-pratama", "humas-balai-uji", "rina", "sri-wahyuni"]
    andi = site.page("kontributor/andi-pratama")
    assert andi.h1.get_text() == "Kontributor: Andi Pratama, S.Sos."  # the fullest written form
    roles = {s.h2.get_text(): [a.get_text() for a in s.select("li a")] for s in andi.select("section")}
    assert roles == {"Penulis": ["Berita satu"], "Editor": ["Berita dua"], "Fotografer": ["Profil"]}
    for link in andi.select("section a"):
        assert (site.output / "balai-uji/kontributor/andi-pratama" / link["href"] / "index.html").is_file()
    assert andi.html["lang"] == "id"


def test_a_page_gets_credits_and_webpage_jsonld(site):
    site.write("pages/profil.md", "Title: Profil\nPenulis: Tim Redaksi\nEditor: Budi\n\nTentang balai.\n")
    site.write("pages/kontak.md", "Title: Kontak\n\nAlamat.\n")
    site.build()
    page = site.page("profil")
    assert credit_block(page) == {"Penulis": ["Tim Redaksi"], "Editor": ["Budi"]}
    data = jsonld(page)
    assert data["@type"] == "WebPage" and data["url"] == "https://balai-uji.example.go.id/profil/"
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "Tim Redaksi",
            "url": "https://balai-uji.example.go.id/kontributor/tim-redaksi/",
        }
    ]
    assert "datePublished" not in data
    contact = site.page("kontak")
    assert contact.select_one("dl.credits") is None and "author" not in jsonld(contact)


def test_cover_else_logo_is_the_image(site):
    site.unit(toml='name = "Balai Uji"\nsite_url = "https://uji.example.go.id"\nlogo = "images/logo.png"\n')
    site.write("images/logo.png", "png")
    photo = site.content / "balai-uji/images/sampul.jpg"
    Image.new("RGB", (800, 600), "teal").save(photo)
    write_news(site, "dengan-sampul", "Penulis: Ani\nCover: images/sampul.jpg")
    write_news(site, "tanpa-sampul", "Penulis: Ani")
    site.build()
    page = site.page("berita/2020/dengan-sampul")
    covered = jsonld(page)
    card = page.find("meta", property="og:image")["content"]
    assert covered["image"] == card and card.startswith("https://uji.example.go.id/foto/sampul-")
    assert card.endswith("-card.jpg") and "images/sampul.jpg" not in str(covered)
    assert covered["publisher"]["logo"]["url"] == "https://uji.example.go.id/images/logo.png"
    assert jsonld(site.page("berita/2020/tanpa-sampul"))["image"] == "https://uji.example.go.id/images/logo.png"


def test_jsonld_cannot_close_its_script(site):
    write_news(site, "aneh", "Penulis: Ani </script><script>alert(1)</script> & Budi")
    site.build()
    html = (site.output / "balai-uji/berita/2020/aneh/index.html").read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script
    assert json.loads(script)["author"][0]["name"] == "Ani </script><script>alert(1)</script> & Budi"
    page = BeautifulSoup(html, "html.parser")
    share = (ROOT / "theme/static/js/share.js").read_text(encoding="utf-8")
    assert [script.string for script in page.select("script:not([type])")] == [share], "the theme's inlined alone"
    assert credit_block(page)["Penulis"] == ["Ani </script><script>alert(1)</script> & Budi"]


def test_english_page_shows_its_own_translator_and_the_original_credits(site):
    write_news(site, "pelatihan", f"Penulis: {DONE_WHEN}\nEditor: Intan Qonita N\nFotografer: Eko Saputra")
    site.write("news/2020/pelatihan.en.md", "Title: Training\nTranslator: Rina Hartati, S.S.\n\nThe text.\n")
    [build] = site.build()
    assert build.ok, build.log
    page = site.page("en/berita/2020/pelatihan")
    assert page.html["lang"] == "en"
    assert credit_block(page) == {
        "Writer": ["Puti Chairida Anwar, S.Psi., M.Si.", "Humas Balai Melati"],
        "Editor": ["Intan Qonita N"],
        "Translator": ["Rina Hartati, S.S."],
        "Photographer": ["Eko Saputra"],
    }
    data = jsonld(page)
    assert data["inLanguage"] == "en" and data["publisher"]["name"] == "Balai Uji Coba balai-uji"
    assert [t["name"] for t in data["translator"]] == ["Rina Hartati, S.S."]
    assert {a["name"] for a in data["author"]} == {"Puti Chairida Anwar, S.Psi., M.Si.", "Humas Balai Melati"}
    person = site.page("en/kontributor/rina-hartati")
    assert person.h1.get_text() == "Contributor: Rina Hartati, S.S."
    assert [h2.get_text() for h2 in person.select("section h2")] == ["Translator"]
    for link in page.select(".credits a"):
        assert (site.output / "balai-uji" / link["href"].replace("../", "")).exists(), link["href"]
    switch = person.select_one('link[hreflang="id"]')
    assert switch is None or switch["href"].endswith("/kontributor/rina-hartati/")


def test_indonesian_translator_label(site):
    write_news(site, "terjemahan", "Penulis: Ani\nPenerjemah: Rina Hartati")
    site.build()
    assert credit_block(site.page("berita/2020/terjemahan"))["Penerjemah"] == ["Rina Hartati"]


def test_pelican_authors_point_at_the_person_pages():
    settings = dict(SETTINGS, AUTHOR_URL="kontributor/{slug}/", AUTHOR_SAVE_AS="")
    writers = ["Andi Pratama, S.Sos.", "Humas Balai Uji"]
    item = SimpleNamespace(lang="id", settings=settings, writer=writers, authors=[Author(n, settings) for n in writers])
    attach_credits(item)
    assert [a.url for a in item.authors] == ["kontributor/andi-pratama/", "kontributor/humas-balai-uji/"]
    assert Author("Andi Pratama", settings) != item.authors[0]  # Pelican's own slug would differ


def test_english_person_pages_live_under_en():
    gallery = SimpleNamespace(title="Gallery", lang="en", photographer=["Eko", "Eko Saputra"])  # no credits attached
    article = SimpleNamespace(title="Training", lang="en", date=None, writer=["ani", "Ani, S.Psi."])
    article.credits = credits_of(article, SETTINGS)
    ani, eko, eko_saputra = contributors_of([article, gallery], SETTINGS, prefix="en/")
    assert (ani.url, ani.name, ani.roles) == ("en/kontributor/ani/", "ani", [("writer", [article])])
    assert eko.roles == eko_saputra.roles == [("photographer", [gallery])]
