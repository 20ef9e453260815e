"""``invoke publish`` into a local bare repository: what lands on the branch, and what never does."""

import json
import os
import shutil
import subprocess
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from warta.tool.build import build_units
from warta.tool.fingerprint import now
from warta.tool.publish import PublishError, publish, published_feeds, sites_on


def git(where, *args):
    return subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, check=True).stdout.strip()


class Remote:
    """A bare repository standing for GitHub, and the working repository publishing into it."""

    def __init__(self, root):
        self.bare = root / "remote.git"
        self.repo = root / "repo"
        git(root, "init", "--quiet", "--bare", str(self.bare))
        git(root, "init", "--quiet", str(self.repo))
        git(self.repo, "remote", "add", "origin", str(self.bare))

    def files(self, branch="gh-pages"):
        return set(git(self.bare, "ls-tree", "-r", "--name-only", branch).splitlines())

    def html(self, path, branch="gh-pages"):
        return BeautifulSoup(git(self.bare, "show", f"{branch}:{path}"), "html.parser")

    def tip(self, branch="gh-pages"):
        return git(self.bare, "rev-parse", branch)

    def commits(self, branch="gh-pages"):
        return int(git(self.bare, "rev-list", "--count", branch))


@pytest.fixture
def remote(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # no user's git configuration leaks in
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    made = Remote(tmp_path)
    git(made.repo, "config", "user.name", "Humas Uji")
    git(made.repo, "config", "user.email", "humas@example.go.id")
    return made


def publish_site(site, into, **options):
    return publish(site.content, site.output, into.repo, **options)


def two_units(site):
    site.unit("loka-dua")
    site.article()
    site.article(unit="loka-dua", name="kabar", title="Kabar Loka Dua", date="2021-02-03 09:00", year="2021")


def test_the_branch_gets_every_unit_the_portal_and_absolute_urls(site, remote):
    two_units(site)
    [published] = publish_site(site, remote)
    assert published.commit == remote.tip()
    files = remote.files()
    assert {".nojekyll", "index.html", "warta.css", "balai-uji/index.html"} <= files
    assert "loka-dua/berita/2021/kabar/index.html" in files
    assert not any(name.startswith("output") or name.startswith("content") for name in files)
    home = remote.html("balai-uji/index.html")
    links = [a["href"] for a in home.select("main a")]
    assert "https://balai-uji.example.go.id/berita/2020/pelatihan-kehumasan/" in links
    assert all(href.startswith("https://balai-uji.example.go.id/") for href in links), links
    article = remote.html("balai-uji/berita/2020/pelatihan-kehumasan/index.html")
    addresses = [tag.get("href") or tag.get("src") for tag in article.select("[href], [src]")]
    relative = [a for a in addresses if not a.startswith(("https://", "#", "mailto:", "tel:", "data:"))]
    assert addresses and relative == []
    portal = remote.html("index.html")
    entries = {li.h2.a["href"]: li.select_one(".portal-latest a") for li in portal.select(".portal-list li")}
    assert set(entries) == {"https://balai-uji.example.go.id/", "https://loka-dua.example.go.id/"}
    latest = entries["https://loka-dua.example.go.id/"]
    assert latest.get_text() == "Kabar Loka Dua"
    assert latest["href"] == "https://loka-dua.example.go.id/berita/2021/kabar/"


def test_publishing_again_with_nothing_changed_makes_no_commit(site, remote):
    site.article()
    publish_site(site, remote)
    before = remote.tip()
    [again] = publish_site(site, remote, lang="en")  # the language spoken to staff is not the site's
    assert again.commit is None and "no new commit" in again.summary("en")
    assert remote.tip() == before and remote.commits() == 1
    site.article(name="baru", title="Berita Baru")
    [changed] = publish_site(site, remote)
    assert changed.commit == remote.tip() and remote.commits() == 2


def test_a_failed_check_pushes_nothing_and_says_why(site, remote):
    site.article()
    publish_site(site, remote)
    before = remote.tip()
    site.write("news/2020/rusak.md", "Title: Rusak\nDate: 2020-02-30\nPenulis: A\n\nx\n")
    built = site.tree()
    with pytest.raises(PublishError) as failed:
        publish_site(site, remote)
    assert "news/2020/rusak.md:2: kesalahan: tanggal '2020-02-30' tidak ada di kalender" in str(failed.value)
    assert "TIDAK ada yang diterbitkan" in str(failed.value)
    assert remote.tip() == before
    assert site.tree() == built  # stopped by the check, before any build


def test_a_failed_build_pushes_nothing(site, remote, monkeypatch):
    """What only Pelican finds (here: settings it cannot read) stops publishing as surely as the check."""
    site.article()
    publish_site(site, remote)
    before = remote.tip()
    site.article(name="baru", title="Berita Baru")
    monkeypatch.setattr("warta.tool.build.ROOT", site.root)  # the render process finds no warta package there
    with pytest.raises(PublishError) as failed:
        publish_site(site, remote)
    assert "situs balai-uji GAGAL dibangun" in str(failed.value)
    assert "ModuleNotFoundError" in str(failed.value)
    assert remote.tip() == before


def test_a_first_publish_that_fails_creates_no_branch(site, remote):
    site.write("news/2020/tanpa-judul.md", "Date: 2020-01-01\nPenulis: A\n\nx\n")
    with pytest.raises(PublishError):
        publish_site(site, remote)
    assert git(remote.bare, "branch", "--list") == ""


def test_one_unit_replaces_only_its_folder(site, remote):
    two_units(site)
    publish_site(site, remote)
    untouched = git(remote.bare, "rev-parse", "gh-pages:balai-uji")
    site.article(name="lain", title="Belum Diterbitkan")  # balai-uji changes locally but is not published
    site.article(unit="loka-dua", name="susulan", title="Kabar Susulan", date="2021-03-04", year="2021")
    publish_site(site, remote, unit="loka-dua")
    assert git(remote.bare, "rev-parse", "gh-pages:balai-uji") == untouched
    assert "loka-dua/berita/2021/susulan/index.html" in remote.files()
    portal = remote.html("index.html")
    assert len(portal.select(".portal-list li")) == 2
    assert "Kabar Susulan" in portal.get_text()


def test_a_unit_with_its_own_branch_is_published_alone_at_its_root(site, remote):
    two_units(site)
    toml = 'name = "Loka Dua"\nsite_url = "https://dua.example.go.id"\n[publish]\nbranch = "situs-dua"\n'
    site.unit("loka-dua", toml=toml + 'cname = "dua.example.go.id"\n')
    results = publish_site(site, remote)
    assert [(r.target.branch, r.target.names) for r in results] == [
        ("gh-pages", "balai-uji"),
        ("situs-dua", "loka-dua"),
    ]
    own = remote.files("situs-dua")
    assert {"index.html", "CNAME", ".nojekyll", "berita/2021/kabar/index.html"} <= own
    assert git(remote.bare, "show", "situs-dua:CNAME") == "dua.example.go.id"
    assert not any(name.startswith("loka-dua/") for name in remote.files())
    portal_links = {a["href"] for a in remote.html("index.html").select(".portal-list h2 a")}
    assert portal_links == {"https://balai-uji.example.go.id/", "https://dua.example.go.id/"}


def test_the_branch_is_fetched_first_and_built_upon(site, remote, tmp_path):
    """Someone else published meanwhile: the commit is built on their tip, never on a stale local branch."""
    site.article()
    publish_site(site, remote)
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(remote.bare), str(other))
    (other / "catatan.txt").write_text("x")
    git(other, "add", "catatan.txt")
    git(other, "-c", "user.name=Lain", "-c", "user.email=lain@example.go.id", "commit", "--quiet", "-m", "lain")
    git(other, "push", "--quiet", "origin", "gh-pages")
    theirs = remote.tip()
    site.article(name="baru", title="Berita Baru")
    [published] = publish_site(site, remote, remote=str(remote.bare))  # a URL, not a named remote
    assert git(remote.bare, "rev-parse", f"{published.commit}^") == theirs
    assert "balai-uji/berita/2020/baru/index.html" in remote.files()


def test_an_unreachable_remote_says_so(site, remote, tmp_path):
    site.article()
    with pytest.raises(PublishError) as failed:
        publish_site(site, remote, remote=str(tmp_path / "tidak-ada.git"))
    assert "tidak dapat dihubungi" in str(failed.value)


def test_prebuilt_sites_are_checked_again_but_not_rebuilt(site, remote):
    """The CI matrix builds each unit in its own job; the publish job only checks and publishes."""
    two_units(site)
    build_units(["balai-uji"], site.content, site.output, publish=True)
    with pytest.raises(PublishError) as failed:
        publish_site(site, remote, prebuilt=True)
    assert "situs loka-dua belum dibangun di output/loka-dua/" in str(failed.value)
    build_units(["loka-dua"], site.content, site.output, publish=True)
    (site.output / "balai-uji/penanda.txt").write_text("dibangun di job lain")
    publish_site(site, remote, prebuilt=True)
    assert "balai-uji/penanda.txt" in remote.files()


def test_a_push_the_remote_refuses_says_what_git_said(site, remote):
    """A push the remote refuses (here a hook; on GitHub, a protected branch) publishes nothing."""
    site.article()
    publish_site(site, remote)
    before = remote.tip()
    hook = remote.bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'cabang dilindungi' >&2\nexit 1\n")
    hook.chmod(0o755)
    site.article(name="baru", title="Berita Baru")
    with pytest.raises(PublishError) as failed:
        publish_site(site, remote)
    assert "git push" in str(failed.value) and "cabang dilindungi" in str(failed.value)
    assert remote.tip() == before


def test_a_shallow_checkout_as_in_ci_publishes_on_top_of_the_branch(site, remote, tmp_path):
    site.article()
    publish_site(site, remote)
    git(remote.repo, "commit", "--quiet", "--allow-empty", "-m", "isi")
    git(remote.repo, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", "--depth=1", "--branch", "main", remote.bare.as_uri(), str(checkout))
    git(checkout, "config", "user.name", "CI")
    git(checkout, "config", "user.email", "ci@example.go.id")
    first = remote.tip()
    site.article(name="baru", title="Berita Baru")
    [published] = publish(site.content, site.output, checkout)
    assert git(remote.bare, "rev-parse", f"{published.commit}^") == first
    assert git(checkout, "rev-parse", "--is-shallow-repository") == "true"


def fresh_checkout(site, where):
    """What a CI runner starts from: a clone of the content (every file new), no output/, the .cache/ restored."""
    where.mkdir()
    git(where, "clone", "--quiet", str(site.content), "content")
    if (site.root / ".cache").is_dir():
        shutil.copytree(site.root / ".cache", where / ".cache")
    return where / "content", where / "output"


def commit_content(site, note):
    git(site.content, "add", "--all")
    git(site.content, "-c", "user.name=Humas", "-c", "user.email=humas@example.go.id", "commit", "-qm", note)


def test_a_ci_run_with_its_cache_restored_rebuilds_only_the_changed_unit(site, remote, tmp_path):
    two_units(site)
    git(site.content, "init", "--quiet")
    commit_content(site, "isi")
    publish_site(site, remote)
    kept = git(remote.bare, "rev-parse", "gh-pages:balai-uji")
    site.article(unit="loka-dua", name="susulan", title="Kabar Susulan", date="2021-03-04", year="2021")
    commit_content(site, "berita baru loka-dua")
    content, output = fresh_checkout(site, tmp_path / "runner")
    [published] = publish(content, output, remote.repo)
    assert published.rebuilt == ("loka-dua",) and published.commit == remote.tip()
    assert not (output / "balai-uji").exists()  # neither built nor read again
    assert git(remote.bare, "rev-parse", "gh-pages:balai-uji") == kept
    assert "loka-dua/berita/2021/susulan/index.html" in remote.files()
    latest = {
        li.h2.a.get_text(): li.select_one(".portal-latest a").get_text()
        for li in remote.html("index.html").select(".portal-list li")
    }
    assert sorted(latest.values()) == ["Kabar Susulan", "Pelatihan Kehumasan"]
    # The next hour, nothing changed: nothing is built and no commit is pushed.
    commits = remote.commits()
    content, output = fresh_checkout(site, tmp_path / "next-hour")
    [unchanged] = publish(content, output, remote.repo)
    assert unchanged.commit is None and unchanged.rebuilt == ()
    assert remote.commits() == commits and not output.exists()
    # A unit taken out of the content is taken off the branch and the portal, the others left as published.
    shutil.rmtree(content / "loka-dua")
    [without] = publish(content, output, remote.repo)
    assert without.rebuilt == () and without.commit == remote.tip()
    assert not any(name.startswith("loka-dua/") for name in remote.files())
    assert git(remote.bare, "rev-parse", "gh-pages:balai-uji") == kept
    assert [li.h2.a["href"] for li in remote.html("index.html").select(".portal-list li")] == [
        "https://balai-uji.example.go.id/"
    ]


def test_an_hourly_run_rebuilds_a_unit_once_its_scheduled_item_is_due(site, remote, monkeypatch):
    two_units(site)
    soon = (now() + timedelta(hours=2)).astimezone(ZoneInfo("Asia/Jakarta")).replace(second=0, microsecond=0)
    site.write("news/2020/nanti.md", f"Title: Nanti\nDate: {soon:%Y-%m-%d %H:%M}\nPenulis: A\n\nx\n")
    publish_site(site, remote)
    assert "balai-uji/berita/2020/nanti/index.html" not in remote.files()
    record = json.loads(git(remote.bare, "show", "gh-pages:.warta-inputs.json"))["units"]
    assert record["balai-uji"]["next_due"] == soon.isoformat()
    assert record["loka-dua"]["next_due"] is None
    [an_hour_later] = publish_site(site, remote)
    assert an_hour_later.rebuilt == ()
    monkeypatch.setattr("warta.tool.publish.now", lambda: soon + timedelta(minutes=5))
    [when_due] = publish_site(site, remote)
    assert when_due.rebuilt == ("balai-uji",)  # the other unit has nothing due: left as published


def test_the_published_sites_and_feeds_of_many_units_are_read_in_one_go(remote, tmp_path):
    """What the portal takes from the branch for units not rebuilt: each unit's own feed, byte for byte."""
    tree = tmp_path / "tree"
    feeds = {"satu": b"<feed>satu</feed>\n", "tiga": b"<feed>\xe2\x80\x94 tiga\n\n</feed>"}
    for unit in ("satu", "dua", "tiga"):
        (tree / unit / "feeds").mkdir(parents=True)
        (tree / unit / "index.html").write_text(f"<h1>{unit}</h1>")
        if unit in feeds:
            (tree / unit / "feeds" / "atom.xml").write_bytes(feeds[unit])
    (tree / "kosong").mkdir()
    (tree / "kosong" / "catatan.txt").write_text("tanpa situs")
    environment = {"GIT_DIR": str(remote.repo / ".git"), "GIT_WORK_TREE": str(tree)}
    subprocess.run(["git", "add", "--all"], cwd=tree, env={**os.environ, **environment}, check=True)
    subprocess.run(["git", "commit", "-qm", "situs"], cwd=tree, env={**os.environ, **environment}, check=True)
    tip = git(remote.repo, "rev-parse", "HEAD")
    assert sites_on(remote.repo, tip, ["satu", "dua", "tiga", "kosong", "hilang"]) == {"satu", "dua", "tiga"}
    copied = published_feeds(remote.repo, tip, {"satu": "satu", "dua": "dua", "tiga": "tiga"}, tmp_path / "feeds")
    assert set(copied) == {"satu", "dua", "tiga"}
    for unit, feed in feeds.items():
        assert (copied[unit] / "feeds" / "atom.xml").read_bytes() == feed
    assert not (copied["dua"] / "feeds" / "atom.xml").exists()  # a site without a feed: the portal shows no news
