"""``invoke new``: start an article, a gallery or a translation from a template that already passes the check.

What is written is a draft (``Status: draf``), in the Indonesian key names (warta.model.keys)
whose every field is valid, so staff can build and preview it at once
and nothing half-written is published; the command then says what must still be filled.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from warta.model.contract import GALLERY, kind_of, make_slug, read_document
from warta.model.galleries import photo_files
from warta.model.placeholders import ALT_TEXT, ARTICLE_BODY, SKELETON
from warta.model.problems import ContentError, Problem
from warta.model.units import Unit
from warta.tool.check import is_translation

ARTICLE = """\
Judul: {title}
Tanggal: {date}
Tempat:
Kategori: Berita
Tag:
Penulis: Humas {short_name}
Ringkasan:
Status: draf

{body}
"""

GALLERY_INDEX = """\
Judul: {title}
Tanggal: {date}
Tempat:
Fotografer: Humas {short_name}
Ringkasan:
Status: draf

{photos}
"""

TRANSLATION = """\
Judul: {title}
{summary}Penerjemah: Humas {short_name}
Status: draf

{body}
"""


def now_in(unit: Unit) -> datetime:
    """The current time where the unit is (articles are dated in the unit's timezone)."""
    return datetime.now(ZoneInfo(unit.timezone))


def new_article(unit: Unit, title: str, now: datetime | None = None) -> Path:
    """Write ``news/<year>/<slug>.md`` for ``title``; refuses to overwrite."""
    now = now or now_in(unit)
    path = unit.path / "news" / f"{now:%Y}" / f"{slug_for(title, unit)}.md"
    text = ARTICLE.format(
        title=title.strip(), date=f"{now:%Y-%m-%d %H:%M}", short_name=unit.short_name, body="\n\n".join(ARTICLE_BODY)
    )
    return write_new(path, text)


def new_gallery(unit: Unit, title: str, now: datetime | None = None) -> Path:
    """Write ``galleries/<slug>/index.md``, one line per photo already in that folder; refuses to overwrite."""
    now = now or now_in(unit)
    folder = unit.path / "galleries" / slug_for(title, unit)
    photos = [path.name for path in photo_files(folder)] if folder.is_dir() else []
    lines = [gallery_line(name) for name in photos]
    text = GALLERY_INDEX.format(
        title=title.strip(),
        date=f"{now:%Y-%m-%d %H:%M}",
        short_name=unit.short_name,
        photos="\n".join(lines),
    )
    return write_new(folder / "index.md", text)


def gallery_line(name: str) -> str:
    """A gallery line for the photo ``name`` with the alt text left for staff to write.

    Names with spaces or brackets (``IMG 0001.JPG``, ``Foto (2).jpg``) go in angle brackets, as CommonMark (and so
    GitHub's preview) reads them.
    """
    written = f"<{name}>" if any(char in name for char in " ()") else name
    return f'![{ALT_TEXT}]({written} "")'


def new_translation(unit: Unit, original: Path, title: str | None = None) -> Path:
    """Write ``<name>.en.md`` beside ``original``: its title, summary and body to translate; refuses to overwrite."""
    original = Path(original).resolve()
    if not original.is_file() or kind_of(original, unit.path) is None:
        raise ContentError([Problem.of(original, "new_no_original")])
    if is_translation(original):
        raise ContentError([Problem.of(original, "new_translation_of_translation")])
    doc = read_document(original)
    summary = doc.get("summary").strip()
    text = TRANSLATION.format(
        title=(title or doc.get("title")).strip(),
        summary=f"Ringkasan: {summary}\n" if summary else "",
        short_name=unit.short_name,
        body=doc.body.strip(),
    )
    return write_new(original.with_name(f"{original.stem}.en{original.suffix}"), text)


def slug_for(title: str, unit: Unit) -> str:
    """The file or folder name made from ``title``; a title with no letter or digit cannot make one."""
    slug = make_slug(title)
    if not slug:
        raise ContentError([Problem.of(unit.path, "new_bad_title", title=title)])
    return slug


def write_new(path: Path, text: str) -> Path:
    """Create ``path`` with ``text``, never replacing an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as created:
            created.write(text.rstrip("\n") + "\n")
    except FileExistsError:
        raise ContentError([Problem.of(path, "new_exists")]) from None
    return path


def todo_code(path: Path, unit: Unit) -> str:
    """The message that says what to fill in the file just created."""
    if is_translation(path):
        return "new_todo_translation"
    return "new_todo_gallery" if kind_of(path, unit.path) == GALLERY else "new_todo_article"


def start(unit: Unit, title: str | None, gallery: bool = False, of: Path | None = None) -> Path:
    """What ``invoke new`` creates: a translation of ``of``, else a gallery or an article titled ``title``."""
    if of is not None:
        return new_translation(unit, of, title)
    if not title or not title.strip():
        raise ContentError([Problem.of(unit.path, "new_needs_title")])
    return new_gallery(unit, title) if gallery else new_article(unit, title)


def new_unit(content: Path, slug: str, name: str, site_url: str) -> Path:
    """A new unit folder from the skeleton: unit.toml and the standing pages as drafts to fill in."""
    folder = Path(content) / make_slug(slug)
    if folder.exists():
        raise ContentError([Problem.of(folder, "new_unit_exists")])
    quoted = {"name": json.dumps(name)[1:-1], "site_url": json.dumps(site_url)[1:-1], "short_name": name}
    for template in sorted(SKELETON.rglob("*")):
        if template.is_file():
            target = folder / template.relative_to(SKELETON)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(template.read_text(encoding="utf-8").format(**quoted), encoding="utf-8")
    for empty in ("news", "images", "galleries"):
        (folder / empty).mkdir(exist_ok=True)
    return folder
