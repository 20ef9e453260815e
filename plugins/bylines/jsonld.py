"""schema.org JSON-LD for any content item with credits: NewsArticle, WebPage, ImageGallery."""

from __future__ import annotations

import json
from urllib.parse import quote

from markupsafe import Markup

# schema.org property of each credit role; photographers are contributors.
SCHEMA_PROPERTY = {"writer": "author", "editor": "editor", "translator": "translator", "photographer": "contributor"}
# Characters that could end the <script> or confuse an HTML parser, as JSON escapes (still the same JSON).
_HTML_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def absolute(unit, path: str) -> str:
    """``path`` (relative to the unit folder or the site) as an absolute URL under the unit's site_url."""
    return f"{unit.site_url}/{quote(path.strip().removeprefix('./').lstrip('/'))}"


def publisher_of(unit, lang: str) -> dict:
    """The unit as the publishing Organization, with its logo when it has one."""
    publisher = {
        "@type": "Organization",
        "name": unit.name_en if lang == "en" and unit.name_en else unit.name,
        "url": f"{unit.site_url}/",
    }
    if unit.logo:
        publisher["logo"] = {"@type": "ImageObject", "url": absolute(unit, unit.logo)}
    return publisher


def person_of(person, unit) -> dict:
    """A credited name as written, as Person or Organization, linked to its person page."""
    found = {"@type": "Organization" if person.organization else "Person", "name": person.name}
    if person.url:
        found["url"] = absolute(unit, person.url)
    return found


def jsonld_of(content, schema_type: str, credits, unit, default_lang: str = "id") -> dict:
    """The JSON-LD object of ``content`` as ``schema_type``, from its ``credits`` (people.credits_of)."""
    lang = getattr(content, "lang", None) or default_lang
    title = str(getattr(content, "title", ""))
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": title,
        "name": title,  # what an ImageGallery or WebPage is called; headline is an article's
        "url": absolute(unit, getattr(content, "url", "")),
        "inLanguage": lang,
    }
    if summary := str(getattr(content, "summary_text", "") or "").strip():
        data["description"] = summary
    date = getattr(content, "date", None)
    if date:
        data["datePublished"] = date.isoformat()
        data["dateModified"] = (getattr(content, "modified", None) or date).isoformat()
    # The cover's social card (made by the galleries plugin; camera files are never published), else the logo.
    image = getattr(content, "og_image", None) or (absolute(unit, unit.logo) if unit.logo else None)
    if image:
        data["image"] = image
    data["publisher"] = publisher_of(unit, lang)
    for role in credits:
        data[SCHEMA_PROPERTY[role.key]] = [person_of(person, unit) for person in role.people]
    return data


def script_json(data: dict) -> Markup:
    """``data`` as JSON safe inside ``<script>``: ``</script>`` and ``<!--`` cannot appear."""
    text = json.dumps(data, ensure_ascii=False)
    for character, escaped in _HTML_UNSAFE.items():
        text = text.replace(character, escaped)
    return Markup(text)
