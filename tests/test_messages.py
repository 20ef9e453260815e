"""Every message in warta.model.messages, held to the same rules: the place, the label, a next step, both languages.

The tests iterate over MESSAGES, so a message added later is held to them too.
"""

import gettext
import inspect
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from invoke import Task

import tasks  # the repository's invoke commands
from warta import ROOT
from warta.model.messages import FRAGMENTS, MESSAGES, NOTICES, STANDALONE, counted, labelled, message
from warta.model.problems import WARNING, Problem

SAID = sorted(set(MESSAGES) - FRAGMENTS)
# Words that tell staff what to do, in the imperative (Indonesian) or the plain verb (English).
NEXT_STEP_ID = {
    "tautkan",
    "simpan",
    "bagi",
    "tulis",
    "tambahkan",
    "hapus",
    "perbaiki",
    "ganti",
    "unggah",
    "salin",
    "buka",
    "jalankan",
    "pilih",
    "periksa",
    "lengkapi",
    "pindahkan",
    "kirim",
    "sebutkan",
    "beri",
    "buat",
    "coba",
    "perkecil",
    "isi",
    "terjemahkan",
    "lihat",
    "bandingkan",
    "pisahkan",
    "sunting",
    "terbitkan",
    "bangun",
}
NEXT_STEP_EN = {
    "link",
    "put",
    "save",
    "remove",
    "split",
    "write",
    "add",
    "delete",
    "correct",
    "fix",
    "rename",
    "upload",
    "copy",
    "open",
    "run",
    "choose",
    "check",
    "fill",
    "move",
    "send",
    "name",
    "give",
    "make",
    "try",
    "see",
    "translate",
    "compare",
    "separate",
    "replace",
    "complete",
    "edit",
    "publish",
    "build",
    "paste",
    "set",
}
PLACE_ID = ("berkas", "folder", "baris", "unit.toml", "output/", "content/", "cabang", "repositori")
PLACE_PARAMS = ("unit", "path", "folder", "remote", "url", "original", "editor", "site")
# Indonesian words that have no business in an English sentence (outside quotes and names of keys).
INDONESIAN_WORDS = {"dan", "atau", "yang", "tidak", "berkas", "lihat", "kesalahan", "peringatan", "untuk", "dengan"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def names_in(text) -> set[str]:
    """The placeholders of a text or of all its plural forms."""
    forms = text.values() if isinstance(text, dict) else [text]
    return set().union(*(placeholders(form) for form in forms))


def texts(code: str) -> list[str]:
    """Every form of both languages' texts of ``code`` (plural forms included)."""
    found = []
    for text in MESSAGES[code]:
        found += list(text.values()) if isinstance(text, dict) else [text]
    return found


def filled(code: str, lang: str) -> str:
    """The message with every placeholder filled by its own name in angle brackets."""
    names = set().union(*(placeholders(text) for text in texts(code)))
    return message(code, lang, **{name: f"<{name}>" for name in names} | {"count": 2})


def words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ]+", text.lower())


def unquoted(text: str) -> str:
    """``text`` without what is quoted, written in code, or a placeholder: key names, examples, commands."""
    return re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|<[^>]*>|\S*[/.]\S*|--\S+|!\[[^\]]*\]\([^)]*\)", " ", text)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_say_it_with_the_same_placeholders(code):
    indonesian, english = MESSAGES[code]
    assert indonesian and english
    id_names, en_names = ({name.removesuffix("_en") for name in names_in(text)} for text in (indonesian, english))
    assert id_names == en_names


@pytest.mark.parametrize("code", SAID)
def test_the_indonesian_text_names_the_place_and_a_next_step(code):
    said = filled(code, "id")
    if code in STANDALONE:
        params = placeholders(texts(code)[0])
        assert any(word in said for word in PLACE_ID) or params & set(PLACE_PARAMS), said
    else:
        shown = Problem.of(ROOT / "content/balai-uji/news/2024/a.md", code, 7, **_params(code)).format("id", ROOT)
        assert shown.startswith("content/balai-uji/news/2024/a.md:7: kesalahan: "), shown
    if code not in NOTICES:
        assert set(words(said)) & NEXT_STEP_ID, f"{code}: no next step in {said!r}"


@pytest.mark.parametrize("code", SAID)
def test_the_english_text_says_a_next_step_in_english(code):
    said = filled(code, "en")
    if code not in NOTICES:
        assert set(words(said)) & NEXT_STEP_EN, f"{code}: no next step in {said!r}"
    assert not set(words(unquoted(said))) & INDONESIAN_WORDS, said


@pytest.mark.parametrize("code", [code for code in SAID if any("{detail}" in text for text in texts(code))])
def test_library_text_comes_after_a_sentence_saying_what_it_means_and_whom_to_send_it_to(code):
    indonesian, english = (filled(code, lang) for lang in ("id", "en"))
    before, _ = indonesian.split("<detail>")
    assert before.rstrip().endswith(":") and "Pesan teknis" in before and "petugas teknis" in before
    before, _ = english.split("<detail>")
    assert "Technical detail" in before and "technical officer" in before


def test_labels_in_both_languages():
    problem = Problem.of(Path("news/a.md"), "bad_date", 2, value="x")
    warning = Problem.of(Path("news/a.md"), "unknown_key", 3, WARNING, key="Warna")
    assert problem.format("id").startswith("news/a.md:2: kesalahan: tanggal 'x'")
    assert problem.format("en").startswith("news/a.md:2: error: the date 'x'")
    assert warning.format("id").startswith("news/a.md:3: peringatan: keterangan 'Warna'")
    assert warning.format("en").startswith("news/a.md:3: warning: unknown field 'Warna'")
    assert labelled("unit_unknown", "id", unit="x", units="a").startswith("kesalahan: unit 'x' tidak ada")


def test_plural_forms_by_the_languages_rules():
    assert [counted("count_errors", n, "en") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert [counted("count_warnings", n, "en") for n in (1, 21)] == ["1 warning", "21 warnings"]
    assert [counted("count_errors", n, "id") for n in (1, 2)] == ["1 kesalahan", "2 kesalahan"]
    said = labelled("check_failed", "en", errors=counted("count_errors", 1, "en"), warnings="2 warnings")
    assert said.startswith("error: 1 error and 2 warnings; fix each error")


def test_every_code_the_code_uses_has_its_message():
    sources = [*ROOT.glob("warta/**/*.py"), *ROOT.glob("plugins/**/*.py"), ROOT / "tasks.py"]
    used = set()
    pattern = r"(?:Problem\.of\([^\"]*?|PhotoError\(|message\(|labelled\()\s*\"([a-z_]+)\""
    for source in sources:
        used |= set(re.findall(pattern, source.read_text(encoding="utf-8")))
    assert used and used <= set(MESSAGES), used - set(MESSAGES)


def _params(code: str) -> dict[str, str]:
    names = set().union(*(placeholders(text) for text in texts(code)))
    return {name: f"<{name}>" for name in names}


def test_the_theme_catalogs_say_singular_and_plural_right_in_both_languages():

    def translations(lang):
        with (ROOT / f"theme/translations/{lang}/LC_MESSAGES/messages.po").open("rb") as po:
            compiled = io.BytesIO()
            write_mo(compiled, read_po(po))
        compiled.seek(0)
        return gettext.GNUTranslations(compiled)

    english, indonesian = translations("en"), translations("id")
    photos = ("%(count)s photo", "%(count)s photos")
    see = ("See the photo", "See all %(count)s photos")
    more = (
        "%(count)s more article is available in Indonesian only.",
        "%(count)s more articles are available in Indonesian only.",
    )
    assert [english.ngettext(*photos, n) % {"count": n} for n in (1, 2)] == ["1 photo", "2 photos"]
    assert [english.ngettext(*see, n) % {"count": n} for n in (1, 3)] == ["See the photo", "See all 3 photos"]
    assert english.ngettext(*more, 1) % {"count": 1} == "1 more article is available in Indonesian only."
    assert [indonesian.ngettext(*photos, n) % {"count": n} for n in (1, 2)] == ["1 foto", "2 foto"]
    assert [indonesian.ngettext(*see, n) % {"count": n} for n in (1, 3)] == ["Lihat fotonya", "Lihat semua 3 foto"]
    assert indonesian.gettext("Related news") == "Baca Juga" and english.gettext("Related news") == "Related news"
    assert indonesian.gettext("Latest news") == "Berita Terkini"


def test_every_command_explains_itself_in_indonesian_first_then_english():
    commands = [value for value in vars(tasks).values() if isinstance(value, Task)]
    assert len(commands) >= 10
    for command in commands:
        indonesian, english = inspect.getdoc(command).split("\n\n")[:2]  # `invoke --list` shows the first
        assert indonesian != english, command.name
        for option, text in command.help.items():
            assert " / " in text, (command.name, option)  # Indonesian / English
