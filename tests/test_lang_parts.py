"""WCAG 2.x 3.1.2 (Language of Parts): every HTML element holding an article's own words says the
article's language with `lang` when it is not the page's (the theme's words: English, on
`<html lang="en">`). A French article's sentences are read with French pronunciation; an
English-only page carries no extra attribute; a hostile `lang` never reaches the markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.lang import html_lang

FRENCH = ("---\ntitle: Le barrage de la vallée\npublished: 2026-02-06\nlang: fr\n---\n"
          "Le 3 février 2026, le conseil municipal a voté la construction du barrage sur la rivière.\n\n"
          "Les travaux de la première tranche commenceront le 15 mars 2026 selon le maire de la ville.\n")
SPANISH = ("---\ntitle: La presa del valle\npublished: 2026-02-06\nlang: es\n---\n"
           "El 3 de febrero de 2026, el consejo votó la construcción de la presa en el río.\n\n"
           "Las obras de la primera fase comenzarán el 15 de marzo de 2026 según el alcalde.\n")
ENGLISH = ("---\ntitle: The dam in the valley\npublished: 2026-02-07\n---\n"
           "On 3 February 2026 the council voted to build the dam on the river.\n\n"
           "The first works will begin on 15 March 2026, the mayor said.\n")


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == (1 if args[0] == "diff" else 0)  # diff: 1 when the versions differ
    return capsys.readouterr().out


def _what(html: str) -> list[str]:
    """The opening tags of the sentences of the events (or of a story's days)."""
    return re.findall(r'<p class="what"[^>]*>', html)


@pytest.mark.parametrize("value,tag", [
    ("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr-FR"), ("fr-fr", "fr-FR"), ("es-419", "es-419"),
    ("zh-hant-tw", "zh-Hant-TW"), (" it ", "it"),
    ('fr"><script>', None), ("fr onmouseover=x", None), ("", None), (None, None), ("x", None),
    ("french", None), ("fr-", None), ("fr--FR", None), ("12", None), ("fr-FR-<b>", None),
])
def test_html_lang_is_a_valid_bcp47_tag_or_nothing(value: object, tag: str | None) -> None:
    assert html_lang(value) == tag


def test_a_french_article_page_marks_its_own_words_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, "barrage.md", FRENCH)
    html = _run(["extract", str(a), "-f", "html"], capsys)
    assert '<html lang="en">' in html  # the page is the theme's: its headings and labels are English
    whats = _what(html)
    assert whats and all(' lang="fr"' in t for t in whats), whats
    assert '<h1 lang="fr">Le barrage de la vallée</h1>' in html
    assert '<title lang="fr">Le barrage de la vallée</title>' in html
    assert re.search(r'<p class="when"[^>]*lang=', html) is None  # the date labels are the theme's English
    frag = _run(["extract", str(a), "-f", "html-fragment"], capsys)
    assert all(' lang="fr"' in t for t in _what(frag)) and _what(frag)
    assert re.search(r'<h2 id="tl-barrage" lang="fr">', frag)


def test_a_french_article_in_a_site_marks_its_text_and_title_everywhere(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _write(src, "barrage.md", FRENCH)
    _write(src, "dam.md", ENGLISH)
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q", "-j", "1"]) == 0
    page = (out / "barrage.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="text-heading">The article</h2>\s*<div lang="fr">\s*<p>Le ', page)
    assert all(' lang="fr"' in t for t in _what(page)) and _what(page)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="barrage.html" dir="auto" lang="fr">Le barrage de la vallée</a>' in index
    assert '<a href="dam.html" dir="auto">The dam in the valley</a>' in index
    combined = (out / "combined.html").read_text(encoding="utf-8")
    whats = _what(combined)
    assert sum(' lang="fr"' in t for t in whats) >= 1 and sum(' lang="fr"' not in t for t in whats) >= 1
    assert '<cite dir="auto" lang="fr">Le barrage de la vallée</cite>' in combined
    english = (out / "dam.html").read_text(encoding="utf-8")
    assert ' lang="fr"' not in english


def test_a_story_marks_the_spanish_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    _write(src, "presa.md", SPANISH)
    _write(src, "dam.md", ENGLISH)
    html = _run(["story", str(src), "-f", "html", "-q", "-j", "1", "--sentences", "3"], capsys)
    spanish = re.findall(r'<p class="what" lang="es">([^<]*)</p>', html)
    english = re.findall(r'<p class="what">([^<]*)</p>', html)
    assert spanish and all(("el " in s or "El " in s) for s in spanish), spanish
    assert english and all("the" in s for s in english), english


def test_an_english_only_page_has_no_lang_but_the_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    a = _write(src, "dam.md", ENGLISH)
    for fmt in ("html", "html-fragment", "svg"):
        out = _run(["extract", str(a), "-f", fmt], capsys)
        assert re.findall(r'\slang=', out) == ([' lang='] if fmt == "html" else []), fmt
    story = _run(["story", str(src), "-f", "html", "-q", "-j", "1"], capsys)
    assert re.findall(r'\slang=', story) == [' lang=']


def test_a_hostile_lang_cannot_inject_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Front matter refuses a `lang:` that is no language code; a timeline JSON file (read by `diff`,
    not checked by a reader) with one gets no attribute at all."""
    bad = _write(tmp_path, "bad.md", FRENCH.replace("lang: fr", "lang: 'fr\"><script>alert(1)</script>'"))
    assert main(["extract", str(bad), "-f", "html"]) == 2
    assert "not a language code" in capsys.readouterr().err
    good = _write(tmp_path, "barrage.md", FRENCH)
    data = _run(["extract", str(good), "-f", "json"], capsys)
    assert '"lang": "fr"' in data
    old = _write(tmp_path, "old.json", data.replace('"lang": "fr"', '"lang": "fr\\"><script>alert(1)</script>"'))
    new = _write(tmp_path, "new.json", data.replace("la rivière", "le fleuve"))
    html = _run(["diff", str(old), str(new), "-f", "html"], capsys)
    assert "<script>" not in html and "alert(1)</script>" not in html
    assert '<strong>Before:</strong> <span lang="fr">Le 3 février' in html  # "Before:" is the theme's


def test_a_diff_of_french_versions_marks_the_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _write(tmp_path, "v1.md", FRENCH)
    new = _write(tmp_path, "v2.md", FRENCH.replace("15 mars", "16 mars").replace("la rivière", "le fleuve"))
    html = _run(["diff", str(old), str(new), "-f", "html"], capsys)
    assert '<strong>After:</strong> <span lang="fr">Le 3 février' in html
    assert html.count('<span lang="fr">') == 4  # the old and new words of both changed events


def test_the_svg_overview_marks_article_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path, "barrage.md", FRENCH)
    svg = _run(["extract", str(a), "-f", "svg"], capsys)
    assert '<title id="timeline-title" lang="fr">' not in svg  # "Overview of the timeline: …" is English
    marks = re.findall(r'<g class="[^"]*"( lang="fr")?><title>', svg)
    assert marks and all(marks), marks


def test_a_mark_that_says_when_only_stays_english(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Past SHORT_TITLES events a mark's title is its date alone, in the theme's English."""
    from timeline import overview

    monkeypatch.setattr(overview, "SHORT_TITLES", 0)
    a = _write(tmp_path, "barrage.md", FRENCH)
    svg = _run(["extract", str(a), "-f", "svg"], capsys)
    marks = re.findall(r'<g class="[^"]*"( lang="fr")?><title>', svg)
    assert marks and not any(marks), marks


def test_an_old_theme_without_lang_still_renders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theme = _write(tmp_path / "theme", "_event.html", '<li class="event"><p class="what">{{ event.text }}</p></li>\n')
    _write(theme.parent, "base.html", '<!doctype html><html lang="en"><head><title>{{ title }}</title></head>'
           "<body>{% block header %}{% endblock %}{% block content %}{% endblock %}</body></html>\n")
    a = _write(tmp_path, "barrage.md", FRENCH)
    html = _run(["extract", str(a), "-f", "html", "--templates", str(theme.parent)], capsys)
    assert '<p class="what">Le 3 février 2026' in html
