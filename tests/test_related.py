"""Article extras: related news, latest news, previous/next, share links, print style.

The choice of related, latest, newer and older articles is the related plugin's pure logic, tested on plain
objects; one build shows what a visitor sees of it, with the share links and the print style.
"""

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from urllib.parse import parse_qs, urlparse

import pytest

from plugins.related.related import link_articles


def named(name):
    return SimpleNamespace(name=name, slug=name.lower())


@dataclass(eq=False)  # compared and hashed by identity, as Pelican's articles are
class Article:
    """What the plugin reads of a Pelican article (its language, date, category and tags), and what it sets."""

    title: str
    date: datetime
    tags: list
    category: SimpleNamespace
    lang: str
    related: list = field(default_factory=list)


def article(title, date, tags, category="Kegiatan", lang="id"):
    tags = [named(tag.strip()) for tag in tags.split(",")]
    return Article(title, datetime.fromisoformat(date), tags, named(category), lang)


def linked(*articles, translations=(), **settings):
    generator = SimpleNamespace(articles=list(articles), translations=list(translations))
    generator.settings = {"DEFAULT_LANG": "id", **settings}
    link_articles(generator)
    return articles


def titles(articles):
    return [other.title for other in articles]


def test_related_by_shared_tags_then_category_newest_first_among_equals():
    center, *_ = linked(
        article("Pusat", "2021-01-10", "anak, pelatihan, relawan"),
        article("Dua-Tag", "2021-01-01", "anak, pelatihan"),  # 4 points
        article("Satu-Tag", "2021-01-05", "relawan", category="Berita"),  # 2 points
        article("Satu-Tag-Kategori", "2021-01-02", "anak"),  # 3 points
        article("Kategori-Saja", "2021-01-03", "lain"),  # topped up from the category
        article("Asing", "2021-01-04", "lain", category="Pengumuman"),
    )
    assert titles(center.related) == ["Dua-Tag", "Satu-Tag-Kategori", "Satu-Tag", "Kategori-Saja"]
    assert titles(center.latest) == ["Satu-Tag", "Asing", "Kategori-Saja", "Satu-Tag-Kategori", "Dua-Tag"]


def test_equal_scores_are_newest_first():
    center, older, newer = linked(
        article("Pusat", "2021-01-10", "anak"),
        article("Lama", "2021-01-01", "anak"),
        article("Baru", "2021-01-05", "anak"),
    )
    assert titles(center.related) == ["Baru", "Lama"]
    assert titles(older.related) == ["Pusat", "Baru"]


def test_related_is_topped_up_from_the_newest_news_to_related_min():
    first, *_ = linked(
        article("A", "2021-01-01", "x"),
        article("B", "2021-01-02", "y", category="Berita"),
        article("C", "2021-01-03", "z", category="Pengumuman"),
        article("D", "2021-01-04", "w", category="Layanan"),
    )
    assert titles(first.related) == ["D", "C", "B"]


@pytest.mark.parametrize(("related_max", "shown"), [(1, ["Dua"]), (5, ["Dua", "Tiga", "Empat"])])
def test_related_max_caps_the_list(related_max, shown):
    center, *_ = linked(
        article("Satu", "2021-01-01", "x"),
        article("Dua", "2021-01-04", "x"),
        article("Tiga", "2021-01-03", "x"),
        article("Empat", "2021-01-02", "x"),
        RELATED_MIN=1,
        RELATED_MAX=related_max,
    )
    assert titles(center.related) == shown


def test_previous_and_next_in_date_order():
    old, middle, new = linked(
        article("Lama", "2021-01-01", "x"), article("Tengah", "2021-02-01", "x"), article("Baru", "2021-03-01", "x")
    )
    assert (middle.older, middle.newer) == (old, new)
    assert (new.newer, old.older) == (None, None)


def test_languages_never_cross():
    original = article("Rapat", "2021-01-01", "x")
    other = article("Lain", "2021-01-02", "x")
    english = article("Meeting", "2021-01-01", "x", lang="en")
    linked(original, other, translations=[english])
    assert titles(original.related) == ["Lain"] and original.newer is other
    assert english.related == [] and english.latest == [] and (english.newer, english.older) == (None, None)


def test_a_visitor_sees_related_latest_previous_next_and_share_links(site):
    """What only a build shows: the sections on the page, the share links' addresses, the print style."""
    for name, date, tags in [("pusat", "2021-01-10", "anak, relawan"), ("lama", "2021-01-01", "anak")]:
        site.write(
            f"news/2021/{name}.md",
            f"Title: {name.title()}\nDate: {date}\nCategory: Kegiatan\nTags: {tags}\nPenulis: Humas\n\nIsi {name}.\n",
        )
    site.build()
    page = site.page("berita/2021/pusat")
    related = page.select_one("section.related")
    assert related.h2.get_text() == "Baca Juga"
    assert [a.get_text() for a in related.select("li a")] == ["Lama"]
    assert [a.get_text() for a in page.select("section.latest li a")] == ["Lama"]
    assert "Lama" in page.select_one('nav.prev-next a[rel="prev"]').get_text()
    assert page.select_one('nav.prev-next a[rel="next"]') is None
    links = page.select("section.share a")
    assert [a.get_text() for a in links] == ["WhatsApp", "Facebook", "X", "Telegram", "Surel"]
    public_url = "https://balai-uji.example.go.id/berita/2021/pusat/"
    whatsapp = parse_qs(urlparse(links[0]["href"]).query)["text"][0]
    assert whatsapp == f"Pusat {public_url}"
    assert parse_qs(urlparse(links[1]["href"]).query)["u"] == [public_url]
    assert page.select_one("section.share input")["value"] == public_url
    scripts = [s["src"] for s in page.select("script[src]")]
    assert all(not src.startswith("http") for src in scripts), "no third-party script"
    css = (site.output / "balai-uji/theme/css/warta.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".site-header nav" in print_rules and 'content: " (" attr(href) ")"' in print_rules
