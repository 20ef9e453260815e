"""The page-weight report counts what a phone downloads: compressed HTML and the page's own CSS and JS."""

import gzip
import re

from warta.tool.weight import page_weight, weight_report


def compressed(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def test_weight_counts_html_with_its_inlined_css_and_scripts_once_compressed(site):
    site.article()
    site.build()
    unit = site.output / "balai-uji"
    article = unit / "berita/2020/pelatihan-kehumasan/index.html"
    html = article.read_text(encoding="utf-8")
    assert (unit / "theme/css/warta.css").read_text(encoding="utf-8") in html, "the stylesheet travels in the page"
    assert 'rel="stylesheet"' not in html
    assert not re.findall(r'<script src="([^"]+)"', html) and "navigator.clipboard" in html, "the script too"
    assert page_weight(unit, article) == compressed(article)
    report = weight_report(unit)
    assert report.startswith("balai-uji: ") and "budget 30 KiB" in report
    assert "berita/2020/pelatihan-kehumasan/" in report


def test_report_gives_the_heaviest_articles_first_view_against_one_round_trip(site):
    site.article()
    site.article(name="panjang", title="Berita Panjang")
    long_article = site.content / "balai-uji/news/2020/panjang.md"
    long_article.write_text(long_article.read_text() + "\n\nKalimat yang panjang sekali. " * 200, encoding="utf-8")
    site.build()
    unit = site.output / "balai-uji"
    heaviest = page_weight(unit, unit / "berita/2020/panjang/index.html")
    [line] = [line for line in weight_report(unit).splitlines() if "first view of an article" in line]
    assert f"heaviest {heaviest / 1024:.1f} KiB (berita/2020/panjang/), budget 14 KiB" in line
    assert "OVER" not in line
