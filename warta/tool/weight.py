"""Page weight as a phone on costly data pays it: compressed HTML plus the CSS and JavaScript each page loads.

An article's first view (its HTML with the inlined stylesheet, and its scripts) has a budget of its own: 14 KiB,
what a server sends in its first round trip (TCP's initial window of ten segments), so one trip shows the page.
"""

from __future__ import annotations

import gzip
import re
import statistics
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

from warta.model import urls

BUDGET_KIB = 30
FIRST_VIEW_BUDGET_KIB = 14
# Where an article is written, in either language: berita/<year>/<slug>/index.html, en/ in front for English.
_ARTICLE_FILE = re.compile(
    "(?:en/)?"
    + re.escape(urls.ARTICLE["save_as"]).replace(re.escape("{date:%Y}"), r"\d{4}").replace(re.escape("{slug}"), "[^/]+")
)
_ASSETS = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


@cache
def compressed_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weight(site: Path, page: Path) -> int:
    """Bytes over the wire for ``page``: its HTML and its own CSS and JavaScript, gzip-compressed."""
    total = compressed_size(page)
    for url in _ASSETS.findall(page.read_text(encoding="utf-8")):
        parsed = urlparse(url)
        if parsed.scheme or parsed.netloc:
            continue
        asset = Path(urlparse(urljoin(page.as_uri(), parsed.path)).path)
        if asset.is_file() and asset.is_relative_to(site):
            total += compressed_size(asset)
    return total


def weight_report(site: Path, heaviest: int = 5) -> str:
    """A few lines: the median and heaviest pages of a built site against the budget."""
    weights = sorted(((page_weight(site, page), page) for page in site.rglob("*.html")), reverse=True)
    if not weights:
        return f"{site.name}: -"
    median = statistics.median(weight for weight, _page in weights) / 1024
    lines = [f"{site.name}: {len(weights)} pages, median {median:.1f} KiB, budget {BUDGET_KIB} KiB"]
    for weight, page in weights[:heaviest]:
        lines.append(f"  {weight / 1024:5.1f} KiB  {folder_of(site, page)}{over(weight, BUDGET_KIB)}")
    articles = [(weight, page) for weight, page in weights if is_article(site, page)]
    if articles:
        weight, page = articles[0]
        lines.append(
            f"  first view of an article: heaviest {weight / 1024:.1f} KiB ({folder_of(site, page)}),"
            f" budget {FIRST_VIEW_BUDGET_KIB} KiB{over(weight, FIRST_VIEW_BUDGET_KIB)}"
        )
    return "\n".join(lines)


def is_article(site: Path, page: Path) -> bool:
    return _ARTICLE_FILE.fullmatch(page.relative_to(site).as_posix()) is not None


def folder_of(site: Path, page: Path) -> str:
    return f"{page.relative_to(site).parent.as_posix()}/"


def over(weight: int, budget_kib: int) -> str:
    return "  OVER" if weight > budget_kib * 1024 else ""
