"""The content model without a build: each file read once (warta.model.unit_content), translations paired in memory."""

from pathlib import Path

import pytest
from pelican import signals

from warta.model.contract import NEWS, UnreadableFile
from warta.model.translations import pair
from warta.model.unit_content import UnitContent, in_build
from warta.tool.check import check_unit
from warta.tool.pelican_process import render

ARTICLE = "Title: Rapat\nDate: 2022-03-30 09:00\nCategory: Kegiatan\nPenulis: Humas\n\nIsi rapat.\n"
TIMEZONE = "Asia/Jakarta"


@pytest.fixture
def opened(monkeypatch):
    """The Markdown files read since the test began, once per read (the contract reads a file whole, as bytes)."""
    reads = []
    real = Path.read_bytes

    def counting(path):
        if path.suffix == ".md":
            reads.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return reads


def test_a_file_is_read_once_and_every_reader_gets_the_same_document(tmp_path, opened):
    path = tmp_path / "rapat.md"
    path.write_text(ARTICLE, encoding="utf-8")
    content = UnitContent()
    first = content.document(path)
    path.write_text(ARTICLE.replace("Rapat", "Diubah"), encoding="utf-8")  # read already: this build keeps it
    assert content.document(path) is first and first.get("title") == "Rapat"
    assert opened == ["rapat.md"]
    assert UnitContent().document(path).get("title") == "Diubah"  # another build reads it again
    content.forget(tmp_path / ".." / tmp_path.name / "rapat.md")  # the preview's save made in place: by any name
    assert content.document(path).get("title") == "Diubah" and opened == ["rapat.md"] * 3


def test_a_document_carries_the_path_as_its_reader_wrote_it(tmp_path, monkeypatch):
    (tmp_path / "rapat.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    content = UnitContent()
    relative = content.document(f"{tmp_path.name}/rapat.md")
    absolute = content.document(tmp_path / "rapat.md")
    assert str(relative.path) == f"{tmp_path.name}/rapat.md" and absolute.path == tmp_path / "rapat.md"
    assert absolute.fields is relative.fields  # one reading, two names for it


def test_an_unreadable_file_gives_its_problem_to_every_reader(tmp_path, opened):
    path = tmp_path / "rusak.md"
    path.write_bytes(b"Title: Rapat\n\n\xff\xfe")
    content = UnitContent()
    for _ in range(2):
        with pytest.raises(UnreadableFile) as raised:
            content.document(path)
        assert (raised.value.problem.code, raised.value.problem.line) == ("not_utf8", 3)
    assert opened == ["rusak.md"]


def test_a_missing_file_is_not_remembered(tmp_path):
    content, path = UnitContent(), tmp_path / "baru.md"
    with pytest.raises(FileNotFoundError):
        content.document(path)
    path.write_text(ARTICLE, encoding="utf-8")
    assert content.document(path).get("title") == "Rapat"


def test_readable_leaves_out_what_cannot_be_read(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "kosong.md").write_text("  \n", encoding="utf-8")
    documents = UnitContent().readable([tmp_path / "a.md", tmp_path / "kosong.md", tmp_path / "tidak-ada.md"])
    assert [doc.path.name for doc in documents] == ["a.md"]


def test_one_content_per_build_context():
    context, other = {}, {}
    assert in_build(context) is in_build(context)
    assert in_build(other) is not in_build(context)


def test_a_translation_pairs_with_the_original_already_read(tmp_path, opened):
    (tmp_path / "rapat.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "rapat.en.md").write_text("Title: Meeting\nDate: 2021-01-01\n\nThe meeting.\n", encoding="utf-8")
    content = UnitContent()
    original = content.document(tmp_path / "rapat.md")
    pairing = pair(content.document(tmp_path / "rapat.en.md"), NEWS, TIMEZONE, content)
    assert pairing.original is original
    assert pairing.document.get("date") == "2022-03-30 09:00" and pairing.document.get("title") == "Meeting"
    assert [(p.code, p.line) for p in pairing.problems] == [("translation_keeps_original", 2)]
    assert sorted(opened) == ["rapat.en.md", "rapat.md"]


def test_a_translation_without_original_or_with_a_broken_one_waits_for_it(tmp_path):
    translation = tmp_path / "rapat.en.md"
    translation.write_text("Title: Meeting\n\nx\n", encoding="utf-8")
    content = UnitContent()
    alone = pair(content.document(translation), NEWS, TIMEZONE, content)
    assert [p.code for p in alone.problems] == ["translation_without_original"] and alone.original is None
    (tmp_path / "rapat.md").write_text(ARTICLE.replace("2022-03-30 09:00", "30/03/2022"), encoding="utf-8")
    broken = pair(content.document(translation), NEWS, TIMEZONE, content)
    assert [p.code for p in broken.problems] == ["translation_original_broken"]
    assert broken.document is broken.translation  # inherits nothing from a broken original


def test_the_check_reads_each_file_once(site, opened):
    site.article(name="rapat")
    site.write("news/2020/rapat.en.md", "Title: Meeting\n\nSee [the other](../2020/lain.md).\n")
    site.write("news/2020/lain.md", ARTICLE.replace("Rapat", "Lain"))
    site.write("galleries/g/index.md", "Title: Galeri\n")
    site.write("galleries/g/index.en.md", "Title: Gallery\n")
    assert check_unit(site.content / "balai-uji", root=site.root) == []
    assert sorted(opened) == ["index.en.md", "index.md", "lain.md", "rapat.en.md", "rapat.md"]


def test_the_render_reads_each_file_once(site, opened, tmp_path):
    """The Pelican reader, a translation's pairing, the galleries and the links plugin share one reading."""
    site.article(name="rapat")
    site.write("news/2020/rapat.en.md", "Title: Meeting\n\nSee [the other](lain.md).\n")
    site.write("news/2020/lain.md", ARTICLE.replace("Rapat", "Lain").replace("Kegiatan\n", "Kegiatan\nGallery: g\n"))
    site.write("galleries/g/index.md", "Title: Galeri\n")
    site.write("pages/profil.md", "Title: Profil\n\n[Berita](../news/2020/rapat.md)\n")
    render("balai-uji", site.content, tmp_path / "out", workers=False)
    assert (tmp_path / "out/en/berita/2020/rapat/index.html").is_file()
    assert sorted(opened) == ["index.md", "lain.md", "profil.md", "rapat.en.md", "rapat.md"]


def test_a_document_is_checked_once_a_reading_and_each_caller_gets_its_own_list(tmp_path):
    path = tmp_path / "rapat.md"
    path.write_text(ARTICLE.replace("Penulis: Humas", "Penulis:"), encoding="utf-8")
    content = UnitContent()
    first = content.checked(content.document(path), NEWS, TIMEZONE)
    first.append("added by a caller")
    again = content.checked(content.document(path), NEWS, TIMEZONE)
    assert [p.code for p in again] == ["required_empty"] and again is not first
    path.write_text(ARTICLE, encoding="utf-8")
    content.forget(path)  # read again: checked again
    assert content.checked(content.document(path), NEWS, TIMEZONE) == []


def test_a_build_makes_one_object_per_category_tag_and_author(site, tmp_path):
    """Each is slugified once a build; the English versions get their own, with en/ addresses."""
    site.article(name="rapat")
    site.article(name="lain", title="Lain")
    site.write("news/2020/rapat.en.md", "Title: Meeting\n\nThe meeting.\n")
    site.write("news/2020/lain.en.md", "Title: Other\n\nThe other.\n")
    read = []
    with signals.article_generator_finalized.connected_to(read.append):
        render("balai-uji", site.content, tmp_path / "out", workers=False)
    items = {item.source_path.rsplit("/", 1)[-1]: item for item in read[0].articles + read[0].translations}
    rapat, lain, meeting, other = (items[name] for name in ("rapat.md", "lain.md", "rapat.en.md", "lain.en.md"))
    for first, second in ((rapat, lain), (meeting, other)):
        assert first.category is second.category and first.tags[0] is second.tags[0]
        assert first.authors[0] is second.authors[0]
    assert meeting.tags[0] is not rapat.tags[0] and meeting.tags[0].url == "en/" + rapat.tags[0].url
    assert meeting.category.name == "Activities" and rapat.category.name == "Kegiatan"
    assert (tmp_path / "out" / rapat.tags[0].save_as).is_file()
