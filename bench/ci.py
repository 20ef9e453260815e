"""What a CI run costs: one unit changed, against that unit's own build; an hour with nothing changed.

python -m bench.ci [--corpus DIR] [--articles N] [--photos N]   (``invoke bench`` runs it on the full corpus)
A runner starts from a fresh clone (every file new, no output/) with its .cache/ restored, and publishes to a real
git repository (a bare one standing for GitHub): first every unit (the cache filled), then after one article of a
200-article unit changed (``invoke publish``: that unit alone should be rebuilt), then an hour with nothing
changed. The unit's own build is ``invoke preview --unit`` from the same starting point, the same cache included.
The change is published in ROUNDS rounds, each followed by the unit's own build; the round with the median ratio
is the one reported.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.run import ROUNDS, Measured, edited, median_pair, pair_ratios, wait_for_discards  # noqa: E402

CHANGED_UNIT = "unit-05"  # a 200-article unit of the full corpus
CHANGED_ARTICLE = "news/2015/berita-0100.md"
GIT_IDENTITY = ["-c", "user.name=Bench", "-c", "user.email=bench@example.go.id"]


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=where, check=True, capture_output=True, text=True).stdout.strip()


def fresh_runner(folder: Path, cache: Path | None = None) -> None:
    """What a new CI runner has: the content as a clone gives it, no output/, the .cache/ kept (or ``cache``'s).

    A clone writes every file anew and git's index with their new times: the same as touching every file and
    letting git refresh its index (which hashes them, as the clone did, outside the time measured).
    """
    wait_for_discards(folder / "output")
    for generated in (folder / "output", folder / ".output-staging"):
        shutil.rmtree(generated, ignore_errors=True)
    if cache is not None:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
        shutil.copytree(cache, folder / ".cache", symlinks=True, copy_function=os.link)
    later = time.time()
    for path in (folder / "content").rglob("*"):
        if ".git" not in path.parts:
            os.utime(path, (later, later))
    # A clone of thousands of files writes git's index seconds after most of them. Refreshed in the same second
    # as the files' times, every entry would be "racily clean", and each git diff-files of the run would hash
    # every file again (0 to 0.4 s, by the clock).
    time.sleep(max(0.0, later + 1.1 - time.time()))
    git(folder / "content", "update-index", "-q", "--refresh")


def as_cloned(*repositories: Path) -> None:
    """Objects packed and git's automatic gc off, as in a runner's fresh clone, which publishes a few hundred.

    The first publish leaves some 25,000 loose objects: the next git command would start packing them in the
    background, during the runs measured.
    """
    for repository in repositories:
        git(repository, "gc", "--quiet")
        git(repository, "config", "gc.auto", "0")


def commit_content(content: Path, note: str) -> None:
    """The content as a repository holds it (a CI checkout): git's index then knows every file's blob id."""
    if not (content / ".git").is_dir():
        git(content, "init", "--quiet")
    git(content, "add", "--all")
    git(content, *GIT_IDENTITY, "commit", "--quiet", "--allow-empty", "-m", note)


def measure_ci(folder: Path) -> dict:
    """Seconds of a CI publish after one unit's change, that unit's own build, an unchanged hour; and who was built."""
    content, output = folder / "content", folder / "output"
    repo, remote = folder / "ci" / "repo", folder / "ci" / "remote.git"
    shutil.rmtree(folder / "ci", ignore_errors=True)
    repo.mkdir(parents=True)
    git(folder / "ci", "init", "--quiet", "--bare", str(remote))
    git(repo, "init", "--quiet")
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, *GIT_IDENTITY, "commit", "--quiet", "--allow-empty", "-m", "isi")
    publishing = [sys.executable, "-m", "bench.ci", "--publish", str(content), str(output), str(repo)]
    env = dict(os.environ, GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.go.id")
    commit_content(content, "isi")
    own_build = [sys.executable, "-m", "bench.ci", "--preview", str(content), str(output), CHANGED_UNIT]
    first = Measured(publishing, env=env)
    as_cloned(repo, remote)
    pairs = []
    restored = folder / "ci" / "cache-restored"  # what the runner's cache held before the publish changed it
    for number in range(1, ROUNDS + 1):  # another sentence each round: each is a change to publish
        with edited(content / CHANGED_UNIT / CHANGED_ARTICLE, number):
            commit_content(content, f"satu berita diubah ({number})")
            fresh_runner(folder)
            shutil.rmtree(restored, ignore_errors=True)
            # Linked, not copied: 100 MB written just before a run would be written back to disk during it. Every
            # entry of the cache is written whole under a new name, never changed in place.
            shutil.copytree(folder / ".cache", restored, symlinks=True, copy_function=os.link)
            one_unit = Measured(publishing, env=env)
            fresh_runner(folder, cache=restored)  # the unit's own build from the same start as the publish
            pairs.append((one_unit, Measured(own_build)))
            if number == ROUNDS:  # the next hour: nothing changed since this round's publish
                fresh_runner(folder)
                unchanged = Measured(publishing, env=env)
    one_unit, own = median_pair(pairs)
    return {
        "unit": CHANGED_UNIT,
        "ratios": pair_ratios(pairs),
        "first_publish_s": first.seconds,
        "one_unit_publish_s": one_unit.seconds,
        "one_unit_publish_cpu_s": one_unit.cpu_seconds,
        "one_unit_rebuilt": rebuilt(one_unit.output),
        "unit_own_build_s": own.seconds,
        "unit_own_build_cpu_s": own.cpu_seconds,
        "unchanged_hour_s": unchanged.seconds,
        "unchanged_hour_cpu_s": unchanged.cpu_seconds,
        "unchanged_hour_rebuilt": rebuilt(unchanged.output),
        "commits": int(git(remote, "rev-list", "--count", "gh-pages")),
    }


REBUILT_MARK = "rebuilt: "


def rebuilt(output: str) -> list[str]:
    return next(
        (json.loads(line[len(REBUILT_MARK) :]) for line in output.splitlines() if line.startswith(REBUILT_MARK)), []
    )


def publish_child(content: str, output: str, root: str) -> int:
    """The child process measured: ``invoke publish`` on this corpus; prints which units it rebuilt."""
    from warta.tool.publish import publish  # noqa: PLC0415  (only the child process publishes)

    results = publish(Path(content), Path(output), Path(root))
    print(REBUILT_MARK + json.dumps([slug for result in results for slug in result.rebuilt]))
    return 0


def preview_child(content: str, output: str, unit: str) -> int:
    """``invoke preview --unit``: the unit's own build with the publishing settings."""
    from warta.tool.build import build_units  # noqa: PLC0415

    [build] = build_units([unit], Path(content), Path(output), publish=True)
    return 0 if build.ok else 1


def table(figures: dict) -> str:
    ratio = figures["one_unit_publish_s"] / figures["unit_own_build_s"]
    rows = [
        ("CI first publish (all units)", figures["first_publish_s"], "s"),
        (f"CI publish, {figures['unit']} changed", figures["one_unit_publish_s"], "s"),
        (f"  rebuilt: {', '.join(figures['one_unit_rebuilt'])}", None, ""),
        (f"{figures['unit']} own build (preview --unit)", figures["unit_own_build_s"], "s"),
        ("CI publish, unchanged hour", figures["unchanged_hour_s"], "s"),
        (f"  rebuilt: {', '.join(figures['unchanged_hour_rebuilt']) or 'none'}", None, ""),
    ]
    lines = [f"{name:<44}{'' if value is None else f'{value:.2f}':>8} {unit}" for name, value, unit in rows]
    verdict = "holds" if ratio <= 1.2 else "MISSED"
    lines.append(f"{'one unit changed / its own build (<= 1.2)':<44}{ratio:>8.2f}  {verdict}")
    cpu = figures["one_unit_publish_cpu_s"] / figures["unit_own_build_cpu_s"]
    lines.append(f"{'  the same in CPU seconds':<44}{cpu:>8.2f}")
    lines.append(f"  every round's ratio (the median's shown): {', '.join(f'{r:.2f}' for r in figures['ratios'])}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus" / "ci")
    parser.add_argument("--articles", type=int, default=2000, help="articles of the big unit")
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--publish", nargs=3, help=argparse.SUPPRESS)  # CONTENT OUTPUT ROOT
    parser.add_argument("--preview", nargs=3, help=argparse.SUPPRESS)  # CONTENT OUTPUT UNIT
    args = parser.parse_args(argv)
    if args.publish:
        return publish_child(*args.publish)
    if args.preview:
        return preview_child(*args.preview)
    sizes = corpus.full_sizes()
    galleries = max(1, args.photos // sizes.photos_per_gallery)
    units = {**sizes.units, corpus.BIG_UNIT: args.articles}
    sizes = corpus.Sizes(units=units, galleries=galleries, photos_per_gallery=sizes.photos_per_gallery)
    folder = args.corpus.resolve()
    corpus.generate(folder, sizes)
    for generated in ("output", ".output-staging", ".cache"):
        shutil.rmtree(folder / generated, ignore_errors=True)
    figures = measure_ci(folder)
    print(json.dumps(figures, indent=2))
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
