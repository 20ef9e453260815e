"""The benchmark's corpus follows the authoring contract and is deterministic; its figures have the issue's shape."""

import sys
from types import SimpleNamespace

import pytest
from PIL import Image

from bench import corpus
from bench.preview import rows as preview_rows
from bench.preview import targets as preview_targets
from bench.run import Measured, median_pair, pair_ratios, table, targets
from warta.tool.check import check_unit

TINY = corpus.Sizes(units={corpus.BIG_UNIT: 6}, galleries=1, photos_per_gallery=1)


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, corpus.generate(folder, TINY)


def test_corpus_is_deterministic_valid_and_half_translated(tiny, tmp_path):
    folder, counts = tiny
    assert counts == {"units": 2, "articles": 6, "translations": 3, "photos": 1}
    corpus.generate(tmp_path, TINY)
    assert files(tmp_path / "content") == files(folder / "content")
    unit = folder / "content" / corpus.BIG_UNIT
    assert len(list(unit.rglob("news/**/*.en.md"))) == 3
    assert [p for p in check_unit(unit) if p.is_error] == []
    words = len((unit / "news" / "2015" / "berita-0000.md").read_text().split())
    assert 550 <= words <= 800


def test_photos_are_camera_size_with_orientation_and_gps(tiny):
    [photo] = (tiny[0] / "content" / corpus.PHOTO_UNIT / "galleries").rglob("*.jpg")
    with Image.open(photo) as image:
        exif = image.getexif()
        assert image.size == (4000, 3000)
        assert exif[0x0112] in (1, 3, 6, 8)
        assert exif.get_ifd(0x8825)[1] == "S"
    index = photo.parent / "index.md"
    assert f"]({photo.name} " in index.read_text()


def test_peak_memory_counts_child_processes():
    child = "import time; block = bytearray(80 * 2**20); block[::4096] = b'x' * len(block[::4096]); time.sleep(0.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    measured = Measured([sys.executable, "-c", parent], memory=True)
    assert measured.peak_mb > 80
    assert measured.seconds >= 0.5
    assert measured.peak_of("rss_without_search") > 80
    assert measured.peak_of("pss") > 80


def test_a_timed_run_is_not_slowed_by_sampling_its_memory():
    child = "import time; block = bytearray(80 * 2**20); block[::4096] = b'x' * len(block[::4096]); time.sleep(0.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    measured = Measured([sys.executable, "-c", parent])
    assert measured.seconds >= 0.5
    assert measured.peak_mb == 0  # nothing sampled: the timed run shares its cores with no sampler


def test_peak_memory_without_search_leaves_the_indexer_out():
    indexer = "import time; block = bytearray(80 * 2**20); block[::4096] = b'x' * len(block[::4096]); time.sleep(0.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {indexer!r}, 'pagefind'])"
    measured = Measured([sys.executable, "-c", parent], memory=True)
    assert measured.peak_mb > 80
    assert measured.peak_of("rss_without_search") < 40
    assert measured.peak_of("rss_search") > 80  # the indexer's own, reported apart


def test_table_names_every_target_and_what_was_not_measured():
    results = {
        "warta": {
            "cold_s": 10.0,
            "noop_s": 0.5,
            "edit_one_s": 4.0,
            "photos_cold_ms": None,
            "photos_warm_ms": None,
            "peak_rss_mb": 400.0,
            "peak_rss_without_search_mb": 200.0,
            "peak_rss_search_mb": 300.0,
            "pagefind_cli_peak_mb": 600.0,
            "site_check_cold_s": 0.8,
            "site_check_cold_cpu_s": 0.4,
            "cold_cpu_s": 10.0,
        },
        "pelican": {"cold_s": 12.0, "edit_one_s": 5.0},
        "hugo": None,
        "pillow_floor_ms": 100.0,
        "protected_over_unprotected_cpu": 2.62,
        "corpus": {"units": 1, "articles": 2000, "translations": 1000, "photos": 0},
    }
    shown = table(results)
    assert len(targets(results)) == 13
    assert "Warta's peak RSS, indexer apart, MB (<= 250)" in shown and "200.00  holds" in shown
    assert "indexer peak / Pagefind CLI's (<= 1.0)" in shown and "0.50  holds" in shown
    assert "protected photo / unprotected, CPU (<= 1.5)" in shown and "2.62  MISSED" in shown
    assert "cold / vanilla Pelican cold (<= 1.0)" in shown and "0.83  holds" in shown
    assert "site self-check / cold build, CPU (<= 0.05)" in shown and "0.04  holds" in shown
    assert "one edit / vanilla Pelican one edit (<= 1.0)" in shown and "0.80  holds" in shown
    assert shown.count("not measured") == 6  # no photo pipeline yet, no preview measured (Hugo's rows say n/a)


def test_the_preview_targets_take_the_slowest_round_against_hugo_servers_slowest():
    previews = {
        "warta": {"first_page_s": 8.0, "body_edit_s": [0.3, 0.5], "title_edit_s": [0.9, 0.7], "peak_rss_mb": 300.0},
        "hugo": {"first_page_s": 2.0, "body_edit_s": [0.4, 0.6], "title_edit_s": [0.5, 0.4], "peak_rss_mb": 500.0},
    }
    verdicts = {name: (round(value, 2), limit) for name, value, limit in preview_targets(previews, 10.0)}
    assert verdicts == {
        "preview body edit / hugo server (<= 1.0)": (0.83, 1.0),
        "preview title edit / hugo server (<= 1.0)": (1.8, 1.0),
        "preview memory / hugo server (<= 1.0)": (0.6, 1.0),
        "preview first page / Warta cold (<= 1.0)": (0.8, 1.0),
    }
    shown = dict(preview_rows(previews))
    assert shown["Warta preview: title edit visible on /berita/"] == "0.70–0.90 s"


def test_the_pair_reported_is_the_one_with_the_median_ratio():
    """Builds drift with the shared machine: each Warta build is paired with Pelican's run right after it."""
    pairs = [(SimpleNamespace(seconds=w), SimpleNamespace(seconds=p)) for w, p in ((6.0, 8.0), (9.0, 6.0), (7.0, 7.0))]
    warta, pelican = median_pair(pairs)
    assert (warta.seconds, pelican.seconds) == (7.0, 7.0)
    assert pair_ratios(pairs) == [0.75, 1.5, 1.0]
