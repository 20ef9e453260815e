"""Guards of what warta/adapter/pelican_internals.py relies on in Pelican 4.12.0: each test fails by its name.

When one fails after an upgrade, the module's function of the same name says what Pelican used to do.
"""

import copy
import inspect
import os
from types import SimpleNamespace

import pytest
from pelican import signals
from pelican.readers import BaseReader, Readers
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from warta import ROOT
from warta.adapter import pelican_internals as internals
from warta.adapter.settings import unit_settings
from warta.model.contract import make_slug


@pytest.fixture(autouse=True)
def pelican_alone(monkeypatch):
    """Pelican's classes without plugins: a build earlier in this process leaves them connected to its signals."""
    for signal in vars(signals).values():
        if isinstance(signal, type(signals.initialized)):  # blinker's Signal
            monkeypatch.setattr(signal, "is_muted", True)


@pytest.fixture
def settings(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "images").mkdir()
    for name in ("a.png", "b.png"):
        (tmp_path / "images" / name).write_bytes(b"")
    override = {"PATH": str(tmp_path), "OUTPUT_PATH": str(tmp_path / "out"), "ARTICLE_PATHS": ["news"]}
    return internals.read_settings(override={**override, "STATIC_PATHS": ["images"], "PAGE_PATHS": []})


def generator(kind, settings, context=None):
    context = {"generated_content": {}, "static_content": {}} if context is None else context
    return kind(context, settings, settings["PATH"], settings["THEME"], settings["OUTPUT_PATH"])


def content(settings, body="<p>x</p>", context=None, **metadata):
    context = context if context is not None else {"generated_content": {}, "static_content": {}}
    return internals.Content(body, {"title": "T", **metadata}, settings, settings["PATH"] + "/news/a.md", context)


def test_pelican_is_the_version_these_guards_were_written_for():
    import pelican  # noqa: PLC0415

    assert pelican.__version__ == "4.12.0"


def test_readers_readers_is_the_dict_read_file_consults(settings):
    class Fake(BaseReader):
        enabled = True
        file_extensions = ["md"]

        def read(self, source_path):
            return "<p>fake</p>", {"title": "Fake"}

    readers = Readers(settings)
    internals.assign_reader(readers, ["md"], Fake(settings))
    assert readers.readers["MD"] is readers.readers["md"]
    assert internals.assigned_readers(readers) is readers.readers
    read = readers.read_file(settings["PATH"], "news/a.md", content_class=internals.Article)
    assert read.content == "<p>fake</p>" and read.title == "Fake"


def test_generators_have_readers_env_path_and_get_files_gives_what_generate_context_reads(settings):
    articles = generator(internals.ArticlesGenerator, settings)
    assert isinstance(articles.readers, Readers) and articles.env is not None
    assert articles.path == settings["PATH"]
    assert list(inspect.signature(articles.get_files).parameters)[:2] == ["paths", "exclude"]
    assert internals.content_files(articles) == [settings["PATH"] + "/news/a.md"]
    assert "get_files(" in inspect.getsource(internals.ArticlesGenerator.generate_context)
    parameters = list(inspect.signature(internals.Generator.__init__).parameters)
    assert parameters[:6] == ["self", "context", "settings", "path", "theme", "output_path"]


def test_add_failed_source_path_enters_none_in_generated_content(settings):
    articles = generator(internals.ArticlesGenerator, settings)
    articles._add_failed_source_path("news/a.md")
    assert internals.failed_sources(articles.context) == ["news/a.md"]
    assert "_add_failed_source_path(" in inspect.getsource(internals.ArticlesGenerator.generate_context)
    assert "_add_failed_source_path(" in inspect.getsource(internals.PagesGenerator.generate_context)


def test_link_replacer_takes_the_url_of_what_generated_content_holds(settings):
    context = {"generated_content": {}, "static_content": {}, "localsiteurl": ""}
    internals.link_targets(context)["news/b.md"] = SimpleNamespace(url="berita/b/")
    item = content(settings, '<a href="{filename}b.md">b</a>', context)
    assert 'href="/berita/b/"' in item.get_content("")


def test_staticfiles_is_the_same_list_as_the_contexts(settings):
    context = {"generated_content": {}, "static_content": {}, "static_links": set()}
    static = generator(internals.StaticGenerator, settings, context)
    static.generate_context()
    assert static.staticfiles is static.context["staticfiles"] and len(static.staticfiles) == 2
    internals.replace_static_files(static, static.staticfiles[:1])
    assert len(static.context["staticfiles"]) == 1


def test_override_url_and_override_save_as_are_returned_as_they_are(settings):
    item = content(settings)
    assert not internals.has_own_url(item)
    internals.set_url(item, "dokumen/a.pdf", "dokumen/a.pdf")
    assert internals.has_own_url(item)
    assert (item.url, item.save_as) == ("dokumen/a.pdf", "dokumen/a.pdf")
    assert internals.has_own_url(content(settings, url="profil/"))  # URL: metadata sets the same attribute


def test_url_save_as_and_the_source_registry_read_get_relative_source_path(settings, monkeypatch):
    monkeypatch.setattr(internals.Content, "get_relative_source_path", lambda self, source_path=None: "lain/b.md")
    item = content(settings, slug="b")
    assert item.url_format["path"] == "lain/b.md" and item.relative_source_path == "lain/b.md"
    pages = generator(internals.PagesGenerator, settings)
    pages.add_source_path(item)
    assert "lain/b.md" in pages.context["generated_content"]


def test_remembered_relative_source_paths_are_pelicans(settings, tmp_path, monkeypatch):
    pelicans = internals._pelicans_relative_source_path  # noqa: SLF001
    monkeypatch.setattr(internals.Content, "get_relative_source_path", pelicans)
    internals.remember_relative_source_paths()
    assert internals.Content.get_relative_source_path is not pelicans
    item = content(settings)
    unit = settings["PATH"]
    for source in (None, f"{unit}/news/a.md", "news/a.md", f"{unit}/news/../images/a.png", f"{unit}//news/a.md"):
        assert item.get_relative_source_path(source) == pelicans(item, source)
    assert item.get_relative_source_path("/lain/x.md") == pelicans(item, "/lain/x.md")  # outside: ../ steps
    monkeypatch.chdir(tmp_path / "news")  # a relative PATH: Pelican's own answer, which reads the working folder
    relative = content({**settings, "PATH": ".."})
    assert relative.get_relative_source_path("news/a.md") == pelicans(relative, "news/a.md") == "news/a.md"


def test_content_underscore_content_is_the_body_links_are_replaced_in(settings):
    item = content(settings, "<p>a</p>")
    assert internals.body_of(item) == "<p>a</p>"
    internals.set_body(item, "<p>b</p>")
    assert item.get_content("") == "<p>b</p>" and item.content == "<p>b</p>"


def test_body_readers_are_the_methods_content_and_summary_call(settings, monkeypatch):
    item = content(settings, "<p>a</p>")
    called = []

    def noting(name, original):
        return lambda self, *args: called.append(name) or original.__get__(self, type(self))(*args)

    for name in internals.BODY_READERS:
        monkeypatch.setattr(internals.Content, name, noting(name, inspect.getattr_static(internals.Content, name)))
    assert item.content == "<p>a</p>" and item.summary == "<p>a</p>"
    assert called[0] == "get_content" and "get_summary" in called


def test_content_and_summary_are_memoized_per_item_and_site_url_until_forgotten(settings):
    item, other = content(settings, "<p>a</p>"), content(settings, "<p>c</p>")
    assert (item.content, item.summary, other.content) == ("<p>a</p>", "<p>a</p>", "<p>c</p>")
    internals.set_body(item, "<p>b</p>")
    internals.set_body(other, "<p>d</p>")
    assert (item.content, item.summary) == ("<p>a</p>", "<p>a</p>")  # memoized: the old body
    internals.forget_rendered_bodies([item])
    assert (item.content, item.summary, other.content) == ("<p>b</p>", "<p>b</p>", "<p>c</p>")
    internals.forget_rendered_bodies()
    assert other.content == "<p>d</p>"


def test_write_file_renders_then_opens_through_open_w(settings, tmp_path):
    happened = []

    class Writer(internals.NotifyingWriter):
        def opened(self, path):
            happened.append(("opened", path))

    class Template:
        def render(self, localcontext):
            happened.append(("rendered", localcontext["output_file"]))
            return "<html>"

    writer = Writer(str(tmp_path / "out"), settings=settings)
    writer.write_file("a/index.html", Template(), {"SITEURL": ""}, relative_urls=True)
    path = str(tmp_path / "out" / "a" / "index.html")
    assert happened == [("rendered", "a/index.html"), ("opened", path)]
    assert (tmp_path / "out" / "a" / "index.html").read_text() == "<html>"
    parameters = list(inspect.signature(internals.Writer.write_file).parameters)
    assert parameters[:7] == ["self", "name", "template", "context", "relative_urls", "paginated", "template_name"]


def open_w_outcomes(writer, calls) -> list:
    """What each ``_open_w(path, override)`` of ``calls`` gives: the path opened, or the error it raises."""
    outcomes = []
    for path, override in calls:
        try:
            with writer._open_w(path, "utf-8", override=override):
                outcomes.append(writer.last_opened)
        except internals.FileOverwriteFailedError as error:
            outcomes.append(str(error))
    return outcomes


class Told(internals.NotifyingWriter):
    def opened(self, path):
        self.last_opened = path


class Later(Told):
    def writes_later(self, path):
        return True


def test_a_page_written_later_gets_pelicans_overwrite_checks_and_no_file(settings, tmp_path):
    # Every case of Pelican's _open_w: first write, second write refused, override, skip after an override, and a
    # second override refused; the writer that writes later must answer each alike and open nothing.
    out = tmp_path / "out"
    out.mkdir()
    a, b, c = (str(out / name) for name in ("a.html", "b.html", "c.html"))
    calls = [(a, False), (a, False), (b, False), (b, True), (b, False), (b, True), (c, True), (c, False)]
    pelicans = open_w_outcomes(Told(str(out), settings=settings), calls)  # Pelican's own _open_w, then ``opened``
    assert pelicans[4] == pelicans[7] == os.devnull
    assert "already written" in pelicans[1] and "a second time" in pelicans[5]
    for path in (a, b, c):
        os.unlink(path)
    assert open_w_outcomes(Later(str(out), settings=settings), calls) == pelicans
    assert os.listdir(out) == []  # nothing opened, so nothing created


def test_write_file_gives_the_page_and_the_shared_context_its_local_site_url(settings, tmp_path):
    seen = {}

    class Template:
        def render(self, localcontext):
            seen["page"] = localcontext[internals.LOCAL_SITE_URL]
            seen["shared"] = context[internals.LOCAL_SITE_URL]
            return "<html>"

    context = {"SITEURL": ""}
    internals.Writer(str(tmp_path / "out"), settings=settings).write_file(
        "a/b/index.html", Template(), context, relative_urls=True
    )
    assert seen == {"page": "../..", "shared": "../.."}


def test_paginator_and_page_have_the_attributes_the_site_key_reads(settings):
    listing = internals.Paginator("news", "berita/", list(range(25)), settings, 10)
    page = listing.page(2)
    assert internals.listing_shape(listing) == ("news", 25, 10, 3)
    assert internals.listing_page_shape(page) == (page.full_name, 2, 25, 3)
    assert internals.page_items(page) == list(range(10, 20))


def test_markdown_reader_and_base_reader_are_what_the_contract_reader_builds_on(settings):
    assert "md" in internals.MarkdownReader.file_extensions and internals.MarkdownReader.enabled
    assert list(inspect.signature(internals.MarkdownReader.process_metadata).parameters) == ["self", "name", "value"]
    assert internals.MarkdownReader(settings).process_metadata("title", "Judul") == "Judul"


def test_url_wrappers_take_a_name_and_the_settings(settings):
    author = internals.Author("Intan Qonita", settings)
    assert (str(author), author.slug) == ("Intan Qonita", "intan-qonita")
    assert internals.Category("Kegiatan", settings).slug == internals.Tag("kegiatan", settings).slug == "kegiatan"


def test_order_content_and_safe_datetime(settings):
    older, newer = SimpleNamespace(date=1, title="b"), SimpleNamespace(date=2, title="a")
    assert internals.order_content([older, newer], "reversed-date") == [newer, older]
    assert internals.order_content([older, newer], "title") == [newer, older]
    assert internals.SafeDatetime(2020, 1, 2).strftime("%Y") == "2020"


@pytest.mark.parametrize(
    "text", ["Pelatihan Kehumasan", "Rapat  Koordinasi: 2024!", "Bantuan <b>Sosial</b>", "Ñandú & café", "a--b_c"]
)
def test_slugify_with_the_default_substitutions_is_the_models_slug(text):
    assert make_slug(text) == slugify(text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def test_read_settings_with_only_an_override_keeps_it_and_leaves_the_defaults_alone(tmp_path):
    defaults = copy.deepcopy(DEFAULT_CONFIG)
    made = unit_settings(ROOT, ROOT / "content", "balai-melati")
    read = internals.read_settings(override=made)
    assert read["SITENAME"] == made["SITENAME"] and read["PLUGINS"] == made["PLUGINS"]
    assert defaults == DEFAULT_CONFIG
