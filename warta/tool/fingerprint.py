"""Skip a unit whose inputs did not change since its last good build, by a fingerprint of those inputs.

The inputs are everything a unit's site is made from: its content folder, the theme, plugins, the warta package,
the settings files, the installed package versions, the Python version and whether it is built for publishing.
Files are known by path, size and modification time (reading 800 MB of photos to hash them would cost more than
many builds). A unit with items dated in the future is rebuilt once the first of them is due. The fingerprint is
kept next to the staging folders, outside output/, and a unit whose output folder is gone is always rebuilt.

Publishing compares another digest, ``input_digest``: the same inputs known by content (git's blob ids), never by
time, so that it means the same in every checkout. A CI runner's fresh clone gives every file a new time; the digest
of what was published, kept on the published branch itself (warta.tool.publish), still tells which units changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warta.model import stamps
from warta.model.contract import UnreadableFile, parse_date
from warta.model.problems import Problem
from warta.model.stamps import SHARED_INPUTS, THEME_ENV, code_stamps, file_paths, runtime
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

    def save(self, log: str, warnings=(), due: datetime | None = None) -> None:
        """Remember this fingerprint for the build that just replaced ``output/<unit>``.

        ``due``: the unit's next due date (``next_due``), worked out from the documents the build's check read.
        """
        if self.racy:
            self.record.unlink(missing_ok=True)
            return
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


def input_digest(unit: str, content: Path, publish: bool, blobs: BlobIds | None = None) -> str:
    """A digest of ``unit``'s inputs by their content and their path from where they live, as in any checkout."""
    blobs = blobs or BlobIds()
    unit_folder = Path(content).resolve() / unit
    digest = hashlib.blake2b(f"{publish}\n{unit}\n{editor_environment()}\n".encode(), digest_size=20)
    digest.update(blobs.shared())
    digest.update(blobs.listing(unit_folder, unit_folder))
    return digest.hexdigest()


class BlobIds:
    """Git's blob id of each file: from git's index where the file is as git has it, else computed from its bytes.

    Either way the id is the same one for the same bytes, so the digest does not depend on which way was taken; the
    index makes it free for a checkout of photos (git has already hashed every tracked file). One instance serves
    the units of one publication: what they share is listed once.
    """

    def __init__(self):
        self.indexed: dict[Path, dict[str, str]] = {}  # repository top -> {absolute path: blob id of a clean file}
        self.shared_listing: bytes | None = None

    def shared(self) -> bytes:
        """The inputs of every unit: Python and package versions, the shared files, another theme if chosen."""
        if self.shared_listing is None:
            other_theme = os.environ.get(THEME_ENV)
            parts = ["\n".join(runtime()).encode()]
            parts += [self.listing(stamps.ROOT / name, stamps.ROOT) for name in SHARED_INPUTS]
            parts += [b"theme:" + self.listing(Path(other_theme), Path(other_theme))] if other_theme else []
            self.shared_listing = b"\n".join(parts)
        return self.shared_listing

    def listing(self, folder: Path, base: Path) -> bytes:
        """``path-from-base blob-id`` of every file in ``folder``, one a line, in a stable order."""
        clean = self.clean_files(Path(folder))
        prefix = len(str(base)) + 1
        lines = [f"{path[prefix:]} {clean.get(path) or blob_id(path)}" for path in file_paths(folder)]
        return "\n".join(lines).encode("utf-8", "surrogateescape")

    def clean_files(self, folder: Path) -> dict[str, str]:
        top = repository_top(folder)
        if top is None:
            return {}
        if top not in self.indexed:
            self.indexed[top] = indexed_blobs(top)
        return self.indexed[top]


def repository_top(folder: Path) -> Path | None:
    """The work tree ``folder`` is in (its ``.git`` is a folder, or a file in a linked worktree), if any."""
    return next((place for place in (folder, *folder.parents) if (place / ".git").exists()), None)


def indexed_blobs(top: Path) -> dict[str, str]:
    """The blob ids in git's index of ``top`` for the files whose content on disk git has not seen change."""
    listed = run_git(top, "ls-files", "--stage", "-z").stdout.split("\0")
    changed = set(run_git(top, "diff-files", "--name-only", "-z").stdout.split("\0"))
    blobs = {}
    for entry in filter(None, listed):
        info, name = entry.split("\t", 1)
        mode, blob, stage = info.split()
        if stage == "0" and mode != "160000" and name not in changed:
            blobs[os.path.join(top, name)] = blob
    return blobs


def blob_id(path: str) -> str:
    """The id git gives a file's bytes (``git hash-object``)."""
    digest = hashlib.sha1(f"blob {os.path.getsize(path)}\0".encode(), usedforsecurity=False)
    with open(path, "rb") as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def run_git(where: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, check=False)
