"""The build's photos: derivatives made once per content hash in one process pool, then linked into the site.

A warm build reads no photo: a small stat index (path, size, mtime, inode, recipe) points at the cache entry, so a
photo already derived costs a ``stat`` and two small reads. A fresh checkout (CI) misses the stat index, hashes the
files, finds the content-addressed entries and still decodes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from warta.model.contract import make_slug
from warta.model.problems import Problem

from .photos import CARD, EXTENSIONS, PhotoError, Recipe, derive, entry_dir, link_or_copy, read_manifest

logger = logging.getLogger(__name__)
MIME = {"webp": "image/webp", "jpeg": "image/jpeg"}


@dataclass(frozen=True)
class Derivative:
    url: str
    format: str
    width: int
    height: int
    cached: Path


@dataclass(frozen=True)
class PhotoSet:
    """One source photo's derivatives; ``url`` paths are relative to the site root."""

    source: Path
    derivatives: tuple[Derivative, ...]

    def of(self, fmt: str) -> list[Derivative]:
        return sorted((d for d in self.derivatives if d.format == fmt), key=lambda d: d.width)

    @property
    def formats(self) -> list[str]:
        return sorted({d.format for d in self.derivatives} - {CARD}, key=lambda fmt: fmt == "jpeg")

    @property
    def card(self) -> Derivative | None:
        """The social-card crop, when the recipe made one."""
        return next((d for d in self.derivatives if d.format == CARD), None)

    @property
    def largest(self) -> Derivative:
        """The widest derivative in the most compatible format (JPEG when made): what a plain link opens."""
        return self.of(self.formats[-1])[-1]


def derivative_label(item: dict) -> str:
    if item["format"] == CARD:
        return item["file"]
    return f"{item['width']}.{EXTENSIONS[item['format']]}"


def photo_set(source: Path, manifest: dict, cache: Path, recipe: Recipe, base_url: str) -> PhotoSet:
    """Output names carry the source's content hash, so a changed photo never hides behind a cached URL."""
    stem = make_slug(source.stem) or "foto"
    entry = entry_dir(cache, manifest["digest"], recipe)
    tag = f"{manifest['digest'][:10]}{recipe.key[:4]}"
    derivatives = tuple(
        Derivative(
            f"{base_url}{stem}-{tag}-{derivative_label(item)}",
            item["format"],
            item["width"],
            item["height"],
            entry / item["file"],
        )
        for item in manifest["files"]
    )
    return PhotoSet(source, derivatives)


def stat_key(source: Path, recipe: Recipe) -> str:
    """Sources arrive resolved (warta.model.galleries.resolve), so the path names the file."""
    found = source.stat()
    text = f"{source}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ino}\0{recipe.key}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def known_manifest(source: Path, recipe: Recipe, cache: Path) -> dict | None:
    """The manifest of a photo this cache has seen unchanged (same stat), without reading the photo."""
    try:
        digest = (cache / "stat" / stat_key(source, recipe)).read_text(encoding="ascii").strip()
    except OSError:
        return None
    return read_manifest(entry_dir(cache, digest, recipe))


def remember(source: Path, recipe: Recipe, cache: Path, manifest: dict) -> None:
    folder = cache / "stat"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / stat_key(source, recipe)
    temporary = target.with_name(f"{target.name}.{os.getpid()}")
    temporary.write_text(manifest["digest"], encoding="ascii")
    temporary.replace(target)


def develop(
    sources, recipe: Recipe, cache: Path, jobs: int, base_url: str, protected=frozenset()
) -> tuple[dict, list[Problem]]:
    """PhotoSets by source path for every source, and a problem naming each photo that cannot be published.

    A source in ``protected`` is blurred wherever it is shown: its recipe, so its cache entry and URLs, differ.
    """
    recipes = recipes_for(dict.fromkeys(sources), recipe, protected)
    manifests, todo = {}, []
    for source, chosen in recipes.items():
        manifest = known_manifest(source, chosen, cache)
        if manifest is None:
            todo.append(source)
        else:
            manifests[source] = manifest
    problems = []
    for source, outcome in derive_all([(source, recipes[source]) for source in todo], cache, jobs):
        if isinstance(outcome, PhotoError):
            problems.append(Problem.of(source, outcome.code, **outcome.params))
        else:
            remember(source, recipes[source], cache, outcome)
            manifests[source] = outcome
    logger.info("galleries: %d photos, %d of them new or changed", len(manifests) + len(problems), len(todo))
    sets = {
        source: photo_set(source, manifest, cache, recipes[source], base_url) for source, manifest in manifests.items()
    }
    return sets, problems


def recipes_for(sources, recipe: Recipe, protected) -> dict[Path, Recipe]:
    """Each source's recipe: protected photos carry the face blur's version (loading OpenCV only when there are)."""
    if not any(source in protected for source in sources):
        return dict.fromkeys(sources, recipe)
    from warta.media.faces import version  # noqa: PLC0415  (OpenCV loads in 0.3 s: only units with protected photos)

    blurred = dataclasses.replace(recipe, faces=version())
    return {source: blurred if source in protected else recipe for source in sources}


def derive_all(jobs_to_do: list[tuple[Path, Recipe]], cache: Path, jobs: int):
    """(source, manifest or PhotoError) for each (source, recipe); one pool of at most ``jobs`` processes."""
    workers = min(jobs, len(jobs_to_do))
    if workers <= 1:
        for source, recipe in jobs_to_do:
            yield source, attempt(derive, str(source), recipe, str(cache))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [(source, pool.submit(derive, str(source), recipe, str(cache))) for source, recipe in jobs_to_do]
        for source, future in futures:
            yield source, attempt(future.result)


def attempt(function, *args):
    try:
        return function(*args)
    except PhotoError as error:
        return error


def publish(sets, output: Path) -> None:
    """Hard-link (or copy) every derivative into the output folder."""
    derivatives = [derivative for photos in sets for derivative in photos.derivatives]
    for folder in {(output / derivative.url).parent for derivative in derivatives}:
        folder.mkdir(parents=True, exist_ok=True)
    for derivative in derivatives:
        link_or_copy(derivative.cached, output / derivative.url)
