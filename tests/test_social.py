"""Canonical URLs, descriptions and social cards, absolute from site_url even in a preview."""

import pytest
from conftest import Site


@pytest.fixture(scope="module")
def carded(tmp_path_factory):
    """One article, built once for the tests that only read its pages."""
    built = Site(tmp_path_factory.mktemp("social"))
    built.unit()
    built.write(
        "news/2020/rapat.md",
        "Title: Rapat <Koordinasi>\nDate: 2020-11-13\nPenulis: A\nSummary: Rapat **penting** hari ini.\n\nIsi.\n",
    )
    [build] = built.build()
    assert build.ok, build.log
    return built


def meta(page, prop):
    found = page.find("meta", attrs={"property": prop}) or page.find("meta", attrs={"name": prop})
    return found["content"] if found else None


def test_article_card(carded):
    page = carded.page("berita/2020/rapat")
    url = "https://balai-uji.example.go.id/berita/2020/rapat/"
    assert page.find("link", rel="canonical")["href"] == url
    assert meta(page, "og:url") == url
    assert meta(page, "og:title") == "Rapat <Koordinasi>"
    assert meta(page, "og:description") == meta(page, "description") == "Rapat penting hari ini."
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:locale") == "id_ID"
    assert meta(page, "article:published_time").startswith("2020-11-13T00:00:00+07:00")
    assert meta(page, "twitter:card") in ("summary", "summary_large_image")


def test_listing_pages_have_their_own_canonical(carded):
    assert carded.page("berita").find("link", rel="canonical")["href"] == "https://balai-uji.example.go.id/berita/"
    assert meta(carded.page(""), "og:type") == "website"
