"""Indonesian key names (warta.model.keys): a unit written wholly in them is the same site as one written in English."""

import re
from pathlib import Path

import pytest
from PIL import Image

from warta import ROOT
from warta.model.contract import NEWS, check_document, parse_document
from warta.model.keys import HEADER_KEYS, canonical_key, status_meaning
from warta.model.problems import Problem
from warta.tool.check import check_unit

TOML = 'name = "Balai Uji"\nsite_url = "https://uji.example.go.id"\n'

# The same unit twice: every header key written in English, then in Indonesian (credits are Indonesian in both).
ARTICLE = {
    "en": (
        "Title: Pelatihan Kehumasan\nDate: 2024-11-13 10:00\nModified: 2024-11-14\nPlace: Jakarta\n"
        "Category: Kegiatan\nTags: kehumasan, pelatihan\nPenulis: Ani\nGallery: pelatihan\n"
        "Cover: galleries/pelatihan/02.jpg\nSummary: Ringkasan berita.\n\nIsi berita.\n"
    ),
    "id": (
        "Judul: Pelatihan Kehumasan\nTanggal: 2024-11-13 10:00\nDiperbarui: 2024-11-14\nTempat: Jakarta\n"
        "Kategori: Kegiatan\nTag: kehumasan, pelatihan\nPenulis: Ani\nGaleri: pelatihan\n"
        "Sampul: galleries/pelatihan/02.jpg\nRingkasan: Ringkasan berita.\n\nIsi berita.\n"
    ),
}
TRANSLATION = {
    "en": "Title: Public Relations Training\nSummary: A summary.\nPenerjemah: Rina\n\nThe article.\n",
    "id": "Judul: Public Relations Training\nRingkasan: A summary.\nPenerjemah: Rina\n\nThe article.\n",
}
GALLERY = {
    "en": "Title: Pelatihan\nDate: 2024-11-13\nPlace: Jakarta\nFotografer: Eko\nSummary: Foto.\n\n",
    "id": "Judul: Pelatihan\nTanggal: 2024-11-13\nTempat: Jakarta\nFotografer: Eko\nRingkasan: Foto.\n\n",
}
PHOTOS = '![Peserta menyimak](01.jpg "Sesi pertama")\n![Peserta berdiskusi](02.jpg "Diskusi")\n'
DRAFT = {"en": "Title: Rancangan\nDate: 2024-11-12\nPenulis: Ani\nStatus: draft\n\nx\n"}
DRAFT["id"] = "Judul: Rancangan\nTanggal: 2024-11-12\nPenulis: Ani\nStatus: draf\n\nx\n"


def write_unit(site, slug: str, lang: str) -> None:
    site.unit(slug, toml=TOML)
    site.write("news/2024/pelatihan.md", ARTICLE[lang], slug)
    site.write("news/2024/pelatihan.en.md", TRANSLATION[lang], slug)
    site.write("news/2024/rancangan.md", DRAFT[lang], slug)
    index = site.write("galleries/pelatihan/index.md", GALLERY[lang] + PHOTOS, slug)
    draft = site.write("galleries/rancangan/index.md", DRAFT[lang].replace("x\n", PHOTOS), slug)
    for folder in (index.parent, draft.parent):
        for name, colour in (("01.jpg", "teal"), ("02.jpg", "orange")):
            Image.new("RGB", (96, 64), colour).save(folder / name, "JPEG")


def test_a_unit_written_in_indonesian_keys_builds_the_same_site_as_in_english(site):
    write_unit(site, "balai-en", "en")
    write_unit(site, "balai-id", "id")
    for slug in ("balai-en", "balai-id"):
        assert check_unit(site.content / slug, root=site.root) == []
    builds = site.build("balai-en", "balai-id")
    assert all(build.ok for build in builds), [build.log for build in builds]
    english, indonesian = site.tree("balai-en"), site.tree("balai-id")
    assert english.keys() == indonesian.keys()
    # The "Edit this page" link names the unit's folder: the only difference two folders may make.
    differ = [name for name in english if english[name] != indonesian[name].replace(b"/balai-id/", b"/balai-en/")]
    assert differ == []
    # And the fields did reach the page: what the visitor reads comes from the Indonesian keys.
    page = site.page("berita/2024/pelatihan", "balai-id")
    assert page.h1.get_text() == "Pelatihan Kehumasan"
    assert "JAKARTA (13 November 2024)" in page.select_one(".body p").get_text()
    assert [a.get_text() for a in page.select(".tags a")] == ["kehumasan", "pelatihan"]
    assert site.page("en/berita/2024/pelatihan", "balai-id").h1.get_text() == "Public Relations Training"
    assert site.page("galeri/pelatihan", "balai-id").h1.get_text() == "Pelatihan"
    # Status: draf hides the draft, as Status: draft does.
    assert not (site.output / "balai-id/berita/2024/rancangan").exists()
    assert "Rancangan" not in site.page("berita", "balai-id").get_text()
    assert not (site.output / "balai-id/galeri/rancangan").exists()
    assert "Rancangan" not in site.page("galeri", "balai-id").get_text()


@pytest.mark.parametrize(
    ("first", "second", "text"),
    [
        ("Title", "Judul", "Title: Satu\nDate: 2024-01-02\nPenulis: Ani\nJudul: Dua\n\nx\n"),
        ("Tag", "Tags", "Judul: T\nTanggal: 2024-01-02\nTag: a\nTags: b\nPenulis: Ani\n\nx\n"),
        ("Penulis", "Author", "Judul: T\nTanggal: 2024-01-02\nPenulis: Ani\nAuthor: Budi\n\nx\n"),
    ],
)
def test_two_names_for_one_key_are_an_error_at_the_second_line(site, first, second, text):
    site.write("news/2024/a.md", text)
    [problem] = check_unit(site.content / "balai-uji", root=site.root)
    assert problem.is_error and problem.code == "two_key_names"
    said = problem.format("id", site.root)
    assert said.startswith(f"content/balai-uji/news/2024/a.md:4: kesalahan: '{second}' dan '{first}' (baris ")
    assert said.endswith("hapus salah satu barisnya")
    [build] = site.build()
    assert not build.ok and "news/2024/a.md:4: kesalahan:" in build.log


def test_the_same_name_twice_stays_a_warning():
    doc = parse_document("Judul: A\nTanggal: 2024-01-02\nPenulis: Ani\njudul: B\n\nx", Path("news/a.md"))
    [problem] = check_document(doc, NEWS, "Asia/Jakarta")
    assert (problem.code, problem.line, problem.is_error) == ("duplicate_key", 4, False)


def test_every_name_in_the_table_means_its_key_in_any_case():
    for key, names in HEADER_KEYS.items():
        for name in names.all():
            assert canonical_key(name) == canonical_key(name.upper()) == key
    assert canonical_key("Warna") == "warna"
    assert [status_meaning(value) for value in ("draf", "Draft", " DRAF ", "published", "terbit")] == [
        "draft",
        "draft",
        "draft",
        "published",
        None,
    ]


def test_the_example_content_and_the_new_unit_skeleton_teach_the_indonesian_names():
    root = ROOT
    files = [*root.glob("content/*/**/*.md"), *root.glob("warta/model/skeleton/**/*.md")]
    english = [
        f"{path.relative_to(root)}:{found.line}: {found.written_key}"
        for path in files
        for found in parse_document(path.read_text(encoding="utf-8"), path).fields.values()
        if found.written_key != HEADER_KEYS[found.key].indonesian
    ]
    assert files and english == []


def test_the_guide_lists_every_key_by_both_names_and_quotes_a_real_message():
    guide = (ROOT / "docs/menulis.md").read_text(encoding="utf-8")
    table = guide.split("### Keterangan Berita", 1)[1].split("\n#", 1)[0]
    rows = {tuple(re.findall(r"`([^`]+)`", line)[:2]) for line in table.splitlines() if line.startswith("| `")}
    for names in HEADER_KEYS.values():
        if names.indonesian != "Status":
            assert (names.indonesian, names.english) in rows, names
    assert ("Status: draf", "Status: draft") in rows
    shown = Problem.of(Path("content/balai-melati/news/2025/pelatihan-kehumasan.md"), "bad_date", 2, value="13/11/2025")
    assert f"\n{shown.format('id')}\n" in guide
