"""Loading articles: front matter, formats, publication dates and input errors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline.article import ArticleError, make_article
from timeline.infer import infer_published
from timeline.readers import load_article

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


def test_date_stamp_gives_its_year() -> None:
    # "14 MAR 16" (wire / military style) is 14 March 2016, not a day of some other year
    assert infer_published("The order was signed 14 MAR 16.", TODAY) == (date(2016, 3, 15), "'14 MAR 16'")


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


# --- publication dates are read strictly: every relative date hangs on them ---------------------------

from timeline.pubdate import PUBLISHED_RANGE, parse_date  # noqa: E402


@pytest.mark.parametrize(("text", "day"), [
    ("2026-01-31", date(2026, 1, 31)),
    ("2026-01-31T09:30:00Z", date(2026, 1, 31)),
    ("2026-01-31 23:30:00 -0500", date(2026, 1, 31)),  # the date as written, no time zone conversion
    ("2026-01-31T24:00", date(2026, 1, 31)),  # ISO 8601's end of the day
    ("2026-01-31 23:59:60 Z", date(2026, 1, 31)),  # a leap second
    ("2026/01/31", date(2026, 1, 31)),
    ("31 January 2026", date(2026, 1, 31)),
    ("Jan. 31, 2026", date(2026, 1, 31)),
    ("Saturday, 31st of January 2026", date(2026, 1, 31)),
    ("Sat, 31 Jan 2026 09:30:00 +0000", date(2026, 1, 31)),  # RSS
    ("31/01/2026", date(2026, 1, 31)),  # unambiguous: 31 is no month
    ("5/5/2026", date(2026, 5, 5)),
])
def test_accepted_publication_dates(text: str, day: date) -> None:
    assert parse_date(text, "f.txt") == day


@pytest.mark.parametrize(("text", "why"), [
    ("in 3 days", "is not a date"),
    ("yesterday", "is not a date"),
    ("last Friday", "is not a date"),
    ("2026-01-31xyz", "is not a date"),
    ("2026-01-31T25:00", "is not a date"),  # a time of day that no clock shows is no date-time
    ("2026-01-31 10:61", "is not a date"),
    ("2026-01-31T10:00+99:00", "is not a date"),  # an offset beyond a day
    ("2026-01-31T10:00 +0575", "is not a date"),
    ("01/02/2026", "is ambiguous"),
    ("2026-02-30", "is not a day of the calendar"),
    ("2026-13-01", "is not a day of the calendar"),
    ("0000-01-01", "is not a day of the calendar"),
    ("0001-01-01", "is outside the accepted range"),
    ("9999-12-31", "is outside the accepted range"),
])
def test_refused_publication_dates(text: str, why: str) -> None:
    with pytest.raises(ArticleError, match=re.escape(f"f.txt: published '{text}' {why}")):
        parse_date(text, "f.txt")


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01"])
def test_bad_front_matter_dates_are_one_line_errors(tmp_path: Path, value: str) -> None:
    path = tmp_path / "f.md"
    path.write_text(f"---\npublished: {value}\n---\nIt rained on Monday.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=rf"f.md: published '{value}' "):
        load_article(str(path))


def test_cli_refuses_out_of_range_and_relative_dates(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    from timeline.cli import main

    for value in ("0001-01-01", "9999-12-31", "in 3 days", "2026-01-31xyz"):
        with pytest.raises(SystemExit) as exc:
            main(["extract", str(seed_path), "--published", value])
        assert exc.value.code == 2
        assert value in capsys.readouterr().err
    lo, hi = PUBLISHED_RANGE
    assert main(["tag", str(seed_path), "--published", lo.isoformat()]) == 0
    assert main(["tag", str(seed_path), "--published", hi.isoformat()]) == 0


def test_front_matter_fields_must_be_single_values(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_text("---\ntitle: &a [x, *a]\npublished: 2026-01-31\n---\nIt rained.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="'title' must be a single value"):
        load_article(str(path))


def test_unclosed_front_matter_warns(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_text("---\ntitle: Floods\npublished: 2026-01-31\nIt rained on Monday.\n", encoding="utf-8")
    heard: list[str] = []
    article = load_article(str(path), "2026-01-31", warn=heard.append)
    assert len(heard) == 1 and "f.md: the front matter is not closed" in heard[0]
    assert article.text.startswith("---")  # nothing is silently dropped


def test_a_dateline_without_a_year_says_so() -> None:
    """The evidence names the dateline and says its year was not written but taken."""
    text = "MILTON, July 18 — The council voted on the budget."
    assert infer_published(text, TODAY) == (date(2026, 7, 18),
                                            "the dateline 'July 18' (it gives no year: the latest such day)")


_BODY = ("The city council approved the new budget on Tuesday after a long debate. "
         "The mayor said the vote on 3 February was close.")


@pytest.mark.parametrize("byline", [
    "Published on 6 February 2026",
    "Published: 6 February 2026",
    "Posted on February 6, 2026",
    "Updated 6 Feb 2026 14:02 GMT",
])
@pytest.mark.parametrize("titled", [True, False])
def test_an_english_byline_gives_the_publication_date(byline: str, titled: bool) -> None:
    """"Published on 6 February 2026" on a first or second line is the publication date itself
    (not a past event the article ran the day after), no event, and no title."""
    from timeline.events import find_events

    head = "Council approves new budget\n\n" if titled else ""
    a = make_article(f"{head}{byline}\n\n{_BODY}\n", today=TODAY)
    assert a.published == date(2026, 2, 6), a.published_how
    assert a.published_how == f"inferred from the byline '{byline}'"
    assert a.title == "Council approves new budget" if titled else a.title.startswith("The city council approved")
    events = find_events(a)
    assert events and all("February 2026" not in e.text and "Feb 2026" not in e.text for e in events)


def test_a_byline_further_down_is_a_sentence() -> None:
    """Only the top of a text holds bylines: a line deep in the text stays what it says."""
    text = f"Council approves new budget\n\nBy Jo Lee\n\n{_BODY}\n\nMore text here.\n\nPublished on 6 February 2026\n"
    got = infer_published(text, TODAY)
    assert got is not None and not got[1].startswith("the byline")


def test_a_wire_pages_time_stamp_is_a_dateline() -> None:
    text = "NEW YORK | Tue Jul 6, 2010 5:28 am EDT NEW YORK (Reuters) - The ban may pass. It was proposed in 2009."
    assert infer_published(text, TODAY) == (date(2010, 7, 6), "the dateline 'Tue Jul 6, 2010'")
