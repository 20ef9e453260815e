"""The preview servers side by side: ``invoke livereload`` and ``hugo server``, the 2,000-article unit's same text.

    python -m bench.preview [--corpus FOLDER] [--rounds N]   (``invoke bench`` runs it too, after the builds)

For each server, one after the other (never both at once on the shared cores): the first page served, from the
command's start; a body edit visible on its article and a title edit visible on the news list, each from the
moment the file is saved until the server answers with the new text (polled by HTTP every 10 ms); the peak
resident memory of the server's whole process tree over the session. The edited files are put back as they were.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench import run as bench_run  # noqa: E402  (bench.run imports this module too: names taken when used)
from bench.hugo import fresh_hugo_site  # noqa: E402
from warta.model.contract import read_document  # noqa: E402

WARTA_PORT, HUGO_PORT = 8740, 8741  # the preview helper's range (8730-8749); tests take the lower ports
POLL_SECONDS = 0.01
START_LIMIT, EDIT_LIMIT = 600.0, 120.0  # seconds before a server is taken as failed
ROUNDS = 3


@dataclass
class Server:
    """A server process with its memory sampled until it stops."""

    command: list[str]
    env: dict | None = None
    peak_kb: int = 0
    process: subprocess.Popen | None = None
    stopped: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        pipes = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, start_new_session=True, **pipes)
        threading.Thread(target=self.sample, daemon=True).start()

    def sample(self) -> None:
        while not self.stopped.is_set() and self.process.poll() is None:
            self.peak_kb = max(self.peak_kb, bench_run.tree_memory_kb(self.process.pid)["rss"])
            time.sleep(bench_run.SAMPLE_SECONDS)

    def stop(self) -> None:
        self.stopped.set()
        self.process.terminate()  # our own process group's leader: its children end with it
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 9)
            self.process.wait()


def fetched(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str | None, limit: float) -> float:
    """Seconds until ``url`` answers (with ``text`` in it, when given); raises after ``limit``."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        page = fetched(url)
        if page is not None and (text is None or text in page):
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url}: no {text!r} after {limit:.0f} s")


def saved_then_visible(path: Path, new_text: str, url: str, marker: str) -> float:
    """Save ``new_text`` into ``path``, then seconds until ``url`` shows ``marker``.

    The page is open before the save, as in the browser beside the editor: Hugo's fast render re-renders only
    pages it has served (one never asked for stays as it was until a full rebuild).
    """
    wait_for(url, None, EDIT_LIMIT)
    path.write_text(new_text, encoding="utf-8")
    return wait_for(url, marker, EDIT_LIMIT)


def newest_article(unit: Path) -> Path:
    """The Indonesian article on top of the news list (the latest date), relative to the unit."""
    news = [path for path in (unit / "news").rglob("*.md") if not path.name.endswith(".en.md")]
    return max(news, key=lambda path: read_document(path).get("date")).relative_to(unit)


def with_title(text: str, title: str) -> str:
    """``text`` with a new title: the contract's ``Title:`` header, or the Hugo copy's YAML ``title:``."""
    lines = text.splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.lower().startswith("title:"))
    written = title if lines[at].startswith("Title:") else json.dumps(title)
    lines[at] = f"{lines[at].split(':', 1)[0]}: {written}\n"
    return "".join(lines)


@dataclass
class Pages:
    """Where one server keeps the unit's text, and its URLs for the edited article and the news list."""

    files: Path
    article: str
    news: str


def measure(server: Server, base: str, pages: Pages, newest: Path, rounds: int) -> dict:
    """The first page, then ``rounds`` body and title edits (of ``newest``), for one server (stopped after)."""
    body_file, title_file = pages.files / bench_run.EDITED, pages.files / newest
    article_url, list_url = pages.article, pages.news
    originals = {path: path.read_text(encoding="utf-8") for path in (body_file, title_file)}
    started = time.perf_counter()
    server.start()
    try:
        wait_for(base + article_url, None, START_LIMIT)
        first = time.perf_counter() - started
        body, title = [], []
        for number in range(1, rounds + 1):
            marker = f"Kalimat penanda nomor {number} dari penyunting."
            text = originals[body_file] + f"\n{marker}\n"
            body.append(saved_then_visible(body_file, text, base + article_url, marker))
            marker = f"Judul Baru Nomor {number}"
            title.append(
                saved_then_visible(title_file, with_title(originals[title_file], marker), base + list_url, marker)
            )
    finally:
        server.stop()
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    return {
        "first_page_s": first,
        "body_edit_s": body,
        "title_edit_s": title,
        "peak_rss_mb": server.peak_kb / 1024,
    }


def article_path(unit: Path) -> str:
    """The edited article's URL in Warta (``/berita/<year of its date>/<slug>/``)."""
    return f"/berita/{read_document(unit / bench_run.EDITED).get('date')[:4]}/{Path(bench_run.EDITED).stem}/"


def measure_warta(folder: Path, rounds: int, newest: Path) -> dict:
    """``invoke livereload`` of the big unit, from a cold start: no Markdown store, no compiled templates."""
    content = folder / "content"
    for cache in ("markdown", "jinja"):
        shutil.rmtree(folder / ".cache" / cache, ignore_errors=True)
    command = [sys.executable, "-m", "invoke", "livereload", "--unit", corpus.BIG_UNIT, "--port", str(WARTA_PORT)]
    server = Server(command, env=dict(os.environ, WARTA_CONTENT=str(content)))
    unit = content / corpus.BIG_UNIT
    return measure(
        server, f"http://127.0.0.1:{WARTA_PORT}", Pages(unit, article_path(unit), "/berita/"), newest, rounds
    )


def measure_hugo(folder: Path, rounds: int, newest: Path) -> dict | None:
    """``hugo server`` (its defaults: pages in memory, fast render, live reload) on the same text."""
    site = folder / "hugo"
    hugo = fresh_hugo_site(folder / "content" / corpus.BIG_UNIT, site)
    if hugo is None:
        return None
    command = [hugo, "server", "--source", str(site), "--bind", "127.0.0.1", "--port", str(HUGO_PORT)]
    url = "/" + Path(bench_run.EDITED).with_suffix("").as_posix() + "/"
    pages = Pages(site / "content", url, "/news/")
    return measure(Server(command), f"http://127.0.0.1:{HUGO_PORT}", pages, newest, rounds)


def measure_previews(folder: Path, rounds: int = ROUNDS) -> dict:
    newest = newest_article(folder / "content" / corpus.BIG_UNIT)
    return {"warta": measure_warta(folder, rounds, newest), "hugo": measure_hugo(folder, rounds, newest)}


def span(values) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if values else "n/a"


def rows(previews: dict) -> list[tuple[str, str]]:
    """The figures of both servers, as the benchmark's table shows them."""
    lines = []
    for name, label in (("warta", "Warta preview"), ("hugo", "hugo server")):
        figures = previews.get(name)
        if not figures:
            continue
        lines += [
            (f"{label}: first page served", f"{figures['first_page_s']:.2f} s"),
            (f"{label}: body edit visible on its article", f"{span(figures['body_edit_s'])} s"),
            (f"{label}: title edit visible on /berita/", f"{span(figures['title_edit_s'])} s"),
            (f"{label}: peak RSS", f"{figures['peak_rss_mb']:.0f} MB"),
        ]
    return lines


def targets(previews: dict, cold_build_s: float | None) -> list[tuple[str, float | None, float]]:
    """(target, ratio, limit): the slowest of the rounds against Hugo's slowest, memory, the first page."""
    warta, hugo = previews.get("warta") or {}, previews.get("hugo") or {}

    def ratio(key):
        if not warta or not hugo:
            return None
        if key == "peak_rss_mb":
            return warta[key] / hugo[key]
        return max(warta[key]) / max(hugo[key])

    first = warta["first_page_s"] / cold_build_s if warta and cold_build_s else None
    return [
        ("preview body edit / hugo server (<= 1.0)", ratio("body_edit_s"), 1.0),
        ("preview title edit / hugo server (<= 1.0)", ratio("title_edit_s"), 1.0),
        ("preview memory / hugo server (<= 1.0)", ratio("peak_rss_mb"), 1.0),
        ("preview first page / Warta cold (<= 1.0)", first, 1.0),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus" / "quick")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--cold-build", type=float, help="Warta's cold build of the unit, s (for the last target)")
    args = parser.parse_args(argv)
    folder = args.corpus.resolve()
    corpus.generate(folder, corpus.quick_sizes())
    previews = measure_previews(folder, args.rounds)
    print(json.dumps(previews, indent=2))
    for name, figure in rows(previews):
        print(f"{name:<48}{figure:>14}")
    for name, value, limit in targets(previews, args.cold_build):
        print(f"{name:<48}{'n/a' if value is None else f'{value:.2f}':>14}  {bench_run.verdict(value, limit)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
