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
    # Each build checks its unit first and stops at a mistake; sites built elsewhere are checked here.
    failures = check_failures(broken + slugs if prebuilt else broken, content, root, lang)
    if not failures and slugs:
        failures = (
            built_failures(slugs, output, lang) if prebuilt else build_failures(slugs, content, output, jobs, lang)
        )
    if failures:
        raise PublishError("\n".join([*failures, labelled("publish_build_failed", lang)]))
    # Every branch is committed before any is pushed, so a git failure on one leaves all of them unpublished.
    commits = [commit_plan(each, plans, content, output, root, lang) for each in plans]
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
    blobs = BlobIds()
    plans = []
    for target in targets_for(valid_units(content), remote, branch, lang):
        tip = fetch(root, target, lang)
        published = read_record(root, tip)
        made = Plan(target, tip, dict(published))
        for each in target.units:
            if unit not in (None, each.slug):
                continue
            inputs = input_digest(each.slug, content, publish=True, blobs=blobs)
            on_branch = bool(tip) and has_site(root, tip, target.folder(each.slug))
            if unit or not on_branch or outdated(published.get(each.slug), inputs):
                made.rebuild.append(each.slug)
                due = next_due(content / each.slug, UnitContent())
                made.record[each.slug] = {"inputs": inputs, "next_due": due.isoformat() if due else None}
        plans.append(made)
    return plans


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


def has_site(root: Path, tip: str, folder: str) -> bool:
    path = f"{folder}/index.html" if folder else "index.html"
    return run_git(root, "cat-file", "-e", f"{tip}:{path}").returncode == 0


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


def commit_plan(each: Plan, plans: list[Plan], content: Path, output: Path, root: Path, lang: str) -> str | None:
    """Commit the branch's new tree locally; None, and the branch as it was, when nothing in it changed."""
    if not (each.rebuild or each.gone):
        return None
    with tempfile.TemporaryDirectory(prefix="warta-publish-") as scratch:
        index = Tree(root, Path(scratch) / "index", lang)
        index.start(each.tip)
        top = Path(scratch) / "top"
        top.mkdir()
        (top / ".nojekyll").write_bytes(b"")  # GitHub Pages must not run Jekyll on the built site
        on_branch = [u.slug for u in each.target.units]
        if each.target.alone:
            index.replace("", output / each.rebuild[0])
            if each.target.cname:
                (top / "CNAME").write_text(each.target.cname + "\n", encoding="utf-8")
        else:
            index.keep_only([slug for slug in on_branch if slug not in each.rebuild])  # gone units go too
            for slug in each.rebuild:
                index.replace(slug, output / slug)
            sites = portal_sites(plans, content, output, root, Path(scratch) / "feeds")
            # The public portal is in the site's language, whatever language the command speaks to staff.
            write_portal(content, top, DEFAULT_LANG, publish=True, units=sites)
        record = {slug: entry for slug, entry in each.record.items() if slug in on_branch}
        (top / RECORD).write_text(json.dumps({"units": record}, indent=1, sort_keys=True), encoding="utf-8")
        index.add_files(top)
        done = ", ".join(each.rebuild) or f"without {', '.join(each.gone)}"
        return index.commit(each.target, each.tip, f"Publish {done}{source_note(root)}")


def portal_sites(plans: list[Plan], content: Path, output: Path, root: Path, feeds: Path) -> list[tuple]:
    """Each unit with a site, and the folder of that site's feed: output/ when rebuilt now, else as published."""
    sites = []
    for each in plans:
        for unit in each.target.units:
            folder = each.target.folder(unit.slug)
            if unit.slug in each.rebuild:
                sites.append((unit, output / unit.slug))
            elif each.tip and has_site(root, each.tip, folder):
                sites.append((unit, published_feed(root, each.tip, folder, feeds / unit.slug)))
    return sites


def published_feed(root: Path, tip: str, folder: str, into: Path) -> Path:
    """The unit's Atom feed as published, copied into ``into`` (the portal shows each unit's latest news)."""
    feed = "/".join(filter(None, [folder, "feeds", "atom.xml"]))
    shown = subprocess.run(["git", "show", f"{tip}:{feed}"], cwd=root, capture_output=True, check=False)
    if shown.returncode == 0:
        (into / "feeds").mkdir(parents=True, exist_ok=True)
        (into / "feeds" / "atom.xml").write_bytes(shown.stdout)
    return into


class Tree:
    """A branch's next tree in a scratch index of the repository ``root`` (git's plumbing, no checkout)."""

    def __init__(self, root: Path, index: Path, lang: str):
        self.root = root
        self.env = {"GIT_INDEX_FILE": str(index)}
        self.lang = lang
        self.git_dir = git(root, lang, "rev-parse", "--absolute-git-dir")

    def git(self, *args: str, work_tree: Path | None = None) -> str:
        """Run git on the scratch index; with ``work_tree``, paths are files of that folder, not of ``root``."""
        if work_tree is None:
            return git(self.root, self.lang, *args, env=self.env)
        work_tree = work_tree.resolve()  # git reads a relative one from the folder it runs in
        moved = {"GIT_DIR": self.git_dir, "GIT_WORK_TREE": str(work_tree), **self.env}
        return git(work_tree, self.lang, *args, env=moved)

    def start(self, tip: str | None) -> None:
        self.git("read-tree", *([tip] if tip else ["--empty"]))

    def keep_only(self, folders: list[str]) -> None:
        """Drop every top-level entry but ``folders``: the root's files are written anew, gone units go."""
        listed = self.git("ls-tree", "--name-only", "-z", "--full-tree", self.git("write-tree")).split("\0")
        gone = [name for name in listed if name and name not in folders]
        if gone:
            self.git("rm", "-r", "-q", "--cached", "--", *gone)

    def replace(self, folder: str, site: Path) -> None:
        """``folder`` on the branch ("" the root) becomes the files of ``site`` (``<work tree>/<folder>``)."""
        if folder:
            self.git("rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", folder)
            work_tree = site.parent
        else:
            self.git("read-tree", "--empty")
            work_tree = site
        # Forced: no .gitignore may keep a built file off the site.
        self.git("add", "--force", "--all", "--", folder or ".", work_tree=work_tree)

    def add_files(self, top: Path) -> None:
        """The files at ``top`` (not its hidden scratch folders) at the root of the branch."""
        names = [path.name for path in top.iterdir() if path.is_file()]
        self.git("add", "--force", "--", *names, work_tree=top)

    def commit(self, target: Target, tip: str | None, note: str) -> str | None:
        tree = self.git("write-tree")
        if tip and tree == tree_of(self.root, tip):
            return None
        parents = ["-p", tip] if tip else []
        commit = git(self.root, self.lang, "commit-tree", tree, *parents, "-m", note, env=identity(self.root))
        git(self.root, self.lang, "update-ref", f"refs/heads/{target.branch}", commit, *([tip] if tip else []))
        return commit


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
    env = {}
    for variable, (config, fallback) in FALLBACK_IDENTITY.items():
        if variable not in os.environ and not run_git(root, "config", config).stdout.strip():
            env[variable] = fallback
    return env


def run_git(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, **env) if env else None
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False, env=environment)


def git(root: Path, lang: str, *args: str, env: dict | None = None) -> str:
    """Run git in ``root``; its stdout, or PublishError with what git said."""
    done = run_git(root, *args, env=env)
    if done.returncode != 0:
        detail = done.stderr.strip() or done.stdout.strip()
        raise PublishError(labelled("publish_git_failed", lang, command=f"git {' '.join(args)}", detail=detail))
    return done.stdout.strip()
