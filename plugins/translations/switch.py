"""Template helpers for the two languages: links in the page's language, the language switch, hreflang, og:locale."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from jinja2 import pass_context

from warta.adapter.settings import PluginSettings
from warta.adapter.templates import page_lang
from warta.model import urls

from .listings import BILINGUAL_KEY

logger = logging.getLogger(__name__)
PAGE_NUMBER = re.compile(r"(?<=/)\d+/$")  # berita/2/ is page 2 of berita/
DEFAULTS = {
    "WARTA_LANGUAGE_NAMES": {"id": "Bahasa Indonesia", "en": "English"},
    "WARTA_OG_LOCALES": {"id": "id_ID", "en": "en_US"},
}


@dataclass(frozen=True)
class Switch:
    """Where the language switch goes: ``translated`` when it is this page in the other language."""

    lang: str
    url: str
    name: str
    translated: bool


setting = PluginSettings(DEFAULTS)  # read from the template's context, which holds every setting


@pass_context
def lang_url(context, url: str) -> str:
    """An Indonesian site URL in the page's language: ``berita/`` is ``en/berita/`` on English pages."""
    return urls.in_lang(url, page_lang(context))


@pass_context
def in_page_lang(context, item):
    """The page's-language version of an article or page, or the item itself when it has none."""
    lang = page_lang(context)
    versions = [item, *getattr(item, "translations", [])]
    return next((version for version in versions if version.lang == lang), item)


@pass_context
def language_versions(context, first_page=False) -> dict[str, str]:
    """The page's URL in each language it exists in: articles and pages by their translations, listings by URL.

    Later pages of a listing have no equivalent in the other language, unless ``first_page`` asks for page 1's.
    """
    if context.get("versions"):
        return context["versions"]  # pages that know their versions themselves (person pages)
    item = context.get("article") or context.get("page")
    if item is not None and hasattr(item, "translations"):
        return {version.lang: version.url for version in [item, *item.translations]}
    state = context.get(BILINGUAL_KEY)
    known = state.listing_urls if state else set()
    url = context.get("output_file", "").removesuffix("index.html")
    if first_page:
        url = PAGE_NUMBER.sub("", url)
    base = urls.default_lang_url(url)
    languages = setting(context, "WARTA_LANGUAGE_NAMES")
    return {lang: urls.in_lang(base, lang) for lang in languages if urls.in_lang(base, lang) in known}


@pass_context
def language_switch(context) -> Switch:
    """The other language's version of this page, or that language's home where there is none."""
    lang = page_lang(context)
    names = setting(context, "WARTA_LANGUAGE_NAMES")
    other = next(name for name in names if name != lang)
    versions = language_versions(context, first_page=True)
    if other in versions:
        return Switch(other, versions[other], names[other], True)
    return Switch(other, urls.in_lang("", other), names[other], False)


@pass_context
def unit_name(context) -> str:
    """The unit's name in the page's language (``name_en`` from unit.toml on English pages)."""
    unit = context.get("UNIT")
    english = page_lang(context) != context.get("DEFAULT_LANG", "id")
    return unit.name_en if english and unit.name_en else unit.name


@pass_context
def og_locale(context, lang: str) -> str:
    return setting(context, "WARTA_OG_LOCALES").get(lang, lang)


def install_helpers(generator):
    """Give the generator's templates ``lang_url``, ``in_page_lang``, ``og_locale``, the switch and ``unit_name()``."""
    env = generator.env
    env.filters.update(lang_url=lang_url, in_page_lang=in_page_lang, og_locale=og_locale)
    env.globals.update(language_versions=language_versions, language_switch=language_switch, unit_name=unit_name)
