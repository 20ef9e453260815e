"""``invoke livereload``: one unit's preview, kept warm in this process; a page is rendered when the browser asks.

A save does not rebuild the site. Pelican runs here, in this process, with the rendering plugin's writer only
recording each page (template, context, where it goes: ``RENDER_ON_REQUEST``); a page is rendered the first time
the browser asks for it, from that record, as ``invoke build`` would have rendered it (Hugo's "fast render").

A save that changed only the bodies or titles of content files (the usual one) runs no Pelican at all: the saved
text goes into the last run's live items, with each plugin's work on that item alone, and the feeds that show it are
written again (warta.tool.preview_edits, which says when that is exact). Any other save runs Pelican again: each
content file's parsed body and metadata are remembered by its own stamp (and its original's, for a translation), so
only the files that changed are re-read, then Pelican's whole-site steps (translations, related news, credits,
listings, links, galleries) run again on the remembered items, so every page is what a fresh build writes. A new
``unit.toml`` forgets what was read (settings change what a file means); a theme template needs nothing more than a
new run (each run loads the templates afresh); new code of the plugins or of warta restarts this process, which
holds the old code.

A run that fails keeps the last good pages served, with the problems (``path:line``) shown on every page and in
the terminal, until a save fixes them. The browser reloads through a tiny Server-Sent Events endpoint of our own
(``/_preview/events``): the pages live in memory, and livereload's server serves only files from a folder.
"""

from __future__ import annotations

import contextlib
import html
import logging
import mimetypes
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican import signals

from warta import ROOT
from warta.adapter.pelican_internals import assigned_readers, forget_rendered_bodies
from warta.adapter.settings import unit_settings
from warta.model import urls
from warta.model.messages import labelled, message
from warta.model.problems import ContentError
from warta.model.translations import is_translation, original_path
from warta.model.unit_content import in_build
from warta.model.units import UNIT_FILE
from warta.tool.fingerprint import next_due, now
from warta.tool.pelican_process import pelican_for
from warta.tool.preview_edits import LastRun, file_stamps, save_in_place
from warta.tool.search import BUNDLE as SEARCH_BUNDLE
from warta.tool.search import MANIFEST as SEARCH_MANIFEST
from warta.tool.watch import CODE, THEME, is_scratch_file

logger = logging.getLogger(__name__)
HOST = "127.0.0.1"  # this machine only: the preview shows drafts and items not yet reviewed
PREFIX = "/_preview/"  # the preview's own files; no unit writes here (a slug cannot start with "_")
INJECTED = f'<link rel="stylesheet" href="{PREFIX}preview.css"><script src="{PREFIX}reload.js" defer></script>'
SEARCH_PAGES = {urls.in_lang(urls.SEARCH["save_as"], lang) for lang in urls.LANG_PREFIX}
RELOAD_JS = """\
// Warta's preview: reload this page when the site changes (a save, or a problem found or fixed).
new EventSource("/_preview/events").addEventListener("changed", () => location.reload());
"""
PREVIEW_CSS = """\
.warta-preview-note { position: fixed; inset: 0 0 auto 0; z-index: 9999; max-height: 50vh; overflow: auto;
  margin: 0; padding: 1rem; font: 1rem/1.4 system-ui, sans-serif; white-space: pre-wrap; }
.warta-preview-note[role="alert"] { background: #fde8e8; color: #5c0b0b; border-bottom: 3px solid #b91c1c; }
.warta-preview-note[role="status"] { background: #fff7d6; color: #3d3000; border-bottom: 3px solid #a16207; }
"""
OWN_FILES = {"reload.js": ("text/javascript", RELOAD_JS), "preview.css": ("text/css", PREVIEW_CSS)}


def stamp(path) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


class RememberedReads:
    """Each content file's body and metadata as the contract reader gave them, by the stamps of what it read.

    A reader reads one file, and a translation its original too (it inherits the original's fields); nothing
    else. What the reader added to the run (its warnings, the Markdown bodies it used) is added again when an
    entry is used, so the run goes on exactly as if the file had been read.
    """

    def __init__(self):
        self.entries: dict[str, tuple] = {}
        self.read_from: dict[str, tuple[str, ...]] = {}
        self.reader: RememberingReader | None = None  # the last run's, for a save made in place

    def install(self, generator) -> None:
        """``generator_init``, after the contract plugin's: each of its readers remembers what it reads."""
        readers = assigned_readers(generator.readers)
        wrapped = {}
        for extension, reader in list(readers.items()):
            if hasattr(reader, "bodies") and hasattr(reader, "problems"):  # the contract plugin's ContractReader
                readers[extension] = wrapped.setdefault(id(reader), RememberingReader(reader, self))
                self.reader = readers[extension]

    def sources(self, path: str) -> tuple[str, ...]:
        """The files reading ``path`` reads: itself, and a translation's original (worked out once a path)."""
        if path not in self.read_from:
            self.read_from[path] = (path, str(original_path(Path(path)))) if is_translation(Path(path)) else (path,)
        return self.read_from[path]

    def key(self, path: str) -> tuple:
        return tuple(stamp(source) for source in self.sources(path))


class RememberingReader:
    """The contract reader, answering from ``RememberedReads`` when the file has not changed since it was read."""

    def __init__(self, reader, remembered: RememberedReads):
        self.reader, self.remembered = reader, remembered

    def __getattr__(self, name):
        return getattr(self.reader, name)

    def read(self, source_path):
        key = self.remembered.key(source_path)
        entry = self.remembered.entries.get(source_path)
        if entry is None or entry[0] != key:
            entry = self.read_afresh(source_path, key)
        _, body, metadata, problems, bodies_used = entry
        self.reader.problems.add(problems)
        self.reader.bodies.used.update(bodies_used)
        # Plugins change the metadata in place (the English terms): each run gets its own dict and lists.
        return body, {name: list(value) if isinstance(value, list) else value for name, value in metadata.items()}

    def read_afresh(self, source_path, key) -> tuple:
        problems, bodies = self.reader.problems, self.reader.bodies
        already, used_before = len(problems.problems), bodies.used
        bodies.used = set()
        try:
            body, metadata = self.reader.read(source_path)  # a refused file raises: never remembered
        finally:
            used, bodies.used = bodies.used, used_before | bodies.used
        entry = (key, body, metadata, problems.problems[already:], used)
        del problems.problems[already:]  # added again by ``read``, as for a remembered entry
        self.remembered.entries[source_path] = entry
        return self.remembered.entries[source_path]


@dataclass
class Snapshot:
    """A good run, or a save made in place on one: its pages by their path in the site, the files written, when."""

    folder: Path
    pages: dict
    made_at: float
    lock: threading.Lock  # a render sets the page's place in the shared context first; a save in place waits
    rendered: dict[str, bytes] = field(default_factory=dict)

    def page(self, relative: str) -> bytes | None:
        """The page at ``relative`` as a fresh build writes it, rendered once; None when the run wrote none there."""
        job = self.pages.get(relative)
        if job is None:
            return None
        with self.lock:
            if relative not in self.rendered:
                self.rendered[relative] = job.rendered().encode("utf-8")
            return self.rendered[relative]

    def file(self, relative: str) -> Path | None:
        """A file the run wrote (photos, styles, feeds, documents), never outside the run's folder."""
        path = (self.folder / relative).resolve()
        return path if path.is_file() and path.is_relative_to(self.folder.resolve()) else None


class UnitPreview:
    """One unit kept warm: ``refresh`` after a save, ``serve`` what a browser asks for."""

    def __init__(self, unit: str, content: Path, output: Path, lang: str = "id", say=print, workers=False):
        self.unit, self.content, self.lang, self.say = unit, Path(content), lang, say
        self.search = Path(output) / unit / SEARCH_BUNDLE  # the last ``invoke build``'s search index
        self.work = Path(tempfile.mkdtemp(prefix=f"warta-preview-{unit}-"))
        self.reads = RememberedReads()
        self.workers = workers  # worker processes may be forked only before the server's threads start
        self.snapshot: Snapshot | None = None
        self.last: LastRun | None = None  # the last run, while it is the good one the pages come from
        self.render_lock = threading.Lock()
        self.runs = 0  # Pelican's runs so far (a save made in place is none)
        self.theme = ROOT / THEME[0]  # the one the settings name, once a run has read them
        self.problems = ""  # what the last run said when it failed; empty once a run succeeds
        self.version = 0
        self.changed = threading.Condition()
        self.refreshing = threading.Lock()

    @property
    def folder(self) -> Path:
        return self.content / self.unit

    def refresh(self, forget_reads: bool = False) -> bool:
        """Show the unit as saved: in place when only texts changed, else by running Pelican again.

        A run re-reads only the files that changed; the last good pages stay on failure.
        """
        with self.refreshing:
            started = time.perf_counter()
            if forget_reads:
                self.reads, self.last = RememberedReads(), None
            started_at = time.time()  # the search index is stale when older than the text this run reads
            stamps, settings_key = file_stamps([self.folder.resolve(), self.theme]), self.settings_key()
            if self.in_place(stamps, settings_key, started_at):
                failure = ""
            else:
                failure = self.run_again(stamps, settings_key, started_at)
            if failure:
                self.say(failure)
                self.say(labelled("preview_failed", self.lang, unit=self.unit))
            else:
                seconds = f"{time.perf_counter() - started:.2f}"
                self.say(message("preview_refreshed", self.lang, unit=self.unit, seconds=seconds))
            self.problems = failure
            with self.changed:
                self.version += 1
                self.changed.notify_all()
            return not failure

    def in_place(self, stamps: dict, settings_key: str | None, started_at: float) -> bool:
        """The save made on the live items of the last good run (warta.tool.preview_edits), when it can be."""
        if self.last is None or self.snapshot is None or self.problems:
            return False
        try:
            save = save_in_place(self.last, self.reads, stamps, settings_key, now())
            if save is None:
                return False
            with self.render_lock:
                save.apply(self.work / "feeds", self.snapshot.folder)
                self.snapshot = Snapshot(self.snapshot.folder, self.snapshot.pages, started_at, self.render_lock)
        except Exception:  # a file gone while read, or a fault of ours: Pelican's run is the sure way, and it follows
            logger.exception("preview: the save could not be made in place; running Pelican again")
            return False
        self.last.stamps = stamps
        return True

    def run_again(self, stamps: dict, settings_key: str | None, started_at: float) -> str:
        """Pelican's run on the unit into a new folder; what went wrong, or "" once its pages are served."""
        self.last = None
        with self.render_lock:
            forget_rendered_bodies()  # the items of earlier runs: nothing renders them again
        folder = Path(tempfile.mkdtemp(prefix="run-", dir=self.work))
        try:
            pages, last = self.run(folder, stamps, settings_key)
        except ContentError as error:
            failure = "\n".join(p.format(self.lang, self.shown_from) for p in error.problems)
        except Exception as error:  # noqa: BLE001  (a broken template is shown, and serving goes on)
            failure = f"{labelled('build_log', self.lang)}\n{type(error).__name__}: {error}"
        else:
            old, self.snapshot, self.last = self.snapshot, Snapshot(folder, pages, started_at, self.render_lock), last
            if old is not None:
                threading.Thread(target=shutil.rmtree, args=(old.folder, True), daemon=True).start()
            return ""
        shutil.rmtree(folder, ignore_errors=True)
        return failure

    def settings_key(self) -> str | None:
        """The unit's settings as a run would make them now (the theme and the editor's address come from outside).

        None when ``unit.toml`` is wrong: the run says how.
        """
        try:
            settings = unit_settings(ROOT, self.content, self.unit)
        except ContentError:
            return None
        shown = (f"{name}={value!r}" for name, value in sorted(settings.items()))
        return "\n".join(line for line in shown if " at 0x" not in line)

    @property
    def shown_from(self) -> Path:
        return ROOT if self.content.resolve().is_relative_to(ROOT) else self.content.parent

    def run(self, folder: Path, stamps: dict, settings_key: str | None) -> tuple[dict, LastRun]:
        """Pelican's whole run into ``folder``, pages recorded, not rendered: {path in the site: the page's record}."""
        self.runs += 1
        pelican = pelican_for(self.unit, self.content, folder, workers=self.workers, RENDER_ON_REQUEST=True)
        contexts = []
        with (
            signals.generator_init.connected_to(self.reads.install),
            signals.generator_init.connected_to(lambda generator: contexts.append(generator.context)),
        ):
            pelican.run()
        self.workers = False
        self.theme = Path(pelican.settings["THEME"])
        writer, context = pelican.warta_writer, contexts[0]
        due = next_due(self.folder, in_build(context))
        last = LastRun(context, pelican.settings, self.reads.reader, writer.feeds, settings_key, stamps, due)
        return {os.path.relpath(path, folder): job for path, job in writer.recorded_pages().items()}, last

    def response(self, url_path: str) -> tuple[int, str, bytes]:
        """Status, type and body for a GET of ``url_path`` (for a redirect, its target in place of the type)."""
        relative = unquote(urlsplit(url_path).path).lstrip("/")
        if relative.startswith(PREFIX.lstrip("/")):
            kind, text = OWN_FILES.get(relative.removeprefix(PREFIX.lstrip("/")), ("text/plain", None))
            return (HTTPStatus.OK, kind, text.encode()) if text else (HTTPStatus.NOT_FOUND, kind, b"")
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        snapshot = self.snapshot
        if snapshot is None:  # the first run failed: only the problems to show
            return HTTPStatus.SERVICE_UNAVAILABLE, "text/html", self.marked(b"<!doctype html><body></body>", "")
        if relative + "/index.html" in snapshot.pages:
            return HTTPStatus.MOVED_PERMANENTLY, f"/{relative}/", b""
        try:
            body = self.content_of(snapshot, relative)
        except Exception as error:  # noqa: BLE001  (a template that fails on this page: said here, serving goes on)
            said = f"{labelled('build_log', self.lang)}\n{type(error).__name__}: {error}"
            self.say(f"{relative}: {said}")
            page = f"<!doctype html><body>{note('alert', said, self.lang)}</body>".encode()
            return HTTPStatus.INTERNAL_SERVER_ERROR, "text/html", page
        if body is None:
            return HTTPStatus.NOT_FOUND, "text/plain", b"404"
        kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        return HTTPStatus.OK, kind, self.marked(body, relative) if kind == "text/html" else body

    def content_of(self, snapshot: Snapshot, relative: str) -> bytes | None:
        """A page, rendered now if not yet; else a file the run wrote, or one of the search index."""
        page = snapshot.page(relative)
        if page is not None:
            return page
        found = self.search_file(relative) or snapshot.file(relative)
        return found.read_bytes() if found else None

    def search_file(self, relative: str) -> Path | None:
        """The search index of the last ``invoke build``: the preview never waits for one to be made."""
        if not relative.startswith(SEARCH_BUNDLE + "/"):
            return None
        path = (self.search.parent / relative).resolve()
        return path if path.is_file() and path.is_relative_to(self.search.resolve()) else None

    def marked(self, page: bytes, relative: str) -> bytes:
        """The page with the preview's reload script, and the problems of the last run or a stale search index."""
        notes = [INJECTED]
        if self.problems:
            intro = labelled("preview_failed", self.lang, unit=self.unit)
            notes.append(note("alert", f"{intro}\n\n{self.problems}", self.lang))
        elif relative in SEARCH_PAGES and (stale := self.search_note()):
            notes.append(note("status", stale, self.lang))
        at = page.rfind(b"</body>")
        at = len(page) if at < 0 else at
        return page[:at] + "".join(notes).encode() + page[at:]

    def search_note(self) -> str:
        """Why search results may not show the preview's latest text; empty when the index is newer."""
        entry = self.search / SEARCH_MANIFEST  # written last, once every part is in place
        if not entry.is_file():
            return message("preview_search_missing", self.lang, unit=self.unit)
        if self.snapshot is not None and entry.stat().st_mtime < self.snapshot.made_at:
            return message("preview_search_stale", self.lang, unit=self.unit)
        return ""

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def note(role: str, text: str, lang: str) -> str:
    return f'<div class="warta-preview-note" role="{role}" lang="{lang}">{html.escape(text)}</div>'


class Watcher:
    """Waits for saves (inotify, through watchfiles) in the unit, its theme and the code; refreshes the preview."""

    def __init__(self, preview: UnitPreview, root: Path = ROOT, restart=None):
        self.preview, self.root = preview, root
        self.restart = restart or restart_process
        self.stopped = threading.Event()

    @property
    def code(self) -> list[Path]:
        return [self.root / name for name in CODE]

    def handle(self, changed: set[Path]) -> None:
        """What a set of saved files means: new code restarts; a new unit.toml forgets what was read; else a run."""
        if any(path == code or code in path.parents for path in changed for code in self.code):
            self.restart()
            return
        self.preview.refresh(forget_reads=self.preview.folder / UNIT_FILE in changed)

    def run(self) -> None:
        from watchfiles import watch  # noqa: PLC0415  (only the preview needs it)

        watched = [self.preview.folder, self.preview.theme, *self.code]
        # step: a save is taken as done once 20 ms pass without another change (editors write files in steps).
        for changes in watch(*watched, stop_event=self.stopped, step=20, watch_filter=wanted, raise_interrupt=False):
            try:
                self.handle({Path(path) for _, path in changes})
            except Exception:  # a watcher that stops would leave staff looking at old pages without a word
                logger.exception("preview: watching failed")


def wanted(change, path: str) -> bool:
    """Not an editor's scratch file, nor anything in a hidden folder or a Python cache."""
    parts = Path(path).parts
    return not is_scratch_file(path) and not any(part.startswith(".") or part == "__pycache__" for part in parts)


def stop_serving(signum, frame) -> None:
    raise KeyboardInterrupt


def restart_process() -> None:
    """New code of the plugins or of warta: this process holds the old one, so it starts again as it was started."""
    os.execv(sys.executable, [sys.executable, *sys.argv])


def handler_for(preview: UnitPreview):
    class PreviewHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802  (the name http.server calls)
            if self.path.startswith(PREFIX + "events"):
                self.events()
                return
            status, kind, body = preview.response(self.path)
            self.send_response(status)
            if status == HTTPStatus.MOVED_PERMANENTLY:
                self.send_header("Location", kind)
                kind, body = "text/plain", b""
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def events(self):
            """Server-Sent Events: ``changed`` each time the preview ran again, until the browser leaves."""
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = preview.version
            with contextlib.suppress(OSError):
                while True:
                    now = preview.wait_for_change(seen, timeout=15)
                    self.wfile.write(b"event: changed\ndata: \n\n" if now != seen else b": still here\n\n")
                    self.wfile.flush()
                    seen = now

        def log_message(self, format, *args):  # noqa: A002  (http.server's name)
            logger.debug("preview: " + format, *args)

    return PreviewHandler


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep Ctrl+C waiting


def bind(preview: UnitPreview, port: int, lang: str = "id", tries: int = 20, say=print) -> PreviewServer:
    """A server on ``port``, or on the next free one after it (saying so) when another program holds it."""
    for candidate in range(port, port + tries):
        try:
            server = PreviewServer((HOST, candidate), handler_for(preview))
        except OSError:
            continue
        if candidate != port:
            say(message("port_busy", lang, port=port, url=f"http://{HOST}:{candidate}/"))
        return server
    raise OSError(labelled("port_none_free", lang, first=port, last=port + tries - 1, url=f"http://{HOST}/"))


def serve(unit: str, content: Path, output: Path, port: int, lang: str = "id", say=print) -> None:
    """``invoke livereload``: the first run (worker processes allowed), then the server and the watcher."""
    preview = UnitPreview(unit, content, output, lang, say, workers=True)
    server = bind(preview, port, lang, say=say)  # first: a busy port is said at once, not after the first run
    preview.refresh()
    watcher = Watcher(preview)
    threading.Thread(target=watcher.run, daemon=True).start()
    say(message("serving", lang, url=f"http://{HOST}:{server.server_address[1]}/"))
    signal.signal(signal.SIGTERM, stop_serving)  # stopped by another program (the benchmark): clean up as for Ctrl+C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stopped.set()
        server.server_close()
        preview.close()
