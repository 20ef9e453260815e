"""Credited names as people: one identity per person, Person or Organization, in the order of the roles.

Identity (one person, one page): a name is reduced to its core before it is slugified, so
``Puti Chairida Anwar, S.Psi., M.Si.``, ``Puti Chairida Anwar`` and ``puti chairida anwar`` are one person:

1. everything from the first comma on is dropped (the contract puts degrees after commas);
2. trailing degrees written without a comma are dropped (``Andi Pratama S.Sos.``: a word of two or more
   dotted parts such as ``S.Sos.``, ``M.Si``, ``S.Tr.Ft.``; a single initial like ``N.`` stays);
3. leading titles ending in a dot are dropped (``Dr.``, ``dr.``, ``Dra.``, ``Drs.``, ``Ir.``, ``Ns.``, ``Prof.``,
   ``H.``, ``Hj.``, ``apt.``): ``Dra. Sri Wahyuni, M.Kes.`` is ``Sri Wahyuni``;
4. the rest is slugified like Pelican does (lower case, ASCII, hyphens): comparison is case-insensitive.

A name whose core gives no slug (only punctuation) is shown but gets no page.

Organization or Person: a name is an Organization when its first word is one of ``BYLINES_ORGANIZATION_WORDS``
(``Humas``, ``Tim``, ``Dok.``, ``Redaksi``, ``Biro``, ``Balai``, ``Loka``, ``Sentra``, ``Kementerian``, ...) or
when it is the unit's own name, English name or short name (any case); every other name is a Person.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from warta.adapter.settings import PluginSettings
from warta.model import urls
from warta.model.contract import make_slug

# The order of the credit block, the JSON-LD and the person pages.
ROLES = ("writer", "editor", "translator", "photographer")
DEFAULTS = {
    # First words that make a name an Organization (compared in lower case, trailing dot dropped).
    "BYLINES_ORGANIZATION_WORDS": (
        "humas",
        "tim",
        "team",
        "dok",
        "dokumentasi",
        "redaksi",
        "biro",
        "balai",
        "loka",
        "sentra",
        "kementerian",
        "kemensos",
        "ministry",
        "direktorat",
        "dinas",
        "pusat",
        "panti",
        "bagian",
        "subbagian",
    ),
    # Context lists whose items can credit people; galleries come with the galleries plugin.
    "BYLINES_CONTENT_LISTS": ("articles", "pages", "galleries"),
}
PREFIX_TITLES = {"prof", "dr", "drs", "dra", "ir", "ns", "h", "hj", "apt"}
_DOTTED_DEGREE = re.compile(r"^[A-Za-z]{1,4}\.(?:[A-Za-z]{1,4}\.?)+$")


@dataclass(frozen=True)
class Person:
    """One credited name: ``name`` exactly as written, ``url`` of its person page relative to the site (or "")."""

    name: str
    slug: str
    url: str
    organization: bool


@dataclass(frozen=True)
class Role:
    """One role of a content item and the people credited in it, in written order."""

    key: str
    people: tuple[Person, ...]


settings_of = PluginSettings(DEFAULTS).all  # the plugin's settings: the defaults overridden by the build's


def core_name(name: str) -> str:
    """The name without degrees and leading titles (see the module docstring)."""
    words = name.split(",", maxsplit=1)[0].split()
    while len(words) > 1 and _DOTTED_DEGREE.match(words[-1]):
        words.pop()
    while len(words) > 1 and words[0].endswith(".") and words[0].rstrip(".").lower() in PREFIX_TITLES:
        words.pop(0)
    return " ".join(words)


def person_slug(name: str) -> str:
    """The stable slug of a person's page; "" when the name has no letters or digits."""
    return make_slug(core_name(name))


def lang_prefix(lang: str, default_lang: str) -> str:
    """The output folder of a language: none for the default, ``en/`` for English."""
    return "" if not lang or lang == default_lang else f"{lang}/"


def person_url(slug: str, prefix: str = "") -> str:
    return prefix + urls.PERSON["url"].format(slug=slug) if slug else ""


def credits_of(content, settings) -> list[Role]:
    """The roles credited on ``content`` (lists ``writer``, ``editor``, ...), each name once per role."""
    unit = settings.get("UNIT")
    own_names = (unit.name, unit.name_en, unit.short_name) if unit else ()
    prefix = lang_prefix(getattr(content, "lang", ""), settings.get("DEFAULT_LANG", "id"))
    names = tuple(tuple(getattr(content, key, None) or ()) for key in ROLES)
    words = tuple(settings_of(settings)["BYLINES_ORGANIZATION_WORDS"])
    return list(roles_of(names, prefix, own_names, words))


@functools.lru_cache(maxsize=4096)  # pure, of frozen values: the same writers and teams credit thousands of items
def roles_of(names: tuple, prefix: str, own_names: tuple, organization_words: tuple) -> tuple[Role, ...]:
    """The roles of ``names`` (one tuple of names per role of ROLES), each name once per role."""
    roles = []
    for key, role_names in zip(ROLES, names, strict=True):
        people, seen = [], set()
        for name in role_names:
            slug = person_slug(name)
            if (slug or name) in seen:
                continue
            seen.add(slug or name)
            organization = is_organization(name, own_names, organization_words)
            people.append(Person(name, slug, person_url(slug, prefix), organization))
        if people:
            roles.append(Role(key, tuple(people)))
    return tuple(roles)


def is_organization(name: str, own_names: tuple[str, ...], organization_words: tuple[str, ...]) -> bool:
    """True for a team, an office or the unit itself (``own_names``: its names) rather than a person."""
    folded = name.strip().casefold()
    first_word = folded.split()[0].rstrip(".:") if folded else ""
    return first_word in organization_words or folded in {n.casefold() for n in own_names if n}


def credits_for(content, settings) -> list[Role]:
    """The credits of any content item: those attached when it was made, else made now (galleries, tests)."""
    found = getattr(content, "credits", None)
    return found if found is not None else credits_of(content, settings)
