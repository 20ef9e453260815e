"""``invoke check``: every kind of problem names its file and line, all at once, without building."""

import os
import subprocess
import sys
from datetime import datetime

import pytest
from PIL import Image

from warta import ROOT
from warta.tool.check import check_unit

GOOD = "Title: Rapat\nDate: 2024-01-02\nPenulis: Ani\n"
TOML = 'name = "B"\nsite_url = "https://b.go.id"\n'

CASES = [
    (
        "news/2024/a.md",
        "Date: 2024-01-02\nPenulis: Ani\n\nx\n",
        "news/2024/a.md: kesalahan: keterangan 'Judul' wajib ada",
    ),
    (
        "news/2024/a.md",
        "Title: A\nDate: 2024-01-02\n\nx\n",
        "news/2024/a.md: kesalahan: keterangan 'Penulis' wajib ada",
    ),
    (
        "news/2024/a.md",
        "Title: A\nDate: 13/01/2024\nPenulis: Ani\n\nx\n",
        "news/2024/a.md:2: kesalahan: tanggal '13/01/2024'",
    ),
    (
        "news/2024/a.md",
        "Title: A\nDate: 2024-02-30\nPenulis: Ani\n\nx\n",
        "news/2024/a.md:2: kesalahan: tanggal '2024-02-30' tidak ada",
    ),
    ("news/2024/a.md", GOOD + "Status: terbit\n\nx\n", "news/2024/a.md:4: kesalahan: Status 'terbit' tidak dikenal"),
    (
        "news/2024/a.md",
        GOOD + "Cover: images/tidak-ada.jpg\n\nx\n",
        "news/2024/a.md:4: kesalahan: foto 'images/tidak-ada.jpg' tidak ditemukan",
    ),
    (
        "news/2024/a.md",
        GOOD + "Cover: ../../luar.jpg\n\nx\n",
        "news/2024/a.md:4: kesalahan: foto '../../luar.jpg' berada di luar folder unit",
    ),
    ("news/2024/a.md", GOOD + "Gallery: hari-anak\n\nx\n", "news/2024/a.md:4: kesalahan: galeri 'hari-anak' tidak ada"),
    (
        "news/2024/b/rapat.md",
        GOOD + "\nx\n",
        "news/2024/b/rapat.md: kesalahan: alamat halaman /berita/2024/rapat/ juga dipakai",
    ),
    (
        "news/2024/a.md",
        GOOD + "Modified: 2023-12-31\n\nx\n",
        "news/2024/a.md:4: kesalahan: tanggal pembaruan '2023-12-31' lebih awal",
    ),
    ("pages/arsip.md", "Title: Arsip\n\nx\n", "pages/arsip.md: kesalahan: alamat halaman /arsip/ sudah dipakai"),
    (
        "unit.toml",
        'name = "B"\nsite_url = "https://b.go.id"\nwarna = "biru"\n',
        "unit.toml:3: kesalahan: keterangan 'warna' tidak dikenal",
    ),
    (
        "unit.toml",
        TOML + '[publish]\ncname = "https://b.go.id"\n',
        "unit.toml:4: kesalahan: 'publish.cname' harus berupa nama domain",
    ),
    (
        "unit.toml",
        TOML + '[publish]\nbranch = "situs b"\n',
        "unit.toml:4: kesalahan: 'publish.branch' harus berupa nama cabang",
    ),
]


@pytest.mark.parametrize(("path", "text", "expected"), CASES, ids=[c[2].split(": ", 2)[2][:30] for c in CASES])
def test_each_kind_of_problem_names_file_and_line(site, path, text, expected):
    site.write("news/2024/rapat.md", GOOD + "\nIsi.\n")
    site.write(path, text)
    lines = [p.format("id", site.root) for p in check_unit(site.content / "balai-uji", root=site.root)]
    assert any(line.startswith(f"content/balai-uji/{expected}") for line in lines), lines


def test_references_that_exist_pass(site):
    site.write("galleries/hari-anak/index.md", "Title: Hari Anak\n\n![Anak bermain](01.jpg)\n")
    Image.new("RGB", (64, 48), "teal").save(site.content / "balai-uji/galleries/hari-anak/01.jpg")
    site.write("news/2024/a.md", GOOD + "Gallery: hari-anak\nCover: galleries/hari-anak/01.jpg\n\nx\n")
    assert check_unit(site.content / "balai-uji", root=site.root) == []


def test_a_cover_may_not_be_a_link_out_of_the_unit(site, tmp_path):
    (tmp_path / "rahasia.jpg").write_bytes(b"x")
    (site.content / "balai-uji/images").mkdir()
    (site.content / "balai-uji/images/sampul.jpg").symlink_to(tmp_path / "rahasia.jpg")
    site.write("news/2024/a.md", GOOD + "Cover: images/sampul.jpg\n\nx\n")
    [problem] = check_unit(site.content / "balai-uji", root=site.root)
    assert problem.code == "photo_outside_unit"


def test_all_problems_are_reported_at_once(site):
    site.write("news/2024/a.md", "Title: A\nDate: 2024-02-30\nPenulis: Ani\nGallery: x\n\nx\n")
    site.write("news/2024/b.md", "Date: 2024-01-01\nPenulis: Ani\n\nx\n")
    codes = sorted(p.code for p in check_unit(site.content / "balai-uji", root=site.root))
    assert codes == ["gallery_unknown", "impossible_date", "missing_field"]


def run_check(site, *options):
    env = dict(os.environ, WARTA_CONTENT=str(site.content))
    command = [sys.executable, "-m", "invoke", "check", *options]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, check=False)


def test_the_task_fails_on_errors_and_speaks_english_when_asked(site):
    site.write("news/2024/a.md", "Title: A\nDate: 2024-02-30\nPenulis: Ani\n\nx\n")
    done = run_check(site, "--lang", "en")
    assert done.returncode == 1
    assert "news/2024/a.md:2: error: the date '2024-02-30' does not exist" in done.stdout
    assert "error: 1 error and 0 warnings;" in done.stderr


def test_warnings_fail_only_when_strict(site):
    site.write("news/2024/a.md", GOOD + "Warna: biru\n\nx\n")
    relaxed, strict = run_check(site, "--unit", "balai-uji"), run_check(site, "--unit", "balai-uji", "--strict")
    assert relaxed.returncode == 0 and "peringatan: keterangan 'Warna' tidak dikenal" in relaxed.stdout
    assert strict.returncode == 1


def test_a_year_that_looks_like_a_typo_is_a_warning(site):
    site.write("news/2024/a.md", "Title: A\nDate: 2204-01-02\nPenulis: Ani\n\nx\n")
    site.write("news/2024/b.md", "Title: B\nDate: 1024-01-02\nPenulis: Ani\n\nx\n")
    site.write("news/2024/c.md", f"Title: C\nDate: {datetime.now().year + 1}-01-02\nPenulis: Ani\n\nx\n")
    problems = check_unit(site.content / "balai-uji", root=site.root)
    assert sorted((p.path.name, p.code, p.line, p.is_error) for p in problems) == [
        ("a.md", "unlikely_date", 2, False),
        ("b.md", "unlikely_date", 2, False),
    ]
