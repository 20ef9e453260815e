"""The search index: one per language, built side by side, counting only pages with text to search."""

import json

ARTICLE = "Title: Berita {number}\nDate: 2020-01-0{number}\nPenulis: Ani\n\nTeks berita nomor {number}.\n"


def entry(site):
    return json.loads((site.output / "balai-uji" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_each_language_has_its_index_of_articles_and_pages(site):
    for number in (1, 2, 3):
        site.write(f"news/2020/berita-{number}.md", ARTICLE.format(number=number))
    site.write("news/2020/berita-1.en.md", "Title: News 1\n\nNews text one.\n")
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    assert site.build()[0].ok
    languages = entry(site)["languages"]
    assert {lang: index["page_count"] for lang, index in languages.items()} == {"id": 4, "en": 1}
    bundle = site.output / "balai-uji" / "pagefind"
    for index in languages.values():
        assert (bundle / f"pagefind.{index['hash']}.pf_meta").is_file()
        assert (bundle / f"wasm.{index['wasm']}.pagefind").is_file()
    assert not list(bundle.glob("pagefind-ui*"))  # our search.js needs only the API


def test_a_unit_without_translations_indexes_no_english_listing(site):
    site.write("news/2020/berita-1.md", ARTICLE.format(number=1))
    assert site.build()[0].ok
    assert (site.output / "balai-uji" / "en" / "index.html").is_file()  # English listings exist, with no text
    assert list(entry(site)["languages"]) == ["id"]
