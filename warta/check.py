"""``invoke check``: every contract problem of a unit, found without rendering the site."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from warta import urls
from warta.contract import (
    NEWS,
    UnreadableFile,
    check_document,
    is_draft,
    kind_of,
    parse_date,
    read_document,
    slug_of,
)
from warta.galleries import content_photo_problems, gallery_folders, read_gallery
from warta.problems import ERROR, Problem, display_path
from warta.units import DEFAULT_TIMEZONE, read_unit

MARKDOWN_SUFFIXES = {".md", ".markdown"}


def check_unit(folder: Path, root: Path | None = None) -> list[Problem]:
    """unit.toml and every news item, page and gallery of the unit in ``folder``, errors and warnings.

    ``root`` is the repository root, for naming the other file of a pair (default: two levels up).
    """
    root = Path(root) if root else Path(folder).resolve().parent.parent
    unit, problems = read_unit(folder)
    timezone = unit.timezone if unit else DEFAULT_TIMEZONE
    addresses = defaultdict(list)
    for path in content_files(folder):
        kind = kind_of(path, folder)
        try:
            doc = read_document(path)
        except UnreadableFile as unreadable:
            problems.append(unreadable.problem)
            continue
        found = check_document(doc, kind, timezone)
        problems += found + content_photo_problems(doc, folder)
        if not any(p.is_error for p in found) and not is_draft(doc):
            addresses[address_of(doc, kind, timezone)].append(path)
    problems += address_problems(addresses, root)
    for gallery in gallery_folders(folder):
        problems += read_gallery(gallery, folder, timezone)[1]
    return problems


def content_files(folder: Path) -> list[Path]:
    """The Markdown files of news and pages (translations come with the bilingual plugin)."""
    files = []
    for top in ("news", "pages"):
        files += [
            path
            for path in sorted((Path(folder) / top).rglob("*"))
            if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file() and not is_translation(path)
        ]
    return files


def is_translation(path: Path) -> bool:
    return Path(path).stem.lower().endswith(".en")


def address_of(doc, kind: str, timezone: str) -> str:
    """The URL the document will be published at, relative to the site."""
    if kind == NEWS:
        return urls.ARTICLE["url"].format(date=parse_date(doc.get("date"), timezone), slug=slug_of(doc))
    return urls.PAGE["url"].format(slug=slug_of(doc))


def address_problems(addresses: dict[str, list[Path]], root: Path) -> list[Problem]:
    """Two files on one URL are an error naming both; a page may not take a section's URL."""
    problems = []
    for url, paths in addresses.items():
        for path in paths:
            for other in paths:
                if other != path:
                    problems.append(Problem.of(path, "duplicate_url", url=url, other=display_path(other, root)))
            if url.strip("/") in urls.RESERVED:
                problems.append(Problem.of(path, "reserved_slug", url=url))
    return problems


def count(problems: list[Problem]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for p in problems if p.severity == ERROR)
    return errors, len(problems) - errors
