"""``invoke publish``: build as for publishing, check, then commit the sites to a branch with ghp-import and push.

ghp-import 2.1 is used for what it does well (one commit of a folder onto a branch) and guarded where it bites:
it never fetches, so the branch is fetched here first and the local branch set to the remote's tip; it always
commits, so a commit whose tree equals its parent's is dropped; it reports some failures only on stdout, so the
result is verified in git itself; it replaces the whole tree, so ``--unit`` publishes a tree assembled from the
branch's current content with that unit's folder replaced. Credentials are git's own (its configuration, in CI the
checkout's token): nothing here reads or writes them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from warta.model.languages import DEFAULT_LANG
from warta.model.messages import labelled, message
from warta.model.units import Unit, read_unit, unit_slugs
from warta.tool.build import build_units
from warta.tool.check import check_unit
from warta.tool.portal import write_portal

DEFAULT_REMOTE = "origin"
DEFAULT_BRANCH = "gh-pages"
# ghp-import commits as git's configured user; a machine without one still gets a named commit.
FALLBACK_IDENTITY = {"GIT_COMMITTER_NAME": "Warta", "GIT_COMMITTER_EMAIL": "warta@localhost"}


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


@dataclass(frozen=True)
class Published:
    """What publishing one target did: ``commit`` is None when nothing had changed."""

    target: Target
    commit: str | None

    def summary(self, lang: str = "id") -> str:
        where = {"remote": self.target.remote, "branch": self.target.branch}
        if self.commit is None:
            return message("publish_unchanged", lang, **where)
        return message("publish_done", lang, units=self.target.names, commit=self.commit[:7], **where)


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
    """Build (publish settings, checks first) the units, or ``unit``, and publish them from the git repo ``root``.

    ``prebuilt``: output/ was built by earlier jobs (a CI matrix); the check runs again, nothing is rebuilt.
    Raises PublishError, having pushed nothing, when a build or check fails or git refuses.
    """
    units = valid_units(content)
    targets = targets_for([u for u in units if unit in (None, u.slug)], remote, branch, lang)
    slugs = [unit] if unit else unit_slugs(content)  # a unit with a broken unit.toml fails here, by name
    # The check of every unit first: a mistake stops publishing in a second, before any build.
    failures = check_failures(slugs, content, root, lang)
    if not failures:
        failures = (
            built_failures(slugs, output, lang) if prebuilt else build_failures(slugs, content, output, jobs, lang)
        )
    if failures:
        raise PublishError("\n".join([*failures, labelled("publish_build_failed", lang)]))
    # Every branch is committed before any is pushed, so a git failure on one leaves all of them unpublished.
    commits = [commit_target(target, content, output, root, unit is not None, lang) for target in targets]
    for target, commit in zip(targets, commits, strict=True):
        if commit is not None:
            git(root, lang, "push", target.remote, f"refs/heads/{target.branch}:refs/heads/{target.branch}")
    return [Published(target, commit) for target, commit in zip(targets, commits, strict=True)]


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


def commit_target(target: Target, content: Path, output: Path, root: Path, partial: bool, lang: str) -> str | None:
    """Fetch the branch, assemble its new tree and commit it locally with ghp-import; None when unchanged."""
    tip = fetch(root, target, lang)
    with tempfile.TemporaryDirectory(prefix="warta-publish-") as scratch:
        tree = Path(scratch) / "site"
        tree.mkdir()
        if partial and tip and not target.alone:
            extract(root, tip, tree, lang)
        assemble(target, content, output, tree)
        return commit_tree(root, tree, target, tip, lang)


def assemble(target: Target, content: Path, output: Path, tree: Path) -> None:
    """The files of the branch: the unit alone at the root, or each unit in its folder and the portal."""
    (tree / ".nojekyll").write_bytes(b"")  # GitHub Pages must not run Jekyll on the built site
    if target.alone:
        [unit] = target.units
        shutil.copytree(output / unit.slug, tree, dirs_exist_ok=True)
        if target.cname:
            (tree / "CNAME").write_text(target.cname + "\n", encoding="utf-8")
        return
    for unit in target.units:
        shutil.rmtree(tree / unit.slug, ignore_errors=True)
        shutil.copytree(output / unit.slug, tree / unit.slug)
    units = valid_units(content)
    on_branch = [(u, tree / u.slug) for u in units if not u.publish and (tree / u.slug / "index.html").is_file()]
    elsewhere = [(u, output / u.slug) for u in units if u.publish and (output / u.slug / "index.html").is_file()]
    # The public portal is in the site's language, whatever language the command speaks to staff.
    write_portal(content, tree, DEFAULT_LANG, publish=True, units=on_branch + elsewhere)


def fetch(root: Path, target: Target, lang: str) -> str | None:
    """The remote branch's tip, fetched, with the local branch set to it (ghp-import builds on that); None if new."""
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


def extract(root: Path, commit: str, tree: Path, lang: str) -> None:
    """The files of ``commit`` written into ``tree`` (``--unit`` keeps every other unit as published)."""
    command = ["git", "archive", "--format=tar", commit]
    with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as archive:
        try:
            with tarfile.open(fileobj=archive.stdout, mode="r|") as files:  # streamed: a branch of photos is large
                files.extractall(tree, filter="data")
            unreadable = False
        except tarfile.TarError:
            unreadable = True  # an incomplete tree would publish without the other units: stop instead
        failed = archive.wait() != 0 or unreadable
        detail = archive.stderr.read().decode(errors="replace").strip()
    if failed:
        raise PublishError(labelled("publish_git_failed", lang, command=" ".join(command), detail=detail))


def commit_tree(root: Path, tree: Path, target: Target, tip: str | None, lang: str) -> str | None:
    """Commit ``tree`` onto the branch with ghp-import; None, and the branch as it was, when nothing changed."""
    command = [sys.executable, "-m", "ghp_import", str(tree), "--branch", target.branch, "--remote", target.remote]
    command += ["--message", f"Publish {target.names}{source_note(root)}"]
    done = subprocess.run(command, cwd=root, env=commit_env(root), capture_output=True, text=True, check=False)
    head = run_git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{target.branch}^{{commit}}").stdout.strip()
    parent = run_git(root, "rev-parse", "--verify", "--quiet", f"{head}^").stdout.strip() if head else ""
    # ghp-import may exit 0 and say "Failed to process commit." on stdout only: trust the branch, not its exit code.
    if done.returncode != 0 or not head or head == tip or parent != (tip or ""):
        reset_branch(root, target.branch, tip)
        detail = "\n".join(filter(None, [done.stdout.strip(), done.stderr.strip()])) or "?"
        raise PublishError(labelled("publish_ghp_failed", lang, branch=target.branch, detail=detail))
    if tip and tree_of(root, head) == tree_of(root, tip):
        reset_branch(root, target.branch, tip)
        return None
    return head


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


def commit_env(root: Path) -> dict[str, str]:
    """The environment for ghp-import: git's configured identity, else a fallback one."""
    env = dict(os.environ)
    for variable, config in (("GIT_COMMITTER_NAME", "user.name"), ("GIT_COMMITTER_EMAIL", "user.email")):
        if variable not in env and not run_git(root, "config", config).stdout.strip():
            env[variable] = FALLBACK_IDENTITY[variable]
    return env


def run_git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


def git(root: Path, lang: str, *args: str) -> str:
    """Run git in ``root``; its stdout, or PublishError with what git said."""
    done = run_git(root, *args)
    if done.returncode != 0:
        detail = done.stderr.strip() or done.stdout.strip()
        raise PublishError(labelled("publish_git_failed", lang, command=f"git {' '.join(args)}", detail=detail))
    return done.stdout.strip()
