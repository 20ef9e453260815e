"""One word per concept: the glossary at the top of docs/menulis.md, and the words it replaced kept out of the
Indonesian of the messages, the theme's catalog and the guide itself."""

import re

from babel.messages.pofile import read_po

from warta import ROOT
from warta.model.messages import MESSAGES

GUIDE = ROOT / "docs/menulis.md"
CATALOG = ROOT / "theme/translations/id/LC_MESSAGES/messages.po"


def glossary(guide: str) -> dict[str, list[str]]:
    """Term → the words it replaces, from the table under "## Daftar Istilah"."""
    section = guide.split("## Daftar Istilah", 1)[1].split("\n## ", 1)[0]
    terms = {}
    for row in re.findall(r"^\|(.+)\|\s*$", section, re.MULTILINE):
        cells = [cell.strip() for cell in row.split("|")]
        if len(cells) == 3 and cells[0].startswith("**"):
            terms[cells[0].strip("*")] = [word.strip() for word in cells[2].split(",") if word.strip()]
    return terms


def replaced_words(text: str, replaced: list[str]) -> list[str]:
    """The replaced words (or phrases) that ``text`` uses, as whole words, in any case."""
    return [word for word in replaced if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)]


def prose(text: str) -> str:
    """What staff read as sentences: without code, quoted examples, placeholders, paths and GitHub's buttons."""
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`|'[^']*'|\"[^\"]*\"|\{[^}]*\}|\*\*[^*]*\*\*|\S*/\S*", " ", text)
    return text


def indonesian_texts() -> dict[str, str]:
    """Where each Indonesian text comes from → the text."""
    texts = {}
    for code, (indonesian, _english) in MESSAGES.items():
        forms = indonesian.values() if isinstance(indonesian, dict) else [indonesian]
        texts |= {f"warta/model/messages.py {code}": form for form in forms}
    with CATALOG.open("rb") as po:
        for entry in read_po(po):
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            texts |= {f"{CATALOG.name} {entry.id!r}": string for string in strings if entry.id}
    guide = GUIDE.read_text(encoding="utf-8")
    before, after = guide.split("## Daftar Istilah", 1)
    texts["docs/menulis.md"] = before + after.split("\n## ", 1)[1]
    return texts


def test_the_glossary_names_the_words_of_the_issue():
    terms = glossary(GUIDE.read_text(encoding="utf-8"))
    wanted = {"berkas", "folder", "tautan", "foto", "galeri", "terbit", "pratinjau", "draf", "keterangan"}
    assert wanted | {"alamat halaman"} <= set(terms)
    assert all(terms[term] for term in wanted)


def test_no_message_catalog_or_guide_uses_a_replaced_word():
    replaced = [word for words in glossary(GUIDE.read_text(encoding="utf-8")).values() for word in words]
    found = {
        where: used for where, text in indonesian_texts().items() if (used := replaced_words(prose(text), replaced))
    }
    assert found == {}


def test_the_check_finds_a_replaced_word_and_spares_code_and_quotes():
    replaced = ["file", "link", "alt text"]
    assert replaced_words(prose("Simpan file ini, lalu buka link-nya"), replaced) == ["file"]
    assert replaced_words(prose("Tulis ALT TEXT di sini"), replaced) == ["alt text"]
    assert replaced_words(prose("pilih menu 'File > Save As' lalu `index.md` dan symlink"), replaced) == []


def test_the_skip_link_is_named_as_the_accessibility_statements_say_and_the_footer_claims_no_security():
    with CATALOG.open("rb") as po:
        catalog = read_po(po)
    skip = catalog.get("Skip to main content").string
    for statement in sorted(ROOT.glob("content/*/pages/aksesibilitas.md")):
        assert f'"{skip}"' in statement.read_text(encoding="utf-8"), statement
    catalogs = [path.read_text(encoding="utf-8") for path in ROOT.glob("theme/translations/*/LC_MESSAGES/*.po")]
    assert not [text for text in catalogs if "diretas" in text or "deface" in text]
