"""Bad and awkward input: a clear error naming the file (the old site untouched), or a correct build.

Each case is what PR staff really produce: files from Word and Notepad, dates typed by hand, copied articles.
"""

import os
import subprocess
import sys

import pytest

from tests.conftest import Site
from warta import ROOT
from warta.tool.check import check_unit

GOOD = "Title: Rapat\nDate: 2020-11-13 10:00\nPenulis: Humas\n\nIsi.\n"


def news(header, body="Isi berita."):
    return header.strip("\n") + "\n\n" + body + "\n"


# (id, files to add: {path: text or bytes}, expected message: "path[:line]: beginning of the message")
ERRORS = [
    (
        "date-month-first",
        {"news/2020/a.md": news("Title: A\nDate: 12/11/2020\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal '12/11/2020' tidak dikenali",
    ),
    (
        "date-day-first",
        {"news/2020/a.md": news("Title: A\nDate: 13-11-2020\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal '13-11-2020' tidak dikenali",
    ),
    (
        "date-words",
        {"news/2020/a.md": news("Title: A\nDate: 13 November 2020\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal",
    ),
    (
        "date-iso-t",
        {"news/2020/a.md": news("Title: A\nDate: 2020-11-13T10:00\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal",
    ),
    (
        "date-february-30",
        {"news/2020/a.md": news("Title: A\nDate: 2020-02-30\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal '2020-02-30' tidak ada di kalender",
    ),
    (
        "date-hour-25",
        {"news/2020/a.md": news("Title: A\nDate: 2020-11-13 25:00\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal '2020-11-13 25:00' tidak ada",
    ),
    (
        "date-year-zero",
        {"news/2020/a.md": news("Title: A\nDate: 0000-01-01\nPenulis: H")},
        "news/2020/a.md:2: kesalahan: tanggal '0000-01-01' tidak ada",
    ),
    (
        "modified-bad",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nModified: kemarin\nPenulis: H")},
        "news/2020/a.md:3: kesalahan: tanggal 'kemarin'",
    ),
    (
        "no-title",
        {"news/2020/a.md": news("Date: 2020-01-01\nPenulis: H")},
        "news/2020/a.md: kesalahan: keterangan 'Judul' wajib ada",
    ),
    (
        "empty-title",
        {"news/2020/a.md": news("Title:\nDate: 2020-01-01\nPenulis: H")},
        "news/2020/a.md:1: kesalahan: 'Title' wajib diisi",
    ),
    (
        "no-date",
        {"news/2020/a.md": news("Title: A\nPenulis: H")},
        "news/2020/a.md: kesalahan: keterangan 'Tanggal' wajib ada",
    ),
    (
        "no-writer",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01")},
        "news/2020/a.md: kesalahan: keterangan 'Penulis' wajib ada",
    ),
    (
        "page-no-title",
        {"pages/profil.md": "Visi dan misi.\n"},
        "pages/profil.md: kesalahan: keterangan 'Judul' wajib ada",
    ),
    (
        "latin-1",
        {"news/2020/a.md": "Title: Andr\xe9\nDate: 2020-01-01\nPenulis: H\n".encode("latin-1")},
        "news/2020/a.md:1: kesalahan: berkas ini disimpan dengan pengodean huruf yang tidak dapat dibaca",
    ),
    (
        "utf-16-notepad",
        {"news/2020/a.md": GOOD.encode("utf-16")},
        "news/2020/a.md:1: kesalahan: berkas ini disimpan dengan pengodean huruf yang tidak dapat dibaca",
    ),
    (
        "pdf-renamed",
        {"news/2020/a.md": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"},
        "news/2020/a.md:2: kesalahan: berkas ini disimpan dengan pengodean huruf yang tidak dapat dibaca",
    ),
    ("empty-file", {"news/2020/a.md": ""}, "news/2020/a.md: kesalahan: berkas ini kosong"),
    ("blank-file", {"pages/kontak.md": "\n  \n\t\n"}, "pages/kontak.md: kesalahan: berkas ini kosong"),
    (
        "same-url-folders",
        {"news/2020/a/rapat.md": GOOD, "news/2020/b/rapat.md": GOOD},
        "news/2020/a/rapat.md: kesalahan: alamat halaman /berita/2020/rapat/ juga dipakai oleh "
        "content/balai-uji/news/2020/b/rapat.md",
    ),
    (
        "same-url-slug",
        {
            "news/2020/rapat.md": GOOD,
            "news/2020/salinan.md": news("Title: B\nDate: 2020-05-05\nPenulis: H\nSlug: rapat"),
        },
        "news/2020/salinan.md: kesalahan: alamat halaman /berita/2020/rapat/ juga dipakai",
    ),
    (
        "page-takes-section",
        {"pages/kategori.md": "Title: Kategori\n\nx\n"},
        "pages/kategori.md: kesalahan: alamat halaman /kategori/ sudah dipakai",
    ),
    (
        "slug-empty",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H\nSlug: !!!")},
        "news/2020/a.md:4: kesalahan: Slug '!!!' tidak dapat dijadikan alamat halaman",
    ),
    (
        "status-unknown",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H\nStatus: terbit")},
        "news/2020/a.md:4: kesalahan: Status 'terbit' tidak dikenal",
    ),
    (
        "toml-broken",
        {"unit.toml": 'name = "Balai\nsite_url = "https://a.go.id"\n'},
        "unit.toml:1: kesalahan: unit.toml tidak dapat dibaca",
    ),
    (
        "toml-no-site-url",
        {"unit.toml": 'name = "Balai"\n'},
        "unit.toml: kesalahan: keterangan wajib 'site_url' belum ada",
    ),
    (
        "toml-typo",
        {"unit.toml": 'name = "Balai"\nsite_url = "https://a.go.id"\nshort-name = "B"\n'},
        "unit.toml:3: kesalahan: keterangan 'short-name' tidak dikenal",
    ),
    (
        "toml-url-without-scheme",
        {"unit.toml": 'name = "Balai"\nsite_url = "balai.go.id"\n'},
        "unit.toml:2: kesalahan: 'site_url' harus berupa alamat situs lengkap",
    ),
    (
        "toml-timezone",
        {"unit.toml": 'name = "B"\nsite_url = "https://a.go.id"\ntimezone = "WIB"\n'},
        "unit.toml:3: kesalahan: zona waktu 'WIB' tidak dikenal",
    ),
    (
        "toml-bad-social-url",
        {"unit.toml": 'name = "B"\nsite_url = "https://a.go.id"\n[social]\ninstagram = "@balai"\n'},
        "unit.toml:4: kesalahan: 'social.instagram' harus berupa alamat situs lengkap",
    ),
    (
        "photo-pdf-renamed",
        {"galleries/g/index.md": "Title: G\n\n![Foto](01.jpg)\n", "galleries/g/01.jpg": b"%PDF-1.4\n"},
        "galleries/g/01.jpg: kesalahan: ",
    ),
    (
        "photo-missing-in-body",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H", "![Foto](../../images/tidak-ada.jpg)")},
        "news/2020/a.md:5: kesalahan: foto '../../images/tidak-ada.jpg' tidak ditemukan",
    ),
    (
        "photo-leaves-unit",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H", "![Foto](../../../../rahasia.jpg)")},
        "news/2020/a.md:5: kesalahan: foto '../../../../rahasia.jpg' berada di luar folder unit",
    ),
    (
        "photo-absolute-path",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H", "![Foto](/etc/passwd)")},
        "news/2020/a.md:5: kesalahan: foto '/etc/passwd'",
    ),
    (
        "photo-without-alt",
        {
            "news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H", "![](../../images/foto.jpg)"),
            "images/foto.jpg": "JPEG",
        },
        "news/2020/a.md:5: kesalahan: ",
    ),
    (
        "unknown-gallery",
        {"news/2020/a.md": news("Title: A\nDate: 2020-01-01\nPenulis: H\nGallery: tidak-ada")},
        "news/2020/a.md:4: kesalahan: galeri 'tidak-ada' tidak ada",
    ),
    (
        "gallery-without-index",
        {"galleries/g/01.jpg": "JPEG"},
        "galleries/g: kesalahan: folder galeri ini tidak punya index.md",
    ),
    (
        "orphan-translation",
        {"news/2020/sendiri.en.md": "Title: Alone\n\nText.\n"},
        "news/2020/sendiri.en.md: kesalahan: terjemahan ini tidak punya berkas asli",
    ),
]

AWKWARD = [
    ("byte-order-mark", "news/2020/bom.md", "\ufeff" + GOOD, "berita/2020/bom", "Rapat"),
    ("crlf", "news/2020/crlf.md", GOOD.replace("\n", "\r\n"), "berita/2020/crlf", "Rapat"),
    (
        "tabs",
        "news/2020/tab.md",
        "Title:\tRapat Tab\nDate:\t2020-01-01\nPenulis:\tH\n\nIsi.\n",
        "berita/2020/tab",
        "Rapat Tab",
    ),
    (
        "space-before-colon",
        "news/2020/spasi.md",
        "Title : Rapat Spasi\nDate : 2020-01-01\nPenulis : H\n\nIsi.\n",
        "berita/2020/spasi",
        "Rapat Spasi",
    ),
    (
        "upper-case-keys",
        "news/2020/besar.md",
        "TITLE: Rapat Besar\nDATE: 2020-01-01\nPENULIS: H\n\nIsi.\n",
        "berita/2020/besar",
        "Rapat Besar",
    ),
    (
        "no-space-after-colon",
        "news/2020/rapat.md",
        "Title:Rapat Rapat\nDate:2020-01-01\nPenulis:H\n\nIsi.\n",
        "berita/2020/rapat",
        "Rapat Rapat",
    ),
    ("blank-lines-first", "news/2020/awal.md", "\n\n" + GOOD, "berita/2020/awal", "Rapat"),
    (
        "spaces-and-accents-in-name",
        "news/2020/Rapat Koordinasi Ñandú.md",
        GOOD,
        "berita/2020/rapat-koordinasi-nandu",
        "Rapat",
    ),
    ("upper-case-extension", "news/2020/KABAR.MD", GOOD, "berita/2020/kabar", "Rapat"),
    (
        "very-long-title",
        "news/2020/panjang.md",
        GOOD.replace("Rapat", "Rapat " + "sangat " * 80),
        "berita/2020/panjang",
        "sangat sangat",
    ),
    (
        "emoji",
        "news/2020/emoji.md",
        GOOD.replace("Rapat", "Rapat 🎉🇮🇩").replace("Isi.", "Selamat 🎂"),
        "berita/2020/emoji",
        "🎉🇮🇩",
    ),
    (
        "ampersand-and-quotes",
        "news/2020/kutip.md",
        GOOD.replace("Rapat", 'Rapat "Guru & Murid"'),
        "berita/2020/kutip",
        'Rapat "Guru & Murid"',
    ),
    (
        "template-syntax-in-title",
        "news/2020/kurung.md",
        GOOD.replace("Rapat", "Rapat {{ 7*7 }} {% raw %}"),
        "berita/2020/kurung",
        "{{ 7*7 }} {% raw %}",
    ),
    (
        "multi-line-value",
        "news/2020/lanjut.md",
        "Title: Rapat\nDate: 2020-01-01\nPenulis: Ani;\n    Budi\n\nIsi.\n",
        "berita/2020/lanjut",
        "Rapat",
    ),
]

HOSTILE = [
    ("script-in-title", "Title: <script>alert(1)</script>\nDate: 2020-01-01\nPenulis: H\n\nx\n"),
    ("raw-script", "Title: A\nDate: 2020-01-01\nPenulis: H\n\n<script>alert(1)</script>\n"),
    (
        "frame-from-anywhere",
        'Title: A\nDate: 2020-01-01\nPenulis: H\n\n<iframe src="https://slot88.example/"></iframe>\n',
    ),
    ("javascript-link", "Title: A\nDate: 2020-01-01\nPenulis: H\n\n[klik](javascript:alert(1))\n"),
    ("data-link", "Title: A\nDate: 2020-01-01\nPenulis: H\n\n[klik](data:text/html;base64,PHNjcmlwdD4=)\n"),
    (
        "event-handler",
        'Title: A\nDate: 2020-01-01\nPenulis: H\n\n<p onmouseover="alert(1)">x</p>'
        '<img src="https://example.go.id/x.png" onerror="alert(1)" alt="">\n',
    ),
    ("script-in-credit", "Title: A\nDate: 2020-01-01\nPenulis: <script>alert(1)</script>\n\nx\n"),
    ("script-in-summary", "Title: A\nDate: 2020-01-01\nPenulis: H\nSummary: <script>alert(1)</script>\n\nx\n"),
    ("script-in-tag", "Title: A\nDate: 2020-01-01\nPenulis: H\nTags: <script>alert(1)</script>\n\nx\n"),
    ("path-in-slug", "Title: A\nDate: 2020-01-01\nPenulis: H\nSlug: ../../../../tmp/x\n\nx\n"),
    ("path-in-category", "Title: A\nDate: 2020-01-01\nPenulis: H\nCategory: ../../../tmp\n\nx\n"),
]


def add(site, files):
    for path, text in files.items():
        target = site.content / "balai-uji" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("files", "expected"), [case[1:] for case in ERRORS], ids=[case[0] for case in ERRORS])
def test_the_check_names_the_file_and_line_of_each_error(site, files, expected):
    """What a build says of bad input is what the check says (the build stops on the check's errors)."""
    site.article()
    add(site, files)
    errors = [p.format("id", site.root) for p in check_unit(site.content / "balai-uji", root=site.root) if p.is_error]
    assert "content/balai-uji/" + expected in "\n".join(errors)


# A build for one error of each kind of input (an item, a file's encoding, two files, unit.toml, a photo, a pair).
BUILT_ERRORS = (
    "date-month-first",
    "latin-1",
    "same-url-slug",
    "toml-broken",
    "photo-pdf-renamed",
    "orphan-translation",
)


@pytest.mark.parametrize(
    ("files", "expected"),
    [case[1:] for case in ERRORS if case[0] in BUILT_ERRORS],
    ids=[case[0] for case in ERRORS if case[0] in BUILT_ERRORS],
)
def test_errors_fail_the_build_naming_the_file_and_keep_the_old_site(site, files, expected):
    site.article()
    assert site.build()[0].ok
    before = site.tree()
    add(site, files)
    [build] = site.build()
    assert not build.ok
    assert "content/balai-uji/" + expected in build.log
    assert site.tree() == before


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    """Every awkward but valid file in one unit, built once."""
    site = Site(tmp_path_factory.mktemp("awkward"))
    site.unit()
    add(site, {path: text for _, path, text, _, _ in AWKWARD})
    [build] = site.build()
    assert build.ok, build.log
    return site


@pytest.mark.parametrize(("url", "title"), [case[3:] for case in AWKWARD], ids=[case[0] for case in AWKWARD])
def test_awkward_but_valid_input_builds(awkward, url, title):
    page = awkward.page(url)
    assert title in page.h1.get_text()
    assert page.select_one(".body").get_text(strip=True)


def test_hostile_input_publishes_nothing_harmful(site):
    """Every hostile file of HOSTILE in one unit: no page carries what it tried, nothing is written elsewhere."""
    add(site, {f"news/2020/jahat-{name}.md": text for name, text in HOSTILE})
    [build] = site.build()
    assert build.ok, build.log
    outside = {p for p in site.root.rglob("*") if "output" not in p.parts and "content" not in p.parts}
    pages = list((site.output / "balai-uji").rglob("*.html"))
    assert len([page for page in pages if "jahat-" in page.as_posix()]) == len(HOSTILE) - 1  # one has its own Slug
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "javascript:" not in html and "onerror=" not in html, page
        assert "onmouseover=" not in html and "slot88" not in html and "data:text/html" not in html, page
    assert {p for p in site.root.rglob("*") if "output" not in p.parts and "content" not in p.parts} == outside
    assert all(p.resolve().is_relative_to(site.output.resolve()) for p in site.output.rglob("*"))


def test_symlinks_out_of_the_unit_are_refused(site, tmp_path):
    secret = tmp_path / "rahasia.md"
    secret.write_text("Title: Rahasia\nDate: 2020-01-01\nPenulis: H\n\nkata sandi\n")
    (site.content / "balai-uji" / "news").mkdir(parents=True)
    (site.content / "balai-uji" / "news" / "bocor.md").symlink_to(secret)
    [build] = site.build()
    assert not build.ok
    assert (
        "content/balai-uji/news/bocor.md: kesalahan: berkas ini adalah pintasan (symlink) ke tempat di luar folder unit"
        in build.log
    )


def test_symlinked_images_out_of_the_unit_are_refused(site, tmp_path):
    (tmp_path / "id_rsa").write_text("secret")
    site.article()
    (site.content / "balai-uji" / "images").mkdir()
    (site.content / "balai-uji" / "images" / "laporan.pdf").symlink_to(tmp_path / "id_rsa")
    [build] = site.build()
    assert not build.ok and "images/laporan.pdf: kesalahan: berkas ini adalah pintasan (symlink)" in build.log
    assert not (site.output / "balai-uji").exists()


def test_commands_exit_non_zero_with_indonesian_messages(site):
    add(site, {"news/2020/a.md": news("Title: A\nDate: 31/12/2020\nPenulis: H")})
    env = dict(os.environ, WARTA_CONTENT=str(site.content))
    for command in (["check"], ["build"]):
        done = subprocess.run(
            [sys.executable, "-m", "invoke", *command], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode != 0
        assert "news/2020/a.md:2: kesalahan: tanggal '31/12/2020' tidak dikenali" in done.stdout
