"""The fast paths for many small rows (a collection of one-sentence articles) give exactly what
the general code gives: each is checked against the plain definition it replaces."""

from __future__ import annotations

import re

import pytest

from timeline import lang
from timeline.events import _FUTURE, _MODAL, _future_at
from timeline.readers.collection import _fields
from timeline.text import _paragraph_spans, segment

TEXTS = [
    "The port reopened on Monday after 1 days.",
    "Le gouvernement a annoncé que les élections auront lieu dans le pays et que le président est "
    "parti pour la capitale avec les ministres de la région qui ne sont pas d'accord sur le budget.",
    "El gobierno dijo que los precios de la energía subirán en el país por la crisis y que las "
    "empresas del sector han pedido ayuda para los trabajadores que se quedan sin empleo.",
    "Der Minister sagte, dass die Regierung nicht mit der Opposition sprechen wird und dass die "
    "Wahl im Herbst für das Land auch eine Frage der Zukunft ist, die sich nach dem Sommer stellt.",
    "the of and to in is that for it was on with as by at from his are be this el la de",
    "",
    # English with no word another language lists (answered at once), with one, and a mix
    "It was said that the port of the city is to be closed for the winter and that it will not open.",
    "It was said that the port of the city is to be closed as the winter comes and it will not open.",
    "The president of the la liga club said that the de facto ban is in place for the rest of the year.",
    "the of and to in is that for it was on with his are be this der die das und ist nicht ein eine den",
]


def _reference_detect(text: str) -> str:
    """The language test as the module docstring defines it: one count a language."""
    words = [w.lower() for w in lang._WORD.findall(text[:20_000])[:lang._WORDS]]
    hits = {code: sum(1 for w in words if w in stop) for code, stop in lang._STOPWORDS.items()}
    ranked = sorted(hits, key=lambda k: (-hits[k], k))
    best, second = ranked[0], ranked[1]
    if hits[best] < lang.MIN_HITS or hits[best] < lang.MARGIN * hits[second] \
            or hits[best] < lang.SHARE * len(words):
        return lang.DEFAULT
    return best


@pytest.mark.parametrize("text", TEXTS)
def test_language_detection_counts_as_the_definition(text: str) -> None:
    assert lang.detect(text) == _reference_detect(text)


@pytest.mark.parametrize("sentence", [
    "They WILL reopen the port.", "They'll reopen it.", "It Won’t reopen.", "Officials are Expected to meet.",
    "The port reopened.", "Prices could rise.", "He would have gone.", "Şirket WILL grow.",
    "Tomorrow İt will rain.", "The plans to build were dropped.", "Ships are due\tto arrive.",
    "Nothing ahead here.", "It WON'T.", "SHALL WE?", "WOULD IT?", "WE'LL SEE.", "Is To Be seen.", "It May rain.",
    "It MAY rain.", "Prices could\nrise.", "They might not.", "The mayor spoke.", "Storms today.",
])
def test_future_search_on_lowercased_ascii_finds_what_the_case_blind_search_finds(sentence: str) -> None:
    found = [m.start() for m in (_FUTURE.search(sentence), _MODAL.search(sentence)) if m is not None]
    assert _future_at(sentence) == (min(found) if found else None)


@pytest.mark.parametrize("text", ["One line. Two sentences.", "  padded line  ", "x", "Jan. 5 came. Then."])
def test_a_single_line_is_one_paragraph_as_the_general_loop_finds(text: str) -> None:
    assert _paragraph_spans(text) == [(0, len(text))]
    # The general loop, reached by a second line: the first paragraph is the same.
    assert segment(text) == [s for s in segment(text + "\nAnother line here.") if s.paragraph == 0]


@pytest.mark.parametrize(("value", "kept"), [
    ("plain text", "plain text"), ("tab\there", "tab\there"), ("a\r\nb", "a\nb"), ("bell\x07", "bell"),
    ("half \ud800", "half \ufffd"), ("   ", None), ("é ü ✓", "é ü ✓"),
])
def test_a_field_is_cleaned_only_when_it_needs_it(value: str, kept: str | None) -> None:
    row = _fields("feed.jsonl", 1, [("text", value)])
    assert (row.fields or {}).get("text") == kept
    assert bool(row.warnings) == bool(re.search("[\ud800-\udfff]", value))


@pytest.mark.parametrize(("value", "mod"), [
    ("2026-01-31", None), ("2025", "START"), ("2025-Q3", None), ("PRESENT_REF", None), ("P3D", None),
    ("2025-02-30", None), ("2026-01-31", None),
])
def test_remembered_intervals_and_labels_are_the_calendar_s(value: str, mod: str | None) -> None:
    from timeline import calendar
    from timeline.events import _interval, _label

    for _ in range(2):  # the first call computes, the second remembers
        assert _interval(value, mod) == calendar.interval(value, mod)
        assert _label(value, mod) == calendar.label(value, mod)


# --- the events table: rows and their bytes, made directly, are those of the plain definitions -----

SEED_TEXT = ("Police arrived last Wednesday. The port will reopen in March.\n"
             "Since last November, prices rose 5% compared with 2019. Officials said on Friday that "
             "talks begin on 3 February and end on 5 February.\n=Profit rose in Q3 2025.")


def _reference_rows(result: object, latest: bool = True) -> list[dict[str, object]]:
    """`event_rows` as first written: the event's JSON form, lists flattened, the article's fields added."""
    from timeline.table import COLUMN_NAMES
    from timeline.versions import version_number

    article = result.article  # type: ignore[attr-defined]
    rows = []
    for e in result.events:  # type: ignore[attr-defined]
        d = e.to_dict()
        offset = d.pop("offset")
        clause = e.clause or (None, None)
        row = {**d, "sources": ";".join(e.sources or (e.article,)), "start": e.start, "end": e.end,
               "offset_start": offset[0], "offset_end": offset[1], "clause_start": clause[0],
               "clause_end": clause[1], "title": article.title, "source": article.source, "url": article.url,
               "published": article.published, "published_how": article.published_how,
               "edited": ";".join(e.edited) or None, "lang": article.lang,
               "version": version_number(article.id), "latest": latest}
        rows.append({name: row.get(name) for name in COLUMN_NAMES})
    return rows


def _results() -> list[object]:
    import dataclasses
    from datetime import date

    from timeline.article import make_article
    from timeline.pipeline import process

    out = []
    for undated in ("none", "lead", "all"):
        article = make_article(SEED_TEXT, name="feed.jsonl: row 3", article_id="story-v2", published=date(2026, 1, 31),
                               source="Wire", url="https://example.org/a", title="A story")
        out.append(process(article, undated=undated))
    edited = out[-1]
    events = list(edited.events)  # type: ignore[attr-defined]
    events[0] = dataclasses.replace(events[0], edited=("headline", "date"), headline="H", note="N")
    events[1] = dataclasses.replace(events[1], edited=("added",), cite="Other", cite_url="https://x.org")
    out.append(dataclasses.replace(edited, events=tuple(events)))  # type: ignore[type-var]
    return out


@pytest.mark.parametrize("latest", [True, False])
def test_event_rows_are_the_flattened_json_events(latest: bool) -> None:
    from timeline.table import COLUMN_NAMES, event_rows

    for result in _results():
        rows = event_rows(result, latest=latest)  # type: ignore[arg-type]
        assert rows == _reference_rows(result, latest)
        assert all(tuple(r) == COLUMN_NAMES for r in rows)  # the keys in column order: the JSON's order


def test_jsonl_and_csv_bytes_are_those_of_json_dumps_and_the_csv_writer() -> None:
    import csv
    import io
    import json
    from datetime import date

    from timeline.output import spreadsheet_safe
    from timeline.table import COLUMN_NAMES, csv_text, event_rows, jsonl_text

    rows = [r for result in _results() for r in event_rows(result)]  # type: ignore[arg-type]
    iso = lambda v: v.isoformat()  # noqa: E731
    assert jsonl_text(rows) == "".join(json.dumps(r, ensure_ascii=False, default=iso) + "\n" for r in rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        writer.writerow(["" if row[c] is None else spreadsheet_safe(str(row[c])) if isinstance(row[c], str)
                         else row[c].isoformat() if isinstance(row[c], date) else row[c] for c in COLUMN_NAMES])
    assert csv_text(rows) == buf.getvalue()


def test_a_row_s_article_is_the_text_s_with_the_row_s_fields() -> None:
    """The article of a text row, made in one go, is the text's article with the row's fields put
    over it (how it was made before)."""
    from datetime import date

    from timeline.article import Article, make_article
    from timeline.readers.collection import Row, article_from_row

    for fields in [{"text": "Police arrived last Wednesday.", "published": "2026-01-31"},
                   {"text": "---\nsource: Front\nurl: https://f.org\n---\nPolice arrived.", "date": "31 Jan 2026",
                    "source": "Wire", "author": "Ann", "title": "T  t", "id": "x y"},
                   {"text": "---\nsource: Front\nurl: https://f.org\n---\nPolice arrived.", "published": "2026-01-31"}]:
        row = Row("feed.jsonl", 4, fields)
        own = fields.get("published") or fields.get("date")
        plain = make_article(fields["text"], name=row.name, article_id="x-y" if "id" in fields else "feed-4",
                             title=" ".join(fields["title"].split()) if "title" in fields else None,
                             published=date(2026, 1, 31), fmt="text")
        expected = Article(**{**plain.__dict__, "source": fields.get("source") or plain.source,
                              "url": fields.get("url") or plain.url, "author": fields.get("author"),
                              "path": row.name, "published_how": "collection" if own else plain.published_how})
        assert article_from_row(row) == expected


def test_a_date_string_read_again_is_the_same_date_and_a_bad_one_an_error_each_time() -> None:
    from timeline.article import ArticleError, parse_date

    for _ in range(2):
        assert parse_date("31 Jan 2026", "a") == parse_date("2026-01-31", "b")
        for name in ("feed: row 1", "feed: row 2"):
            with pytest.raises(ArticleError, match=f"^{name}: published '2026-13-45'"):
                parse_date("2026-13-45", name)


@pytest.mark.parametrize("text", ["The port closed.", "Police arrived last Wednesday.", "Updated.", SEED_TEXT,
                                  "The port will reopen in March, officials said on Friday."])
@pytest.mark.parametrize("undated", ["none", "lead", "all"])
def test_process_orders_and_merges_as_the_general_path(text: str, undated: str) -> None:
    """`process` skips ordering and merging for one event or none: the events are those of the
    general path (merge the reports in chronological order, put them in text order, filter)."""
    from datetime import date

    from timeline.article import make_article
    from timeline.chronology import filter_status, merge_reports, order_key
    from timeline.events import find_events
    from timeline.pipeline import process

    article = make_article(text, article_id="a", published=date(2026, 1, 31))
    for status in (None, ["expected"]):
        found = find_events(article, undated=undated)
        merged = merge_reports(sorted(found, key=lambda e: order_key(e, {"a": 0})))
        general = filter_status(sorted(merged, key=lambda e: (e.sentence, e.offset[0], e.text_start)), status)
        assert process(article, undated=undated, status=status).events == general


def test_the_remembered_publication_day_is_the_day() -> None:
    from datetime import date, timedelta

    from timeline.events import _Day, _publication_day

    for day in (date(2026, 1, 31), date(2026, 12, 31), date(2026, 1, 31)):
        assert _publication_day(day) == _Day(day.isoformat(), day, day + timedelta(days=1), "day")


# --- second round: reading, the language test, comparison hints -----------------------------------

OTHER_WORDS_TEXTS = [
    # English with seven, then eight words another language lists ("as", "do", "no", "la", "come",
    # "son", "die", "con", "art"): the count that decides whether to count at all
    "As we do no harm, la come son die con the of and to in is that for it was on with.",
    "As we do no harm, la come son die con art the of and to in is that for it was on with.",
    "La la la la la la la la.",
    "la la la la la la la",
    "LE GOUVERNEMENT A ANNONCE QUE LES ELECTIONS AURONT LIEU DANS LE PAYS ET QUE LE PRESIDENT EST PARTI.",
    "l'homme d'etat qu'il n'est pas de la ville, c'est une affaire pour les gens du pays et des autres.",
    "Die Regierung hat in der Nacht die Wahl fuer das Land und die Stadt auf den Herbst verschoben, sagte er.",
]


@pytest.mark.parametrize("text", OTHER_WORDS_TEXTS)
def test_language_detection_of_ascii_text_counts_as_the_definition(text: str) -> None:
    assert lang.detect(text) == _reference_detect(text)


def test_the_letter_runs_count_at_least_the_listed_words_the_test_reads() -> None:
    # The quick answer of `detect` (fewer than MIN_HITS runs that are listed words: the default)
    # is the test's own only if the runs never count fewer listed words than the words read do.
    odd = "l'de la d'el x'y'die qu'il c'est de'la la' 'la' rock'n'la the-la la_la"
    for text in [*OTHER_WORDS_TEXTS, odd, odd * 60, "la " * 500 + "el " * 500]:
        low = text.lower()
        runs = sum(w in lang._OTHERS_WORDS for w in re.findall("[a-z]+", low))
        read = sum(w in lang._OTHERS_WORDS for w in lang._ASCII_WORD.findall(low)[:lang._WORDS])
        assert runs >= read
        assert lang.detect(text) == _reference_detect(text)


def test_the_letter_runs_read_off_the_bytes_are_the_regex_s_and_count_the_same_listed_words() -> None:
    import string

    from timeline.text import letter_runs

    odd = "l'de la d'el x'y'die qu'il c'est de'la la' 'la' rock'n'la the-la la_la la1la \tla\x0bla\x7fla"
    every = "".join(chr(c) for c in range(128)) + "la" + "".join(chr(c) + "el" for c in range(128))
    for text in [*OTHER_WORDS_TEXTS, odd, every, string.printable, ""]:
        low = text.lower()
        runs = letter_runs(low)
        assert [r.decode() for r in runs] == re.findall("[a-z]+", low)
        assert sum(map(lang._OTHERS_ASCII.__contains__, runs)) == sum(map(lang._OTHERS_WORDS.__contains__,
                                                                          re.findall("[a-z]+", low)))


def test_the_ascii_word_pattern_finds_the_words_of_lowercased_ascii_text() -> None:
    import string

    odd = "it's a dog's-life: x'y 'quoted' rock'n'roll 3am 1st_place a1b2 ab''cd"
    texts = [*OTHER_WORDS_TEXTS, odd, string.printable]
    for text in texts:
        low = text.lower()
        assert lang._ASCII_WORD.findall(low) == lang._WORD.findall(low)


@pytest.mark.parametrize("before", [
    "the lowest close since ", "prices rose 5% compared with ", "UP FROM 11% A YEAR AGO IN ", "Than in ",
    "the figure, up from ", "it was seen as the first time Since ", "no hint here at all ",
    "ſince records began in ", "the K-shaped lowest since ",  # letters that case-folding maps onto ASCII ones
])
def test_the_comparison_hint_on_lowercased_ascii_is_the_case_blind_one(before: str) -> None:
    from timeline.events import _REFERENCE_HINT, _REFERENCE_HINT_LOW

    if before.isascii():
        assert (_REFERENCE_HINT_LOW.search(before.lower()) is None) == (_REFERENCE_HINT.search(before) is None)
    from timeline.events import is_reference
    from timeline.temporal import tag

    text = before + "2019."
    for t in tag(text, "2026-01-31"):
        hinted = _REFERENCE_HINT.search(text[max(0, t.start - 90):t.start]) is not None
        assert is_reference(text, 0, t) == (hinted and is_reference_by_definition(text, t))


COMPARISONS = [
    "the lowest close since ", "THE LOWEST CLOSE SINCE ", "for the First Time Ever Since the start of ",
    "Prices rose 5% Compared With ", "UP FROM 11% A YEAR AGO IN ", "Than in ", "than it was ", "versus ", "VS. ",
    "Its Tightest Since ", "the council's closest since ", "the latest since ", "Not Seen Since the ",
    "since records BEGAN in ", "it rose 4.1% From ", "sales fell 3 Per Cent from ", "rose from 2009 to ",
    "Unprecedented Since ", "RELATIVE TO ", "compared to the same period of ", "the deadliest Since ",
    "the lowest close since \t", "a (weird) line: lowest; since ", "no hint here at all ", "",
]


@pytest.mark.parametrize("before", COMPARISONS)
def test_the_comparison_on_lowercased_ascii_is_the_case_blind_one(before: str) -> None:
    from timeline.events import _REFERENCE_BEFORE, _REFERENCE_BEFORE_LOW

    assert _small_letters_only(_REFERENCE_BEFORE_LOW.pattern)
    for text in (before, before.upper(), before.title(), "x" * 80 + before):
        window = text[-90:]
        assert (_REFERENCE_BEFORE_LOW.search(window.lower()) is None) == (_REFERENCE_BEFORE.search(window) is None)


def is_reference_by_definition(text: str, t: object) -> bool:
    from timeline.events import _RANGE_AFTER, _REFERENCE_BEFORE

    before = text[max(0, t.start - 90):t.start]  # type: ignore[attr-defined]
    return _REFERENCE_BEFORE.search(before) is not None and _RANGE_AFTER.match(text, t.end) is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("line", [
    '{"text": "a", "published": "2026-01-31"}\n', '{"text": "a"}', '  {"text": "a"}\n', '{"text": "a"} \t\r\n',
    '{"text": "a"} x\n', '{"text": "a"}{"b": 1}\n', '{"text": "a",}\n', '{"text": "a"\n', "[1, 2]\n", '"s"\n',
    '{"n": NaN, "i": -Infinity, "f": 1e400, "u": "\\ud800"}\n', "{" * 50 + "}" * 50 + "\n", "{\n",
    "\ufeff{\"text\": \"a\"}\n", '{"a": {"b": [1, 2.5, true, null]}}\n',
])
def test_a_row_line_is_read_as_json_loads_reads_it(line: str) -> None:
    import json

    from timeline.readers.collection import _loads

    try:
        expected: object = json.loads(line)
    except (ValueError, RecursionError) as exc:
        with pytest.raises(type(exc)) as got:
            _loads(line)
        assert str(got.value) == str(exc)
        return
    assert repr(_loads(line)) == repr(expected)


@pytest.mark.parametrize("text", [
    "no digits or marks at all", "in 2019", "the '90s", "rock'n'roll in 1999", "x" * 50 + "7", "", "\t1\n",
    "".join(map(chr, range(128))),
])
def test_the_ascii_search_for_where_a_number_can_start_is_the_unicode_one(text: str) -> None:
    from timeline.temporal.rules import GRAMMAR

    low = text.lower()
    found = GRAMMAR._maybe_number_ascii.search(low)
    expected = GRAMMAR._maybe_number.search(low)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("text", ["He vowed to pursue the matter.", "", "May we never forget.", "Room 1207.",
                                  "The 136 suspects were held."])
def test_a_text_with_nothing_recognised_is_explained_as_nothing_whatever_the_progress_hears(text: str) -> None:
    from timeline.temporal.rules import GRAMMAR
    from timeline.temporal.tagger import explain

    heard: list[float] = []
    assert GRAMMAR.scan(text) == [] or explain(text, "2026-01-31") != []
    if GRAMMAR.scan(text) == []:
        assert explain(text, "2026-01-31", progress=heard.append, silent=True) == []
    with pytest.raises(ValueError, match="not an ISO date"):
        explain(text, "31/01/2026")  # the publication date is checked before anything is recognised


@pytest.mark.parametrize("body", ["One line of text.", "  padded  ", "", "   ", "First\nSecond", "a\u2028b", "a\x85b",
                                  "a\x0bb", "a\x1cb", "\n\nThird line here", " ".join(["word"] * 13), "\u00adsoft",
                                  " ".join(["word"] * 12), "\t".join(["w"] * 14) + "\t", "a  b\u3000c " * 5])
def test_the_title_of_a_one_line_body_is_the_first_line_s(body: str) -> None:
    from timeline.article import _title_from

    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    words = first.split()
    expected = "stem" if not first else first if len(words) <= 12 else " ".join(words[:12]) + "…"
    assert _title_from(body, "text", "stem") == expected


def _first_anchor_by_loop(low: str) -> int | None:
    """`Grammar._first_anchor` as first written: word candidates searched one after another,
    those inside a word (after a letter or digit) passed over in Python."""
    from timeline.temporal.rules import GRAMMAR

    number = GRAMMAR._maybe_number.search(low)
    end = number.start() if number is not None else len(low)
    pos = 0
    while (word := GRAMMAR._maybe_word.search(low, pos, end)) is not None:
        at = word.start()
        if at == 0 or low[at - 1] not in "abcdefghijklmnopqrstuvwxyz0123456789":
            return at
        pos = at + 1
    return None if number is None else end


@pytest.mark.parametrize("text", [
    "He vowed to pursue the matter.", "The mayor said today", "mayday", "may", "2may", "x-may", "amay may",
    "Since last November, prices rose.", "The 1990s", "rock'n'roll", "secondsecond second", "", "décembre may",
    "Lee Jae-myung’s declaration serves as a warning", "in q3", "q3", "aq3 h1", "nowhere now", "maymay5",
])
def test_the_first_place_an_anchor_can_start_is_the_one_the_loop_finds(text: str) -> None:
    from timeline.temporal.grammar import _lower
    from timeline.temporal.rules import GRAMMAR

    low = _lower(text)
    assert GRAMMAR._first_anchor(low) == _first_anchor_by_loop(low)


def test_the_first_place_an_anchor_can_start_is_the_loop_s_on_any_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from timeline.temporal.grammar import _lower
    from timeline.temporal.rules import GRAMMAR

    pieces = st.sampled_from(["may", "day", "q3", "h1", "now", "sec", "2", "'", "’", "a", "x", " ", "-", "é", "İ",
                              "mayor", "today", "1990s", "\n", ".", "jan", "0"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def check(text: str) -> None:
        low = _lower(text)
        assert GRAMMAR._first_anchor(low) == _first_anchor_by_loop(low)

    check()


@pytest.mark.parametrize("text", [
    "Published on 6 February 2026\nThe port reopened on Monday.",
    "Budget passes\nBy A. Writer\nUpdated 6 Feb 2026 14:02 GMT\nThe council voted on Friday.",
    "The port reopened on Monday.", "x" * 700 + "\nPosted: February 6, 2026",
])
def test_the_byline_test_of_a_text_answers_as_its_bylines_do(text: str) -> None:
    # One look for the bylines of a text, for each of its dates: the same answers as the definition.
    from timeline.byline import _TOP_CHARS, byline_test, bylines

    test = byline_test(text)
    for start in range(0, len(text) + 1, 3):
        for end in (start, start + 4, start + 17):
            expected = start < _TOP_CHARS and any(b.start <= start and end <= b.end for b in bylines(text))
            assert test(start, end) == expected


@pytest.mark.parametrize("text", [
    "The port reopened on Monday.", "HEADLINE\n\nThe port reopened. Ships came.\n\nMore here today.",
    "Budget passes\nBy A. Writer\nThe council voted on Friday, officials said.", "| a | b |\n\nShort",
])
def test_the_lead_given_the_lone_sentences_is_the_lead(text: str) -> None:
    from timeline.article import make_article
    from timeline.events import _alone, lead_index

    article = make_article(text, published="2026-01-31")
    sentences = segment(text)
    counts = [sum(1 for t in sentences if t.paragraph == s.paragraph) == 1 for s in sentences]
    assert _alone(sentences) == counts
    assert lead_index(article, sentences, counts) == lead_index(article, sentences)


@pytest.mark.parametrize("line", ["", " ", "\t\r", "\u3000\u2003", "\x1c\x1f", "\u00a0", "\u200b", "x", " {} "])
def test_a_blank_row_line_is_one_strip_leaves_empty(line: str) -> None:
    # Blank lines are passed over (no row, no error); any other line is a row, read or refused.
    from timeline.readers.collection import read_rows

    data = ('{"text": "First row."}\n' + line + '\n{"text": "Last row."}\n').encode("utf-8")
    numbers = [r.number for r in read_rows("feed.jsonl", data)]
    assert numbers == ([1, 3] if not (line + "\n").strip() else [1, 2, 3])


@pytest.mark.parametrize("text", [
    "1991: 520m gallons were released 1979: 140m gallons were spilt", "20 April: Rig explodes 28 April: Leak found",
    "Jan 15, 1985 -- July 31, 1987: the first 1996 onwards: the second", "BANGKOK: South Korean President spoke.",
    "Note: 2010: 2011: 2012:x", "The ratio was 3:1 on 20 April: then 2:1.", "1991:\t a 1992:\n b",
])
def test_a_run_on_list_needs_a_colon_an_item(text: str) -> None:
    # Segmentation looks for the items of a run-on list only in a sentence with two colons or more:
    # each item opening holds a colon of its own, and a list is two items or more.
    from timeline.text import _ITEM_OPENING, _items

    assert len(_ITEM_OPENING.findall(text)) <= text.count(":")
    if text.count(":") < 2:
        assert _items(text, 0, len(text)) == []


class _EveryWord:
    def __contains__(self, word: object) -> bool:
        return True


TENSE_SENTENCES = [
    "The minister said on Friday that talks would resume next week.",
    "Polls close at 8 p.m. and the results are expected to be announced on Monday.",
    "He had been due to expire Friday, as previously planned, but the vote was to blame.",
    "The company, which was mounted on the well Monday, will be used until at least 6 am on Tuesday.",
    "They'll meet again; he won't say when, and they could not be reached, but could open in March.",
    "We were to lead a delegation on Monday; the injured man was flown over affected areas.",
    "Trading opens Monday and the summit ends Friday; voters go to the polls on Nov. 3.",
    "The unveiled plan, proposed and scheduled for January, succeeded where the agreed one failed.",
    "Closed due to the storm, the plant reopened after crews had gathered and has been searching since.",
    "Expect the trend to continue as the will of the people remains, said officials who wanted it.",
    "from 10pm until 6am on Friday the curfew held, and it's 6 am now as talks go on.",
]


@pytest.mark.parametrize("sentence", TENSE_SENTENCES)
def test_the_words_tense_markers_pass_over_change_nothing(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.temporal import tense

    quick = [tense._markers(sentence, lo, hi, pos) for lo, hi, pos in _windows(sentence)]
    monkeypatch.setattr(tense, "_MARKING", _EveryWord())  # every word read through the whole loop
    assert quick == [tense._markers(sentence, lo, hi, pos) for lo, hi, pos in _windows(sentence)]
    assert any(m is not None for m in quick)


def _windows(sentence: str) -> list[tuple[int, int, int]]:
    n = len(sentence)
    return [(max(0, p - 48), min(n, p + 32), p) for p in range(0, n, 7)] + [(0, n, p) for p in range(0, n, 11)]


def test_a_word_tense_markers_pass_over_is_no_marker() -> None:
    from timeline.temporal import tense

    words = {w for table in (tense._FUTURE_WORDS, tense._PRESENT_WORDS, tense._IRREGULAR_PAST, tense._AUXILIARIES,
                             tense._DETERMINERS, tense._PREPOSITIONS, tense._MODALS, tense._BEFORE_INFINITIVE,
                             tense._NOT_A_PLAN_AFTER_COULD, tense._PERCEPTION, tense._REPORTING, tense._NOT_PAST)
             for w in table} | {w for p in tense._FUTURE_PHRASES for w in p}
    words |= set(" ".join(TENSE_SENTENCES).lower().replace(".", " ").replace(",", " ").split())
    for word in words:
        if word in tense._MARKING or word.endswith("ed"):
            continue
        assert tense._kind(word) is None, word
        assert word not in tense._PHRASES_BY_FIRST, word
        assert not any(tense._timetable(word, prev, nxt) for prev in (None, "they", "polls", "is")
                       for nxt in (None, "on", "to")), word


def _small_letters_only(pattern: str) -> bool:
    """Whether a pattern's letters (escapes and group names aside) are all small ASCII ones: then,
    on ASCII text, the case-blind pattern and the plain one on the lowercased text match alike."""
    bare = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\.", "", pattern)
    return not any(c.isalpha() and (c.isupper() or not c.isascii()) for c in bare)


MODIFIER_WINDOWS = [
    "the very End Of the ", "in the Early ", "about ", "ABOUT ", "More Than ", "just under ", "well over ",
    "the mid-", "in Mid-", "at least ", "up to ", "the first half of ", "close to ", "Upwards of ", "no less than ",
    "Three Days Before ", "the day after ", "a Week From ", "12 months prior to ", "two weeks after ", "x-early ",
    "nothing here ", "", "early\t", "since about\n", "an 11 days before  ",
]


@pytest.mark.parametrize("window", MODIFIER_WINDOWS)
def test_the_modifier_searches_on_lowercased_ascii_are_the_case_blind_ones(window: str) -> None:
    from timeline.temporal import modifiers

    for pattern, low in ((modifiers._LEFT_MOD, modifiers._LEFT_MOD_LOW),
                         (modifiers._COUNTED_FROM, modifiers._COUNTED_FROM_LOW)):
        assert _small_letters_only(low.pattern) and low.pattern == pattern.pattern
        for text in (window, window.upper(), window.title(), "Word " * 6 + window):
            a, b = pattern.search(text), modifiers._search(pattern, low, text)
            assert (a is None) == (b is None)
            if a is not None and b is not None:
                assert a.span() == b.span() and a.groupdict().keys() == b.groupdict().keys()
                assert all(a.span(k) == b.span(k) and (a.group(k) or "").lower() == (b.group(k) or "")
                           for k in a.groupdict())


@pytest.mark.parametrize("text", [
    "73 South Korean suspects were extradited simultaneously on January 23 aboard a chartered flight.",
    "mp3 3pm a1b2 9/11 x9/11 1990s’90s'90s '90s 12may may12 q3q3 q3 h1 h12000 1,000 2.5 3pm-5pm 10 a.m.",
    "abc123def 4567 8th 9th-10th 2026-01-31 31/01 '' ’’ 5'6 1st2nd 3rd, 3 rd 24 7 365 0900 gmt 1900gmt",
    "x" * 50 + "9" * 50 + " friday" + "1" * 10 + " now", "\u00e9t\u00e9 1990 \u0663\u0663 may",
])
def test_anchors_tried_where_one_can_start_are_the_anchor_regex_s(text: str) -> None:
    from timeline.temporal.grammar import _lower
    from timeline.temporal.rules import GRAMMAR

    for t in (text, text.upper(), text.replace(" ", "")):
        low = _lower(t)
        assert [m.span() for m in GRAMMAR.anchors(low)] == [m.span() for m in GRAMMAR._anchors.finditer(low)]


def test_the_words_an_anchor_starts_with_are_runs_of_letters() -> None:
    """`anchors` skips the word search in an ASCII text none of whose runs of letters is such a
    word: each is a whole run where `_maybe_word_start` finds it (letters only, no letter after)."""
    from timeline.temporal.rules import GRAMMAR

    assert GRAMMAR._word_runs is not None and GRAMMAR._word_runs
    for w in GRAMMAR._word_runs:
        word = w.decode("ascii")
        assert re.fullmatch("[a-z]+", word) and GRAMMAR._maybe_word_start.fullmatch(word)
    for text in ("no anchor word here", "mayor's 12th", "friday", "x-friday", "fridays", "3pm", "'90s", ""):
        low = text.lower()
        assert [m.span() for m in GRAMMAR.anchors(low)] == [m.span() for m in GRAMMAR._anchors.finditer(low)]


def _reference_csv(rows: list[dict]) -> str:
    """The CSV of `rows` with every cell made safe one by one (what `csv_text` must equal)."""
    import csv
    import io
    from datetime import date

    from timeline.output import spreadsheet_safe
    from timeline.table import COLUMN_NAMES

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        writer.writerow(["" if row[c] is None else spreadsheet_safe(row[c]) if isinstance(row[c], str)
                         else row[c].isoformat() if isinstance(row[c], date) else row[c] for c in COLUMN_NAMES])
    return buf.getvalue()


@pytest.mark.parametrize("column", ["id", "text", "title", "source", "note", "date", "phrase"])
@pytest.mark.parametrize("value", ["=1+1", "+33 1", "-5", "@SUM(A1)", "\tx", "\rx", "a\u202eb", "\u2066x",
                                   "a\n=b", "a\n-b\u00e9", "", "é=", 7])
@pytest.mark.parametrize("where", [0, 137, 299])
def test_one_hostile_cell_among_many_clean_rows_is_made_safe_as_alone(column: str, value: object,
                                                                       where: int) -> None:
    """The CSV of a batch is checked a column at a time: a column whose cells hold no formula start
    and no bidi control is written as it is. One cell that needs it among 300 is still made safe
    (and a cell that only looks like one, "a\\n=b", is left as it is)."""
    from timeline.table import csv_text, event_rows

    base = [r for result in _results() for r in event_rows(result)]  # type: ignore[arg-type]
    rows = [dict(base[i % len(base)]) for i in range(300)]
    rows[where][column] = value
    assert csv_text(rows) == _reference_csv(rows)


# --- fifth round: a row of one sentence without a date ---------------------------------------------

LONE_SENTENCES = [
    "The port reopened after the storm.", "BANGKOK: South Korean President Lee Jae-myung spoke.", "Updated.",
    "Key operational results are summarised below:", "| a | b | c |", "Will it rain?", "# A heading here",
    "The minister will meet the unions, officials said.", "Prices could rise, analysts said.", "",
    "   ", "Le gouvernement a annoncé que les élections auront lieu.", "“We will rebuild,” he said.",
    "Short line", "**Bold** words and [a link](https://x.org) here.", "He vowed to pursue the matter.",
]


@pytest.mark.parametrize("text", LONE_SENTENCES)
@pytest.mark.parametrize("undated", ["none", "lead", "all"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_events_of_one_sentence_without_a_date_are_the_general_path_s(text: str, undated: str,
                                                                          fmt: str) -> None:
    """`find_events` answers a text of one sentence and no temporal expression (most rows of a
    collection) without the general loop: the same events, whatever the title says."""
    from datetime import date

    from timeline.article import Article
    from timeline.events import _find_events, find_events

    for title in (text, "Another title", ""):
        article = Article(id="feed-7", title=title, source=None, url=None, published=date(2026, 1, 31),
                          published_how="collection", text=text, format=fmt)
        sentences = segment(text)
        if len(sentences) != 1:
            continue
        assert find_events(article, [], sentences, undated=undated) == \
            _find_events(article, [], sentences, undated)
    with pytest.raises(ValueError):
        find_events(article, [], segment("One sentence here."), undated="some")


def test_the_events_table_collects_garbage_less_often_and_restores_the_collector_after(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A million rows allocate hundreds of millions of short-lived objects: with the collector's
    # default threshold (700) 50,000 rows spent about 0.3 s of 5.5 in its collections.
    import gc

    from timeline.batch import GC_THRESHOLD, iter_items
    from timeline.table import events_table

    src = tmp_path / "rows.jsonl"
    src.write_text("".join('{"text": "The port reopened on Monday.", "published": "2026-01-31"}\n' for _ in range(3)))
    seen: list[tuple[int, int, int]] = []
    before = gc.get_threshold()
    events_table(iter_items([str(src)], keyed=False), str(tmp_path / "events.csv"), jobs=1,
                 advance=lambda n: seen.append(gc.get_threshold()))
    assert seen and all(t[0] >= GC_THRESHOLD for t in seen)
    assert gc.get_threshold() == before
    assert (tmp_path / "events.csv").read_text().count("\n") == 4
