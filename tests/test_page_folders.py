"""The folders of the last render's pages, made ahead while Pelican reads (plugins/rendering/reuse.FolderMaking)."""

from plugins.rendering.reuse import FolderMaking, folders_of


def test_each_folder_comes_after_its_parent_once():
    pages = ["berita/2020/a/index.html", "berita/index.html", "berita-lain/b/index.html", "index.html"]
    assert folders_of(pages) == ["berita", "berita-lain", "berita-lain/b", "berita/2020", "berita/2020/a"]


def test_folders_no_page_goes_in_are_removed_and_the_others_kept(tmp_path):
    (tmp_path / "b").mkdir()  # Pelican may make one first: not the thread's to remove
    making = FolderMaking(str(tmp_path), folders_of(["a/x/index.html", "a/y/index.html", "b/z/index.html"]))
    making.thread.join()
    (tmp_path / "a" / "y" / "feed.xml").write_text("")  # something else wrote into a folder no page goes in
    making.finish([str(tmp_path / "a" / "x" / "index.html")])
    left = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_dir()}
    assert left == {"a", "a/x", "a/y", "b"}  # b/z: made ahead, no page in it, empty: gone


def test_folders_are_made_only_where_a_last_site_is_named(tmp_path):
    record = tmp_path / "pages.json"
    record.write_text('{"site_key": "k", "pages": {"a/index.html": {}}}')
    settings = {"RENDER_RECORD_PATH": str(record), "RENDER_LAST_SITE": None}
    assert FolderMaking.start(settings, str(tmp_path / "out")) is None
    making = FolderMaking.start({**settings, "RENDER_LAST_SITE": str(tmp_path)}, str(tmp_path / "out"))
    making.thread.join()
    assert not (tmp_path / "out").exists()  # the output folder is Pelican's to make: nothing made below nothing
