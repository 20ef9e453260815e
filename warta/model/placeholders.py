"""Text that ``invoke new`` and ``invoke new_unit`` write for staff to replace, and the check that it was replaced.

A draft may hold it; an item that is published may not (``[Tulis visi unit.]`` on a live profile page).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from warta.model.contract import Document, is_draft
from warta.model.problems import Problem

SKELETON = Path(__file__).resolve().parent / "skeleton"
# The alt text ``invoke new --gallery`` writes: it passes "alt text required" in a draft, never once published.
ALT_TEXT = "TULIS TEKS ALTERNATIF: apa yang tampak di foto ini"
ARTICLE_BODY = (
    "Tulis isi berita di sini. Paragraf pertama menjawab apa, siapa, kapan, di mana, mengapa, dan bagaimana.",
    "Paragraf berikutnya memberi rincian, kutipan narasumber, dan keterangan tambahan.",
)
# ``[Tulis visi unit.]``, ``[nama]``: bracketed text in the skeleton pages that is no link.
_BRACKETED = re.compile(r"\[[^\]\n{}]+\](?![(\[:])")


@cache
def skeleton_placeholders() -> frozenset[str]:
    found = set()
    for page in sorted((SKELETON / "pages").glob("*.md")):
        found.update(_BRACKETED.findall(page.read_text(encoding="utf-8")))
    return frozenset(found)


@cache
def placeholders() -> tuple[str, ...]:
    """Longest first, so a line is named by the fullest placeholder it holds."""
    return tuple(sorted({ALT_TEXT, *ARTICLE_BODY, *skeleton_placeholders()}, key=len, reverse=True))


def placeholder_problems(doc: Document) -> list[Problem]:
    """An error on each body line of a published item that still holds a placeholder."""
    if is_draft(doc):
        return []
    left = [text for text in placeholders() if text in doc.body]  # most bodies hold none: one pass each
    problems = []
    for offset, line in enumerate(doc.body.splitlines() if left else []):
        found = next((text for text in left if text in line), None)
        if found:
            problems.append(Problem.of(doc.path, "placeholder_left", doc.body_line + offset, text=found))
    return problems
