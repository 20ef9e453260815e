"""Protected people: faces blurred in every published photo of a protected item, and the editor's review gate.

Real faces from scikit-image (the astronaut's portrait, LFW faces pasted into a camera-sized group photo); after a
build, both detectors (BlazeFace and the Haar cascade) look at every published file and find none of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from bench.faces import ASTRONAUT_HEAD, astronaut, at_pipeline_size, found, group_photo
from warta import ROOT
from warta.media.faces import BlazeFace, Box, Haar, blur_faces, pipeline_detector
from warta.tool.build import build_units
from warta.tool.check import check_unit

PORTRAIT_FACE = Box(177, 67, 100, 100)  # the astronaut's face in her 512×512 portrait
CARD = (1200, 630)
EXAMPLE_GROUP = ROOT / "content" / "balai-melati" / "galleries" / "kelas-membaca-anak" / "02.jpg"
EXAMPLE_GROUP_FACES = [  # the twelve faces of the example group photo (1024×768), as the full cascade boxes them
    Box(x, y, side, side)
    for x, y, side in [
        (133, 33, 64), (145, 520, 65), (200, 398, 33), (277, 598, 48), (376, 156, 78), (379, 357, 80),
        (567, 287, 92), (608, 612, 93), (669, 6, 79), (768, 269, 83), (902, 60, 82), (912, 623, 80),
    ]
]  # fmt: skip


@pytest.fixture(autouse=True)
def photo_cache(tmp_path, monkeypatch):
    cache = tmp_path / "photo-cache"
    monkeypatch.setenv("WARTA_PHOTO_CACHE", str(cache))
    return cache


@pytest.fixture(scope="module")
def checkers():
    """Ordinary detectors, as they come (BlazeFace at MediaPipe's own threshold, not the pipeline's lower one)."""
    return [BlazeFace(BlazeFace.MEDIAPIPE_SCORE), Haar()]


def portrait(path: Path, side: int = 640) -> list[Box]:
    """The astronaut at ``side`` pixels, saved as a camera JPEG; returns where her face is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    astronaut().resize((side, side), Image.Resampling.LANCZOS).save(path, quality=85)
    scale = side / 512
    face = PORTRAIT_FACE
    return [Box(round(face.x * scale), round(face.y * scale), round(face.w * scale), round(face.h * scale))]


def gallery(site, slug: str, header: str = "", photo: str = "01.jpg") -> Path:
    index = f"Title: Kegiatan Anak\nDate: 2024-01-02\n{header}\n![Anak-anak]({photo})\n"
    site.write(f"galleries/{slug}/index.md", index)
    return site.content / "balai-uji" / "galleries" / slug / photo


def published_photos(site) -> list[Path]:
    return sorted((site.output / "balai-uji" / "foto").glob("*"))


def faces_in(file: Path, faces: list[Box], source: tuple[int, int]) -> list[Box]:
    """Where the source's faces lie in a published file (a resized copy, or the share card's centred crop)."""
    with Image.open(file) as image:
        width, height = image.size
    if "card" in file.name:
        scale = max(CARD[0] / source[0], CARD[1] / source[1])
        dx, dy = (source[0] * scale - CARD[0]) / 2, (source[1] * scale - CARD[1]) / 2
    else:
        scale, dx, dy = width / source[0], 0, 0
    return [
        Box(round(f.x * scale - dx), round(f.y * scale - dy), round(f.w * scale), round(f.h * scale)) for f in faces
    ]


def faces_found(files, faces, source, checkers) -> list[str]:
    """``file: detector`` for every real face a detector finds in a published file."""
    seen = []
    for file in files:
        with Image.open(file) as image:
            image.load()
        where = faces_in(file, faces, source)
        for checker in checkers:
            detections = checker.detect(image)
            seen += [f"{file.name}: {checker.name}" for face in where if found(face, detections)]
    return seen


def test_a_protected_portrait_has_no_face_in_any_published_file_and_is_marked(site, checkers):
    faces = portrait(gallery(site, "kelas-anak", "Perlindungan: anak"))
    [build] = site.build()
    assert build.ok, build.log
    files = published_photos(site)
    assert len(files) == 5  # 640 (the photo's own width) and 480, in WebP and JPEG, and the share card
    assert faces_found(files, faces, (640, 640), checkers) == []
    mark = site.page("galeri/kelas-anak").select_one(".review-mark")
    assert "Belum ditinjau" in mark.get_text()
    assert "Not yet reviewed" in site.page("en/galeri/kelas-anak").select_one(".review-mark").get_text()
    assert "menunggu tinjauan editor (Perlindungan: anak)" in build.log


def test_protection_added_after_caching_derives_again_and_leaves_no_unblurred_file(site, checkers):
    photo = gallery(site, "kelas-anak")
    faces = portrait(photo)
    assert site.build()[0].ok
    before = published_photos(site)
    assert faces_found([f for f in before if f.name.endswith("640.jpg")], faces, (640, 640), checkers[:1])  # control
    gallery(site, "kelas-anak", "Perlindungan: anak")
    assert site.build()[0].ok
    after = published_photos(site)
    assert not {f.name for f in before} & {f.name for f in after}  # new URLs: no browser or CDN keeps the old
    assert faces_found(after, faces, (640, 640), checkers) == []


def test_a_protected_gallery_photo_is_blurred_in_an_unprotected_article_too(site, checkers):
    faces = portrait(gallery(site, "kelas-anak", "Perlindungan: anak\nDitinjau: Intan Qonita N"), side=512)
    site.write(
        "news/2024/kunjungan.md",
        "Title: Kunjungan\nDate: 2024-01-03\nPenulis: Humas\nCover: galleries/kelas-anak/01.jpg\n\n"
        "![Anak-anak](../../galleries/kelas-anak/01.jpg)\n",
    )
    [build] = site.build()
    assert build.ok, build.log
    article = site.page("berita/2024/kunjungan")
    assert article.select_one(".review-mark") is None  # the article is not protected, only its photo is
    gallery_photos = {img["src"].rsplit("/", 1)[1] for img in site.page("galeri/kelas-anak").select("picture img")}
    assert {img["src"].rsplit("/", 1)[1] for img in article.select("picture img")} == gallery_photos
    card = article.select_one('meta[property="og:image"]')["content"].rsplit("/", 1)[1]
    assert card.endswith("-card.jpg") and card.startswith(next(iter(gallery_photos)).rsplit("-", 1)[0])
    assert faces_found(published_photos(site), faces, (512, 512), checkers) == []  # the share card included


def test_a_group_of_many_small_faces_in_a_camera_photo_is_blurred_in_a_protected_article(site, checkers):
    scene = group_photo(30, seed=7)
    photo = site.content / "balai-uji" / "images" / "kelas.jpg"
    photo.parent.mkdir(parents=True)
    scene.image.save(photo, quality=85)
    site.write(
        "news/2024/kelas.md",
        "Title: Kelas\nDate: 2024-01-03\nPenulis: Humas\nPerlindungan: anak\nCover: images/kelas.jpg\n\n"
        "![Anak-anak di kelas](../../images/kelas.jpg)\n",
    )
    [build] = site.build()
    assert build.ok, build.log
    control = at_pipeline_size(scene)
    assert sum(found(f, checkers[1].detect(control.image)) for f in control.faces) >= 25  # the faces are findable
    jpegs = [f for f in published_photos(site) if f.suffix == ".jpg"]
    assert len(jpegs) == 4  # 1600, 960, 480 and the share card
    assert faces_found(jpegs, scene.faces, scene.image.size, checkers) == []
    assert site.page("berita/2024/kelas").select_one(".review-mark") is not None


def test_publishing_refuses_a_protected_item_without_review_naming_file_rule_and_fix(site):
    gallery(site, "kelas-anak", "Perlindungan: korban TPPO")
    Image.new("RGB", (64, 48), "white").save(site.content / "balai-uji" / "galleries" / "kelas-anak" / "01.jpg")
    [build] = build_units(["balai-uji"], site.content, site.output, publish=True)
    assert not build.ok
    assert "galleries/kelas-anak/index.md:3: kesalahan: berkas ini melindungi identitas" in build.log
    assert "(Perlindungan: korban TPPO)" in build.log and "'Ditinjau: <nama editor>'" in build.log
    [build] = build_units(["balai-uji"], site.content, site.output, publish=True, lang="en")
    assert (
        "index.md:3: error: this file protects the identity" in build.log and "'Reviewed: <editor's name>'" in build.log
    )
    assert not (site.output / "balai-uji").exists()
    gallery(site, "kelas-anak", "Perlindungan: korban TPPO\nReviewed: Intan Qonita N")
    [build] = build_units(["balai-uji"], site.content, site.output, publish=True)
    assert build.ok, build.log
    assert site.page("galeri/kelas-anak").select_one(".review-mark") is None


def test_the_render_itself_refuses_when_publishing(site):
    """Pelican with the publishing settings, without invoke: the plugins refuse too."""
    from warta.model.problems import ContentError  # noqa: PLC0415
    from warta.tool.pelican_process import render  # noqa: PLC0415

    site.write("news/2024/kelas.md", "Title: Kelas\nDate: 2024-01-03\nPenulis: Humas\nPerlindungan: anak\n\nTeks.\n")
    with pytest.raises(ContentError) as refused:
        render("balai-uji", site.content, site.root / "staging", publish=True, workers=False)
    assert refused.value.problems[0].code == "protection_unreviewed"


def test_unit_wide_protection_covers_every_item_and_check_lists_those_awaiting_review(site):
    unit = site.unit(toml='name = "Balai Anak"\nsite_url = "https://anak.example.go.id"\nprotection = "anak"\n')
    site.article()
    site.write("news/2020/ditinjau.md", "Title: Sudah\nDate: 2020-01-01\nPenulis: Humas\nDitinjau: Intan\n\nTeks.\n")
    site.write("news/2020/draf.md", "Title: Draf\nDate: 2020-01-01\nPenulis: Humas\nStatus: draft\n\nTeks.\n")
    waiting = [p for p in check_unit(unit) if p.code == "protection_awaiting_review"]
    assert [p.path.name for p in waiting] == ["pelatihan-kehumasan.md"]
    assert 'unit.toml: protection = "anak"' in waiting[0].format()
    refused = [p for p in check_unit(unit, publishing=True) if p.is_error]
    assert [p.code for p in refused] == ["protection_unreviewed"]
    [build] = site.build()
    assert build.ok
    assert site.page("berita/2020/pelatihan-kehumasan").select_one(".review-mark") is not None
    assert site.page("berita/2020/ditinjau").select_one(".review-mark") is None


def test_keys_in_english_and_a_translation_inherit_protection(site):
    site.write("news/2024/kelas.md", "Title: Kelas\nDate: 2024-01-03\nPenulis: Humas\nProtection: child\n\nTeks.\n")
    site.write("news/2024/kelas.en.md", "Title: Class\n\nText.\n")
    problems = check_unit(site.content / "balai-uji")
    assert not [p for p in problems if p.code == "unknown_key"]
    assert sorted(p.path.name for p in problems if p.code == "protection_awaiting_review") == [
        "kelas.en.md",
        "kelas.md",
    ]
    assert site.build()[0].ok
    assert site.page("en/berita/2024/kelas").select_one(".review-mark") is not None


def test_a_close_up_face_too_large_for_yunets_anchors_is_found_whole_and_blurred(checkers):
    """A face of 940 px in a 1600-px photo: the full-size pass sees fragments of it, the quarter-wide copy the face."""
    head = astronaut().crop(ASTRONAUT_HEAD).resize((1600, 1976), Image.Resampling.LANCZOS)
    scale = 1600 / (ASTRONAUT_HEAD[2] - ASTRONAUT_HEAD[0])
    face = Box(round((177 - ASTRONAUT_HEAD[0]) * scale), round((67 - ASTRONAUT_HEAD[1]) * scale), 941, 941)
    assert found(face, pipeline_detector().detect(head))
    blurred = blur_faces(head)
    assert [checker.name for checker in checkers if found(face, checker.detect(blurred))] == []


def test_no_face_of_the_example_units_protected_group_photo_is_seen_after_the_blur(checkers):
    """The children's centre's gallery: faces of 33–93 px; YuNet misses the one of 93, which the cascade finds."""
    with Image.open(EXAMPLE_GROUP) as taken:
        photo = taken.convert("RGB")
    as_taken = checkers[1].detect(photo)
    assert all(found(face, as_taken) for face in EXAMPLE_GROUP_FACES)  # the faces are findable
    blurred = blur_faces(photo)
    assert [
        (checker.name, face)
        for checker in checkers
        for face in EXAMPLE_GROUP_FACES
        if found(face, checker.detect(blurred))
    ] == []
