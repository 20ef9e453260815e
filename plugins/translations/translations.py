"""Signal handlers of the translations plugin: English terms at reading time, helpers, feed language, listings.

Pairing and inheritance happen in the contract reader (warta.model.translations); Pelican's own ``process_translations``
then keeps English versions out of the Indonesian listings, and EnglishListings writes the English ones.
"""

from __future__ import annotations

import logging

from markupsafe import Markup, escape
from pelican import signals

from warta.adapter.pelican_internals import Author, Category, Tag
from warta.model import urls
from warta.model.translations import category_names_en, english_category

from .listings import EnglishListings
from .switch import install_helpers

logger = logging.getLogger(__name__)
ENGLISH_SETTINGS_KEY = "warta_english_settings"
ENGLISH_TERMS_KEY = "warta_english_terms"
# The taxonomies whose pages exist in both languages; their English URLs are the Indonesian ones with en/ in front.
TERM_SETTINGS = ("CATEGORY_URL", "CATEGORY_SAVE_AS", "TAG_URL", "TAG_SAVE_AS", "AUTHOR_URL", "AUTHOR_SAVE_AS")


def english_settings(generator) -> dict:
    """The settings English categories, tags and authors are made with: once per build, in its context."""
    if ENGLISH_SETTINGS_KEY not in generator.context:
        settings = generator.settings
        english = {name: urls.in_lang(settings[name], "en") for name in TERM_SETTINGS if settings.get(name)}
        generator.context[ENGLISH_SETTINGS_KEY] = dict(settings, **english)
    return generator.context[ENGLISH_SETTINGS_KEY]


def localize_terms(generator, metadata):
    """Give an English version English category names and en/ URLs for its category, tags and authors."""
    if metadata.get("lang", "id") == "id":
        return
    settings = english_settings(generator)
    # One English object per term this build (its slug worked out once), as the reader keeps one per name.
    terms = generator.context.setdefault(ENGLISH_TERMS_KEY, {})
    category = metadata.get("category")
    if category is not None:
        if (found := terms.get(f"category:{category.name}")) is None:
            found = terms[f"category:{category.name}"] = english_category_of(category, generator.settings, settings)
        metadata["category"] = found
    for key, kind in (("tags", Tag), ("authors", Author)):
        if metadata.get(key):
            metadata[key] = [english_term(terms, kind, term.name, settings) for term in metadata[key]]


def english_term(terms: dict, kind: type, name: str, settings: dict):
    """The build's one English ``kind`` (Tag, Author) named ``name``, kept in ``terms``.

    Plain keys: the context's mappings count towards the pages' site key (plugins/rendering/keys.py), sorted.
    """
    key = f"{kind.__name__.lower()}:{name}"
    if (found := terms.get(key)) is None:
        found = terms[key] = kind(name, settings)
    return found


def english_category_of(category, settings, english):
    """The English ``Category`` of an Indonesian one, made with the ``english`` settings; same slug, en/ URLs."""
    names_en = category_names_en(getattr(settings.get("UNIT"), "categories", {}))
    found = Category(english_category(category.name, names_en), english)
    found.slug = category.slug  # the URL stays the Indonesian one with en/ in front
    if category.slug not in names_en:
        found.name_lang = "id"  # no English name: shown in Indonesian, and marked so (see term_name)
    return found


def term_name(term) -> Markup:
    """A category's name for a page, in ``<span lang="id">`` when an English page can only show it in Indonesian."""
    lang = getattr(term, "name_lang", None)
    return Markup(f'<span lang="{lang}">{escape(term.name)}</span>') if lang else escape(term.name)


def install_term_name(generator):
    generator.env.globals["term_name"] = term_name


def set_feed_language(context, feed):
    """Every feed says its language; the English feed links to the English home."""
    lang = context.get("lang") or context.get("DEFAULT_LANG")
    feed.feed["language"] = lang
    if lang != context.get("DEFAULT_LANG"):
        feed.feed["link"] = feed.feed["link"] + urls.in_lang("", lang)


def english_listings(pelican):
    """Our generator, for Pelican to run with its own."""
    return EnglishListings


def register():
    # article/page_generator_context: metadata is complete and the Article or Page not yet made from it.
    signals.article_generator_context.connect(localize_terms)
    signals.page_generator_context.connect(localize_terms)
    # generator_init: each generator has its Jinja environment and has rendered nothing yet.
    signals.generator_init.connect(install_helpers)
    signals.generator_init.connect(install_term_name)
    # feed_generated: the feed is complete and not yet written.
    signals.feed_generated.connect(set_feed_language)
    # get_generators: our generator joins the same pass, after articles and pages are read.
    signals.get_generators.connect(english_listings)
