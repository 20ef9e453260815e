"""A save that changed only the bodies or titles of files the preview has read: done on the last run's items, in place.

Pelican's whole run over a large unit takes seconds even when every file's reading is remembered (its items made
again, every plugin's work on every item, every page recorded). A body or a title changes none of what that run
decides from metadata: which items exist, their URLs and order, listings and their pages, related news, credits,
translations, photos. So when every file that changed since the last good run is a content file that run read,
and reading it again gives the same metadata but for the title and the same problems, the saved text goes
straight into the live items, with each plugin's work on a body done again for that item alone:

- the reader's HTML of the body (the contract plugin's reader, as a run reads it);
- its links resolved (the links plugin's ``rewritten``), with the same problems as before;
- the photos it places (the galleries plugin derives them): the same photos and problems, or the whole run;
- its plain summary (the frozen plugin's ``summary_text``) and Pelican's memoized content and summary;
- the feeds, written again from the live items (the only files written from an item's text).

Pages are rendered when asked for, so the next request renders every page from the changed items: what a fresh
build writes. Anything else (a new, deleted or renamed file, a date, a tag, a category, a photo, ``unit.toml``,
the theme, the settings, a scheduled item now due, a problem that appears or goes) runs Pelican again.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from plugins.frozen.frozen import summary_text
from plugins.links.links import DOCUMENTS_KEY, published_items, rewritten
from plugins.links.resolver import LinkResolver
from warta.adapter.pelican_internals import Writer, forget_rendered_bodies, link_targets, set_body
from warta.model.galleries import body_photos, gallery_field_problems
from warta.model.problems import ContentError
from warta.model.unit_content import in_build

# Metadata that templates show but nothing of the site's structure depends on (see the module docstring). A title
# orders person pages only between items of the very same date, which ``same_date_as_another`` sends to a run.
SHOWN_ONLY = frozenset({"title"})


def file_stamps(folders) -> dict[str, tuple]:
    """Every file below ``folders`` by its absolute path: modification time, size and inode; each folder by its path.

    A folder counts by being there (a new gallery folder is a change), not by its time, which a save changes.
    """
    stamps = {}
    for folder in folders:
        for root, folders_here, names in os.walk(folder):
            stamps.update((os.path.abspath(os.path.join(root, name)), ()) for name in folders_here)
            for name in names:
                path = os.path.abspath(os.path.join(root, name))
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                stamps[path] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return stamps


@dataclass
class LastRun:
    """What a good run leaves to build on: its context and settings, its reader and feeds, what it read from."""

    context: dict
    settings: dict
    reader: object  # the RememberingReader of warta.tool.preview, reading with this run's problems and bodies
    feeds: list  # plugins.rendering.parallel.FeedCall
    settings_key: str | None
    stamps: dict[str, tuple]  # the unit's and the theme's files, taken before the run read them
    due: datetime | None  # the first scheduled item's date, when the run left one out


@dataclass
class Edit:
    """One item's new text: the reader's body and the metadata that changed (only keys of SHOWN_ONLY)."""

    item: object
    html: str
    shown: dict


def save_in_place(last: LastRun, reads, stamps: dict, settings_key: str | None, now: datetime) -> InPlace | None:
    """The save, ready to be made on the live items (``InPlace.apply``); None when Pelican must run again."""
    if settings_key is None or settings_key != last.settings_key or (last.due is not None and now >= last.due):
        return None
    if last.settings.get("TYPOGRIFY"):
        return None  # Pelican's reading would change the text after our reader's (the items are made with it)
    changed = {path for path in stamps.keys() | last.stamps.keys() if stamps.get(path) != last.stamps.get(path)}
    if not all(path in stamps and path in reads.entries for path in changed):
        return None  # a file added or deleted, or one no reader of the run read (a photo, unit.toml, the theme)
    # A translation of a changed original is read again too (it inherits the original's fields).
    affected = [path for path in reads.entries if path in stamps and any(s in changed for s in reads.sources(path))]
    items = {getattr(item, "source_path", None): item for item in link_targets(last.context).values()}
    if not all(path in items for path in affected):
        return None
    save = InPlace(last, reads, items)
    return save if save.read([items[path] for path in affected]) else None


class InPlace:
    """A save made on the live items of the last run: its files read again with that run's reader, then applied."""

    def __init__(self, last: LastRun, reads, items: dict):
        self.last, self.reads, self.items = last, reads, items
        self.context = last.context
        self.documents = in_build(self.context)
        self.unit = Path(last.settings["PATH"]).resolve()
        published = published_items(self.context)
        self.published = {id(item) for item in published}
        self.resolver = LinkResolver(
            last.settings["PATH"],
            published,
            self.context.get("galleries") or [],
            self.context.get(DOCUMENTS_KEY, {}),
            link_targets(self.context),
        )
        self.edits: list[Edit] = []

    def read(self, affected: list) -> bool:
        """Read ``affected`` again; True when nothing but their text changed (the edits are then in ``edits``)."""
        before = {item.source_path: self.placed(item, self.reads.entries[item.source_path][1]) for item in affected}
        for item in affected:  # a translation reads its original through the documents too
            self.documents.forget(item.source_path)
        for item in affected:
            edit = self.edit_of(item, before[item.source_path])
            if edit is None:
                return False
            self.edits.append(edit)
        return True

    def edit_of(self, item, before: tuple) -> Edit | None:
        path, old = item.source_path, self.reads.entries[item.source_path]
        try:
            new = self.last.reader.read_afresh(path, self.reads.key(path))
        except ContentError:
            return None  # the run says what is wrong, and the last good pages stay
        (_, _, old_metadata, old_problems, _), (_, html, metadata, problems, _) = old, new
        keys = old_metadata.keys() | metadata.keys()
        shown = {key for key in keys if repr(old_metadata.get(key)) != repr(metadata.get(key))}
        if not shown <= SHOWN_ONLY or Counter(old_problems) != Counter(problems):
            return None
        if self.placed(item, html) != before or ("title" in shown and self.same_date_as_another(item)):
            return None
        return Edit(item, html, {key: metadata[key] for key in shown})

    def placed(self, item, html: str) -> tuple:
        """What the galleries and links plugins make of ``item``'s document and body: photos and problems."""
        doc = self.documents.document(item.source_path)
        refs, problems = body_photos(doc, self.unit)
        problems += gallery_field_problems(doc, self.unit)
        if id(item) in self.published:
            problems += rewritten(html, item, self.resolver, self.documents)[1]
        return [ref.path for ref in refs], Counter(problems)

    def same_date_as_another(self, item) -> bool:
        """Whether another item (not a language version of this one, never listed beside it) has its date."""
        versions = {id(item), *(id(version) for version in getattr(item, "translations", ()))}
        date = getattr(item, "date", None)
        others = [*self.items.values(), *(self.context.get("galleries") or [])]
        return any(id(other) not in versions and getattr(other, "date", None) == date for other in others)

    def apply(self, scratch: Path, folder: Path) -> None:
        """Each edit into its live item as the run's plugins would have made it; the feeds written again in ``folder``.

        ``scratch``: an empty folder of this process, where each feed is written before it replaces the old one.
        """
        for edit in self.edits:
            body = edit.html
            if id(edit.item) in self.published:
                body = rewritten(body, edit.item, self.resolver, self.documents)[0]
            set_body(edit.item, body)
            for key, value in edit.shown.items():
                edit.item.metadata[key] = value
                setattr(edit.item, key, value)
        forget_rendered_bodies([edit.item for edit in self.edits])
        for edit in self.edits:
            if hasattr(edit.item, "summary_text"):  # the frozen plugin gives it to published items
                edit.item.summary_text = summary_text(edit.item)
        write_feeds(self.last, [edit.item for edit in self.edits], scratch, folder)


def write_feeds(last: LastRun, items: list, scratch: Path, folder: Path) -> None:
    """The run's feeds that show one of ``items`` written again from the live items, each replacing its old file."""
    edited, shown = {id(item) for item in items}, last.settings["FEED_MAX_ITEMS"]
    feeds = [feed for feed in last.feeds if any(id(element) in edited for element in feed.elements[:shown])]
    if not feeds:
        return
    shutil.rmtree(scratch, ignore_errors=True)
    writer = Writer(str(scratch), settings=last.settings)
    for feed in feeds:
        feed.write(writer)
    for path in scratch.rglob("*"):
        if path.is_file():
            target = folder / path.relative_to(scratch)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    shutil.rmtree(scratch, ignore_errors=True)
