"""Raw HTML in a body: nothing that runs code or loads from elsewhere is published."""

import base64
import hashlib

import pytest

from warta.model.sanitize import sanitize


def test_scripts_handlers_and_dangerous_links_are_removed():
    html = sanitize(
        '<p onclick="steal()">Hai<script>alert(1)</script> <a href="javascript:alert(1)">a</a>'
        ' <a href="data:text/html,x">b</a> <a href="../profil/">c</a> <a href="https://kemensos.go.id">d</a></p>'
        '<img src="x.jpg" alt="foto" onerror="alert(1)" style="width:9999px">'
    )
    assert "script" not in html and "alert" not in html and "onclick" not in html and "onerror" not in html
    assert "javascript:" not in html and "data:" not in html and "style" not in html
    assert '<a href="../profil/">c</a>' in html and '<a href="https://kemensos.go.id">d</a>' in html
    assert '<img src="x.jpg" alt="foto">' in html


def test_only_video_and_map_frames_stay():
    youtube = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>'
    osm = '<iframe src="https://www.openstreetmap.org/export/embed.html?bbox=1" title="Peta"></iframe>'
    html = sanitize(
        youtube
        + osm
        + '<iframe src="https://judi.example/slot"></iframe><iframe src="http://www.youtube.com/embed/x"></iframe>'
    )
    fitted = '<iframe loading="lazy" class="embed embed-wide" src='
    assert youtube.replace("<iframe src=", fitted) in html and osm.replace("<iframe src=", fitted) in html
    assert "judi" not in html and "http://" not in html


@pytest.mark.parametrize(
    ("size", "shape"),
    [
        ('width="560" height="315"', "wide"),
        ('width="600" height="450"', "photo"),
        ('width="100%" height="400"', "wide"),
    ],
)
def test_a_pasted_frame_keeps_its_shape_as_a_class_and_loads_lazily(size, shape):
    html = sanitize(f'<iframe class="big" src="https://www.google.com/maps/embed?pb=1" {size}></iframe>')
    assert f'class="embed embed-{shape}"' in html and 'loading="lazy"' in html and "big" not in html


def test_a_hostile_article_publishes_nothing_harmful(site):
    site.write(
        "news/2020/jahat.md",
        'Title: <script>alert("judul")</script> Rapat\nDate: 2020-01-01\nPenulis: <b onmouseover=x>Ani</b>\n'
        "Summary: <img src=x onerror=alert(2)> ringkasan\n\n"
        'Isi <script>alert(3)</script><iframe src="https://slot.example"></iframe> [x](javascript:alert(4))\n',
    )
    site.build()
    page = site.page("berita/2020/jahat")
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    inline = [
        s.string or "" for s in page.find_all("script") if not s.get("src") and s.get("type") != "application/ld+json"
    ]
    # The theme's own scripts travel inline, each allowed by its hash in the page's policy; nothing else may run.
    assert [text for text in inline if f"'sha256-{script_hash(text)}'" not in policy] == []
    assert not [text for text in inline if "alert" in text]
    assert page.h1.get_text() == '<script>alert("judul")</script> Rapat'
    assert not page.select("[onmouseover], [onerror], iframe")
    assert not [a for a in page.find_all("a", href=True) if a["href"].startswith("javascript:")]


def script_hash(text):
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
