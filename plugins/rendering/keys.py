"""What every page of a site may show, as one digest (the *site key*), and a digest of any value of a page's context.

The site key: the theme, plugins, code and settings, every file of the unit that is not an article (by time and
size), and every item's facts -- everything about it but its body (``item_facts``); pages and galleries count with
their bodies too, since any page may show them. Article bodies are left out: a page that shows one reads it, and
``reuse.py`` records which.
"""

from __future__ import annotations

import hashlib
from itertools import chain
from pathlib import Path

from warta.adapter.pelican_internals import (
    Article,
    Content,
    Page,
    Paginator,
    URLWrapper,
    listing_page_shape,
    listing_shape,
    page_items,
)
from warta.model.stamps import SHARED_INPUTS, code_stamps, file_stamps

# A new staging folder each build, and where the last site is: neither is in any page.
VOLATILE_SETTINGS = ("OUTPUT_PATH", "RENDER_LAST_SITE")
# What an item holds besides its facts: its body (counted apart), and the site's shared settings and context.
NOT_FACTS = ("_content", "_context", "settings")


class Digests:
    """Digests of the values in a page's context, remembered per object for one build."""

    def __init__(self):
        self.known = {}

    def of(self, value, bodies=True) -> str:
        """A digest of ``value``; with ``bodies`` False, items count by their metadata only."""
        if isinstance(value, str | int | float | bool | type(None)):
            return repr(value)
        memo = (id(value), bodies)
        if memo not in self.known:
            # The value is kept with its digest: a value let go of could leave its id to another one.
            self.known[memo] = (value, self._compute(value, bodies))
        return self.known[memo][1]

    def _compute(self, value, bodies) -> str:
        if isinstance(value, dict):
            value = list(value.items())
        if isinstance(value, Content):
            # Only articles are many; a page or gallery may be shown anywhere, so its body always counts.
            shown = bodies or not isinstance(value, Article)
            body = value.get_content("") if shown else ""  # None for a static file: its stamp is in the site key
            return hash_of(self.metadata(value), body or "")
        if isinstance(value, URLWrapper):
            return repr((type(value).__name__, str(value), value.slug))
        if isinstance(value, Page):  # the current page of a listing: its items are shown in full
            return hash_of(repr(listing_page_shape(value)), self.of(page_items(value)))
        if isinstance(value, Paginator):  # the shape of a listing; its items count in the site key
            return repr(listing_shape(value))
        if isinstance(value, list | tuple):
            return hash_of(*(self.of(item, bodies) for item in value))
        return repr(value)  # an object without a stable repr changes the key every build: rendered, never stale

    @staticmethod
    def metadata(content) -> str:
        """What any page may show of an item: everything about it but its body (``item_facts``)."""
        return "\0".join([type(content).__name__, repr(content.url), *item_facts(content)])


def item_facts(item) -> list[str]:
    """Every field of ``item`` but its body: the metadata, and what Pelican and the plugins set on it, as tokens.

    Listings anywhere show the summary text, which without a ``Summary:`` comes from the body's first words; other
    items an item points to (related, newer, translations) count by their source. A value without a stable form
    (shown by its address) counts by its address, so it changes every build: its pages are rendered, never stale.
    """
    fields, tokens = vars(item), []
    for key, value in sorted(fields.items()):
        if key not in NOT_FACTS:
            tokens.append("." + key)  # a field's name: an identifier, Pelican's or a plugin's
            if key == "metadata":
                add_mapping_facts(tokens, value, fields)
            else:
                add_facts(tokens, value)
    return tokens


# The tokens of the facts, one list per item, joined by NULs. Each names what it is by its first character, which
# no other kind of token starts with: a plain value's repr (a quote, a digit, ``-``, ``T``, ``F``, ``N``, ``i``,
# ``n``: NUL-free), ``@`` an item by its source, ``[``/``]`` a list, ``{``/``}`` a mapping, ``#`` a mapping's key,
# ``^`` a metadata entry that is the item's field of its name, ``<`` any other value's repr after its length (it may
# hold anything, even a NUL). So two different sets of facts never make the same text.
PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
AS_FIELD = "^"


def add_facts(tokens: list[str], value) -> None:
    if type(value) in PLAIN_TYPES:
        tokens.append(repr(value))
    elif isinstance(value, Content):
        tokens.append("@" + repr(value.source_path))
    elif isinstance(value, list | tuple):
        tokens.append("[")
        for part in value:
            add_facts(tokens, part)
        tokens.append("]")
    elif isinstance(value, dict):
        add_mapping_facts(tokens, value)
    else:
        tokens.append(counted("<", repr(value)))


def add_mapping_facts(tokens: list[str], mapping: dict, fields: dict | None = None) -> None:
    """The facts of ``mapping``'s entries, each counted once, in the order of their keys.

    An entry that is the very object of the field of its name in ``fields`` (Pelican makes every metadata entry a
    field of the item) counts there: here it is marked ``AS_FIELD``. Set anew, either counts in full again.
    """
    fields = fields or {}
    tokens.append("{")
    for key, part in sorted(mapping.items(), key=lambda pair: repr(pair[0])):
        tokens.append(counted("#", repr(key)))
        if key in fields and fields[key] is part:
            tokens.append(AS_FIELD)
        else:
            add_facts(tokens, part)
    tokens.append("}")


def counted(mark: str, text: str) -> str:
    return f"{mark}{len(text)}:{text}"


def site_key(settings, context, digests: Digests) -> str:
    """What every page may show: settings, code, theme, every file but the articles, every item's facts."""
    groups = [
        f"{name}={group_digest(value, digests)}"
        for name, value in sorted(context.items())
        if isinstance(value, list | tuple | dict) and (name not in settings or settings[name] is not value)
    ]
    # Articles count by their facts; every other file (pages, images, photos) by its time and size.
    sources = {item.source_path for item in items_of(context) if isinstance(item, Article)}
    stamps = chain(code_stamps(SHARED_INPUTS, Path(settings["PATH"])), file_stamps(settings["THEME"]))
    files = [f"{path} {size} {mtime}" for path, size, mtime in stamps if path not in sources]
    return hash_of(settings_digest(settings), *files, *groups)


def group_digest(value, digests: Digests) -> str:
    """A digest of a list or mapping of the context, whatever order its items come in.

    Orders that pages show follow from the items' facts (dates, titles), which count; some lists (static files)
    come in another order each build. A mapping of plain values (a plugin's settings) counts as settings do.
    """
    if isinstance(value, dict):
        if not any(holds_items(part) for part in value.values()):
            return settings_digest(value)
        return hash_of(*sorted(f"{key!r}={digests.of(part, bodies=False)}" for key, part in value.items()))
    return hash_of(*sorted(digests.of(item, bodies=False) for item in value))


def holds_items(value) -> bool:
    return isinstance(value, Content) or (isinstance(value, list | tuple) and any(map(holds_items, value)))


def settings_digest(settings) -> str:
    """Every setting that reads the same from build to build (an object shown by its address does not)."""
    shown = (f"{key}={value!r}" for key, value in sorted(settings.items()) if key not in VOLATILE_SETTINGS)
    return hash_of(*(line for line in shown if " at 0x" not in line))


def hash_of(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def items_of(context: dict) -> list:
    """Every item of the site: in the context's lists (articles, pages, drafts...) and their translations."""
    found: dict[int, Content] = {}
    for value in context.values():
        if isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, Content) and getattr(item, "source_path", None):
                    found[id(item)] = item
                    for translation in getattr(item, "translations", []):
                        found[id(translation)] = translation
    return list(found.values())
