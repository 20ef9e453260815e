"""What a visitor gets, in a real browser (Debian's Chromium via Playwright): accessibility, keyboard, zoom, weight."""

import gzip
import re
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import serving

ARTICLE = "/balai-melati/berita/2024/pelatihan-kehumasan/"
GALLERY = "/balai-melati/galeri/pelatihan-kehumasan-2024/"
PAGES = [
    "/balai-melati/",
    "/balai-melati/berita/",
    ARTICLE,
    "/balai-melati/profil/",
    "/balai-melati/arsip/",
    "/balai-melati/kontributor/puti-chairida-anwar/",
    "/balai-melati/en/",
    "/balai-melati/en/berita/",
    "/balai-melati/en" + ARTICLE.removeprefix("/balai-melati"),
    "/balai-melati/en/profil/",
    "/balai-melati/galeri/",
    GALLERY,
    "/balai-melati/en/galeri/pelatihan-kehumasan-2024/",
]


@pytest.fixture(scope="module")
def base_url(example_output):
    with serving(example_output) as url:
        yield url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", [*PAGES, "/balai-melati/cari/?q=anak", "/balai-melati/en/cari/?q=training"])
def test_no_serious_accessibility_violations(phone, base_url, path):
    phone.goto(base_url + path)
    if "cari" in path:
        phone.locator("#search-results li").first.wait_for()
    violations = Axe().run(phone).response["violations"]
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_keyboard_skip_link_and_visible_focus(phone, base_url):
    phone.goto(base_url + ARTICLE)
    phone.keyboard.press("Tab")
    focused = phone.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    box = phone.locator(".skip-link").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0, "the focused skip link is on screen"
    outline = phone.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    phone.keyboard.press("Enter")
    assert phone.evaluate("() => document.activeElement.id") == "isi"
    phone.keyboard.press("Tab")
    assert phone.evaluate("() => document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("path", PAGES)
def test_text_at_200_percent_loses_nothing(phone, base_url, path):
    phone.goto(base_url + path)
    phone.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_article_page_is_light_and_stable(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))  # noqa: PLW0108 (lambda: Playwright cannot wrap a builtin)
    page.goto(base_url + ARTICLE, wait_until="networkidle")
    shift = page.evaluate(
        """() => new Promise(done => {
            let total = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
                .observe({type: 'layout-shift', buffered: true});
            setTimeout(() => done(total), 300);
        })"""
    )
    weights = {"html": 0, "css": 0, "js": 0}
    for response in responses:
        assert response.url.startswith(base_url), f"third-party request: {response.url}"
        kind = response.request.resource_type
        key = {"document": "html", "stylesheet": "css", "script": "js"}.get(kind)
        if key:
            weights[key] += len(gzip.compress(response.body()))
    context.close()
    assert sum(weights.values()) <= 30 * 1024, weights
    assert weights["js"] <= 5 * 1024, weights
    assert shift == 0


def test_search_from_the_home_page_finds_an_article(phone, base_url):
    phone.goto(base_url + "/balai-melati/")
    phone.fill("header input[type=search]", "kehumasan")
    phone.press("header input[type=search]", "Enter")
    phone.wait_for_url("**/balai-melati/cari/?q=kehumasan")
    first = phone.locator("#search-results li").first
    first.wait_for()
    assert "Kehumasan" in first.locator("h2").inner_text()
    assert "2024" in first.locator(".meta").inner_text()
    assert first.locator("mark").count() >= 1
    assert "hasil" in phone.locator("#search-status").inner_text()


@pytest.mark.parametrize("path", [*PAGES, "/balai-melati/cari/?q=anak", "/balai-melati/en/cari/?q=social"])
def test_pages_satisfy_their_content_security_policy(phone, base_url, path):
    errors = []
    phone.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    phone.goto(base_url + path, wait_until="networkidle")
    if "cari" in path:
        phone.locator("#search-results li").first.wait_for()
    policy = phone.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy.startswith("default-src 'self'; script-src 'self'")
    assert ("'wasm-unsafe-eval'" in policy) == ("cari" in path), "WebAssembly only where search runs"
    assert errors == []


def test_english_search_finds_english_pages(phone, base_url):
    phone.goto(base_url + "/balai-melati/en/")
    assert phone.locator("html").get_attribute("lang") == "en"
    phone.fill("header input[type=search]", "training")
    phone.press("header input[type=search]", "Enter")
    phone.wait_for_url("**/balai-melati/en/cari/?q=training")
    first = phone.locator("#search-results li").first
    first.wait_for()
    assert "/en/berita/" in first.locator("h2 a").get_attribute("href")
    shown = phone.locator("#search-results li").count()
    said = f"{shown} result for “training”" if shown == 1 else f"{shown} results for “training”"
    assert phone.locator("#search-status").inner_text() == said


def test_gallery_viewer_works_from_the_keyboard(phone, base_url):
    phone.goto(base_url + GALLERY)
    first = phone.locator("a.gallery-link").first
    first.focus()
    phone.keyboard.press("Enter")
    viewer = phone.locator(".lightbox")
    assert viewer.is_visible() and viewer.get_attribute("role") == "dialog"
    assert phone.evaluate("() => document.activeElement.closest('.lightbox') !== null"), "focus moves into the viewer"
    shown = phone.locator(".lightbox img").get_attribute("src")
    caption = phone.locator(".lightbox-caption").inner_text()
    phone.keyboard.press("ArrowRight")
    assert phone.locator(".lightbox img").get_attribute("src") != shown
    assert phone.locator(".lightbox-caption").inner_text() != caption or not caption
    for _ in range(5):
        phone.keyboard.press("Tab")
        assert phone.evaluate("() => document.activeElement.closest('.lightbox') !== null"), "focus stays inside"
    phone.keyboard.press("Escape")
    assert not viewer.is_visible()
    assert phone.evaluate("() => document.activeElement.classList.contains('gallery-link')"), "focus returns"


def test_gallery_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + GALLERY)
    href = page.locator("a.gallery-link").first.get_attribute("href")
    response = page.goto(urljoin(base_url + GALLERY, href))
    assert response.ok and response.headers["content-type"] == "image/jpeg"
    context.close()


def every_page(output):
    """The address of every page of the example units, in both languages (the portal aside)."""
    pages = sorted(path.parent.relative_to(output).as_posix() for path in output.glob("*/**/index.html"))
    return [f"/{page}/" for page in pages]


def test_no_page_of_the_example_units_scrolls_sideways_on_a_phone(browser, base_url, example_output):
    pages = every_page(example_output)
    assert any("/en/" in page for page in pages) and any(page.endswith("/kontak/") for page in pages)
    context = browser.new_context(viewport={"width": 360, "height": 800})
    # Photos are laid out by their width and height attributes: not fetching them keeps 300 pages quick.
    context.route(re.compile(r".*\.(jpg|webp)$"), lambda route: route.abort())
    phone, wide = context.new_page(), {}
    for page in pages:
        phone.goto(base_url + page)
        overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[page] = overflow
    context.close()
    assert wide == {}, wide


def test_a_pasted_map_fills_the_column_in_its_own_shape(phone, base_url):
    phone.goto(base_url + "/loka-kenanga/kontak/")
    frame = phone.locator("iframe.embed").first
    box, column = frame.bounding_box(), phone.locator("main .body, main").first.bounding_box()
    assert frame.get_attribute("loading") == "lazy" and frame.get_attribute("width") == "600"
    assert box["width"] <= 360 and box["width"] >= column["width"] - 40
    assert abs(box["width"] / box["height"] - 600 / 450) < 0.02
