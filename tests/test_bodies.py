"""Markdown bodies kept between builds by their text, and converted ahead by worker processes."""

from markdown import Markdown

from plugins.contract.bodies import Bodies, body_digest
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


def test_workers_convert_ahead_exactly_as_the_reader_would(tmp_path):
    folder, paths = tmp_path / "bodies", []
    for number in range(60):
        path = tmp_path / f"berita-{number}.md"
        path.write_text(ARTICLE.format(number=number), encoding="utf-8")
        paths.append(str(path))
    bodies = Bodies({"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(folder), "MARKDOWN_JOBS": 2})
    bodies.convert_ahead(paths)
    assert bodies.pool is not None
    for future in set(bodies.pending.values()):
        future.result()
    assert len(list(folder.glob("*.html"))) == 60  # written by the workers, before the reader asked for any
    body = "Paragraf *7* dengan [tautan](https://kemensos.go.id).\n"
    expected = sanitize(Markdown(**MARKDOWN).convert(body))
    assert bodies.html(body, paths[7]) == expected
    assert (folder / f"{body_digest(bodies.recipe, body)}.html").read_text(encoding="utf-8") == expected
    bodies.finish()
    assert len(list(folder.glob("*.html"))) == 1  # only the body this build read is kept


def test_few_bodies_are_converted_without_workers(tmp_path):
    bodies = Bodies({"MARKDOWN": MARKDOWN, "MARKDOWN_CACHE_PATH": str(tmp_path), "MARKDOWN_JOBS": 2})
    bodies.convert_ahead([str(tmp_path / "satu.md")])
    assert bodies.pool is None
    assert bodies.html("Satu **dua**", "satu.md") == "<p>Satu <strong>dua</strong></p>"
