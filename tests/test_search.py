"""The search index: in parts per language, counting only pages with text to search, re-indexed only where a part's
pages changed, and always the index a fresh build makes."""

import json
import shutil
import time

from tests.conftest import serving
from warta.tool import search
from warta.tool.search import MAX_PARTS, index_search, part_of

ARTICLE = "Title: Berita {number}\nDate: 2020-01-0{number}\nPenulis: Ani\n\nTeks berita nomor {number}.\n"


def bundle(site):
    return site.output / "balai-uji" / "pagefind"


def parts(site) -> dict[str, list[str]]:
    return json.loads((bundle(site) / "parts.json").read_text(encoding="utf-8"))


def entry(site, part: str) -> dict:
    return json.loads((bundle(site) / part / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_each_language_has_its_parts_of_articles_and_pages(site):
    for number in (1, 2, 3):
        site.write(f"news/2020/berita-{number}.md", ARTICLE.format(number=number))
    site.write("news/2020/berita-1.en.md", "Title: News 1\n\nNews text one.\n")
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    assert site.build()[0].ok
    counted = {}
    for lang, names in parts(site).items():
        assert len(names) <= MAX_PARTS
        for name in names:
            languages = entry(site, name)["languages"]
            assert list(languages) == [lang]  # a part holds one language: merged, it never answers in another
            index = languages[lang]
            assert (bundle(site) / name / f"pagefind.{index['hash']}.pf_meta").is_file()
            assert (bundle(site) / name / f"wasm.{index['wasm']}.pagefind").is_file()
            counted[lang] = counted.get(lang, 0) + index["page_count"]
    assert counted == {"id": 4, "en": 1}
    assert (bundle(site) / "pagefind.js").is_file()
    assert not list(bundle(site).rglob("pagefind-ui*"))  # our search.js needs only the API


def test_a_unit_without_translations_indexes_no_english_listing(site):
    site.write("news/2020/berita-1.md", ARTICLE.format(number=1))
    assert site.build()[0].ok
    assert (site.output / "balai-uji" / "en" / "index.html").is_file()  # English listings exist, with no text
    assert list(parts(site)) == ["id"]


def test_a_few_hundred_pages_make_one_part_and_more_make_more_up_to_the_most():
    assert [search.part_count(pages) for pages in (1, 499, 500, 1999, 2006, 100_000)] == [1, 1, 1, 3, 4, MAX_PARTS]


def test_an_edit_reindexes_only_its_part_and_the_index_is_a_fresh_builds(site, tmp_path, monkeypatch):
    monkeypatch.setattr(search, "PAGES_PER_PART", 2)  # nine pages in four parts
    pages = [f"berita-{number}" for number in range(1, 10)]
    for number, name in enumerate(pages, start=1):
        site.write(f"news/2020/{name}.md", ARTICLE.format(number=number))
    assert site.build()[0].ok
    before = {p.relative_to(bundle(site)): p.stat().st_ino for p in bundle(site).rglob("*") if p.is_file()}
    edited = pages[0]
    site.write(f"news/2020/{edited}.md", ARTICLE.format(number=1).replace("Teks berita", "Teks baru berita"))
    assert site.build()[0].ok
    edited_part = f"id-{part_of(f'berita/2020/{edited}/index.html', MAX_PARTS)}"
    after = {p.relative_to(bundle(site)): p.stat().st_ino for p in bundle(site).rglob("*") if p.is_file()}
    kept = {path.parts[0] for path, inode in after.items() if before.get(path) == inode}
    assert set(parts(site)["id"]) - {f"{edited_part}/"} <= {f"{name}/" for name in kept}  # the same files
    assert edited_part not in kept
    fresh = tmp_path / "fresh"
    shutil.copytree(site.output / "balai-uji", fresh, ignore=shutil.ignore_patterns("pagefind"))
    index_search(fresh, "balai-uji")  # no cache: every part indexed anew
    assert tree(fresh / "pagefind") == tree(bundle(site))


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_search_page_finds_pages_of_every_part_in_its_language_only(site, browser, monkeypatch):
    monkeypatch.setattr(search, "PAGES_PER_PART", 2)
    for number in range(1, 10):
        site.write(f"news/2020/berita-{number}.md", ARTICLE.format(number=number))
    site.write("news/2020/berita-1.en.md", "Title: News 1\n\nNews text one, berita in English.\n")
    assert site.build()[0].ok
    assert len(parts(site)["id"]) > 1  # the nine pages fall in several parts: the search page must merge them
    page = browser.new_page()
    with serving(site.output) as url:
        page.goto(f"{url}/balai-uji/cari/?q=berita")
        page.locator("#search-results li").first.wait_for()
        found = page.locator("#search-results h2 a").evaluate_all("links => links.map(link => link.href)")
        page.goto(f"{url}/balai-uji/en/cari/?q=berita")
        page.locator("#search-results li").first.wait_for()
        english = page.locator("#search-results h2 a").evaluate_all("links => links.map(link => link.href)")
    page.close()
    assert sorted(found) == sorted(f"{url}/balai-uji/berita/2020/berita-{number}/" for number in range(1, 10))
    assert english == [f"{url}/balai-uji/en/berita/2020/berita-1/"]


def test_a_site_whose_only_page_has_no_words_builds_and_says_its_search_failed(site, caplog):
    site.write("news/2020/garis.md", "Title: Garis\nDate: 2020-01-01\nPenulis: Ani\n\n***\n")
    [build] = site.build()
    assert build.ok, build.log
    assert "indeks pencarian situs balai-uji untuk bahasa 'id' tidak dapat dibuat" in caplog.text
    assert not (bundle(site) / "parts.json").exists()


def write_pages(site, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")


def test_a_split_with_the_last_splits_record_equals_one_reading_every_page(tmp_path):
    indexed = '<main data-pagefind-body="">{}</main>'
    last, site, record = tmp_path / "last", tmp_path / "site", tmp_path / "cache" / search.PAGE_RECORD
    write_pages(last, {"a/index.html": indexed.format("a"), "en/b/index.html": indexed.format("b"), "l.html": "x"})
    write_pages(last, {"gone/index.html": indexed.format("gone"), "c/index.html": indexed.format("c")})
    assert search.split_pages(last, record) == search.split_pages(last)
    for path in ("a/index.html", "en/b/index.html", "l.html", "c/index.html"):  # the unchanged pages, linked
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).hardlink_to(last / path)
    (site / "c/index.html").unlink()  # rewritten by this build: a new file of the same size
    write_pages(site, {"c/index.html": indexed.format("C"), "new/index.html": indexed.format("new")})
    write_pages(site, {"l.html": indexed.format("l")})  # written in place: its mark now there
    split = search.split_pages(site, record)
    assert split == search.split_pages(site)
    assert sorted(path for part in split for path in part.pages) == [
        "a/index.html",
        "c/index.html",
        "en/b/index.html",
        "l.html",
        "new/index.html",
    ]


def test_work_given_is_done_while_indexing_before_the_index_is_in_the_site(site, tmp_path):
    site.write("news/2020/berita-1.md", ARTICLE.format(number=1))
    assert site.build()[0].ok
    fresh, cache = tmp_path / "fresh", tmp_path / "cache"
    seen = []

    def meanwhile():
        seen.append((fresh / "pagefind").exists())
        return "checked"

    for _ in range(2):  # every part indexed now, then every part from the cache
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(site.output / "balai-uji", fresh, ignore=shutil.ignore_patterns("pagefind"))
        assert index_search(fresh, "balai-uji", cache=cache, meanwhile=meanwhile) == "checked"
        assert tree(fresh / "pagefind") == tree(bundle(site))
    assert seen == [False, False]


def test_the_pages_linked_to_index_are_deleted_after_a_build_many_in_the_background(site, tmp_path, monkeypatch):
    site.write("news/2020/berita-1.md", ARTICLE.format(number=1))
    assert site.build()[0].ok
    for linked_in_background in (False, True):
        monkeypatch.setattr(search, "DISCARDED_LINKS", 0 if linked_in_background else 10_000)
        room = tmp_path / f"room-{linked_in_background}"
        fresh = room / "fresh"
        shutil.copytree(site.output / "balai-uji", fresh, ignore=shutil.ignore_patterns("pagefind"))
        index_search(fresh, "balai-uji")
        assert tree(fresh / "pagefind") == tree(bundle(site))  # the index itself, whichever way the links go
        left = [path.name for path in room.iterdir() if path != fresh]
        # Deleted before index_search returns, or named as a folder being deleted while it goes.
        assert all(name.endswith(search.RETIRED_SUFFIX) for name in left) if linked_in_background else not left
        for _ in range(200):  # the process deleting them ends within seconds
            if not any(path != fresh for path in room.iterdir()):
                break
            time.sleep(0.05)
        assert [path.name for path in room.iterdir()] == ["fresh"]
