"""Loading articles: front matter, formats, publication dates and input errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.article import ArticleError, load_article, make_article
from timeline.infer import infer_published

TODAY = date(2026, 11, 26)


def test_front_matter_fields(seed_path: Path) -> None:
    a = load_article(str(seed_path))
    assert a.title == "South Korea vows to hunt down Cambodia-based scam syndicates"
    assert a.source == "The Nation/ANN"
    assert a.published == date(2026, 1, 31)
    assert a.published_how == "front matter"
    assert a.text.startswith("BANGKOK:")


def test_published_option_wins_over_front_matter(seed_path: Path) -> None:
    a = load_article(str(seed_path), "2026-02-02")
    assert a.published == date(2026, 2, 2)
    assert a.published_how == "given"


def test_inferred_from_weekday_with_date(seed_body: str) -> None:
    a = make_article(seed_body, name="seed.txt", today=TODAY)
    assert a.published == date(2026, 1, 31)
    assert a.published_how == "inferred from 'Friday (Jan 30)'"


def test_inference_never_picks_a_future_year() -> None:
    # Jan 30 is a Friday in 2026 and 2032; seen from 2027 the article is from 2026.
    assert infer_published("He spoke on Friday (Jan 30).", date(2027, 6, 1)) == (date(2026, 1, 31),
                                                                               "'Friday (Jan 30)'")


def test_dateline_is_the_publication_date() -> None:
    text = "WASHINGTON, Jan. 30, 2026 (AP) — Congress passed the bill on Thursday."
    assert infer_published(text, TODAY) == (date(2026, 1, 30), "the dateline 'Jan. 30, 2026'")


def test_latest_past_date_bounds_from_below() -> None:
    text = "The law passed on March 3, 2025. It took effect on April 1, 2025. A review will follow on June 1, 2026."
    got = infer_published(text, TODAY)
    assert got is not None and got[0] == date(2025, 4, 2)


def test_no_evidence_names_published_option() -> None:
    with pytest.raises(ArticleError, match="--published"):
        make_article("Officials said the talks went well.", name="story.txt", today=TODAY)


def test_markdown_title_from_heading(tmp_path: Path) -> None:
    p = tmp_path / "story.md"
    p.write_text("# Floods hit the north\n\nRain began on **Monday**.\n", encoding="utf-8")
    a = load_article(str(p), "2026-01-31")
    assert a.format == "markdown" and a.title == "Floods hit the north" and a.id == "story"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"---\ntitle: [unclosed\n---\nText on Friday.\n", "front matter is not valid YAML"),
        (b"---\n- a list\n---\nText.\n", "front matter must be a mapping"),
        (b"---\npublished: someday\n---\nText.\n", "published 'someday' is not a date"),
        (b"---\ntitle: only\n---\n", "no article text"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        load_article(str(p), today=TODAY)
    text = str(err.value)
    assert text.startswith(str(p)) and message in text and "\n" not in text


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        load_article(str(tmp_path / "nope.txt"))
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(str(tmp_path))


def test_written_dates_in_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("---\npublished: 31 January 2026\n---\nHe left on Friday.\n", encoding="utf-8")
    assert load_article(str(p)).published == date(2026, 1, 31)
