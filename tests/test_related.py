"""Article extras: related news, latest news, previous/next, share links, print style."""

from urllib.parse import parse_qs, urlparse


def write(site, name, date, tags, category="Kegiatan"):
    site.write(
        f"news/{date[:4]}/{name}.md",
        f"Title: {name.title()}\nDate: {date}\nCategory: {category}\nTags: {tags}\nPenulis: Humas\n\nIsi {name}.\n",
    )


def titles(section):
    return [a.get_text() for a in section.select("li a")]


def test_related_news_by_shared_tags_then_category(site):
    write(site, "pusat", "2021-01-10", "anak, pelatihan, relawan")
    write(site, "dua-tag", "2021-01-01", "anak, pelatihan")
    write(site, "satu-tag", "2021-01-05", "relawan", category="Berita")
    write(site, "satu-tag-kategori", "2021-01-02", "anak")
    write(site, "kategori-saja", "2021-01-03", "lain")
    write(site, "asing", "2021-01-04", "lain", category="Pengumuman")
    site.build()
    page = site.page("berita/2021/pusat")
    related = page.select_one("section.related")
    assert related.h2.get_text() == "Baca Juga"
    assert titles(related) == ["Dua-Tag", "Satu-Tag-Kategori", "Satu-Tag", "Kategori-Saja"]
    latest = titles(page.select_one("section.latest"))
    assert "Pusat" not in latest and latest[0] == "Satu-Tag"


def test_related_is_topped_up_to_three(site):
    write(site, "a", "2021-01-01", "x")
    write(site, "b", "2021-01-02", "y", category="Berita")
    write(site, "c", "2021-01-03", "z", category="Pengumuman")
    write(site, "d", "2021-01-04", "w", category="Layanan")
    site.build()
    assert len(titles(site.page("berita/2021/a").select_one("section.related"))) == 3


def test_previous_and_next_in_date_order(site):
    write(site, "lama", "2021-01-01", "x")
    write(site, "tengah", "2021-02-01", "x")
    write(site, "baru", "2021-03-01", "x")
    site.build()
    nav = site.page("berita/2021/tengah").select_one("nav.prev-next")
    assert "Lama" in nav.select_one('a[rel="prev"]').get_text()
    assert "Baru" in nav.select_one('a[rel="next"]').get_text()
    assert site.page("berita/2021/baru").select_one('nav.prev-next a[rel="next"]') is None


def test_share_links_are_plain_links_whatsapp_first(site):
    site.article()
    site.build()
    page = site.page("berita/2020/pelatihan-kehumasan")
    links = page.select("section.share a")
    assert [a.get_text() for a in links] == ["WhatsApp", "Facebook", "X", "Telegram", "Surel"]
    public_url = "https://balai-uji.example.go.id/berita/2020/pelatihan-kehumasan/"
    whatsapp = parse_qs(urlparse(links[0]["href"]).query)["text"][0]
    assert whatsapp == f"Pelatihan Kehumasan {public_url}"
    assert parse_qs(urlparse(links[1]["href"]).query)["u"] == [public_url]
    assert page.select_one("section.share input")["value"] == public_url
    scripts = [s["src"] for s in page.select("script[src]")]
    assert all(not src.startswith("http") for src in scripts), "no third-party script"


def test_print_style_hides_navigation_and_prints_link_urls(site):
    site.article()
    site.build()
    css = (site.output / "balai-uji/theme/css/warta.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".site-header nav" in print_rules and 'content: " (" attr(href) ")"' in print_rules
