"""Values Pelican works out again on every use, worked out once when every item is read and placed.

``url``: Pelican recomputes it on every access (a copy of the metadata, a relative path, a format string); listings
read it tens of thousands of times in a unit with thousands of articles. ``override_url`` is what Pelican itself
sets for ``URL:`` metadata, and it returns it as it is. ``save_as`` is left alone: Pelican takes an overridden one
as leave to overwrite another file.

``summary_text``: the summary without markup, which is all listings, descriptions and social cards show. Pelican
truncates an item's body again for every folder depth a page is written at (its summary depends on the page's
address through the links it contains, which plain text does not have).
"""

from __future__ import annotations

import logging

from markupsafe import Markup
from pelican import signals

logger = logging.getLogger(__name__)
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
)


def freeze(generators):
    """Store each item's URL as its override (items with their own keep theirs) and its summary as text."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, []):
                if not hasattr(content, "override_url"):
                    content.override_url = content.url
                content.summary_text = Markup(content.summary or "").striptags()


def register():
    # all_generators_finalized: every item is read and placed; templates have not used a URL yet.
    signals.all_generators_finalized.connect(freeze)
