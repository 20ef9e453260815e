"""Photos as staff really bring them: iPhone HEIC, Windows and phone file names, giant photos, stray files."""

import struct
import subprocess
import sys

import pillow_heif
import pytest
from PIL import Image
from test_galleries import GPS_IFD, ORIENTATION, SERIAL, built, camera_jpeg, photo_files, png_claiming

import tasks
from plugins.galleries.photos import PhotoError, Recipe, derive
from warta.media.decoding import decode
from warta.model.paths import resolve_body_path
from warta.tool.check import check_unit
from warta.tool.watch import Rebuilder

RED, BLUE = (255, 0, 0), (0, 0, 255)


@pytest.fixture(autouse=True)
def photo_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_PHOTO_CACHE", str(tmp_path / "photo-cache"))


def phone_heic(path, size=(800, 600)):
    """A HEIC as pillow-heif writes it: red top half, EXIF with an orientation, a camera serial and GPS."""
    pillow_heif.register_heif_opener()
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0], size[1] // 2))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[SERIAL] = "IPHONE-SERIAL-0042"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 12.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="HEIF", exif=exif, quality=80)
    return path


def test_a_heic_photo_is_published_upright_and_without_any_metadata(site):
    """HEIF turns its pixels by its own transforms (pillow-heif applies them and resets the EXIF orientation):
    turned once more by the EXIF tag, this photo would come out on its side."""
    heic = phone_heic(site.content / "balai-uji/galleries/g/IMG_0042.HEIC")
    assert b"IPHONE-SERIAL-0042" in heic.read_bytes()
    site.write("galleries/g/index.md", 'Title: G\n\n![Peserta di depan balai](IMG_0042.HEIC "Di depan balai")\n')
    assert check_unit(site.content / "balai-uji", root=site.root) == []
    built(site)
    published = photo_files(site)
    assert {p.suffix for p in published} == {".jpg", ".webp"}
    for path in published:
        data = path.read_bytes()
        assert b"IPHONE-SERIAL-0042" not in data and b"Exif" not in data
        with Image.open(path) as photo:
            assert not photo.getexif() and "icc_profile" not in photo.info and "xmp" not in photo.info
            if "card" not in path.name:
                assert photo.width > photo.height  # landscape, as the HEIC shows it
                rgb = photo.convert("RGB")
                assert rgb.getpixel((photo.width // 2, 2))[0] > 200  # red on top: upright
                assert rgb.getpixel((photo.width // 2, photo.height - 3))[2] > 200
    img = site.page("galeri/g").select_one(".gallery-grid img")
    assert img["alt"] == "Peserta di depan balai" and img["width"] == "800"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("<IMG 0001.JPG>", "IMG 0001.JPG"),
        ("IMG%200001.JPG", "IMG 0001.JPG"),
        (" Foto (2).jpg ", "Foto (2).jpg"),
        ("{static}/galleries/hari-anak/IMG 0001.JPG", "IMG 0001.JPG"),
        ("Foto%20%232.jpg", "Foto #2.jpg"),  # %23 is a # of the name, as in any Markdown preview
        ("<Foto #2.jpg>", "Foto "),  # CommonMark: # starts an anchor, even in angle brackets
    ],
)
def test_a_written_path_names_the_file(tmp_path, written, name):
    folder = tmp_path / "galleries" / "hari-anak"
    assert resolve_body_path(written, folder, tmp_path) == folder / name


def test_names_with_spaces_brackets_and_capitals_in_gallery_lines_and_bodies(site):
    folder = site.content / "balai-uji/galleries/hari-anak"
    for name in ("IMG 0001.JPG", "Foto (2).jpg", "Rapat Besar.jpeg", "DSC_0004.JPG"):
        camera_jpeg(folder / name)
    site.write(
        "galleries/hari-anak/index.md",
        "Title: Hari Anak\n\n"
        '![Anak-anak menari](IMG 0001.JPG "Tarian")\n'
        '![Anak-anak bernyanyi](<Foto (2).jpg> "Paduan suara")\n'
        "![Orang tua bertepuk tangan](Rapat%20Besar.jpeg)\n"
        "![Pembagian hadiah](Foto%20(2).jpg)\n"
        "![Pemenang lomba](DSC_0004.JPG)\n",
    )
    site.write(
        "news/2024/hari-anak.md",
        "Title: Hari Anak\nDate: 2024-07-23\nPenulis: Humas\n\nParagraf pertama.\n\n"
        '![Anak-anak menari](../../galleries/hari-anak/IMG 0001.JPG "Tarian")\n\n'
        "![Anak-anak bernyanyi](<../../galleries/hari-anak/Foto (2).jpg>)\n\n"
        "![Orang tua](../../galleries/hari-anak/Rapat%20Besar.jpeg)\n",
    )
    assert check_unit(site.content / "balai-uji", root=site.root) == []
    built(site)
    grid = site.page("galeri/hari-anak").select(".gallery-grid li img")
    assert [img["alt"] for img in grid] == [
        "Anak-anak menari",
        "Anak-anak bernyanyi",
        "Orang tua bertepuk tangan",
        "Pembagian hadiah",
        "Pemenang lomba",
    ]
    body = site.page("berita/2024/hari-anak").select_one("article .body")
    figures = body.select("figure.photo picture img")
    assert [img["alt"] for img in figures] == ["Anak-anak menari", "Anak-anak bernyanyi", "Orang tua"]
    assert all(img["src"].endswith(".jpg") and " " not in img["src"] for img in figures)
    assert body.select_one("figure.photo figcaption").get_text() == "Tarian"


def test_lines_and_images_the_build_cannot_use_are_errors_at_their_line(site):
    camera_jpeg(site.content / "balai-uji/galleries/g/01.jpg")
    (site.content / "balai-uji/documents").mkdir()
    (site.content / "balai-uji/documents/laporan.pdf").write_bytes(b"%PDF-1.4")
    site.write(
        "galleries/g/index.md",
        "Title: G\n\n![Foto](01.jpg)\nFoto kegiatan hari kedua\n![Foto] (01.jpg)\n![Dari situs lain](https://x.id/a.jpg)\n",
    )
    site.write(
        "news/2024/a.md",
        "Title: A\nDate: 2024-01-02\nPenulis: Humas\n\nParagraf.\n\n![Laporan](../../documents/laporan.pdf)\n\n"
        "![Foto](../../galleries/g/01.jpg\n\n![Foto lain](https://contoh.id/foto.jpg)\n",
    )
    problems = {(p.path.name, p.line, p.code, p.is_error) for p in check_unit(site.content / "balai-uji")}
    assert problems == {
        ("index.md", 4, "gallery_stray_line", True),
        ("index.md", 5, "image_unreadable", True),
        ("index.md", 6, "gallery_external", True),
        ("a.md", 7, "image_not_photo", True),
        ("a.md", 9, "image_unreadable", True),
        ("a.md", 11, "image_external", False),
        ("laporan.pdf", None, "document_unlinked", False),  # an image of it is no link to it
    }
    [build] = site.build()
    assert not build.ok
    assert "content/balai-uji/galleries/g/index.md:4: kesalahan: baris ini bukan foto" in build.log, build.log


def test_an_image_from_another_site_is_a_warning_and_a_link_not_a_broken_image(site):
    site.write(
        "news/2024/a.md",
        "Title: A\nDate: 2024-01-02\nPenulis: Humas\n\nParagraf.\n\n![Kunjungan menteri](https://contoh.id/foto.jpg)\n\n"
        '<img src="https://lain.id/tamu.jpg" alt="Tamu">\n',
    )
    problems = [p.format(root=site.root) for p in check_unit(site.content / "balai-uji", root=site.root)]
    assert len(problems) == 2, problems
    assert "a.md:7: peringatan: foto 'https://contoh.id/foto.jpg' diambil dari situs lain" in problems[0]
    assert "unggah fotonya ke galleries/ atau images/" in problems[0]
    assert "a.md:9: peringatan: foto 'https://lain.id/tamu.jpg'" in problems[1]
    built(site)
    page = site.page("berita/2024/a")
    assert not page.select("img[src^='https://']")
    links = page.select("a.external-image")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("https://contoh.id/foto.jpg", "Kunjungan menteri"),
        ("https://lain.id/tamu.jpg", "Tamu"),
    ]


def gallery_with_strays(site):
    folder = site.content / "balai-uji/galleries/g"
    camera_jpeg(folder / "01.jpg")
    camera_jpeg(folder / "02.jpg")
    (folder / "VID_0001.MP4").write_bytes(b"\0\0\0\x18ftypmp42")
    (folder / "undangan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "Thumbs.db").write_bytes(b"\0")
    site.write("galleries/g/index.md", "Title: G\n\n![Foto pertama](01.jpg)\n")


def test_invoke_build_prints_every_warning_with_the_count_in_the_chosen_language(site, monkeypatch, capsys):
    gallery_with_strays(site)
    monkeypatch.setattr(tasks, "CONTENT", site.content)
    monkeypatch.setattr(tasks, "OUTPUT", site.output)
    tasks.run_builds("balai-uji", publish=False, jobs=None, lang="id")
    said = capsys.readouterr().out
    index = "content/balai-uji/galleries/g/index.md"
    assert f"{index}: peringatan: foto '02.jpg' ada di folder, tetapi tidak tercantum" in said, said
    assert "TIDAK diterbitkan" in said
    assert f"{index}: peringatan: video 'VID_0001.MP4' tidak diterbitkan" in said and "YouTube" in said
    assert f"{index}: peringatan: dokumen 'undangan.pdf' tidak diterbitkan" in said and "documents/" in said
    assert "Thumbs.db" not in said
    assert "dengan 3 peringatan" in said
    assert len(site.page("galeri/g").select(".gallery-grid li")) == 1
    tasks.run_builds("balai-uji", publish=False, jobs=None, lang="en")  # unchanged: the last build stands
    said = capsys.readouterr().out
    assert f"{index}: warning: the video 'VID_0001.MP4' is not published" in said, said
    assert "with 3 warnings above" in said


def test_livereload_says_the_warnings_too(site):
    gallery_with_strays(site)
    said = []
    assert Rebuilder(site.content, site.output, lang="en", say=said.append).watch_unit("balai-uji")()
    text = "\n".join(said)
    assert "content/balai-uji/galleries/g/index.md: warning: the photo '02.jpg' is in the folder" in text, text
    assert "with 3 warnings above" in text


def giant_jpeg(path, size):
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0], size[1] // 2))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=70)
    return path


def test_a_200_megapixel_phone_photo_builds_decoded_at_the_needed_scale(site):
    giant_jpeg(site.content / "balai-uji/galleries/g/20240101_120000.jpg", (16320, 12240))
    site.write("galleries/g/index.md", "Title: G\n\n![Foto 200 megapiksel](20240101_120000.jpg)\n")
    assert check_unit(site.content / "balai-uji", root=site.root) == []
    built(site)
    img = site.page("galeri/g").select_one(".gallery-grid img")
    assert (img["width"], img["height"]) == ("1600", "1200")


def truncated_jpeg(path):
    data = camera_jpeg(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def truncated_heic(path):
    data = phone_heic(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def progressive_giant(path):
    """A progressive JPEG keeps every coefficient of the whole photo while decoding: 16000×12000 is beyond the limit.

    Made small, then given the header of a giant (the limit is judged from the header, before decoding).
    """
    Image.new("RGB", (64, 48), BLUE).save(path, quality=50, progressive=True)
    data = bytearray(path.read_bytes())
    frame = data.index(b"\xff\xc2")  # SOF2: length, precision, height, width
    data[frame + 5 : frame + 9] = struct.pack(">HH", 12000, 16000)
    path.write_bytes(bytes(data))


BAD_PHOTOS = {
    "kosong.jpg": (lambda path: path.write_bytes(b""), "photo_empty"),
    "teks.jpg": (lambda path: path.write_text("bukan foto"), "photo_not_image"),
    "terpotong.jpg": (truncated_jpeg, "photo_corrupt"),
    "terpotong.heic": (truncated_heic, "photo_not_image"),  # its boxes cut: not even a header to read
    "bom.png": (lambda path: png_claiming(path, (30000, 30000)), "photo_too_large"),
    "progresif.jpg": (progressive_giant, "photo_too_large"),
}


@pytest.mark.parametrize("name", sorted(BAD_PHOTOS))
def test_the_check_and_the_build_refuse_each_bad_photo_alike(site, tmp_path, name):
    make, code = BAD_PHOTOS[name]
    path = site.content / "balai-uji/galleries/g" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    site.write("galleries/g/index.md", f"Title: G\n\n![Foto]({name})\n")
    checked = [(p.path.name, p.code) for p in check_unit(site.content / "balai-uji", root=site.root)]
    assert checked == [(name, code)]
    with pytest.raises(PhotoError) as refused:
        derive(str(path), Recipe(), str(tmp_path / "pipeline-cache"))  # the build's own pipeline, no check before it
    assert refused.value.code == code


def test_a_phones_mpo_photo_is_decoded_at_the_needed_scale_like_any_jpeg(tmp_path):
    """Some phones write MPO: a JPEG with a second picture after it. Pillow opens it as MPO, not JPEG."""
    path = tmp_path / "IMG_0001.JPG"
    first = giant_jpeg(tmp_path / "first.jpg", (3200, 2400))
    with Image.open(first) as picture:
        picture.save(path, "MPO", save_all=True, append_images=[picture.copy()])
    decoded = decode(path, widest=400)
    assert decoded.image.size == (400, 300)  # read at 1/8 by libjpeg, not whole
    assert decoded.image.getpixel((200, 2))[0] > 200


def test_a_heic_opens_in_a_process_that_never_loaded_the_heif_library_before(tmp_path):
    """libheif is loaded only for a photo Pillow alone cannot open (6 MB less in every build process without one),
    whatever the photo's file is called."""
    heic = phone_heic(tmp_path / "IMG_0042.HEIC")
    named_jpeg = tmp_path / "IMG_0043.jpg"
    named_jpeg.write_bytes(heic.read_bytes())
    script = (
        "import sys\n"
        "from warta.media.decoding import decode\n"
        "assert 'pillow_heif' not in sys.modules\n"
        "for path in sys.argv[1:]:\n"
        "    print(decode(path, widest=400).image.size)\n"
        "print('pillow_heif' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", script, heic, named_jpeg], capture_output=True, text=True, check=True)
    assert shown.stdout.split("\n")[:3] == ["(800, 600)", "(800, 600)", "True"]  # HEIC is decoded whole
