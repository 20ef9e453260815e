"""Write ``sitemap.xml`` (every article, page and section, with ``xhtml:link`` hreflang alternates) and ``robots.txt``.

pelican-sitemap writes ``ref=`` instead of ``href=`` in its alternates and is untested with translations; this one
is small enough to own. URLs are always absolute from the unit's ``site_url``: search engines need them even when the
site was built for a preview.
"""

from __future__ import annotations

import logging
import os
from xml.sax.saxutils import quoteattr

from pelican import signals

from warta.adapter.pelican_internals import ArticlesGenerator, PagesGenerator

logger = logging.getLogger(__name__)
HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def absolute(settings, url):
    return f"{settings['UNIT'].site_url}/{url}"


def entry(settings, url, lastmod=None, alternates=()):
    """One ``<url>``; ``alternates`` are (lang, url) pairs including the entry's own language."""
    lines = [f"  <url><loc>{absolute(settings, url)}</loc>"]
    if lastmod:
        lines.append(f"<lastmod>{lastmod.date().isoformat()}</lastmod>")
    for lang, other in alternates:
        lines.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(lang)} href="{absolute(settings, other)}"/>')
    lines.append("</url>\n")
    return "".join(lines)


def content_entry(settings, content):
    versions = [content, *getattr(content, "translations", [])]
    default = settings["DEFAULT_LANG"]
    alternates = []
    if len(versions) > 1:
        alternates = [(version.lang or default, version.url) for version in versions]
        originals = [version for version in versions if (version.lang or default) == default]
        alternates.append(("x-default", (originals or versions)[0].url))
    lastmod = getattr(content, "modified", None) or getattr(content, "date", None)
    return entry(settings, content.url, lastmod, alternates)


def published_content(generators):
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            yield from generator.articles + generator.translations
        elif isinstance(generator, PagesGenerator):
            yield from generator.pages + generator.translations


def language_prefixes(settings, languages) -> set[str]:
    """``""`` for the default language, ``<lang>/`` for each other language the site has content in."""
    default = settings["DEFAULT_LANG"]
    return {"" if lang == default else f"{lang}/" for lang in languages | {default}}


def write_sitemap(generators):
    """Both files, written into the output folder once everything is read."""
    generators = list(generators)
    settings = generators[0].settings
    output = generators[0].output_path
    sections = ["", settings["NEWS_URL"], settings["ARCHIVES_URL"]]
    languages = {getattr(content, "lang", None) for content in published_content(generators)} - {None}
    entries = [
        entry(settings, prefix + url) for prefix in sorted(language_prefixes(settings, languages)) for url in sections
    ]
    entries += [content_entry(settings, content) for content in published_content(generators)]
    os.makedirs(output, exist_ok=True)
    with open(os.path.join(output, "sitemap.xml"), "w", encoding="utf-8") as sitemap:
        sitemap.write(HEADER + "".join(entries) + "</urlset>\n")
    with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as robots:
        robots.write(f"User-agent: *\nAllow: /\n\nSitemap: {absolute(settings, 'sitemap.xml')}\n")


def register():
    # all_generators_finalized: every item and its translations are known; URLs no longer change. After the
    # contract's check (a refused build writes no sitemap) and the frozen plugin's URLs (PLUGINS orders them).
    signals.all_generators_finalized.connect(write_sitemap)
