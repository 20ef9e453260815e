"""The "Sunting halaman ini" link: on every article and page, to the file in the repository's web editor."""

EDITOR = "https://github.com/kemensos/warta/edit/main/"


def edit_link(page):
    return page.select_one(".edit-link a")


def test_articles_and_pages_link_to_their_file(site):
    site.article()
    site.write("pages/profil.md", "Title: Profil\n\nTentang balai.\n")
    [build] = site.build()
    assert build.ok, build.log
    article = edit_link(site.page("berita/2020/pelatihan-kehumasan"))
    assert article.get_text() == "Sunting halaman ini"
    assert article["href"] == EDITOR + "content/balai-uji/news/2020/pelatihan-kehumasan.md"
    assert edit_link(site.page("profil"))["href"] == EDITOR + "content/balai-uji/pages/profil.md"
    assert edit_link(site.page("")) is None  # listings have no single file to edit


def test_no_link_without_a_repository(site, monkeypatch):
    monkeypatch.setenv("WARTA_REPO_EDIT_URL", "")
    site.article()
    site.build()
    assert edit_link(site.page("berita/2020/pelatihan-kehumasan")) is None
