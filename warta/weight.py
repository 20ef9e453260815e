"""Page weight as a phone on costly data pays it: compressed HTML plus the CSS and JavaScript each page loads."""

from __future__ import annotations

import gzip
import re
import statistics
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

BUDGET_KIB = 30
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
        flag = "  OVER" if weight > BUDGET_KIB * 1024 else ""
        lines.append(f"  {weight / 1024:5.1f} KiB  {page.relative_to(site).parent.as_posix()}/{flag}")
    return "\n".join(lines)
