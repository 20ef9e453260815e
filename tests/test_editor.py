"""The web editor: its configuration follows the contract for every unit, its file format round-trips every file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plugins.editor.admin import (
    INTERFACE_TRANSLATIONS,
    SVELTIA_DIST,
    Login,
    content_security_policy,
    editor_config,
    key_names,
    login_from,
)
from warta import ROOT
from warta.model.contract import CREDIT_KEYS, PLAIN_KEYS, canonical_key, parse_document
from warta.model.translations import CATEGORY_NAMES_EN
from warta.model.units import load_unit, unit_slugs

CONTENT = ROOT / "content"
FORMAT = (ROOT / "editor" / "warta-format.js").as_uri()
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
    # <name>.md in Indonesian beside <name>.en.md, the translation added when there is one
    assert config["i18n"] == {
        "structure": "multiple_files",
        "locales": ["id", "en"],
        "default_locale": "id",
        "omit_default_locale_from_file_path": True,
        "initial_locales": "default",
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
    # Sveltia has no pull requests for Gitea/Forgejo: saves go to CMS_BRANCH (docs/editor-web.md).
    gitea = Login(backend="gitea", repo="kemensos/warta", branch="suntingan", app_id="abc")
    assert "publish_mode" not in editor_config(unit, gitea)


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
    assert "/locales`" in code and "@${rP}/locales" not in code and (admin / "sveltia/locales/id.json").is_file()


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


# What Sveltia 0.221.1 does around a custom format (src/lib/services/contents/file/parse.js and format.js of its
# source map): the text it read is trimmed and made LF before fromFile, what toFile returns is trimmed and ends with
# one LF. The hosted editor reads and commits the stored file (the blob) through the git host's API.
HOSTED_SAVE = f"""
import {{ fromFile, toFile }} from "{FORMAT}";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const {{ text, edits, keyNames }} = JSON.parse(input);
const entry = {{ ...fromFile(text.trim().replace(/\\r\\n?/g, "\\n")), ...edits }};
process.stdout.write(`${{toFile(entry, {{ keyNames }}).trim()}}\\n`);
"""
ARTICLE = "content/balai-melati/news/2024/asesmen-anak-berhadapan-dengan-hukum.md"


def hosted_save(stored: bytes, edits: dict) -> bytes:
    """The file the hosted editor commits after opening ``stored`` and changing ``edits``."""
    request = {"text": stored.decode("utf-8"), "edits": edits, "keyNames": key_names()}
    script = ["node", "--input-type=module", "-e", HOSTED_SAVE]
    done = subprocess.run(script, input=json.dumps(request).encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def git(where: Path, *args: str) -> bytes:
    identity = ("-c", "user.name=Humas", "-c", "user.email=humas@example.go.id")
    return subprocess.run(["git", *identity, *args], cwd=where, capture_output=True, check=True).stdout


def test_a_windows_checkout_and_the_hosted_editor_show_only_the_changed_line(tmp_path):
    """Staff on Windows (CRLF files) and staff in the hosted editor (LF) edit one file: git shows only real changes."""
    hosted, windows = tmp_path / "hosted", tmp_path / "windows"
    git(tmp_path, "init", "--quiet", "--initial-branch=main", str(hosted))
    (hosted / ARTICLE).parent.mkdir(parents=True)
    shutil.copy(ROOT / ".gitattributes", hosted / ".gitattributes")
    shutil.copy(ROOT / ARTICLE, hosted / ARTICLE)
    git(hosted, "add", ".")
    git(hosted, "commit", "--quiet", "-m", "Berita")
    git(tmp_path, "-c", "core.autocrlf=true", "clone", "--quiet", str(hosted), str(windows))
    git(windows, "config", "core.autocrlf", "true")  # Git for Windows' default
    checked_out = (windows / ARTICLE).read_bytes()
    assert checked_out.count(b"\r\n") == checked_out.count(b"\n") > 10

    # The hosted editor: an unchanged save is the stored file itself, so there is nothing to commit.
    stored = git(hosted, "cat-file", "blob", f"HEAD:{ARTICLE}")
    assert b"\r" not in stored and hosted_save(stored, {}) == stored
    (hosted / ARTICLE).write_bytes(hosted_save(stored, {"title": "Balai Melati: Asesmen bagi Anak"}))
    git(hosted, "commit", "--quiet", "-am", "Judul")

    # The Windows checkout takes it: still CRLF, nothing changed locally, one line changed in the history.
    git(windows, "pull", "--quiet")
    pulled = (windows / ARTICLE).read_bytes()
    assert pulled.startswith(b"Judul: Balai Melati: Asesmen bagi Anak\r\nTanggal:")
    assert pulled.count(b"\r\n") == pulled.count(b"\n") and git(windows, "status", "--porcelain") == b""
    assert git(windows, "diff", "--numstat", "HEAD~1", "HEAD") == f"1\t1\t{ARTICLE}\n".encode()

    # A Windows editor saves CRLF; with core.autocrlf or without it (.gitattributes: *.md text) the repository
    # stores LF, the diff is the one line, and the hosted editor opens and saves it unchanged.
    (windows / ARTICLE).write_bytes(pulled.replace(b"Tempat: Jakarta\r\n", b"Tempat: Jakarta Timur\r\n"))
    for autocrlf in ("true", "false"):  # only Markdown is declared text: the file, not the whole checkout
        assert git(windows, "-c", f"core.autocrlf={autocrlf}", "diff", "--numstat", "--", ARTICLE) == (
            f"1\t1\t{ARTICLE}\n".encode()
        )
    git(windows, "-c", "core.autocrlf=false", "commit", "--quiet", "-m", "Tempat", "--", ARTICLE)
    stored = git(windows, "cat-file", "blob", f"HEAD:{ARTICLE}")
    assert b"\r" not in stored and b"\nTempat: Jakarta Timur\n" in stored and hosted_save(stored, {}) == stored


def test_the_repository_stores_every_markdown_file_with_lf():
    """A CRLF file committed around .gitattributes (an upload on the git host's web page) would be rewritten whole
    by the hosted editor's first save, which writes LF: every line would show as changed."""
    stored = git(ROOT, "ls-files", "--eol", "--", ":(glob)content/**/*.md").decode().splitlines()
    assert len(stored) > 20 and [line for line in stored if not line.startswith(("i/lf ", "i/none "))] == []


def flat_strings(strings: dict, prefix: str = "") -> dict[str, str]:
    found = {}
    for key, value in strings.items():
        found |= flat_strings(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key: value}
    return found


def test_the_indonesian_interface_names_only_what_sveltia_has_and_keeps_its_placeholders():
    english = flat_strings(json.loads((SVELTIA_DIST.parent / "locales" / "en-US.json").read_text(encoding="utf-8")))
    indonesian = flat_strings(json.loads((INTERFACE_TRANSLATIONS / "id.json").read_text(encoding="utf-8")))
    assert set(indonesian) <= set(english)
    placeholders = re.compile(r"\{\$(\w+)").findall
    assert [
        key for key, text in indonesian.items() if not set(placeholders(text)) <= set(placeholders(english[key]))
    ] == []
    # What staff meet: sign-in, lists, forms, uploads, checks, the text editor's toolbar (the rest is for developers).
    staff = [key for key in english if not key.startswith(("config.", "cloud_storage.", "open_authoring."))]
    assert len(set(staff) - set(indonesian)) <= 5
    assert indonesian["save"] == "Simpan" and indonesian["_sui.text_editor.bold"] == "Tebal"
