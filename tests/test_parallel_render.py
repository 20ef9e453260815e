"""Pages rendered by several processes are byte for byte the pages one process renders; a worker's failure fails."""

import gc
import os

import pytest
from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from plugins.rendering.parallel import DEFAULTS, PageJob, ParallelWriter, RenderingFailed
from warta.adapter.pelican_internals import FileOverwriteFailedError
from warta.tool.build import build_units

ARTICLE = (
    "Title: Berita {number}\nDate: 2020-{month:02}-{day:02} 10:00\nPenulis: Ani; Budi\nTags: rapat, tag-{tag}\n"
    "Category: {category}\n\nParagraf [tautan](berita-0.md) pertama {number}.\n\nParagraf kedua.\n"
)


def write_articles(site, count):
    for number in range(count):
        text = ARTICLE.format(
            number=number, month=number % 12 + 1, day=number % 28 + 1, tag=number % 7, category=("A", "B")[number % 2]
        )
        site.write(f"news/2020/berita-{number}.md", text)
        if number % 3 == 0:
            site.write(f"news/2020/berita-{number}.en.md", f"Title: News {number}\n\nEnglish text {number}.\n")


def test_a_unit_rendered_by_two_processes_equals_one_rendered_by_one(site, tmp_path, monkeypatch):
    write_articles(site, 120)
    monkeypatch.setenv("WARTA_JOBS", "2")
    assert site.build()[0].ok
    pages = [name for name in site.tree() if name.endswith(".html")]
    assert len(pages) >= DEFAULTS["RENDER_FORK_MIN"]  # enough pages that the workers were used
    rendered = inodes(site)
    edited = site.content / "balai-uji" / "news/2020/berita-5.md"
    edited.write_text(edited.read_text().replace("Paragraf kedua.", "Paragraf kedua, diperbaiki."))
    assert site.build()[0].ok  # the workers' pages were recorded too: all but the edited one are taken as they are
    assert {name for name, inode in inodes(site).items() if rendered[name] != inode} == {
        "berita/2020/berita-5/index.html"
    }
    parallel = site.tree()

    monkeypatch.setenv("WARTA_JOBS", "1")
    site.output.rename(tmp_path / "parallel-output")
    assert site.build()[0].ok
    assert site.tree() == parallel


class Failing:
    def render(self, localcontext):
        raise ValueError("template broken")


class Plain:
    def render(self, localcontext):
        return f"page {localcontext['number']}"


def test_a_failing_worker_fails_the_build(tmp_path):
    writer = ParallelWriter(str(tmp_path), settings={"RENDER_JOBS": 2, "RENDER_FORK_MIN": 1})
    # Jobs are shared out in turn: the second goes to the worker process, the first and third stay here.
    for number, template in enumerate((Plain(), Failing(), Plain())):
        writer.record(PageJob(template, {"number": number}, {}, path=str(tmp_path / f"{number}.html")))
    with pytest.raises(RenderingFailed):
        writer.render_recorded()
    assert (tmp_path / "0.html").read_text() == "page 0"
    assert (tmp_path / "2.html").read_text() == "page 2"
    assert not (tmp_path / "1.html").exists()


class FrozenCount:
    def render(self, localcontext):
        return str(gc.get_freeze_count())


@pytest.mark.parametrize("failing", [False, True])
def test_workers_share_the_objects_alive_at_the_fork_and_this_process_collects_again(tmp_path, failing):
    """The collector leaves what existed before the fork alone (its passes would copy the pages workers share)."""
    writer = ParallelWriter(str(tmp_path), settings={"RENDER_JOBS": 2, "RENDER_FORK_MIN": 1})
    templates = (FrozenCount(), Failing() if failing else FrozenCount())
    for number, template in enumerate(templates):
        writer.record(PageJob(template, {"number": number}, {}, path=str(tmp_path / f"{number}.html")))
    if failing:
        with pytest.raises(RenderingFailed):
            writer.render_recorded()
    else:
        writer.render_recorded()
        assert int((tmp_path / "1.html").read_text()) > 0  # rendered by the worker, with the objects frozen
    assert int((tmp_path / "0.html").read_text()) > 0
    assert gc.get_freeze_count() == 0  # nothing stays frozen for the next build in this process


def test_a_build_in_this_process_forks_nothing(site, monkeypatch):
    """livereload renders in its server's process, which has threads: forking there could hang the child."""
    write_articles(site, 120)
    monkeypatch.setenv("WARTA_JOBS", "2")

    def refuse_fork():
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", refuse_fork)
    [build] = build_units(["balai-uji"], site.content, site.output, in_process=True)
    assert build.ok, build.log
    assert len([name for name in site.tree() if name.endswith(".html")]) >= DEFAULTS["RENDER_FORK_MIN"]


def inodes(site) -> dict[str, int]:
    base = site.output / "balai-uji"
    return {p.relative_to(base).as_posix(): p.stat().st_ino for p in base.rglob("*.html")}


def test_a_recorded_page_opens_no_file_until_it_renders_and_keeps_pelicans_signal_and_checks(tmp_path):
    writer = ParallelWriter(str(tmp_path), settings={**DEFAULT_CONFIG, "RENDER_FORK_MIN": 10})
    written = []
    with signals.content_written.connected_to(lambda path, context: written.append(path)):
        writer.write_file("a/index.html", Plain(), {"number": 1, "SITEURL": ""}, relative_urls=True)
    page = tmp_path / "a" / "index.html"
    assert written == [str(page)]  # Pelican's signal, sent as it wrote nothing yet
    assert not page.exists()
    with pytest.raises(FileOverwriteFailedError):  # the same page asked for twice: Pelican's own refusal
        writer.write_file("a/index.html", Plain(), {"number": 2, "SITEURL": ""})
    writer.render_recorded()
    assert page.read_text() == "page 1"


def test_pages_share_the_entries_of_the_context_they_have_in_common():
    site_wide = {name: object() for name in ("SITENAME", "articles", "categories", "tags", "pages", "authors")}
    pages = [{**site_wide, "output_file": f"{n}.html", "article": object()} for n in range(3)]
    later = {**site_wide, "articles": object(), "output_file": "3.html", "article": object()}  # one entry rebound
    reordered = {"article": object(), **site_wide, "output_file": "4.html"}  # same names, another order
    longer = {**site_wide, "output_file": "5.html", "article": object(), "articles_page": object()}  # one name more
    shorter = {name: value for name, value in longer.items() if name != "SITENAME"}  # one of the base's names less
    chosen = [*pages, later, reordered, *pages, longer, shorter]
    jobs = [PageJob(Plain(), dict(page), {}) for page in chosen]
    writer = ParallelWriter("unused")
    for job in jobs:
        writer.record(job)
    for job, page in zip(jobs, chosen, strict=True):
        context = job.page_context()
        assert list(context) == list(page)  # the same names in the same order, each the very same object
        assert all(context[name] is page[name] for name in page)
    bases = [(job.shared is jobs[0].localcontext, job.shared is jobs[5].localcontext) for job in jobs]
    assert bases[:5] == [(False, False), (True, False), (True, False), (True, False), (False, False)]
    assert bases[5:] == [(False, False), (False, True), (False, True), (False, True), (False, False)]
    assert set(jobs[1].localcontext) == {"output_file", "article"}
    assert set(jobs[3].localcontext) == {"output_file", "article", "articles"}
