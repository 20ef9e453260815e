"""A unit is a folder under content/ with a unit.toml: read it, validate it, list the units."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PIL import Image

from warta.model.problems import WARNING, ContentError, Problem

UNIT_FILE = "unit.toml"
DEFAULT_TIMEZONE = "Asia/Jakarta"
TOP_KEYS = ("name", "name_en", "short_name", "site_url", "logo", "timezone", "protection")
REQUIRED_KEYS = ("name", "site_url")
TABLES = {
    "contact": ("address", "phone", "email", "map", "hours"),
    "social": ("instagram", "facebook", "youtube", "x", "tiktok"),
    "categories": None,  # any Indonesian name = English name
    "publish": ("branch", "remote", "cname"),
}
URL_KEYS = {("site_url",), ("contact", "map")} | {("social", key) for key in TABLES["social"]}


@dataclass(frozen=True)
class Unit:
    """What unit.toml says about one unit, with defaults filled in."""

    slug: str
    path: Path
    name: str
    site_url: str
    name_en: str = ""
    short_name: str = ""
    logo: str = ""
    timezone: str = DEFAULT_TIMEZONE
    protection: str = ""  # who is protected in every item of the unit (DESIGN.md "Protected people")
    contact: dict = field(default_factory=dict)
    social: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    publish: dict = field(default_factory=dict)

    @property
    def toml_path(self) -> Path:
        return self.path / UNIT_FILE


def content_root(root: Path) -> Path:
    """Where the unit folders are: ``WARTA_CONTENT`` or ``<root>/content``."""
    return Path(os.environ.get("WARTA_CONTENT") or Path(root) / "content")


def unit_slugs(content: Path) -> list[str]:
    """Every unit under ``content``, by folder name, sorted."""
    return sorted(p.name for p in Path(content).iterdir() if p.is_dir() and not p.name.startswith("."))


def load_unit(folder: Path) -> Unit:
    """The unit in ``folder``; raises ContentError naming unit.toml if it is wrong."""
    unit, problems = read_unit(folder)
    if unit is None:
        raise ContentError(problems)
    return unit


def read_unit(folder: Path) -> tuple[Unit | None, list[Problem]]:
    """The unit in ``folder`` (None when unusable) and every problem of its unit.toml."""
    folder = Path(folder).resolve()
    toml_path = folder / UNIT_FILE
    if not toml_path.is_file():
        return None, [Problem.of(folder, "unit_no_toml")]
    text = toml_path.read_bytes().decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, detail = _toml_error_position(str(error))
        return None, [Problem.of(toml_path, "toml_syntax", line, detail=detail)]
    problems = list(_check_keys(data, text, toml_path))
    problems += _check_values(data, text, toml_path, folder)
    problems += _check_publish(data.get("publish"), text, toml_path)
    if any(p.is_error for p in problems):
        return None, problems
    unit = Unit(
        slug=folder.name,
        path=folder,
        name=data["name"],
        site_url=data["site_url"].rstrip("/"),
        name_en=data.get("name_en") or data["name"],
        short_name=data.get("short_name") or data["name"],
        logo=data.get("logo", ""),
        timezone=data.get("timezone", DEFAULT_TIMEZONE),
        protection=data.get("protection", "").strip(),
        **{table: dict(data.get(table, {})) for table in TABLES},
    )
    return unit, problems


def _toml_error_position(detail: str) -> tuple[int | None, str]:
    match = re.search(r"\(at line (\d+), column \d+\)", detail)
    if not match:
        return None, detail
    return int(match.group(1)), detail[: match.start()].strip()


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is assigned or its table opens, for messages."""
    pattern = re.compile(rf"^\s*(\[\s*)?[\"']?{re.escape(key)}[\"']?\s*(=|\])", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _check_keys(data: dict, text: str, path: Path):
    allowed = ", ".join(TOP_KEYS + tuple(f"[{t}]" for t in TABLES))
    for key in REQUIRED_KEYS:
        if not data.get(key):
            yield Problem.of(path, "toml_missing_key", key=key)
    for key, value in data.items():
        if key in TABLES:
            if not isinstance(value, dict):
                yield Problem.of(path, "toml_bad_type", _line_of(text, key), key=key, expected=f"[{key}]")
                continue
            yield from _check_table(key, value, text, path)
        elif key not in TOP_KEYS:
            yield Problem.of(path, "toml_unknown_key", _line_of(text, key), key=key, allowed=allowed)
        elif not isinstance(value, str):
            yield Problem.of(path, "toml_bad_type", _line_of(text, key), key=key, expected=f'{key} = "..."')


def _check_table(table: str, values: dict, text: str, path: Path):
    allowed = TABLES[table]
    for key, value in values.items():
        if allowed is not None and key not in allowed:
            yield Problem.of(
                path, "toml_unknown_key", _line_of(text, key), key=f"{table}.{key}", allowed=", ".join(allowed)
            )
        elif not isinstance(value, str):
            yield Problem.of(
                path, "toml_bad_type", _line_of(text, key), key=f"{table}.{key}", expected=f'{key} = "..."'
            )


def _check_values(data: dict, text: str, path: Path, folder: Path) -> list[Problem]:
    problems = []
    for keys in URL_KEYS:
        value = data
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and value and not is_web_url(value):
            problems.append(Problem.of(path, "toml_bad_url", _line_of(text, keys[-1]), key=".".join(keys), value=value))
    timezone = data.get("timezone")
    if isinstance(timezone, str):
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(Problem.of(path, "toml_bad_timezone", _line_of(text, "timezone"), value=timezone))
    logo = data.get("logo")
    if isinstance(logo, str) and logo and not is_inside(folder, folder / logo, must_exist=True):
        problems.append(Problem.of(path, "toml_missing_file", _line_of(text, "logo"), key="logo", value=logo))
    elif isinstance(logo, str) and logo and not is_raster_image(folder / logo):
        problems.append(Problem.of(path, "toml_logo_not_raster", _line_of(text, "logo"), WARNING, value=logo))
    return problems


def is_raster_image(path: Path) -> bool:
    """True where Pillow reads the file as a picture: the site's icons are made from the logo (plugins/first_view)."""
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def _check_publish(publish, text: str, path: Path) -> list[Problem]:
    """``[publish]``: a bare host name for ``cname`` (GitHub Pages reads CNAME as one), a plain branch name."""
    if not isinstance(publish, dict):
        return []
    problems = []
    cname, branch = publish.get("cname"), publish.get("branch")
    if isinstance(cname, str) and not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", cname):
        problems.append(Problem.of(path, "toml_bad_cname", _line_of(text, "cname"), value=cname))
    if isinstance(branch, str) and (not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]*", branch) or ".." in branch):
        problems.append(Problem.of(path, "toml_bad_branch", _line_of(text, "branch"), value=branch))
    return problems


def is_web_url(value: str) -> bool:
    """True for a full http(s) address with a host."""
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in value


def is_inside(folder: Path | str, path: Path | str, must_exist: bool = False) -> bool:
    """True when ``path`` (symlinks resolved) lies inside ``folder``; optionally it must be a file."""
    if plain_path_below(folder, path) is not None:
        return not must_exist or os.path.isfile(path)
    resolved = Path(path).resolve()  # a link, ``..`` or another spelling of the folder: follow it to where it ends
    if not resolved.is_relative_to(Path(folder).resolve()):
        return False
    return not must_exist or resolved.is_file()


def path_in_unit(folder: Path, path: Path) -> Path | None:
    """``path`` relative to ``folder`` (symlinks resolved), or None when it lies outside."""
    inside = relative_in_unit(folder, path)
    return None if inside is None else Path(inside)


def relative_in_unit(folder: Path | str, path: Path | str) -> str | None:
    """``path_in_unit`` as a POSIX string (``.`` for the folder itself): no pathlib for a path spelled plainly."""
    below = plain_path_below(folder, path)
    if below is not None:
        return below or "."
    try:
        return Path(path).resolve().relative_to(Path(folder).resolve()).as_posix()
    except ValueError:
        return None


def plain_path_below(folder: Path, path: Path) -> str | None:
    """``path`` below ``folder`` as spelled (``""``: the folder itself) when it is plainly there, else None.

    Plainly: spelled inside ``folder`` with no ``..`` and no symlink below it, so inside without resolving. Resolving
    stats every folder from the root, twice; a unit's check and build do it for thousands of files.
    """
    # On strings: pathlib's parsing cost more than the check itself. Any other spelling (``//``, ``./``) is
    # simply not plain, and is resolved by the caller.
    folder_text, path_text = os.fspath(folder).rstrip("/") or "/", os.fspath(path)
    if path_text == folder_text:
        return ""
    prefix = folder_text if folder_text.endswith("/") else folder_text + "/"
    if not path_text.startswith(prefix):
        return None
    below = path_text[len(prefix) :]
    parts = below.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    step = folder_text
    for part in parts:
        step = os.path.join(step, part)
        if os.path.islink(step):
            return None
    return below
