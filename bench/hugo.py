"""The same unit as a Hugo site: front matter from the contract's header, minimal templates, both languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from warta.model.contract import parse_date, read_document

CONFIG = """\
baseURL = "https://hugo.example.go.id/"
title = "Hugo"
defaultContentLanguage = "id"
paginate = 10
disableKinds = ["RSS"]
[languages.id]
weight = 1
[languages.en]
weight = 2
[taxonomies]
category = "categories"
tag = "tags"
"""

LAYOUTS = {
    "baseof.html": """\
<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .Params.place }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .Params.tags }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
</article>{{ end }}
""",
    "list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
}

STAMP = ".converted"


def fresh_hugo_site(unit: Path, site: Path) -> str | None:
    """Debian's ``hugo`` (None when not installed), with ``unit`` converted at ``site`` and nothing built there yet."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    write_hugo_site(unit, site)
    for generated in ("public", "resources"):
        shutil.rmtree(site / generated, ignore_errors=True)
    return hugo


def write_hugo_site(unit: Path, site: Path) -> None:
    """Convert ``unit`` (news and pages, with translations) into a Hugo site at ``site``, once."""
    if (site / STAMP).is_file():
        return
    (site / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (site / "config.toml").write_text(CONFIG, encoding="utf-8")
    for name, template in LAYOUTS.items():
        (site / "layouts" / "_default" / name).write_text(template, encoding="utf-8")
    for path in sorted(unit.rglob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        relative = path.relative_to(unit)
        original = read_document(path)
        write_page(site / "content" / relative, original, original)
        translation = path.with_name(path.name.removesuffix(".md") + ".en.md")
        if translation.is_file():
            write_page(site / "content" / relative.with_name(translation.name), read_document(translation), original)
    (site / STAMP).write_text("done\n")


def write_page(target: Path, doc, original) -> None:
    """One content file with YAML front matter (JSON values are YAML); a translation takes the original's fields."""
    matter = {"title": doc.get("title")}
    date = parse_date(original.get("date"), "Asia/Jakarta") if original.get("date") else None
    if date:
        matter["date"] = date.isoformat()
    if original.get("place"):
        matter["place"] = original.get("place")
    if doc.get("summary"):
        matter["summary"] = doc.get("summary")
    if original.get("category"):
        matter["categories"] = [original.get("category")]
    if original.get("tags"):
        matter["tags"] = [tag.strip() for tag in original.get("tags").split(",")]
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in matter.items()]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + doc.body + "\n", encoding="utf-8")
