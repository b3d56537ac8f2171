"""Rows processed stage by stage (`batch.process_batch_items`, `pipeline.process_batch`) give
exactly the entries that processing one row after another gives, errors and warnings included,
each in its row's place."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import batch, pipeline
from timeline.batch import Options, iter_items, process_batch_items, process_item
from timeline.pipeline import process, process_batch

TODAY = date(2026, 3, 1)

ROWS = [
    {"id": "a", "published": "2026-02-04", "text": "The port reopened on Monday after two days."},
    {"id": "b", "published": "2026-02-04", "text": "Officials said the talks would go on."},
    {"id": "c", "published": "2026-02-31", "text": "A date that is no day."},  # an error of its own
    {"id": "d", "text": "No date at all, and nothing to infer it from."},  # no publication date
    {"id": "e", "published": "2026-02-04", "lang": "fr",
     "text": "Le port a rouvert lundi 2 février après deux jours de grève."},  # the foreign tagger
    {"id": "f", "published": "2026-02-04", "lang": "xx-bogus-code",
     "text": "A row whose language is no code."},
    {"id": "g", "published": "2026-02-04", "html": "<html><body><article><p>The council met on Tuesday "
     "and voted to approve the budget for the year after a long debate.</p></article></body></html>"},
    {"id": "h", "published": "2026-02-04", "text": "Since last November, the police have made 40 arrests.\n\n"
     "On 3 January 2026 the first suspects were sent home. They are held in Seoul."},
    {"id": "a", "published": "2026-02-04", "text": "An id taken already: a warning."},
    {"id": "i", "published": "2026-02-04"},  # neither text nor html
]


def _items(tmp_path: Path) -> list[batch.Item]:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in ROWS) + "not json\n", encoding="utf-8")
    return list(iter_items([str(feed)], keyed=False))


@pytest.mark.parametrize("options", [Options(), Options(published=date(2026, 2, 1), undated="all"),
                                     Options(undated="none", status=("expected",))])
def test_a_batch_gives_the_entries_of_one_item_after_another(tmp_path: Path, options: Options) -> None:
    items = _items(tmp_path)
    one_by_one = [process_item(i, TODAY, options) for i in items]
    assert [e.error is None for e in one_by_one].count(False) >= 3  # errors are among them
    assert any(e.warnings for e in one_by_one)
    assert process_batch_items(items, TODAY, options) == one_by_one


def test_an_article_that_fails_in_a_stage_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _items(tmp_path)[:2]
    tag = pipeline.tag

    def failing(text: str, *args: object) -> object:
        if "Officials" in text:
            raise ValueError("boom")
        return tag(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "tag", failing)
    first, second = process_batch_items(items, TODAY)
    assert first == process_item(items[0], TODAY)
    assert second.result is None and "internal error (ValueError: boom)" in (second.error or "")
    assert second == process_item(items[1], TODAY)  # the one-at-a-time path says the same


def test_process_batch_is_process_of_each(tmp_path: Path) -> None:
    from timeline.article import make_article

    articles = [make_article("# Heading\n\nThe port reopened on Monday.", published="2026-02-04", fmt="markdown"),
                make_article("The port reopened on Monday. It closed again on 3 February.", published="2026-02-04"),
                make_article("Le port a rouvert lundi.", published="2026-02-04", lang="fr")]
    assert process_batch(articles, undated="all") == [process(a, undated="all") for a in articles]


def test_rows_are_batched_files_alone() -> None:
    row = batch.Item("r", None, row=batch.Row("f.jsonl", 1, {"text": "x" * 10}))
    big = batch.Item("r", None, row=batch.Row("f.jsonl", 1, {"text": "x" * batch._BATCH_CHARS}))
    file = batch.Item("a.txt", None, path="a.txt")
    sizes = [len(b) for b in batch._row_batches([row] * (batch._BATCH_ROWS + 3) + [file, row, big, row])]
    assert sizes == [batch._BATCH_ROWS, 3, 1, 2, 1]
