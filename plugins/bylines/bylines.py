"""Give content its structured credits, templates the JSON-LD filters, and the site its person pages."""

from __future__ import annotations

import logging

from jinja2 import pass_context
from pelican import signals

from .jsonld import jsonld_of, script_json
from .pages import PersonPagesGenerator
from .people import ROLES, credits_for, credits_of

logger = logging.getLogger(__name__)


def attach_credits(content):
    """``content.credits``: the ordered roles with their people; Pelican's authors share the person slugs."""
    if not any(hasattr(content, role) for role in ROLES):
        return  # static files and other content without credit fields
    content.credits = credits_of(content, content.settings)
    slugs = {person.name: person.slug for role in content.credits for person in role.people}
    for author in getattr(content, "authors", None) or ():
        if slugs.get(author.name):
            author.slug = slugs[author.name]  # Pelican's author.url then is the person page


@pass_context
def jsonld_data(context, content, schema_type):
    """The JSON-LD dict of ``content`` as ``schema_type`` (NewsArticle, WebPage, ImageGallery)."""
    return jsonld_of(content, schema_type, credits_for(content, context), context["UNIT"], context["DEFAULT_LANG"])


@pass_context
def jsonld(context, content, schema_type):
    """The JSON-LD of ``content``, ready to go inside ``<script type="application/ld+json">``."""
    return script_json(jsonld_data(context, content, schema_type))


@pass_context
def credits_filter(context, content):
    return credits_for(content, context)


def install_filters(generator):
    """``credits``, ``jsonld`` and ``jsonld_data`` filters in every generator's templates."""
    generator.env.filters.update(credits=credits_filter, jsonld=jsonld, jsonld_data=jsonld_data)


def person_pages_generator(pelican):
    return PersonPagesGenerator


def register():
    # content_object_init: each article, page or gallery is complete (translations inherit in the reader).
    signals.content_object_init.connect(attach_credits)
    # generator_init: each generator's Jinja environment exists and has rendered nothing yet.
    signals.generator_init.connect(install_filters)
    # get_generators: ours is added after Pelican's, so it writes once all content has been read.
    signals.get_generators.connect(person_pages_generator)
