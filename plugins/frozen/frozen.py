"""Values Pelican works out again on every use, worked out once when every item is read and placed.

``url``: Pelican recomputes it on every access (a copy of the metadata, a relative path, a format string); listings
read it tens of thousands of times in a unit with thousands of articles. ``override_url`` is what Pelican itself
sets for ``URL:`` metadata, and it returns it as it is. ``save_as`` is left alone: Pelican takes an overridden one
as leave to overwrite another file.

``relative_source_path``: Pelican works an item's path relative to the unit out again (two ``relpath``s, four
``abspath``s) for every ``url`` and ``save_as`` read before they are frozen; it is remembered instead, a pure
function of the two paths (warta.adapter.pelican_internals).

``summary_text``: the summary without markup, which is all listings, descriptions and social cards show. Pelican
truncates an item's body again for every folder depth a page is written at (its summary depends on the page's
address through the links it contains, which plain text does not have). Without a ``Summary:`` it is the body's
first paragraph of prose: Pelican's first words of the body would be a table's cells, a list or a caption.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from markupsafe import Markup
from pelican import signals

from warta.adapter.pelican_internals import has_own_url, remember_relative_source_paths, set_url

logger = logging.getLogger(__name__)
# What is no prose of the item's own: a paragraph inside these is never its summary.
NOT_PROSE = {"table", "ul", "ol", "dl", "figure", "figcaption", "blockquote", "pre", "iframe", "aside", "nav"}
NOT_PROSE |= {"h1", "h2", "h3", "h4", "h5", "h6", "picture", "details"}
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
)


def remember_paths(pelican):
    """Every relative source path worked out once (the same answer for the same two paths, in any build)."""
    remember_relative_source_paths()


def freeze(generators):
    """Store each item's URL as its override (items with their own keep theirs) and its summary as text."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, []):
                if not has_own_url(content):
                    set_url(content, content.url)
                content.summary_text = summary_text(content)


def summary_text(content) -> str:
    """``Summary:`` as text when given, else the body's first paragraph of prose, its first words."""
    if content.metadata.get("summary"):
        return Markup(content.summary).striptags()
    words = first_prose(content.content or "").split()
    limit = content.settings.get("SUMMARY_MAX_LENGTH") or len(words)
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


class _FirstProse(HTMLParser):
    """The text of the first ``<p>`` that stands on its own: not in a table, list, figure, quote or heading."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.enclosing, self.parts, self.in_paragraph, self.found = 0, [], False, ""

    def handle_starttag(self, tag, attrs):
        if tag in NOT_PROSE:
            self.enclosing += 1
        elif tag == "p" and not self.enclosing and not self.found:
            self.in_paragraph, self.parts = True, []

    def handle_endtag(self, tag):
        if tag in NOT_PROSE:
            self.enclosing = max(0, self.enclosing - 1)
        elif tag == "p" and self.in_paragraph:
            self.in_paragraph = False
            self.found = self.found or " ".join("".join(self.parts).split())

    def handle_data(self, data):
        if self.in_paragraph and not self.enclosing:
            self.parts.append(data)


# Where a paragraph may end: the body is read up to the first paragraph of prose, not through to its end.
PARAGRAPH_ENDS = re.compile(r"(?<=</p>)", re.IGNORECASE)


# A body that opens with a paragraph of plain text (no markup, no character reference), as most do: the parser
# would give its words, joined by single spaces, and so does first_prose without it.
PLAIN_FIRST_PARAGRAPH = re.compile(r"\s*<p>([^<&]*)</p>")


def first_prose(html: str) -> str:
    plain = PLAIN_FIRST_PARAGRAPH.match(html)
    if plain and (words := plain.group(1).split()):
        return " ".join(words)
    parser = _FirstProse()
    for part in PARAGRAPH_ENDS.split(html):
        parser.feed(part)
        if parser.found:  # found once, never changed by what follows
            return parser.found
    parser.close()
    return parser.found


def register():
    # initialized: before any item is made; Pelican's generators read relative source paths from the first file on.
    signals.initialized.connect(remember_paths)
    # all_generators_finalized: every item is read and placed; templates have not used a URL yet.
    signals.all_generators_finalized.connect(freeze)
