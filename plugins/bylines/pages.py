"""Person pages at ``/kontributor/<slug>/``: everything a person wrote, edited, translated or photographed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from pelican.generators import Generator

from warta import urls

from .people import ROLES, lang_prefix, settings_of

logger = logging.getLogger(__name__)
TEMPLATE = "person"


@dataclass
class Contributor:
    """One person page: the name in its fullest written form, and their works by role (newest first)."""

    slug: str
    name: str
    organization: bool
    url: str
    works: dict[str, list] = field(default_factory=dict)

    @property
    def roles(self) -> list[tuple[str, list]]:
        return [(role, self.works[role]) for role in ROLES if role in self.works]


def newest_first(item) -> tuple:
    date = getattr(item, "date", None)
    return (date is not None, date.timestamp() if date else 0, str(getattr(item, "title", "")))


def contributors_of(items, prefix: str = "") -> list[Contributor]:
    """Everyone credited on ``items`` (content with ``credits``), one entry per slug, sorted by slug."""
    found = {}
    for item in sorted(items, key=newest_first, reverse=True):
        for role in getattr(item, "credits", None) or ():
            for person in role.people:
                if not person.slug:
                    continue
                url = prefix + urls.PERSON["url"].format(slug=person.slug)
                contributor = found.setdefault(
                    person.slug, Contributor(person.slug, person.name, person.organization, url)
                )
                if len(person.name) > len(contributor.name):
                    contributor.name = person.name  # the form with degrees; on a tie, the newest
                contributor.works.setdefault(role.key, []).append(item)
    return [found[slug] for slug in sorted(found)]


def write_person_pages(writer, template, context, settings, items, lang="id", prefix="") -> int:
    """Write one page per person credited on ``items`` under ``prefix`` (``en/`` for English); returns the count."""
    contributors = contributors_of(items, prefix)
    for contributor in contributors:
        writer.write_file(
            prefix + urls.PERSON["save_as"].format(slug=contributor.slug),
            template,
            context,
            relative_urls=settings["RELATIVE_URLS"],
            url=contributor.url,
            person=contributor,
            lang=lang,
            template_name=TEMPLATE,
            page_name=contributor.url.removesuffix("/"),
        )
    return len(contributors)


def items_by_lang(context, settings) -> dict[str, list]:
    """The published items of the context lists that can credit people, grouped by language."""
    groups = {}
    for name in settings_of(settings)["BYLINES_CONTENT_LISTS"]:
        for item in context.get(name) or ():
            lang = getattr(item, "lang", None) or settings["DEFAULT_LANG"]
            groups.setdefault(lang, []).append(item)
    return groups


class PersonPagesGenerator(Generator):
    """Writes the person pages once every other generator has read its content."""

    def generate_context(self):
        """Nothing to read: the people come from the other generators' content."""

    def generate_output(self, writer):
        """One set of person pages per language found in the content."""
        template = self.get_template(TEMPLATE)
        for lang, items in items_by_lang(self.context, self.settings).items():
            prefix = lang_prefix(lang, self.settings["DEFAULT_LANG"])
            count = write_person_pages(writer, template, self.context, self.settings, items, lang, prefix)
            logger.debug("bylines: %d person pages in %s", count, lang)
