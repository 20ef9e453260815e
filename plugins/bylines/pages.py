"""Person pages at ``/kontributor/<slug>/``: everything a person wrote, edited, translated or photographed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from pelican.generators import Generator

from warta import urls

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


def write_person_pages(generator, writer, items, lang="id", prefix="") -> int:
    """Write with ``generator``'s templates one page per person credited on ``items``, under ``prefix``.

    English person pages are this call with the English items, ``lang="en"`` and ``prefix="en/"``.
    Returns how many pages were written.
    """
    template = generator.get_template(TEMPLATE)
    contributors = contributors_of(items, generator.settings, prefix)
    for contributor in contributors:
        writer.write_file(
            prefix + urls.PERSON["save_as"].format(slug=contributor.slug),
            template,
            generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            url=contributor.url,
            person=contributor,
            lang=lang,
            template_name=TEMPLATE,
            page_name=contributor.url.removesuffix("/"),
        )
    return len(contributors)


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
        """The person pages of the default language, at the site's root."""
        items = default_lang_items(self.context, self.settings)
        count = write_person_pages(self, writer, items, self.settings["DEFAULT_LANG"])
        logger.debug("bylines: %d person pages", count)
