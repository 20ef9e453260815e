"""``invoke livereload``'s preview (warta.tool.preview): every page it serves is what a fresh build writes for it."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Site
from tests.test_galleries import camera_jpeg
from warta.tool.pelican_process import render
from warta.tool.preview import INJECTED, SEARCH_PAGES, UnitPreview, Watcher, bind

UNIT = "balai-uji"
REPO = Path(__file__).resolve().parent.parent
GALLERY = """\
Title: Kunjungan Kerja
Date: 2021-03-02
Fotografer: Eko Saputra

![Peserta di aula](01.jpg "Pembukaan")
"""


def article(title="Rapat Koordinasi", date="2021-03-04 09:00", category="Kegiatan", tags="rapat", body="Isi rapat."):
    return f"Title: {title}\nDate: {date}\nCategory: {category}\nTags: {tags}\nPenulis: Humas Balai Uji\n\n{body}\n"


def training(title="Pelatihan", body="Isi rapat.") -> str:
    return article(title, "2020-11-13 10:00", tags="pelatihan, rapat", body=body)


@pytest.fixture
def unit(tmp_path, monkeypatch) -> Site:
    """A unit with two articles (one translated), a page and a one-photo gallery; the environment a build sets."""
    site = Site(tmp_path)
    site.unit()
    site.write("news/2021/rapat.md", article())
    site.write("news/2021/rapat.en.md", "Title: Coordination Meeting\n\nThe meeting.\n")
    site.write("news/2020/pelatihan.md", training())
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    camera_jpeg(site.content / UNIT / "galleries/kunjungan/01.jpg", size=(320, 240))
    site.write("galleries/kunjungan/index.md", GALLERY)
    monkeypatch.setenv("WARTA_CONTENT", str(site.content))
    monkeypatch.setenv("WARTA_PHOTO_CACHE", str(tmp_path / "photo-cache"))
    return site


@pytest.fixture
def preview(unit):
    said = []
    made = UnitPreview(UNIT, unit.content, unit.output, say=said.append)
    made.said = said
    assert made.refresh(), said
    yield made
    made.close()


NOTE = re.compile(rb'<div class="warta-preview-note" role="status" lang="id">[^<]*</div>')
ALERT = re.compile(rb'<div class="warta-preview-note" role="alert" lang="id">[^<]*</div>')


def served(preview: UnitPreview, relative: str) -> bytes:
    """The page as served, less what the preview adds: its reload script, and on the search pages a notice."""
    status, _, body = preview.response("/" + relative)
    assert status == 200, relative
    if not relative.endswith(".html"):
        return body
    body = body.replace(INJECTED.encode(), b"", 1)
    return NOTE.sub(b"", body, count=1) if relative in SEARCH_PAGES else body


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_served_as_built(preview: UnitPreview, site: Site, kind: str) -> None:
    """Every file a fresh build writes is served with its very bytes, and the preview has no other file."""
    fresh = site.root / f"fresh-{kind}"
    render(UNIT, site.content, fresh, workers=False)  # what the build's render process writes (its search index aside)
    built = files_below(fresh)
    assert preview.refresh(), preview.said[-2:]
    written, pages = set(files_below(preview.snapshot.folder)), set(preview.snapshot.pages)
    assert not written & pages, kind  # a page is recorded, never written as a file: it is rendered when asked for
    assert written | pages == set(built), kind
    different = [relative for relative, data in built.items() if served(preview, relative) != data]
    assert not different, (kind, different)


def test_after_each_kind_of_edit_the_preview_serves_what_a_fresh_build_writes(unit, preview, monkeypatch):
    theme = unit.root / "theme"
    shutil.copytree(REPO / "theme", theme)
    monkeypatch.setenv("WARTA_THEME", str(theme))  # read by pelicanconf.py on every run
    news = unit.content / UNIT / "news"

    def saved(relative: str, text: str):
        return lambda: (news / relative).parent.mkdir(exist_ok=True) or (news / relative).write_text(text)

    edits = {
        "body": saved("2021/rapat.md", article(body="Isi rapat yang baru.\n\nParagraf dua.")),
        "title": saved("2021/rapat.md", article(title="Rapat Koordinasi Wilayah")),
        "date": saved("2021/rapat.md", article(date="2019-05-06 08:00")),
        "category": saved("2021/rapat.md", article(category="Layanan")),
        "tags": saved("2021/rapat.md", article(tags="koordinasi, wilayah")),
        "new file": saved("2022/baru.md", article("Baru")),
        "deleted": (news / "2020/pelatihan.md").unlink,
        "renamed": lambda: (news / "2022/baru.md").rename(news / "2022/kabar-baru.md"),
        "translation": saved("2022/kabar-baru.en.md", "Title: New News\n\nNews.\n"),
        "gallery photo": lambda: add_photo(unit),
        "unit.toml": lambda: (unit.content / UNIT / "unit.toml").write_text(
            'name = "Balai Uji Baru"\nsite_url = "https://baru.example.go.id"\nshort_name = "Uji Baru"\n'
        ),
        "theme template": lambda: edit_template(theme / "templates/base.html"),
    }
    assert_served_as_built(preview, unit, "start")
    for kind, edit in edits.items():
        edit()
        assert_served_as_built(preview, unit, kind)
    assert "Rapat Koordinasi Wilayah" not in served(preview, "berita/index.html").decode()  # a later edit undid it
    assert b"<p>Templat baru</p>" in served(preview, "profil/index.html")
    english = BeautifulSoup(served(preview, "en/berita/2021/kabar-baru/index.html"), "html.parser")
    assert english.h1.get_text() == "New News"


def test_body_and_title_edits_are_made_in_place_and_every_page_stays_what_a_fresh_build_writes(unit, preview):
    news = unit.content / UNIT / "news"

    def saved(relative: str, text: str):
        return lambda: (unit.content / UNIT / relative).write_text(text)

    in_place = {
        "body": saved("news/2021/rapat.md", article(body="Isi baru.\n\nLihat [profil](../../pages/profil.md).")),
        "title": saved("news/2021/rapat.md", article(title="Rapat Koordinasi Wilayah", body="Isi baru.")),
        "body of another file": saved("news/2020/pelatihan.md", training(body="Baru.")),
        "translation's title": saved("news/2021/rapat.en.md", "Title: Regional Meeting\n\nThe meeting.\n"),
        "page body": saved("pages/profil.md", "Title: Profil\n\nTentang balai, diperbarui.\n"),
    }
    toml = (unit.content / UNIT / "unit.toml").read_text()
    runs = preview.runs
    for kind, edit in in_place.items():
        edit()
        assert_served_as_built(preview, unit, kind)
        assert preview.runs == runs, kind
    page = BeautifulSoup(served(preview, "berita/index.html"), "html.parser")
    assert "Rapat Koordinasi Wilayah" in page.get_text() and "Baru." in page.get_text()
    ran = {
        "date": saved("news/2021/rapat.md", article(date="2019-05-06 08:00")),
        "a broken link, in the body": saved("news/2021/rapat.md", article(body="[Hilang](tidak-ada.md)")),
        "fixed": saved("news/2021/rapat.md", article(date="2019-05-06 08:00", body="Diperbaiki.")),
        "a photo placed in the body": saved(
            "news/2021/rapat.md", article(date="2019-05-06 08:00", body="![Aula](../../galleries/kunjungan/01.jpg)")
        ),
        "a second article of the same date": saved("news/2020/kedua.md", training(title="Kedua")),
        "a title sharing its date (person pages order by it)": saved("news/2020/kedua.md", training(title="A")),
        "a new folder": (news / "2023").mkdir,
        "a broken unit.toml": saved("unit.toml", 'name = "Balai Uji\n'),
        "unit.toml fixed": saved("unit.toml", toml),
    }
    failing = {"a broken link, in the body": "tidak-ada.md", "a broken unit.toml": "unit.toml"}
    for kind, edit in ran.items():
        runs = preview.runs
        edit()
        if kind in failing:
            assert preview.refresh() is False and failing[kind] in preview.said[-2], preview.said[-2:]
        else:
            assert_served_as_built(preview, unit, kind)
        assert preview.runs == runs + 1, kind


def add_photo(site: Site) -> None:
    camera_jpeg(site.content / UNIT / "galleries/kunjungan/02.jpg", size=(320, 240), orientation=6)
    (site.content / UNIT / "galleries/kunjungan/index.md").write_text(GALLERY + '![Foto bersama](02.jpg "Penutup")\n')


def edit_template(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("</main>", "</main><p>Templat baru</p>", 1), encoding="utf-8")
    assert "Templat baru" in template.read_text(encoding="utf-8")


def test_a_broken_file_is_shown_on_every_page_while_the_last_good_page_stays_until_it_is_fixed(unit, preview):
    good = served(preview, "berita/2021/rapat/index.html")
    broken = unit.content / UNIT / "news/2021/rapat.md"
    broken.write_text(article(date="2021-13-04"))
    assert preview.refresh() is False
    said = "\n".join(preview.said)
    assert "content/balai-uji/news/2021/rapat.md:2: kesalahan: tanggal '2021-13-04' tidak ada" in said
    page = BeautifulSoup(preview.response("/berita/2021/rapat/")[2], "html.parser")
    alert = page.select_one('.warta-preview-note[role="alert"]')
    assert "news/2021/rapat.md:2" in alert.get_text() and "pratinjau balai-uji belum bisa" in alert.get_text()
    assert ALERT.sub(b"", served(preview, "berita/2021/rapat/index.html"), count=1) == good
    broken.write_text(article(body="Sudah diperbaiki."))
    assert preview.refresh()
    recovered = BeautifulSoup(preview.response("/berita/2021/rapat/")[2], "html.parser")
    assert recovered.select_one(".warta-preview-note") is None
    assert "Sudah diperbaiki." in recovered.get_text()


def test_a_template_that_fails_on_one_page_is_said_on_that_page(unit, preview, monkeypatch):
    theme = unit.root / "theme"
    shutil.copytree(REPO / "theme", theme)
    monkeypatch.setenv("WARTA_THEME", str(theme))
    template = theme / "templates/page.html"
    template.write_text(template.read_text().replace("{{ page.title }}", "{{ page.title.no_such_thing() }}", 1))
    assert preview.refresh()  # the template compiles; it fails only when a page is rendered
    status, _, body = preview.response("/profil/")
    assert status == 500 and b"Pesan teknis (Pelican):" in body and b"no_such_thing" in body
    assert any("profil/index.html: " in line for line in preview.said)
    assert preview.response("/berita/2021/rapat/")[0] == 200


def test_the_search_page_says_when_its_index_is_missing_or_older_than_the_preview(unit, preview):
    def notice():
        page = BeautifulSoup(preview.response("/cari/")[2], "html.parser")
        found = page.select_one('.warta-preview-note[role="status"]')
        return found.get_text() if found else None

    assert "belum punya indeks pencarian" in notice()
    index = unit.output / UNIT / "pagefind/parts.json"
    index.parent.mkdir(parents=True)
    index.write_text("{}")
    assert notice() is None
    assert preview.response("/pagefind/parts.json")[2] == b"{}"
    os.utime(index, (time.time() - 60, time.time() - 60))
    (unit.content / UNIT / "news/2021/rapat.md").write_text(article(body="Teks baru."))
    assert preview.refresh()
    assert "dibuat sebelum perubahan terakhir" in notice()
    assert preview.response("/en/cari/")[2].count(b"warta-preview-note") == 1
    assert b"warta-preview-note" not in preview.response("/berita/")[2]


def free_port(first=8730, last=8749) -> int:
    for port in range(first, last + 1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8730-8749")


def test_the_server_serves_pages_reloads_the_browser_and_takes_the_next_port_when_one_is_busy(unit, preview):
    port = free_port()
    said = []
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", port))
        holder.listen()
        server = bind(preview, port, say=said.append)
    assert server.server_address[1] > port
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    assert said == [
        f"port {port} sudah dipakai program lain, jadi pratinjau dibuka di {url}; buka alamat itu di peramban"
    ]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page = urllib.request.urlopen(f"{base}/berita/2021/rapat/").read()
        assert page.replace(INJECTED.encode(), b"") == served(preview, "berita/2021/rapat/index.html")
        assert b"EventSource" in urllib.request.urlopen(f"{base}/_preview/reload.js").read()
        events = urllib.request.urlopen(f"{base}/_preview/events", timeout=10)
        (unit.content / UNIT / "news/2021/rapat.md").write_text(article(body="Lewat server."))
        Watcher(preview).handle({unit.content / UNIT / "news/2021/rapat.md"})
        assert events.readline() == b"event: changed\n"
        events.close()
        assert b"Lewat server." in urllib.request.urlopen(f"{base}/berita/2021/rapat/").read()
    finally:
        server.shutdown()
        server.server_close()


def test_the_watcher_restarts_for_new_code_and_forgets_what_was_read_for_a_new_unit_toml(unit, preview):
    restarts = []
    watcher = Watcher(preview, restart=lambda: restarts.append(True))
    watcher.handle({REPO / "plugins/related/related.py"})
    assert restarts == [True]
    remembered = preview.reads
    watcher.handle({unit.content / UNIT / "news/2021/rapat.md"})
    assert preview.reads is remembered
    watcher.handle({unit.content / UNIT / "unit.toml"})
    assert preview.reads is not remembered and restarts == [True]


def test_a_save_is_seen_by_the_watcher_and_served(unit, preview):
    watcher = Watcher(preview)
    watching = threading.Thread(target=watcher.run, daemon=True)
    watching.start()
    try:
        time.sleep(0.3)  # inotify watches are set
        seen = preview.version
        (unit.content / UNIT / "news/2021/rapat.md").write_text(article(body="Disimpan dari editor."))
        assert preview.wait_for_change(seen, timeout=30) != seen
        assert b"Disimpan dari editor." in served(preview, "berita/2021/rapat/index.html")
    finally:
        watcher.stopped.set()
        watching.join(timeout=5)
