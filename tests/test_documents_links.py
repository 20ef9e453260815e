"""Documents at /dokumen/, links between content files, links to nothing, and the built site's own link check."""

from __future__ import annotations

import shutil
from pathlib import PurePosixPath

import pytest
from PIL import Image

from warta import ROOT
from warta.model.documents import document_url, human_size
from warta.model.links import body_links
from warta.model.paths import resolve_body_path
from warta.model.problems import ContentError
from warta.tool.check import check_unit
from warta.tool.pelican_process import render
from warta.tool.site_check import broken_links

TYPES = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "zip", "doc", "xls", "ppt")
LABELS = {"docx": "Word", "xlsx": "Excel", "pptx": "PowerPoint", "doc": "Word", "xls": "Excel", "ppt": "PowerPoint"}
NEWS = "Title: {title}\nDate: {date}\nPenulis: {writer}\n\n{body}\n"


def news(site, path, body, title="Berita", date="2022-01-02", writer="Ani"):
    return site.write(path, NEWS.format(title=title, date=date, writer=writer, body=body))


def document(site, path, size=1000):
    target = site.content / "balai-uji" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"%PDF-1.4\n" + b"0" * (size - 9))
    return target


def gallery(site, slug="kunjungan", photographer="Eko Saputra"):
    folder = site.content / "balai-uji" / "galleries" / slug
    folder.mkdir(parents=True)
    Image.new("RGB", (64, 48), "teal").save(folder / "01.jpg")
    index = f"Title: Kunjungan\nDate: 2022-01-01\nFotografer: {photographer}\n\n![Tamu di aula](01.jpg)\n"
    site.write(f"galleries/{slug}/index.md", index)


def links_of(soup):
    return {a.get_text(): a for a in soup.select(".body a")}


def test_a_written_path_is_resolved_as_a_markdown_preview_reads_it(tmp_path):
    unit = tmp_path / "unit"
    news_folder = unit / "news" / "2024"
    news_folder.mkdir(parents=True)
    expected = unit / "documents" / "Laporan 2024.pdf"
    assert resolve_body_path("<../../documents/Laporan 2024.pdf>", news_folder, unit) == expected
    assert resolve_body_path("../../documents/Laporan%202024.pdf#hal-2", news_folder, unit) == expected
    assert resolve_body_path("{static}/documents/Laporan 2024.pdf", news_folder, unit) == expected
    assert resolve_body_path("{filename}../2023/x.md?a=1", news_folder, unit) == unit / "news" / "2023" / "x.md"
    assert resolve_body_path("../../../other-unit/pages/x.md", news_folder, unit) is None


def test_links_are_found_with_their_lines_and_code_is_left_out():
    body = '[a](x.md) and ![photo](p.jpg)\n```\n[not](code.md)\n```\n`[no](span.md)` [b](<y z.md> "t")\n[r]: ref.md'
    assert [(ref.written, ref.line) for ref in body_links(body, 5)] == [("x.md", 5), ("y z.md", 9), ("ref.md", 10)]


def test_document_urls_and_sizes_in_both_languages():
    assert (
        document_url(PurePosixPath("documents/PPID/Laporan Tahunan 2024.PDF"))
        == "dokumen/ppid/laporan-tahunan-2024.pdf"
    )
    assert (human_size(1_258_291, "id"), human_size(1_258_291, "en")) == ("1,2 MB", "1.2 MB")
    assert human_size(2_600, "id") == "3 KB"


def test_documents_and_links_land_on_the_right_page_in_the_right_language(site):
    for kind in TYPES:
        document(site, f"documents/Formulir/Contoh {kind.upper()}.{kind}")
    document(site, "documents/PPID/Laporan Tahunan 2024.pdf", size=1_258_291)
    report = "[Laporan tahunan](<../documents/PPID/Laporan Tahunan 2024.pdf>)"
    forms = "\n".join(f"- [{kind}](../documents/Formulir/Contoh%20{kind.upper()}.{kind})" for kind in TYPES)
    site.write("pages/ppid.md", f"Title: PPID\n\n{report}\n\n{forms}\n\n[Profil](profil.md#visi)\n")
    site.write(
        "pages/ppid.en.md", "Title: PPID\n\n[Annual report]({static}/documents/PPID/Laporan%20Tahunan%202024.pdf)\n"
    )
    site.write("pages/profil.md", "Title: Profil\n\n## Visi\n\nVisi kami.\n")
    site.write("pages/profil.en.md", "Title: Profile\n\nAbout us.\n")
    news(site, "news/2021/lama.md", "Berita lama.", title="Berita Lama", date="2021-03-04")
    gallery(site)
    body = (
        "[lama](../2021/lama.md#bagian) [profil](../../pages/profil.md) [galeri](../../galleries/kunjungan/)"
        " [indeks galeri](../../galleries/kunjungan/index.md) [pelican]({filename}../2021/lama.md)"
        " [alamat](/berita/2021/lama/) [ppid](../../pages/ppid.md)\n\n![Logo balai](../../images/logo.svg)"
    )
    site.write("images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')
    news(site, "news/2022/baru.md", body, writer="Budi Santoso")
    site.write(
        "news/2022/baru.en.md",
        "Title: New\nPenerjemah: Citra Lestari\n\n[old](../2021/lama.md) [profile](../../pages/profil.md#visi)"
        " [gallery](../../galleries/kunjungan/) [report](../../documents/PPID/Laporan%20Tahunan%202024.pdf)\n",
    )
    build = site.build()[0]
    assert build.ok, build.log

    indonesian = links_of(site.page("berita/2022/baru"))
    assert indonesian["lama"]["href"] == "../../../berita/2021/lama/#bagian"
    assert indonesian["profil"]["href"] == "../../../profil/"
    assert indonesian["galeri"]["href"] == indonesian["indeks galeri"]["href"] == "../../../galeri/kunjungan/"
    assert indonesian["pelican"]["href"] == indonesian["alamat"]["href"] == "../../../berita/2021/lama/"
    assert not any(a.get("hreflang") for a in indonesian.values())
    assert site.page("berita/2022/baru").select_one(".body img[alt='Logo balai']")["src"] == "../../../images/logo.svg"

    english = links_of(site.page("en/berita/2022/baru"))
    assert english["old"]["href"] == "../../../../berita/2021/lama/"  # no English version: the Indonesian one
    assert english["old"]["hreflang"] == "id"
    assert english["profile"]["href"] == "../../../../en/profil/#visi"
    assert "hreflang" not in english["profile"].attrs
    assert english["gallery"]["href"] == "../../../../en/galeri/kunjungan/"

    ppid, ppid_en = site.page("ppid"), site.page("en/ppid")
    url = "dokumen/ppid/laporan-tahunan-2024.pdf"
    assert links_of(ppid)["Laporan tahunan"]["href"] == f"../{url}"
    assert links_of(ppid_en)["Annual report"]["href"] == f"../../{url}"
    assert "(PDF, 1,2 MB)" in ppid.select_one(".body").get_text()
    assert "(PDF, 1.2 MB)" in ppid_en.select_one(".body").get_text()
    assert "(PDF, 1.2 MB)" in site.page("en/berita/2022/baru").select_one(".body").get_text()
    assert links_of(ppid)["Profil"]["href"] == "../profil/#visi"
    output = site.output / "balai-uji"
    assert (output / url).read_bytes() == (
        site.content / "balai-uji/documents/PPID/Laporan Tahunan 2024.pdf"
    ).read_bytes()
    assert not (output / "en" / "dokumen").exists()
    text = ppid.select_one(".body").get_text()
    for kind in TYPES:
        assert (output / f"dokumen/formulir/contoh-{kind}.{kind}").is_file()
        assert f"({LABELS.get(kind, kind.upper())}, 1 KB)" in text

    # Person pages in both languages for everyone credited in either, galleries included.
    for lang in ("", "en/"):
        for person in ("budi-santoso", "citra-lestari", "eko-saputra"):
            assert (output / f"{lang}kontributor/{person}/index.html").is_file(), (lang, person)
    eko_en = site.page("en/kontributor/eko-saputra").select("main a, .archive-list a")
    assert any(a["href"].endswith("en/galeri/kunjungan/") for a in eko_en)


def check_messages(site) -> list[str]:
    return [p.format("id", site.content) for p in check_unit(site.content / "balai-uji", root=site.content)]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("[x](../2020/tidak-ada.md)", "tautan '../2020/tidak-ada.md' menuju berkas yang tidak ada"),
        ("[x]({filename}../2021/tidak-ada.md)", "tautan '{filename}../2021/tidak-ada.md' menuju berkas yang tidak ada"),
        ("[x]({static}/documents/hilang.pdf)", "tautan '{static}/documents/hilang.pdf' menuju berkas yang tidak ada"),
        ("[x](/berita/2020/tidak-ada/)", "tautan '/berita/2020/tidak-ada/' menuju alamat yang tidak ada"),
        ("[x](<../../documents/Tidak Ada.pdf>)", "tautan '../../documents/Tidak Ada.pdf' menuju berkas yang tidak ada"),
        ("[x](../../../luar.md)", "tautan '../../../luar.md' keluar dari folder unit"),
        ("[x](../../unit.toml)", "'../../unit.toml' tidak diterbitkan di situs"),
        ("[x](../../images/laporan.pdf)", "'../../images/laporan.pdf' tidak diterbitkan di situs"),
        ("[x](draf.md)", "tautan 'draf.md' menuju draf"),
        ("![Foto](../../images/hilang.jpg)", "foto '../../images/hilang.jpg' tidak ditemukan"),
        ('<a href="../2020/hilang.md">x</a>', "tautan '../2020/hilang.md' menuju berkas yang tidak ada"),
        ('<img src="../../images/hilang.svg" alt="Logo">', "foto '../../images/hilang.svg' tidak ditemukan"),
    ],
)
def test_a_link_or_image_to_nothing_is_an_error_at_its_line(site, written, expected):
    site.write("news/2022/draf.md", "Title: Draf\nDate: 2022-01-01\nPenulis: Ani\nStatus: draft\n\nBelum.\n")
    document(site, "images/laporan.pdf")
    news(site, "news/2022/a.md", f"Paragraf pertama.\n\nLihat {written} juga.")
    assert f"news/2022/a.md:7: kesalahan: {expected}" in "\n".join(check_messages(site))


def test_refused_huge_and_unlinked_documents(site):
    document(site, "documents/halaman.html")
    document(site, "documents/sub/logo.SVG")
    document(site, "documents/Laporan.pdf")
    document(site, "documents/laporan.pdf")
    huge = site.content / "balai-uji/documents/video.zip"
    with huge.open("wb") as out:
        out.truncate(51 * 1024 * 1024)  # sparse: no real 51 MB written
    document(site, "documents/terpakai.pdf")
    site.write("pages/ppid.md", "Title: PPID\n\n[Dipakai](../documents/terpakai.pdf)\n")
    shown = "\n".join(check_messages(site))
    assert "balai-uji/documents/halaman.html: kesalahan: berkas jenis '.html' tidak diterbitkan" in shown
    assert "balai-uji/documents/sub/logo.SVG: kesalahan: berkas jenis '.SVG' tidak diterbitkan" in shown
    assert "balai-uji/documents/video.zip: kesalahan: dokumen ini 51 MB, melebihi batas 50 MB" in shown
    assert (
        "balai-uji/documents/Laporan.pdf: kesalahan: dokumen ini dan 'documents/laporan.pdf' terbit di alamat yang sama"
        in shown
    )
    assert "balai-uji/documents/Laporan.pdf: peringatan: dokumen ini terbit di /dokumen/laporan.pdf tetapi" in shown
    assert "terpakai.pdf: peringatan" not in shown


def test_a_broken_link_fails_the_build_at_its_line_and_keeps_the_last_good_site(site):
    site.write("pages/profil.md", "Title: Profil\n\nProfil.\n")
    article = news(site, "news/2022/a.md", "Lihat [profil](../../pages/profil.md).")
    assert site.build()[0].ok
    before = site.tree()
    article.write_text(NEWS.format(title="A", date="2022-01-02", writer="Ani", body="[x](../2021/hilang.md)"))
    build = site.build()[0]
    assert not build.ok
    assert "news/2022/a.md:5: kesalahan: tautan '../2021/hilang.md' menuju berkas yang tidak ada" in build.log
    assert site.tree() == before


def test_the_built_site_fails_on_a_link_a_template_breaks(site, tmp_path, monkeypatch):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    footer = theme / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text() + '\n<a href="{{ SITEURL }}/halaman-hilang/">rusak</a>\n')
    monkeypatch.setenv("WARTA_THEME", str(theme))
    news(site, "news/2022/a.md", "Isi.")
    build = site.build()[0]
    assert not build.ok
    assert "halaman berita/2022/a/index.html menautkan '../../../halaman-hilang/'" in build.log
    assert "(berkas sumber: content/balai-uji/news/2022/a.md)" in build.log
    assert not (site.output / "balai-uji").exists()


def test_the_site_check_reads_hrefs_srcsets_and_feeds(tmp_path):
    (tmp_path / "berita" / "a").mkdir(parents=True)
    (tmp_path / "foto").mkdir()
    (tmp_path / "foto" / "a-480.webp").write_bytes(b"")
    (tmp_path / "index.html").write_text(
        '<a href="berita/a/">a</a><a href="#isi">skip</a><a href="https://x.go.id/">out</a>'
        '<img srcset="foto/a-480.webp 480w, foto/a-960.webp 960w" src="foto/a-480.webp">'
    )
    (tmp_path / "berita" / "a" / "index.html").write_text('<a href="../../">home</a><a href="../b/">b</a>')
    (tmp_path / "sitemap.xml").write_text(
        "<url><loc>https://u.go.id/berita/a/</loc></url><loc>https://u.go.id/c/</loc>"
    )
    found = {(link.page, link.url) for link in broken_links(tmp_path, "https://u.go.id")}
    assert found == {
        ("index.html", "foto/a-960.webp"),
        ("berita/a/index.html", "../b/"),
        ("sitemap.xml", "https://u.go.id/c/"),
    }


def test_pelican_alone_refuses_links_to_nothing_and_documents_of_a_refused_type(site, tmp_path):
    """Pelican without the check: the links plugin names the file and line itself."""
    news(site, "news/2022/a.md", "Paragraf.\n\n[x]({filename}../2021/tidak-ada.md) [y](/berita/2020/hilang/)")
    document(site, "documents/skrip.js")
    with pytest.raises(ContentError) as raised:
        render("balai-uji", site.content, tmp_path / "out", workers=False)
    said = str(raised.value)
    assert "news/2022/a.md:7: kesalahan: tautan '{filename}../2021/tidak-ada.md' menuju berkas yang tidak ada" in said
    assert "news/2022/a.md:7: kesalahan: tautan '/berita/2020/hilang/' menuju alamat yang tidak ada" in said
    assert "documents/skrip.js: kesalahan: berkas jenis '.js' tidak diterbitkan" in said
    assert not (tmp_path / "out" / "index.html").exists()
