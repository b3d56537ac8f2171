"""`timeline eval-story`: the metrics on hand-made timelines (scores worked out by hand in the
comments), the reading of tilse timelines and topic folders, the protocol, and the command."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.errors import ArticleError, UserError
from timeline.storyeval import (
    align_rouge,
    average,
    concat_rouge,
    date_f1,
    day_of,
    evaluate_story,
    find_topics,
    read_timeline,
    tokens,
)

pytest.importorskip("rouge_score")

D = date


def test_tokens_drop_stopwords_then_stem() -> None:
    # "The" and "were" are stopwords; "rigs" -> "rig", "exploding" -> "explod" (Porter); words of
    # 3 letters or fewer are not stemmed ("gas"); punctuation separates words.
    assert tokens("The rigs were exploding; gas!") == ["rig", "explod", "gas"]


def test_date_f1() -> None:
    # predicted {1, 3}, gold {1, 2, 4, 5}: one shared day. P = 1/2, R = 1/4, F = 2PR/(P+R) = 1/3.
    s = date_f1([D(2010, 1, 1), D(2010, 1, 3)], [D(2010, 1, 1), D(2010, 1, 2), D(2010, 1, 4), D(2010, 1, 5)])
    assert (s.precision, s.recall) == (0.5, 0.25)
    assert s.f == pytest.approx(1 / 3)
    assert date_f1([], [D(2010, 1, 1)]).f == 0.0


def test_align_same_day_is_plain_rouge() -> None:
    # Same day: weight 1/(0+1) = 1. Predicted words oil spill grow (3), gold oil spill grow (3, "The"
    # dropped). ROUGE-1 P = R = 3/3; ROUGE-2: bigrams (oil spill) (spill grow) shared, 2/2.
    s = align_rouge({D(2010, 1, 1): ["Oil spill grows."]}, {D(2010, 1, 1): ["The oil spill grows ."]})
    assert (s[1].precision, s[1].recall, s[2].precision, s[2].recall) == (1.0, 1.0, 1.0, 1.0)


def test_align_one_day_apart_counts_half() -> None:
    # One day apart: every shared n-gram counts 1/(1+1) = 1/2. ROUGE-1: 3 shared words * 1/2 = 1.5,
    # over 3 predicted and 3 gold words: P = R = 0.5. ROUGE-2: 2 shared bigrams * 1/2 = 1 over 2:
    # P = R = 0.5.
    s = align_rouge({D(2010, 1, 1): ["Oil spill grows."]}, {D(2010, 1, 2): ["The oil spill grows ."]})
    assert (s[1].precision, s[1].recall, s[1].f) == (0.5, 0.5, 0.5)
    assert (s[2].precision, s[2].recall) == (0.5, 0.5)


def test_align_many_to_one() -> None:
    # Two predicted days (1 and 2) both align with the one gold day (2): m:1, not a one-to-one
    # matching. Words: rig, explod (2 a day). Precision: day 1 shares 2 words * 1/2 = 1, day 2
    # shares 2 * 1 = 2, over 4 predicted words: P = 3/4. Recall: gold day 2 aligns with predicted
    # day 2 (both cost 0: identical words make the content factor 0; the tie goes to the nearer
    # day), 2 shared * 1 over 2 gold words: R = 1. F = 2 * 0.75 / 1.75 = 6/7.
    s = align_rouge({D(2010, 1, 1): ["Rig explodes"], D(2010, 1, 2): ["Rig explodes"]},
                    {D(2010, 1, 2): ["Rig explodes"]})
    assert (s[1].precision, s[1].recall) == (0.75, 1.0)
    assert s[1].f == pytest.approx(6 / 7)


def test_align_content_can_beat_the_nearer_day() -> None:
    # Predicted day 3 "rescue teams reach survivors" (rescu team reach survivor: 4 words). Gold day 2
    # "quake hits capital" (quak hit capit: 3 words), gold day 5 the same 4 words as predicted.
    # Cost to day 2: (1 - 1/2) * (1 - 0) = 1/2; to day 5: (1 - 1/3) * (1 - 1) = 0, so day 5 wins
    # although it is farther, and its 4 shared words count 1/3 each: P = (4/3)/4 = 1/3.
    # Recall: gold day 2 shares nothing, gold day 5 shares 4 * 1/3; over 3 + 4 gold words: R = 4/21.
    # F = 2 * (1/3) * (4/21) / (1/3 + 4/21) = 8/33.
    s = align_rouge({D(2010, 1, 3): ["Rescue teams reach survivors"]},
                    {D(2010, 1, 2): ["Quake hits capital"], D(2010, 1, 5): ["Rescue teams reach survivors"]})
    assert s[1].precision == pytest.approx(1 / 3)
    assert s[1].recall == pytest.approx(4 / 21)
    assert s[1].f == pytest.approx(8 / 33)


def test_align_without_shared_words_goes_to_the_nearest_day() -> None:
    # No shared words anywhere: the content factor is 1, the cost is the date factor alone, so
    # predicted day 10 aligns with gold day 9 (cost 1/2), not day 1 (cost 9/10): nothing shared, 0.
    s = align_rouge({D(2010, 1, 10): ["alpha beta"]}, {D(2010, 1, 1): ["gamma"], D(2010, 1, 9): ["delta"]})
    assert s[1].f == 0.0
    assert align_rouge({}, {D(2010, 1, 1): ["gamma"]})[1].f == 0.0


def test_concat_ignores_dates() -> None:
    # All predicted words (oil spill) against all gold words (oil spill grow): P = 2/2, R = 2/3;
    # ROUGE-2: (oil spill) shared, P = 1/1, R = 1/2.
    s = concat_rouge({D(2010, 1, 1): ["oil spill"]}, {D(2010, 3, 9): ["oil spill grows"]})
    assert (s[1].precision, s[1].recall) == (1.0, pytest.approx(2 / 3))
    assert (s[2].precision, s[2].recall) == (1.0, 0.5)


def test_average_takes_f_of_the_mean_precision_and_recall() -> None:
    # Timelines with (P, R) = (1, 0) and (0, 1): mean P = mean R = 1/2, F = 1/2 (the mean of the
    # two F scores would be 0).
    a = {"date": date_f1([D(2010, 1, 1)], [D(2010, 1, 1), D(2010, 1, 2)])}  # P 1, R 1/2
    b = {"date": date_f1([D(2010, 1, 1), D(2010, 1, 3)], [D(2010, 1, 3)])}  # P 1/2, R 1
    s = average([a, b])["date"]
    assert (s.precision, s.recall, s.f) == (0.75, 0.75, 0.75)


def test_day_of() -> None:
    assert day_of("2010-04-20") == D(2010, 4, 20)
    assert day_of("2010-04-20T22:00") == D(2010, 4, 20)
    assert day_of("2010-04") is None and day_of("2010-W16") is None and day_of("2010-02-30") is None


GOLD = """2010-01-04
Rig sinks .
--------------------------------
2010-01-02
Rig explodes in the Gulf .
Eleven workers are missing .
--------------------------------
"""


def test_read_timeline(tmp_path: Path) -> None:
    f = tmp_path / "bbc.txt"
    f.write_text(GOLD + "2010-01-02\nCoast guard searches .\n" + "-" * 32 + "\n", encoding="utf-8")
    tl = read_timeline(f)
    # Days in order; a day named twice is one day; N = 2 days; K = round(4 sentences / 2 days) = 2.
    assert [d for d, _ in tl.days] == [D(2010, 1, 2), D(2010, 1, 4)]
    assert tl.as_dict()[D(2010, 1, 2)] == ("Rig explodes in the Gulf .", "Eleven workers are missing .",
                                            "Coast guard searches .")
    assert (tl.name, tl.start, tl.end, tl.n_dates, tl.sentences_per_date) == ("bbc", D(2010, 1, 2), D(2010, 1, 4), 2, 2)


def test_read_timeline_skips_a_block_with_a_bad_date(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text(GOLD + "2011-04-0\nJury selection begins .\n" + "-" * 32 + "\n", encoding="utf-8")
    heard: list[str] = []
    tl = read_timeline(f, heard.append)
    assert tl.n_dates == 2
    assert len(heard) == 1 and "t.txt: line 8" in heard[0] and "2011-04-0" in heard[0]


def test_read_timeline_without_dates_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("no dates here\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="t.txt"):
        read_timeline(f)


def article(published: str, text: str) -> str:
    return f"---\npublished: {published}\nsource: test\n---\n{text}\n"


def make_topic(folder: Path) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "timelines").mkdir()
    (folder / "timelines" / "bbc.txt").write_text(GOLD, encoding="utf-8")
    arts = folder / "articles"
    arts.joinpath("a0.txt").write_text(article("2010-01-01", "Drilling went on as planned."), encoding="utf-8")
    arts.joinpath("a1.txt").write_text(article("2010-01-03", "The rig exploded on January 2, 2010."), encoding="utf-8")
    arts.joinpath("a2.txt").write_text(article("2010-01-04", "The rig exploded on 2 January 2010, officials said."),
                                       encoding="utf-8")
    arts.joinpath("a3.txt").write_text(article("2010-01-05", "Oil reached the coast."), encoding="utf-8")
    return folder


def test_find_topics_in_every_layout(tmp_path: Path) -> None:
    make_topic(tmp_path / "t17" / "bpoil")
    make_topic(tmp_path / "t17" / "haiti")
    make_topic(tmp_path / "ml" / "es" / "egypt")
    make_topic(tmp_path / "ml" / "fr" / "egypt")
    assert [t.name for t in find_topics(tmp_path / "t17")] == ["bpoil", "haiti"]  # a folder of topics
    assert [t.name for t in find_topics(tmp_path / "t17" / "haiti")] == ["haiti"]  # one topic
    assert [t.name for t in find_topics(tmp_path / "ml" / "es")] == ["egypt"]  # a language folder
    assert [t.name for t in find_topics(tmp_path / "ml")] == ["es/egypt", "fr/egypt"]
    topic = find_topics(tmp_path / "t17" / "haiti")[0]
    assert [Path(a).name for a in topic.articles] == ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no topic"):
        find_topics(tmp_path / "empty")
    with pytest.raises(UserError, match="no topic"):
        find_topics(tmp_path / "t17" / "haiti" / "articles")


def test_protocol_gives_the_system_the_span_n_and_k(tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    asked: list[tuple[list[str], int, int, date, date]] = []

    def oracle(results, *, dates, sentences, start, end):  # type: ignore[no-untyped-def]
        asked.append(([Path(r.article.path).name for r in results], dates, sentences, start, end))
        return read_timeline(tmp_path / "bpoil" / "timelines" / "bbc.txt").as_dict()

    report = evaluate_story(tmp_path, oracle, jobs=1)
    # Span [2010-01-02, 2010-01-04]: a1 and a2 only; N = 2; K = round(3 sentences / 2 days) = 2.
    assert asked == [(["a1.txt", "a2.txt"], 2, 2, D(2010, 1, 2), D(2010, 1, 4))]
    [run] = report.timelines
    assert (run.topic, run.timeline, run.articles, run.dates, run.sentences) == ("bpoil", "bbc", 2, 2, 2)
    assert all(s.f == 1.0 for s in run.scores.values())  # the gold timeline itself scores 1 everywhere
    assert report.articles == 4 and report.average["date"].f == 1.0


def test_cli_takes_f_json_like_every_other_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    assert main(["eval-story", str(tmp_path), "--system", "count-days", "--json", "--jobs", "1"]) == 0
    legacy = json.loads(capsys.readouterr()[0])
    assert main(["eval-story", str(tmp_path), "--system", "count-days", "-f", "json", "--jobs", "1"]) == 0
    data = json.loads(capsys.readouterr()[0])
    assert data["system"] == legacy["system"] == "count-days"
    assert [t["scores"] for t in data["timelines"]] == [t["scores"] for t in legacy["timelines"]]
    assert main(["eval-story", str(tmp_path), "--system", "count-days", "-f", "text", "--jobs", "1"]) == 0
    assert "Date" in capsys.readouterr()[0]


def test_cli_count_days_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    code = main(["eval-story", str(tmp_path), "--system", "count-days", "--json", "--jobs", "1"])
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert code == 0 and data["system"] == "count-days"
    [run] = data["timelines"]
    # The only day a1 and a2 mention is 2010-01-02: one predicted day, a gold day: P = 1, R = 1/2.
    assert (run["predicted"], run["scores"]["date"]["precision"], run["scores"]["date"]["recall"]) == (1, 1.0, 0.5)
    # K = 2: its two sentences, a1's and a2's, 12 words: rig explod januari 2 2010 rig explod 2 januari
    # 2010 offici said ("The", "on" dropped). Gold day 2010-01-02: rig explod gulf eleven worker miss
    # (6); gold day 2010-01-04: rig sink (2). Precision: the predicted day is gold day 2 (cost 0),
    # shared rig, explod: P = 2/12. Recall: gold day 2 shares those 2 at weight 1; gold day 4 aligns
    # with the only predicted day, 2 days away, and shares "rig" at 1/3: R = (2 + 1/3)/8 = 7/24.
    assert run["scores"]["rouge1_align"]["precision"] == pytest.approx(1 / 6, abs=1e-6)
    assert run["scores"]["rouge1_align"]["recall"] == pytest.approx(7 / 24, abs=1e-6)


def test_cli_pub_days_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    code = main(["eval-story", str(tmp_path / "bpoil"), "--system", "pub-days", "--jobs", "1"])
    out, _ = capsys.readouterr()
    # Publication days within the span: 2010-01-03 and 2010-01-04 (one article each); gold days
    # 2010-01-02 and 2010-01-04: Date P = R = F = 1/2.
    assert code == 0 and "bpoil/bbc" in out and "Date       P 0.500  R 0.500  F 0.500" in out
    assert "time:" in out


def test_cli_text_counts_one_timeline_in_the_singular(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")  # one gold timeline
    main(["eval-story", str(tmp_path / "bpoil"), "--system", "pub-days", "--jobs", "1"])
    out, _ = capsys.readouterr()
    assert out.splitlines()[0] == "system: pub-days; 1 timeline; F per timeline"


def test_cli_folder_without_topics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["eval-story", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 2 and str(tmp_path) in err and len(err.strip().splitlines()) == 1


def test_story_system_keeps_the_days_of_the_story(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.story as story_module
    from timeline.story import Story, StoryDate, StorySentence
    from timeline.storyeval import story_system

    asked = {}

    def fake(results, **kwargs):  # type: ignore[no-untyped-def]
        asked.update(kwargs)

        def day(value: str, *texts: str) -> StoryDate:
            return StoryDate(value, value, 1.0, 1, tuple(StorySentence(t, "a", None, None, None) for t in texts))

        return Story("t", None, None, 0, (day("2010-01", "A month."), day("2010-01-02", "One.", "Two."),
                                          day("2010-01-03T22:00", "At night.")))

    monkeypatch.setattr(story_module, "story", fake)
    got = story_system([], dates=3, sentences=2, start=D(2010, 1, 1), end=D(2010, 1, 31))
    # A month is not a day: left out; a time is its day.
    assert got == {D(2010, 1, 2): ("One.", "Two."), D(2010, 1, 3): ("At night.",)}
    assert asked == {"dates": 3, "sentences": 2, "start": D(2010, 1, 1), "end": D(2010, 1, 31)}


def test_cli_story_runs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    code = main(["eval-story", str(tmp_path), "--json", "--jobs", "1"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["system"] == "story" and len(data["timelines"]) == 1
    assert set(data["average"]) == {"date", "rouge1_align", "rouge2_align", "rouge1_concat", "rouge2_concat"}


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["eval-story", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "--system" in out


def test_prepare_once_run_many(tmp_path: Path) -> None:
    from timeline.storyeval import prepare, run_system

    make_topic(tmp_path / "bpoil")
    prepared = prepare(tmp_path, jobs=1)
    assert prepared.articles == 4 and [t.name for t, _ in prepared.topics] == ["bpoil"]
    # The same processed articles, two systems: pub-days gives both days published in the span.
    assert run_system(prepared, "pub-days").timelines[0].predicted == 2
    assert run_system(prepared, "count-days").timelines[0].predicted == 1
    with pytest.raises(UserError, match="unknown system"):
        run_system(prepared, "nope")


def test_cli_verbose_lists_found_missed_and_extra_days(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    code = main(["eval-story", str(tmp_path), "--system", "pub-days", "-v", "--jobs", "1"])
    out = capsys.readouterr().out
    # pub-days: 2010-01-03 and 2010-01-04; gold: 2010-01-02 and 2010-01-04.
    assert code == 0
    assert "found    1: 2010-01-04" in out and "missed   1: 2010-01-02" in out and "extra    1: 2010-01-03" in out
    main(["eval-story", str(tmp_path), "--system", "pub-days", "--json", "--jobs", "1"])
    [run] = json.loads(capsys.readouterr().out)["timelines"]
    assert (run["predicted_days"], run["gold_days"]) == (["2010-01-03", "2010-01-04"], ["2010-01-02", "2010-01-04"])


def test_cli_an_article_that_cannot_be_read_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    bad = tmp_path / "bpoil" / "articles" / "a9.txt"
    bad.write_text("---\npublished: 2010-13-45\n---\nThe rig exploded.\n", encoding="utf-8")
    code = main(["eval-story", str(tmp_path / "bpoil"), "--system", "pub-days", "--jobs", "1"])
    out, err = capsys.readouterr()
    # the other articles are scored as before, the bad one named on one line, and the status says so
    assert "Date       P 0.500  R 0.500  F 0.500" in out
    assert code == 2
    assert [line for line in err.splitlines() if "a9.txt" in line] == [
        f"timeline: {bad}: published '2010-13-45' is not a day of the calendar"]


def test_cli_a_page_without_article_text_is_a_warning_not_a_failure(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    make_topic(tmp_path / "bpoil")
    empty = tmp_path / "bpoil" / "articles" / "a8.html"
    empty.write_text("<!doctype html><html lang=en><head><title>Menu</title>"
                     '<meta property="article:published_time" content="2010-01-03"></head><body><nav>Home</nav>'
                     "</body></html>", encoding="utf-8")
    code = main(["eval-story", str(tmp_path / "bpoil"), "--system", "pub-days", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert code == 0 and "Date       P 0.500  R 0.500  F 0.500" in out
    assert [line.endswith("(skipped)") for line in err.splitlines() if "a8.html" in line] == [True]


def _align_every_pair(predicted: dict, gold: dict) -> dict:
    """align_rouge as it was first written: the cost of every pair of days (the reference)."""
    from timeline import storyeval as se

    pred, ref = se._day_words(predicted), se._day_words(gold)
    uni_p, uni_r = [Counter(w) for _, w in pred], [Counter(w) for _, w in ref]
    cost = [[(1 - 1 / (abs((dp - dr).days) + 1)) * (1 - se._rouge1_f(uni_p[i], uni_r[j]))
             for j, (dr, _) in enumerate(ref)] for i, (dp, _) in enumerate(pred)]
    apart = [[abs((dp - dr).days) for dr, _ in ref] for dp, _ in pred]

    def cheapest(c: list, a: list) -> int:
        return min(range(len(c)), key=lambda k: (c[k], a[k], k))

    to_gold = [cheapest(cost[i], apart[i]) for i in range(len(pred))] if ref else []
    to_pred = [cheapest([c[j] for c in cost], [a[j] for a in apart]) for j in range(len(ref))] if pred else []
    scores = {}
    for n in (1, 2):
        gp, gr = [se.ngrams(w, n) for _, w in pred], [se.ngrams(w, n) for _, w in ref]
        p_num = sum(se._shared(gp[i], gr[j], pred[i][0], ref[j][0]) for i, j in enumerate(to_gold))
        r_num = sum(se._shared(gp[i], gr[j], pred[i][0], ref[j][0]) for j, i in enumerate(to_pred))
        scores[n] = se.Score(se._ratio(p_num, sum(sum(g.values()) for g in gp)),
                             se._ratio(r_num, sum(sum(g.values()) for g in gr)))
    return scores


def test_align_is_the_alignment_of_every_pair_compared() -> None:
    # Random timelines over a few words (shared words, identical and empty days, days equally far
    # on both sides): the same scores, to the last bit, as comparing every predicted day with every
    # gold day.
    rng = random.Random(17)
    words = ["oil", "spill", "rig", "well", "cap", "leak", "coast", "beach", "storm", "fund"]
    for _ in range(300):
        def timeline(n: int) -> dict:
            days = rng.sample(range(60), n)
            return {D(2010, 1, 1) + timedelta(days=d): [" ".join(rng.choices(words, k=rng.randint(0, 6)))]
                    for d in days}
        predicted, gold = timeline(rng.randint(0, 12)), timeline(rng.randint(0, 12))
        assert align_rouge(predicted, gold) == _align_every_pair(predicted, gold)


@pytest.mark.parametrize("shift", [0, 1])
def test_align_compares_the_words_of_few_pairs_of_days(monkeypatch: pytest.MonkeyPatch, shift: int) -> None:
    # 300 predicted and 300 gold days, on the same days or a day apart, each day with words of its
    # own: a day's nearest days decide its alignment, so the words of ~4 pairs a day are compared,
    # not of all 90,000 pairs.
    from timeline import storyeval as se

    compared = []
    rouge1_f = se._rouge1_f
    monkeypatch.setattr(se, "_rouge1_f", lambda a, b: compared.append(1) or rouge1_f(a, b))
    first = D(2010, 1, 1)
    predicted = {first + timedelta(days=2 * k + shift): [f"pred{k} event{k}"] for k in range(300)}
    gold = {first + timedelta(days=2 * k): [f"gold{k} event{k}"] for k in range(300)}
    scores = align_rouge(predicted, gold)
    assert len(compared) <= 4 * (len(predicted) + len(gold))
    assert scores == _align_every_pair(predicted, gold)


def test_a_topics_articles_are_read_in_its_subfolders_as_build_and_story_read_them(tmp_path: Path) -> None:
    topic = make_topic(tmp_path / "bpoil")
    (topic / "articles" / "june").mkdir()
    (topic / "articles" / "june" / "b0.txt").write_text(article("2010-01-06", "The well was capped."),
                                                        encoding="utf-8")
    (topic / "articles" / ".hidden").mkdir()
    (topic / "articles" / ".hidden" / "c0.txt").write_text(article("2010-01-06", "Not an article."),
                                                           encoding="utf-8")
    (topic / "articles" / "z.txt").mkdir()  # a folder named as an article is a subfolder too
    (topic / "articles" / "z.txt" / "z0.txt").write_text(article("2010-01-07", "Oil stopped."), encoding="utf-8")
    found = find_topics(tmp_path / "bpoil")[0]
    assert [Path(a).relative_to(topic / "articles").as_posix() for a in found.articles] == \
        ["a0.txt", "a1.txt", "a2.txt", "a3.txt", "june/b0.txt", "z.txt/z0.txt"]
