"""The web editor (Sveltia CMS) at ``/admin/``: its configuration made from unit.toml and the authoring contract.

Nothing here is written per unit: the collections, fields, labels and hints follow DESIGN.md's contract, the
categories come from unit.toml, the login from ``pelicanconf.py`` or the environment (docs/editor-web.md).
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from warta import ROOT
from warta.model import urls
from warta.model.keys import HEADER_KEYS
from warta.model.messages import message
from warta.model.translations import CATEGORY_NAMES_EN
from warta.model.units import Unit

logger = logging.getLogger(__name__)
EDITOR_SOURCE = ROOT / "editor"
NODE_MODULES = ROOT / "node_modules"
SVELTIA_DIST = NODE_MODULES / "@sveltia" / "cms" / "dist"
ADMIN = "admin"
BACKENDS = ("github", "gitlab", "gitea")
# Sveltia's editorial workflow (saving as pull requests) exists for these backends only.
WORKFLOW_BACKENDS = ("github", "gitlab")
# Every setting, named as in pelicanconf.py; the environment variable is WARTA_ + the name.
SETTINGS = ("CMS_BACKEND", "CMS_REPO", "CMS_BRANCH", "CMS_BASE_URL", "CMS_AUTH_ENDPOINT", "CMS_APP_ID", "CMS_API_ROOT")
LOCAL_SETTING = "CMS_LOCAL"

# The names written for keys a file does not have yet: Indonesian where the reader knows it, else the contract's.
NAMES_HINT = "Beberapa nama dipisahkan dengan ; (titik koma), bukan koma: koma dipakai untuk gelar (S.Psi., M.Si.)."
DATE_FORMAT = "YYYY-MM-DD HH:mm"


@dataclass(frozen=True)
class Login:
    """Where the editor saves and how staff sign in; ``local`` is ``invoke cms`` on a laptop."""

    backend: str = ""
    repo: str = ""
    branch: str = "main"
    base_url: str = ""
    auth_endpoint: str = ""
    app_id: str = ""
    api_root: str = ""
    local: bool = False

    @property
    def configured(self) -> bool:
        return self.local or (self.backend in BACKENDS and bool(self.repo))

    def backend_config(self) -> dict:
        if self.local:  # a self-hosted backend: no status checks of a git host; the page sets base_url (admin.js)
            return {"name": "gitea", "repo": self.repo or "kemensos/warta", "branch": self.branch}
        backend = {"name": self.backend or "github", "repo": self.repo or "kemensos/warta", "branch": self.branch}
        optional = {"base_url": self.base_url, "auth_endpoint": self.auth_endpoint, "api_root": self.api_root}
        if self.app_id:  # GitLab, Gitea and Forgejo sign in with PKCE: an OAuth application id, no secret, no proxy
            optional |= {"app_id": self.app_id, "auth_type": "pkce"}
        return backend | {key: value for key, value in optional.items() if value}


def login_from(settings: dict) -> Login:
    """The login from Pelican settings (``CMS_*``), each overridden by the environment (``WARTA_CMS_*``)."""

    def value(name: str) -> str:
        return str(os.environ.get(f"WARTA_{name}") or settings.get(name) or "").strip()

    fields = {name.removeprefix("CMS_").lower(): value(name) for name in SETTINGS}
    fields["branch"] = fields["branch"] or "main"
    return Login(**fields, local=value(LOCAL_SETTING) == "1")


def key_names() -> dict[str, str]:
    """For each field the web editor writes, the key name it writes in a new file: the Indonesian one."""
    return {key: names.indonesian for key, names in HEADER_KEYS.items() if key != "slug"}


def _field(name: str, label: str, widget: str = "string", hint: str = "", required: bool = False, **more) -> dict:
    found = {"name": name, "label": label, "widget": widget, "required": required} | more
    return found | ({"hint": hint} if hint else {})


def _translated(field: dict) -> dict:
    return field | {"i18n": True}


LAYOUT_FIELD = {"name": "warta_layout", "label": "Tata letak berkas", "widget": "hidden", "i18n": True}


def _common_fields(unit: Unit) -> dict[str, dict]:
    categories = sorted({"Berita", *CATEGORY_NAMES_EN, *unit.categories})
    return {
        "title": _translated(_field("title", "Judul", hint="Judul dalam bahasa halaman ini.", required=True)),
        "date": _field(
            "date", "Tanggal", "datetime", "Tanggal dan jam kegiatan (zona waktu unit).", True, format=DATE_FORMAT
        ),
        "modified": _field("modified", "Diperbarui", "datetime", "Isi bila isi diperbarui.", format=DATE_FORMAT),
        "place": _field("place", "Tempat", hint="Kota untuk dateline, mis. Jakarta → JAKARTA (13 November 2024) –."),
        "category": _field("category", "Kategori", "select", "Kosong: Berita.", options=categories),
        "tags": _field("tags", "Tag", hint="Pisahkan dengan koma: kehumasan, pelatihan."),
        "writer": _field("writer", "Penulis", hint=NAMES_HINT, required=True),
        "editor": _field("editor", "Editor", hint=NAMES_HINT),
        "photographer": _field("photographer", "Fotografer", hint=NAMES_HINT),
        "translator": _translated(_field("translator", "Penerjemah", hint=NAMES_HINT)),
        "gallery": _field("gallery", "Galeri", hint="Nama folder galeri foto kegiatan ini, mis. pelatihan-2024."),
        "cover": _field(
            "cover",
            "Sampul",
            "image",
            "Foto untuk daftar berita dan saat dibagikan; kosong: foto pertama galeri.",
            media_folder=f"/{unit_repo_path(unit)}/images",
            public_folder="images",
        ),
        "summary": _translated(_field("summary", "Ringkasan", "text", "Kosong: paragraf pertama.")),
        "status": _field(
            "status",
            "Status",
            "select",
            "Draf tidak diterbitkan.",
            options=[
                {"label": "Draf (tidak diterbitkan)", "value": "draft"},
                {"label": "Terbit", "value": "published"},
            ],
        ),
        "protection": _field(
            "protection",
            "Perlindungan",
            hint="Isi siapa yang dilindungi (mis. anak, korban) bila orang di foto tidak boleh dikenali: wajah "
            "diburamkan dan berita menunggu tinjauan editor.",
        ),
        "reviewed": _field(
            "reviewed", "Ditinjau", hint="Nama editor yang sudah memeriksa foto yang diburamkan dan teksnya."
        ),
        "body": _translated(_field("body", "Isi", "markdown", "Foto dan tautan ditulis relatif terhadap berkas ini.")),
    }


def preview_path(url: dict) -> str:
    """A site URL of warta/model/urls.py as the editor's preview path: its "view on the site" link (the built page)."""
    return url["url"].replace("{date:%Y}", "{{year}}").replace("{slug}", "{{slug}}")


def unit_repo_path(unit: Unit) -> str:
    """The unit folder as the editor sees it: from the repository root (``content/<unit>``)."""
    return f"content/{unit.slug}"


def _photo_list() -> dict:
    photo = [
        _field("image", "Foto", "image", "Unggah dari kamera atau ponsel; nama berkas tetap.", True, i18n="duplicate"),
        _translated(
            _field("alt", "Teks alternatif", hint="Wajib: gambarkan isi foto untuk pembaca tunanetra.", required=True)
        ),
        _translated(_field("caption", "Keterangan", hint="Keterangan foto yang tampil di bawahnya.")),
    ]
    return _translated(
        _field("photos", "Foto", "list", "Urutan di sini urutan tampil.", True, fields=photo, summary="{{fields.alt}}")
    )


def collections(unit: Unit) -> list[dict]:
    """Berita, Halaman, Galeri and Dokumen of ``unit``, each field as the contract names it."""
    common = _common_fields(unit)
    base = unit_repo_path(unit)
    pick = [common[name] for name in ("title", "date", "modified", "place", "category", "tags")]
    credits = [common[name] for name in ("writer", "editor", "photographer", "translator")]
    marks = [common[name] for name in ("summary", "status", "protection", "reviewed")]
    page_writer = common["writer"] | {"required": False}
    return [
        {
            "name": "berita",
            "label": "Berita",
            "label_singular": "Berita",
            "description": "Berita kegiatan; terjemahan bahasa Inggris tersimpan di sebelahnya: nama-berkas.en.md.",
            "folder": f"{base}/news",
            "path": "{{year}}/{{slug}}",
            "format": "warta",
            "create": True,
            "i18n": True,
            "media_folder": f"/{base}/images",
            "public_folder": "../../images",
            "summary": "{{title}}",
            "preview_path": preview_path(urls.ARTICLE),
            "preview_path_date_field": "date",
            "sortable_fields": {"fields": ["date", "title"], "default": {"field": "date", "direction": "descending"}},
            "fields": [*pick, *credits, common["gallery"], common["cover"], *marks, common["body"], LAYOUT_FIELD],
        },
        {
            "name": "halaman",
            "label": "Halaman",
            "label_singular": "Halaman",
            "description": "Halaman tetap: profil, layanan, ppid, pengaduan, kontak, aksesibilitas.",
            "folder": f"{base}/pages",
            "path": "{{slug}}",
            "format": "warta",
            "create": True,
            "i18n": True,
            "media_folder": f"/{base}/images",
            "public_folder": "../images",
            "preview_path": preview_path(urls.PAGE),
            "fields": [
                common["title"],
                common["modified"],
                page_writer,
                *credits[1:],
                *marks,
                common["body"],
                LAYOUT_FIELD,
            ],
        },
        {
            "name": "galeri",
            "label": "Galeri",
            "label_singular": "Galeri",
            "description": "Galeri foto: satu folder berisi index.md dan foto-fotonya.",
            "folder": f"{base}/galleries",
            "path": "{{slug}}/index",
            "format": "warta-galeri",
            "create": True,
            "i18n": True,
            "media_folder": "",
            "public_folder": "",
            "preview_path": preview_path(urls.GALLERY),
            "fields": [
                common["title"],
                common["date"] | {"required": False},
                common["place"],
                common["photographer"],
                common["summary"],
                common["protection"],
                common["reviewed"],
                _photo_list(),
                LAYOUT_FIELD,
            ],
        },
    ]


def editor_config(unit: Unit, login: Login) -> dict:
    """Sveltia CMS's configuration for ``unit``: one backend, the contract's collections, both languages."""
    config = {
        "load_config_file": False,
        "backend": login.backend_config(),
        "site_url": None if login.local else unit.site_url,  # local: the page's own address (editor/admin.js)
        "logo_url": f"/{unit.logo}" if unit.logo else None,
        "media_folder": f"{unit_repo_path(unit)}/images",
        "public_folder": "/images",
        "media_libraries": {"default": {"config": {"slugify_filename": False}}},
        "i18n": {
            "structure": "multiple_files",
            "locales": ["id", "en"],
            "default_locale": "id",
            "omit_default_locale_from_file_path": True,
            # A translation is optional (DESIGN.md): a new item starts in Indonesian only, and English is added
            # ("Aktifkan Inggris") or removed per item. With every language on at the start, Sveltia demanded an
            # English title before it saved a new article, and wrote an .en.md for each.
            "initial_locales": "default",
        },
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(unit),
        # Documents are files, not entries: a folder of the asset library, linked from pages and articles.
        "asset_collections": [
            {
                "name": "dokumen",
                "label": "Dokumen",
                "media_folder": f"/{unit_repo_path(unit)}/documents",
                "public_folder": "../documents",
                "icon": "description",
            },
        ],
    }
    if not login.local and login.backend in WORKFLOW_BACKENDS:
        config["publish_mode"] = "editorial_workflow"
    return {key: value for key, value in config.items() if value is not None}


# Where each backend's API and sign-in live when the settings do not say.
DEFAULT_HOSTS = {
    "github": ("https://api.github.com", "https://www.githubstatus.com"),
    "gitlab": ("https://gitlab.com", "https://status.gitlab.com"),
    "gitea": ("https://gitea.com",),
}
AVATARS = ("https://avatars.githubusercontent.com", "https://secure.gravatar.com")


def content_security_policy(login: Login) -> str:
    """The Content-Security-Policy of /admin/ only (the site's own stays strict).

    The editor talks to its git host's API, shows avatars and blob: previews of uploads; Svelte sets inline styles.
    """
    hosts = {} if login.local else dict.fromkeys(DEFAULT_HOSTS.get(login.backend, ()))
    for url in (login.base_url, login.api_root):
        if url and not login.local:
            parts = urlsplit(url)
            hosts[f"{parts.scheme}://{parts.netloc}"] = None
    remote = "".join(f" {host}" for host in hosts)
    avatars = "" if login.local else "".join(f" {host}" for host in AVATARS)
    return (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"connect-src 'self' blob: data:{remote}; "
        f"img-src 'self' data: blob:{remote}{avatars}; media-src 'self' blob:; font-src 'self' data:; "
        "worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


# Sveltia fetches its fonts and a version check from CDNs; the copy we serve reads them from our own site instead
# (the fonts pinned in package.json). A URL missing from a new version is an error, so an upgrade cannot bring one.
CDN_FONTS = "https://cdn.jsdelivr.net/fontsource/fonts/"
FONTS = {
    "source-sans-3:vf@5.3.0/latin-wght-normal.woff2": "@fontsource-variable/source-sans-3/files/"
    "source-sans-3-latin-wght-normal.woff2",
    "noto-mono@5.3.0/latin-400-normal.woff2": "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": "@fontsource-variable/material-symbols-outlined/"
    "files/material-symbols-outlined-latin-wght-normal.woff2",
}
VERSION_CHECK = ("var NSe=`${iP}/package.json`", "var NSe=`./sveltia/package.json`")
# Libraries Sveltia imports on demand from unpkg (PDF thumbnails in the Dokumen folder, SVG clean-up): our copies.
ON_DEMAND = (
    "JW=e=>{let t=`https://unpkg.com/${e}`,n=Kfe[e]?.replace(/^\\D/,``);return n?`${t}@${n}`:t}",
    "JW=e=>new URL(`vendor/${e}`,qW).href",
)
# Sveltia 0.221.1's language switcher reads the validity of every language, but a save validates only the languages
# an entry has (validateDraft keeps the locales of currentValues): saving an item without English (a page or gallery
# with no English file, a new article) threw "TypeError: Cannot convert undefined or null to object" from
# Object.values. An unchecked language has no error (locale-switcher.svelte, `hasError`).
UNCHECKED_LANGUAGE = (
    "s=k(()=>Object.values(R(l)[t]).some(({valid:e})=>!e))",
    "s=k(()=>Object.values(R(l)[t]??{}).some(({valid:e})=>!e))",
)
# Sveltia has no Indonesian interface, and fetches every language but English from unpkg. The copy we serve offers
# Indonesian (editor/locales/id.json, English where a string is not translated yet) and English, from our own site;
# Indonesian unless the person chose English in Settings, whatever the browser's language; no copy of the strings
# kept in localStorage, which Sveltia would only renew with its own version, not with our translation.
INTERFACE_LANGUAGES = (
    "jQ=`ar,bg,ca,cs,da,de,el,en-CA,en-GB,en-US,es-CO,fa,fi,fr,hr,it,ja,ko,nl,pl,pt-BR,pt-PT,ru,sv,tr,uk,vi,zh-CN,zh-TW`",
    "jQ=`id,en-US`",
)
INDONESIAN_FIRST = ("MQ=()=>{let e=pne();return e&&jQ.includes(e)?e:AQ}", "MQ=()=>`id`")
OUR_TRANSLATIONS = ("USe=`${iP}@${rP}/locales`", "USe=`./sveltia/locales`")
NO_STALE_TRANSLATIONS = ("LQ=()=>!0,", "LQ=()=>!1,")
PATCHES = (
    VERSION_CHECK,
    ON_DEMAND,
    UNCHECKED_LANGUAGE,
    INTERFACE_LANGUAGES,
    INDONESIAN_FIRST,
    OUR_TRANSLATIONS,
    NO_STALE_TRANSLATIONS,
)
INTERFACE_TRANSLATIONS = EDITOR_SOURCE / "locales"
VENDOR = {
    "pdfjs-dist": ("build/pdf.min.mjs", "build/pdf.worker.min.mjs", "standard_fonts", "wasm", "iccs"),
    "svgo": ("dist/svgo.browser.js",),
}


def copy_sveltia(target: Path) -> None:
    """Sveltia's code into ``target`` (``admin/sveltia``), reading fonts and its version from ``admin/``."""
    shutil.copytree(SVELTIA_DIST, target, ignore=shutil.ignore_patterns("*.map"), dirs_exist_ok=True)
    shutil.copy2(SVELTIA_DIST.parent / "package.json", target / "package.json")
    script = (SVELTIA_DIST / "sveltia-cms.js").read_text(encoding="utf-8")
    replacements = [(CDN_FONTS + url, f"fonts/{Path(local).name}") for url, local in FONTS.items()]
    for old, new in [*replacements, *PATCHES]:
        if old not in script:
            raise ValueError(f"editor: {old} is no longer in Sveltia's code: update plugins/editor/admin.py")
        script = script.replace(old, new)
    (target / "sveltia-cms.js").write_text(script, encoding="utf-8")
    shutil.copytree(INTERFACE_TRANSLATIONS, target / "locales", dirs_exist_ok=True)
    for package, parts in VENDOR.items():
        for part in parts:
            source, copy = NODE_MODULES / package / part, target / "vendor" / package / part
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, copy, dirs_exist_ok=True)
            else:
                shutil.copy2(source, copy)
    (target.parent / "fonts").mkdir(exist_ok=True)
    for local in FONTS.values():
        shutil.copy2(NODE_MODULES / local, target.parent / "fonts" / Path(local).name)


def write_admin(target: Path, unit: Unit, login: Login) -> None:
    """``target`` (``output/<unit>/admin``): the editor's page, its code from node_modules, its configuration."""
    if not SVELTIA_DIST.is_dir():
        raise FileNotFoundError(f"{message('editor_not_installed')} ({message('editor_not_installed', 'en')})")
    target.mkdir(parents=True, exist_ok=True)
    copy_sveltia(target / "sveltia")
    for name in ("admin.js", "warta-format.js", "local-folder.js"):
        shutil.copy2(EDITOR_SOURCE / name, target / name)
    page = (EDITOR_SOURCE / "index.html").read_text(encoding="utf-8")
    page = page.replace("{csp}", content_security_policy(login)).replace("{unit_name}", html.escape(unit.short_name))
    (target / "index.html").write_text(page, encoding="utf-8")
    settings = {"config": editor_config(unit, login), "keyNames": key_names(), "local": login.local}
    (target / "warta.json").write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
