"""Reading the header staff write: forgiving of editors, strict about dates and required fields."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from warta.model.contract import (
    NEWS,
    PAGE,
    check_document,
    parse_date,
    parse_document,
    read_document,
    slug_of,
    split_names,
)


def problems_of(text, kind=NEWS, lang="id"):
    doc = parse_document(text, Path("news/x.md"))
    return [p.format(lang) for p in check_document(doc, kind, "Asia/Jakarta")]


def test_awkward_but_valid_headers(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeffTitle : Judul\r\nDATE:\t2020-11-13\r\npenulis: Ani;  Budi ;\r\n\r\nIsi.\r\n".encode())
    doc = read_document(path)
    assert doc.get("title") == "Judul"
    assert doc.get("date") == "2020-11-13"
    assert split_names(doc.get("writer")) == ["Ani", "Budi"]
    assert doc.body.strip() == "Isi."
    assert check_document(doc, NEWS, "Asia/Jakarta") == []


def test_english_credit_keys_mean_the_same():
    doc = parse_document("Title: T\nWriter: Ani\nPhotographer: Eko\n\nx", Path("a.md"))
    assert doc.get("writer") == "Ani" and doc.get("photographer") == "Eko"


def test_degrees_stay_with_the_name():
    assert split_names("Puti Chairida Anwar, S.Psi., M.Si.; Humas Balai Melati") == [
        "Puti Chairida Anwar, S.Psi., M.Si.",
        "Humas Balai Melati",
    ]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("12/11/2020", "news/x.md:2: kesalahan: tanggal '12/11/2020' tidak dikenali"),
        ("2020-13-01", "news/x.md:2: kesalahan: tanggal '2020-13-01' tidak ada di kalender"),
        ("2024-02-30 10:00", "news/x.md:2: kesalahan: tanggal '2024-02-30 10:00' tidak ada di kalender"),
        ("13 November 2020", "news/x.md:2: kesalahan: tanggal '13 November 2020' tidak dikenali"),
    ],
)
def test_only_two_date_forms(date, expected):
    found = problems_of(f"Title: T\nDate: {date}\nPenulis: Ani\n\nx")
    assert [p for p in found if p.startswith(expected)], found


def test_dates_are_in_the_unit_timezone():
    date = parse_date("2020-11-13 10:00", "Asia/Jayapura")
    assert date.isoformat() == "2020-11-13T10:00:00+09:00"


def test_news_needs_title_date_and_writer():
    found = problems_of("Category: Kegiatan\n\nx")
    end = "di bagian atas berkas, sebelum baris kosong pertama"
    assert found == [
        f"news/x.md: kesalahan: keterangan 'Judul' wajib ada; tambahkan baris 'Judul: Judul Berita' {end}",
        f"news/x.md: kesalahan: keterangan 'Tanggal' wajib ada; tambahkan baris 'Tanggal: 2024-11-13 10:00' {end}",
        f"news/x.md: kesalahan: keterangan 'Penulis' wajib ada; tambahkan baris 'Penulis: Nama Penulis; Humas Nama "
        f"Unit' {end}",
    ]
    english = problems_of("Category: Kegiatan\n\nx", lang="en")[:2]
    assert english == [
        "news/x.md: error: the field 'Title' is required; add the line 'Title: Article Title' at the top of the "
        "file, before the first blank line",
        "news/x.md: error: the field 'Date' is required; add the line 'Date: 2024-11-13 10:00' at the top of the "
        "file, before the first blank line",
    ]


def test_a_required_key_written_but_empty_says_to_fill_it_in():
    found = problems_of("Judul:\nTanggal: 2020-01-01\nPenulis: Ani\n\nx")
    assert found == [
        "news/x.md:1: kesalahan: 'Judul' wajib diisi, tetapi masih kosong; tulis isinya sesudah 'Judul:' di baris ini"
    ]


def test_pages_need_only_a_title():
    assert problems_of("Title: Profil\n\nx", kind=PAGE) == []


def test_typos_in_keys_are_warnings_with_their_line():
    found = problems_of("Title: T\nDate: 2020-01-01\nPenulis: A\nKatagori: Kegiatan\n\nx", lang="en")
    assert found == [
        "news/x.md:4: warning: unknown field 'Katagori' (a typo?) is ignored; correct its name (the list is in "
        "docs/menulis.md) or delete this line"
    ]


def test_slug_from_file_name_or_slug_field():
    assert slug_of(parse_document("Title: T\n\nx", Path("news/2020/Rapat Koordinasi_Ñ.md"))) == "rapat-koordinasi_n"
    assert slug_of(parse_document("Title: T\nSlug: Lain Kali\n\nx", Path("news/a.md"))) == "lain-kali"


def test_unreadable_files(tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"Title: T\nPenulis: Andr\xe9\n")
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    for path, expected in (
        (latin, "latin.md:2: kesalahan: berkas ini disimpan dengan pengodean huruf"),
        (empty, "kosong"),
    ):
        with pytest.raises(Exception) as raised:
            read_document(path)
        assert expected in raised.value.problem.format("id")


@pytest.mark.parametrize(
    "value",
    [
        "2024-02-29",
        "2024-12-31 23:59",
        "2024-12-31 7:05",
        " 2024-01-01 00:00 ",
        "2024-02-30",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "2024-01-01 24:00",
        "2024-01-01 07:60",
        "0000-01-01",
        "٢٠٢٤-٠١-٠١",
    ],
)
def test_dates_read_as_strptime_reads_them(value):
    """parse_date builds the datetime itself from ASCII digits: the same date, or the same refusal, as strptime."""
    date_format = "%Y-%m-%d %H:%M" if ":" in value else "%Y-%m-%d"
    try:
        expected = datetime.strptime(value.strip(), date_format).replace(tzinfo=ZoneInfo("Asia/Makassar"))
    except ValueError:
        with pytest.raises(ValueError):
            parse_date(value, "Asia/Makassar")
    else:
        assert parse_date(value, "Asia/Makassar") == expected
        assert parse_date(value, "Asia/Makassar").tzinfo is expected.tzinfo
