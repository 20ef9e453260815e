"""``invoke check``: every contract problem of a unit, found without rendering the site."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path

from warta.model import urls
from warta.model.contract import (
    KIND_OF_FOLDER,
    NEWS,
    UnreadableFile,
    check_document,
    is_draft,
    parse_date,
    slug_of,
)
from warta.model.documents import document_files, document_problems, shared_document_urls
from warta.model.galleries import content_photo_problems, gallery_folders, read_gallery
from warta.model.languages import LANGUAGES
from warta.model.links import LinkChecker
from warta.model.placeholders import placeholder_problems
from warta.model.problems import ERROR, WARNING, Problem, display_path
from warta.model.protection import review_problems
from warta.model.translations import category_problems, is_translation, lang_of, pair
from warta.model.unit_content import UnitContent
from warta.model.units import DEFAULT_TIMEZONE, is_inside, read_unit

MARKDOWN_SUFFIXES = {".md", ".markdown"}
EARLIEST_YEAR = 1945  # the ministry's founding; an earlier year is a typo
DATE_ERRORS = {"bad_date", "impossible_date"}


def check_unit(
    folder: Path,
    root: Path | None = None,
    sources: dict[str, Path] | None = None,
    publishing: bool = False,
    content: UnitContent | None = None,
) -> list[Problem]:
    """unit.toml and every news item, page, gallery, document and link of the unit in ``folder``.

    ``root`` is the repository root, for naming the other file of a pair (default: two levels up). ``sources``,
    when given, is filled with the source file of each item's URL (for the built site's own check to name).
    ``publishing``: a protected item without an editor's review is an error (else a warning listing it).
    ``content``: where each file is read once (a build passes its own, to use the documents again after).
    """
    root = Path(root) if root else Path(folder).resolve().parent.parent
    content = UnitContent() if content is None else content
    unit, problems = read_unit(folder)
    timezone = unit.timezone if unit else DEFAULT_TIMEZONE
    protection = unit.protection if unit else ""
    addresses = defaultdict(list)
    depth = len(Path(folder).parts)
    this_year = datetime.now().year
    readable = []
    for path in content_files(folder):
        kind = KIND_OF_FOLDER[path.parts[depth]]  # as kind_of, without resolving each path
        if not is_inside(folder, path):
            problems.append(Problem.of(path, "outside_unit"))
            continue
        try:
            doc = content.document(path)
        except UnreadableFile as unreadable:
            problems.append(unreadable.problem)
            continue
        if is_translation(path):
            pairing = pair(doc, kind, timezone, content)
            found, doc = pairing.problems, pairing.document
        else:
            found = check_document(doc, kind, timezone) + category_problems(doc, unit.categories if unit else {})
        if not any(p.code in DATE_ERRORS for p in found):
            found += date_problems(doc, this_year)
        problems += found + content_photo_problems(doc, folder) + placeholder_problems(doc)
        readable.append(doc)
        if not any(p.is_error for p in found) and not is_draft(doc):
            addresses[address_of(doc, kind, timezone)].append(path)
            problems += review_problems(doc, protection, publishing)
    problems += address_problems(addresses, root)
    galleries = gallery_folders(folder)
    for gallery in galleries:
        index, found = read_gallery(gallery, folder, timezone, content, decode=True)
        problems += found
        if index is not None and not is_draft(index.doc):
            problems += review_problems(index.doc, protection, publishing)
    documents = document_files(folder)
    problems += [problem for document in documents for problem in document_problems(document)]
    problems += shared_document_urls(documents)
    gallery_pages = gallery_urls(galleries)
    published = set(addresses) | set(gallery_pages) | {d.url for d in documents}
    links = LinkChecker(folder, timezone, published, content)
    for doc in readable:
        problems += links.problems(doc, from_draft=is_draft(doc))
    problems += unlinked_documents(documents, links)
    if sources is not None:
        sources.update({url: paths[0] for url, paths in addresses.items()}, **gallery_pages)
    return problems


def gallery_urls(galleries: list[Path]) -> dict[str, Path]:
    """The URL of each gallery's page in each language, with the index.md it comes from."""
    return {
        urls.in_lang(urls.GALLERY["url"].format(slug=folder.name), lang): folder / "index.md"
        for folder in galleries
        for lang in LANGUAGES
    }


def unlinked_documents(documents, links: LinkChecker) -> list[Problem]:
    """Documents published that no page links to: visitors cannot find them."""
    return [
        Problem.of(document.path, "document_unlinked", None, WARNING, url=document.url, name=document.path.name)
        for document in documents
        if document.in_unit not in links.linked and document.url not in links.linked_urls
    ]


def content_files(folder: Path) -> list[Path]:
    """The Markdown files of news and pages, translations included."""
    files = []
    for top in ("news", "pages"):
        files += [
            path
            for path in sorted((Path(folder) / top).rglob("*"))
            if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file()
        ]
    return files


def address_of(doc, kind: str, timezone: str) -> str:
    """The URL the document will be published at, relative to the site (``en/…`` for a translation)."""
    if kind == NEWS:
        url = urls.ARTICLE["url"].format(date=parse_date(doc.get("date"), timezone), slug=slug_of(doc))
    else:
        url = urls.PAGE["url"].format(slug=slug_of(doc))
    return urls.in_lang(url, lang_of(doc.path))


def date_problems(doc, this_year: int) -> list[Problem]:
    """Dates that exist but cannot be right: updated before published, or a likely typo of the year.

    Only for dates check_document accepted, whose ``YYYY-MM-DD`` start compares as text, without parsing again.
    """
    date, modified = doc.get("date").strip()[:10], doc.get("modified").strip()[:10]
    problems = []
    if date and modified and modified < date:
        problems.append(
            Problem.of(doc.path, "modified_before_date", doc.line_of("modified"), modified=doc.get("modified"))
        )
    if date and not EARLIEST_YEAR <= int(date[:4]) <= this_year + 1:
        problems.append(Problem.of(doc.path, "unlikely_date", doc.line_of("date"), WARNING, value=doc.get("date")))
    return problems


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
