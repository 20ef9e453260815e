"""sitemap.xml and robots.txt: absolute URLs, every published item, nothing unpublished."""

from xml.etree import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(site):
    return ElementTree.parse(site.output / "balai-uji" / "sitemap.xml").getroot()


def test_sitemap_lists_published_items_with_absolute_urls(site):
    site.article()
    site.write("pages/profil.md", "Title: Profil\n\nx\n")
    site.write("news/2020/draf.md", "Title: Draf\nDate: 2020-01-01\nPenulis: A\nStatus: draft\n\nx\n")
    site.build()
    locs = {loc.text for loc in sitemap(site).iterfind("s:url/s:loc", NS)}
    base = "https://balai-uji.example.go.id/"
    assert {base, base + "berita/", base + "profil/", base + "berita/2020/pelatihan-kehumasan/"} <= locs
    assert not any("draf" in loc for loc in locs)
    lastmod = sitemap(site).find("s:url[s:loc='" + base + "berita/2020/pelatihan-kehumasan/']/s:lastmod", NS)
    assert lastmod.text == "2020-11-13"


def test_robots_points_to_the_sitemap(site):
    site.article()
    site.build()
    robots = (site.output / "balai-uji" / "robots.txt").read_text()
    assert "Sitemap: https://balai-uji.example.go.id/sitemap.xml" in robots.splitlines()


def test_translations_are_alternates_of_each_other_both_ways(site):
    site.article()
    site.write("news/2020/pelatihan-kehumasan.en.md", "Title: Public Relations Training\n\nThe text.\n")
    site.build()
    base = "https://balai-uji.example.go.id/"
    original, english = base + "berita/2020/pelatihan-kehumasan/", base + "en/berita/2020/pelatihan-kehumasan/"
    entries = {url.find("s:loc", NS).text: url for url in sitemap(site).iterfind("s:url", NS)}
    for loc in (original, english):
        links = {link.get("hreflang"): link.get("href") for link in entries[loc].iterfind("x:link", NS)}
        assert links == {"id": original, "en": english, "x-default": original}, loc
    assert base + "en/" in entries
