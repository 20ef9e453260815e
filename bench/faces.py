"""Face detectors for protected photos compared on real faces that packages ship: recall, and what the blur leaves.

Faces: scikit-image's ``data.astronaut()`` (Eileen Collins, one portrait) and the 100 faces of
``data.lfw_subset()`` (Labeled Faces in the Wild, 25×25 crops), and group photos made by pasting many of them, at
sizes a group photo has, into a camera-sized (4000×3000) frame: by default the portraits and four groups of 12–48
(122 faces), and five more groups of 20–32 (the tests' group of 30 among them: 256 faces in all). Each detector
looks at the photo as the pipeline does (1600 pixels across); a face counts as found when a detection overlaps it
by 30 %. After ``blur_heads``, the checkers (BlazeFace at MediaPipe's threshold, the full cascade) look again at
the blurred photo: they must find no face. ``--cost``: also what protection costs, a protected photo's CPU over an
unprotected one's through the whole pipeline (bench/photos.py's camera photos).
``python -m bench.faces [--groups 4] [--more 5] [--cost] [--json PATH]`` (needs requirements-dev.txt: scikit-image)
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter
from skimage import data

from warta.media.faces import BlazeFace, Both, Box, Haar, YuNet, blur_heads, iou, pipeline_detector

CAMERA = (4000, 3000)
PIPELINE_WIDTH = 1600  # the widest derivative: where the pipeline detects and blurs
ASTRONAUT_HEAD = (140, 20, 310, 230)  # left, top, right, bottom of her head in the 512×512 portrait


@dataclass
class Scene:
    """A photo and where its faces are (in its own pixels)."""

    name: str
    image: Image.Image
    faces: list[Box]


def astronaut() -> Image.Image:
    return Image.fromarray(data.astronaut())


def lfw_faces() -> list[Image.Image]:
    """The 100 face crops of the LFW subset (the other 100 are not faces), as RGB."""
    crops = data.lfw_subset()[:100]
    return [Image.fromarray((crop * 255).astype(np.uint8)).convert("RGB") for crop in crops]


def background(size: tuple[int, int], seed: int) -> Image.Image:
    """A photo-like, faceless background: scikit-image's coffee cup, enlarged and softened, with noise."""
    base = Image.fromarray(data.coffee()).resize(size, Image.Resampling.BILINEAR)
    noise = Image.effect_noise(size, 24).convert("RGB")
    return Image.blend(base, noise, 0.15 + 0.05 * (seed % 3)).filter(ImageFilter.GaussianBlur(1))


def group_photo(count: int, seed: int, size: tuple[int, int] = CAMERA, face: tuple[int, int] = (90, 220)) -> Scene:
    """``count`` faces (LFW crops and the astronaut's head, in turn) pasted in rows into a camera-sized frame.

    ``face``: the range of face widths in the frame's pixels (at 1600 across: 36 to 88 pixels).
    """
    rnd = random.Random(seed)
    frame = background(size, seed)
    people = lfw_faces()
    head = astronaut().crop(ASTRONAUT_HEAD)
    columns = max(1, round((count * size[0] / size[1]) ** 0.5))
    rows = -(-count // columns)
    cell_w, cell_h = size[0] // columns, size[1] // rows
    faces = []
    for index in range(count):
        width = rnd.randint(*face)
        width = min(width, cell_w - 8, cell_h - 8)
        if index % 5 == 4:  # the astronaut: a whole head with hair and shoulders of her suit
            picture = head.resize((width, round(width * head.height / head.width)), Image.Resampling.LANCZOS)
            inner = Box(round(width * 0.2), round(picture.height * 0.22), round(width * 0.6), round(width * 0.6))
        else:
            picture = people[rnd.randrange(len(people))].resize((width, width), Image.Resampling.BICUBIC)
            inner = Box(0, 0, width, width)
        row, column = divmod(index, columns)
        left = column * cell_w + rnd.randint(0, max(0, cell_w - picture.width))
        top = row * cell_h + rnd.randint(0, max(0, cell_h - picture.height))
        frame.paste(picture, (left, top))
        faces.append(Box(left + inner.x, top + inner.y, inner.w, inner.h))
    return Scene(f"group of {count}", frame, faces)


def portrait_scenes() -> list[Scene]:
    """The astronaut as taken, smaller, and placed small in a camera frame (a portrait from across a room)."""
    portrait = astronaut()
    scenes = [Scene("astronaut 512 px", portrait, [Box(177, 67, 100, 100)])]
    frame = background(CAMERA, 0)
    frame.paste(portrait, (1700, 1200))
    scenes.append(Scene("astronaut in a camera frame", frame, [Box(1700 + 177, 1200 + 67, 100, 100)]))
    return scenes


def all_scenes(groups: int, more: int) -> list[Scene]:
    """The portraits, groups of 12, 24, 36, … faces, and more groups: the tests' 30 (seed 7), then 20, 24, 28, …."""
    scenes = portrait_scenes() + [group_photo(12 + 12 * n, seed=n) for n in range(groups)]
    if more:
        scenes.append(group_photo(30, seed=7))
    return scenes + [group_photo(20 + 4 * n, seed=100 + n) for n in range(more - 1)]


def at_pipeline_size(scene: Scene) -> Scene:
    """The scene as the pipeline sees it: at most 1600 pixels across."""
    if scene.image.width <= PIPELINE_WIDTH:
        return scene
    scale = PIPELINE_WIDTH / scene.image.width
    image = scene.image.resize((PIPELINE_WIDTH, round(scene.image.height * scale)), Image.Resampling.LANCZOS)
    faces = [Box(round(f.x * scale), round(f.y * scale), round(f.w * scale), round(f.h * scale)) for f in scene.faces]
    return Scene(scene.name, image, faces)


def found(face: Box, detections: list[Box]) -> bool:
    """A detection overlaps the face by at least 30 % (intersection over union; WIDER FACE counts 50 %).

    Detectors draw a face's box tighter or looser than the photo's own, so the bar is lower than WIDER's; a box
    several faces wide over a crowd, or a blurred patch beside a face, is a false alarm, not a face found.
    """
    return any(iou(face, detection) >= 0.3 for detection in detections)


def evaluate(detectors, checkers, scenes: list[Scene]) -> dict:
    """Per detector: faces found of all faces, false blurs, CPU seconds per photo, faces left after its blur.

    A false blur is a detection that overlaps no face (a blurred patch of background). A checker's detection counts
    only where it covers a real face: a false alarm on a blurred patch is no face.
    """
    results = {}
    for detector in detectors:
        hits = total = left = false = 0
        seconds = 0.0
        for scene in scenes:
            started = time.process_time()
            detections = detector.detect(scene.image)
            seconds += time.process_time() - started
            hits += sum(found(face, detections) for face in scene.faces)
            total += len(scene.faces)
            false += sum(not any(found(face, [box]) for face in scene.faces) for box in detections)
            blurred = blur_heads(scene.image, detections)
            left += sum(found(face, checker.detect(blurred)) for checker in checkers for face in scene.faces)
        results[detector.name] = {
            "recall": round(hits / total, 3),
            "faces": total,
            "missed": total - hits,
            "false_blurs": false,
            "cpu_seconds_per_photo": round(seconds / len(scenes), 3),
            "faces_found_after_blur": left,
        }
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=4, help="groups of 12, 24, 36, … faces (seeds 0, 1, …)")
    parser.add_argument("--more", type=int, default=5, help="groups of 30 (seed 7), 20, 24, 28, … (seeds 100, …)")
    parser.add_argument("--cost", action="store_true", help="also a protected photo's CPU over an unprotected one's")
    parser.add_argument("--photos", type=int, default=6, help="camera photos for --cost")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    scenes = [at_pipeline_size(scene) for scene in all_scenes(args.groups, args.more)]
    checkers = [BlazeFace(BlazeFace.MEDIAPIPE_SCORE), Haar()]  # as they come: MediaPipe's own threshold
    results = evaluate([*checkers, Both(), YuNet(), pipeline_detector()], checkers, scenes)
    print(f"{'detector':28} {'recall':>7} {'faces':>6} {'missed':>7} {'false':>6} {'CPU s':>6} {'left after blur':>16}")
    for name, figures in results.items():
        print(
            f"{name:28} {figures['recall']:7.3f} {figures['faces']:6d} {figures['missed']:7d}"
            f" {figures['false_blurs']:6d} {figures['cpu_seconds_per_photo']:6.3f}"
            f" {figures['faces_found_after_blur']:16d}"
        )
    if args.cost:
        from bench.photos import corpus, protected_over_unprotected_cpu  # noqa: PLC0415  (puts plugins/ on the path)

        ratio = round(protected_over_unprotected_cpu(corpus(args.photos), 2), 3)
        results["protected_over_unprotected_cpu"] = ratio
        print(f"a protected photo's CPU through the pipeline / an unprotected one's: {ratio} (target <= 1.5)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
