"""unit.toml: every mistake is an error naming the file (and line), in Indonesian or English."""

from pathlib import Path

import pytest

from warta.model.units import is_inside, load_unit, path_in_unit, plain_path_below, read_unit, relative_in_unit
from warta.tool.check import check_unit

GOOD = """\
name = "Balai Rehabilitasi Sosial Anak Melati Jakarta"
site_url = "https://melati.example.go.id/"
timezone = "Asia/Makassar"

[contact]
phone = "021-555-0123"

[categories]
Kegiatan = "Activities"
"""


def messages(site, slug="balai-uji", lang="id"):
    unit, problems = read_unit(site.content / slug)
    return unit, [p.format(lang, site.root) for p in problems]


def test_a_good_unit_fills_defaults(site):
    site.unit(toml=GOOD)
    unit = load_unit(site.content / "balai-uji")
    assert unit.slug == "balai-uji"
    assert unit.site_url == "https://melati.example.go.id"
    assert unit.short_name == unit.name_en == unit.name
    assert unit.timezone == "Asia/Makassar"
    assert unit.contact == {"phone": "021-555-0123"}
    assert unit.categories == {"Kegiatan": "Activities"}


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            'name = "x\nsite_url = "https://a.go.id"\n',
            "content/balai-uji/unit.toml:1: kesalahan: unit.toml tidak dapat dibaca",
        ),
        ('site_url = "https://a.go.id"\n', "content/balai-uji/unit.toml: kesalahan: keterangan wajib 'name' belum ada"),
        ('name = "Balai"\n', "content/balai-uji/unit.toml: kesalahan: keterangan wajib 'site_url' belum ada"),
        (
            'name = "Balai"\nsite_url = "https://a.go.id"\nshortname = "B"\n',
            "content/balai-uji/unit.toml:3: kesalahan: keterangan 'shortname' tidak dikenal",
        ),
        (
            'name = "Balai"\nsite_url = "melati.go.id"\n',
            "content/balai-uji/unit.toml:2: kesalahan: 'site_url' harus berupa alamat situs lengkap",
        ),
        (
            'name = "Balai"\nsite_url = "https://a.go.id"\n\n[contact]\nfax = "1"\n',
            "content/balai-uji/unit.toml:5: kesalahan: keterangan 'contact.fax' tidak dikenal",
        ),
        (
            'name = "Balai"\nsite_url = "https://a.go.id"\ntimezone = "Asia/Bandung"\n',
            "content/balai-uji/unit.toml:3: kesalahan: zona waktu 'Asia/Bandung' tidak dikenal",
        ),
        (
            'name = "Balai"\nsite_url = "https://a.go.id"\nlogo = "images/logo.png"\n',
            "content/balai-uji/unit.toml:3: kesalahan: berkas 'images/logo.png' yang disebut 'logo' tidak ada",
        ),
        (
            'name = 3\nsite_url = "https://a.go.id"\n',
            "content/balai-uji/unit.toml:1: kesalahan: 'name' ditulis dalam bentuk yang salah; "
            'tulis seperti ini: name = "..."',
        ),
    ],
)
def test_unit_toml_errors_name_the_file_and_line(site, toml, expected):
    site.unit(toml=toml)
    unit, found = messages(site)
    assert unit is None
    assert any(message.startswith(expected) for message in found), found


def test_unit_toml_errors_in_english(site):
    site.unit(toml='name = "Balai"\nsite_url = "https://a.go.id"\nsite-url = "x"\n')
    _unit, found = messages(site, lang="en")
    assert found[0].startswith("content/balai-uji/unit.toml:3: error: unknown setting 'site-url'")


def test_a_logo_outside_the_unit_is_refused(site):
    (site.content / "secret.png").write_bytes(b"x")
    site.unit(toml='name = "B"\nsite_url = "https://a.go.id"\nlogo = "../secret.png"\n')
    unit, found = messages(site)
    assert unit is None and "logo" in found[0]


def test_a_unit_folder_without_unit_toml(site):
    (site.content / "loka-baru").mkdir()
    problems = check_unit(site.content / "loka-baru", root=site.root)
    assert (
        problems[0]
        .format("id", site.root)
        .startswith("content/loka-baru: kesalahan: folder unit ini tidak punya berkas unit.toml")
    )


def test_a_path_is_plainly_below_only_without_links_or_parent_steps(tmp_path):
    (tmp_path / "unit" / "news").mkdir(parents=True)
    (tmp_path / "unit" / "news" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "unit" / "linked").symlink_to(tmp_path / "elsewhere")
    unit = tmp_path / "unit"
    assert plain_path_below(unit, unit / "news" / "a.md") == "news/a.md"
    assert plain_path_below(f"{unit}/", unit) == ""
    assert plain_path_below(unit, unit / "linked" / "b.md") is None
    assert plain_path_below(unit, unit / "news" / ".." / "news" / "a.md") is None
    assert plain_path_below(unit, tmp_path / "unit-2" / "a.md") is None  # a name that merely starts like the folder
    assert path_in_unit(unit, unit / "news" / "a.md") == Path("news/a.md") and path_in_unit(unit, unit) == Path(".")
    assert path_in_unit(unit, unit / "news" / ".." / "news" / "a.md") == Path("news/a.md")  # resolved
    assert path_in_unit(unit, unit / "linked" / "b.md") is None
    assert is_inside(unit, unit / "news" / ".." / "news" / "a.md", must_exist=True)  # resolved: still inside
    assert not is_inside(unit, unit / "linked" / "b.md")


def test_relative_in_unit_is_path_in_unit_on_strings(tmp_path):
    (tmp_path / "unit" / "news").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "unit" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "unit" / "inward").symlink_to(tmp_path / "unit" / "news")
    unit = tmp_path / "unit"
    cases = [
        unit / "news" / "a.md",
        unit,
        unit / "news" / ".." / "news" / "a.md",  # not plain: resolved, still inside
        unit / "linked" / "b.md",  # a link out of the unit
        unit / "inward" / "c.md",  # a link that stays inside: where it ends
        tmp_path / "unit-2" / "a.md",
    ]
    expected = ["news/a.md", ".", "news/a.md", None, "news/c.md", None]
    assert [relative_in_unit(unit, path) for path in cases] == expected
    assert [relative_in_unit(str(unit) + "/", str(path)) for path in cases] == expected
    assert [path_in_unit(unit, path) for path in cases] == [None if e is None else Path(e) for e in expected]
