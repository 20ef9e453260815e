"""The first view in one round trip: the stylesheet inlined and allowed by the CSP, icons from the logo, the LCP photo
fetched first, nothing shifting. Lighthouse itself is too slow for the suite: bench/lighthouse.py runs it."""

import base64
import hashlib
import io
import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.conftest import serving
from warta.tool.check import check_unit
from warta.tool.weight import FIRST_VIEW_BUDGET_KIB, is_article, page_weight

LOGO_RED = (200, 20, 20)
ACCENT = (11, 83, 148)  # the theme's blue, which its neutral icon is drawn in
PAGES = {
    "home": "/",
    "news list": "/berita/",
    "article": "/berita/2024/pelatihan-kehumasan/",
    "gallery": "/galeri/pelatihan-kehumasan-2024/",
    "standing page": "/profil/",
    "search": "/cari/",
    "home (en)": "/en/",
    "gallery (en)": "/en/galeri/pelatihan-kehumasan-2024/",
}
MOTO_G_POWER = {"width": 412, "height": 823}  # Lighthouse's mobile profile
# The page's layout shifts and its largest paint, as the browser reports them once the page has loaded.
FIRST_VIEW = """() => new Promise(done => {
    let shift = 0, largest = null;
    new PerformanceObserver(list => { for (const e of list.getEntries()) shift += e.value; })
        .observe({type: 'layout-shift', buffered: true});
    new PerformanceObserver(list => { largest = list.getEntries().at(-1).element; })
        .observe({type: 'largest-contentful-paint', buffered: true});
    setTimeout(() => done({
        shift,
        tag: largest && largest.tagName,
        loading: largest && largest.getAttribute('loading'),
        priority: largest && largest.getAttribute('fetchpriority'),
    }), 300);
})"""


def png(path, size, colour):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", size, (*colour, 255)).save(path)


def linked(page, rel):
    return page.select_one(f'link[rel="{rel}"]')["href"].rsplit("/", 1)[-1]


def test_icons_are_made_from_the_logo_served_at_the_root_and_linked_by_content_hash(site):
    png(site.content / "balai-uji/images/logo.png", (300, 200), LOGO_RED)
    site.unit(toml=site.content.joinpath("balai-uji/unit.toml").read_text() + 'logo = "images/logo.png"\n')
    site.article()
    [build] = site.build()
    assert build.ok, build.log
    output = site.output / "balai-uji"
    favicon, touch = (output / "favicon.ico").read_bytes(), (output / "apple-touch-icon.png").read_bytes()
    with Image.open(io.BytesIO(favicon)) as ico:
        assert ico.format == "ICO" and ico.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
        assert ico.convert("RGB").getpixel((24, 24)) == LOGO_RED
        assert ico.getpixel((24, 2))[3] == 0, "the wide logo is centred on transparency, not stretched"
    with Image.open(io.BytesIO(touch)) as apple:
        assert (apple.size, apple.mode) == ((180, 180), "RGB"), "opaque: iOS paints transparency black"
        assert apple.getpixel((90, 90)) == LOGO_RED and apple.getpixel((2, 2)) == (255, 255, 255)
    for page in (site.page(""), site.page("berita/2020/pelatihan-kehumasan")):
        icon, apple_icon = linked(page, "icon"), linked(page, "apple-touch-icon")
        assert icon == f"favicon.{hashlib.sha256(favicon).hexdigest()[:12]}.ico"
        assert apple_icon == f"apple-touch-icon.{hashlib.sha256(touch).hexdigest()[:12]}.png"
        assert (output / icon).read_bytes() == favicon and (output / apple_icon).read_bytes() == touch


def test_a_unit_without_a_usable_logo_gets_the_themes_icon_and_a_warning(site):
    site.article()
    site.unit(
        "balai-svg", toml='name = "Balai SVG"\nsite_url = "https://svg.example.go.id"\nlogo = "images/logo.svg"\n'
    )
    svg = site.content / "balai-svg/images/logo.svg"
    svg.parent.mkdir(parents=True)
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    builds = site.build("balai-uji", "balai-svg")
    assert all(build.ok for build in builds), [build.log for build in builds]
    [warning] = [p.format("en") for p in check_unit(site.content / "balai-svg") if not p.is_error]
    assert warning.endswith(
        "unit.toml:3: warning: the logo 'images/logo.svg' is not a PNG, JPEG or WebP picture, "
        "so the site's icon (favicon) is the default one; save the logo as PNG"
    )
    icons = [(site.output / unit / "favicon.ico").read_bytes() for unit in ("balai-uji", "balai-svg")]
    assert icons[0] == icons[1]
    with Image.open(io.BytesIO(icons[0])) as ico:
        assert ico.convert("RGB").getpixel((4, 24)) == ACCENT
    portal = BeautifulSoup((site.output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert (site.output / linked(portal, "icon")).read_bytes() == icons[0], "the portal has the neutral icon too"
    assert (site.output / "favicon.ico").read_bytes() == icons[0]


def test_every_example_articles_first_view_fits_one_round_trip(example_output):
    articles = [
        (page_weight(site, page), page)
        for site in example_output.iterdir()
        if site.is_dir()
        for page in site.rglob("index.html")
        if is_article(site, page)
    ]
    assert len(articles) >= 10
    assert max(articles)[0] <= FIRST_VIEW_BUDGET_KIB * 1024, max(articles)


@pytest.fixture(scope="module")
def unit_root(example_output):
    """The example unit balai-melati served at its own root, as its host serves it."""
    with serving(example_output / "balai-melati") as url:
        yield url


def first_view(browser, url, viewport):
    """Load ``url`` as a visitor would: what it requested (with the browser's priority), said and showed."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    priorities, errors = {}, []
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: priorities.setdefault(e["request"]["url"], e["request"]["initialPriority"]),
    )
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(url, wait_until="load")
    seen = page.evaluate(FIRST_VIEW)
    style = page.evaluate(
        """() => ({
            sheets: [...document.styleSheets].map(s => s.ownerNode.tagName + (s.href || '')),
            text: document.querySelector('head style').textContent,
            policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
            header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
        })"""
    )
    context.close()
    return seen, style, priorities, errors


@pytest.mark.parametrize("kind", PAGES)
def test_first_view_needs_no_stylesheet_request_and_shifts_nothing(browser, unit_root, kind):
    seen, style, priorities, errors = first_view(browser, unit_root + PAGES[kind], MOTO_G_POWER)
    assert style["sheets"] == ["STYLE"], "one inlined stylesheet, none to fetch"
    assert not [url for url in priorities if url.endswith(".css")]
    digest = base64.b64encode(hashlib.sha256(style["text"].encode()).digest()).decode()
    assert re.search(rf"style-src [^;]*'sha256-{re.escape(digest)}'", style["policy"])
    assert style["header"] == "rgb(11, 83, 148)", "the policy let the inlined stylesheet apply"
    assert errors == [], "no policy violation, no missing file"
    assert seen["shift"] == 0
    if seen["tag"] == "IMG":
        assert seen["loading"] != "lazy" and seen["priority"] == "high", seen


def test_the_galleries_first_photo_is_fetched_first(browser, unit_root):
    _seen, _style, priorities, _errors = first_view(browser, unit_root + PAGES["gallery"], MOTO_G_POWER)
    photos = [url for url in priorities if "/foto/" in url]
    assert priorities[photos[0]] == "High", "fetchpriority: before the other photos and the scripts"
    assert {priorities[url] for url in photos[1:]} <= {"Low", "Medium"}


def test_favicon_is_served_where_browsers_ask_for_it_unasked(browser, unit_root):
    context = browser.new_context()
    for path in ("/favicon.ico", "/apple-touch-icon.png"):
        response = context.request.get(unit_root + path)
        assert response.ok, path
        with Image.open(io.BytesIO(response.body())) as icon:
            assert icon.format in {"ICO", "PNG"}
    context.close()
