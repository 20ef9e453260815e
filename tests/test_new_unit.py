"""A new unit from the skeleton: it passes the check, builds, and publishes none of its unfilled pages."""

import re

import pytest

from warta.model.problems import ContentError
from warta.model.units import load_unit
from warta.tool.check import check_unit
from warta.tool.new import new_unit

STANDING = {"profil", "layanan", "ppid", "pengaduan", "kontak", "aksesibilitas"}


def test_a_new_unit_passes_the_check_and_hides_its_unfilled_pages(site):
    folder = new_unit(site.content, "balai-mawar", 'Balai "Mawar" Medan', "https://mawar.example.go.id")
    unit = load_unit(folder)
    assert unit.name == 'Balai "Mawar" Medan' and unit.site_url == "https://mawar.example.go.id"
    assert {p.stem for p in (folder / "pages").glob("*.md")} == STANDING
    assert "## Informasi Serta-merta" in (folder / "pages" / "ppid.md").read_text()
    assert check_unit(folder, root=site.root) == []
    site.write("news/2024/pembukaan.md", "Title: Pembukaan\nDate: 2024-01-02\nPenulis: Humas\n\nIsi.\n", "balai-mawar")
    [build] = site.build("balai-mawar")
    assert build.ok, build.log
    assert not any((site.output / "balai-mawar" / slug).exists() for slug in STANDING)


def test_a_page_published_with_its_placeholders_is_an_error_naming_each_line(site):
    folder = new_unit(site.content, "balai-mawar", "Balai Mawar", "https://mawar.example.go.id")
    profil = folder / "pages" / "profil.md"
    profil.write_text(profil.read_text().replace("Status: draf\n", ""))
    problems = [p.format("en", site.root) for p in check_unit(folder, root=site.root)]
    assert (
        "content/balai-mawar/pages/profil.md:8: error: the sample text '[Tulis visi unit.]' is still here"
        in "\n".join(problems)
    )
    assert len(problems) == 7, problems  # the history paragraph, vision, two missions, duties and two names
    [build] = site.build("balai-mawar")
    assert not build.ok


def test_a_filled_page_is_published_in_the_menu(site):
    folder = new_unit(site.content, "balai-mawar", "Balai Mawar", "https://mawar.example.go.id")
    profil = folder / "pages" / "profil.md"
    text = profil.read_text().replace("Status: draf\n", "")
    profil.write_text(re.sub(r"\[[^\]]+\]", "Diisi.", text))
    [build] = site.build("balai-mawar")
    assert build.ok, build.log
    home = site.page("", "balai-mawar")
    assert [a.get_text() for a in home.select("nav.site-nav a")][-1] == "Profil"
    assert site.page("profil", "balai-mawar").select_one("h2").get_text() == "Visi"


def test_an_existing_unit_is_never_overwritten(site):
    with pytest.raises(ContentError) as refused:
        new_unit(site.content, "balai-uji", "X", "https://x.example.go.id")
    assert "sudah ada" in refused.value.problems[0].format("id")
