"""``invoke livereload``'s rebuilds: only the changed unit, in this warm process, never stopping the server."""

from warta.tool.watch import Rebuilder, is_scratch_file


def test_a_change_in_one_unit_rebuilds_only_that_unit(site):
    site.unit("loka-dua")
    site.article()
    said = []
    rebuilder = Rebuilder(site.content, site.output, say=said.append)
    assert rebuilder.watch_unit("balai-uji")()
    assert (site.output / "balai-uji/berita/2020/pelatihan-kehumasan/index.html").is_file()
    assert not (site.output / "loka-dua").exists()
    assert "situs balai-uji selesai dibangun" in said[0]


def test_a_broken_file_is_reported_and_the_last_site_stays(site):
    site.article()
    said = []
    rebuilder = Rebuilder(site.content, site.output, say=said.append)
    rebuilder.watch_unit("balai-uji")()
    site.write("news/2020/pelatihan-kehumasan.md", "Title: Rusak\nDate: 2020-13-01\nPenulis: A\n\nx\n")
    assert rebuilder.watch_unit("balai-uji")() is False
    assert any(
        "news/2020/pelatihan-kehumasan.md:2: kesalahan: tanggal '2020-13-01' tidak ada" in line for line in said
    ), said
    assert site.page("berita/2020/pelatihan-kehumasan").h1.get_text() == "Pelatihan Kehumasan"


def test_an_unexpected_error_is_reported_not_raised(site, monkeypatch, tmp_path):
    site.article()
    said = []
    rebuilder = Rebuilder(site.content, site.output, say=said.append)
    monkeypatch.setattr("warta.tool.pelican_process.ROOT", tmp_path / "no-theme-here")
    assert rebuilder.units(["balai-uji"]) is False
    assert any("GAGAL" in line for line in said)


def test_editor_scratch_files_do_not_trigger_rebuilds():
    assert is_scratch_file("news/.rapat.md.swp") and is_scratch_file("news/rapat.md~")
    assert not is_scratch_file("news/rapat.md")


def test_a_theme_change_rebuilds_every_unit_each_with_its_own_settings(site):
    site.unit("loka-dua", toml='name = "Loka Dua"\nsite_url = "https://dua.example.go.id"\nshort_name = "Loka Dua"\n')
    site.article()
    site.article(unit="loka-dua", name="kabar", title="Kabar Loka Dua")
    rebuilder = Rebuilder(site.content, site.output, say=lambda line: None)
    assert rebuilder.watch_theme()()
    assert site.page("", "loka-dua").select_one(".site-name").get_text() == "Loka Dua"
    assert "Kabar Loka Dua" not in site.page("", "balai-uji").get_text()
    assert "Kabar Loka Dua" in site.page("", "loka-dua").get_text()


def test_after_a_code_change_units_render_in_fresh_processes(site, monkeypatch):
    """This process still holds the old plugins and warta code: rendering here would show the old behaviour."""
    calls = []
    monkeypatch.setattr(
        "warta.tool.watch.build_units", lambda units, *args, in_process, **kw: calls.append(in_process) or []
    )
    rebuilder = Rebuilder(site.content, site.output, say=lambda line: None)
    rebuilder.watch_unit("balai-uji")()
    rebuilder.watch_code()()
    rebuilder.watch_unit("balai-uji")()
    assert calls == [True, False, False]
