"""Markdown bodies kept between builds by their text, and converted ahead by worker processes."""

import multiprocessing
import subprocess
import sys
from multiprocessing import resource_tracker

from markdown import Markdown

from plugins.contract.bodies import Bodies, body_digest
from warta.model.contract import parse_document
from warta.model.sanitize import sanitize

MARKDOWN = {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"}
ARTICLE = "Title: Berita {number}\nDate: 2020-01-01\nPenulis: Ani\n\nParagraf *{number}* dengan [tautan](https://kemensos.go.id).\n"


def stored(site):
    return sorted((site.root / ".cache" / "markdown" / "balai-uji").glob("*.html"))


def test_an_edit_converts_its_body_again_and_forgets_the_old_one(site):
    for number in range(3):
        site.write(f"news/2020/berita-{number}.md", ARTICLE.format(number=number))
    site.build()
    before = stored(site)
    assert len(before) == 3
    site.write("news/2020/berita-1.md", ARTICLE.format(number=1).replace("Paragraf", "Paragraf yang diperbaiki"))
    site.build()
    after = stored(site)
    assert len(after) == 3 and len(set(before) & set(after)) == 2
    assert "Paragraf yang diperbaiki" in site.page("berita/2020/berita-1").select_one(".body").get_text()


def test_a_stored_body_is_what_the_page_shows(site):
    """The store is read, not just written: an entry changed by hand shows up (which no edit of content can do)."""
    site.write("news/2020/berita-0.md", ARTICLE.format(number=0))
    site.build()
    (entry,) = stored(site)
    entry.write_text("<p>Dari penyimpanan</p>", encoding="utf-8")
    site.write("news/2020/berita-0.md", ARTICLE.format(number=0).replace("Berita 0", "Berita Nol"))  # a rebuild
    site.build()
    assert site.page("berita/2020/berita-0").select_one(".body").get_text(strip=True) == "Dari penyimpanan"


def documents(count: int) -> list:
    return [parse_document(ARTICLE.format(number=n), f"berita-{n}.md") for n in range(count)]


def test_workers_convert_ahead_exactly_as_the_reader_would(tmp_path):
    folder = tmp_path / "bodies"
    bodies = Bodies({"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(folder), "MARKDOWN_JOBS": 2})
    bodies.convert_ahead(documents(60))
    assert bodies.pool is not None
    for future in set(bodies.pending.values()):
        future.result()
    assert len(list(folder.glob("*.html"))) == 60  # written by the workers, before the reader asked for any
    body = "Paragraf *7* dengan [tautan](https://kemensos.go.id).\n"
    expected = sanitize(Markdown(**MARKDOWN).convert(body))
    assert bodies.html(body) == expected
    assert (folder / f"{body_digest(bodies.recipe, body)}.html").read_text(encoding="utf-8") == expected
    bodies.finish()
    assert len(list(folder.glob("*.html"))) == 1  # only the body this build read is kept


def test_summaries_are_converted_ahead_with_the_bodies(tmp_path):
    folder = tmp_path / "bodies"
    bodies = Bodies({"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(folder), "MARKDOWN_JOBS": 2})
    summarized = ARTICLE.replace("Penulis: Ani\n", "Penulis: Ani\nRingkasan: Ringkasan *{number}*\n")
    bodies.convert_ahead([parse_document(summarized.format(number=n), f"berita-{n}.md") for n in range(30)])
    for future in set(bodies.pending.values()):
        future.result()
    assert len(list(folder.glob("*.html"))) == 60  # each body and each summary, before the reader asked for any
    assert (folder / f"{body_digest(bodies.recipe, 'Ringkasan *7*')}.html").read_text() == "<p>Ringkasan <em>7</em></p>"
    bodies.finish()


def test_few_bodies_are_converted_without_workers(tmp_path):
    bodies = Bodies({"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(tmp_path), "MARKDOWN_JOBS": 2})
    bodies.convert_ahead(documents(1))
    assert bodies.pool is None
    assert bodies.html("Satu **dua**") == "<p>Satu <strong>dua</strong></p>"


def test_only_bodies_not_stored_yet_go_to_the_workers(tmp_path):
    """A warm build starts no worker: every body is in the store already (an edit converts one, here)."""
    settings = {"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(tmp_path), "MARKDOWN_JOBS": 2, "MARKDOWN_AHEAD_MIN": 2}
    first = Bodies(settings)
    for doc in documents(3)[:2]:
        first.html(doc.body)
    second = Bodies(settings)
    second.convert_ahead(documents(3))
    assert second.pool is None  # one body left to convert: fewer than MARKDOWN_AHEAD_MIN
    third = Bodies(settings)
    third.convert_ahead(documents(4))
    assert third.pool is not None and len(third.pending) == 2
    third.finish()


def test_workers_are_fresh_processes_and_leave_nothing_running(tmp_path):
    """The workers start from a fresh interpreter (a fork would count the render process's memory again), which
    imports the render process's main module: that one must not pull Pelican in. Once the pool is shut, neither a
    worker nor multiprocessing's resource tracker is left to the end of the build."""
    main = "import sys, warta.tool.pelican_process\nprint(sorted({'pelican', 'jinja2'} & set(sys.modules)))"
    assert (
        subprocess.run([sys.executable, "-c", main], capture_output=True, text=True, check=True).stdout.strip() == "[]"
    )
    bodies = Bodies({"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(tmp_path), "MARKDOWN_JOBS": 2})
    bodies.convert_ahead(documents(60))
    for future in set(bodies.pending.values()):
        future.result()
    workers = multiprocessing.active_children()
    assert workers and all(worker._start_method == "spawn" for worker in workers)  # noqa: SLF001
    bodies.finish()
    assert multiprocessing.active_children() == []
    assert resource_tracker._resource_tracker._pid is None  # noqa: SLF001


def test_workers_start_before_the_files_are_read_only_when_the_store_lacks_many_bodies(tmp_path):
    folder = tmp_path / "bodies"
    settings = {"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(folder), "MARKDOWN_JOBS": 2}
    cold = Bodies(settings)
    cold.start_workers(60)  # an empty store: sixty files' bodies will be missing
    assert cold.pool is not None
    cold.convert_ahead(documents(60))
    for future in set(cold.pending.values()):
        future.result()
    assert len(list(folder.glob("*.html"))) == 60  # the workers started early convert as those started late
    for document in documents(60):
        assert cold.html(document.body) == sanitize(Markdown(**MARKDOWN).convert(document.body))
    cold.finish()
    warm = Bodies(settings)
    warm.start_workers(61)  # the same files and one more: no worker to start
    assert warm.pool is None
    warm.finish()
