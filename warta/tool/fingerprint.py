"""Skip a unit whose inputs did not change since its last good build, by a fingerprint of those inputs.

The inputs are everything a unit's site is made from: its content folder, the theme, plugins, the warta package,
the settings files, the installed package versions, the Python version and whether it is built for publishing.
Files are known by path, size and modification time (reading 800 MB of photos to hash them would cost more than
many builds). A unit with items dated in the future is rebuilt once the first of them is due. The fingerprint is
kept next to the staging folders, outside output/, and a unit whose output folder is gone is always rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warta.adapter.settings import THEME_ENV
from warta.model.contract import UnreadableFile, parse_date
from warta.model.problems import Problem
from warta.model.stamps import SHARED_INPUTS, code_stamps
from warta.model.unit_content import UnitContent
from warta.model.units import read_unit

logger = logging.getLogger(__name__)
# A file changed this shortly before the fingerprint was taken may change again with the same modification time
# (clocks tick coarsely): such a fingerprint is not kept, as git does with its index.
RACY_NS = 1_000_000_000
DATED_SUFFIXES = {".md", ".markdown"}


@dataclass
class Fingerprint:
    """The fingerprint of one unit's inputs now, and where the one of its last good build is kept."""

    digest: str
    record: Path
    target: Path
    unit_folder: Path
    racy: bool

    @classmethod
    def of(cls, unit: str, content: Path, output: Path, publish: bool) -> Fingerprint:
        """The inputs of ``unit`` (in ``content``) as built into ``output/<unit>``, for preview or publishing."""
        taken = time.time_ns()
        unit_folder = Path(content).resolve() / unit
        newest = 0
        digest = hashlib.blake2b(f"{publish}\n{unit_folder}\n{editor_environment()}\n".encode(), digest_size=20)
        other_theme = [Path(os.environ[THEME_ENV])] if os.environ.get(THEME_ENV) else []  # the settings read it
        for path, size, mtime in code_stamps(SHARED_INPUTS, unit_folder, other_theme):
            digest.update(f"{path} {size} {mtime}\n".encode())
            newest = max(newest, mtime)
        record = Path(output).parent / f".{Path(output).name}-staging" / f"{unit}.fingerprint.json"
        return cls(digest.hexdigest(), record, Path(output) / unit, unit_folder, newest > taken - RACY_NS)

    def last_log(self) -> str | None:
        """The log of the last good build when nothing changed since (so it can be skipped), else None."""
        try:
            saved = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if saved.get("digest") != self.digest or saved.get("output") != folder_identity(self.target):
            return None
        due = saved.get("next_due")
        if due and now() >= datetime.fromisoformat(due):
            return None
        return saved.get("log", "")

    def last_warnings(self) -> list[Problem]:
        """The warnings of the last good build (read after ``last_log`` said it stands)."""
        try:
            saved = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [Problem.from_record(record) for record in saved.get("warnings", [])]

    def save(self, log: str, warnings=(), content: UnitContent | None = None) -> None:
        """Remember this fingerprint for the build that just replaced ``output/<unit>``.

        ``content``: the documents the build's check read, so the next due date reads no file again.
        """
        if self.racy:
            self.record.unlink(missing_ok=True)
            return
        due = next_due(self.unit_folder, UnitContent() if content is None else content)
        saved = {
            "digest": self.digest,
            "output": folder_identity(self.target),
            "next_due": due.isoformat() if due else None,
            "log": log,
            "warnings": [warning.record() for warning in warnings],
        }
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps(saved), encoding="utf-8")


def editor_environment() -> str:
    """The web editor's settings from the environment (plugins/editor/admin.py): they say whether /admin/ is written."""
    return " ".join(f"{name}={value}" for name, value in sorted(os.environ.items()) if name.startswith("WARTA_CMS_"))


def folder_identity(folder: Path) -> list[int] | None:
    """Which folder sits at ``folder``: a swap or a removal changes it."""
    try:
        stat = os.stat(folder)
    except OSError:
        return None
    return [stat.st_ino, stat.st_mtime_ns]


def now() -> datetime:
    return datetime.now().astimezone()


def next_due(unit_folder: Path, content: UnitContent) -> datetime | None:
    """The earliest date still in the future among the unit's items, when it has scheduled ones."""
    unit, _ = read_unit(unit_folder)
    if unit is None:
        return None
    today = now()
    due = None
    for path in Path(unit_folder).rglob("*"):
        if path.suffix.lower() not in DATED_SUFFIXES:
            continue
        try:
            date = parse_date(content.document(path).get("date"), unit.timezone)
        except (UnreadableFile, ValueError):
            continue
        if date and date > today and (due is None or date < due):
            due = date
    return due
