"""Signal handlers of the links plugin: documents get their /dokumen/ URLs, body links their targets' URLs.

Both run before anything is written and before the contract plugin counts problems, so a link to nothing stops
the build like any other content problem, naming the file and line (``invoke check`` finds the same problems
first, with warta.model.links).
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from markupsafe import escape
from pelican import signals

from warta.adapter.pelican_internals import body_of, link_targets, replace_static_files, set_body, set_url
from warta.model.documents import FOLDER, document_file, document_problems, is_system_file
from warta.model.links import body_links
from warta.model.problems import Problem, record_in_build
from warta.model.unit_content import UnitContent, in_build

from .resolver import LinkResolver, Unresolved

logger = logging.getLogger(__name__)
DOCUMENTS_KEY = "warta_documents"
CONTENT_LISTS = ("articles", "hidden_articles", "pages", "hidden_pages")
ANCHOR = re.compile(r"<a\b(?P<attributes>[^>]*)>(?P<text>.*?)</a>", re.DOTALL)
HREF = re.compile(r'\shref="(?P<href>[^"]*)"')
IMAGE = re.compile(r'<img\b[^>]*\ssrc="(?P<src>[^"]*)"[^>]*>')
# A link in a feed entry's HTML that is relative to the site (Pelican writes them so when SITEURL is empty).
RELATIVE_HREF = re.compile(r'(\shref=)"(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|#)/?')


def publish_documents(generator):
    """Documents at ``dokumen/<URL-safe path>``; refused ones are problems of the build, not copied."""
    unit = Path(generator.settings["PATH"])
    documents, kept, problems = {}, [], []
    for static in generator.staticfiles:
        in_unit = static.relative_source_path.replace("\\", "/")
        if not in_unit.startswith(FOLDER + "/"):
            kept.append(static)
            continue
        document = document_file(unit, unit / in_unit)
        if is_system_file(document.path):
            continue  # Thumbs.db, desktop.ini: never staff's documents, never published (nor named by the check)
        found = document_problems(document)
        problems += found
        if not found:
            set_url(static, document.url, save_as=document.url)
            documents[in_unit] = document
            kept.append(static)
    replace_static_files(generator, kept)
    generator.context[DOCUMENTS_KEY] = documents
    record_in_build(generator.context, problems)


def published_items(context) -> list:
    """Every published article and page with their translations, hidden ones included."""
    items = [item for name in CONTENT_LISTS for item in context.get(name) or ()]
    return items + [version for item in items for version in getattr(item, "translations", ())]


def resolve_links(generator):
    """Every body's links become Pelican's ``{filename}``/``{static}`` forms of their targets, in its language."""
    context = generator.context
    items = published_items(context)
    resolver = LinkResolver(
        generator.settings["PATH"],
        items,
        context.get("galleries") or [],
        context.get(DOCUMENTS_KEY, {}),
        link_targets(context),
    )
    problems, documents = [], in_build(context)
    for item in items:
        body, found = rewritten(body_of(item), item, resolver, documents)
        set_body(item, body)
        problems += found
    record_in_build(context, problems)


def rewritten(body: str, item, resolver: LinkResolver, documents: UnitContent) -> tuple[str, list[Problem]]:
    """``body`` with every internal link resolved; the problems of those that land on nothing.

    Each problem is at the line of ``item``'s document (in ``documents``) that writes the link.
    """
    problems = []

    def replace(anchor: re.Match) -> str:
        attributes = anchor.group("attributes")
        href = HREF.search(attributes)
        if href is None:
            return anchor.group(0)
        written = html.unescape(href.group("href"))
        try:
            landing = resolver.land(written, item.source_path, item.lang)
        except Unresolved as unresolved:
            problems.append(problem_of(documents.document(item.source_path), unresolved))
            return anchor.group(0)
        if landing is None:
            return anchor.group(0)
        attributes = attributes[: href.start()] + f' href="{escape(landing.href)}"' + attributes[href.end() :]
        if landing.hreflang and "hreflang=" not in attributes:
            attributes += f' hreflang="{landing.hreflang}"'
        link = f"<a{attributes}>{anchor.group('text')}</a>"
        if landing.document:
            link += f' <span class="document-meta">({escape(landing.document)})</span>'
        return link

    def replace_image(image: re.Match) -> str:
        source = resolver.image_source(html.unescape(image.group("src")), item.source_path)
        return image.group(0) if source is None else image.group(0).replace(image.group("src"), str(escape(source)))

    return IMAGE.sub(replace_image, ANCHOR.sub(replace, body or "")), problems


def problem_of(doc, unresolved: Unresolved) -> Problem:
    """The problem at the line of the document that writes the link (the first such line)."""
    lines = [ref.line for ref in body_links(doc.body, doc.body_line) if ref.written == unresolved.written]
    param = "url" if unresolved.code == "link_missing_address" else "file"
    return Problem.of(str(doc.path), unresolved.code, lines[0] if lines else None, **{param: unresolved.written})


def absolute_feed_links(context, feed):
    """Feed entries link with absolute URLs also in a preview (Pelican joins them to SITEURL, which is empty there).

    A feed reader resolves a relative link against the feed's own address (``feeds/berita/...``): a 404.
    """
    domain = (context.get("FEED_DOMAIN") or "").rstrip("/")
    if not domain:
        return
    feed.feed["link"] = absolute(feed.feed.get("link", ""), domain)
    for entry in feed.items:
        entry["link"] = absolute(entry.get("link", ""), domain)
        for key in ("content", "description"):
            if entry.get(key):
                entry[key] = RELATIVE_HREF.sub(lambda match: f'{match.group(1)}"{domain}/', entry[key])


def absolute(url: str, domain: str) -> str:
    return url if "://" in url else f"{domain}/{url.lstrip('/')}"


def register():
    # static_generator_finalized: static files are listed, not yet copied, and no page has asked for their URLs.
    signals.static_generator_finalized.connect(publish_documents)
    # static_generator_finalized again, after the documents: the static generator runs last, so every item,
    # gallery and document is known, no body has been rendered, and the contract plugin has not yet counted problems.
    signals.static_generator_finalized.connect(resolve_links)
    # feed_generated: the feed's entries exist and are not yet written (after the galleries plugin's photos).
    signals.feed_generated.connect(absolute_feed_links)
