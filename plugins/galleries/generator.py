"""A Pelican generator for galleries: reads them, derives every placed photo, writes gallery pages and photos."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from warta.adapter.pelican_internals import Generator
from warta.model import urls
from warta.model.galleries import body_photos, gallery_field_problems, gallery_folders, read_gallery, resolve
from warta.model.languages import LANGUAGES
from warta.model.problems import record_in_build
from warta.model.protection import is_protected, review_problems
from warta.model.unit_content import in_build

from .library import PhotoSet, develop, publish
from .model import Gallery, GalleryPage, gallery_of, is_published, newest_first
from .settings import LIBRARY_KEY, cache_dir, jobs, recipe

logger = logging.getLogger(__name__)


@dataclass
class PhotoLibrary:
    """Everything templates need about photos in this build; kept in the build's context."""

    unit: Path
    sets: dict[Path, PhotoSet]
    galleries: list[Gallery]
    covers: dict[str, PhotoSet]

    def gallery(self, slug: str) -> Gallery | None:
        return next((g for g in self.galleries if g.slug == slug), None)


class GalleriesGenerator(Generator):
    """Runs after the article and page generators, so every body is read before photos are derived."""

    def generate_context(self):
        unit = Path(self.settings["PATH"]).resolve()
        timezone = self.settings["TIMEZONE"]
        indexes, problems = self.read_galleries(unit, timezone)
        placements, found = self.read_placements(unit)
        problems += found
        sources = [ref.path for index in indexes for ref in index.photos]
        sources += [path for body, cover, _ in placements.values() for path in [*body, cover] if path]
        protected = self.protected_photos(indexes, placements)
        sets, found = develop(
            sources, recipe(self.settings), cache_dir(self.settings), jobs(self.settings), urls.PHOTOS, protected
        )
        problems += found
        record_in_build(self.context, problems)
        if any(p.is_error for p in problems):
            return  # the contract plugin stops the build before anything is written, naming every file
        protection = self.unit_protection
        galleries = newest_first([gallery_of(index, sets, timezone, protection) for index in indexes])
        library = PhotoLibrary(unit, sets, galleries, covers_of(placements, sets, galleries))
        self.context[LIBRARY_KEY] = library
        self.context["galleries"] = galleries
        set_share_images([*published_content(self.context), *galleries], library, self.settings["UNIT"].site_url)

    @property
    def unit_protection(self) -> str:
        return getattr(self.settings.get("UNIT"), "protection", "")

    def read_galleries(self, unit: Path, timezone: str):
        now = datetime.now(ZoneInfo(timezone))
        indexes, problems = [], []
        for folder in gallery_folders(unit):
            index, found = read_gallery(folder, unit, timezone, in_build(self.context))
            problems += found
            if index and is_published(index, timezone, now):
                indexes.append(index)
                if self.settings.get("WARTA_PUBLISHING"):
                    problems += review_problems(index.doc, self.unit_protection, publishing=True)
        return indexes, problems

    def protected_photos(self, indexes, placements) -> set[Path]:
        """Photos of protected galleries and of protected items (body, cover, gallery): blurred wherever shown."""
        protection = self.unit_protection
        by_slug = {index.slug: index for index in indexes}
        protected_galleries = {index.slug for index in indexes if is_protected(index.doc, protection)}
        protected = set()
        for content in published_content(self.context):
            body, cover, slug = placements[content.source_path]
            if getattr(content, "protection", "") or protection:
                protected.update(path for path in [*body, cover] if path)
                if slug in by_slug:
                    protected_galleries.add(slug)
        for slug in protected_galleries:
            protected.update(ref.path for ref in by_slug[slug].photos)
        return protected

    def read_placements(self, unit: Path):
        """Per published article or page: the photos of its body, its Cover and its Gallery slug.

        Cover and Gallery come from the content's metadata, so a translation that inherits them gets them too.
        The bodies are the documents the reader read (warta.model.unit_content), not the files again.
        """
        placements, problems, documents = {}, [], in_build(self.context)
        for content in published_content(self.context):
            doc = documents.document(content.source_path)
            refs, found = body_photos(doc, unit)
            problems += found + gallery_field_problems(doc, unit)
            written = metadata_text(content, "cover")
            cover, found = resolve(written, unit, unit, doc.path, doc.line_of("cover")) if written else (None, [])
            problems += found
            body = [ref.path for ref in refs]
            placements[content.source_path] = (body, None if found else cover, metadata_text(content, "gallery"))
        return placements, problems

    def generate_output(self, writer):
        library = self.context.get(LIBRARY_KEY)
        if library is None:
            return
        publish(library.sets.values(), Path(self.output_path))
        if not library.galleries:
            return
        relative = self.settings["RELATIVE_URLS"]
        # Photos speak every language: each gallery has a page per language, its texts falling back to Indonesian.
        list_versions = {lang: urls.in_lang(urls.GALLERIES["url"], lang) for lang in LANGUAGES}
        for lang in LANGUAGES:
            save_as = urls.in_lang(urls.GALLERIES["save_as"], lang)
            template = self.get_template("galleries")
            writer.write_file(
                save_as, template, self.context, relative, page_name="galleries", lang=lang, versions=list_versions
            )
            for gallery in library.galleries:
                page = GalleryPage(gallery, lang)
                versions = {other: urls.in_lang(gallery.url, other) for other in LANGUAGES}
                template = self.get_template("gallery")
                writer.write_file(
                    page.save_as,
                    template,
                    self.context,
                    relative,
                    gallery=gallery,
                    gallery_page=page,
                    page_name="gallery",
                    lang=lang,
                    versions=versions,
                )


def metadata_text(content, key: str) -> str:
    return (getattr(content, key, "") or "").strip()


def published_content(context):
    """Published articles (with their translations) and pages, including hidden ones."""
    articles = context.get("articles", []) + context.get("hidden_articles", [])
    translated = [translation for article in articles for translation in getattr(article, "translations", [])]
    return articles + translated + context.get("pages", []) + context.get("hidden_pages", [])


def covers_of(placements, sets, galleries) -> dict[str, PhotoSet]:
    """The list and share image of each content item: its Cover, else its gallery's first photo."""
    first = {gallery.slug: gallery.cover.set for gallery in galleries if gallery.cover}
    covers = {}
    for source_path, (_, cover, slug) in placements.items():
        chosen = sets.get(cover) if cover else first.get(slug)
        if chosen:
            covers[source_path] = chosen
    return covers


def set_share_images(contents, library, site_url: str) -> None:
    """``og_image``: the absolute URL of each item's social card, for the card, JSON-LD and feeds alike.

    A gallery is shared with its cover (its first photo), an article or page with its own.
    """
    for content in contents:
        share = content.cover.set if isinstance(content, Gallery) and content.cover else None
        share = share or library.covers.get(content.source_path)
        if share and share.card:
            content.og_image = f"{site_url}/{share.card.url}"
