"""Problems found in a unit's content, reported as ``path:line: message`` in Indonesian or English."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from warta.model.messages import labelled

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem in one file: a message code and its parameters, so it can be said in either language."""

    path: Path
    code: str
    line: int | None = None
    severity: str = ERROR
    params: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def of(cls, path, code, line=None, severity=ERROR, **params):
        """Make a problem; ``params`` fill the message's placeholders."""
        return cls(Path(path), code, line, severity, tuple(sorted((k, str(v)) for k, v in params.items())))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def record(self) -> dict:
        """The problem as JSON can keep it (a skipped build says its last warnings again)."""
        return {
            "path": str(self.path),
            "code": self.code,
            "line": self.line,
            "severity": self.severity,
            "params": dict(self.params),
        }

    @classmethod
    def from_record(cls, record: dict) -> Problem:
        return cls.of(record["path"], record["code"], record["line"], record["severity"], **record["params"])

    def format(self, lang: str = "id", root: Path | None = None) -> str:
        """``path:line: kesalahan: message`` with the path relative to ``root`` where it lies inside it."""
        where = display_path(self.path, root)
        if self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {labelled(self.code, lang, not self.is_error, **dict(self.params))}"


def display_path(path: Path, root: Path | None) -> str:
    """The path as staff see it in the repository: relative to its root when it lies inside."""
    path = Path(path)
    if root is not None:
        # A symlink is named where it stands, not where it points; resolve only to match a linked root.
        for normalise in (os.path.abspath, os.path.realpath):
            try:
                return Path(normalise(path)).relative_to(normalise(root)).as_posix()
            except ValueError:
                pass
    return path.as_posix()


class ContentError(Exception):
    """The content breaks the authoring contract; the build stops and names every problem."""

    def __init__(self, problems, lang="id", root=None):
        self.problems = list(problems)
        lines = [p.format(lang, root) for p in self.problems]
        super().__init__("\n".join(lines))


BUILD_PROBLEMS_KEY = "warta_problems"  # where a build's Pelican context keeps its problems (the contract plugin)


def record_in_build(context: dict, problems: list[Problem]) -> None:
    """Hand problems to the build's list (the contract plugin reports them all); without it, fail here on errors."""
    build_problems = context.get(BUILD_PROBLEMS_KEY)
    if build_problems is not None:
        build_problems.add(problems)
    elif any(p.is_error for p in problems):
        raise ContentError([p for p in problems if p.is_error])
