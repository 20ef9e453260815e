"""Install gettext and date filters in every generator's Jinja environment, resolving the page's language."""

from __future__ import annotations

import logging
import os

from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican import signals

from warta.adapter.templates import page_lang
from warta.model import languages

logger = logging.getLogger(__name__)
CATALOGS_KEY = "warta_catalogs"  # the theme's compiled catalogs, once per build


def lang_attr(context, shown_in: str) -> Markup:
    """`` lang="id"`` for a text shown in another language than the page's (a fallback); nothing otherwise.

    Screen readers then say the text in its own language's voice.
    """
    return Markup(f' lang="{escape(shown_in)}"') if shown_in != page_lang(context) else Markup("")


def catalogs_for(generator):
    """One compiled set of catalogs per build, kept in that build's context."""
    if CATALOGS_KEY not in generator.context:
        directory = os.path.join(generator.theme, "translations")
        generator.context[CATALOGS_KEY] = languages.load_catalogs(directory)
    return generator.context[CATALOGS_KEY]


def install(generator):
    """Give the generator's templates ``{% trans %}``, ``current_lang()``, ``date_long`` and ``dateline``."""
    catalogs = catalogs_for(generator)

    @pass_context
    def gettext(context, message):
        return catalogs[page_lang(context)].ugettext(message)

    @pass_context
    def ngettext(context, singular, plural, number):
        return catalogs[page_lang(context)].ungettext(singular, plural, number)

    formatted = {}  # Babel formats the same few dates thousands of times in a build

    @pass_context
    def date_long(context, date):
        key = (date, page_lang(context))
        if key not in formatted:
            formatted[key] = languages.long_date(*key)
        return formatted[key]

    @pass_context
    def dateline(context, content):
        return languages.dateline(getattr(content, "place", ""), content.date, page_lang(context))

    @pass_context
    def with_dateline(context, html, content):
        """The body with the dateline opening its first paragraph, as printed news does."""
        line = dateline(context, content)
        if not line or not html.startswith("<p>"):
            return Markup(html)
        return Markup(f'<p><span class="dateline">{escape(line)}</span> {html[3:]}')

    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.filters.update(date_long=date_long, dateline=dateline, with_dateline=with_dateline)
    env.globals["current_lang"] = pass_context(page_lang)
    env.globals["lang_attr"] = pass_context(lang_attr)


def register():
    # generator_init: each generator has its Jinja environment and has rendered nothing yet.
    signals.generator_init.connect(install)
