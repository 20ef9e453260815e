"""Person pages at ``/kontributor/<slug>/``: everything a person wrote, edited, translated or photographed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from pelican.generators import Generator

from .people import ROLES, credits_for, person_url, settings_of

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


def contributors_of(items, settings, prefix: str = "") -> list[Contributor]:
    """Everyone credited on ``items``, one entry per slug, sorted by slug."""
    found = {}
    for item in sorted(items, key=newest_first, reverse=True):
        for role in credits_for(item, settings):
            for person in role.people:
                if not person.slug:
                    continue
                url = person_url(person.slug, prefix)
                contributor = found.setdefault(person.slug, Contributor(person.slug, person.name, url))
                if len(person.name) > len(contributor.name):
                    contributor.name = person.name  # the form with degrees; on a tie, the newest
                contributor.works.setdefault(role.key, []).append(item)
    return [found[slug] for slug in sorted(found)]


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
        """The person pages of each language: the default at the site's root, the others under ``<lang>/``."""
        default = self.settings["DEFAULT_LANG"]
        items = default_lang_items(self.context, self.settings)
        by_lang = {default: contributors_of(items, self.settings)}
        translated = [version for item in items for version in getattr(item, "translations", [])]
        for lang in {version.lang for version in translated} - {default}:
            in_lang = [version for version in translated if version.lang == lang]
            by_lang[lang] = contributors_of(in_lang, self.settings, f"{lang}/")
        versions = {}
        for lang, contributors in by_lang.items():
            for contributor in contributors:
                versions.setdefault(contributor.slug, {})[lang] = contributor.url
        for lang, contributors in by_lang.items():
            write_person_pages(self, writer, contributors, lang, versions)
        logger.debug("bylines: %d person pages", sum(len(found) for found in by_lang.values()))
