"""Galleries and photos: private (no metadata), upright, responsive, cached outside output/, failing clearly."""

import json
import struct
import zlib

import pytest
from conftest import Site
from PIL import Image, ImageCms

from plugins.galleries.markup import BODY_SIZES, WIDE_SCREEN
from warta import ROOT
from warta.model.galleries import read_gallery
from warta.model.unit_content import UnitContent
from warta.tool.check import check_unit

RED, BLUE = (255, 0, 0), (0, 0, 255)
ORIENTATION, SERIAL, GPS_IFD = 0x0112, 0xA431, 0x8825
GALLERY_TITLE = "Pelatihan Kehumasan 2020"
GALLERY_INDEX = f"""\
Title: {GALLERY_TITLE}
Date: 2020-11-13
Place: Jakarta
Fotografer: Eko Saputra; Purwanto
Summary: Foto pelatihan.

![Peserta mendengarkan materi](01.jpg "Sesi pertama")
![Pemateri di depan kelas](02.jpg "Sesi kedua")
"""


def inline_scripts(page) -> list[str]:
    """The texts of the page's inline scripts (not its JSON-LD)."""
    return [script.string for script in page.select("script:not([src]):not([type])")]


def first_on_wide_screens(around, sizes=BODY_SIZES) -> bool:
    """Whether the photo in ``around`` is preloaded first (WebP, its sizes) on wide screens only, as a body's first."""
    link, img = around.select_one('link[rel="preload"]'), around.select_one("img")
    webp = around.select_one('source[type="image/webp"]')
    return (link["as"], link["type"], link["fetchpriority"], link["media"]) == (
        "image",
        "image/webp",
        "high",
        WIDE_SCREEN,
    ) and (link["imagesrcset"], link["imagesizes"]) == (webp["srcset"], img["sizes"]) == (webp["srcset"], sizes)


def camera_jpeg(path, size=(1200, 900), orientation=1, mode="RGB"):
    """A JPEG as a phone writes it: red top half, blue bottom half, EXIF with orientation, serial and GPS."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0], size[1] // 2))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[SERIAL] = "CAM-SERIAL-0042"
    exif[0x013B] = "Pemilik Kamera"  # Artist: an owner name
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 12.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>6,10.5S</exif:GPSLatitude></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.convert(mode).save(path, "JPEG", exif=exif, xmp=xmp, icc_profile=icc, quality=90)
    return path


@pytest.fixture(autouse=True)
def photo_cache(tmp_path, monkeypatch):
    """Every test gets its own cache, outside its output folder."""
    cache = tmp_path / "photo-cache"
    monkeypatch.setenv("WARTA_PHOTO_CACHE", str(cache))
    return cache


def write_gallery(site):
    """A gallery of two camera photos turned by EXIF, and an article showing one of them and the gallery."""
    folder = site.content / "balai-uji/galleries/pelatihan-kehumasan-2020"
    camera_jpeg(folder / "01.jpg", orientation=6)
    camera_jpeg(folder / "02.jpg", orientation=8)
    site.write("galleries/pelatihan-kehumasan-2020/index.md", GALLERY_INDEX)
    site.write(
        "news/2020/pelatihan.md",
        """\
        Title: Pelatihan
        Date: 2020-11-13 10:00
        Penulis: Humas
        Gallery: pelatihan-kehumasan-2020

        Paragraf pertama.

        ![Peserta berdiskusi](../../galleries/pelatihan-kehumasan-2020/02.jpg "Diskusi kelompok")
        """,
    )
    return site


@pytest.fixture
def gallery_site(site):
    return write_gallery(site)


@pytest.fixture(scope="module")
def built_gallery(tmp_path_factory):
    """The gallery site built once, for the tests that only read what it published."""
    site = Site(tmp_path_factory.mktemp("gallery"))
    site.unit()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_PHOTO_CACHE", str(site.root / "photo-cache"))
        return built(write_gallery(site))


def built(site):
    [build] = site.build()
    assert build.ok, build.log
    return site


def photo_files(site, unit="balai-uji"):
    return sorted((site.output / unit / "foto").iterdir())


def test_published_photos_carry_no_metadata(built_gallery):
    files = photo_files(built_gallery)
    assert {f.suffix for f in files} == {".jpg", ".webp"}
    for path in files:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert "exif" not in image.info and "icc_profile" not in image.info, path
            assert not {"xmp", "XML:com.adobe.xmp", "photoshop"} & set(image.info), path
        data = path.read_bytes()
        assert b"CAM-SERIAL" not in data and b"Pemilik" not in data and b"GPSLatitude" not in data, path


@pytest.mark.parametrize(("name", "red_side"), [("01", "right"), ("02", "left")])
def test_photos_are_turned_upright_by_exif_orientation(built_gallery, name, red_side):
    """Orientation 6 turns the photo clockwise (its top goes right); 8 counter-clockwise (top goes left)."""
    [largest] = [f for f in photo_files(built_gallery) if f.name.startswith(f"{name}-") and f.name.endswith("900.jpg")]
    with Image.open(largest) as image:
        assert image.size == (900, 1200)  # portrait: width and height swapped
        left, right = image.getpixel((20, 600)), image.getpixel((880, 600))
    red, blue = (right, left) if red_side == "right" else (left, right)
    assert red[0] > 200 and red[2] < 60, (left, right)
    assert blue[2] > 200 and blue[0] < 60, (left, right)


def test_gallery_page_has_responsive_pictures_and_links_to_large_photos(built_gallery):
    page = built_gallery.page("galeri/pelatihan-kehumasan-2020")
    assert page.h1.get_text() == "Pelatihan Kehumasan 2020"
    assert "Eko Saputra; Purwanto" in page.select_one(".credits").get_text()
    items = page.select(".gallery-grid li")
    assert [li.img["alt"] for li in items] == ["Peserta mendengarkan materi", "Pemateri di depan kelas"]
    assert [li.figcaption.get_text() for li in items] == ["Sesi pertama", "Sesi kedua"]
    output = built_gallery.output / "balai-uji"
    for li in items:
        source, img = li.select_one('source[type="image/webp"]'), li.img
        webp = [entry.split() for entry in source["srcset"].split(", ")]
        jpeg = [entry.split() for entry in img["srcset"].split(", ")]
        assert [w for _, w in webp] == [w for _, w in jpeg] == ["480w", "900w"]  # 960 and 1600 would upscale
        for url, _ in webp + jpeg:
            assert (output / "galeri/pelatihan-kehumasan-2020" / url).resolve().is_file(), url
        assert (img["width"], img["height"]) == ("900", "1200")
        assert li.a["href"].endswith("-900.jpg") and (output / "galeri/x" / li.a["href"]).resolve().is_file()
    assert "loading" not in items[0].img.attrs  # the first photos are above the fold
    assert items[0].img["fetchpriority"] == "high" and len(page.select("[fetchpriority]")) == 1  # the largest paint
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert (data["@type"], data["name"], data["description"]) == ("ImageGallery", GALLERY_TITLE, "Foto pelatihan.")
    english = json.loads(built_gallery.page("en/galeri/pelatihan-kehumasan-2020").select_one("script[type]").string)
    assert english["name"] == GALLERY_TITLE  # no index.en.md: the Indonesian title stands in
    assert inline_scripts(page) == [(ROOT / "theme/static/js/gallery.js").read_text(encoding="utf-8")]
    assert (output / "theme/js/gallery.js").stat().st_size <= 5 * 1024  # inlined into every gallery page


def test_article_body_photo_becomes_figure_and_gallery_shows_with_cover(built_gallery):
    page = built_gallery.page("berita/2020/pelatihan")
    figure = page.select_one(".body figure")
    assert figure.img["alt"] == "Peserta berdiskusi"
    assert figure.figcaption.get_text() == "Diskusi kelompok"
    assert figure.select_one("picture source")["type"] == "image/webp"
    assert "fetchpriority" not in figure.img.attrs and "loading" not in figure.img.attrs  # the first, after a paragraph
    assert first_on_wide_screens(figure, BODY_SIZES)
    assert "galleries/" not in str(page.select_one(".body"))
    share = page.select_one('meta[property="og:image"]')["content"]
    assert share.startswith("https://balai-uji.example.go.id/foto/01-") and share.endswith("-card.jpg")
    with Image.open(built_gallery.output / "balai-uji/foto" / share.rsplit("/", 1)[1]) as card:
        assert card.size == (1200, 630) and not card.getexif()
    feed = (built_gallery.output / "balai-uji/feeds/atom.xml").read_text(encoding="utf-8")
    assert "galleries/" not in feed and 'srcset="https://balai-uji.example.go.id/foto/02-' in feed
    assert "preload" not in feed, "a page's hint, not a feed entry's"
    strip = page.select_one(".article-gallery")
    assert inline_scripts(page)[0] == (ROOT / "theme/static/js/gallery.js").read_text(encoding="utf-8")
    assert strip.select_one("h2 a")["href"].endswith("galeri/pelatihan-kehumasan-2020/")
    news = built_gallery.page("berita")
    cover = news.select_one(".article-card .cover img")
    assert "01-" in cover["src"] and cover["alt"] == ""
    home = built_gallery.page("")
    assert home.select_one(".gallery-card .gallery-title").get_text() == "Pelatihan Kehumasan 2020"
    nav = [a.get_text() for a in home.select("nav.site-nav a")]
    assert nav[:3] == ["Beranda", "Berita", "Galeri"]


def test_the_first_photo_in_page_order_is_fetched_first_and_never_lazy(gallery_site):
    gallery_site.write(
        "news/2020/dua-foto.md",
        """\
        Title: Dua Foto
        Date: 2020-11-14 10:00
        Penulis: Humas

        Paragraf pertama dengan foto kecil ![Pemateri](../../galleries/pelatihan-kehumasan-2020/01.jpg) di dalamnya.

        ![Peserta berdiskusi](../../galleries/pelatihan-kehumasan-2020/02.jpg "Diskusi kelompok")
        """,
    )
    built(gallery_site)
    body = gallery_site.page("berita/2020/dua-foto").select_one(".body")
    inline, later = body.select("img")
    assert inline["alt"] == "Pemateri" and "loading" not in inline.attrs and first_on_wide_screens(inline.parent.parent)
    assert later["loading"] == "lazy" and len(body.select('link[rel="preload"]')) == 1
    [cover] = gallery_site.page("galeri").select(".gallery-card img")
    assert cover["fetchpriority"] == "high" and "loading" not in cover.attrs  # the galleries page's largest paint
    [home_cover] = gallery_site.page("").select(".gallery-card img")
    assert home_cover["loading"] == "lazy", "below the home page's latest news"


def test_no_camera_file_is_copied_and_nav_has_no_galleries_without_any(site):
    camera_jpeg(site.content / "balai-uji/images/foto-kantor.jpg")
    site.write("pages/profil.md", "Title: Profil\n\n![Kantor balai](../images/foto-kantor.jpg)\n")
    site.write("news/2020/a.md", "Title: A\nDate: 2020-01-01\nPenulis: A\nCover: images/foto-kantor.jpg\n\nIsi.\n")
    built(site)
    assert "/foto-kantor-" in site.page("berita").select_one(".article-card .cover img")["src"]
    tree = site.tree()
    assert not [name for name in tree if name.endswith("foto-kantor.jpg")]
    assert [name for name in tree if name.startswith("foto/foto-kantor-")]
    page = site.page("profil")
    assert page.select_one(".body figure picture img")["alt"] == "Kantor balai"
    assert "Galeri" not in [a.get_text() for a in page.select("nav.site-nav a")]


def test_warm_rebuild_rewrites_no_photo(gallery_site, photo_cache):
    built(gallery_site)
    first = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in photo_files(gallery_site)}
    entries = {p: p.stat().st_mtime_ns for p in photo_cache.rglob("*.*") if "stat" not in p.parts}
    built(gallery_site)
    second = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in photo_files(gallery_site)}
    assert first == second
    assert entries == {p: p.stat().st_mtime_ns for p in photo_cache.rglob("*.*") if "stat" not in p.parts}


def test_a_damaged_cache_entry_is_made_again(gallery_site, photo_cache):
    built(gallery_site)
    damaged = next(photo_cache.rglob("480.webp"))
    damaged.unlink()
    built(gallery_site)
    assert damaged.is_file()
    assert len(photo_files(gallery_site)) == 2 * (2 * 2 + 1)  # two photos: two widths, two formats, a social card


def test_cache_is_shared_by_content_across_units(site, photo_cache):
    for unit in ("balai-uji", "loka-uji"):
        site.unit(unit)
        camera_jpeg(site.content / unit / "galleries/g/01.jpg")
        site.write("galleries/g/index.md", "Title: G\n\n![Foto](01.jpg)\n", unit)
    builds = site.build("balai-uji", "loka-uji")
    assert all(b.ok for b in builds), [b.log for b in builds]
    assert len([p for p in photo_cache.glob("*/*") if p.is_dir() and not p.name.startswith(".")]) == 1
    a, b = (photo_files(site, unit)[0] for unit in ("balai-uji", "loka-uji"))
    assert a.name == b.name and a.stat().st_ino == b.stat().st_ino


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "kosong"),
        (b"this is not a photo", "bukan foto"),
        ("truncated", "rusak atau terpotong"),
    ],
)
def test_bad_photos_fail_the_build_naming_the_file(site, content, expected):
    path = site.content / "balai-uji/galleries/g/01.jpg"
    if content == "truncated":
        data = camera_jpeg(path).read_bytes()
        content = data[: len(data) // 2]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    site.write("galleries/g/index.md", "Title: G\n\n![Foto](01.jpg)\n")
    [build] = site.build()
    assert not build.ok
    assert "galleries/g/01.jpg" in build.log and expected in build.log, build.log


def test_a_108_megapixel_phone_photo_passes(site):
    path = site.content / "balai-uji/galleries/g/besar.jpg"
    path.parent.mkdir(parents=True)
    Image.new("L", (12000, 9000), 90).save(path, quality=50)
    site.write("galleries/g/index.md", "Title: G\n\n![Foto besar](besar.jpg)\n")
    built(site)
    assert site.page("galeri/g").select_one(".gallery-grid img")["width"] == "1600"


def png_claiming(path, size):
    """A tiny PNG whose header claims ``size``: a decompression bomb, refused before a pixel is decoded."""
    Image.new("1", (8, 8)).save(path)
    data = bytearray(path.read_bytes())
    data[16:24] = struct.pack(">II", *size)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(("size", "megapixels"), [((20000, 15000), 300), ((100000, 100000), 10000)])
def test_decompression_bombs_are_refused_from_the_header(site, size, megapixels):
    path = site.content / "balai-uji/galleries/g/bom.png"
    path.parent.mkdir(parents=True)
    png_claiming(path, size)
    site.write("galleries/g/index.md", "Title: G\n\n![Bom](bom.png)\n")
    [build] = site.build()
    assert not build.ok
    expected = f"galleries/g/bom.png: kesalahan: foto {size[0]}×{size[1]} ({megapixels} megapiksel) terlalu besar"
    assert expected in build.log, build.log


def test_check_names_missing_photos_paths_outside_and_missing_alt_with_lines(site):
    camera_jpeg(site.content / "balai-uji/galleries/g/01.jpg")
    camera_jpeg(site.content / "balai-uji/galleries/g/03.jpg")
    (site.content / "balai-uji/galleries/g/Thumbs.db").write_bytes(b"\0")
    site.write("galleries/g/index.md", "Title: G\n\n![Foto](01.jpg)\n![](02.jpg)\n")
    site.write(
        "news/2020/a.md",
        "Title: A\nDate: 2020-01-01\nPenulis: A\nGallery: tidak-ada\n\n"
        "![Foto](../../galleries/g/09.jpg)\n\n![Luar](../../../lain/x.jpg)\n\n![](../../galleries/g/01.jpg)\n",
    )
    site.write("galleries/Foto Rapat/index.md", "Title: Rapat\n")
    problems = [p.format(root=site.root) for p in check_unit(site.content / "balai-uji", root=site.root)]
    text = "\n".join(problems)
    assert "content/balai-uji/galleries/Foto Rapat: kesalahan: nama folder galeri menjadi alamat halamannya" in text
    assert "ganti nama foldernya menjadi 'foto-rapat'" in text
    assert "content/balai-uji/galleries/g/index.md:4: kesalahan: foto '02.jpg' tidak ditemukan" in text
    assert "content/balai-uji/galleries/g/index.md:4: kesalahan: foto '02.jpg' tidak punya teks alternatif" in text
    assert "content/balai-uji/galleries/g/index.md: peringatan: foto '03.jpg' ada di folder" in text
    assert "Thumbs.db" not in text
    assert "content/balai-uji/news/2020/a.md:4: kesalahan: galeri 'tidak-ada' tidak ada" in text
    assert "content/balai-uji/news/2020/a.md:6: kesalahan: foto '../../galleries/g/09.jpg' tidak ditemukan" in text
    assert (
        "content/balai-uji/news/2020/a.md:8: kesalahan: foto '../../../lain/x.jpg' berada di luar folder unit" in text
    )
    assert "content/balai-uji/news/2020/a.md:10: kesalahan: foto '../../galleries/g/01.jpg' tidak punya teks" in text


def test_unlisted_photos_are_not_published_and_english_captions_are_read(gallery_site):
    unit = gallery_site.content / "balai-uji"
    folder = unit / "galleries/pelatihan-kehumasan-2020"
    camera_jpeg(folder / "03.jpg")
    (folder / ".DS_Store").write_bytes(b"\0\1")
    (folder / "desktop.ini").write_text("[.ShellClassInfo]")
    gallery_site.write(
        "galleries/pelatihan-kehumasan-2020/index.en.md",
        'Title: Public Relations Training 2020\n\n![Participants listening](01.jpg "First session")\n',
    )
    index, problems = read_gallery(folder, unit, "Asia/Jakarta", UnitContent())
    assert [p.code for p in problems] == ["photo_unlisted"]
    assert [ref.path.name for ref in index.photos] == ["01.jpg", "02.jpg"]
    assert index.texts["en"].get("title") == "Public Relations Training 2020"
    english = index.captions["en"][(folder / "01.jpg").resolve()]
    assert (english.alt, english.caption) == ("Participants listening", "First session")
    built(gallery_site)
    items = gallery_site.page("galeri/pelatihan-kehumasan-2020").select(".gallery-grid li")
    assert len(items) == 2
    assert [li.img["alt"] for li in items[:1]] == ["Peserta mendengarkan materi"]  # Indonesian page, Indonesian alt
    assert not gallery_site.page("galeri/pelatihan-kehumasan-2020").select(".gallery [lang]")


def test_english_gallery_page_marks_the_indonesian_texts_it_falls_back_to(gallery_site):
    gallery_site.write(
        "galleries/pelatihan-kehumasan-2020/index.en.md",
        'Title: Public Relations Training 2020\n\n![Participants listening](01.jpg "First session")\n',
    )
    built(gallery_site)
    page = gallery_site.page("en/galeri/pelatihan-kehumasan-2020")
    assert page.h1.get_text() == "Public Relations Training 2020" and not page.h1.has_attr("lang")
    first, second = page.select(".gallery-grid li")
    assert (first.img["alt"], first.figcaption.get_text()) == ("Participants listening", "First session")
    assert not first.img.has_attr("lang") and not first.figcaption.has_attr("lang")
    assert (second.img["alt"], second.img["lang"]) == ("Pemateri di depan kelas", "id")
    assert (second.figcaption.get_text(), second.figcaption["lang"]) == ("Sesi kedua", "id")
    assert page.select_one(".summary")["lang"] == "id"  # no English summary was written
    listed = gallery_site.page("en/galeri").select_one(".gallery-title")
    assert listed.get_text() == "Public Relations Training 2020" and not listed.has_attr("lang")


def test_cmyk_greyscale_16_bit_palette_and_alpha_photos_become_plain_srgb(site):
    folder = site.content / "balai-uji/galleries/g"
    folder.mkdir(parents=True)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("CMYK", (600, 400), (0, 255, 255, 0)).save(folder / "cmyk.jpg")
    Image.new("L", (600, 400), 128).save(folder / "grey.jpg", icc_profile=None)
    Image.new("I;16", (600, 400), 40000).save(folder / "deep.png")
    Image.new("P", (600, 400), 3).save(folder / "palette.png", transparency=0)
    Image.new("RGBA", (600, 400), (0, 255, 0, 128)).save(folder / "alpha.png", icc_profile=srgb)
    lines = "".join(
        f"![Foto {name}]({name})\n" for name in ("cmyk.jpg", "grey.jpg", "deep.png", "palette.png", "alpha.png")
    )
    site.write("galleries/g/index.md", "Title: G\n\n" + lines)
    built(site)
    for path in photo_files(site):
        with Image.open(path) as image:
            assert image.mode in ("RGB", "RGBA", "L"), path
            assert "icc_profile" not in image.info and not image.getexif(), path
    [cmyk] = [p for p in photo_files(site) if p.name.startswith("cmyk-") and p.name.endswith("-600.jpg")]
    with Image.open(cmyk) as image:
        red, green, blue = image.convert("RGB").getpixel((10, 10))
        assert red > 200 and green < 80 and blue < 80
    [deep] = [p for p in photo_files(site) if p.name.startswith("deep-") and p.name.endswith("-600.jpg")]
    with Image.open(deep) as image:
        assert 140 < image.convert("L").getpixel((10, 10)) < 170  # 40000 of 65535 is about 156 of 255


def test_draft_and_future_galleries_are_not_published(site):
    for slug, header in (("rahasia", "Status: draft\n"), ("nanti", "Date: 2099-01-01\n")):
        camera_jpeg(site.content / f"balai-uji/galleries/{slug}/01.jpg")
        site.write(f"galleries/{slug}/index.md", f"Title: {slug}\n{header}\n![Foto](01.jpg)\n")
    built(site)
    assert not (site.output / "balai-uji/galeri").exists()
    assert not (site.output / "balai-uji/foto").exists()
    assert "Galeri" not in [a.get_text() for a in site.page("").select("nav.site-nav a")]
