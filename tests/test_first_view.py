"""The first view in one round trip: the stylesheet, the scripts and the logo inlined and allowed by the CSP, icons from
the logo, the LCP photo fetched first, nothing shifting. Lighthouse itself is too slow for the suite:
bench/lighthouse.py runs it."""

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
LAPTOP = {"width": 1350, "height": 940}  # Lighthouse's desktop profile
ARTICLE_PHOTO = "/foto/02-"  # the example article's first body photo (below its first paragraph)
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
        src: largest && largest.currentSrc,
    }), 300);
})"""


def png(path, size, colour):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", size, (*colour, 255)).save(path)


def linked(page, rel):
    return page.select_one(f'link[rel="{rel}"]')["href"].rsplit("/", 1)[-1]


def inlined(uri: str) -> Image.Image:
    """The PNG picture a ``data:`` URI holds."""
    kind, data = uri.split(",", 1)
    assert kind == "data:image/png;base64"
    return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGBA")


def header_logo_of(page) -> Image.Image:
    """The logo the header shows, inlined."""
    return inlined(page.select_one(".site-brand img")["src"])


def favicon_of(page) -> Image.Image:
    """The icon the page links, inlined."""
    return inlined(page.select_one('link[rel="icon"]')["href"])


def test_icons_are_made_from_the_logo_served_at_the_root_and_linked_inlined_or_by_content_hash(site):
    png(site.content / "balai-uji/images/logo.png", (300, 200), LOGO_RED)
    site.unit(toml=site.content.joinpath("balai-uji/unit.toml").read_text() + 'logo = "images/logo.png"\n')
    site.article()
    [build] = site.build()
    assert build.ok, build.log
    output = site.output / "balai-uji"
    favicon, touch = (output / "favicon.ico").read_bytes(), (output / "apple-touch-icon.png").read_bytes()
    with Image.open(io.BytesIO(favicon)) as ico:
        assert ico.format == "ICO" and ico.info["sizes"] == {(16, 16), (32, 32)}
        large = ico.ico.getimage((32, 32)).convert("RGBA")  # the frame as a browser reads it, transparency and all
        assert large.getpixel((16, 16)) == (*LOGO_RED, 255)
        assert large.getpixel((16, 2))[3] == 0, "the wide logo is centred on transparency, not stretched"
    with Image.open(io.BytesIO(touch)) as apple:
        assert (apple.size, apple.mode) == ((180, 180), "RGB"), "opaque: iOS paints transparency black"
        assert apple.getpixel((90, 90)) == LOGO_RED and apple.getpixel((2, 2)) == (255, 255, 255)
    for page in (site.page(""), site.page("berita/2020/pelatihan-kehumasan")):
        icon = favicon_of(page)
        assert icon.size == (32, 32) and icon.getpixel((16, 16)) == large.getpixel((16, 16))
        assert icon.getpixel((16, 2))[3] == 0, "the same picture as /favicon.ico's"
        apple_icon = linked(page, "apple-touch-icon")
        assert apple_icon == f"apple-touch-icon.{hashlib.sha256(touch).hexdigest()[:12]}.png"
        assert (output / apple_icon).read_bytes() == touch
        logo = header_logo_of(page)
        assert logo.size == (96, 96), "twice the header's 48 px"
        assert logo.getpixel((48, 48)) == (*LOGO_RED, 255) and logo.getpixel((48, 4))[3] == 0, "not stretched"


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
        assert ico.ico.getimage((32, 32)).convert("RGBA").getpixel((3, 16))[:3] == ACCENT
    portal = BeautifulSoup((site.output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert favicon_of(portal).getpixel((3, 16))[:3] == ACCENT, "the portal has the neutral icon too"
    assert (site.output / "favicon.ico").read_bytes() == icons[0]
    header = site.page("", unit="balai-svg").select_one(".site-brand img")["src"]
    assert header.endswith("images/logo.svg"), "a logo Pillow cannot read is linked as staff saved it"


def test_example_units_icons_and_logos_stay_small(example_output):
    units = [site for site in example_output.iterdir() if (site / "berita").is_dir()]
    assert len(units) >= 3
    for site in units:
        assert (site / "favicon.ico").stat().st_size <= 1536, site.name
        home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(home.select_one('link[rel="icon"]')["href"]) <= 1024, site.name
        assert len(home.select_one(".site-brand img")["src"]) <= 4096, site.name
        assert header_logo_of(home).size == (96, 96)


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


def first_view(browser, url, viewport, scale=1):
    """Load ``url`` as a visitor would: what it requested over the network until loaded (with the priority the
    browser first gave each, and the last once it had laid the page out), said and showed."""
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls, priorities, last, errors = {}, {}, {}, []

    def sent(event):
        if not event["request"]["url"].startswith("data:"):
            urls[event["requestId"]] = event["request"]["url"]
            priorities.setdefault(event["request"]["url"], event["request"]["initialPriority"])
            last.setdefault(event["request"]["url"], event["request"]["initialPriority"])

    def changed(event):
        if event["requestId"] in urls:
            last[urls[event["requestId"]]] = event["newPriority"]

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.resourceChangedPriority", changed)
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
    return seen, style, priorities, last, errors


@pytest.mark.parametrize("kind", PAGES)
def test_first_view_needs_no_stylesheet_request_and_shifts_nothing(browser, unit_root, kind):
    seen, style, priorities, last, errors = first_view(browser, unit_root + PAGES[kind], MOTO_G_POWER)
    assert style["sheets"] == ["STYLE"], "one inlined stylesheet, none to fetch"
    assert not [url for url in priorities if url.endswith(".css")]
    digest = base64.b64encode(hashlib.sha256(style["text"].encode()).digest()).decode()
    assert re.search(rf"style-src [^;]*'sha256-{re.escape(digest)}'", style["policy"])
    assert style["header"] == "rgb(11, 83, 148)", "the policy let the inlined stylesheet apply"
    assert errors == [], "no policy violation, no missing file"
    assert seen["shift"] == 0
    if seen["tag"] == "IMG":
        assert seen["loading"] != "lazy" and last[seen["src"]] == "High", seen
    if kind != "search":  # the search page's script loads Pagefind's
        assert not [url for url in priorities if url.endswith(".js")], "inlined: no script racing the first paint"
    assert not [url for url in priorities if "/images/" in url], "the header's logo is inlined"


def test_the_articles_first_photo_comes_first_on_a_laptop_only(browser, unit_root):
    """On a laptop the body photo is the largest paint: fetched first. On a phone it is below the text, its largest
    paint, and is fetched but not ahead of anything."""
    laptop, _style, priorities, _last, _errors = first_view(browser, unit_root + PAGES["article"], LAPTOP)
    [photo] = [url for url in priorities if ARTICLE_PHOTO in url and url.endswith(".webp") and "-480." not in url]
    assert laptop["src"] == photo and laptop["loading"] is None and priorities[photo] == "High"
    phone, _style, _first, priorities, _errors = first_view(browser, unit_root + PAGES["article"], MOTO_G_POWER, 1.75)
    assert phone["tag"] == "P"
    [photo] = [url for url in priorities if ARTICLE_PHOTO in url and url.endswith("-960.webp")]  # 380 px at 1.75
    assert priorities[photo] == "Low", "even once the page is laid out"


def test_the_galleries_first_photo_is_fetched_first(browser, unit_root):
    _seen, _style, priorities, _last, _errors = first_view(browser, unit_root + PAGES["gallery"], MOTO_G_POWER)
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
