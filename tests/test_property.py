"""Random metadata and Markdown through the check and the build: never a traceback, always a site or a clear error."""

import shutil

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pelican import Pelican
from pelican.settings import read_settings

from warta import ROOT
from warta.adapter.settings import unit_settings
from warta.model.problems import ContentError
from warta.tool.check import check_unit

KEYS = [
    "Title",
    "Date",
    "Modified",
    "Place",
    "Category",
    "Tags",
    "Penulis",
    "Editor",
    "Penerjemah",
    "Fotografer",
    "Writer",
    "Summary",
    "Status",
    "Slug",
    "TITLE",
    "Title ",
    "Tanggal",
    "Cover",
    "Gallery",
]
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
DATES = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
    st.sampled_from(["12/11/2020", "2020-02-30", "", "besok", "2020-11-13T10:00", "0000-00-00"]),
)
VALUES = st.one_of(WORDS, DATES, st.sampled_from(["draft", "<script>alert(1)</script>", "Ani; Budi", "a, b, c"]))
HEADER = st.lists(st.tuples(st.sampled_from(KEYS), VALUES), max_size=8)
BODY = st.lists(
    st.one_of(
        WORDS, st.sampled_from(["# Judul", "- butir", "![foto](x.jpg)", "<b onclick=x>", "```", "| a |", "> kutip"])
    ),
    max_size=6,
).map("\n".join)
UNIT = 'name = "Balai Uji"\nsite_url = "https://uji.example.go.id"\n'


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=HEADER, body=BODY, folder=st.sampled_from(["news/2020", "pages"]))
def test_any_file_gives_a_site_or_a_clear_error(tmp_path_factory, header, body, folder):
    root = tmp_path_factory.mktemp("prop")
    unit = root / "content" / "balai-uji"
    (unit / folder).mkdir(parents=True)
    (unit / "unit.toml").write_text(UNIT)
    text = "\n".join(f"{key}: {value}" for key, value in header) + "\n\n" + body + "\n"
    (unit / folder / "acak.md").write_text(text, encoding="utf-8")

    errors = [p for p in check_unit(unit, root=root) if p.is_error]
    event("refused" if errors else "built")
    for problem in errors:
        assert problem.format("id", root).startswith("content/balai-uji/")

    output = root / "output"
    made = unit_settings(ROOT, root / "content", "balai-uji")
    pelican_settings = read_settings(override={**made, "OUTPUT_PATH": str(output)})
    try:
        Pelican(pelican_settings).run()
    except ContentError as refused:
        assert errors, f"the build refused what the check passed: {refused}"
        assert "acak.md" in str(refused)
    else:
        assert not errors, f"the check refused what the build published: {errors}"
        assert (output / "index.html").is_file()
    finally:
        shutil.rmtree(root, ignore_errors=True)
