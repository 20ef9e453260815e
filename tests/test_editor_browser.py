"""The web editor in Chromium against ``invoke cms``, on a copy of an example unit: what staff do, what lands in files.

One browser session and one ``invoke cms`` for every flow: they are the slow part.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from warta import ROOT
from warta.model.contract import read_document
from warta.model.galleries import IMAGE

CHROMIUM = "/usr/bin/chromium"
UNIT = "balai-melati"
GALLERY = "galleries/pelatihan-kehumasan-2024/index.md"
SCREENSHOTS = os.environ.get("WARTA_SCREENSHOTS")  # a folder for editor-list.png, -article.png, -gallery.png

PPID_BEFORE = (ROOT / "content" / UNIT / "pages/ppid.md").read_bytes().rstrip().replace(b"\n", b"\r\n")
ORIGINAL_GALLERY = (
    (ROOT / "content" / UNIT / GALLERY).read_text(encoding="utf-8").replace(" yang ramah anak", "\n    yang ramah anak")
)
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on: helpers and CI runs share the machine."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def cms(tmp_path):
    """``invoke cms`` on a copy of the unit in tmp_path; yields the copy's folder once the editor answers."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(ROOT / "content" / UNIT, content / UNIT)
    # What staff with git leave behind: a page saved on Windows, a summary continued on a second line.
    ppid = content / UNIT / "pages/ppid.md"
    ppid.write_bytes(ppid.read_bytes().replace(b"\n", b"\r\n"))
    gallery = content / UNIT / GALLERY
    gallery.write_text(gallery.read_text(encoding="utf-8").replace(" yang ramah anak", "\n    yang ramah anak"))
    env = dict(os.environ, WARTA_CONTENT=str(content), WARTA_OUTPUT=str(output))
    log = tmp_path / "cms.log"
    port = free_port()
    command = [sys.executable, "-m", "invoke", "cms", "--unit", UNIT, "--port", str(port)]
    with log.open("w") as written:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=written, stderr=subprocess.STDOUT)
    try:
        for _ in range(240):
            if "http://127.0.0.1" in log.read_text() or server.poll() is not None:
                break
            time.sleep(0.25)
        assert server.poll() is None, log.read_text()
        yield content / UNIT, output / UNIT, log, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Editor:
    """The editor page, with the few moves staff make."""

    def __init__(self, page):
        self.page = page

    def field(self, key: str):
        """The form field ``key``; the form draws fields as they scroll into view."""
        found = self.page.locator(f'section.field[data-key-path="{key}"]')
        self.page.mouse.move(300, 500)
        for _ in range(60):
            if found.count():
                break
            self.page.mouse.wheel(0, 500)
            time.sleep(0.05)
        found.first.scroll_into_view_if_needed()
        return found.first

    def fill(self, key: str, value: str):
        self.field(key).locator("input, textarea").first.fill(value)

    def open(self, route: str):
        self.page.evaluate(f"location.hash = '#/{route}'")

    def save(self, saved):
        """Save, then wait until ``saved()`` says the file is on disk."""
        self.page.get_by_role("button", name="Simpan", exact=True).click()
        assert wait_for(saved, 60), "the editor did not write the file"
        # The editor goes back to the list once it has saved (slowly when the shared machine is busy).
        assert wait_for(lambda: not re.search("/(entries|new)", self.page.evaluate("location.hash")), 60)

    def shot(self, name: str):
        if SCREENSHOTS:
            self.page.screenshot(path=Path(SCREENSHOTS) / f"editor-{name}.png")


def wait_for(condition, seconds=20):
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def photo(tmp_path: Path, name: str, source: str) -> Path:
    """A real camera photo of the example gallery under the name a phone gives it."""
    target = tmp_path / "upload" / name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(ROOT / "content" / UNIT / "galleries/pelatihan-kehumasan-2024" / source, target)
    return target


def test_staff_write_in_the_browser_and_the_site_shows_it(cms, tmp_path):
    unit, site, log, address = cms
    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
        page.on("console", lambda line: line.type == "error" and errors.append(line.text))
        page.goto(f"{address}/admin/")
        editor = Editor(page)
        # Enter as the local user: the working tree is the repository. The editor speaks Indonesian.
        page.get_by_role("button", name="Kerjakan di Repositori Lokal").click()
        page.get_by_text("Balai Melati Gelar Pelatihan Kehumasan bagi Pendamping").wait_for()
        editor.shot("list")

        write_article(editor, tmp_path, unit)
        write_without_translation(editor, unit)
        change_captions(editor, unit)
        upload_and_link_a_document(editor, tmp_path, unit)
        choose_english(editor)
        browser.close()
    assert errors == []

    news = unit / "news" / "2026"
    article = news / "balai-melati-latih-relawan-angkatan-pertama.md"
    text = article.read_text(encoding="utf-8")
    # New files carry the Indonesian key names (warta.model.keys), as invoke new writes them.
    assert text.startswith("Judul: Balai Melati Latih Relawan: Angkatan Pertama\nTanggal: 2026-11-28 09:30\n")
    assert "Penulis: Humas Balai Melati; Eko Saputra\n\n" in text
    assert '![Relawan duduk menyimak materi](<../../images/IMG 0001.JPG> "Sesi pertama")' in text
    assert (unit / "images" / "IMG 0001.JPG").read_bytes() == photo(tmp_path, "x.jpg", "01.jpg").read_bytes()
    assert (unit / "images" / "Foto (2).jpg").is_file()
    assert not (news / "jadwal-layanan-akhir-tahun.en.md").exists()
    english = read_document(article.with_name(article.stem + ".en.md"))
    assert english.get("title") == "Balai Melati Trains Volunteers: First Group" and not english.get("date")

    gallery = read_document(unit / GALLERY)
    captions = [match.group("caption") for match in IMAGE.finditer(gallery.body)]
    assert captions[1] == "Praktik menulis siaran pers" and len(captions) == 4
    original = ORIGINAL_GALLERY.splitlines()
    assert [
        a == b for a, b in zip(original, (unit / GALLERY).read_text(encoding="utf-8").splitlines(), strict=True)
    ].count(False) == 1

    assert (unit / "documents" / "Laporan Kinerja 2025.pdf").read_bytes().startswith(b"%PDF")
    ppid = (unit / "pages" / "ppid.md").read_bytes()
    assert ppid.startswith(PPID_BEFORE) and b"\n" not in ppid.replace(b"\r\n", b"")
    assert ppid.endswith(b"\r\n\r\nUnduh [Laporan Kinerja 2025](<../documents/Laporan Kinerja 2025.pdf>).\r\n")

    # Each save rebuilt the site; the check passes on what the editor wrote.
    check = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--unit", UNIT],
        cwd=ROOT,
        env=dict(os.environ, WARTA_CONTENT=str(unit.parent)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    shown = site / "berita/2026/balai-melati-latih-relawan-angkatan-pertama/index.html"
    assert wait_for(shown.is_file), log.read_text()
    html = BeautifulSoup(shown.read_text(encoding="utf-8"), "html.parser")
    assert html.h1.get_text(strip=True) == "Balai Melati Latih Relawan: Angkatan Pertama"
    assert {img["alt"] for img in html.select("article img")} >= {"Relawan duduk menyimak materi"}
    assert (site / "en/berita/2026/balai-melati-latih-relawan-angkatan-pertama/index.html").is_file()
    ppid_page = site / "ppid/index.html"
    assert wait_for(lambda: "Laporan Kinerja 2025" in ppid_page.read_text(encoding="utf-8")), log.read_text()
    html = BeautifulSoup(ppid_page.read_text(encoding="utf-8"), "html.parser")
    [link] = html.find_all("a", string="Laporan Kinerja 2025")
    assert (
        link["href"] == "../dokumen/laporan-kinerja-2025.pdf" and (site / "dokumen/laporan-kinerja-2025.pdf").is_file()
    )


def write_article(editor: Editor, tmp_path: Path, unit: Path):
    """A new article with two photos from a phone and its English translation."""
    page = editor.page
    page.get_by_role("button", name="Baru").click()
    editor.fill("title", "Balai Melati Latih Relawan: Angkatan Pertama")
    editor.fill("date", "2026-11-28T09:30")
    editor.fill("writer", "Humas Balai Melati; Eko Saputra")
    body = editor.field("body")
    photos = [
        ("IMG 0001.JPG", "01.jpg", "Relawan duduk menyimak materi", "Sesi pertama"),
        ("Foto (2).jpg", "02.jpg", "Relawan mencatat di kelas", "Praktik"),
    ]
    for name, source, alt, caption in photos:
        body.get_by_role("button", name="Gambar", exact=True).click()
        body.locator('section[data-key-path$=":src"]').last.locator("input[type=file]").first.set_input_files(
            photo(tmp_path, name, source)
        )
        body.locator('section[data-key-path$=":src"]').last.get_by_text(name).wait_for()
        body.get_by_label("Teks Alternatif").last.fill(alt)
        body.get_by_label("Keterangan").last.fill(caption)
    editor.shot("article")
    page.get_by_role("radio", name="Inggris").first.click()
    # A translation is added, not required: "Aktifkan Inggris" (the name between bidi marks, as MessageFormat 2 has it).
    page.get_by_role("button", name=re.compile("^Aktifkan .Inggris")).click()
    editor.fill("title", "Balai Melati Trains Volunteers: First Group")
    editor.fill("translator", "Intan Qonita N")
    editor.save((unit / "news/2026/balai-melati-latih-relawan-angkatan-pertama.en.md").is_file)


def write_without_translation(editor: Editor, unit: Path):
    """Most news has no English version: the editor saves it without asking for one."""
    editor.page.get_by_role("button", name="Baru").click()
    editor.fill("title", "Jadwal Layanan Akhir Tahun")
    editor.fill("date", "2026-12-01T08:00")
    editor.fill("writer", "Humas Balai Melati")
    editor.save((unit / "news/2026/jadwal-layanan-akhir-tahun.md").is_file)


def change_captions(editor: Editor, unit: Path):
    editor.open("collections/galeri/entries/pelatihan-kehumasan-2024/index")
    editor.fill("photos.1.caption", "Praktik menulis siaran pers")
    editor.shot("gallery")
    editor.save(lambda: "Praktik menulis siaran pers" in (unit / GALLERY).read_text(encoding="utf-8"))


def upload_and_link_a_document(editor: Editor, tmp_path: Path, unit: Path):
    page = editor.page
    pdf = tmp_path / "upload" / "Laporan Kinerja 2025.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    editor.open("assets")
    page.get_by_text("Dokumen", exact=True).first.click()
    page.locator("input[type=file]").first.set_input_files(pdf)
    page.get_by_role("button", name="Unggah", exact=True).last.click()
    assert wait_for((unit / "documents" / pdf.name).is_file)
    editor.open("collections/halaman/entries/ppid")
    body = editor.field("body")
    body.get_by_role("button", name="Sunting sebagai Markdown").click()
    markdown = body.locator("textarea").first
    markdown.press("Control+End")
    markdown.type("\n\nUnduh [Laporan Kinerja 2025](<../documents/Laporan Kinerja 2025.pdf>).\n")
    editor.save(lambda: "Laporan Kinerja 2025" in (unit / "pages/ppid.md").read_text(encoding="utf-8"))


def choose_english(editor: Editor):
    """The interface is Indonesian; English is a choice in the settings, kept after a reload."""
    page = editor.page
    page.get_by_role("button", name="Tampilkan Menu Akun").click()
    page.get_by_role("menuitem", name="Pengaturan").click()
    settings = page.get_by_role("dialog", name="Pengaturan")
    settings.get_by_text("Bahasa", exact=True).click()
    settings.get_by_role("combobox").click()
    page.get_by_role("option", name="English (US)").click()
    page.get_by_role("dialog", name="Settings").wait_for()
    page.reload()
    page.get_by_text("Collections", exact=True).wait_for()
