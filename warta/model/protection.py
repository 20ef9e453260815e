"""Protected people (DESIGN.md): which items are protected, and the editor's review that publishing waits for.

An item is protected when it says ``Perlindungan:`` (any value: who is protected) or its unit says ``protection``
in unit.toml. The faces in its photos are blurred (warta.media.faces); a publishing build refuses it until
``Ditinjau:`` names the editor who checked the blurred photos and the text; a local build shows it marked.
"""

from __future__ import annotations

from warta.model.contract import Document
from warta.model.problems import ERROR, WARNING, Problem


def protection_of(doc: Document, unit_protection: str = "") -> str:
    """Who is protected in the item (its own ``Perlindungan``, else its unit's); empty when nobody is."""
    return doc.get("protection").strip() or (unit_protection or "").strip()


def is_protected(doc: Document, unit_protection: str = "") -> bool:
    return bool(protection_of(doc, unit_protection))


def awaiting_review(doc: Document, unit_protection: str = "") -> bool:
    """Protected, and no editor named in ``Ditinjau``."""
    return is_protected(doc, unit_protection) and not doc.get("reviewed").strip()


def review_problems(doc: Document, unit_protection: str, publishing: bool) -> list[Problem]:
    """A protected item without ``Ditinjau``: an error when publishing, a warning that lists it otherwise."""
    if not awaiting_review(doc, unit_protection):
        return []
    if doc.get("protection").strip():
        line, rule = doc.line_of("protection"), f"{doc.fields['protection'].written_key}: {doc.get('protection')}"
    else:
        line, rule = None, f'unit.toml: protection = "{unit_protection.strip()}"'
    code, severity = ("protection_unreviewed", ERROR) if publishing else ("protection_awaiting_review", WARNING)
    return [Problem.of(doc.path, code, line, severity, rule=rule)]
