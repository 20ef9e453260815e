"""What every plugin's template helpers need to know of the page being rendered."""

from __future__ import annotations

from warta.model.languages import DEFAULT_LANG


def page_lang(context) -> str:
    """The language of the page being rendered: its article's or page's, else the listing's, else the default.

    ``context`` is the template's (Jinja's), holding what Pelican passes to the template and every setting.
    """
    for name in ("article", "page"):
        lang = getattr(context.get(name), "lang", None)
        if lang:
            return lang
    return context.get("lang") or context.get("DEFAULT_LANG") or DEFAULT_LANG
