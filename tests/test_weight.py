"""The page-weight report counts what a phone downloads: compressed HTML and the page's own CSS and JS."""

import gzip

from warta.weight import page_weight, weight_report


def test_weight_counts_html_css_and_scripts_once_compressed(site):
    site.article()
    site.build()
    unit = site.output / "balai-uji"
    article = unit / "berita/2020/pelatihan-kehumasan/index.html"
    html_only = len(gzip.compress(article.read_bytes(), compresslevel=6))
    css = len(gzip.compress((unit / "theme/css/warta.css").read_bytes(), compresslevel=6))
    assert page_weight(unit, article) >= html_only + css
    report = weight_report(unit)
    assert report.startswith("balai-uji: ") and "budget 30 KiB" in report
    assert "berita/2020/pelatihan-kehumasan/" in report
