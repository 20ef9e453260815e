"""A Markdown reader that takes the contract's header (warta.model.contract) instead of Markdown's meta extension."""

from __future__ import annotations

import logging

from warta.adapter.pelican_internals import Author, MarkdownReader, SafeDatetime, URLWrapper
from warta.model.contract import (
    PAGE,
    UnreadableFile,
    is_draft,
    kind_in_unit,
    parse_date,
    slug_of,
    split_names,
)
from warta.model.keys import status_meaning
from warta.model.problems import ContentError, Problem
from warta.model.protection import protection_of, review_problems
from warta.model.translations import is_translation, lang_of, pair, translation_key

logger = logging.getLogger(__name__)

# Header keys handed to Pelican as they are; credits and dates are turned into objects below.
PASSED_KEYS = ("title", "place", "category", "tags", "gallery", "cover", "summary", "reviewed")
CREDITS = ("writer", "editor", "translator", "photographer")


class ContractReader(MarkdownReader):
    """Reads ``.md`` files; records every contract problem in ``problems`` and refuses files with errors.

    Documents come from ``content`` (warta.model.unit_content): the Markdown workers and the galleries use them too.
    """

    def __init__(self, settings, problems, bodies, content):
        super().__init__(settings)
        self.problems = problems
        self.bodies = bodies
        self.content = content
        # One Category, Tag or Author object per name for this build's items, as Pelican's own lists hold one per
        # slug: each works out its slug (Pelican's slugify) once, not once for every item that names it.
        self.terms: dict[tuple[type, str], URLWrapper] = {}

    def process_metadata(self, name, value):
        processed = super().process_metadata(name, value)
        if isinstance(processed, list):
            return [self.term(each) for each in processed]
        return self.term(processed)

    def term(self, value):
        """The build's one object for a category, tag or author of this name; any other value as it is."""
        if not isinstance(value, URLWrapper):
            return value
        return self.terms.setdefault((type(value), value.name), value)

    def read(self, source_path):
        """Return the rendered body and the metadata, or raise ContentError."""
        inside = self.content.relative(self.settings["PATH"], source_path)
        if inside is None:
            problem = Problem.of(source_path, "outside_unit")
            self.problems.add([problem])
            raise ContentError([problem])
        try:
            doc = self.content.document(source_path)
        except UnreadableFile as unreadable:
            self.problems.add([unreadable.problem])
            raise ContentError([unreadable.problem]) from None
        kind = kind_in_unit(inside) or PAGE
        if is_translation(source_path):
            # Pelican needs the original's date now, and may read <name>.en.md before <name>.md.
            pairing = pair(doc, kind, self.settings["TIMEZONE"], self.content)
            found, doc = pairing.problems, pairing.document
        else:
            found = self.content.checked(doc, kind, self.settings["TIMEZONE"])
        if self.settings.get("WARTA_PUBLISHING") and not is_draft(doc):
            found += review_problems(doc, self.unit_protection, publishing=True)
        self.problems.add(found)
        errors = [p for p in found if p.is_error]
        if errors:
            raise ContentError(errors)
        return self.bodies.html(doc.body), self.metadata_of(doc)

    @property
    def unit_protection(self) -> str:
        return getattr(self.settings.get("UNIT"), "protection", "")

    def metadata_of(self, doc):
        """Pelican metadata from the contract's fields."""
        metadata = {key: self.process_metadata(key, doc.get(key)) for key in PASSED_KEYS if doc.get(key)}
        if "summary" in metadata:
            metadata["summary"] = self.bodies.html(metadata["summary"])
        for key in ("date", "modified"):
            if doc.get(key):
                metadata[key] = SafeDatetime.fromisoformat(
                    parse_date(doc.get(key), self.settings["TIMEZONE"]).isoformat()
                )
        metadata["slug"] = slug_of(doc)
        # Pelican pairs items by translation_key (ARTICLE_TRANSLATION_ID): a slug alone repeats across years.
        metadata["lang"] = lang_of(doc.path)
        metadata["translation_key"] = translation_key(doc.path, self.settings["PATH"], self.content.relative)
        metadata["status"] = status_meaning(doc.get("status")) or "published"
        # Who is protected, also when only unit.toml says so: templates mark items awaiting review.
        metadata["protection"] = protection_of(doc, self.unit_protection)
        for role in CREDITS:
            metadata[role] = split_names(doc.get(role))
        # Pelican's own author pages and feeds keep working from the writers.
        if metadata["writer"]:
            metadata["authors"] = [self.term(Author(name, self.settings)) for name in metadata["writer"]]
        return metadata
