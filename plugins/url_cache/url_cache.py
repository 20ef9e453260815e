"""Freeze ``url`` and ``save_as`` of every article and page once nothing changes them any more.

Pelican recomputes both on every access (a copy of the metadata, a relative path, a format string); listings
read them tens of thousands of times in a unit with thousands of articles. ``override_url`` and
``override_save_as`` are what Pelican itself sets for ``URL:`` and ``Save_as:`` metadata, and it returns them
as they are.
"""

from __future__ import annotations

import logging

from pelican import signals

logger = logging.getLogger(__name__)
FROZEN = ("url", "save_as")
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
)


def freeze_urls(generators):
    """Store each item's URL and file name as its override (items with their own keep theirs)."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, []):
                for key in FROZEN:
                    if not hasattr(content, f"override_{key}"):
                        setattr(content, f"override_{key}", getattr(content, key))


def register():
    # all_generators_finalized: every item is read and placed; templates have not used a URL yet.
    signals.all_generators_finalized.connect(freeze_urls)
