"""The web editor: its configuration follows the contract for every unit, its file format round-trips every file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from plugins.editor.admin import Login, content_security_policy, editor_config, key_names, login_from
from warta.model.contract import CREDIT_KEYS, PLAIN_KEYS, canonical_key, parse_document
from warta.model.translations import CATEGORY_NAMES_EN
from warta.model.units import load_unit, unit_slugs

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
FORMAT = (REPO / "editor" / "warta-format.js").as_uri()
GITHUB = Login(backend="github", repo="kemensos/warta", base_url="https://auth.example.go.id")


def fields_of(collection: dict) -> dict[str, dict]:
    return {field["name"]: field for field in collection["fields"]}


@pytest.mark.parametrize("slug", unit_slugs(CONTENT))
def test_configuration_follows_the_contract_for_every_example_unit(slug):
    unit = load_unit(CONTENT / slug)
    config = editor_config(unit, GITHUB)
    collections = {c["name"]: c for c in config["collections"]}
    base = f"content/{slug}"
    assert collections["berita"]["folder"] == f"{base}/news" and collections["berita"]["path"] == "{{year}}/{{slug}}"
    assert collections["halaman"]["folder"] == f"{base}/pages"
    assert collections["galeri"]["path"] == "{{slug}}/index" and collections["galeri"]["media_folder"] == ""
    assert config["asset_collections"][0]["media_folder"] == f"/{base}/documents"
    # <name>.md in Indonesian beside <name>.en.md
    assert config["i18n"] == {
        "structure": "multiple_files",
        "locales": ["id", "en"],
        "default_locale": "id",
        "omit_default_locale_from_file_path": True,
    }
    news = fields_of(collections["berita"])
    known = PLAIN_KEYS | set(CREDIT_KEYS.values()) | {"protection", "reviewed", "body", "photos", "warta_layout"}
    for collection in config["collections"]:
        assert set(fields_of(collection)) <= known, collection["name"]
    assert {news[name]["label"] for name in ("title", "date", "writer", "protection", "reviewed")} == {
        "Judul",
        "Tanggal",
        "Penulis",
        "Perlindungan",
        "Ditinjau",
    }
    assert all(news[name]["required"] for name in ("title", "date", "writer"))
    assert "; (titik koma)" in news["writer"]["hint"] and "; (titik koma)" in news["photographer"]["hint"]
    assert set(unit.categories) | set(CATEGORY_NAMES_EN) <= set(news["category"]["options"])
    # What a translation brings of its own: title, summary, body, Penerjemah; the rest comes from the original.
    translated = {name for name, field in news.items() if field.get("i18n") is True}
    assert translated == {"title", "summary", "body", "translator", "warta_layout"}
    photo = {f["name"]: f for f in fields_of(collections["galeri"])["photos"]["fields"]}
    assert photo["alt"]["required"] and "gambarkan isi foto" in photo["alt"]["hint"]
    assert photo["image"]["i18n"] == "duplicate" and photo["caption"]["i18n"] is True
    assert config["publish_mode"] == "editorial_workflow"


def test_new_keys_get_the_names_the_reader_knows():
    names = key_names()
    assert all(canonical_key(name) == field for field, name in names.items())
    assert names["title"] == "Judul" and names["writer"] == "Penulis" and names["photographer"] == "Fotografer"
    assert names["protection"] == "Perlindungan" and names["reviewed"] == "Ditinjau"


def test_login_from_settings_or_environment(monkeypatch):
    assert not login_from({}).configured
    settings = {"CMS_BACKEND": "gitlab", "CMS_REPO": "kemensos/warta", "CMS_APP_ID": "abc"}
    assert login_from(settings).backend_config()["auth_type"] == "pkce"
    monkeypatch.setenv("WARTA_CMS_REPO", "humas/situs")
    monkeypatch.setenv("WARTA_CMS_BASE_URL", "https://git.example.go.id")
    login = login_from(settings)
    assert login.backend_config()["repo"] == "humas/situs"
    assert "https://git.example.go.id" in content_security_policy(login)
    assert "https://cdn" not in content_security_policy(login)


READ_AND_WRITE = f"""
import {{ fromFile, toFile, LAYOUT }} from "{FORMAT}";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const {{ keyNames, files }} = JSON.parse(input);
const out = files.map(([text, gallery, edits]) => {{
  const entry = JSON.parse(JSON.stringify(fromFile(text, {{ gallery }})));
  const again = toFile(entry, {{ gallery, keyNames }});
  Object.assign(entry, edits);
  const {{ [LAYOUT]: _, ...values }} = entry;
  return {{ values, again, edited: toFile(entry, {{ gallery, keyNames }}) }};
}});
console.log(JSON.stringify(out));
"""


def read_and_write(files: list) -> list[dict]:
    """Each ``[text, is_gallery, edits]`` read by the editor's format, written back, edited and written again."""
    done = subprocess.run(
        ["node", "--input-type=module", "-e", READ_AND_WRITE],
        input=json.dumps({"keyNames": key_names(), "files": files}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


EDGE_CASES = [
    "Title: Rapat: Evaluasi Program\r\nDate: 2024-01-02\r\nPenulis: Humas\r\n\r\nIsi\r\nbaris dua\r\n",
    "\ufeffJudul: Ringkasan panjang\nSummary: satu\n    dua\n\ttiga\nPenulis: A, S.Psi.; B\nUnknown: x\n\nIsi",
    "\n\nTitle: Tanpa isi\nTitle: kedua\nPenulis: A",
]


def test_format_reads_every_example_file_as_the_contract_does_and_writes_it_back_unchanged():
    paths = sorted(CONTENT.rglob("*.md"))
    texts = [path.read_bytes().decode("utf-8") for path in paths] + EDGE_CASES
    galleries = [path.parent.parent.name == "galleries" for path in paths] + [False] * len(EDGE_CASES)
    results = read_and_write([[text, gallery, {}] for text, gallery in zip(texts, galleries, strict=True)])
    for text, gallery, result in zip(texts, galleries, results, strict=True):
        assert result["again"] == text
        doc = parse_document(text.removeprefix("\ufeff"), Path("x.md"))  # as read_document decodes it
        values = result["values"]
        assert {key: values[key] for key in doc.fields} == {key: f.value for key, f in doc.fields.items()}
        if not gallery:
            assert values["body"].strip() == doc.body.strip()
        else:
            assert [p["alt"] for p in values["photos"]] == [
                line.split("](")[0][2:] for line in doc.body.splitlines() if line.startswith("![")
            ]


def test_an_edit_changes_only_its_own_line_and_keeps_crlf_and_key_names():
    [result] = read_and_write([[EDGE_CASES[0], False, {"title": "Rapat: Evaluasi", "place": "Bogor"}]])
    assert result["edited"] == (
        "Title: Rapat: Evaluasi\r\nDate: 2024-01-02\r\nPenulis: Humas\r\n"
        f"{key_names()['place']}: Bogor\r\n\r\nIsi\r\nbaris dua\r\n"
    )
    [result] = read_and_write([[EDGE_CASES[1], False, {"summary": "baru\nlagi"}]])
    assert result["edited"].startswith(
        "\ufeffJudul: Ringkasan panjang\nSummary: baru\n    lagi\nPenulis: A, S.Psi.; B\n"
    )
    assert parse_document(result["edited"][1:], Path("x.md")).get("summary") == "baru lagi"


def test_gallery_caption_edit_rewrites_the_photo_lines_in_order():
    text = (CONTENT / "balai-melati/galleries/pelatihan-kehumasan-2024/index.md").read_text(encoding="utf-8")
    [result] = read_and_write([[text, True, {}]])
    photos = result["values"]["photos"]
    photos[1]["caption"] = "Praktik menulis"
    photos.append({"image": "IMG 0005.JPG", "alt": "Peserta berfoto", "caption": ""})
    [edited] = read_and_write([[text, True, {"photos": photos}]])
    lines = edited["edited"].splitlines()
    assert lines[:7] == text.splitlines()[:7]
    assert lines[-4] == '![Peserta pelatihan mencatat materi di kelas, difoto dari samping](02.jpg "Praktik menulis")'
    assert lines[-1] == "![Peserta berfoto](<IMG 0005.JPG>)"


def test_admin_is_published_only_where_configured_with_its_own_policy(site, monkeypatch):
    site.article()
    [build] = site.build()
    assert build.ok and not (site.output / "balai-uji" / "admin").exists()
    monkeypatch.setenv("WARTA_CMS_BACKEND", "github")
    monkeypatch.setenv("WARTA_CMS_REPO", "kemensos/warta")
    monkeypatch.setenv("WARTA_CMS_BASE_URL", "https://auth.example.go.id")
    [build] = site.build()
    admin = site.output / "balai-uji" / "admin"
    assert build.ok, build.log
    policy = site.page("admin").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "connect-src 'self' blob: data: https://api.github.com" in policy and "https://auth.example.go.id" in policy
    article_policy = site.page("berita/2020/pelatihan-kehumasan").find("meta", attrs={"http-equiv": True})["content"]
    assert "api.github.com" not in article_policy and "unsafe-inline" not in article_policy
    settings = json.loads((admin / "warta.json").read_text(encoding="utf-8"))
    assert settings["config"]["backend"]["repo"] == "kemensos/warta" and not settings["local"]
    code = (admin / "sveltia" / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in code and (admin / "fonts" / "source-sans-3-latin-wght-normal.woff2").is_file()
    assert "https://unpkg.com/${e}" not in code and (admin / "sveltia/vendor/pdfjs-dist/build/pdf.min.mjs").is_file()


def test_preview_links_are_the_site_addresses():
    config = editor_config(load_unit(CONTENT / "balai-melati"), GITHUB)
    paths = {c["name"]: c["preview_path"] for c in config["collections"]}
    assert paths == {"berita": "berita/{{year}}/{{slug}}/", "halaman": "{{slug}}/", "galeri": "galeri/{{slug}}/"}


def test_local_saves_keep_a_windows_file_windows():
    from warta.tool.editor_server import keep_line_endings  # noqa: PLC0415

    assert keep_line_endings(b"\xef\xbb\xbfTitle: A\r\n\r\nIsi\r\n", b"Title: B\n\nIsi\n") == (
        b"\xef\xbb\xbfTitle: B\r\n\r\nIsi\r\n"
    )
    assert keep_line_endings(b"Title: A\n\nIsi\n", b"Title: B\n") == b"Title: B\n"
