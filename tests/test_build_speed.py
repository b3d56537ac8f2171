"""What makes `timeline build` cheaper without changing a byte of what it writes (issue 16, C14):
the templates compiled while the workers read the articles, work done once where it was done
twice. Each speed-up is checked against the plain way of doing the same thing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import pytest
from test_build import _corpus, _tree  # the same articles and the same comparison of built trees

from timeline import render
from timeline.batch import collect_items, process_items
from timeline.cli import main
from timeline.site import build


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> tuple[list[int], Any]:
    """Replace `module.name` by a wrapper that records the length of its first argument at each call:
    (the lengths, the function replaced)."""
    made: list[int] = []
    plain = getattr(module, name)

    def counted(first: list[object], *args: object, **kwargs: object) -> object:
        made.append(len(first))
        return plain(first, *args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return made, plain

def test_meanwhile_runs_once_while_worker_processes_read_the_articles(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 12)
    items = collect_items([str(src)])
    calls: list[int] = []
    outcomes, _, _ = process_items(items, today=date(2026, 3, 1), jobs=2, meanwhile=lambda: calls.append(1))
    assert calls == [1] and len(outcomes) == 12
    calls.clear()
    process_items(items, today=date(2026, 3, 1), jobs=1, meanwhile=lambda: calls.append(1))
    assert calls == []  # one process: nothing to wait for, templates compile as pages use them


class _CountingLoader(jinja2.BaseLoader):
    """The default theme's loader, counting the templates it is asked for."""

    def __init__(self) -> None:
        self.inner = jinja2.FileSystemLoader(str(render.default_templates_dir()), encoding="utf-8")
        self.asked: list[str] = []

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, object]:
        self.asked.append(template)
        return self.inner.get_source(environment, template)


def test_compile_theme_leaves_nothing_to_load_when_the_pages_are_rendered(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import site

    env = render.make_env()
    loader = _CountingLoader()
    env.loader = loader
    render.compile_theme(env)
    compiled = set(loader.asked)
    assert {"article.html", "_event.html", "_overview.svg", "combined.html", "index.md", "story.html"} <= compiled
    loader.asked.clear()
    src = _corpus(tmp_path / "src", 6)
    monkeypatch.setattr(site, "make_env", lambda templates=None: env)
    build([str(src)], tmp_path / "out", jobs=1)
    assert loader.asked == []  # every page was rendered from templates compiled before


def test_a_broken_theme_template_is_still_reported_by_a_parallel_build(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path / "src", 16)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "_event.html").write_text("<li>\n{{ event.text }}\n{% if %}\n</li>\n", encoding="utf-8")
    code = main(["build", str(src), "-o", str(tmp_path / "out"), "--templates", str(theme), "--jobs", "2", "-q"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith(f"timeline: {theme / '_event.html'}:3: "), err
    assert not (tmp_path / "out").exists()


def test_a_parallel_build_with_a_theme_is_byte_identical_to_one_job(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 24)
    theme = tmp_path / "theme"
    theme.mkdir()
    event = (render.default_templates_dir() / "_event.html").read_text(encoding="utf-8")
    (theme / "_event.html").write_text(event.replace('<p class="what"', '<p class="what mine"'), encoding="utf-8")
    build([str(src)], tmp_path / "one", jobs=1, templates=theme)
    build([str(src)], tmp_path / "two", jobs=2, templates=theme)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert b'class="what mine"' in (tmp_path / "two" / "story00.html").read_bytes()


def test_the_combined_timeline_is_made_once_and_only_when_a_page_asks_for_it(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import site
    from timeline.pipeline import process
    from timeline.readers import load_one

    made, plain = _counting(monkeypatch, site, "build_timeline")
    src = _corpus(tmp_path / "src", 4)
    model = site.collect_site([process(load_one(str(p))) for p in sorted(src.iterdir())])
    assert made == []  # the article pages do not need it: the main process makes it while workers render them
    combined = model.site.combined
    assert made == [4] and model.site.combined is combined and model.site.coverage is not None
    assert [e.id for e in combined.events] == [e.id for e in plain([ap.result.article for ap in model.pages],
                                                                   [e for ap in model.pages for e in ap.result.events],
                                                                   "Combined timeline").events]
    assert made == [4]


def test_a_theme_whose_article_pages_read_the_combined_timeline_builds_alike_in_parallel(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 24)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "article.html").write_text('{% extends "timeline.html" %}\n{% block intro %}<p>{{ site.combined.events'
                                        '|length }} in all, {{ site.coverage.first.short() }}</p>{% endblock %}\n',
                                        encoding="utf-8")
    build([str(src)], tmp_path / "one", jobs=1, templates=theme)
    build([str(src)], tmp_path / "two", jobs=2, templates=theme)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert b" in all, " in (tmp_path / "two" / "story05.html").read_bytes()


def test_the_story_is_made_once_and_only_when_its_page_is_rendered(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import site
    from timeline.pipeline import process
    from timeline.readers import load_one

    made, plain = _counting(monkeypatch, site, "story")
    src = _corpus(tmp_path / "src", 4)
    model = site.collect_site([process(load_one(str(p))) for p in sorted(src.iterdir())])
    assert made == [] and model.site.story_href == "story.html"
    assert model.story is not None and model.story is model.story and made == [4]


def test_a_parallel_build_reports_what_the_edits_said_of_events_then_of_story_days(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 20)
    (src / "edits.yml").write_text("events:\n  story00-nothing-12345678: {drop: true}\n"
                                   "days:\n  2001-01-01: {drop: true}\n", encoding="utf-8")
    one = build([str(src)], tmp_path / "one", jobs=1)
    two = build([str(src)], tmp_path / "two", jobs=2)
    assert one.warnings == two.warnings
    said = [w for w in two.warnings if "story00-nothing-12345678" in w or "2001-01-01" in w]
    assert len(said) == 2 and "story00-nothing-12345678" in said[0] and "2001-01-01" in said[1], two.warnings
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


_TRICKY = ["", "plain", "a & b", "<script>alert('x')</script>", 'say "hi"', "&amp; already", "tab\tnew\nline",
           "é ü 中文 🙂", "\u2028", "'\"<>&" * 3, "x" * 10_000 + "<"]


@pytest.mark.parametrize("value", [*_TRICKY, 0, -17, 3.25, float("inf"), True, None, ("a<", 1)])
def test_html_templates_escape_every_value_exactly_as_markupsafe(value: object) -> None:
    from markupsafe import Markup, escape

    env = render.make_env()
    env.autoescape = True  # as for the theme's .html templates
    page = env.from_string("[{{ v }}]")
    assert page.render(v=value) == f"[{escape(value)}]"
    assert page.render(v=Markup("<b>safe</b>")) == "[<b>safe</b>]"  # markup passes as it is


@pytest.mark.parametrize("value", _TRICKY)
def test_the_plain_escape_used_without_markupsafe_speedups_is_markupsafes(value: str) -> None:
    from markupsafe import escape

    assert render._escape_plain(value) == str(escape(value)) == render._escape_text(value)


def test_html_templates_escape_without_making_a_markup_object_per_value() -> None:
    # What the build's rendering spent most of its escaping on (issue 16, C14): a Markup object made
    # (in Python) for every value printed, though the page is joined into one string anyway.
    from markupsafe import Markup

    env = render.make_env()
    template = env.get_template("_event.html")
    made: list[str] = []
    original = Markup.__new__

    def counting(cls: type, *args: object, **kwargs: object) -> Markup:
        made.append("x")
        return original(cls, *args, **kwargs)

    escape = template.globals.get("escape") or template.root_render_func.__globals__["escape"]
    page = Markup("<p>" + "x" * 10_000 + "</p>")
    Markup.__new__ = counting  # type: ignore[method-assign,assignment]
    try:
        assert escape("a < b") == "a &lt; b" and escape(42) == "42"
        assert escape(page) is page  # markup passes as it is, not copied into a new Markup (kilobytes a page)
    finally:
        Markup.__new__ = original  # type: ignore[method-assign]
    assert made == []


def test_a_build_collects_garbage_less_often_and_restores_the_collector_after(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # Rendering a site allocates millions of short-lived objects: with the collector's default
    # threshold (700) the build spent 0.2-0.8 s of 1,000 articles walking its heap (issue 16, C14).
    import gc

    from timeline import site

    src = _corpus(tmp_path / "src", 6)
    seen: list[tuple[int, int, int]] = []
    collect = site.collect_site

    def watching(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return collect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(site, "collect_site", watching)
    before = gc.get_threshold()
    build([str(src)], tmp_path / "out", jobs=1)
    assert seen and seen[0][0] >= 10_000
    assert gc.get_threshold() == before


def test_worker_processes_send_each_article_back_as_its_cache_json_only(tmp_path: Path) -> None:
    # The worker encodes the cache JSON anyway; pickling the object tree too cost about as much
    # again (issue 16, C14). What comes back is the same, whichever way it travelled.
    from timeline import batch
    from timeline.cache import Entry

    src = _corpus(tmp_path / "src", 12)
    items = collect_items([str(src)])
    day = date(2026, 3, 1)
    sent = batch._process_chunk(items[:3], day, batch.DEFAULT_OPTIONS)
    assert all(type(s) is str for s in sent)
    assert [Entry.from_json(s) for s in sent] == [batch.process_item(i, day) for i in items[:3]]
    one, _, made_one = process_items(items, today=day, jobs=1)
    two, _, made_two = process_items(items, today=day, jobs=2)
    assert one == two and [e.as_json() for e in made_one.values()] == [e.as_json() for e in made_two.values()]


def _plain_encode(value: object) -> object:
    """The cache's encoding the plain way: every field of a dataclass looked up by name."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain_encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain_encode(v) for v in value]
    return value


def test_the_cache_codec_made_per_type_encodes_and_decodes_as_the_plain_way(tmp_path: Path) -> None:
    # Encoding (workers) and decoding (the main process, and a rebuild reading its cache) go through
    # a function made once per dataclass (issue 16, C14): the same JSON, the same objects back.
    from timeline.cache import decode, encode
    from timeline.pipeline import ArticleResult

    src = _corpus(tmp_path / "src", 4)
    outcomes, _, _ = process_items(collect_items([str(src)]), today=date(2026, 3, 1), jobs=1)
    results = [o for o in outcomes if isinstance(o, ArticleResult)]
    assert results and any(r.events for r in results)
    for r in results:
        assert encode(r) == _plain_encode(r)
        assert decode(ArticleResult, encode(r)) == r


def test_the_quick_cache_decoder_falls_back_to_the_field_by_field_way() -> None:
    # A field left out takes its default; a value of the wrong shape fails as it did.
    from timeline.cache import decode, encode
    from timeline.temporal import Timex
    from timeline.text import Sentence

    timex = Timex(3, 9, "Monday", "DATE", "2026-03-02", "START")
    raw = encode(timex)
    assert decode(Timex, raw) == timex
    del raw["mod"]
    assert decode(Timex, raw) == Timex(3, 9, "Monday", "DATE", "2026-03-02")
    assert decode(Sentence, {"index": 0, "paragraph": 0, "start": 0, "end": 4, "extra": 1}) == Sentence(0, 0, 0, 4)
    for bad in ({"index": 0}, ["index"], "index"):
        with pytest.raises(TypeError):
            decode(Sentence, bad)


def test_meanwhile_runs_once_while_render_workers_write_the_article_pages(tmp_path: Path) -> None:
    """The build makes its cache file then, not after every page is in (issue 16, C14)."""
    from timeline import site
    from timeline.pipeline import process
    from timeline.readers import load_one

    src = _corpus(tmp_path / "src", 24)
    model = site.collect_site([process(load_one(str(p))) for p in sorted(src.iterdir())])
    env = render.make_env()
    steps: list[int] = []
    seen: list[int] = []
    for jobs, out in ((2, tmp_path / "two"), (1, tmp_path / "one")):
        out.mkdir()
        stage = site.Stage(out, None)
        staged = site.stage_pages(model, env, stage, lambda: steps.append(1), jobs=jobs,
                                  meanwhile=lambda: seen.append(len(steps)))
        stage.abort(staged)
        if jobs == 2:  # once, before the workers' pages were all collected (each is a step)
            assert len(seen) == 1 and seen[0] < len(steps), (seen, len(steps))
            steps.clear()
    assert len(seen) == 1  # one process: nothing to wait for, not called


def test_a_parallel_build_writes_the_cache_a_one_job_build_writes(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 24)
    build([str(src)], tmp_path / "one", jobs=1)
    build([str(src)], tmp_path / "two", jobs=2)
    cache = ".timeline-cache"
    assert (tmp_path / "one" / cache).read_bytes() == (tmp_path / "two" / cache).read_bytes()


@pytest.mark.parametrize("value", ["2026-01-30", "2025-11", "2025-Q3", "2026-W05-WE", "2026-01-26TNI", "199"])
def test_a_value_is_parsed_once_and_read_back_the_same(value: str) -> None:
    from timeline.temporal.values import _FORMS, Point, _point

    gran, pattern = next((g, p) for g, p in _FORMS if p.fullmatch(value))
    once = Point.parse(value)
    assert once == _point(gran, pattern.fullmatch(value).groupdict())  # type: ignore[union-attr]
    assert Point.parse(value) is once  # remembered: labels, intervals and HTML forms ask again and again


def test_values_without_a_calendar_place_stay_none_when_remembered() -> None:
    from timeline.temporal.values import Point

    for value in ("2025-02-30", "PRESENT_REF", "P3W", "XXXX-11", "BC0975", "2025-02-30"):
        assert Point.parse(value) is None


def test_a_granularity_class_is_worked_out_once() -> None:
    from timeline.filters import granularity_class

    for name, expected in (("part of day", "part-of-day"), ("day", "day"), ("Time", "time"), (" a--b ", "a-b")):
        first = granularity_class(name)
        assert first == expected
        assert granularity_class(name) is first  # remembered: every entry of every page asks again


@pytest.mark.parametrize("value, mod", [("2026-01-30", None), ("2025-Q3", "START"), ("P3W", "APPROX"),
                                        ("PRESENT_REF", None), ("1998-08-07T10:35", None)])
def test_a_label_and_an_interval_are_worked_out_once(value: str, mod: str | None) -> None:
    from timeline import calendar

    first = calendar.label(value, mod)
    assert calendar.label(value, mod) is first  # remembered: an event's entry, mark and divider ask again
    place = calendar.interval(value, mod)
    assert calendar.interval(value, mod) is place


def test_a_label_still_never_raises() -> None:
    from timeline.temporal.values import label

    assert label(["not", "a", "value"]) == ["not", "a", "value"]  # type: ignore[arg-type]
    assert label("2025-02-30") == "2025-02-30"


@pytest.mark.parametrize("theme", [False, True])
def test_templates_read_their_globals_from_one_plain_dict(tmp_path: Path, theme: bool) -> None:
    (tmp_path / "x.html").write_text("{% for i in range(2) %}{{ i }}{% endfor %}{{ more }}", encoding="utf-8")
    env = render.make_env(tmp_path if theme else None)
    template = env.get_template("x.html" if theme else "_event.html")
    assert type(template.globals) is dict  # not a ChainMap: each include walks it twice to make its context
    assert {"range", "namespace", "cycler"} <= template.globals.keys()
    if theme:
        assert env.get_template("x.html", globals={"more": "!"}).render() == "01!"


def test_worker_processes_inherit_the_modules_reading_an_article_imports(tmp_path: Path) -> None:
    # Forked workers share what the parent imported before the fork; what they import after it
    # (yaml for front matter, the page reader and email.utils) costs each of them about 40 ms.
    import subprocess
    import sys

    src = _corpus(tmp_path / "src", 12)
    probe = ("import sys\nfrom datetime import date\n"
             "from timeline.batch import collect_items, process_items\n"
             f"items = collect_items([{str(src)!r}])\n"
             "process_items(items, today=date(2026, 3, 1), jobs=2)\n"
             "print(sorted(m for m in ('yaml', 'timeline.readers.html', 'email.utils') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "['email.utils', 'timeline.readers.html', 'yaml']"


def test_a_parallel_build_renders_the_pages_of_the_whole_site_in_its_workers(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # The main process alone took longer over the combined timeline, the story and the index than
    # either worker over its share of the article pages (issue 16, C14): they are workers' tasks now.
    from timeline import site
    from timeline.pipeline import process
    from timeline.readers import load_one

    made, plain = _counting(monkeypatch, site, "story")
    src = _corpus(tmp_path / "src", 24)
    results = [process(load_one(str(p))) for p in sorted(src.iterdir())]
    env = render.make_env()
    model = site.collect_site(results)
    two = site.render_pages(model, env, jobs=2)
    assert made == [] and "combined" not in model.site.__dict__  # both made in a worker (its copy of `made`)
    assert model.story is not None and made == []  # the worker's story came back with its pages
    one = site.render_pages(site.collect_site(results), env, jobs=1)
    assert made == [24] and one == two  # the same pages, in the same order
    assert [p.path for p in two][-9:] == ["combined.html", "combined.md", "combined.json", "story.html", "story.md",
                                         "story.json", "index.html", "index.md", "index.json"]


@pytest.mark.parametrize("theme", [False, True])
def test_templates_are_looked_up_in_a_plain_dict_and_their_escaping_chosen_once(tmp_path: Path, theme: bool) -> None:
    # An LRU cache takes a lock and moves the name in its queue at each of the ~25 includes a page.
    env = render.make_env(tmp_path if theme else None)
    env.get_template("_event.html")
    assert type(env.cache) is dict and len(env.cache) == 1
    assert env.autoescape("a.html") is True and env.autoescape("a.md") is False and env.autoescape(None) is False
    assert hasattr(env.autoescape, "cache_info")  # remembered per name


@pytest.mark.parametrize("value", ["fr", "fr_FR", "zh-hant-tw", "en", "en-GB", "EN", "x", "", " de ", None, 3, ["fr"]])
def test_lang_attr_is_worked_out_once_per_code_and_as_before(value: object) -> None:
    from markupsafe import Markup

    from timeline.filters import PAGE_LANG, lang_attr
    from timeline.lang import html_lang

    class Article:
        lang = value

    code = html_lang(value)
    plain = Markup("") if code is None or code.split("-")[0] == PAGE_LANG else Markup(f' lang="{code}"')
    assert lang_attr(value) == plain and type(lang_attr(value)) is Markup
    assert lang_attr(Article()) == plain
    if isinstance(value, str):
        assert lang_attr(value) is lang_attr(Article())  # remembered: ~20 entries and marks a page ask


@pytest.mark.parametrize("text", [*_TRICKY[1:6], "On 3 May <b>it</b> & \"then\" 'rain'."])
def test_mark_phrase_escapes_as_markupsafe_and_makes_one_markup(text: str) -> None:
    from markupsafe import Markup, escape

    from timeline.events import Event
    from timeline.filters import mark_phrase

    phrase = text[2:7] or "x"
    event = Event(id="e1", article="a", sentence=0, text=text, phrase=phrase, offset=(2, 2 + len(phrase)),
                  date="2026-05-03", start=date(2026, 5, 3), end=date(2026, 5, 4), granularity="day",
                  label="Sunday 3 May 2026")
    made: list[str] = []
    original = Markup.__new__

    def counting(cls: type, *args: object, **kwargs: object) -> Markup:
        made.append("x")
        return original(cls, *args, **kwargs)

    Markup.__new__ = counting  # type: ignore[method-assign,assignment]
    try:
        marked = mark_phrase(event, "#tx-<e1>")
    finally:
        Markup.__new__ = original  # type: ignore[method-assign]
    start = text.find(phrase)
    if start >= 0:
        expected = (f'{escape(text[:start])}<mark><a class="to-text" href="{escape("#tx-<e1>")}">{escape(phrase)}</a>'
                    f'</mark>{escape(text[start + len(phrase):])}')
    else:
        expected = str(escape(text))
    assert marked == expected and isinstance(marked, Markup)
    assert len(made) <= 2  # the href's escape and the result: not one for every piece


def test_the_overview_drawing_is_handed_on_as_one_string(tmp_path: Path) -> None:
    # Its hundreds of pieces went one by one through every template that included it.
    from timeline.overview import overview
    from timeline.pipeline import process
    from timeline.readers import load_one

    src = _corpus(tmp_path / "src", 1)
    result = process(load_one(str(next(src.iterdir()))))
    ov = overview(result.events, published=result.article.published)
    assert ov is not None and len(ov.marks) >= 1
    env = render.make_env()
    ctx = {**render.context(result.timeline()), "ov": ov, "ov_id": "x", "standalone": False}
    pieces = list(env.get_template("_overview.svg").generate(ctx))
    assert len(pieces) <= 2 and "".join(pieces).startswith("<svg") and "".join(pieces).endswith("</svg>\n")


def test_a_build_into_a_new_folder_reads_no_target_before_writing_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder the build made holds no page yet: asking the system about each of 3,000 targets
    # first was needless work; a rebuild still reads each (it replaces only its own files).
    from timeline import site

    src = _corpus(tmp_path / "src", 4)
    asked: list[str] = []
    plain = site.regular_sha256

    def watching(path: Path) -> str | None:
        asked.append(Path(path).name)
        return plain(path)

    monkeypatch.setattr(site, "regular_sha256", watching)
    build([str(src)], tmp_path / "out", jobs=1)
    pages = [p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")]
    assert pages and not set(asked) & set(pages)
    (src / "story00.txt").write_text((src / "story00.txt").read_text(encoding="utf-8") + "\nMore on Monday.\n",
                                     encoding="utf-8")
    build([str(src)], tmp_path / "out", jobs=1)
    assert set(pages) <= set(asked)


def test_write_new_writes_straight_to_the_descriptor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from timeline.output import write_new

    def no_file_object(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file object was made")

    monkeypatch.setattr(os, "fdopen", no_file_object)
    data = bytes(range(256)) * 20_000  # 5 MB
    write_new(tmp_path / "a", data)
    assert (tmp_path / "a").read_bytes() == data
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "a", b"x")
    assert (tmp_path / "a").read_bytes() == data
