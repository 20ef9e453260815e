"""The languages: which there are, the default, and the interface strings and dates of the theme and the portal.

Indonesian is the default everywhere: a site's pages, its URLs without a prefix, and what Warta says to staff.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("id", "en")
DEFAULT_LANG = "id"
TRANSLATION_LANGS = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANG)  # ``<name>.en.md``
# Babel's English long date is "March 30, 2022"; Kemensos style is the same order in both languages.
LONG_DATE = "d MMMM y"


def load_catalogs(translations_dir: Path, languages=LANGUAGES) -> dict[str, Translations]:
    """The theme's ``<lang>/LC_MESSAGES/messages.po`` compiled in memory, so no ``.mo`` file is ever committed."""
    catalogs = {}
    for lang in languages:
        with open(Path(translations_dir) / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
            catalog = read_po(po, locale=lang)
        compiled = BytesIO()
        write_mo(compiled, catalog)
        compiled.seek(0)
        catalogs[lang] = Translations(compiled)
    return catalogs


def long_date(date, lang: str) -> str:
    """``30 Maret 2022`` / ``30 March 2022``."""
    return format_date(date, LONG_DATE, locale=lang)


def dateline(place: str, date, lang: str) -> str:
    """Kemensos dateline ``JAKARTA (13 November 2020) –``; empty without a place."""
    if not place or not place.strip():
        return ""
    return f"{place.strip().upper()} ({long_date(date, lang)}) \u2013"
