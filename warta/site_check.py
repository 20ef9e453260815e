"""The built site checks itself: every internal ``href``, ``src`` and ``srcset`` of every page must be a file of it.

It runs on every build, after rendering and the search index, before the site is swapped in, so a template or
plugin bug that writes a broken link fails the build instead of reaching a visitor (as Hugo fails on a broken
``ref``). It must stay cheap: one regular-expression pass over the bytes of each written page, a set of the
output's paths, and each distinct link resolved once per folder (bench/RESULTS.md gives its cost).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from warta.messages import message
from warta.problems import display_path

# Every attribute holding a URL the browser fetches or follows, as our templates and sanitizer write them.
REFERENCE = re.compile(rb"""\s(href|src|srcset)=(?:"([^"]*)"|'([^']*)')""")
XML_LINK = re.compile(rb"<loc>([^<]*)</loc>|<link\b[^>]*\shref=\"([^\"]*)\"")
PAGE_SUFFIXES = (".html", ".xml")
ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
SHOWN = 20  # broken links listed in the log; the count says how many more


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (site-relative path of the written file) to nothing in the output."""

    page: str
    url: str


def broken_links(site: Path, site_url: str) -> list[BrokenLink]:
    """Every internal link of every HTML page and XML file (feeds, sitemap) of ``site`` that is not one of its files.

    Absolute links to ``site_url`` (feeds, sitemap, published builds) count as internal.
    """
    site = Path(site)
    files, pages = output_files(site)
    prefix = site_url.rstrip("/") + "/"
    checked: dict[tuple[str, str], bool] = {}
    broken = []
    for page in pages:
        folder = posixpath.dirname(page)
        data = (site / page).read_bytes()
        pattern = XML_LINK if page.endswith(".xml") else REFERENCE
        for url in page_urls(pattern, data):
            key = (folder, url)
            if key not in checked:
                checked[key] = exists(url, folder, files, prefix)
            if not checked[key]:
                broken.append(BrokenLink(page, url))
    return broken


def output_files(site: Path) -> tuple[set[str], list[str]]:
    """Every file of the site by its site-relative path, and the pages among them (sorted)."""
    files = set()
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        base = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        files.update(base + name for name in names)
    return files, sorted(name for name in files if name.endswith(PAGE_SUFFIXES))


def page_urls(pattern: re.Pattern, data: bytes):
    """The URLs a page links to (each candidate of a ``srcset`` on its own), HTML entities undone."""
    for match in pattern.finditer(data):
        if pattern is REFERENCE:
            attribute, value = match.group(1), match.group(2) if match.group(2) is not None else match.group(3)
        else:
            attribute, value = b"href", match.group(1) or match.group(2)
        text = value.decode("utf-8", "replace")
        if "&" in text:
            text = html.unescape(text)
        if attribute == b"srcset":
            yield from (candidate.split()[0] for candidate in text.split(",") if candidate.strip())
        elif text:
            yield text


def exists(url: str, folder: str, files: set[str], prefix: str) -> bool:
    """Whether ``url``, written on a page in ``folder``, lands on a file of the site (outside links always do)."""
    if url.startswith(prefix) or url + "/" == prefix:
        path = url[len(prefix) :]
    elif ELSEWHERE.match(url) or url.startswith("#"):
        return True
    elif url.startswith("/"):
        path = url[1:]
    else:
        path = posixpath.join(folder, url)
    path = unquote(path.split("#", 1)[0].split("?", 1)[0])
    is_folder = path == "" or path.endswith("/")
    path = posixpath.normpath(path) if path else "."
    if path.startswith(".."):
        return False
    path = "" if path == "." else path
    if is_folder or path == "":
        return posixpath.join(path, "index.html") in files
    return path in files or posixpath.join(path, "index.html") in files


def report(broken: list[BrokenLink], sources: dict[str, Path], lang: str, root: Path | None) -> str:
    """The log lines of a failed self-check: each broken link with its page and, where known, its source file."""
    lines = [message("site_check_failed", lang, count=len(broken))]
    for link in broken[:SHOWN]:
        source = sources.get(link.page.removesuffix("index.html"))
        where = message("site_broken_link_source", lang, path=display_path(source, root)) if source else ""
        lines.append(message("site_broken_link", lang, page=link.page, url=link.url, source=where))
    if len(broken) > SHOWN:
        lines.append(f"… (+{len(broken) - SHOWN})")
    return "\n".join(lines)
