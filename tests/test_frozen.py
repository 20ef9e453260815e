"""The summary's first paragraph of prose (plugins/frozen), read only as far as that paragraph."""

from plugins.frozen.frozen import first_prose


def test_first_prose_skips_what_is_not_prose():
    body = (
        "<table><tr><td><p>sel</p></td></tr></table><ul><li><p>butir</p></li></ul>"
        "<figure><p>keterangan</p></figure><p>Paragraf <em>pertama</em>\n&amp; isi.</p><p>kedua</p>"
    )
    assert first_prose(body) == "Paragraf pertama & isi."


def test_first_prose_reads_past_paragraph_ends_that_are_not_its_own():
    # "</p>" inside a comment or a script is no paragraph's end; the paragraph goes on after it.
    assert first_prose("<p>satu<!-- </p> --> dua</p><p>tiga</p>") == "satu dua"
    assert first_prose("<P>Huruf besar</P><p>lain</p>") == "Huruf besar"


def test_first_prose_of_a_body_without_prose_is_empty():
    assert first_prose("<pre><p>kode</p></pre><p>tidak ditutup") == ""
    assert first_prose("") == ""


def test_a_plain_first_paragraph_reads_as_the_parser_reads_it():
    for body in ("<p>Satu  dua\n\ttiga > empat</p><p>lain</p>", "\n<p> Kata </p>"):
        parsed = first_prose("<div></div>" + body)  # opening with another tag: read by the parser
        assert first_prose(body) == parsed and parsed in ("Satu dua tiga > empat", "Kata")
    assert first_prose("<p> </p><p>Kedua</p>") == "Kedua"  # an empty paragraph is no summary
