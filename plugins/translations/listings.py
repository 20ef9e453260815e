"""English listings in the same Pelican pass: home, news, categories, tags, archives, contributors and a feed.

Pelican lists only the default language and has no ``*_LANG_URL`` for listings, so this generator lists the English
versions with the same templates, passing ``lang`` so interface strings and dates follow. Indonesian-only items are
left out; the English home and news list say how many more there are in Indonesian.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter

from warta.adapter.pelican_internals import Generator, order_content
from warta.model import urls

logger = logging.getLogger(__name__)
BILINGUAL_KEY = "warta_bilingual"
LANG = "en"
# Listings by term: the template, its context name, and the setting that switches its pages off (when empty).
TERM_LISTINGS = (
    ("category", "categories", "CATEGORY_SAVE_AS"),
    ("tag", "tags", "TAG_SAVE_AS"),
    ("author", "authors", "AUTHOR_SAVE_AS"),
)


@dataclass
class Bilingual:
    """What one build knows about its two languages; lives in that build's context.

    ``listing_urls`` holds the URL of every listing in either language, so the language switch of a listing goes
    to the same listing in the other language only where it exists. Other generators (person pages, galleries)
    add theirs to it in their ``generate_context``.
    """

    articles: list = field(default_factory=list)
    untranslated: int = 0
    listing_urls: set = field(default_factory=set)

    @classmethod
    def of(cls, context) -> Bilingual:
        return context.setdefault(BILINGUAL_KEY, cls())


class EnglishListings(Generator):
    """Writes the English listings and feed from the English versions Pelican keeps as translations."""

    def generate_context(self):
        state = Bilingual.of(self.context)
        english = versions_in(self.context.get("articles", []), LANG)
        state.articles = order_content(english, self.settings["ARTICLE_ORDER_BY"])
        state.untranslated = len(self.context.get("articles", [])) - len(english)
        self.dates = sorted(english, key=attrgetter("date"), reverse=self.settings["NEWEST_FIRST_ARCHIVES"])
        self.terms = {
            "categories": group_by(english, "category"),
            "tags": group_by(english, "tags"),
            "authors": group_by(english, "authors"),
        }
        state.listing_urls |= self.indonesian_listing_urls() | self.english_listing_urls()
        logger.info("translations: %d news items in English, %d in Indonesian only", len(english), state.untranslated)

    def indonesian_listing_urls(self) -> set[str]:
        found = {self.direct_url(template) for template in self.settings["DIRECT_TEMPLATES"]}
        for _, name, setting in TERM_LISTINGS:
            if self.settings.get(setting):
                found |= {term.url for term, _ in self.context.get(name, [])}
        return found

    def english_listing_urls(self) -> set[str]:
        found = {urls.in_lang(self.direct_url(template), LANG) for template in self.settings["DIRECT_TEMPLATES"]}
        for _, name, setting in TERM_LISTINGS:
            if self.settings.get(setting):
                found |= {term.url for term, _ in self.terms[name]}
        return found

    def direct_url(self, template: str) -> str:
        """A direct template's URL as pages link it: ``""`` for the home, ``berita/`` for the news."""
        url = self.settings.get(f"{template.upper()}_URL", self.settings.get(f"{template.upper()}_SAVE_AS", ""))
        return url.removesuffix("index.html")

    def generate_output(self, writer):
        state = Bilingual.of(self.context)
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        shared = dict(
            lang=LANG,
            articles=state.articles,
            dates=self.dates,
            all_articles=state.articles,
            untranslated_count=state.untranslated,
            categories=self.terms["categories"],
            tags=self.terms["tags"],
            blog=True,
        )
        self.write_direct_templates(write, shared)
        self.write_term_listings(write, shared)
        self.write_feed(writer, state.articles)

    def write_direct_templates(self, write, shared):
        for template in self.settings["DIRECT_TEMPLATES"]:
            save_as = self.settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
            if not save_as:
                continue
            write(
                urls.in_lang(save_as, LANG),
                self.get_template(template),
                self.context,
                template_name=template,
                page_name=os.path.splitext(save_as)[0],  # as Pelican names the Indonesian one, for the menu
                url=urls.in_lang(self.direct_url(template), LANG),
                **shared,
            )

    def write_term_listings(self, write, shared):
        for template, name, setting in TERM_LISTINGS:
            if not self.settings.get(setting):
                continue
            for term, articles in self.terms[name]:
                write(
                    term.save_as,
                    self.get_template(template),
                    self.context,
                    template_name=template,
                    page_name=term.page_name,
                    url=term.url,
                    **dict(shared, articles=articles, dates=[a for a in self.dates if a in articles]),
                    **{template: term},
                )

    def write_feed(self, writer, articles):
        feed = self.settings.get("FEED_ATOM")
        if not feed or not articles:
            return  # an empty feed would carry the build time, and change on every build
        unit = self.settings.get("UNIT")
        context = dict(self.context, lang=LANG, SITENAME=getattr(unit, "name_en", self.settings["SITENAME"]))
        url = self.settings.get("FEED_ATOM_URL", feed)
        writer.write_feed(articles, context, urls.in_lang(feed, LANG), urls.in_lang(url, LANG))


def versions_in(originals, lang: str) -> list:
    """The ``lang`` versions of ``originals`` (Pelican keeps them in each original's ``translations``).

    For other generators too (person pages, galleries), whichever order Pelican runs them in.
    """
    return [version for item in originals for version in item.translations if version.lang == lang]


def group_by(items, name: str) -> list[tuple]:
    """(term, items) pairs as Pelican gives taxonomies to templates, by the name shown; items keep their order."""
    groups = defaultdict(list)
    for item in items:
        terms = getattr(item, name, None) or []
        for term in terms if isinstance(terms, list) else [terms]:
            groups[term].append(item)
    return sorted(groups.items(), key=lambda pair: str(pair[0]).lower())
