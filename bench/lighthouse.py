"""Lighthouse's mobile profile on one page of each type of an example unit, served at its own root.

python bench/lighthouse.py [--unit balai-melati] [--site FOLDER] [--port 0] [--runs 1]   (or ``invoke bench
--lighthouse``). It builds the unit into a temporary folder (unless ``--site`` names a built one), serves it
compressed as static hosting does, runs Lighthouse (npm, pinned in bench/package.json, installed here by
``npm ci`` the first time) with Debian's Chromium, and prints the four scores, the Largest Contentful Paint and the
layout shift of each page. Exit status 1 when a page misses the targets: 100 in every category, LCP <= 1.0 s.
Too slow for CI (about 15 s a page on two busy cores); the browser test in tests/test_first_view.py checks the parts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere: warta is here

from warta import ROOT  # noqa: E402
from warta.model.units import content_root  # noqa: E402
from warta.tool.build import build_units  # noqa: E402

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
RESULTS = BENCH / "results" / "lighthouse.json"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LCP_LIMIT_S = 1.0
# One page of each type of the example unit balai-melati, in both languages.
PAGES = {
    "home": "",
    "news list": "berita/",
    "article": "berita/2024/pelatihan-kehumasan/",
    "gallery": "galeri/pelatihan-kehumasan-2024/",
    "standing page": "profil/",
    "search": "cari/",
}
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Static files as a host like GitHub Pages serves them: gzip-compressed text, connections kept alive.

    HTTP/1.0's one connection per file made Lighthouse charge every photo a new connection's round trips, which no
    static host costs a visitor: they keep connections open, most over HTTP/2.
    """

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and path.name == "index.html" and path.parent.is_dir():
            return super().send_head()  # the folder's redirect to its slash
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.compressed_body = body
        return None

    def do_GET(self):
        self.compressed_body = None
        file = self.send_head()
        if self.compressed_body is not None:
            self.wfile.write(self.compressed_body)
        elif file:
            try:
                self.copyfile(file, self.wfile)
            finally:
                file.close()

    def log_message(self, *args):
        pass


def serve(site: Path, port: int, protocol: str = CompressingHandler.protocol_version) -> ThreadingHTTPServer:
    handler = type("Handler", (CompressingHandler,), {"protocol_version": protocol})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def ensure_lighthouse() -> Path:
    """Lighthouse as pinned in bench/package-lock.json; ``npm ci`` installs it the first time."""
    if not LIGHTHOUSE.exists():
        if shutil.which("npm") is None:
            raise SystemExit("Lighthouse needs Node.js and npm: apt-get install nodejs npm")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(BENCH)], check=True)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Lighthouse runs Debian's Chromium, not found at {CHROMIUM}: apt-get install chromium")
    return LIGHTHOUSE


def lighthouse(url: str) -> dict:
    """One Lighthouse run in its default (mobile) profile: scores, LCP and layout shift."""
    command = [
        str(ensure_lighthouse()),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    load = os.getloadavg()[0]  # the shared machine's other work, which slows every figure below
    report = json.loads(subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout)
    audits = report["audits"]
    return {
        "scores": {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 3),
        "fcp_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 3),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 4),
        "lcp_element": lcp_element(audits),
        # Lighthouse's own measure of the machine's speed during the run: lower on a busy machine, whose slower
        # tasks (multiplied by the mobile profile's CPU slowdown) make every figure worse.
        "benchmark_index": round(report["environment"]["benchmarkIndex"]),
        "load": round(load, 1),
        "failed": sorted(
            name
            for name, audit in audits.items()
            if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
        ),
    }


def lcp_element(audits: dict) -> str:
    """The CSS selector of the page's largest paint, as Lighthouse's LCP breakdown names it."""
    details = audits.get("lcp-breakdown-insight", {}).get("details") or {}
    nodes = [item for item in details.get("items", []) if item.get("type") == "node"]
    return nodes[0].get("selector", "") if nodes else ""


def median_run(url: str, runs: int) -> dict:
    """The run with the median LCP of ``runs`` (Lighthouse's own advice against one noisy figure)."""
    results = sorted((lighthouse(url) for _ in range(runs)), key=lambda result: result["lcp_s"])
    return {**results[len(results) // 2], "lcp_runs": [result["lcp_s"] for result in results]}


def page_paths() -> dict[str, str]:
    return {
        f"{kind} ({lang})": prefix + path
        for lang, prefix in (("id", ""), ("en", "en/"))
        for kind, path in PAGES.items()
    }


def misses(result: dict) -> bool:
    return result["lcp_s"] > LCP_LIMIT_S or any(score < 100 for score in result["scores"].values())


def table(results: dict[str, dict]) -> str:
    lines = [
        "| page | perf | a11y | best pr. | SEO | LCP | FCP | CLS | LCP element | failed audits | machine | load |",
        "|---|--:|--:|--:|--:|--:|--:|--:|---|---|--:|--:|",
    ]
    for page, result in results.items():
        scores = " | ".join(str(result["scores"][name]) for name in CATEGORIES)
        failed = ", ".join(result["failed"]) or "–"
        lines.append(
            f"| {page} | {scores} | {result['lcp_s']:.2f} s | {result['fcp_s']:.2f} s | {result['cls']}"
            f" | `{result['lcp_element']}` | {failed} | {result['benchmark_index']} | {result['load']} |"
        )
    return "\n".join(lines)


def built_site(unit: str, folder: Path) -> Path:
    [build] = build_units([unit], content_root(ROOT), folder, publish=False, jobs=None, lang="en")
    if not build.ok:
        raise SystemExit(build.log)
    return folder / unit


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unit", default="balai-melati", help="the example unit to build (default balai-melati)")
    parser.add_argument("--site", type=Path, help="a unit already built (its output folder) instead of a build")
    parser.add_argument("--port", type=int, default=0, help="where to serve it (default: any free port)")
    parser.add_argument(
        "--protocol",
        default="HTTP/1.1",
        choices=("HTTP/1.1", "HTTP/1.0"),
        help="HTTP/1.0 (a connection per file) to compare with the figures measured before 2026-12-01",
    )
    parser.add_argument("--runs", type=int, default=1, help="runs a page; the median LCP's run is kept")
    parser.add_argument("--only", nargs="*", help="only these page types (e.g. article gallery)")
    options = parser.parse_args(argv)
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as scratch:
        site = options.site or built_site(options.unit, Path(scratch) / "output")
        server = serve(site, options.port, options.protocol)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            results = {
                page: median_run(base + path, options.runs)
                for page, path in page_paths().items()
                if not options.only or page.split(" (")[0] in options.only
            }
        finally:
            server.shutdown()
            server.server_close()
            shutil.rmtree(Path(scratch) / "output", ignore_errors=True)
    print(table(results))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    return 1 if any(misses(result) for result in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
