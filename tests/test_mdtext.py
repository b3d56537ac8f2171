"""Events come from the text a reader sees in a Markdown article, never from its markup, and still
point into the Markdown source."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.article import make_article
from timeline.mdtext import plain_text
from timeline.pipeline import process

ARTICLE = """---
published: 2026-01-31
---
# Floods hit the valley

The river rose on **Friday (Jan 30)** after [rain: the worst in years](https://example.org/rain) fell.

```text
Updated on 5 May 2025.
```

    Log: 12 March 2024 build failed.

| Date | What |
|------|------|
| 3 March 2025 | The bridge *closed* |

- Since last November, levels have risen &amp; fallen.
"""


def _events() -> dict[str, object]:
    article = make_article(ARTICLE, name="floods.md")
    result = process(article)
    return {"article": article, "result": result, "texts": {e.phrase: e.text for e in result.events}}


def test_event_texts_hold_no_markup_and_code_is_no_news() -> None:
    texts = _events()["texts"]
    assert isinstance(texts, dict)
    assert texts["Friday (Jan 30)"] == "The river rose on Friday (Jan 30) after rain: the worst in years fell."
    assert texts["3 March 2025"] == "3 March 2025 — The bridge closed"
    assert texts["last November"] == "Since last November, levels have risen & fallen."
    assert "5 May 2025" not in texts and "12 March 2024" not in texts  # a fenced and an indented code block
    assert not any(c in "".join(texts.values()) for c in "*`[]|#")


def test_offsets_still_point_into_the_markdown_source() -> None:
    got = _events()
    article, result = got["article"], got["result"]
    body = article.text  # type: ignore[attr-defined]
    for e in result.events:  # type: ignore[attr-defined]
        start, end = e.offset
        assert body[start:end] == e.phrase
    for t in result.timexes:  # type: ignore[attr-defined]
        assert body[t.start:t.end].replace("**", "") == t.text


_md = st.lists(st.sampled_from(["**", "*", "_", "`", "[", "](http://x.org/a:b)", "![", "#", "> ", "- ", "|",
                                "\n", "\n\n", "```\n", "    ", "&amp;", "&#58;", "\\", "<b>", "</b>",
                                "on Friday", " 5 May 2025", " word", ":", "."]), max_size=40).map("".join)


@settings(max_examples=300) if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" else settings()
@given(_md)
def test_every_character_of_the_text_maps_into_the_source(source: str) -> None:
    text, where = plain_text(source)
    assert len(where) == len(text) + 1 and where[-1] == len(source)
    assert list(where[:-1]) == sorted(where[:-1]), "in source order"
    assert all(0 <= w <= len(source) for w in where)
    article = make_article(source + "\nx", name="a.md", published="2026-01-31")
    result = process(article)
    for e in result.events:
        assert 0 <= e.offset[0] <= e.offset[1] <= len(article.text)
