"""``invoke publish``: build as for publishing what changed since the last publication, check, commit, push.

Each published branch carries ``.warta-inputs.json``: for every unit on it, the digest of the inputs it was built
from (warta.tool.fingerprint.input_digest: content, theme, code, package versions; by content, never by time) and the
date of its next scheduled item. Publishing fetches the branch first, so it rebuilds only the units whose inputs
differ from the ones published or whose scheduled item is due, and nothing at all in an hour where nothing changed.
A CI runner's fresh clone therefore costs what its changes cost, whatever its caches hold; the record lives on the
branch it describes, so it is never out of step with what is published.

The commit is made with git's own plumbing on a scratch index: the branch's tree, each rebuilt unit's folder
replaced, the portal and the record written at the root. The other units are never extracted nor read again
(ghp-import commits a whole folder: every unit would be read again into every commit). Nothing is pushed unless
every unit to be rebuilt passed its check and its build; a commit whose tree equals its parent's is not made.
Credentials are git's own (its configuration, in CI the checkout's token): nothing here reads or writes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from warta.model.languages import DEFAULT_LANG
from warta.model.messages import labelled, message
from warta.model.unit_content import UnitContent
from warta.model.units import Unit, read_unit, unit_slugs
from warta.tool.build import build_units
from warta.tool.check import check_unit
from warta.tool.fingerprint import BlobIds, input_digest, next_due, now
from warta.tool.portal import write_portal

DEFAULT_REMOTE = "origin"
DEFAULT_BRANCH = "gh-pages"
RECORD = ".warta-inputs.json"  # at the root of every published branch: what each unit on it was built from
# Commits are made as git's configured user; a machine without one still gets a named commit.
FALLBACK_IDENTITY = {
    "GIT_AUTHOR_NAME": ("user.name", "Warta"),
    "GIT_AUTHOR_EMAIL": ("user.email", "warta@localhost"),
    "GIT_COMMITTER_NAME": ("user.name", "Warta"),
    "GIT_COMMITTER_EMAIL": ("user.email", "warta@localhost"),
}


class PublishError(Exception):
    """Publishing stopped; the message (already in the staff's language) says why. Nothing was pushed."""


@dataclass(frozen=True)
class Target:
    """One branch to publish: the shared one (units in folders, the portal at its root) or a unit's own."""

    remote: str
    branch: str
    units: tuple[Unit, ...]
    alone: bool = False
    cname: str = ""

    @property
    def names(self) -> str:
        return ", ".join(unit.slug for unit in self.units)

    def folder(self, slug: str) -> str:
        """Where a unit's site is on this branch: its folder, or the root of its own branch."""
        return "" if self.alone else slug


@dataclass
class Plan:
    """One target's branch as fetched, and what publishing it needs: the units to rebuild and the new record."""

    target: Target
    tip: str | None
    record: dict
    rebuild: list[str] = field(default_factory=list)
    sites: set[str] = field(default_factory=set)  # the folders ("" the root) holding a site on the tip

    @property
    def gone(self) -> list[str]:
        """Units the branch records that are no longer in the content: their sites are taken off the branch."""
        return [slug for slug in self.record if slug not in {unit.slug for unit in self.target.units}]


@dataclass(frozen=True)
class Published:
    """What publishing one target did: ``commit`` is None when nothing had changed; ``rebuilt`` the units built."""

    target: Target
    commit: str | None
    rebuilt: tuple[str, ...] = ()

    def summary(self, lang: str = "id") -> str:
        where = {"remote": self.target.remote, "branch": self.target.branch}
        if self.commit is None:
            return message("publish_unchanged", lang, **where)
        units = ", ".join(self.rebuilt) or self.target.names
        return message("publish_done", lang, units=units, commit=self.commit[:7], **where)


def publish(
    content: Path,
    output: Path,
    root: Path,
    unit: str | None = None,
    remote: str = DEFAULT_REMOTE,
    branch: str = DEFAULT_BRANCH,
    lang: str = "id",
    jobs: int | None = None,
    prebuilt: bool = False,
) -> list[Published]:
    """Build (publish settings, checks first) what changed since it was published, and publish it from ``root``.

    What changed: the units whose inputs differ from those their branch records (see ``plan``); ``unit``: that
    unit alone, changed or not. ``root`` is the git repository that pushes.

    ``prebuilt``: output/ was built by earlier jobs (a CI matrix); the check runs again, nothing is rebuilt.
    Raises PublishError, having pushed nothing, when a build or check fails or git refuses.
    """
    plans = plan(content, root, unit, remote, branch, lang)
    units = valid_units(content)
    # A unit whose unit.toml cannot be used is on no branch: its check names it and stops publishing.
    broken = [slug for slug in ([unit] if unit else unit_slugs(content)) if slug not in {u.slug for u in units}]
    slugs = [slug for each in plans for slug in each.rebuild]
    with tempfile.TemporaryDirectory(prefix="warta-publish-") as scratch, ThreadPoolExecutor(1) as helper:
        # While the units build, each branch's next tree is begun beside them (git's work, not the build's): the
        # tip's entries of the units kept, the other units' feeds for the portal, the rebuilt units' next items due.
        # Nothing is committed unless every build passed.
        begun = helper.submit(begin_commits, plans, content, root, Path(scratch), lang)
        # Each build checks its unit first and stops at a mistake; sites built elsewhere are checked here.
        failures = check_failures(broken + slugs if prebuilt else broken, content, root, lang)
        if not failures and slugs:
            failures = (
                built_failures(slugs, output, lang) if prebuilt else build_failures(slugs, content, output, jobs, lang)
            )
        if failures:
            raise PublishError("\n".join([*failures, labelled("publish_build_failed", lang)]))
        drafts, published = begun.result()
        # Every branch is committed before any is pushed, so a git failure on one leaves all of them unpublished.
        commits = [finish_commit(draft, plans, published, content, output, root) for draft in drafts]
    for each, commit in zip(plans, commits, strict=True):
        if commit is not None:
            target = each.target
            git(root, lang, "push", target.remote, f"refs/heads/{target.branch}:refs/heads/{target.branch}")
    return [Published(each.target, commit, tuple(each.rebuild)) for each, commit in zip(plans, commits, strict=True)]


def plan(content: Path, root: Path, unit: str | None, remote: str, branch: str, lang: str = "id") -> list[Plan]:
    """Every branch fetched, with the units to rebuild on it.

    Those are ``unit`` alone, else each unit whose inputs differ from the ones its branch records, whose scheduled
    item is due, or which is not on its branch yet.
    """
    targets = targets_for(valid_units(content), remote, branch, lang)
    chosen = [each.slug for target in targets for each in target.units if unit in (None, each.slug)]
    with ThreadPoolExecutor(1) as helper:  # the digests are worked out while git fetches (over the network, in CI)
        digests = helper.submit(input_digests, chosen, content)
        tips = [fetch(root, target, lang) for target in targets]
        digest_of = digests.result()
    plans = []
    for target, tip in zip(targets, tips, strict=True):
        published = read_record(root, tip)
        sites = sites_on(root, tip, [target.folder(each.slug) for each in target.units])
        made = Plan(target, tip, dict(published), sites=sites)
        for each in target.units:
            if unit not in (None, each.slug):
                continue
            inputs = digest_of[each.slug]
            on_branch = target.folder(each.slug) in sites
            if unit or not on_branch or outdated(published.get(each.slug), inputs):
                made.rebuild.append(each.slug)
                made.record[each.slug] = {"inputs": inputs, "next_due": None}  # known while it builds (begin_commits)
        plans.append(made)
    return plans


def input_digests(slugs: list[str], content: Path) -> dict[str, str]:
    """Each unit's inputs' digest as a publishing build takes them (what the branch records)."""
    blobs = BlobIds()  # what the units share is listed once
    return {slug: input_digest(slug, content, publish=True, blobs=blobs) for slug in slugs}


def outdated(published: dict | None, inputs: str) -> bool:
    """Whether a unit's published site was built from other inputs, or has a scheduled item due by now."""
    if not published or published.get("inputs") != inputs:
        return True
    due = published.get("next_due")
    return bool(due) and now() >= datetime.fromisoformat(due)


def read_record(root: Path, tip: str | None) -> dict:
    """The branch's record of what each unit on it was built from (empty for a new branch or an older one)."""
    if not tip:
        return {}
    shown = run_git(root, "show", f"{tip}:{RECORD}")
    try:
        return json.loads(shown.stdout).get("units", {}) if shown.returncode == 0 else {}
    except (ValueError, AttributeError):
        return {}  # an unreadable record: every unit is rebuilt, as for a branch without one


def sites_on(root: Path, tip: str | None, folders: list[str]) -> set[str]:
    """Which of ``folders`` ("" the root) hold a site on the commit ``tip``: one git call for all of them."""
    if not tip:
        return set()
    pages = {f"{folder}/index.html" if folder else "index.html": folder for folder in folders}
    listed = run_git(root, "ls-tree", "--name-only", "-z", tip, "--", *pages)
    return {pages[path] for path in listed.stdout.split("\0") if path in pages} if listed.returncode == 0 else set()


def build_failures(slugs: list[str], content: Path, output: Path, jobs: int | None, lang: str) -> list[str]:
    """Build with the publishing settings; what failed, said in full (empty when every unit was built)."""
    builds = build_units(slugs, content, output, publish=True, jobs=jobs, lang=lang)
    if all(build.ok for build in builds):
        return []
    return [build.log for build in builds if not build.ok and build.log] + [build.summary(lang) for build in builds]


def check_failures(slugs: list[str], content: Path, root: Path, lang: str) -> list[str]:
    """Every error the check finds in the units, as ``path:line: message``."""
    return [
        p.format(lang, root)
        for slug in slugs
        for p in check_unit(content / slug, root=root, publishing=True)
        if p.is_error
    ]


def built_failures(slugs: list[str], output: Path, lang: str) -> list[str]:
    """For sites built by earlier jobs: each unit's site must be in ``output``."""
    return [
        labelled("publish_not_built", lang, unit=slug) for slug in slugs if not (output / slug / "index.html").is_file()
    ]


def valid_units(content: Path) -> list[Unit]:
    """Every unit whose unit.toml can be used (the build reports the others)."""
    return [unit for unit, _problems in (read_unit(content / slug) for slug in unit_slugs(content)) if unit]


def targets_for(units: list[Unit], remote: str, branch: str, lang: str = "id") -> list[Target]:
    """The shared branch for units without ``[publish]``, and one branch for each unit with it."""
    shared = tuple(u for u in units if not u.publish)
    targets = [Target(remote, branch, shared)] if shared else []
    for unit in units:
        if unit.publish:
            own = unit.publish
            targets.append(
                Target(own.get("remote", remote), own.get("branch", branch), (unit,), True, own.get("cname", ""))
            )
    seen = {}
    for target in targets:
        key = (target.remote, target.branch)
        if key in seen:
            raise PublishError(
                labelled(
                    "publish_same_branch", lang, units=f"{seen[key]}, {target.names}", remote=key[0], branch=key[1]
                )
            )
        seen[key] = target.names
    return targets


@dataclass
class Draft:
    """A branch's next tree, begun while the units build; ``index`` None: nothing on the branch changes."""

    plan: Plan
    index: Tree | None
    top: Path  # the files written at the branch's root
    record: dict = field(default_factory=dict)  # what each unit on the branch was built from, and its next item due


def begin_commits(
    plans: list[Plan], content: Path, root: Path, scratch: Path, lang: str
) -> tuple[list[Draft], dict[str, Path]]:
    """Each branch's next tree begun, and each unit not rebuilt but published: the folder of its feed as published.

    A branch's tree starts as its tip's without the rebuilt units and the root's files (gone units go too); a unit's
    own branch starts empty. Its record gets each rebuilt unit's next scheduled item. The rest waits for the built
    sites (``finish_commit``).
    """
    changing = [bool(each.rebuild or each.gone) for each in plans]
    drafts, published = [], {}
    for number, each in enumerate(plans):
        folders = {u.slug: each.target.folder(u.slug) for u in each.target.units if u.slug not in each.rebuild}
        folders = {slug: folder for slug, folder in folders.items() if folder in each.sites}
        if folders and any(changing):  # a portal will be written
            published |= published_feeds(root, each.tip, folders, scratch / "feeds")
        (scratch / str(number)).mkdir()
        top = scratch / str(number) / "top"
        if not changing[number]:
            drafts.append(Draft(each, None, top))
            continue
        index = Tree(root, scratch / str(number), lang)
        if not each.target.alone:  # else the unit's site is the whole branch
            index.keep(each.tip, [u.slug for u in each.target.units if u.slug not in each.rebuild])
        on_branch = {u.slug for u in each.target.units}
        record = {slug: dict(entry) for slug, entry in each.record.items() if slug in on_branch}
        for slug in each.rebuild:
            due = next_due(content / slug, UnitContent())
            record[slug]["next_due"] = due.isoformat() if due else None
        drafts.append(Draft(each, index, top, record))
    return drafts, published


def finish_commit(
    draft: Draft, plans: list[Plan], published: dict[str, Path], content: Path, output: Path, root: Path
) -> str | None:
    """Commit the branch's new tree locally; None, and the branch as it was, when nothing in it changed."""
    each, index, top = draft.plan, draft.index, draft.top
    if index is None:
        return None
    top.mkdir(parents=True)
    (top / ".nojekyll").write_bytes(b"")  # GitHub Pages must not run Jekyll on the built site
    for slug in each.rebuild:
        index.add_site(each.target.folder(slug), output / slug)
    if each.target.alone:
        if each.target.cname:
            (top / "CNAME").write_text(each.target.cname + "\n", encoding="utf-8")
    else:
        sites = [
            (unit, output / unit.slug if unit.slug in other.rebuild else published[unit.slug])
            for other in plans
            for unit in other.target.units
            if unit.slug in other.rebuild or unit.slug in published
        ]
        # The public portal is in the site's language, whatever language the command speaks to staff.
        write_portal(content, top, DEFAULT_LANG, publish=True, units=sites)
    (top / RECORD).write_text(json.dumps({"units": draft.record}, indent=1, sort_keys=True), encoding="utf-8")
    index.add_files(top)
    done = ", ".join(each.rebuild) or f"without {', '.join(each.gone)}"
    return index.commit(each.target, each.tip, f"Publish {done}{source_note(root)}")


def published_feeds(root: Path, tip: str, folders: dict[str, str], into: Path) -> dict[str, Path]:
    """Each unit's Atom feed as published, copied into ``into/<unit>`` (the portal shows each unit's latest news).

    ``folders``: each unit's folder on the branch. One git process reads every unit's feed, not one process each.
    """
    feeds = ["/".join(filter(None, [folder, "feeds", "atom.xml"])) for folder in folders.values()]
    asked = "".join(f"{tip}:{feed}\n" for feed in feeds).encode()
    answer = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input=asked, capture_output=True, check=False)
    rest = answer.stdout if answer.returncode == 0 else b""
    found = {}
    for slug in folders:
        # "<oid> blob <size>", the bytes and a newline; or "<what was asked> missing".
        header, _, rest = rest.partition(b"\n")
        found[slug] = into / slug
        fields = header.split()
        if len(fields) == 3 and fields[1] == b"blob":
            size = int(fields[2])
            (into / slug / "feeds").mkdir(parents=True, exist_ok=True)
            (into / slug / "feeds" / "atom.xml").write_bytes(rest[:size])
            rest = rest[size + 1 :]
    return found


class Tree:
    """A branch's next tree, put together from git's objects (its plumbing: no checkout, no index of the branch).

    Its top-level entries: those of the tip kept as they are (units not rebuilt are never read again), each
    rebuilt site's own tree (its files added to an index of that site alone), and the root's files. It costs what
    the rebuilt sites cost, however many units the branch holds.
    """

    def __init__(self, root: Path, scratch: Path, lang: str):
        self.root, self.scratch, self.lang = root, scratch, lang
        self.git_dir = git(root, lang, "rev-parse", "--absolute-git-dir")
        self.entries: dict[str, str] = {}  # name: "<mode> <type> <id>", as ls-tree shows it
        self.sites = 0  # sites added so far: each gets an index of its own

    def keep(self, tip: str | None, folders: list[str]) -> None:
        """The entries of ``tip``'s root named ``folders``, as they are (the root's files are written anew)."""
        if tip:
            self.entries |= {name: entry for name, entry in top_entries(self.root, tip, self.lang) if name in folders}

    def add_site(self, folder: str, site: Path) -> None:
        """The files of ``site`` as ``folder`` on the branch; "": as the branch's root."""
        tree = self.tree_of(site)
        if folder:
            self.entries[folder] = f"040000 tree {tree}"
        else:
            self.entries |= dict(top_entries(self.root, tree, self.lang))

    def tree_of(self, site: Path) -> str:
        """The tree of the files under ``site``, added to an index of its own."""
        site = site.resolve()  # git reads a relative work tree from the folder it runs in
        self.sites += 1
        index = self.scratch / f"site-{self.sites}.index"
        env = {"GIT_DIR": self.git_dir, "GIT_WORK_TREE": str(site), "GIT_INDEX_FILE": str(index)}
        git(site, self.lang, "add", "--force", "--all", "--", ".", env=env)  # forced: no .gitignore keeps a file off
        return git(site, self.lang, "write-tree", env=env)

    def add_files(self, top: Path) -> None:
        """The files at ``top`` (not its folders) at the root of the branch."""
        files = sorted(path for path in top.iterdir() if path.is_file())
        blobs = git(self.root, self.lang, "hash-object", "-w", "--", *map(str, files)).split()
        for path, blob in zip(files, blobs, strict=True):
            mode = "100755" if path.stat().st_mode & 0o111 else "100644"  # as git add records it
            self.entries[path.name] = f"{mode} blob {blob}"

    def commit(self, target: Target, tip: str | None, note: str) -> str | None:
        listed = "".join(f"{entry}\t{name}\0" for name, entry in sorted(self.entries.items()))
        tree = git(self.root, self.lang, "mktree", "-z", stdin=listed)
        if tip and tree == tree_of(self.root, tip):
            return None
        parents = ["-p", tip] if tip else []
        commit = git(self.root, self.lang, "commit-tree", tree, *parents, "-m", note, env=identity(self.root))
        git(self.root, self.lang, "update-ref", f"refs/heads/{target.branch}", commit, *([tip] if tip else []))
        return commit


def top_entries(root: Path, tree: str, lang: str) -> list[tuple[str, str]]:
    """``(name, "<mode> <type> <id>")`` of each entry at the root of ``tree`` (a tree or a commit)."""
    listed = git(root, lang, "ls-tree", "-z", "--full-tree", tree).split("\0")
    return [(name, entry) for entry, name in (line.split("\t", 1) for line in listed if line)]


def fetch(root: Path, target: Target, lang: str) -> str | None:
    """The remote branch's tip, fetched, with the local branch set to it; None if the remote has no such branch."""
    branch_ref = f"refs/heads/{target.branch}"
    listed = run_git(root, "ls-remote", "--exit-code", target.remote, branch_ref)
    named = target.remote in run_git(root, "remote").stdout.split()
    tracking = f"refs/remotes/{target.remote}/{target.branch}"
    if listed.returncode == 2:  # reachable, no such branch: start it afresh, not on a stale local one
        reset_branch(root, target.branch, None)
        if named:
            run_git(root, "update-ref", "-d", tracking)
        return None
    if listed.returncode != 0:
        raise PublishError(labelled("publish_remote_failed", lang, remote=target.remote, detail=listed.stderr.strip()))
    refspec = f"+{branch_ref}:{tracking}" if named else branch_ref
    # A shallow checkout (CI) needs only the branch's tip to commit on, not the history of every published site.
    shallow = git(root, lang, "rev-parse", "--is-shallow-repository") == "true"
    git(root, lang, "fetch", "--no-tags", *(["--depth=1"] if shallow else []), target.remote, refspec)
    tip = git(root, lang, "rev-parse", "FETCH_HEAD^{commit}")
    git(root, lang, "update-ref", branch_ref, tip)
    return tip


def reset_branch(root: Path, branch: str, tip: str | None) -> None:
    """The local branch back at the remote's tip (or gone, when the remote has none): nothing of ours is left."""
    if tip:
        run_git(root, "update-ref", f"refs/heads/{branch}", tip)
    else:
        run_git(root, "update-ref", "-d", f"refs/heads/{branch}")


def tree_of(root: Path, commit: str) -> str:
    return run_git(root, "rev-parse", f"{commit}^{{tree}}").stdout.strip()


def source_note(root: Path) -> str:
    """`` from <commit>`` naming the content's commit, when ``root`` has one."""
    head = run_git(root, "rev-parse", "--short", "HEAD")
    return f" from {head.stdout.strip()}" if head.returncode == 0 else ""


def identity(root: Path) -> dict[str, str]:
    """The environment for a commit: git's configured identity, else a fallback one."""
    listed = run_git(root, "config", "--get-regexp", r"^user\.(name|email)$").stdout.splitlines()
    configured = dict(line.split(" ", 1) for line in listed if " " in line)  # one git call, not one per setting
    env = {}
    for variable, (config, fallback) in FALLBACK_IDENTITY.items():
        if variable not in os.environ and not configured.get(config, "").strip():
            env[variable] = fallback
    return env


def run_git(root: Path, *args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, **env) if env else None
    return subprocess.run(
        ["git", *args], cwd=root, input=stdin, capture_output=True, text=True, check=False, env=environment
    )


def git(root: Path, lang: str, *args: str, env: dict | None = None, stdin: str | None = None) -> str:
    """Run git in ``root``; its stdout, or PublishError with what git said."""
    done = run_git(root, *args, env=env, stdin=stdin)
    if done.returncode != 0:
        detail = done.stderr.strip() or done.stdout.strip()
        raise PublishError(labelled("publish_git_failed", lang, command=f"git {' '.join(args)}", detail=detail))
    return done.stdout.strip()
