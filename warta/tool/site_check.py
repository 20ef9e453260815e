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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from warta.model.messages import labelled, message
from warta.model.problems import display_path
from warta.model.stamps import file_identity, read_json, write_json_whole

# Every attribute holding a URL the browser fetches or follows, as our templates and the sanitizer write them
# (after a space, in double quotes): a pattern that starts with a plain character is searched three times faster.
LINK = re.compile(r' (href|src|srcset)="([^"]*)"')
XML_LINK = re.compile(r"<loc>([^<]*)</loc>|<link\b[^>]*\shref=\"([^\"]*)\"")
PAGE_SUFFIXES = (".html", ".xml")
ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
SHOWN = 20  # broken links listed in the log; the count says how many more


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (site-relative path of the written file) to nothing in the output."""

    page: str
    url: str


def broken_links(site: Path, site_url: str, record: Path | None = None) -> list[BrokenLink]:
    """Every internal link of every HTML page and XML file (feeds, sitemap) of ``site`` that is not one of its files.

    Absolute links to ``site_url`` (feeds, sitemap, published builds) count as internal. ``record``: what the last
    check that passed saw, kept there for the next (``CheckRecord``): a page whose file is the one it checked then
    (linked from the last good site, plugins/rendering/reuse.py) is not read again while every file its links
    landed on is still there.
    """
    site = Path(site)
    files, pages = output_files(site)
    prefix = site_url.rstrip("/") + "/"
    last = CheckRecord.read(record, prefix, files)
    seen = CheckRecord(prefix)
    # Whether a link lands, by where it is written: a link that first climbs to the root ({{ SITEURL }}/... in a
    # preview) lands alike from every folder of one depth, which most links of most pages do. The file it lands
    # on; "" for a link elsewhere; None for a broken one.
    landed: dict[tuple[str | int, str], str | None] = {}
    broken = []
    for page in pages:
        identity = file_identity(site / page)
        seen.pages[page] = identity
        if last.pages.get(page) == identity:
            continue
        folder = posixpath.dirname(page)
        depth = folder.count("/") + 1 if folder else 0
        climb = "../" * depth
        text = (site / page).read_text(encoding="utf-8", errors="replace")
        for url in page_urls(text, page.endswith(".xml")):
            key = (depth, url) if url.startswith(climb) else (folder, url)
            if key not in landed:
                path = site_path(url, folder, depth, prefix)
                landed[key] = "" if path is None else landing(path, files)
            if landed[key] is None:
                broken.append(BrokenLink(page, url))
    if record is not None and not broken:
        seen.landed = (last.landed | set(landed.values())) - {"", None}
        seen.write(record)
    return broken


@dataclass
class CheckRecord:
    """A passed check's pages by file identity, and every file a link of theirs landed on, for one ``prefix``."""

    prefix: str
    pages: dict[str, list[int]] = field(default_factory=dict)
    landed: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, record: Path | None, prefix: str, files: set[str]) -> CheckRecord:
        """The last record, when it can vouch for its pages here: same site URL, every file they linked still there."""
        data = read_json(record)  # none yet, or cut short: every page is read
        last = cls(data.get("prefix", ""), data.get("pages", {}), set(data.get("landed", [])))
        return last if last.prefix == prefix and last.landed <= files else cls(prefix)

    def write(self, record: Path) -> None:
        write_json_whole(record, {"prefix": self.prefix, "pages": self.pages, "landed": sorted(self.landed)})


def output_files(site: Path) -> tuple[set[str], list[str]]:
    """Every file of the site by its site-relative path, and the pages among them (sorted)."""
    files = set()
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        base = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        files.update(base + name for name in names)
    return files, sorted(name for name in files if name.endswith(PAGE_SUFFIXES))


def page_urls(text: str, is_xml: bool) -> set[str]:
    """The distinct URLs a page links to (each candidate of a ``srcset`` on its own), HTML entities undone."""
    if is_xml:
        return {loc or href for loc, href in XML_LINK.findall(text)}
    found = set()
    for attribute, value in set(LINK.findall(text)):
        if attribute == "srcset":
            found.update(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
        else:
            found.add(value)
    return {html.unescape(url) if "&" in url else url for url in found if url}


def site_path(url: str, folder: str, depth: int, prefix: str) -> str | None:
    """The site-relative path ``url`` on a page in ``folder`` (``depth`` folders deep) lands on; None: elsewhere.

    A path that leaves the site starts with ``../``.
    """
    if url.startswith(prefix) or url + "/" == prefix:
        path = url[len(prefix) :]
    elif ELSEWHERE.match(url):
        return None
    elif url.startswith("/"):
        path = url[1:]
    else:
        path = url
        ups = 0
        while path.startswith("../"):
            path, ups = path[3:], ups + 1
        if ups != depth:  # not straight from the root ({{ SITEURL }}/... in a preview): join it to the folder
            path = posixpath.join(folder, url)
    path = unquote(path.split("#", 1)[0].split("?", 1)[0])
    if path in ("", "."):
        return ""
    normal = posixpath.normpath(path)
    return normal + "/" if path.endswith("/") and normal != "." else ("" if normal == "." else normal)


def landing(path: str, files: set[str]) -> str | None:
    """The file of the site a site-relative path lands on (a folder: its index.html); None: no such file."""
    if path.startswith("../") or path == "..":
        return None
    if path == "" or path.endswith("/"):
        return path + "index.html" if path + "index.html" in files else None
    for candidate in (path, path + "/index.html"):
        if candidate in files:
            return candidate
    return None


def report(broken: list[BrokenLink], sources: dict[str, Path], lang: str, root: Path | None) -> str:
    """The log lines of a failed self-check: each broken link with its page and, where known, its source file."""
    lines = [labelled("site_check_failed", lang, count=len(broken))]
    for link in broken[:SHOWN]:
        source = sources.get(link.page.removesuffix("index.html"))
        where = message("site_broken_link_source", lang, path=display_path(source, root)) if source else ""
        lines.append(message("site_broken_link", lang, page=link.page, url=link.url, source=where))
    if len(broken) > SHOWN:
        lines.append(f"… (+{len(broken) - SHOWN})")
    return "\n".join(lines)
