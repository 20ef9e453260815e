"""``invoke cms``: the unit's site with its editor at /admin/, saving straight into the unit's folder.

The editor's local repository (editor/local-folder.js) reads and writes through ``/_warta/files/<path>``, paths as
in the repository (``content/<unit>/news/...``); nothing outside the unit's folder can be read or written. Each
save rebuilds the unit, so the site at ``/`` shows it a moment later.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import shutil
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

logger = logging.getLogger(__name__)
API = "/_warta/files/"
# Sveltia checks that the folder it is given is a repository; the working tree is one.
GIT = ".git"
REBUILD_DELAY = 0.5  # seconds: one rebuild for the several files of one save


class WorkingTree:
    """The unit's folder as the repository's path ``content/<unit>``: the only folder the editor can touch."""

    def __init__(self, unit_folder: Path):
        self.folder = Path(unit_folder).resolve()
        self.prefix = ("content", self.folder.name)

    def real(self, path: str) -> Path | None:
        """The file for the repository path ``path``, or None when it is not inside the unit's folder."""
        parts = tuple(part for part in path.split("/") if part)
        if parts[:2] != self.prefix or any(part in ("..", ".") or "\\" in part for part in parts):
            return None
        return self.folder.joinpath(*parts[2:])

    def virtual_folder(self, path: str) -> list[dict] | None:
        """Listings of the folders above the unit: the root (with .git), content/, and nothing else."""
        parts = tuple(part for part in path.split("/") if part)
        if parts == ():
            return [{"name": GIT, "kind": "directory"}, {"name": "content", "kind": "directory"}]
        if parts == ("content",):
            return [{"name": self.folder.name, "kind": "directory"}]
        if parts == (GIT,):
            return []
        return None


TEXT_SUFFIXES = {".md", ".markdown"}


def keep_line_endings(old: bytes, new: bytes) -> bytes:
    """The editor writes LF and drops a byte-order mark: keep a file's CRLF and BOM when it had them."""
    if old.replace(b"\r\n", b"").count(b"\n") == 0 and b"\r\n" in old and b"\r\n" not in new:
        new = new.replace(b"\n", b"\r\n")
    if old.startswith(b"\xef\xbb\xbf") and not new.startswith(b"\xef\xbb\xbf"):
        new = b"\xef\xbb\xbf" + new
    return new


def replace_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``, a content file keeping the line endings it had."""
    if target.suffix.lower() in TEXT_SUFFIXES and target.is_file():
        data = keep_line_endings(target.read_bytes(), data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def listing(folder: Path) -> list[dict]:
    return [
        {"name": child.name, "kind": "directory" if child.is_dir() else "file"}
        for child in sorted(folder.iterdir())
        if not child.is_symlink()
    ]


class Handler(SimpleHTTPRequestHandler):
    """The built site from ``directory``; the unit's files under /_warta/files/."""

    def __init__(self, *args, tree: WorkingTree, saved, **kwargs):
        self.tree, self.saved = tree, saved
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002  (the base class names it so)
        logger.debug(format, *args)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _target(self):
        split = urlsplit(self.path)
        return unquote(split.path.removeprefix(API)), parse_qs(split.query, keep_blank_values=True)

    def _answer(self, status: HTTPStatus, body: bytes = b"", kind: str = "text/plain; charset=utf-8", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if not self.path.startswith(API):
            return super().do_GET()
        path, query = self._target()
        virtual = self.tree.virtual_folder(path)
        real = self.tree.real(path)
        if "list" in query and (virtual is not None or (real and real.is_dir())):
            found = virtual if virtual is not None else listing(real)
            return self._answer(HTTPStatus.OK, json.dumps(found).encode(), "application/json")
        if real is None or not real.is_file():
            return self._answer(HTTPStatus.NOT_FOUND)
        kind = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        modified = str(real.stat().st_mtime_ns // 1_000_000)
        return self._answer(HTTPStatus.OK, real.read_bytes(), kind, {"X-Modified-Ms": modified})

    def do_POST(self):
        """Open (or with ``create``, make) a folder or file, as getDirectoryHandle/getFileHandle do."""
        path, query = self._target()
        wanted = query.get("kind", ["file"])[0]
        if self.tree.virtual_folder(path) is not None:
            return self._answer(HTTPStatus.OK if wanted == "directory" else HTTPStatus.CONFLICT)
        real = self.tree.real(path)
        if real is None:
            return self._answer(HTTPStatus.FORBIDDEN)
        if not real.exists() and "create" in query:
            if wanted == "directory":
                real.mkdir(parents=True)
            else:
                real.parent.mkdir(parents=True, exist_ok=True)
                real.touch()
        if not real.exists():
            return self._answer(HTTPStatus.NOT_FOUND)
        return self._answer(HTTPStatus.OK if real.is_dir() == (wanted == "directory") else HTTPStatus.CONFLICT)

    def do_PUT(self):
        path, _ = self._target()
        real = self.tree.real(path)
        if real is None:
            return self._answer(HTTPStatus.FORBIDDEN)
        replace_file(real, self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        self.saved()
        return self._answer(HTTPStatus.OK)

    def do_PATCH(self):
        """Move a file (``?to=`` a repository path), as FileSystemFileHandle.move does."""
        path, query = self._target()
        real, target = self.tree.real(path), self.tree.real(query.get("to", [""])[0])
        if real is None or target is None:
            return self._answer(HTTPStatus.FORBIDDEN)
        if not real.is_file():
            return self._answer(HTTPStatus.NOT_FOUND)
        replace_file(target, real.read_bytes())
        real.unlink()
        self.saved()
        return self._answer(HTTPStatus.OK)

    def do_DELETE(self):
        path, query = self._target()
        real = self.tree.real(path)
        if real is None or real == self.tree.folder:
            return self._answer(HTTPStatus.FORBIDDEN)
        if not real.exists():
            return self._answer(HTTPStatus.NOT_FOUND)
        if real.is_dir():
            if "recursive" in query:
                shutil.rmtree(real)
            elif any(real.iterdir()):
                return self._answer(HTTPStatus.CONFLICT)
            else:
                real.rmdir()
        else:
            real.unlink()
        self.saved()
        return self._answer(HTTPStatus.OK)


class Rebuild:
    """Rebuild the unit once the editor has stopped writing for a moment."""

    def __init__(self, build):
        self.build, self.timer, self.lock = build, None, threading.Lock()

    def soon(self):
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(REBUILD_DELAY, self.build)
            self.timer.daemon = True
            self.timer.start()


def make_server(unit_folder: Path, site: Path, port: int, build) -> ThreadingHTTPServer:
    """The server of ``invoke cms``: ``site`` (output/<unit>) at ``/``, the unit's folder for the editor."""
    rebuild = Rebuild(build)
    handler = partial(Handler, directory=str(site), tree=WorkingTree(unit_folder), saved=rebuild.soon)
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
