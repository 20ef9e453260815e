"""A path written in a body names one file, whether it is a photo, a link or the check that reads them."""

import pytest
from PIL import Image
from test_galleries import built, camera_jpeg

from warta.model.paths import resolve_body_path
from warta.tool.check import check_unit


@pytest.fixture(autouse=True)
def photo_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_PHOTO_CACHE", str(tmp_path / "photo-cache"))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("<Foto Rapat.jpg>", "news/2024/Foto Rapat.jpg"),
        ("Foto%20Rapat.jpg?v=2#atas", "news/2024/Foto Rapat.jpg"),
        ("{static}/images/a.png", "images/a.png"),
        ("{filename}../../images/a.png", "images/a.png"),
        ("Foto%20%232.jpg", "news/2024/Foto #2.jpg"),  # CommonMark: %23 is a # of the file name
        ("<Foto #2.jpg>", "news/2024/Foto "),  # CommonMark: # starts an anchor, in angle brackets too
    ],
)
def test_a_written_path_is_read_as_a_markdown_preview_reads_it(tmp_path, written, expected):
    assert resolve_body_path(written, tmp_path / "news" / "2024", tmp_path) == tmp_path / expected


@pytest.mark.parametrize("written", ["../../../lain/a.jpg", "/images/a.jpg", "{static}/../lain/a.jpg"])
def test_a_path_that_leaves_the_unit_or_is_a_site_address_names_no_file(tmp_path, written):
    assert resolve_body_path(written, tmp_path / "news" / "2024", tmp_path) is None


def test_body_photos_written_in_every_form_of_a_path_are_responsive_pictures(site):
    unit = site.content / "balai-uji"
    for name in ("Foto Rapat.jpg", "Foto #2.jpg"):
        camera_jpeg(unit / "images" / name, size=(600, 400))
    Image.new("RGB", (600, 400), (0, 128, 0)).save(unit / "images/a.png")
    site.write(
        "news/2024/rapat.md",
        "Title: Rapat\nDate: 2024-03-01\nPenulis: Humas\n\nParagraf pertama.\n\n"
        "![Diagram]({static}/images/a.png)\n\n"
        "![Peserta rapat](../../images/Foto%20Rapat.jpg)\n\n"
        "Di tengah kalimat ![Peserta](<../../images/Foto Rapat.jpg>) juga.\n\n"
        "![Foto kedua](../../images/Foto%20%232.jpg)\n",
    )
    assert check_unit(unit, root=site.root) == []
    built(site)
    body = site.page("berita/2024/rapat").select_one("article .body")
    figures = [img["alt"] for img in body.select("figure.photo picture img")]
    assert figures == ["Diagram", "Peserta rapat", "Foto kedua"]
    assert [img["alt"] for img in body.select("p > picture img")] == ["Peserta"]
    assert all(img["src"].startswith("../../../foto/") for img in body.select("img"))
    assert not (site.output / "balai-uji/images/a.png").exists()  # the camera file itself is never published


def test_the_check_reads_photos_and_links_written_the_same_way_as_the_same_file(site):
    unit = site.content / "balai-uji"
    camera_jpeg(unit / "images" / "Foto #2.jpg", size=(600, 400))
    Image.new("RGB", (600, 400), (0, 128, 0)).save(unit / "images/a.png")
    site.write(
        "news/2024/rapat.md",
        "Title: Rapat\nDate: 2024-03-01\nPenulis: Humas\n\nParagraf pertama.\n\n"
        "![Diagram]({static}/images/a.png)\n\n"
        "![Foto kedua](../../images/Foto%20%232.jpg)\n\n"
        "[Foto kedua](../../images/Foto%20%232.jpg)\n\n"
        "![Foto kedua](<../../images/Foto #2.jpg>)\n\n"
        "[Foto kedua](<../../images/Foto #2.jpg>)\n\n"
        "![Foto ketiga](<../../images/Foto #3.jpg>)\n",
    )
    problems = {(p.line, p.code) for p in check_unit(unit, root=site.root)}
    assert problems == {
        (11, "link_not_published"),  # found: a photo in images/ is shown with ![...](...), not linked
        (13, "path_hash_in_name"),
        (15, "path_hash_in_name"),
        (17, "photo_missing"),
    }
