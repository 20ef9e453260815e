"""Text as staff really bring it: pasted tables and embeds, categories of their own, galleries shared on WhatsApp."""

import pytest
from PIL import Image
from test_galleries import camera_jpeg

from warta.tool.check import check_unit


@pytest.fixture(autouse=True)
def photo_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_PHOTO_CACHE", str(tmp_path / "photo-cache"))


def built(site):
    [build] = site.build()
    assert build.ok, build.log
    return site


def test_the_share_text_is_the_first_paragraph_of_prose(site):
    site.write(
        "news/2024/anggaran.md",
        """\
        Title: Realisasi Anggaran
        Date: 2024-03-01
        Penulis: Humas

        ## Ringkasan anggaran

        | Program | Pagu |
        |---|---|
        | Rehabilitasi | 1.200.000 |

        - butir daftar

        <iframe src="https://www.youtube.com/embed/abc" width="560" height="315"></iframe>

        ![Rapat anggaran](https://contoh.id/rapat.jpg "Keterangan foto")

        Balai Uji merealisasikan anggaran rehabilitasi sosial tahun 2024.

        Paragraf kedua.
        """,
    )
    page = built(site).page("berita/2024/anggaran")
    expected = "Balai Uji merealisasikan anggaran rehabilitasi sosial tahun 2024."
    assert page.select_one('meta[name="description"]')["content"] == expected
    assert page.select_one('meta[property="og:description"]')["content"] == expected
    listed = site.page("berita").select_one(".summary").get_text(strip=True)
    assert listed == expected


def test_a_gallery_is_shared_with_its_cover_card_and_every_card_is_small(site):
    folder = site.content / "balai-uji/galleries/hari-anak"
    folder.mkdir(parents=True)
    noise = Image.merge("RGB", [Image.effect_noise((1200, 900), 90) for _ in "RGB"])  # 480 KB as a card at q80
    noise.save(folder / "01.jpg", quality=95)
    camera_jpeg(folder / "02.jpg")
    site.write(
        "galleries/hari-anak/index.md", "Title: Hari Anak\n\n![Anak menari](01.jpg)\n![Anak bernyanyi](02.jpg)\n"
    )
    built(site)
    for url in ("galeri/hari-anak", "en/galeri/hari-anak"):
        page = site.page(url)
        image = page.select_one('meta[property="og:image"]')["content"]
        assert image.startswith("https://balai-uji.example.go.id/foto/01-") and image.endswith("card.jpg"), image
        assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
        assert page.select_one('meta[property="og:image:alt"]')["content"] == "Anak menari"
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    cards = sorted((site.output / "balai-uji/foto").glob("*card.jpg"))
    assert len(cards) == 2
    for card in cards:
        assert card.stat().st_size <= 300_000, card
        with Image.open(card) as opened:
            assert opened.size == (1200, 630)


ARTICLE = "Title: Penyuluhan Sosial\nDate: 2024-05-02\nPenulis: Humas\nCategory: {category}\n\nIsi berita.\n"
TRANSLATION = "Title: Social Outreach\nPenerjemah: Humas\n\nThe text.\n"


def test_a_category_outside_the_list_is_a_warning_and_marked_indonesian_on_english_pages(site):
    site.write("news/2024/penyuluhan.md", ARTICLE.format(category="Penyuluhan"))
    site.write("news/2024/penyuluhan.en.md", TRANSLATION)
    [problem] = check_unit(site.content / "balai-uji", root=site.root)
    text = problem.format("en", site.root)
    assert text.startswith("content/balai-uji/news/2024/penyuluhan.md:4: warning: the category 'Penyuluhan'")
    assert "Kegiatan, Pengumuman" in text and 'Penyuluhan = "English name"' in text
    built(site)
    kicker = site.page("en/berita/2024/penyuluhan").select_one(".kicker a")
    assert kicker.get_text() == "Penyuluhan" and kicker.span["lang"] == "id"
    heading = site.page("en/kategori/penyuluhan").h1
    assert heading.span["lang"] == "id" and heading.span.get_text() == "Penyuluhan"
    assert not site.page("kategori/penyuluhan").h1.select("[lang]")  # an Indonesian page needs no mark


def test_a_category_the_unit_names_in_english_is_shown_in_english(site):
    toml = (site.content / "balai-uji/unit.toml").read_text()
    site.unit(toml=toml + '[categories]\nPenyuluhan = "Outreach"\n')
    site.write("news/2024/penyuluhan.md", ARTICLE.format(category="Penyuluhan"))
    site.write("news/2024/penyuluhan.en.md", TRANSLATION)
    assert check_unit(site.content / "balai-uji", root=site.root) == []
    built(site)
    kicker = site.page("en/berita/2024/penyuluhan").select_one(".kicker a")
    assert kicker.get_text() == "Outreach" and not kicker.select("[lang]")
