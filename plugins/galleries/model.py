"""What templates see: galleries with their photos, texts per language, and the photos of each content item."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from warta.model import urls
from warta.model.contract import is_draft, parse_date, split_names
from warta.model.galleries import GalleryIndex
from warta.model.protection import protection_of

from .library import PhotoSet


def shown_in(texts: dict[str, str], lang: str) -> str:
    """The language of the text shown for ``lang``: its own, else Indonesian, which stands in for it."""
    return lang if texts.get(lang) else "id"


@dataclass
class Photo:
    """A photo as placed: its derivatives, and alt text and caption per language (the default as fallback)."""

    set: PhotoSet
    alt: dict[str, str]
    caption: dict[str, str] = field(default_factory=dict)

    def alt_for(self, lang: str) -> str:
        return self.alt.get(lang) or self.alt.get("id", "")

    def caption_for(self, lang: str) -> str:
        return self.caption.get(lang) or self.caption.get("id", "")

    def caption_lang(self, lang: str) -> str:
        return shown_in(self.caption, lang)

    def alt_lang(self, lang: str) -> str:
        return shown_in(self.alt, lang)


@dataclass
class Gallery:
    """A published gallery; ``title_for``/``summary_for`` fall back to Indonesian where no index.en.md says."""

    slug: str
    source_path: str
    date: datetime | None
    place: str
    photographer: list[str]
    titles: dict[str, str]
    summaries: dict[str, str]
    photos: list[Photo]
    og_image: str = ""  # the absolute URL of its cover's social card, set once the photos are made
    protection: str = ""  # who is protected (its Perlindungan, else the unit's): faces blurred, review awaited
    reviewed: str = ""  # the editor named in Ditinjau

    @property
    def url(self) -> str:
        return urls.GALLERY["url"].format(slug=self.slug)

    @property
    def save_as(self) -> str:
        return urls.GALLERY["save_as"].format(slug=self.slug)

    @property
    def cover(self) -> Photo | None:
        return self.photos[0] if self.photos else None

    lang = "id"  # the gallery as listed in the default language, e.g. on person pages

    @property
    def title(self) -> str:
        return self.title_for(self.lang)

    def title_for(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles["id"]

    def summary_for(self, lang: str) -> str:
        return self.summaries.get(lang) or self.summaries.get("id", "")

    def title_lang(self, lang: str) -> str:
        return shown_in(self.titles, lang)

    def summary_lang(self, lang: str) -> str:
        return shown_in(self.summaries, lang)


@dataclass
class GalleryPage:
    """One language's page of a gallery, as its JSON-LD and credit block read it."""

    gallery: Gallery
    lang: str

    @property
    def title(self) -> str:
        return self.gallery.title_for(self.lang)

    @property
    def url(self) -> str:
        return urls.in_lang(self.gallery.url, self.lang)

    @property
    def save_as(self) -> str:
        return urls.in_lang(self.gallery.save_as, self.lang)

    @property
    def date(self):
        return self.gallery.date

    @property
    def photographer(self) -> list[str]:
        return self.gallery.photographer

    @property
    def summary_text(self) -> str:
        return self.gallery.summary_for(self.lang)

    @property
    def og_image(self) -> str:
        """A gallery is shared with its cover photo's card, as an article is."""
        return self.gallery.og_image

    @property
    def og_image_alt(self) -> str:
        return self.gallery.cover.alt_for(self.lang) if self.gallery.cover else ""


def is_published(index: GalleryIndex, timezone: str, now: datetime) -> bool:
    """Drafts and galleries dated in the future are left out, as news items are."""
    date = parse_date(index.doc.get("date"), timezone)
    return not is_draft(index.doc) and (date is None or date <= now)


def gallery_of(index: GalleryIndex, sets: dict[Path, PhotoSet], timezone: str, unit_protection: str = "") -> Gallery:
    """The template model of a gallery whose photos are all in ``sets``."""
    photos = []
    for ref in index.photos:
        alt, caption = {"id": ref.alt or index.doc.get("title")}, {"id": ref.caption}
        for lang, refs in index.captions.items():
            if ref.path in refs:
                alt[lang], caption[lang] = refs[ref.path].alt, refs[ref.path].caption
        photos.append(Photo(sets[ref.path], alt, caption))
    return Gallery(
        slug=index.slug,
        source_path=str(index.doc.path),
        date=parse_date(index.doc.get("date"), timezone),
        place=index.doc.get("place"),
        photographer=split_names(index.doc.get("photographer")),
        titles={lang: doc.get("title") for lang, doc in index.texts.items() if doc.get("title")},
        summaries={lang: doc.get("summary") for lang, doc in index.texts.items() if doc.get("summary")},
        photos=photos,
        protection=protection_of(index.doc, unit_protection),
        reviewed=index.doc.get("reviewed").strip(),
    )


def newest_first(galleries: list[Gallery]) -> list[Gallery]:
    return sorted(galleries, key=lambda g: (g.date is not None, g.date or datetime.min, g.slug), reverse=True)
