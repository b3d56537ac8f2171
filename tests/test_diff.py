"""`timeline diff`: matching events across versions, the word diff, every output format, exit codes."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.article import ArticleError, make_article
from timeline.chronology import Timeline
from timeline.cli import main
from timeline.diff import (
    MATCH_THRESHOLD,
    TimelineDiff,
    date_similarity,
    diff_timelines,
    match_score,
    text_similarity,
    word_diff,
)
from timeline.pipeline import timeline_of
from timeline.readers import load_article
from timeline.readers.versions import load_timeline_json, load_version
from timeline.render import render, render_diff
from timeline.versions import base_id, diff_versions, group_versions, version_number

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
V1 = SEEDS / "000_3b01959ef49d4888.txt"
V2 = SEEDS / "000_3b01959ef49d4888.v2.txt"


def tl(text: str, published: str, aid: str = "a") -> Timeline:
    """The timeline of a small article."""
    return timeline_of([make_article(text, name=f"{aid}.txt", published=published)])


def diff(old: str, new: str, old_pub: str = "2026-01-31", new_pub: str = "2026-01-31") -> TimelineDiff:
    return diff_timelines(tl(old, old_pub, "old"), tl(new, new_pub, "new"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed_diff() -> TimelineDiff:
    return diff_timelines(load_version(str(V1)), load_version(str(V2)))


# --- the seed's two versions --------------------------------------------------------------------


def test_seed_versions(seed_diff: TimelineDiff) -> None:
    d = seed_diff
    assert [e.date for e in d.added] == ["2026-02-01"]
    assert "Second Repatriation Flight" in d.added[0].text
    assert [e.date for e in d.removed] == ["2025-10"]
    assert "announced last October" in d.removed[0].text
    assert [(c.old.date, c.new.date, c.what) for c in d.changed] == [
        ("2026-01-23", "2026-01-23", ("text",)),
        ("2026-01-28", "2026-02-02", ("date", "text")),
    ]
    # the lead, dated by each version's publication (31 January, 3 February), is the same event
    assert sorted(n.date for _, n in d.unchanged) == ["2025", "2025-11", "2026-01-30", "2026-02-03"]
    assert [(o.anchor, n.anchor) for o, n in d.unchanged if n.anchor != "phrase"] == [("publication", "publication")]
    assert (d.old_published, d.new_published) == (date(2026, 1, 31), date(2026, 2, 3))
    assert d.summary() == "1 added, 1 removed, 2 changed, 4 unchanged"
    arrests = d.changed[1]
    changes = [(r.op, r.core) for r in arrests.words if r.op != "equal"]
    assert changes == [("delete", "last Wednesday"), ("insert", "Monday"), ("delete", "136"), ("insert", "152"),
                       ("delete", "4"), ("insert", "6")]


def test_seed_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", str(V1), str(V2), "-f", "json")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert set(data) == {"old", "new", "added", "removed", "changed", "unchanged", "title_changed"}
    assert (data["old"]["published"], data["new"]["published"]) == ("2026-01-31", "2026-02-03")
    assert [e["date"] for e in data["added"]] == ["2026-02-01"]
    assert [e["date"] for e in data["removed"]] == ["2025-10"]
    assert data["unchanged"] == 4
    moved = data["changed"][1]
    assert (moved["old"]["date"], moved["new"]["date"], moved["changes"]) == ("2026-01-28", "2026-02-02",
                                                                              ["date", "text"])
    # Both sides are complete events in the timeline schema.
    assert set(moved["old"]) == set(data["added"][0]) >= {"id", "date", "start", "end", "label", "text", "phrase"}
    assert {"op": "insert", "text": " 152"} in moved["words"]  # runs are exact: the space before it too


class _Html(HTMLParser):
    """Collects the text inside <del>/<ins>, headings, ids, and checks that elements nest properly."""

    VOID = {"meta", "link", "br", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marked: dict[str, list[str]] = {"del": [], "ins": []}
        self.h2: list[str] = []
        self.ids: list[str] = []
        self.errors: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag in ("del", "ins"):
            self.marked[tag].append("")
        if tag == "h2":
            self.h2.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for tag in ("del", "ins"):
            if tag in self.stack:
                self.marked[tag][-1] += data
        if "h2" in self.stack:
            self.h2[-1] += data


def test_seed_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    code, _, err = run(capsys, "diff", str(V1), str(V2), "-f", "html", "-o", str(out))
    assert code == 1 and err == ""
    page = out.read_text(encoding="utf-8")
    p = _Html()
    p.feed(page)
    p.close()
    assert p.errors == [] and p.stack == [] and p.lang == "en"
    assert len(p.ids) == len(set(p.ids))
    assert p.h2 == ["Added (1)", "Removed (1)", "Changed (2)"]
    assert {"last Wednesday", "136", "4", "simultaneously"} <= set(p.marked["del"])
    assert {"Monday", "152", "6", "on a chartered flight"} <= set(p.marked["ins"])
    assert "Wednesday 28 January 2026" in p.marked["del"] and "Monday 2 February 2026" in p.marked["ins"]
    # Meaning does not rest on colour: a legend, and the words "Before"/"After", "Moved from ... to".
    assert "struck through" in page and "Before:" in page and "After:" in page and "Moved from" in page
    assert "<script" not in page and "http" not in page.split("<body>")[0].replace('content="timeline', "")
    # Running again replaces our own output without --force.
    assert run(capsys, "diff", str(V1), str(V2), "-f", "html", "-o", str(out))[0] == 1


def test_seed_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", str(V1), str(V2), "-f", "md")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "# Changes: South Korea vows to hunt down Cambodia-based scam syndicates"
    assert "- Old version: The Nation/ANN · published Saturday 31 January 2026 (from the front matter)" in lines
    assert "- New version: The Nation/ANN · published Tuesday 3 February 2026 (from the front matter)" in lines
    assert "**1 added, 1 removed, 2 changed, 4 unchanged.**" in lines
    assert [h for h in lines if h.startswith("## ")] == ["## Added (1)", "## Removed (1)", "## Changed (2)"]
    moved = next(line for line in lines if "→" in line)
    assert moved.startswith("- **Wednesday 28 January 2026 → Monday 2 February 2026** (date, text) — ")
    assert "as of ~~last Wednesday~~ **Monday**, ~~136~~ **152** suspects" in moved
    assert any(line.startswith("- **October 2025** — This warning aligns") for line in lines)
    assert lines[-1] == "<!-- generated by timeline -->"


def test_seed_text_plain_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", str(V1), str(V2))
    assert code == 1 and "\x1b" not in out
    lines = out.splitlines()
    assert lines[0] == "timeline diff: 1 added, 1 removed, 2 changed, 4 unchanged"
    assert lines[1].startswith("--- ") and lines[1].endswith("published Saturday 31 January 2026")
    assert lines[2].startswith("+++ ") and lines[2].endswith("published Tuesday 3 February 2026")
    assert "  ~ Wednesday 28 January 2026 → Monday 2 February 2026  (date, text)" in lines
    assert "as of [-last Wednesday-] {+Monday+}, [-136-] {+152+} suspects" in out
    assert "  + Sunday 1 February 2026" in lines and "  - October 2025" in lines


def test_text_colour_on_a_terminal_unless_no_color(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, _ = run(capsys, "diff", str(V1), str(V2))
    assert code == 1 and "\x1b[31m[-136-]\x1b[0m \x1b[32m{+152+}\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "diff", str(V1), str(V2))
    assert code == 1 and "\x1b" not in out
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b" not in run(capsys, "diff", str(V1), str(V2), "-f", "md")[1]


# --- exit status --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_file_against_itself_exits_0(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "diff", str(V1), str(V1), "-f", fmt)
    assert code == 0 and err == ""
    if fmt == "json":
        data = json.loads(out)
        assert (data["added"], data["removed"], data["changed"], data["unchanged"]) == ([], [], [], 7)
    else:
        assert "0 added, 0 removed, 0 changed, 7 unchanged" in out and "No differences" in out


def test_same_timeline_in_other_words_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Only the timeline counts: undated sentences and layout may change freely."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("---\npublished: 2026-01-31\n---\nPolice arrived on Friday (Jan 30).\nIt was cold.\n")
    b.write_text("---\npublished: 2026-02-02\n---\nA new intro.\n\nPolice arrived on Friday (Jan 30).\n")
    assert run(capsys, "diff", str(a), str(b))[0] == 0


@pytest.mark.parametrize("content", [None, "", "{ not json", '{"title": "x"}', '{"articles": [], "events": [{}]}'])
def test_trouble_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       content: str | None) -> None:
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "diff", str(V1), str(bad))
    assert code == 2 and out == ""
    assert str(bad) in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_other_trouble_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "diff", "-", "-")
    assert code == 2 and "stdin" in err
    js = tmp_path / "v1.json"
    js.write_text(render(load_version(str(V1)), "json"), encoding="utf-8")
    code, _, err = run(capsys, "diff", str(js), str(V2), "--published-old", "2026-01-31")
    assert code == 2 and str(js) in err
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(V1), str(V2), "-f", "csv"])
    assert exc.value.code == 2
    capsys.readouterr()


def test_output_safety(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "diff", str(V1), str(V2), "-o", str(notes))
    assert code == 2 and "--force" in err and notes.read_text(encoding="utf-8") == "mine\n"
    for fmt in ("text", "json", "md"):
        out = tmp_path / f"changes.{fmt}"
        assert run(capsys, "diff", str(V1), str(V2), "-f", fmt, "-o", str(out))[0] == 1
        assert run(capsys, "diff", str(V1), str(V1), "-f", fmt, "-o", str(out))[0] == 0  # replaces its own
    copy = tmp_path / "v2.txt"
    copy.write_bytes(V2.read_bytes())
    code, _, err = run(capsys, "diff", str(V1), str(copy), "-o", str(copy), "--force")
    assert code == 2 and "input" in err and copy.read_bytes() == V2.read_bytes()


def test_readme_example_is_real_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    command = "$ timeline diff seeds/000_3b01959ef49d4888.txt seeds/000_3b01959ef49d4888.v2.txt\n"
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(SEEDS.parent)
    code, out, _ = run(capsys, "diff", "seeds/000_3b01959ef49d4888.txt", "seeds/000_3b01959ef49d4888.v2.txt")
    assert code == 1 and out == shown


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["diff", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "examples:" in out and "timeline diff story-v1.md story-v2.md" in out


# --- JSON inputs --------------------------------------------------------------------------------


def test_timeline_json_inputs_give_the_same_diff(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 seed_diff: TimelineDiff) -> None:
    j1, j2 = tmp_path / "old-timeline.json", tmp_path / "new-timeline.json"
    assert run(capsys, "extract", str(V1), "-f", "json", "-o", str(j1))[0] == 0
    assert run(capsys, "extract", str(V2), "-f", "json", "-o", str(j2))[0] == 0
    code, out, _ = run(capsys, "diff", str(j1), str(j2), "-f", "json")
    assert code == 1
    assert json.loads(out) == seed_diff.to_dict()
    code, mixed, _ = run(capsys, "diff", str(j1), str(V2), "-f", "json")  # a JSON and an article
    assert code == 1 and json.loads(mixed) == seed_diff.to_dict()
    assert run(capsys, "diff", str(j1), str(V1))[0] == 0


def test_load_timeline_json_round_trip(tmp_path: Path) -> None:
    original = load_version(str(V2))
    path = tmp_path / "t.json"
    path.write_text(render(original, "json"), encoding="utf-8")
    loaded = load_timeline_json(str(path))
    assert render(loaded, "json") == render(original, "json")
    assert loaded.articles[0].text == "" and loaded.articles[0].path == str(path)
    with pytest.raises(ArticleError, match=re.escape(str(tmp_path / "none.json"))):
        load_timeline_json(str(tmp_path / "none.json"))


# --- matching rules -----------------------------------------------------------------------------


def test_reworded_sentence_with_moved_date_is_one_change() -> None:
    d = diff("As of last Wednesday, 136 suspects have been arrested.",
             "As of Monday, 152 suspects had been arrested.", "2026-01-31", "2026-02-03")
    assert (d.added, d.removed) == ((), ())
    [c] = d.changed
    assert (c.old.date, c.new.date, c.what) == ("2026-01-28", "2026-02-02", ("date", "text"))


def test_new_publication_date_moves_a_relative_date() -> None:
    """The same words, read against a later publication date, give a later date: a date-only change."""
    d = diff("Police arrived last Wednesday.", "Police arrived last Wednesday.", "2026-01-31", "2026-02-07")
    [c] = d.changed
    assert (c.old.date, c.new.date, c.what) == ("2026-01-28", "2026-02-04", ("date",))
    assert [r.op for r in c.words] == ["equal"]


def test_ongoing_interval_extended_to_the_new_publication_is_unchanged() -> None:
    d = diff("Since last November, police have been deployed.", "Since last November, police have been deployed.",
             "2026-01-31", "2026-02-03")
    assert not d.has_differences and len(d.unchanged) == 1
    old, new = d.unchanged[0]
    assert old.end != new.end  # the interval runs to each version's publication date


def test_two_events_on_one_date_pair_by_meaning_not_position() -> None:
    d = diff("On Friday, the finance minister resigned over the bribery scandal. "
             "Parliament passed the annual budget on Friday.",
             "Parliament passed the annual budget on Friday after a long debate. "
             "On Friday, the finance minister resigned.")
    assert (d.added, d.removed, d.unchanged) == ((), (), ())
    topic = {"minister": "resignation", "budget": "budget"}

    def about(text: str) -> str:
        return next(v for k, v in topic.items() if k in text)

    assert sorted((about(c.old.text), about(c.new.text)) for c in d.changed) == [
        ("budget", "budget"), ("resignation", "resignation")]


def test_two_events_on_one_date_one_removed_is_not_cross_paired() -> None:
    d = diff("On Friday, the finance minister resigned over the bribery scandal. "
             "Parliament passed the annual budget on Friday.",
             "Parliament passed the annual budget on Friday.")
    assert d.changed == () and d.added == ()
    assert [e.text for e in d.removed] == ["On Friday, the finance minister resigned over the bribery scandal."]
    assert [n.text for _, n in d.unchanged] == ["Parliament passed the annual budget on Friday."]


def test_unrelated_sentences_on_one_date_are_not_paired() -> None:
    d = diff("On Friday, the finance minister resigned.", "Floods closed three schools on Friday.")
    assert d.changed == () and len(d.added) == 1 and len(d.removed) == 1
    assert match_score(d.removed[0], d.added[0]) < MATCH_THRESHOLD


def test_sharing_only_a_subject_is_not_the_same_event() -> None:
    """The threshold from below: news sentences share names; that alone does not make a change."""
    d = diff("South Korean police arrested 5 suspects on Friday.", "South Korean President Lee spoke on Friday.")
    assert d.changed == () and len(d.added) == len(d.removed) == 1
    assert 0.4 < match_score(d.removed[0], d.added[0]) < MATCH_THRESHOLD


def test_half_the_words_kept_with_a_moved_date_is_a_change() -> None:
    """The threshold from above: two of four content words updated, date moved, still one event."""
    d = diff("Officials counted 40 victims on Tuesday.", "Officials counted 52 dead on Wednesday.")
    assert (d.added, d.removed) == ((), ()) and d.changed[0].what == ("date", "text")
    assert match_score(d.changed[0].old, d.changed[0].new) == MATCH_THRESHOLD


def test_one_event_split_in_two() -> None:
    """The old event pairs with the closer half (changed); the other half is added."""
    d = diff("On Monday, police arrested 12 suspects in Phnom Penh and rescued 4 victims.",
             "On Monday, police arrested 15 suspects in Phnom Penh. Four victims were also rescued on Monday.")
    assert d.removed == ()
    [c] = d.changed
    assert c.new.text == "On Monday, police arrested 15 suspects in Phnom Penh." and c.what == ("text",)
    assert [e.text for e in d.added] == ["Four victims were also rescued on Monday."]


def test_two_events_merged_into_one() -> None:
    d = diff("On Monday, police arrested 15 suspects in Phnom Penh. Four victims were also rescued on Monday.",
             "On Monday, police arrested 12 suspects in Phnom Penh and rescued 4 victims.")
    assert d.added == () and len(d.changed) == 1
    assert [e.text for e in d.removed] == ["Four victims were also rescued on Monday."]


def test_greedy_pairs_the_most_similar_first() -> None:
    """Two new candidates for one old event: the closer rewrite wins, whatever the order."""
    old = "The court fined the company 2 million dollars on Tuesday."
    closer = "The court fined the company 3 million dollars on Tuesday."
    farther = "On Tuesday the company said the court fined it heavily."
    for new in (f"{farther} {closer}", f"{closer} {farther}"):
        d = diff(old, new)
        assert [c.new.text for c in d.changed] == [closer] and [e.text for e in d.added] == [farther]


def test_ties_go_to_the_earlier_event() -> None:
    # Two events (their figures differ, so they are not two mentions of one) equally like the new one.
    d = diff("Police arrested 5 people on Friday. Police arrested 7 people on Friday.",
             "Police arrested people on Friday.")
    assert len(d.changed) == 1 and len(d.removed) == 1
    assert d.changed[0].old.sentence == 0 and d.removed[0].sentence == 1


def test_similarity_components() -> None:
    month, day, other = (tl(t, "2026-01-31").events[0] for t in
                         ("Prices rose in January.", "Prices rose on January 28.", "Prices rose in March."))
    assert text_similarity(month, day) == 1.0  # the date phrase is not part of the text comparison
    assert (date_similarity(month, month), date_similarity(month, day), date_similarity(month, other)) == (1, 0.5, 0)
    assert match_score(month, month) == 1.1
    assert match_score(month, day) > match_score(month, other) >= MATCH_THRESHOLD


def test_diff_is_deterministic(seed_diff: TimelineDiff) -> None:
    again = diff_timelines(load_version(str(V1)), load_version(str(V2)))
    for fmt in ("text", "md", "html", "json"):
        assert render_diff(again, fmt) == render_diff(seed_diff, fmt)


# --- word diff ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [
    ("as of last Wednesday, 136 suspects have been arrested.", "as of Monday, 152 suspects have been arrested."),
    ("The cat sat on the mat.", "A dog lay on the rug yesterday!"),
    ("Prices rose.", "Prices rose sharply, officials said."),
    ("Officials said prices rose sharply.", "Prices rose."),
    ("Same words here.", "Same words here."),
])
def test_word_diff_rebuilds_both_sentences(old: str, new: str) -> None:
    runs = word_diff(old, new)

    assert "".join(r.text for r in runs if r.op != "insert") == old
    assert "".join(r.text for r in runs if r.op != "delete") == new
    for r in runs:
        assert r.core and r.core == r.core.rstrip() and r.lead in ("", " ")
    assert all(a.op != b.op for a, b in zip(runs, runs[1:], strict=False))


def test_word_diff_folds_a_lone_shared_word_into_the_rewrite_around_it() -> None:
    runs = word_diff("Officials confirmed on the radio that talks collapsed.",
                     "Negotiators announced in the morning briefing that progress stalled.")
    assert [r.op for r in runs] == ["delete", "insert", "equal"]
    assert runs[2].text == "."
    # ...but a figure next to another change keeps its own marks (the seed's "Monday, 152").
    runs = word_diff("as of last Wednesday, 136 held", "as of Monday, 152 held")
    assert [(r.op, r.text) for r in runs] == [("equal", "as of"), ("delete", " last Wednesday"),
                                              ("insert", " Monday"), ("equal", ","), ("delete", " 136"),
                                              ("insert", " 152"), ("equal", " held")]


# --- versions -----------------------------------------------------------------------------------


def test_version_ids() -> None:
    assert (base_id("story-v2"), version_number("story-v2")) == ("story", 2)
    assert (base_id("story"), version_number("story")) == ("story", 1)
    assert load_article(str(V2)).id == "000-3b01959ef49d4888-v2"


def test_group_versions_orders_by_publication() -> None:
    def art(aid: str, pub: str) -> object:
        return make_article("Police arrived on Friday.", name=f"{aid}.txt", published=pub)

    v3, other, v1, v2 = art("s-v3", "2026-02-05"), art("other", "2026-01-01"), art("s", "2026-01-31"), \
        art("s-v2", "2026-02-03")
    groups = group_versions([v3, other, v1, v2])  # type: ignore[list-item]
    assert [[a.id for a in g] for g in groups] == [["s", "s-v2", "s-v3"], ["other"]]


def test_seed_versions_group_and_diff(seed_diff: TimelineDiff) -> None:
    articles = [load_article(str(V2)), load_article(str(V1))]
    [group] = group_versions(articles)
    assert [a.published for a in group] == [date(2026, 1, 31), date(2026, 2, 3)]
    [d] = diff_versions(group)
    assert render_diff(d, "json") == render_diff(seed_diff, "json")


def test_user_templates_override_the_diff_templates(tmp_path: Path, seed_diff: TimelineDiff) -> None:
    (tmp_path / "diff.md").write_text("{{ added|length }}/{{ removed|length }}/{{ changed|length }}/{{ unchanged }}\n",
                                      encoding="utf-8")
    assert render_diff(seed_diff, "md", tmp_path) == "1/1/2/4\n"
    assert "<del>" in render_diff(seed_diff, "html", tmp_path)  # diff.html still from the default theme
    with pytest.raises(ValueError):
        render_diff(seed_diff, "csv")


def test_render_diff_takes_extra_context(seed_diff: TimelineDiff) -> None:
    """The site passes its own names (and may replace ours, such as the title)."""
    page = render_diff(seed_diff, "md", title="Version 2 of the story")
    assert page.startswith("# Version 2 of the story\n")
