"""Where a link written in a body lands on this build's site, in the linking page's language.

The HTML Markdown made keeps each ``href`` as staff wrote it (``../2022/x.md``, ``<../../documents/Laporan 2024.pdf>``
as ``Laporan 2024.pdf``, ``{filename}…``, ``/berita/2024/x/``). Each becomes Pelican's own ``{filename}`` or
``{static}`` form, which Pelican replaces with the right URL for every page the body is rendered on (relative in
a preview, absolute when published). Galleries and listings have no content object in Pelican: they are entered
in Pelican's ``generated_content`` as ``SiteAddress`` objects under ``@site/<url>``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from warta.model import urls
from warta.model.documents import DocumentFile, describe
from warta.model.galleries import is_photo
from warta.model.languages import DEFAULT_LANG, LANGUAGES
from warta.model.links import (
    DOCUMENT,
    GALLERY,
    ITEM,
    STATIC,
    is_external,
    is_section_url,
    is_site_address,
    site_address,
    target_of,
)
from warta.model.paths import PELICAN_FORM, hash_cut_name, resolve_body_path, split_reference, unbracket

SITE_KEY = "@site/"


@dataclass(frozen=True)
class SiteAddress:
    """A page of the site with no content object of Pelican's behind it (a gallery, a listing)."""

    url: str


@dataclass(frozen=True)
class Landing:
    """A resolved link: the new ``href``, the target's language when it is not the page's, a document's details."""

    href: str
    hreflang: str | None = None
    document: str | None = None


class Unresolved(Exception):
    """A link to nothing this build publishes; ``code`` is the message, ``written`` the link as written."""

    def __init__(self, code: str, written: str):
        super().__init__(code)
        self.code, self.written = code, written


class LinkResolver:
    """Every target a body may link to in one build: items by source path and URL, galleries, documents."""

    def __init__(self, unit_path: Path, items: list, galleries: list, documents: dict[str, DocumentFile], registry):
        self.unit_path = Path(unit_path)
        self.by_source = {item.relative_source_path.replace("\\", "/"): item for item in items}
        self.by_url = {item.url: item for item in items}
        self.galleries = {gallery.slug for gallery in galleries}
        self.documents = documents
        self.by_document_url = {document.url: key for key, document in documents.items()}
        self.registry = registry  # Pelican's generated_content, where SiteAddress objects are entered

    def land(self, written: str, source_path: str, lang: str) -> Landing | None:
        """Where ``written`` (unescaped) goes from the item at ``source_path`` in ``lang``; None: leave it as it is."""
        text = unbracket(written)
        if is_external(text):
            return None
        suffix = split_reference(text)[1]
        if is_site_address(text):
            return self.land_on_address(site_address(text), suffix, lang, text)
        path = resolve_body_path(text, Path(source_path).parent, self.unit_path)
        if path is None:
            raise Unresolved("link_outside_unit", written)
        target = target_of(path, self.unit_path)
        if target is None:
            code = "path_hash_in_name" if hash_cut_name(text, Path(source_path).parent) else "link_missing"
            raise Unresolved(code, written)
        key = target.in_unit.as_posix()
        if target.kind == ITEM:
            if key not in self.by_source:
                raise Unresolved("link_unpublished", written)
            return self.land_on_item(self.by_source[key], suffix, lang)
        if target.kind == GALLERY:
            slug = target.in_unit.parts[1]
            if slug not in self.galleries:
                raise Unresolved("link_unpublished", written)
            gallery_lang = lang if target.lang == "id" else target.lang
            return self.land_on_page(urls.in_lang(urls.GALLERY["url"].format(slug=slug), gallery_lang), suffix)
        if target.kind == DOCUMENT and key in self.documents:
            return self.land_on_document(key, suffix, lang)
        if target.kind == STATIC:
            return Landing("{static}/" + quote(key) + suffix)
        raise Unresolved("link_not_published", written)

    def image_source(self, written: str, source_path: str) -> str | None:
        """A picture that is a static file of images/ (an SVG logo, say) as Pelican's ``{static}`` form; else None.

        Photos are the galleries plugin's (it places their derivatives), and so is naming a missing one; a photo
        written in Pelican's form is written relative to the file for it.
        """
        text = unbracket(written)
        if is_external(text) or is_site_address(text):
            return None
        folder = Path(source_path).parent
        path = resolve_body_path(text, folder, self.unit_path)
        target = target_of(path, self.unit_path) if path is not None else None
        if target is not None and target.kind == STATIC:
            return "{static}/" + quote(target.in_unit.as_posix()) + split_reference(text)[1]
        if target is not None and PELICAN_FORM.match(text) and is_photo(path):
            # Pelican would make {static}/images/a.jpg the camera file's URL, which is never published: written
            # relative to the file instead, the galleries plugin places the photo's derivatives.
            return quote(Path(os.path.relpath(path, folder)).as_posix())
        return None

    def land_on_item(self, item, suffix: str, lang: str) -> Landing:
        """The item in the page's language where it has that version (links to an original), else as written."""
        if item.lang != lang and item.lang == DEFAULT_LANG:
            item = next((version for version in item.translations if version.lang == lang), item)
        path = item.relative_source_path.replace("\\", "/")
        return Landing("{filename}/" + quote(path) + suffix, hreflang=item.lang if item.lang != lang else None)

    def land_on_address(self, url: str, suffix: str, lang: str, written: str) -> Landing:
        if url in self.by_url:
            return self.land_on_item(self.by_url[url], suffix, lang)
        if url in self.by_document_url:
            return self.land_on_document(self.by_document_url[url], suffix, lang)
        if url in self.gallery_urls() or is_section_url(url):
            return self.land_on_page(url, suffix)
        raise Unresolved("link_missing_address", written)

    def gallery_urls(self) -> set[str]:
        pages = {urls.GALLERY["url"].format(slug=slug) for slug in self.galleries}
        return pages | {urls.in_lang(url, lang) for url in pages for lang in LANGUAGES}

    def land_on_document(self, key: str, suffix: str, lang: str) -> Landing:
        """The one file of both languages, with its type and size in the page's language."""
        return Landing("{static}/" + quote(key) + suffix, document=describe(self.documents[key], lang))

    def land_on_page(self, url: str, suffix: str) -> Landing:
        self.registry.setdefault(SITE_KEY + url, SiteAddress(url))
        return Landing("{filename}/" + quote(SITE_KEY + url) + suffix)
