"""sitemap.xml and robots.txt: absolute URLs, every published item, nothing unpublished."""

from xml.etree import ElementTree

import pytest
from conftest import Site

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    """A translated article, a page and a draft, built once for the tests that only read the sitemap and robots.txt."""
    built = Site(tmp_path_factory.mktemp("sitemap"))
    built.unit()
    built.article()
    built.write("news/2020/pelatihan-kehumasan.en.md", "Title: Public Relations Training\n\nThe text.\n")
    built.write("pages/profil.md", "Title: Profil\n\nx\n")
    built.write("news/2020/draf.md", "Title: Draf\nDate: 2020-01-01\nPenulis: A\nStatus: draft\n\nx\n")
    [build] = built.build()
    assert build.ok, build.log
    return built


def sitemap(site):
    return ElementTree.parse(site.output / "balai-uji" / "sitemap.xml").getroot()


def test_sitemap_lists_published_items_with_absolute_urls(mapped):
    locs = {loc.text for loc in sitemap(mapped).iterfind("s:url/s:loc", NS)}
    base = "https://balai-uji.example.go.id/"
    assert {base, base + "berita/", base + "profil/", base + "berita/2020/pelatihan-kehumasan/"} <= locs
    assert not any("draf" in loc for loc in locs)
    lastmod = sitemap(mapped).find("s:url[s:loc='" + base + "berita/2020/pelatihan-kehumasan/']/s:lastmod", NS)
    assert lastmod.text == "2020-11-13"


def test_robots_points_to_the_sitemap(mapped):
    robots = (mapped.output / "balai-uji" / "robots.txt").read_text()
    assert "Sitemap: https://balai-uji.example.go.id/sitemap.xml" in robots.splitlines()


def test_translations_are_alternates_of_each_other_both_ways(mapped):
    base = "https://balai-uji.example.go.id/"
    original, english = base + "berita/2020/pelatihan-kehumasan/", base + "en/berita/2020/pelatihan-kehumasan/"
    entries = {url.find("s:loc", NS).text: url for url in sitemap(mapped).iterfind("s:url", NS)}
    for loc in (original, english):
        links = {link.get("hreflang"): link.get("href") for link in entries[loc].iterfind("x:link", NS)}
        assert links == {"id": original, "en": english, "x-default": original}, loc
    assert base + "en/" in entries
