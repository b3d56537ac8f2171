"""`timeline story` keeps what a story needs of each article, not the article: each result is
reduced to a StoryArticle as it arrives from the workers and dropped, so a story of a large
collection holds no article's text, sentences or events to the end."""

from __future__ import annotations

import pickle
import weakref
from datetime import date
from pathlib import Path

import pytest

from timeline import story as story_module
from timeline.article import make_article
from timeline.batch import iter_items
from timeline.edits import edit_results, load_edits
from timeline.pipeline import ArticleResult, process
from timeline.story import StoryArticle, edit_story, story, story_article, story_of

TODAY = date(2026, 6, 1)
FURNITURE = "Read our special report on the floods of 1 January 2026 and what they cost."
# (name, published, text): reports of a dam break, a chronology, an announcement, a sidebar
# repeated word for word over months (page furniture), and a lead without a date.
CORPUS = [
    ("a1", "2026-03-03", "The dam broke on 3 March and flooded the lower town. Rescuers worked through the night. "
                         + FURNITURE),
    ("a2", "2026-03-04", "The dam broke on 3 March after heavy rain upstream. The mayor closed the schools on "
                         "4 March. The inquiry will open on 20 March, the minister said."),
    ("a3", "2026-03-10", "Engineers finished a new wall around the broken dam. The army left the town on 9 March. "
                         "The dam broke on 3 March, police said."),
    ("c1", "2026-03-12", "How the flood unfolded.\n\nMarch 2: Heavy rain falls upstream of the dam.\n\n"
                         "March 3: The dam breaks and floods the lower town.\n\nMarch 9: The army leaves the town "
                         "for good.\n\nMarch 11: Families return to their homes in the town."),
    ("f1", "2026-05-20", "Water levels fell across the valley on Tuesday. " + FURNITURE),
    ("f2", "2026-01-05", "The river rose quickly in the valley on Monday. " + FURNITURE),
]


def write(folder: Path) -> list[Path]:
    paths = []
    for name, published, text in CORPUS:
        path = folder / f"{name}.txt"
        path.write_text(f"---\npublished: {published}\nsource: wire\nurl: https://example.org/{name}\n---\n{text}\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def results_of(paths: list[Path]) -> list[ArticleResult]:
    """The articles processed and held in memory, as a library caller holds them."""
    return [process(make_article(p.read_text(encoding="utf-8"), name=p.name, today=TODAY)) for p in paths]


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_streamed_story_is_the_story_of_the_whole_results(tmp_path: Path, jobs: int) -> None:
    paths = write(tmp_path)
    want = story(results_of(paths), dates=6, sentences=2)
    got, errors, warnings = story_of(iter_items([str(tmp_path)], keyed=False), today=TODAY, jobs=jobs,
                                     dates=6, sentences=2)
    assert errors == [] and warnings == []
    assert got == want
    assert got.articles == len(CORPUS) and len(got.dates) >= 3
    assert {s.url for d in got.dates for s in d.sentences} >= {"https://example.org/a1"}


def test_the_streamed_story_applies_the_edits_as_the_whole_results_do(tmp_path: Path) -> None:
    paths = write(tmp_path)
    results = results_of(paths)
    # drop every event of the dam's day from the first article; a day edit; an id of nothing
    dropped = [e.id for e in results[0].events if e.start == date(2026, 3, 3)]
    assert dropped
    edits_file = tmp_path.parent / "edits.yml"
    lines = ["events:", *(f"  {i}: {{drop: true}}" for i in dropped), "  a1-nothing-12345678: {drop: true}",
             "days:", "  2026-03-03: {headline: The dam breaks}",
             "add:", '  - {date: 2026-03-05, text: "The editor adds a day.", source: Desk}']
    edits_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    edits = load_edits(edits_file)
    want, stale = edit_story(story(edit_results(results, edits), dates=6), edits)
    got, errors, warnings = story_of(iter_items([str(tmp_path)], keyed=False), today=TODAY, jobs=1, edits=edits,
                                     dates=6)
    assert got == want and errors == []
    assert warnings == [*edits.stale(e for r in results for e in r.events), *stale]
    assert any("a1-nothing-12345678" in w for w in warnings)
    dam = next(d for d in got.dates if d.date == "2026-03-03")
    assert dam.headline == "The dam breaks" and all(s.article != "a1" for s in dam.sentences)


def test_no_article_result_outlives_the_next_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory bounded by the largest article: when an article's result arrives, the results before
    it are gone (only their StoryArticle is kept)."""
    write(tmp_path)
    seen: list[weakref.ref[ArticleResult]] = []
    alive_at_arrival: list[int] = []
    reduce = story_module.story_article

    def watched(r: ArticleResult) -> StoryArticle:
        alive_at_arrival.append(sum(ref() is not None for ref in seen))
        seen.append(weakref.ref(r))
        return reduce(r)

    monkeypatch.setattr(story_module, "story_article", watched)
    st, _, _ = story_of(iter_items([str(tmp_path)], keyed=False), today=TODAY, jobs=1)
    assert st.articles == len(CORPUS) == len(alive_at_arrival)
    assert max(alive_at_arrival) == 0, alive_at_arrival


def test_an_article_is_kept_as_what_its_story_may_use() -> None:
    filler = " ".join(f"Filler sentence number {i} says nothing of note about word{i}x." for i in range(40))
    text = f"The dam broke on 3 March and flooded the lower town. {filler} The inquiry will open on 20 March."
    raw = f"---\npublished: 2026-03-04\nsource: wire\nurl: https://example.org/d\n---\n{text}\n"
    r = process(make_article(raw, name="d.txt"))
    kept = story_article(r)
    assert (kept.id, kept.source, kept.url, kept.published, kept.lang) == (
        "d", "wire", "https://example.org/d", date(2026, 3, 4), "en")
    assert kept.sentences == len(r.sentences) and len(kept.said) == story_module.DIGEST * len(r.sentences)
    assert (date(2026, 3, 3), 0) in kept.mentions and any(d == date(2026, 3, 20) for d, _ in kept.mentions)
    said = {(e.start, e.expected, e.text) for e in kept.dated}
    assert (date(2026, 3, 3), False, "The dam broke on 3 March and flooded the lower town.") in said
    assert (date(2026, 3, 20), True, "The inquiry will open on 20 March.") in said
    # the lead's first undated sentences may report the day; the rest of the text is not kept
    assert kept.reports and len(kept.reports) <= story_module.REPORT_SENTENCES
    blob = pickle.dumps(kept)
    assert b"word39x" not in blob and b"word20x" not in blob
    assert len(blob) < len(text.encode()) / 2
    # a StoryArticle is a story's article on its own: the same story from it as from the result
    assert story([pickle.loads(blob)], dates=2) == story([r], dates=2)


@pytest.mark.parametrize(("days", "copies", "furniture"), [(61, 3, True), (60, 3, False), (200, 2, False)])
def test_a_sentence_is_furniture_by_its_copies_and_their_days(days: int, copies: int, furniture: bool) -> None:
    """Page furniture is told by the sentences' digests: found word for word (whitespace aside) in
    FURNITURE_ARTICLES articles or more published more than FURNITURE_DAYS days apart."""
    from timeline.story import day_evidence

    teaser = "Read our report on the dam that broke on 3 January 2026 in the lower town."
    first = date(2026, 2, 1).toordinal()
    published = [date.fromordinal(first + days * k // (copies - 1)).isoformat() for k in range(copies)]
    results = [process(make_article(f"---\npublished: {p}\n---\nThe town council met again this week.\n"
                                    f"{teaser.replace(' the ', '  the ') if k else teaser}\n", name=f"p{k}.txt"))
               for k, p in enumerate(published)]
    evidence = day_evidence([story_article(r) for r in results], start=date(2026, 1, 1))
    mentions = evidence.get(date(2026, 1, 3))
    assert (mentions is None or not mentions.articles) == furniture
