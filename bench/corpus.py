"""A deterministic benchmark corpus: units of news in Indonesian-like text (half translated) and camera photos.

python -m bench.corpus DIR [--quick]   writes DIR/content/<unit>/ by the authoring contract of DESIGN.md.
The same seed and sizes always give the same bytes, so runs on different days measure the same work.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from functools import cache
from itertools import accumulate
from pathlib import Path

from PIL import Image

SEED = 2026
BIG_UNIT = "balai-besar"
PHOTO_UNIT = "galeri-foto"
WORDS_PER_ARTICLE = 600
PHOTO_SIZE = (4000, 3000)
STAMP = "corpus.json"
VERSION = 2  # 2: words from a lexicon with Zipf's frequencies (version 1 made half a million distinct words)
# A language's words, used with Zipf's law as in real prose: 1.2 million words of news then have some 40,000
# distinct ones (Heaps' law), which is what a search index grows with.
LEXICON_WORDS = 40_000

# Syllables of Indonesian, glued into words that read like it; common words keep the rhythm of real prose.
SYLLABLES = tuple(f"{consonant}{vowel}" for consonant in "bdklmnprst" for vowel in "aeiu")
COMMON = ("yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "ini", "itu", "akan", "oleh")
COMMON += ("bagi", "sosial", "balai", "layanan", "anak", "masyarakat")
ENGLISH = ("the", "and", "of", "to", "in", "for", "with", "on", "social", "centre", "service", "children")
ENGLISH += ("community", "families", "support", "staff")
CATEGORIES = ("Kegiatan", "Berita", "Pengumuman", "Layanan")
TAGS = ("rehabilitasi", "pelatihan", "lansia", "disabilitas", "anak", "keluarga", "relawan", "kesehatan", "ppid")
PLACES = ("Jakarta", "Bekasi", "Bogor", "Makassar", "Jayapura", "Bandung", "")
PEOPLE = ("Puti Chairida Anwar, S.Psi., M.Si.", "Humas Balai", "Eko Saputra", "Intan Qonita N", "Purwanto", "Ani")
ORIENTATIONS = (1, 1, 3, 6, 8)


@dataclass(frozen=True)
class Sizes:
    """How much to generate: ``units`` maps a unit slug to its number of articles."""

    units: dict
    galleries: int
    photos_per_gallery: int
    seed: int = SEED

    @property
    def photos(self) -> int:
        return self.galleries * self.photos_per_gallery


def full_sizes() -> Sizes:
    """Ten 200-article units, the 2,000-article bilingual unit, and 200 photos."""
    units = {f"unit-{number:02}": 200 for number in range(1, 11)}
    return Sizes(units={BIG_UNIT: 2000, **units}, galleries=20, photos_per_gallery=10)


def quick_sizes() -> Sizes:
    """The 2,000-article unit and 40 photos."""
    return Sizes(units={BIG_UNIT: 2000}, galleries=4, photos_per_gallery=10)


def generate(folder: Path, sizes: Sizes) -> dict:
    """Write the corpus into ``folder/content`` unless it is already there with these sizes; return its counts."""
    folder = Path(folder)
    stamp = folder / STAMP
    wanted = {**asdict(sizes), "version": VERSION}
    if stamp.is_file() and json.loads(stamp.read_text())["sizes"] == wanted:
        return json.loads(stamp.read_text())["counts"]
    shutil.rmtree(folder / "content", ignore_errors=True)
    counts = {"units": 0, "articles": 0, "translations": 0, "photos": 0}
    for slug, articles in sizes.units.items():
        rng = random.Random(f"{sizes.seed}-{slug}")
        written = write_unit(folder / "content" / slug, rng, articles)
        counts["units"] += 1
        counts["articles"] += written
        counts["translations"] += written // 2
    if sizes.photos:
        rng = random.Random(f"{sizes.seed}-{PHOTO_UNIT}")
        unit = folder / "content" / PHOTO_UNIT
        write_unit(unit, rng, 0)
        counts["units"] += 1
        counts["photos"] = write_galleries(unit / "galleries", rng, sizes.galleries, sizes.photos_per_gallery)
    stamp.write_text(json.dumps({"sizes": wanted, "counts": counts}, indent=2))
    return counts


def write_unit(folder: Path, rng: random.Random, articles: int) -> int:
    """unit.toml, the standing pages and ``articles`` news items, every second one translated."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "unit.toml").write_text(
        f'name = "Balai Uji {folder.name}"\nname_en = "Test Centre {folder.name}"\n'
        f'site_url = "https://{folder.name}.example.go.id"\n\n[categories]\n"Layanan" = "Services"\n',
        encoding="utf-8",
    )
    for page in ("profil", "layanan", "ppid", "pengaduan", "kontak", "aksesibilitas"):
        write(folder / "pages" / f"{page}.md", f"Title: {page.title()}\n\n{body(rng, 150)}")
        write(folder / "pages" / f"{page}.en.md", f"Title: {page.title()} (en)\n\n{body(rng, 150, ENGLISH)}")
    start = datetime(2015, 1, 1, 8, 0)
    for number in range(articles):
        date = start + timedelta(hours=number * 37 + rng.randrange(30))
        path = folder / "news" / f"{date:%Y}" / f"berita-{number:04}.md"
        write(path, article(rng, number, date))
        if number % 2 == 0:
            write(path.with_suffix(".en.md"), translation(rng, number))
    return articles


def article(rng: random.Random, number: int, date: datetime) -> str:
    place = rng.choice(PLACES)
    header = [
        f"Title: {sentence(rng, 8).rstrip('.')} {number}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Place: {place}" if place else "",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {', '.join(rng.sample(TAGS, 2))}",
        f"Penulis: {'; '.join(rng.sample(PEOPLE, rng.randint(1, 2)))}",
        f"Editor: {rng.choice(PEOPLE)}",
        f"Fotografer: {rng.choice(PEOPLE)}" if number % 3 == 0 else "",
        f"Summary: {sentence(rng, 20)}" if number % 4 == 0 else "",
    ]
    return "\n".join(filter(None, header)) + "\n\n" + body(rng, WORDS_PER_ARTICLE)


def translation(rng: random.Random, number: int) -> str:
    return f"Title: {sentence(rng, 8, ENGLISH).rstrip('.')} {number}\nPenerjemah: {rng.choice(PEOPLE)}\n\n" + body(
        rng, WORDS_PER_ARTICLE, ENGLISH
    )


def body(rng: random.Random, words: int, common=COMMON) -> str:
    """Markdown of about ``words`` words: paragraphs, a heading and a list, as news is written."""
    parts, written = [], 0
    while written < words:
        if len(parts) == 3:
            parts.append(f"## {sentence(rng, 4, common).rstrip('.')}")
        if len(parts) == 6:
            parts.append("\n".join(f"- {sentence(rng, 7, common)}" for _ in range(3)))
            written += 21
        paragraph = " ".join(sentence(rng, rng.randint(8, 18), common) for _ in range(rng.randint(3, 5)))
        parts.append(paragraph)
        written += paragraph.count(" ") + 1
    return "\n\n".join(parts) + "\n"


def sentence(rng: random.Random, words: int, common=COMMON) -> str:
    vocabulary, cumulative = lexicon(common)
    text = " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=words))
    return text[0].upper() + text[1:] + "."


@cache
def lexicon(common: tuple[str, ...]) -> tuple[list[str], list[float]]:
    """A language's words, its common ones first, and their cumulative Zipf weights (the n-th word weighs 1/n)."""
    rng = random.Random(f"{SEED}-{common[0]}")
    words = dict.fromkeys(common)
    while len(words) < LEXICON_WORDS:
        words.setdefault("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return list(words), list(accumulate(1 / rank for rank in range(1, len(words) + 1)))


def write_galleries(folder: Path, rng: random.Random, galleries: int, per_gallery: int) -> int:
    """``galleries`` folders of ``per_gallery`` camera-size JPEGs with EXIF, an index.md and half an index.en.md."""
    grain = Image.frombytes("RGB", PHOTO_SIZE, rng.randbytes(PHOTO_SIZE[0] * PHOTO_SIZE[1] * 3))  # the sensor's noise
    for number in range(galleries):
        gallery = folder / f"galeri-{number:03}"
        gallery.mkdir(parents=True, exist_ok=True)
        names = [f"{index + 1:02}.jpg" for index in range(per_gallery)]
        for name in names:
            (gallery / name).write_bytes(camera_jpeg(rng, grain))
        lines = photo_lines(rng, names, COMMON)
        write(
            gallery / "index.md",
            f"Title: Galeri {number}\nDate: 2024-{number % 12 + 1:02}-10\nPlace: Jakarta\n"
            f"Fotografer: {rng.choice(PEOPLE)}\nSummary: {sentence(rng, 12)}\n\n{lines}\n",
        )
        if number % 2 == 0:
            write(gallery / "index.en.md", f"Title: Gallery {number}\n\n{photo_lines(rng, names, ENGLISH)}\n")
    return galleries * per_gallery


def photo_lines(rng: random.Random, names: list[str], common) -> str:
    """A gallery body: one photo a line, with alt text and caption."""
    return "\n".join(f'![{sentence(rng, 5, common)}]({name} "{sentence(rng, 10, common)}")' for name in names)


def camera_jpeg(rng: random.Random, grain: Image.Image) -> bytes:
    """A 4000×3000 JPEG as a camera writes it: grainy, with orientation, camera serial, time and GPS in EXIF."""
    small = Image.new("RGB", (40, 30))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(40 * 30)])
    photo = Image.blend(small.resize(PHOTO_SIZE, Image.Resampling.BICUBIC), grain, 0.15)
    exif = Image.Exif()
    exif[0x0112] = rng.choice(ORIENTATIONS)  # Orientation
    exif[0x010F], exif[0x0110] = "Canon", "EOS 80D"  # Make, Model
    details = exif.get_ifd(0x8769)  # Exif IFD
    details[0x9003] = f"2024:{rng.randint(1, 12):02}:10 10:00:00"  # DateTimeOriginal
    details[0xA431] = f"{rng.randrange(10**9):09}"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)  # GPS IFD
    gps[1], gps[2] = "S", (6.0, float(rng.randint(0, 59)), 17.4)
    gps[3], gps[4] = "E", (106.0, float(rng.randint(0, 59)), 4.3)
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.folder, quick_sizes() if args.quick else full_sizes())))


if __name__ == "__main__":
    main()
