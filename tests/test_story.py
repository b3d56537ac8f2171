"""The story of a collection (timeline.story, `timeline story`): which days, which sentences, the
outputs and the command's errors, on small article sets written for the test."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.article import make_article
from timeline.cli import main
from timeline.pipeline import ArticleResult, process
from timeline.render import render_story
from timeline.story import (
    WEIGHTS,
    DayEvidence,
    Story,
    Weights,
    choose_days,
    clean_sentence,
    default_dates,
    story,
)


def article(name: str, published: str, text: str, source: str = "wire") -> ArticleResult:
    raw = f"---\npublished: {published}\nsource: {source}\n---\n{text}\n"
    return process(make_article(raw, name=f"{name}.txt"))


def write(folder: Path, name: str, published: str, text: str, source: str = "wire") -> Path:
    path = folder / f"{name}.txt"
    path.write_text(f"---\npublished: {published}\nsource: {source}\n---\n{text}\n", encoding="utf-8")
    return path


# Three articles tell of the dam breaking on 3 March; one tells of a council meeting on 9 March.
DAM = [
    ("a1", "2026-03-04", "The old dam on the river broke on 3 March, flooding the lower town overnight."),
    ("a2", "2026-03-05", "Rescuers are still searching the lower town after the dam broke on 3 March."),
    ("a3", "2026-03-12", "Since the dam broke on 3 March, hundreds of families have slept in the school."),
    ("b1", "2026-03-10", "The town council met on 9 March to discuss the cost of new housing for them."),
]


def dam_results() -> list[ArticleResult]:
    return [article(*a) for a in DAM]


def test_a_day_mentioned_by_three_articles_beats_one_mentioned_by_one() -> None:
    st = story(dam_results(), dates=1, sentences=1)
    assert [d.date for d in st.dates] == ["2026-03-03"]
    assert st.dates[0].articles == 3
    assert st.articles == 4


def test_days_are_chronological_with_labels_and_sentences_dated_to_them() -> None:
    st = story(dam_results(), dates=2, sentences=1)
    assert [d.date for d in st.dates] == ["2026-03-03", "2026-03-09"]
    assert st.dates[0].label == "Tuesday 3 March 2026"
    assert st.dates[0].score > st.dates[1].score
    assert "3 March" in st.dates[0].sentences[0].text
    assert "9 March" in st.dates[1].sentences[0].text
    assert st.dates[1].sentences[0].article == "b1"
    assert st.dates[1].sentences[0].published == "2026-03-10"
    assert st.dates[1].sentences[0].source == "wire"


def test_near_duplicates_from_several_articles_are_one_sentence_with_their_sources() -> None:
    same = "The minister resigned on 2 June after the report on the contracts was published."
    results = [
        article("x1", "2026-06-03", same, "Daily"),
        article("x2", "2026-06-03", same.replace("the contracts", "the contracts in full"), "Herald"),
        article("x3", "2026-06-04", "Parliament debated the budget on 2 June until late in the evening hours."),
    ]
    st = story(results, dates=1, sentences=3)
    [day] = st.dates
    texts = [s.text for s in day.sentences]
    assert len(texts) == 2  # the minister (two sources) and the debate
    [merged] = [s for s in day.sentences if "minister" in s.text]
    assert {s.article for s in merged.sources} == {"x1", "x2"}
    assert {s.source for s in merged.sources} == {"Daily", "Herald"}
    # the sources' order is their publication order, then their ids: the same for every run
    assert [s.article for s in merged.sources] == ["x1", "x2"]


def test_from_and_to_keep_only_days_in_the_span_inclusive() -> None:
    results = dam_results()
    st = story(results, dates=5, sentences=1, start=date(2026, 3, 4), end=date(2026, 3, 9))
    # 4 and 5 March are days articles were published, but every sentence of theirs is dated 3 March
    # (outside the span): a key date says what happened, so only 9 March stays
    assert [d.date for d in st.dates] == ["2026-03-09"]
    assert (st.start, st.end) == ("2026-03-04", "2026-03-09")
    # the same days without their sentences: a publication day nothing is said of is no key date
    assert [d.date for d in story(results, dates=5, sentences=0, start=date(2026, 3, 4),
                                  end=date(2026, 3, 9)).dates] == ["2026-03-09"]
    st = story(results, dates=5, sentences=1, start=date(2026, 3, 9), end=date(2026, 3, 9))
    assert [d.date for d in st.dates] == ["2026-03-09"]


def test_a_sentence_whose_date_only_anchors_a_comparison_is_not_chosen() -> None:
    results = [
        article("c1", "2026-05-04", "Prices rose faster than on 1 May, the bureau said in its monthly report."),
        article("c2", "2026-05-03", "The central bank raised its rate on 1 May to slow the rise in prices quickly."),
    ]
    st = story(results, dates=1, sentences=3)
    texts = [s.text for d in st.dates for s in d.sentences]
    assert not any("faster than" in t for t in texts)


def test_bylines_datelines_and_fragments_are_never_sentences() -> None:
    assert clean_sentence("By Jane Doe") is None
    assert clean_sentence("Updated 3 March 2026") is None
    assert clean_sentence("and then the dam broke on 3 March without any warning") is None
    assert clean_sentence("LONDON (Reuters) - The dam broke on 3 March without any warning.") == \
        "The dam broke on 3 March without any warning."
    assert clean_sentence("The dam broke on 3 March without any warning.") == \
        "The dam broke on 3 March without any warning."


@pytest.mark.parametrize("marked", [
    "— The dam broke on 3 March without any warning.", "- The dam broke on 3 March without any warning.",
    "• The dam broke on 3 March without any warning.",
])
def test_a_list_mark_before_a_sentence_is_cut_not_the_sentence(marked: str) -> None:
    assert clean_sentence(marked) == "The dam broke on 3 March without any warning."


@pytest.mark.parametrize("credited", ["(Reuters) The dam broke on 3 March without any warning.",
                                      "#1 The dam broke on 3 March without any warning."])
def test_a_credit_or_an_item_number_before_a_sentence_is_kept_as_written(credited: str) -> None:
    assert clean_sentence(credited) == credited


def test_a_sentence_that_only_looks_marked_keeps_its_words() -> None:
    # a day before a month, a bracket of the sentence's own, a chronology's date: words, not marks
    for text in ("3. March was the month the dam broke without any warning at all.",
                 "3 March 2026: The dam broke without any warning at all."):
        assert clean_sentence(text) == text
    assert clean_sentence("(In 2019) The dam broke on 3 March without any warning.") == \
        "(In 2019) The dam broke on 3 March without any warning."


def test_an_article_written_all_in_lowercase_still_gives_its_days_sentences() -> None:
    # a transcript, a chat log or a corpus shipped lowercased: a sentence that opens in lowercase is
    # no fragment there, as it is in a text whose other sentences open with a capital
    lower = [article(n, p, t.lower()) for n, p, t in DAM]
    st = story(lower, dates=1, sentences=1)
    assert [d.date for d in st.dates] == ["2026-03-03"]
    assert st.dates[0].sentences and st.dates[0].sentences[0].text.startswith(("the old dam", "rescuers", "since"))
    # one sentence in lowercase among capitalised ones is still a fragment
    mixed = article("m1", "2026-03-04", "The storm came at night. and then the dam broke on 3 March without any "
                                        "warning. Water filled the lower town. People climbed onto the roofs.")
    assert all(not s.text.startswith("and") for d in story([mixed], dates=3).dates for s in d.sentences)


def test_an_original_in_another_script_glued_before_its_translation_is_cut_off() -> None:
    # A blog quoted in Arabic, then translated, on one line without a stop between them: the
    # sentence a French reader reads starts at "Le 30 janvier".
    glued = "وقرر أن يأتي الي ميدان التحرير و يعتصم Le 30 janvier, j'ai vu un vieil homme sur la place."
    assert clean_sentence(glued) == "Le 30 janvier, j'ai vu un vieil homme sur la place."
    assert clean_sentence("Привет всем, 30 января Le 30 janvier, la foule a rempli la place Tahrir.") == \
        "Le 30 janvier, la foule a rempli la place Tahrir."
    assert clean_sentence("وقرر أن يأتي الي ميدان التحرير و يعتصم في الميدان كل يوم.") is None  # no Latin sentence
    latin = "30 January: Le 30 janvier, la foule a rempli la place."
    assert clean_sentence(latin) == latin  # Latin letters before it: nothing is cut


def test_a_neighbouring_day_mentioned_by_the_same_articles_is_merged_into_the_better_day() -> None:
    d1, d2, d3 = date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 9)
    evidence = {
        d1: DayEvidence(articles={1, 2, 3, 4}, pubdays={d1, d2}),
        d2: DayEvidence(articles={1, 2, 3}, pubdays={d2}),  # "yesterday" next to the day: the same reports
        d3: DayEvidence(articles={7}, pubdays={d3}),
    }
    chosen = choose_days(evidence, 2, WEIGHTS)
    assert [c.date for c in chosen] == [d1, d3]
    assert WEIGHTS.merge <= 1.0  # the shipped weights merge


def test_days_of_equal_evidence_go_by_date_whatever_the_order_of_the_sum() -> None:
    # One article looked back at the first day; the second day is one article's publication day
    # that it mentions. With `later` and `published` weighted alike the evidence is worth the
    # same: the earlier day comes first, as choose_days says, not whichever sum rounds higher.
    weights = Weights(articles=1.25, later=0.25, spread=0.75, published=0.25, ahead=0.0, lead=0.0, merge=1.01)
    early, late = date(2011, 3, 9), date(2013, 7, 17)
    evidence = {
        early: DayEvidence(articles={1}, later=1, pubdays={date(2012, 10, 1)}),
        late: DayEvidence(articles={2}, published=1, pubdays={late}),
    }
    assert weights.score(evidence[early]) == weights.score(evidence[late])
    assert [c.date for c in choose_days(evidence, 1, weights)] == [early]


def test_without_dates_the_number_follows_the_rule_within_10_to_100() -> None:
    few = {date(2026, 1, d): DayEvidence(articles={1}) for d in range(1, 6)}
    assert default_dates(few, 1) == 5  # never more days than there are
    many = {date(2026, 1, 1) + (date(2026, 1, 2) - date(2026, 1, 1)) * i: DayEvidence(articles=set(range(5)))
            for i in range(300)}
    assert default_dates(many, 50) == 100
    some = {**{date(2026, 1, d): DayEvidence(articles=set(range(3))) for d in range(1, 16)},
            **{date(2026, 2, d): DayEvidence(articles={1}) for d in range(1, 20)}}
    assert default_dates(some, 30) == 15  # the days at least 3 articles mention
    assert default_dates({date(2026, 2, d): DayEvidence(articles={1}) for d in range(1, 20)}, 30) == 10


def test_the_story_is_deterministic() -> None:
    a = render_story(story(dam_results(), dates=3), "json")
    b = render_story(story(list(reversed(dam_results())), dates=3), "json")
    assert a == render_story(story(dam_results(), dates=3), "json")
    assert json.loads(a)["dates"] == json.loads(b)["dates"]


# --- outputs --------------------------------------------------------------------------------------


def test_json_schema() -> None:
    data = json.loads(render_story(story(dam_results(), dates=2, sentences=1, title="The dam"), "json"))
    assert list(data) == ["title", "from", "to", "articles", "dates"]
    assert data["title"] == "The dam" and data["articles"] == 4
    day = data["dates"][0]
    assert list(day) == ["date", "label", "score", "articles", "sentences"]
    sentence = day["sentences"][0]
    assert list(sentence)[:5] == ["text", "article", "source", "url", "published"]
    assert {"article", "source", "url", "published"} <= set(sentence["sources"][0])


def test_csv_one_row_per_sentence() -> None:
    st = story(dam_results(), dates=2, sentences=2)
    rows = list(csv.DictReader(io.StringIO(render_story(st, "csv"))))
    assert len(rows) == sum(len(d.sentences) for d in st.dates)
    assert rows[0]["date"] == "2026-03-03" and rows[0]["rank"] == "1"
    assert rows[-1]["date"] == "2026-03-09"


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_and_markdown_render_through_the_theme_escaped() -> None:
    hostile = article("h1", "2026-03-04",
                      "Protesters wrote <script>alert(1)</script> on the dam on 3 March, police said.")
    st = story([*dam_results(), hostile], dates=2, sentences=4, title="The <dam>")
    page = render_story(st, "html")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    outline = _Outline()
    outline.feed(page)
    days = [a for t, a in outline.tags if t == "li" and "story-day" in (a.get("class") or "")]
    assert [a["id"] for a in days] == ["day-2026-03-03", "day-2026-03-09"]
    assert ("time", {"datetime": "2026-03-03"}) in outline.tags
    assert "The <dam>" in "".join(outline.text)
    md = render_story(st, "md")
    assert md.startswith("# The \\<dam\\>") or md.startswith("# The &lt;dam&gt;")
    assert "## Tuesday 3 March 2026" in md and "## Monday 9 March 2026" in md


def test_a_story_of_one_day_names_it_once() -> None:
    """"1 key date …, Tuesday 3 March 2026 – Tuesday 3 March 2026" read as a mistake."""
    st = story(dam_results(), dates=1)
    assert st.start == st.end
    day = render_story(st, "md").splitlines()[2]
    assert day.count("2026") == 1 and " – " not in day, day
    page = render_story(st, "html")
    meta = page[page.index('<p class="story-meta">'):]
    meta = meta[:meta.index("</p>")]
    assert meta.count("<time") == 1 and " – " not in meta, meta


def test_a_user_template_overrides_story_html(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text("{{ dates|length }} days of {{ title }}\n", encoding="utf-8")
    assert render_story(story(dam_results(), dates=2), "html", tmp_path) == "2 days of Key dates\n"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render_story(Story("t", None, None, 0, ()), "pdf")


# --- the command ---------------------------------------------------------------------------------


def test_cli_story_json_and_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for a in DAM:
        write(tmp_path, *a)
    assert main(["story", str(tmp_path), "--dates", "1", "--sentences", "1", "--title", "Dam", "-q", "-j", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Dam" and [d["date"] for d in data["dates"]] == ["2026-03-03"]
    assert main(["story", str(tmp_path), "--from", "2026-03-09", "--to", "2026-03-09", "-q", "-j", "1"]) == 0
    assert [d["date"] for d in json.loads(capsys.readouterr().out)["dates"]] == ["2026-03-09"]


def test_cli_story_writes_each_format(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for a in DAM:
        write(src, *a)
    for fmt in ("md", "html", "csv"):
        out = tmp_path / f"story.{fmt}"
        assert main(["story", str(src), "-f", fmt, "-o", str(out), "-q", "-j", "1", "--dates", "2"]) == 0
        assert "2026" in out.read_text(encoding="utf-8")


def test_cli_a_bad_article_is_one_line_and_the_rest_goes_on(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    for a in DAM:
        write(tmp_path, *a)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    assert main(["story", str(tmp_path), "--dates", "1", "-j", "1"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["dates"][0]["date"] == "2026-03-03"
    errors = [line for line in captured.err.splitlines() if "bad.txt" in line]
    assert len(errors) == 1 and "Traceback" not in captured.err


@pytest.mark.parametrize("argv, message", [
    (["story"], "give article files"),
    (["story", "nowhere-such"], "no such file"),
    (["story", "SRC", "--from", "2026-03-10", "--to", "2026-03-01"], "is after --to"),
])
def test_cli_errors_exit_2_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                    message: str) -> None:
    write(tmp_path, *DAM[0])
    argv = [str(tmp_path) if a == "SRC" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("option, value", [("--dates", "0"), ("--sentences", "-1"), ("--from", "2026-02-30"),
                                           ("--to", "soon")])
def test_cli_bad_option_values_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str,
                                      value: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["story", str(tmp_path), option, value])
    assert exc.value.code == 2
    assert option in capsys.readouterr().err


# --- the site ------------------------------------------------------------------------------------


def test_a_build_of_several_articles_adds_the_story_linked_first_from_the_index(tmp_path: Path) -> None:
    from timeline.site import build

    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for a in DAM:
        write(src, *a)
    build([str(src)], out, jobs=1, progress=False)
    assert {"story.html", "story.md", "story.json", "combined.html"} <= {p.name for p in out.iterdir()}
    data = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert data["dates"][0]["date"] == "2026-03-03" and data["articles"] == 4
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index('href="story.html"') < index.index('href="combined.html"')
    assert "story.md" in (out / "index.md").read_text(encoding="utf-8")
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["story"]["html"] == "story.html"
    page = (out / "story.html").read_text(encoding="utf-8")
    assert 'href="a1.html"' in page  # a sentence's source links to its article's page
    # a rebuild after one article changed processes only that one, and the story follows it
    write(src, "b2", "2026-03-11", "The council voted on 9 March to rebuild the lower town before winter comes.")
    report = build([str(src)], out, jobs=1, progress=False)
    assert (report.processed, report.cached) == (1, 4)
    assert json.loads((out / "story.json").read_text(encoding="utf-8"))["articles"] == 5


def test_one_article_makes_no_story_and_an_article_named_story_keeps_its_page(tmp_path: Path) -> None:
    from timeline.site import build

    one, out = tmp_path / "one", tmp_path / "out1"
    one.mkdir()
    write(one, *DAM[0])
    build([str(one)], out, jobs=1, progress=False)
    assert not (out / "story.html").exists()
    two, out = tmp_path / "two", tmp_path / "out2"
    two.mkdir()
    write(two, "story", *DAM[0][1:])
    write(two, *DAM[1])
    build([str(two)], out, jobs=1, progress=False)
    assert "dam on the river" in (out / "story.html").read_text(encoding="utf-8")  # the article's own page
    assert json.loads((out / "story-1.json").read_text(encoding="utf-8"))["articles"] == 2
    assert 'href="story-1.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_treebank_escapes_of_a_corpus_read_as_the_characters_they_stand_for() -> None:
    assert clean_sentence("The company -LRB- BP -RRB- said ``it would pay'' all claims on 3 March.") == \
        "The company (BP) said \u201cit would pay\u201d all claims on 3 March."
    assert clean_sentence("Tests found the A\\/H1N1 virus in two children on 3 March.") == \
        "Tests found the A/H1N1 virus in two children on 3 March."


def test_a_days_next_sentence_is_the_best_less_what_the_first_already_says(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.story as module

    results = [article(f"m{i}", "2026-03-04", text) for i, text in enumerate([
        "The dam broke on 3 March and flooded the lower town.",
        "The dam broke on 3 March after heavy rain upstream.",
        "The dam broke on 3 March, police and rescuers said.",
        "The mayor shut the schools on 3 March after the dam broke upstream."])]
    day = date(2026, 3, 3)

    def picked() -> list:
        return module.choose_sentences(results, [day], 2)[day]

    monkeypatch.setattr(module, "DIVERSITY", 0.0)
    plain = picked()
    monkeypatch.setattr(module, "DIVERSITY", 0.45)
    diverse = picked()
    assert diverse[0].text == plain[0].text  # the best sentence comes first either way
    assert diverse[1].text != plain[1].text
    cos = module._cos
    assert cos(diverse[0].vec, diverse[1].vec) < cos(plain[0].vec, plain[1].vec)


def test_a_day_with_no_sentence_to_say_what_happened_gives_way_to_the_next_best() -> None:
    results = dam_results()
    everything = story(results, dates=10, sentences=1)
    assert everything.dates and all(d.sentences for d in everything.dates)
    # without sentences asked for, the same days (a publication day with nothing to say stays out)
    assert [d.date for d in story(results, dates=10, sentences=0).dates] == [d.date for d in everything.dates]


@pytest.mark.parametrize("texts", [
    # every dated sentence more than BACKGROUND_DAYS (31) before the publication: outside the story's span
    ["The dam failed on 2 January 2026, flooding the valley below it.\n\n"
     "Rescuers reached the last village on 5 January 2026 after days of work."],
    ["On December 20 last year, the dam failed and flooded the valley below it."],
    ["The dam failed on 2 January 2026, flooding the valley below it.",
     "Rescuers reached the last village on 5 January 2026 after days of work."],
])
def test_a_publication_day_nothing_is_said_of_is_no_key_date_even_when_no_day_has_a_sentence(
        texts: list[str]) -> None:
    results = [article(f"old{i}", "2026-03-10", t) for i, t in enumerate(texts)]
    for k in (1, 2, 0):
        st = story(results, sentences=k)
        assert all(d.sentences for d in st.dates) if k else True
        assert "2026-03-10" not in [d.date for d in st.dates]
    # the days named are the story's once the span holds them
    st = story(results, sentences=1, start=date(2025, 12, 1))
    assert st.dates and all(d.sentences for d in st.dates)


def test_cli_a_story_with_no_day_to_show_says_so_and_shows_no_bare_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path, "old", "2026-03-10", "The dam failed on 2 January 2026, flooding the valley below it.")
    code = main(["story", str(src), "-f", "md"])
    captured = capsys.readouterr()
    assert code == 0
    assert "## " not in captured.out and "10 March 2026" not in captured.out
    assert "0 key dates" in captured.err and "--from" in captured.err


def test_a_lead_that_names_another_day_is_not_the_news_of_its_publication_day() -> None:
    # a caption-style lead dated the next day ("June 4: ...") is no sentence of the day it was published
    results = [article("c1", "2026-06-03", "June 4: Oil is seen around the cap placed on the leaking well."),
               article("c2", "2026-06-03", "Engineers cut the broken pipe at the leaking well today.")]
    st = story(results, dates=5, sentences=2, start=date(2026, 6, 3), end=date(2026, 6, 3))
    texts = [s.text for d in st.dates for s in d.sentences]
    assert texts and all(not t.startswith("June 4") for t in texts)


def test_a_day_only_announced_shows_what_was_announced_for_it() -> None:
    results = [article(f"p{i}", "2026-06-10", "The electoral commission will announce the results on Thursday.")
               for i in range(3)]
    st = story(results, dates=1, sentences=1, start=date(2026, 6, 11), end=date(2026, 6, 11))
    assert [d.date for d in st.dates] == ["2026-06-11"]
    assert st.dates[0].sentences[0].text == "The electoral commission will announce the results on Thursday."


def test_the_first_undated_sentences_of_a_report_published_the_day_after_say_what_happened() -> None:
    # 3 March is named by two articles; a report published on 4 March tells of it in its first
    # sentences without a date: when 4 March is no candidate day, they are 3 March's news
    results = [
        article("n1", "2026-03-05", "The river dam broke on 3 March after a week of heavy rain in the hills."),
        article("n2", "2026-03-06", "Insurers began counting the cost of the dam that broke on 3 March."),
        article("r1", "2026-03-04", "Engineers closed the breach in the river dam with rocks and steel.\n\n"
                                    "The county finished building the dam in June 1961 after the war.\n\n"
                                    "Soldiers carried sandbags to the lower town as the water kept rising."),
    ]
    st = story(results, dates=1, sentences=5, start=date(2026, 3, 3), end=date(2026, 3, 3))
    texts = [s.text for d in st.dates for s in d.sentences]
    assert "Engineers closed the breach in the river dam with rocks and steel." in texts
    assert "Soldiers carried sandbags to the lower town as the water kept rising." in texts
    # a sentence with a date of its own (another day, a month, a year) is background, not the day's news
    assert not any("1961" in t for t in texts)
    # a report published two days later is not the day's news
    late = [*results[:2], article("r2", "2026-03-05", "Soldiers carried sandbags to the lower town all day long.")]
    st = story(late, dates=1, sentences=4, start=date(2026, 3, 3), end=date(2026, 3, 3))
    assert not any("sandbags" in s.text for d in st.dates for s in d.sentences)


def test_a_report_tells_of_its_publication_day_when_that_day_is_a_key_day_too() -> None:
    # the report's undated lead belongs to the day it was published, not also to the day before
    results = [
        article("n1", "2026-03-06", "The river dam broke on 3 March after a week of heavy rain in the hills."),
        article("n2", "2026-03-07", "The lower town was under water by 4 March, the mayor said in a statement."),
        article("n3", "2026-03-08", "Insurers began counting the cost of the dam that broke on 3 March."),
        article("r1", "2026-03-04", "Engineers closed the breach in the river dam with rocks and steel."),
    ]
    st = story(results, dates=2, sentences=3, start=date(2026, 3, 3), end=date(2026, 3, 4))
    days = {d.date: [s.text for s in d.sentences] for d in st.dates}
    assert set(days) == {"2026-03-03", "2026-03-04"}
    engineers = [d for d, texts in days.items() if any(t.startswith("Engineers") for t in texts)]
    assert engineers == ["2026-03-04"]


def test_a_sentence_is_shown_on_one_day_only_unless_the_day_has_no_other() -> None:
    # a sentence that names two key days is a candidate of both: the better day shows it
    both = "The river dam broke on 3 March, and the town flooded on 4 March."
    results = [*(article(f"t{i}", "2026-03-08", both) for i in range(3)),
               article("u1", "2026-03-09", "Rescuers reached the flooded school on 4 March in boats."),
               article("u2", "2026-03-09", "The dam keeper sounded the alarm on 3 March before dawn.")]
    st = story(results, dates=2, sentences=2, start=date(2026, 3, 3), end=date(2026, 3, 4))
    shown = [s.text for d in st.dates for s in d.sentences]
    assert len(st.dates) == 2 and shown.count(both) == 1
    # without another sentence, the day says it again rather than give its place away
    # (two notes too short to be sentences keep the days apart: not the same articles' day)
    alone = [*results[:3], article("v1", "2026-03-09", "Alarm on 3 March."),
             article("v2", "2026-03-09", "Flood on 4 March.")]
    st = story(alone, dates=2, sentences=2, start=date(2026, 3, 3), end=date(2026, 3, 4))
    assert [[s.text for s in d.sentences] for d in st.dates] == [[both], [both]]


def test_a_page_time_stamp_glued_to_a_sentence_is_cut_off() -> None:
    assert clean_sentence("Page last updated at 07:02 GMT, Friday, 16 September 2011 08:02 UK The council "
                          "explained its plan for the new bridge.") == \
        "The council explained its plan for the new bridge."
    assert clean_sentence("12 October 2011 Last updated at 20:01 GMT Help The lawyers dropped their claim "
                          "about the contract.") == "The lawyers dropped their claim about the contract."
    # a sentence that tells of an update is a sentence
    assert clean_sentence("The page was last updated at 10:00 GMT by the council clerk.") == \
        "The page was last updated at 10:00 GMT by the council clerk."


def test_the_default_title_is_not_repeated_as_the_list_heading() -> None:
    page = render_story(story(dam_results(), dates=2), "html")
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S)
    h2 = re.search(r'<h2 id="story-heading">(.*?)</h2>', page, re.S)
    assert h1 and h2 and h1.group(1).strip() != h2.group(1).strip()


def test_counts_are_grouped_by_thousands_and_singular_when_one() -> None:
    """"1,460 articles" as the README and newsrooms write it; "1 article", never "1 articles"."""
    from dataclasses import replace

    st = story(dam_results(), dates=2)
    big = replace(st, articles=1460, dates=tuple(replace(d, articles=1) for d in st.dates))
    for fmt in ("html", "md"):
        page = render_story(big, fmt)
        assert "chosen from 1,460 articles" in page and "1460" not in page
        assert "2 key dates" in page
    assert "Mentioned by 1 article." in render_story(big, "html")


# A chronology names each day by its date in a line of its own; another report names some of the
# same days. Both articles mention the same neighbouring days, yet each day is its own event.
CHRONOLOGY = "Timeline of the inquiry.\n\n" + "\n\n".join(
    f"March {d}: The committee heard witness number {d} about the flooding of the valley." for d in range(1, 11))
INQUIRY = ("The inquiry opened on March 1 with the first witness. On March 2 the second witness spoke about "
           "the dam. On March 3 the chairman adjourned the hearing early.")


def test_days_a_chronology_names_on_their_own_are_not_merged_when_another_article_names_them_too() -> None:
    results = [article("chron", "2026-03-20", CHRONOLOGY), article("other", "2026-03-21", INQUIRY)]
    st = story(results, dates=10, sentences=1)
    assert [d.date for d in st.dates] == [f"2026-03-{d:02d}" for d in range(1, 11)]


def test_a_night_across_midnight_named_in_one_sentence_is_still_one_event() -> None:
    night = "The fire broke out late on 20 April 2026 and burned into the early hours of 21 April 2026."
    results = [article(f"n{i}", f"2026-04-2{2 + 2 * i}", night + " Firefighters praised the workers for their calm.")
               for i in range(3)] + [article("m", "2026-04-28", "The board met on 27 April 2026 about the plant.")]
    st = story(results, dates=2, sentences=0)
    assert [d.date for d in st.dates] == ["2026-04-20", "2026-04-27"]


def test_a_yesterday_report_beside_the_day_it_reports_is_still_one_event() -> None:
    # each report names the day before as "yesterday" and the next morning by its date
    text = ("Yesterday the dam on the river broke and flooded the lower town. "
            "On 4 March 2026 rescuers searched the lower town for the missing.")
    results = [article(f"y{i}", "2026-03-04", text) for i in range(3)] + [
        article("z", "2026-03-12", "The town council met on 11 March 2026 to discuss new housing.")]
    st = story(results, dates=2, sentences=0)
    assert [d.date for d in st.dates] in (["2026-03-03", "2026-03-11"], ["2026-03-04", "2026-03-11"])


# A blog's sidebar, scraped with every page of it for months: its teaser and its date are no report.
SIDEBAR = "Read more: the mayor of Lyon was elected on 12 May 2025, the city council said."


def blog_pages(sidebar: str, pages: list[tuple[str, str]]) -> list[ArticleResult]:
    """A blog's pages (publication day, text), each scraped with the same `sidebar` after its text."""
    return [article(f"blog{i}", published, f"{text} {sidebar}") for i, (published, text) in enumerate(pages)]


def test_a_sidebar_repeated_word_for_word_over_months_is_no_mention() -> None:
    pages = blog_pages(SIDEBAR, [
        ("2026-01-10", "The dam on the river broke on 3 January 2026 and flooded the lower town."),
        ("2026-03-15", "The inquiry into the dam heard engineers on 12 March 2026 in the town hall."),
        ("2026-06-20", "The rebuilt dam was opened on 18 June 2026 by the regional governor."),
    ])
    reports = [article("r1", "2026-01-04", "The dam on the river broke on 3 January 2026, officials said."),
               article("r2", "2026-03-13", "Engineers told the inquiry on 12 March 2026 that the dam was old.")]
    st = story([*pages, *reports], dates=3, sentences=1, start=date(2025, 1, 1))
    assert "2025-05-12" not in [d.date for d in st.dates]
    assert [d.date for d in st.dates] == ["2026-01-03", "2026-03-12", "2026-06-18"]


def test_copies_of_one_report_within_days_still_count_as_mentions() -> None:
    copy = "The mayor of Lyon resigned on 12 May 2026, the city council said."
    copies = [article(f"c{i}", f"2026-05-1{3 + i}", copy) for i in range(3)]
    other = [article("o1", "2026-05-20", "The council met on 19 May 2026 to choose a new leader.")]
    st = story([*copies, *other], dates=1, sentences=0)
    assert [d.date for d in st.dates] == ["2026-05-12"]


def test_a_sidebar_sentence_is_not_shown_on_a_day_it_names() -> None:
    teaser = "Read more: our report on the dam that broke on 3 January 2026 in the lower town."
    pages = blog_pages(teaser, [
        ("2026-02-10", "The inquiry into the dam heard engineers on 9 February 2026 in the town hall."),
        ("2026-04-15", "The council voted on 14 April 2026 to rebuild the dam with new money."),
        ("2026-06-20", "The rebuilt dam was opened on 18 June 2026 by the regional governor."),
    ])
    reports = [article("r1", "2026-01-04", "The dam on the river broke on 3 January 2026, officials said."),
               article("r2", "2026-01-05", "Rescuers searched the town after the dam broke on 3 January 2026.")]
    st = story([*pages, *reports], dates=4, sentences=5)
    day = next(d for d in st.dates if d.date == "2026-01-03")
    assert all("Read more" not in s.text for s in day.sentences)
    assert {s.article for s in day.sentences} <= {"r1", "r2"}
