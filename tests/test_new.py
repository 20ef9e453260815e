"""``invoke new``: what it starts passes the check as it is, is a draft, and becomes an article once finished."""

import os
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pillow_heif
import pytest
from PIL import Image

from warta import ROOT
from warta.model.problems import ContentError
from warta.model.units import load_unit
from warta.tool.check import check_unit
from warta.tool.new import new_article, new_gallery, new_translation, now_in, start

NOON_IN_JAKARTA = datetime(2024, 11, 13, 12, 30, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def unit(site):
    return load_unit(site.content / "balai-uji")


def test_a_new_article_passes_the_check_and_is_a_draft(site, unit):
    path = new_article(unit, "Balai Uji Gelar Pelatihan: Kehumasan 2024!", now=NOON_IN_JAKARTA)
    assert path == site.content / "balai-uji/news/2024/balai-uji-gelar-pelatihan-kehumasan-2024.md"
    text = path.read_text(encoding="utf-8")
    assert "Judul: Balai Uji Gelar Pelatihan: Kehumasan 2024!\nTanggal: 2024-11-13 12:30\n" in text
    assert "Penulis: Humas Balai Uji Coba balai-uji\n" in text and "Status: draf\n" in text
    assert check_unit(unit.path, root=site.root) == []
    [build] = site.build()
    assert build.ok, build.log
    assert not (site.output / "balai-uji/berita/2024").exists()


def test_a_finished_article_is_published_and_its_sample_text_never(site, unit):
    path = new_article(unit, "Kunjungan Kerja", now=NOON_IN_JAKARTA)
    text = path.read_text(encoding="utf-8").replace("Status: draf\n", "")
    path.write_text(text, encoding="utf-8")
    [build] = site.build()
    assert not build.ok
    assert "news/2024/kunjungan-kerja.md:9: kesalahan: teks contoh 'Tulis isi berita di sini." in build.log, build.log
    assert "news/2024/kunjungan-kerja.md:11: kesalahan: teks contoh 'Paragraf berikutnya" in build.log
    body_start = text.index("Tulis isi")
    path.write_text(text[:body_start] + "Kepala balai mengunjungi panti.\n", encoding="utf-8")
    [build] = site.build()
    assert build.ok, build.log
    page = site.page("berita/2024/kunjungan-kerja")
    assert page.h1.get_text() == "Kunjungan Kerja"
    assert "Humas Balai Uji Coba balai-uji" in page.select_one(".credits").get_text()


def test_the_date_is_now_in_the_units_timezone(site):
    site.unit("loka-timur", toml='name = "Loka"\nsite_url = "https://loka.example.go.id"\ntimezone = "Asia/Jayapura"\n')
    now = now_in(load_unit(site.content / "loka-timur"))
    assert now.utcoffset() == timedelta(hours=9)
    assert abs(now - datetime.now(ZoneInfo("UTC"))) < timedelta(minutes=1)


def test_an_existing_file_is_never_overwritten(site, unit):
    path = new_article(unit, "Rapat", now=NOON_IN_JAKARTA)
    path.write_text("Title: Rapat\nDate: 2024-11-13\nPenulis: Ani\n\nTulisan yang sudah ada.\n", encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        new_article(unit, "Rapat", now=NOON_IN_JAKARTA)
    assert "news/2024/rapat.md: kesalahan: berkas ini sudah ada dan tidak ditimpa" in refused.value.problems[0].format()
    assert "Tulisan yang sudah ada." in path.read_text(encoding="utf-8")


def test_a_title_without_letters_is_refused(unit):
    with pytest.raises(ContentError) as refused:
        start(unit, "!!!")
    assert "kesalahan: judul '!!!' tidak dapat dijadikan nama berkas" in str(refused.value)


def test_a_new_gallery_lists_every_photo_in_its_folder_in_lines_the_check_accepts(site, unit):
    folder = site.content / "balai-uji/galleries/hari-anak"
    folder.mkdir(parents=True)
    for name in ("02.JPG", "01.jpg", "IMG 0001.JPG", "Foto (2).jpeg"):
        Image.new("RGB", (64, 48), "teal").save(folder / name, "JPEG")
    pillow_heif.register_heif_opener()
    Image.new("RGB", (64, 48), "teal").save(folder / "IMG_0003.HEIC")
    path = new_gallery(unit, "Hari Anak", now=NOON_IN_JAKARTA)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["Judul: Hari Anak", "Tanggal: 2024-11-13 12:30", "Tempat:"]
    assert "Fotografer: Humas Balai Uji Coba balai-uji" in lines
    alt = "TULIS TEKS ALTERNATIF: apa yang tampak di foto ini"
    assert [line for line in lines if line.startswith("![")] == [
        f'![{alt}](01.jpg "")',
        f'![{alt}](02.JPG "")',
        f'![{alt}](<Foto (2).jpeg> "")',
        f'![{alt}](<IMG 0001.JPG> "")',
        f'![{alt}](IMG_0003.HEIC "")',
    ]
    assert check_unit(unit.path, root=site.root) == []
    path.write_text(path.read_text(encoding="utf-8").replace("Status: draf\n", ""), encoding="utf-8")
    problems = [p.format(root=site.root) for p in check_unit(unit.path, root=site.root)]
    assert len(problems) == 5 and all(p.is_error for p in check_unit(unit.path, root=site.root))
    assert problems[0].startswith(
        f"content/balai-uji/galleries/hari-anak/index.md:7: kesalahan: teks contoh '{alt}' belum"
    )


def test_a_translation_is_written_beside_its_original(site, unit):
    original = site.write(
        "news/2024/rapat.md",
        "Title: Rapat Kerja\nDate: 2024-01-02\nPenulis: Ani\nSummary: Ringkas.\n\nIsi rapat.\n",
    )
    path = new_translation(unit, original)
    assert path == original.with_name("rapat.en.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("Judul: Rapat Kerja\nRingkasan: Ringkas.\nPenerjemah: Humas Balai Uji Coba balai-uji\n")
    assert "Tanggal:" not in text and "Date:" not in text and "Penulis:" not in text and text.endswith("\nIsi rapat.\n")
    assert check_unit(unit.path, root=site.root) == []
    with pytest.raises(ContentError) as refused:
        new_translation(unit, path)
    assert "sudah berupa terjemahan" in str(refused.value)
    dotted = site.write("news/2024/rapat.2024.md", "Title: Rapat 2024\nDate: 2024-01-03\nPenulis: Ani\n\nIsi.\n")
    assert new_translation(unit, dotted).name == "rapat.2024.en.md"


def test_the_task_prints_the_path_and_what_to_fill_in(site):
    env = dict(os.environ, WARTA_CONTENT=str(site.content))
    command = [sys.executable, "-m", "invoke", "new", "--unit", "balai-uji", "--title", "Rapat Besar", "--lang", "en"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    [created] = (site.content / "balai-uji/news").rglob("*.md")
    assert created.name == "rapat-besar.md"
    assert f"file created: {created.as_posix()}" in done.stdout
    assert "delete the line 'Status: draf'" in done.stdout
    again = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    assert again.returncode == 1 and "already exists" in again.stderr
