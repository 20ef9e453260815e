"""Person pages at ``/kontributor/<slug>/``: everything a person wrote, edited, translated or photographed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from warta.adapter.pelican_internals import Generator
from warta.model import urls
from warta.model.languages import LANGUAGES

from .people import ROLES, credits_for, lang_prefix, person_url, settings_of

logger = logging.getLogger(__name__)
TEMPLATE = "person"


@dataclass
class Contributor:
    """One person page: the name in its fullest written form, and their works by role (newest first)."""

    slug: str
    name: str
    url: str
    works: dict[str, list] = field(default_factory=dict)

    @property
    def roles(self) -> list[tuple[str, list]]:
        return [(role, self.works[role]) for role in ROLES if role in self.works]


def newest_first(item) -> tuple:
    date = getattr(item, "date", None)
    return (date is not None, date.timestamp() if date else 0, str(getattr(item, "title", "")))


@dataclass(frozen=True)
class LocalizedWork:
    """A gallery as one language's person pages list it: every gallery has a page in every language.

    ``title_lang``: the language its title is shown in (Indonesian where the gallery has no English title).
    """

    title: str
    url: str
    date: object
    lang: str
    title_lang: str


def contributors_of(items, settings, prefix: str = "", versions_of=None) -> list[Contributor]:
    """Everyone credited on ``items``, one entry per slug, sorted by slug.

    ``versions_of(item)``: the items whose credits count for ``item`` (all its language versions); default itself.
    """
    found = {}
    for item in sorted(items, key=newest_first, reverse=True):
        for version in versions_of(item) if versions_of else [item]:
            for role in credits_for(version, settings):
                for person in role.people:
                    if person.slug:
                        add_work(found, person, role.key, item, prefix)
    return [found[slug] for slug in sorted(found)]


def add_work(found: dict, person, role: str, item, prefix: str) -> None:
    contributor = found.setdefault(person.slug, Contributor(person.slug, person.name, person_url(person.slug, prefix)))
    if len(person.name) > len(contributor.name):
        contributor.name = person.name  # the form with degrees; on a tie, the newest
    works = contributor.works.setdefault(role, [])
    if item not in works:
        works.append(item)


def shown_in(item, lang: str):
    """``item`` as ``lang``'s person pages list it: its version in ``lang``, else itself (in its own language)."""
    if hasattr(item, "title_for"):  # a gallery: a page in every language, its texts falling back to Indonesian
        title = item.title_for(lang)
        return LocalizedWork(title, urls.in_lang(item.url, lang), item.date, lang, item.title_lang(lang))
    if getattr(item, "lang", None) == lang:
        return item
    return next((version for version in getattr(item, "translations", ()) if version.lang == lang), item)


def write_person_pages(generator, writer, contributors, lang, versions) -> None:
    """Write with ``generator``'s templates one page per contributor, in ``lang``.

    ``versions`` maps each slug to its page's URL per language, for the language switch and hreflang.
    """
    template = generator.get_template(TEMPLATE)
    for contributor in contributors:
        writer.write_file(
            contributor.url + "index.html",
            template,
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            url=contributor.url,
            person=contributor,
            lang=lang,
            template_name=TEMPLATE,
            page_name=contributor.url.removesuffix("/"),
            versions=versions[contributor.slug],
        )


def default_lang_items(context, settings) -> list:
    """The published items in the site's default language that can credit people (English is written apart)."""
    lists = settings_of(settings)["BYLINES_CONTENT_LISTS"]
    items = [item for name in lists for item in context.get(name) or ()]
    return [item for item in items if getattr(item, "lang", None) in (None, settings["DEFAULT_LANG"])]


class PersonPagesGenerator(Generator):
    """Writes the person pages once every other generator has read its content."""

    def generate_context(self):
        """Nothing to read: the people come from the other generators' content."""

    def generate_output(self, writer):
        """The person pages of each language, for everyone credited in any language (galleries included).

        Each language's pages list every work, in that language where it has a version, else in its own.
        """
        default = self.settings["DEFAULT_LANG"]
        items = default_lang_items(self.context, self.settings)
        by_lang = {}
        for lang in LANGUAGES:
            shown = [(shown_in(item, lang), [item, *getattr(item, "translations", ())]) for item in items]
            versions_by_id = {id(work): versions for work, versions in shown}
            by_lang[lang] = contributors_of(
                [work for work, _ in shown],
                self.settings,
                lang_prefix(lang, default),
                versions_of=lambda work, found=versions_by_id: found[id(work)],
            )
        versions = {}
        for lang, contributors in by_lang.items():
            for contributor in contributors:
                versions.setdefault(contributor.slug, {})[lang] = contributor.url
        for lang, contributors in by_lang.items():
            write_person_pages(self, writer, contributors, lang, versions)
        logger.debug("bylines: %d person pages", sum(len(found) for found in by_lang.values()))
