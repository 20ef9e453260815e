"""The authoring contract: read a content file's ``Key: value`` header and check it, without Pelican.

The same reading serves ``invoke check`` and the Pelican reader, so both report the same problems on the same
lines. It is more forgiving than Markdown's meta extension where staff are (byte-order marks, CRLF, tabs,
``Title : x``) and stricter where mistakes are silent (dates, required fields).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from markupsafe import Markup
from unidecode import unidecode

from warta.model.keys import CREDIT_ROLES, DRAFT, HEADER_KEYS, canonical_key, is_known, key_name, status_meaning
from warta.model.problems import WARNING, Problem
from warta.model.units import relative_in_unit

NEWS, PAGE, GALLERY = "news", "page", "gallery"
KIND_OF_FOLDER = {"news": NEWS, "pages": PAGE, "galleries": GALLERY}

# Every name a credit may be written with → its role, and the other keys: both drawn from warta.model.keys.
CREDIT_KEYS = {name.lower(): key for key in CREDIT_ROLES for name in HEADER_KEYS[key].all()}
PLAIN_KEYS = set(HEADER_KEYS) - set(CREDIT_ROLES)
DATE_FORMATS = {r"\d{4}-\d{2}-\d{2}": "%Y-%m-%d", r"\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}": "%Y-%m-%d %H:%M"}
# What follows the key's name in the line that fixes its absence, per language.
REQUIRED_EXAMPLES = {
    "title": ("Judul Berita", "Article Title"),
    "date": ("2024-11-13 10:00", "2024-11-13 10:00"),
    "writer": ("Nama Penulis; Humas Nama Unit", "Writer's Name; Humas Unit Name"),
}
REQUIRED = {NEWS: ("title", "date", "writer"), PAGE: ("title",), GALLERY: ("title",)}

# What may follow a comma inside one name: a degree (S.Psi., M.Si, Ph.D., SH, MM, PhD, SKom), not another name.
_DEGREE = re.compile(r"^(?:\S*\.\S*|[A-Z]{2,6}|[A-Z][a-z]?[A-Z][A-Za-z]*)$")
_KEY_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*?)\s*$")
_CONTINUATION = re.compile(r"^( {4,}|\t)\S")


class UnreadableFile(Exception):
    """The file cannot be read as text; carries the problem to report."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.code)


@dataclass
class Field:
    """One ``Key: value`` line: ``key`` is canonical (``penulis`` becomes ``writer``)."""

    key: str
    written_key: str  # as staff wrote it: ``Judul``, ``title``
    value: str
    line: int


@dataclass
class Document:
    """A content file split into its header fields and its Markdown body."""

    path: Path
    fields: dict[str, Field] = field(default_factory=dict)
    repeated: list[Field] = field(default_factory=list)
    unknown: list[Field] = field(default_factory=list)
    renamed: list[Field] = field(default_factory=list)  # a key written again under its other name
    body: str = ""
    body_line: int = 1

    def get(self, key: str, default: str = "") -> str:
        found = self.fields.get(key)
        return found.value if found else default

    def line_of(self, key: str) -> int | None:
        found = self.fields.get(key)
        return found.line if found else None


def read_document(path: Path) -> Document:
    """Read and split ``path``; raises UnreadableFile for files that are not UTF-8 text or are empty."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UnreadableFile(Problem.of(path, "not_utf8", line)) from None
    if not text.strip():
        raise UnreadableFile(Problem.of(path, "empty_file"))
    return parse_document(text, path)


def parse_document(text: str, path: Path) -> Document:
    """Split ``text`` into header fields (until the first blank or non-header line) and body."""
    doc = Document(path if isinstance(path, Path) else Path(path))
    lines = text.splitlines()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    last = None
    while index < len(lines):
        line = lines[index]
        match = _KEY_LINE.match(line)
        if last is not None and _CONTINUATION.match(line):
            last.value = f"{last.value} {line.strip()}".strip()
        elif match:
            last = Field(canonical_key(match.group(1)), match.group(1), match.group(2), index + 1)
            _add_field(doc, last)
        else:
            break
        index += 1
    doc.body_line = index + 1
    doc.body = "\n".join(lines[index:])
    return doc


def _add_field(doc: Document, found: Field) -> None:
    if not is_known(found.key):
        doc.unknown.append(found)
    elif found.key not in doc.fields:
        doc.fields[found.key] = found
    elif doc.fields[found.key].written_key.lower() != found.written_key.lower():
        doc.renamed.append(found)
    else:
        doc.repeated.append(found)


def kind_of(path: Path | str, unit_path: Path | str) -> str | None:
    """``news``, ``page`` or ``gallery`` from the top folder of ``path`` inside the unit, else None."""
    return kind_in_unit(relative_in_unit(unit_path, path))


def kind_in_unit(inside: str | None) -> str | None:
    """``kind_of`` from the path inside the unit (``warta.model.units.relative_in_unit``), None for outside."""
    return KIND_OF_FOLDER.get(inside.split("/", 1)[0]) if inside else None


@functools.lru_cache(maxsize=8192)  # pure; the check, a translation's pairing and the reader parse each date again
def parse_date(value: str, timezone: str) -> datetime | None:
    """A date in the only two accepted forms, in the unit's timezone; None when not of those forms.

    Raises ValueError for well-formed dates that do not exist (2024-02-30).
    """
    value = value.strip()
    for pattern, date_format in DATE_FORMATS.items():
        if re.fullmatch(pattern, value):
            return _ascii_date(value, timezone) or datetime.strptime(value, date_format).replace(
                tzinfo=ZoneInfo(timezone)
            )
    return None


def _ascii_date(value: str, timezone: str) -> datetime | None:
    """``value`` (of one of DATE_FORMATS) as strptime reads it, at a tenth of its cost; None for other digits."""
    if not value.isascii():
        return None  # strptime's own rules for digits of other scripts
    time = value[11:].split(":") if len(value) > 10 else ("0", "0")
    year, month, day = int(value[:4]), int(value[5:7]), int(value[8:10])
    return datetime(year, month, day, int(time[0]), int(time[1]), tzinfo=ZoneInfo(timezone))


def slug_of(doc: Document) -> str:
    """The URL slug: ``Slug:`` when given, else the file name, made URL-safe like Pelican does."""
    return make_slug(doc.get("slug") or os.path.basename(doc.path).split(".")[0])


# Pelican's slugify with its default SLUG_REGEX_SUBSTITUTIONS, in ASCII and lower case, makes the slugs of the pages
# Pelican writes; the model works out the same slugs without importing Pelican (0.4 s, and the layers:
# docs/ARCHITECTURE.md). tests/test_pelican_internals.py holds the two equal.
SLUG_SUBSTITUTIONS = ((r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-"))


@functools.lru_cache(maxsize=8192)  # the same names (categories, tags, people) are slugged thousands of times a build
def make_slug(text: str) -> str:
    """``text`` made URL-safe like Pelican does: tags stripped, ASCII, lower case, hyphens."""
    value = unidecode(unicodedata.normalize("NFKC", Markup(text).striptags()))
    for pattern, replacement in SLUG_SUBSTITUTIONS:
        value = re.sub(pattern, replacement, value, flags=re.IGNORECASE)
    return value.lower().strip()


def split_names(value: str) -> list[str]:
    """Names separated by ``;`` (commas belong to degrees: ``Puti Anwar, S.Psi., M.Si.``)."""
    return [name.strip() for name in value.split(";") if name.strip()]


def check_document(doc: Document, kind: str, timezone: str) -> list[Problem]:
    """Every contract problem of one document."""
    problems = [_required_problem(doc, key) for key in REQUIRED[kind] if not doc.get(key).strip()]
    for key in ("date", "modified"):
        problems += _check_date(doc, key, timezone)
    if doc.get("status").strip() and status_meaning(doc.get("status")) is None:
        problems.append(Problem.of(doc.path, "bad_status", doc.line_of("status"), value=doc.get("status")))
    if doc.get("slug") and not slug_of(doc):
        problems.append(Problem.of(doc.path, "bad_slug", doc.line_of("slug"), value=doc.get("slug")))
    for found in doc.fields.values():
        if found.key in CREDIT_ROLES and not split_names(found.value) and found.key not in REQUIRED[kind]:
            problems.append(Problem.of(doc.path, "empty_field", found.line, WARNING, key=found.written_key))
    for found in doc.unknown:
        problems.append(Problem.of(doc.path, "unknown_key", found.line, WARNING, key=found.written_key))
    for found in doc.repeated:
        problems.append(Problem.of(doc.path, "duplicate_key", found.line, WARNING, key=found.written_key))
    for found in doc.renamed:
        first = doc.fields[found.key]
        problems.append(
            Problem.of(
                doc.path,
                "two_key_names",
                found.line,
                key=found.written_key,
                other=first.written_key,
                other_line=first.line,
            )
        )
    problems += _comma_joined_credits(doc)
    return problems


@functools.lru_cache(maxsize=4096)  # pure; the same few people are credited on thousands of items
def looks_comma_joined(name: str) -> bool:
    """True for ``Ani, Budi, Citra``: a comma followed by something that is not a degree."""
    return any(part.strip() and not _DEGREE.match(part.strip()) for part in name.split(",")[1:])


def _comma_joined_credits(doc: Document) -> list[Problem]:
    """Credits that look like several people joined by commas, so staff learn to separate names with ``;``."""
    return [
        Problem.of(doc.path, "names_with_commas", found.line, WARNING, key=found.written_key, value=found.value)
        for found in doc.fields.values()
        if found.key in CREDIT_ROLES and any(looks_comma_joined(name) for name in split_names(found.value))
    ]


def _check_date(doc: Document, key: str, timezone: str) -> list[Problem]:
    value = doc.get(key).strip()
    if not value:
        return []
    try:
        parsed = parse_date(value, timezone)
    except ValueError:
        return [Problem.of(doc.path, "impossible_date", doc.line_of(key), value=value)]
    if parsed is None:
        return [Problem.of(doc.path, "bad_date", doc.line_of(key), value=value)]
    return []


def _required_problem(doc: Document, key: str) -> Problem:
    """A required key that is absent (add the line) or written without a value (fill it in)."""
    if doc.line_of(key) is not None:
        return Problem.of(doc.path, "required_empty", doc.line_of(key), key=doc.fields[key].written_key)
    example, example_en = REQUIRED_EXAMPLES[key]
    return Problem.of(
        doc.path,
        "missing_field",
        name=key_name(key, "id"),
        name_en=key_name(key, "en"),
        example=f"{key_name(key, 'id')}: {example}",
        example_en=f"{key_name(key, 'en')}: {example_en}",
    )


def is_draft(doc: Document) -> bool:
    return status_meaning(doc.get("status")) == DRAFT
