"""The `timeline` command: a thin layer over the library functions.

Exit status: 0 success, 1 differences found (`diff` only), 2 usage or input errors (one line on
stderr naming the file and the problem, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from timeline import jsonout
from timeline.article import Article, parse_date
from timeline.errors import ArticleError, UserError, printable, say

if TYPE_CHECKING:
    from timeline.edits import Edits

EXIT_USAGE = 2


#: The arguments that name a file or folder: '' (a script's "$SRC" unset) is none, not the current folder.
_PATH_ARGS = frozenset({"file", "old", "new", "sources", "path", "edits", "templates", "urls", "output"})


def _named(convert: Any) -> Any:
    def named(value: str) -> Any:
        if value == "":
            raise argparse.ArgumentTypeError("'' is an empty name, not a file or folder")
        return value if convert is None else convert(value)
    return named


class _Parser(argparse.ArgumentParser):
    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.dest in _PATH_ARGS:  # Path('') is '.': `story ""` read the whole current folder
            action.type = _named(action.type)
        return action

    def error(self, message: str) -> NoReturn:  # one line, exit 2, as argparse does but shorter
        self.exit(EXIT_USAGE, f"{self.prog}: {printable(message)} (see '{self.prog} --help')\n")

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        """--help and --version on stdout as any output there: argparse drops a failed write, so
        `timeline --help > /dev/full` exited 0 saying nothing; now one line and exit 2."""
        if not message or file is None or file is not sys.stdout:
            return super()._print_message(message, file)
        try:
            file.write(message)
            file.flush()
        except BrokenPipeError:  # the reader went away: quiet, as for a command's output
            _drop_stdout()
        except OSError as exc:
            say(_cannot_write(exc))
            _drop_stdout()
            raise SystemExit(EXIT_USAGE) from None


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _published(value: str) -> date:
    try:
        return parse_date(value, "--published", "--published")
    except ArticleError as exc:
        raise argparse.ArgumentTypeError(str(exc).split(": ", 1)[1]) from None


def _text(value: str) -> str:
    """A text argument shown on pages (--title): controls removed, as in articles' fields."""
    from timeline.article import clean_text

    return clean_text(value)


def _lang(value: str) -> str:
    from timeline.lang import known, normalize

    code = normalize(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code (like 'es' or 'fr-FR')")
    if not known(code):  # "sp" for Spanish would tag nothing, silently
        raise argparse.ArgumentTypeError(f"{value!r} is no language dateparser knows (like 'es', 'fr' or 'it')")
    return code


def _lang_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", type=_lang, metavar="CODE",
                   help="the articles' language (es, fr, it, ...); default: their metadata, else detected")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r} (a whole number, 1 or more)")
    return n


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        n = 0.0
    if not 0 < n <= 3600:
        raise argparse.ArgumentTypeError(f"invalid number of seconds {value!r} (more than 0, at most 3600)")
    return n


def _fetch_args(p: argparse.ArgumentParser) -> None:
    """--allow-private and --timeout: how a command that reads URLs fetches them (timeline.readers.url)."""
    from timeline.readers.url import DEADLINE

    p.add_argument("--allow-private", action="store_true",
                   help="let a redirect lead to a private, loopback or link-local address (refused by default; "
                        "see the README's Safety section)")
    p.add_argument("--timeout", type=_seconds, default=DEADLINE, metavar="SECONDS",
                   help=f"the longest a URL's fetch may take, redirects included (default: {DEADLINE:g})")


def _fetcher(args: argparse.Namespace) -> Callable[[str], Any]:
    from timeline.readers.url import Fetcher

    return Fetcher(allow_private=args.allow_private, deadline=args.timeout)


def _statuses(value: str) -> tuple[str, ...]:
    from timeline.meta import parse_statuses

    try:
        statuses = parse_statuses(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    assert statuses is not None
    return statuses


def _event_args(p: argparse.ArgumentParser) -> None:
    """--undated and --status: which events a command makes (timeline.events)."""
    from timeline.meta import DEFAULT_UNDATED, STATUSES, UNDATED_OPTIONS

    p.add_argument("--undated", choices=UNDATED_OPTIONS, default=DEFAULT_UNDATED,
                   help="sentences without a date of their own: none (no event), lead (the lead sentence, at the "
                        "publication date; the default), all (every sentence, at the publication date or the "
                        "day the text narrates)")
    p.add_argument("--status", type=_statuses, metavar="LIST",
                   help=f"keep only events of these statuses, comma-separated: {', '.join(STATUSES)} "
                        "(default: all)")
    p.add_argument("--edits", metavar="FILE",
                   help="an edits file (YAML): drop, re-date, head or annotate events by id, add events "
                        "(see the README's 'Edits')")


def _collection_args(p: argparse.ArgumentParser) -> None:
    """SRC, --urls and --published: what `events` and `story` read, as `build` reads it."""
    p.add_argument("sources", nargs="*", metavar="SRC",
                   help="article files or folders: text, Markdown, web pages, .jsonl/.csv/.tsv collections, URLs")
    p.add_argument("--urls", metavar="LIST", help="a file of web page addresses, one per line, fetched and read too")
    p.add_argument("--published", type=_published, metavar="DATE",
                   help="publication date of the articles that give none (no front matter, metadata or evidence)")


def _run_args(p: argparse.ArgumentParser) -> None:
    """How `events` and `story` run: processes, replacing OUT, quiet, fetching, language, events."""
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="processes on this machine (default: every core)")
    p.add_argument("--force", action="store_true", help="replace OUT even if timeline did not write it")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line on stderr")
    _fetch_args(p)
    _lang_arg(p)
    _event_args(p)


def _load_edits(args: argparse.Namespace) -> Edits:
    """The edits file of --edits (timeline.edits.NO_EDITS without one)."""
    from timeline.edits import NO_EDITS, load_edits

    path = getattr(args, "edits", None)
    edits = load_edits(path) if path else NO_EDITS
    command = getattr(args, "command", None)
    if edits.days and command not in ("story", "build"):  # a story's key days: this command has none
        _warn([f"{edits.path}: 'days:' applies to 'timeline story' (and a site's story) only: "
               f"not applied by 'timeline {command}'"])
    return edits


def _warn(messages: Sequence[str]) -> None:
    for message in messages:
        say(message, prefix="warning: ")


def _note_inferred(article: Article) -> None:
    if article.published_how.startswith("inferred"):
        evidence = article.published_how.removeprefix("inferred from ")
        say(f"{article.path or '<stdin>'}: publication date inferred: {article.published.isoformat()}, "
            f"from {evidence}")


def _counted(n: int, noun: str) -> str:
    """'1 article', '1,460 articles' (the templates' filter)."""
    from timeline.filters import counted

    return counted(n, noun)


# What an output file's extension says its format is, when -f is not given ("-o story.html" is a page).
_EXTENSION_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json",
                      ".csv": "csv", ".svg": "svg", ".mmd": "mermaid", ".mw": "markwhen", ".txt": "text",
                      # what no command of one article or story writes: an error, not JSON under their name
                      ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".xml": "xml", ".pdf": "pdf",
                      ".png": "png"}


def _output_format(args: argparse.Namespace, choices: tuple[str, ...] | list[str], default: str) -> str:
    """-f when given; else the format OUT's extension names, if the command writes it; else `default`."""
    if args.format:
        return args.format
    if args.output and args.output != "-":
        fmt = _EXTENSION_FORMATS.get(Path(args.output).suffix.lower())
        if fmt in choices:
            return fmt
        if fmt is not None:  # "-o story.mmd" from a command that cannot write Mermaid: not JSON in disguise
            raise UserError(f"{args.output}: {args.command} does not write {fmt}, which this extension names; "
                            f"choose -f {', '.join(choices)} (or another extension)")
    return default


def _side_inputs(args: argparse.Namespace) -> tuple[str, ...]:
    """The files a command reads besides its articles (the edits file, the URL list, the templates):
    inputs too, which -o never replaces, not even with --force (none needed when writing to stdout)."""
    if getattr(args, "output", None) in (None, "-"):
        return ()
    found = [str(p) for p in (getattr(args, "edits", None), getattr(args, "urls", None)) if p]
    templates = getattr(args, "templates", None)
    if templates is not None and Path(templates).is_dir():
        found += sorted(str(p) for p in Path(templates).rglob("*") if p.is_file())
    return tuple(found)


def _emit(content: str, out: str | None, force: bool, inputs: tuple[str, ...]) -> None:
    if out is None or out == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    from timeline.output import write_output

    write_output(Path(out), content, force=force, inputs=inputs)


def cmd_extract(args: argparse.Namespace) -> int:
    from timeline.pipeline import process
    from timeline.progress import Progress
    from timeline.readers import load_article
    from timeline.render import render

    edits = _load_edits(args)  # a malformed file is an error before the article is read
    article = load_article(args.file, args.published, fmt=args.format_in, fetcher=_fetcher(args), lang=args.lang)
    if args.title:
        from dataclasses import replace

        article = replace(article, title=args.title)
    _note_inferred(article)
    with Progress(1000, "extracting") as bar:  # drawn on a terminal, once a long article takes a moment
        tl = process(article, bar.fraction, undated=args.undated, status=args.status).timeline()
    if edits:
        from timeline.edits import edit_timeline

        _warn(edits.stale(tl.events))
        tl = edit_timeline(tl, edits)
    from timeline.meta import FORMATS

    _emit(render(tl, _output_format(args, FORMATS, "json"), args.templates), args.output, args.force,
          (args.file, *_side_inputs(args)))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from timeline.article import file_offsets, read_bytes
    from timeline.pipeline import explain_article, tag_article
    from timeline.readers import article_from_bytes, input_kind, load_one
    from timeline.readers.url import is_url

    offsets = None
    if is_url(args.file):
        article = load_one(args.file, published=args.published, format_in=args.format_in, fetcher=_fetcher(args),
                           lang=args.lang)
    else:
        data, name = read_bytes(args.file)
        kind = input_kind(name, data, args.format_in)
        article = article_from_bytes(data, name, published=args.published, kind=kind, lang=args.lang)
        if kind in ("text", "markdown"):
            offsets = file_offsets(data)  # CRLF files: offsets into the body as it is in the file
    _note_inferred(article)
    # --explain: the rule, its parts and the parse of each expression (and what it resolved against)
    timexes = explain_article(article) if args.explain else [t.to_dict() for t in tag_article(article)]
    for d in timexes:
        start, end = d.get("start"), d.get("end")
        if offsets is not None and isinstance(start, int) and isinstance(end, int):
            d["start"], d["end"] = offsets[start], offsets[end]
    _emit(jsonout.dumps(timexes) + "\n", args.output, args.force,
          (args.file, *_side_inputs(args)))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from timeline.evaluate import evaluate, format_report, read_corpus, report_to_dict

    fmt = _report_format(args)
    path = Path(args.path)
    if not path.exists():
        raise ArticleError(f"{args.path}: no such file or folder")
    try:
        docs = read_corpus(path)
    except (ValueError, FileNotFoundError) as exc:
        raise ArticleError(str(exc)) from None
    report = evaluate(docs)
    if fmt == "json":
        sys.stdout.write(json.dumps(report_to_dict(report), indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report, verbose=args.verbose) + "\n")
    return 0


def _report_format(args: argparse.Namespace) -> str:
    """`-f json|text` as every command takes it, or the older `--json` (the same as `-f json`)."""
    if args.json and args.format == "text":
        raise UserError(f"{args.command}: --json and -f text ask for two formats; give one")
    return "json" if args.json else args.format or "text"


def cmd_eval_story(args: argparse.Namespace) -> int:
    from timeline.errors import warn_stderr
    from timeline.storyeval import evaluate_story, format_report, report_to_dict

    fmt = _report_format(args)  # a bad combination is an error before any article is read
    report = evaluate_story(args.path, args.system, jobs=args.jobs, warn=warn_stderr)
    out = json.dumps(report_to_dict(report), indent=2) if fmt == "json" else format_report(report, args.verbose)
    sys.stdout.write(out + "\n")
    return 2 if report.failures else 0  # as `story` and `build`: each bad article said, the rest scored


def cmd_diff(args: argparse.Namespace) -> int:
    import os

    from timeline.diff import diff_timelines
    from timeline.readers.versions import load_version
    from timeline.render import render_diff

    if args.old == "-" and args.new == "-":
        raise ArticleError("-: only one of OLD and NEW can be read from stdin")
    old = load_version(args.old, args.published_old, format_in=args.format_in, undated=args.undated,
                       status=args.status, fetcher=_fetcher(args), lang=args.lang)
    new = load_version(args.new, args.published_new, format_in=args.format_in, undated=args.undated,
                       status=args.status, fetcher=_fetcher(args), lang=args.lang)
    for tl in (old, new):
        for article in tl.articles:
            _note_inferred(article)
    edits = _load_edits(args)
    if edits:  # both sides, matched by the part of the id the versions share (timeline.edits)
        from timeline.edits import edit_timeline

        _warn(edits.stale([e for tl in (old, new) for e in tl.events], versions=True))
        old = edit_timeline(old, edits, versions=True)
        new = edit_timeline(new, edits, versions=True)
    d = diff_timelines(old, new)
    to_stdout = args.output is None or args.output == "-"
    from timeline.meta import DIFF_FORMATS

    args.format = _output_format(args, DIFF_FORMATS, "text")
    color = args.format == "text" and to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    _emit(render_diff(d, args.format, args.templates, color=color), args.output, args.force,
          (args.old, args.new, *_side_inputs(args)))
    return 1 if d.has_differences else 0


def cmd_build(args: argparse.Namespace) -> int:
    from timeline.batch import read_url_list
    from timeline.site import build, bundled_seeds

    urls = read_url_list(args.urls) if args.urls else []
    sources = args.sources or ([] if urls else [str(bundled_seeds())])
    report = build(sources, Path(args.output), templates=args.templates, force=args.force, title=args.title,
                   progress=not args.quiet, jobs=args.jobs, strict=args.strict, urls=urls, published=args.published,
                   undated=args.undated, status=args.status, fetcher=_fetcher(args),
                   edits=_load_edits(args) if args.edits else None, lang=args.lang, protect=_side_inputs(args))
    for message in report.warnings:
        say(message, prefix="warning: ")
    for message in report.errors:
        say(message)
    if not args.quiet:
        say(report.summary())
    return EXIT_USAGE if report.errors else 0


def cmd_events(args: argparse.Namespace) -> int:
    from timeline.batch import count_items, iter_items, read_url_list, source_files
    from timeline.progress import Progress
    from timeline.table import events_table

    urls = read_url_list(args.urls) if args.urls else []
    if not args.sources and not urls:
        raise UserError("events: give article files or folders (SRC), or --urls LIST")
    edits = _load_edits(args)  # a malformed file is an error before any article is read
    files = source_files(args.sources)
    inputs = tuple(sorted(files)) + _side_inputs(args)
    items = iter_items(args.sources, urls, files=files, fetcher=_fetcher(args), keyed=False)  # read as rows are written
    bar_shown = not args.quiet and args.dask is None and sys.stderr.isatty()
    with Progress(count_items(files) + len(urls) if bar_shown else 1, "reading", enabled=bar_shown) as bar:
        report = events_table(items, args.output, fmt=args.format, jobs=args.jobs, dask=args.dask, force=args.force,
                              inputs=inputs, advance=bar.advance, published=args.published, undated=args.undated,
                              status=args.status, edits=edits, lang=args.lang)
    for message in report.warnings:
        say(message, prefix="warning: ")
    for message in report.errors:
        say(message)
    if not args.quiet:
        skipped = f", {len(report.errors)} skipped" if report.errors else ""
        say(f"wrote {_counted(report.rows, 'event')} of {_counted(report.articles - len(report.errors), 'article')} to "
            f"{'stdout' if report.output in (None, '-') else report.output}{skipped}")
    return EXIT_USAGE if report.errors else 0


def _count(least: int) -> Callable[[str], int]:
    """An argparse type: a whole number, `least` or more."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = least - 1
        if n < least:
            raise argparse.ArgumentTypeError(f"invalid number {value!r} (a whole number, {least} or more)")
        return n

    return parse


def _day(option: str) -> Callable[[str], date]:
    """An argparse type: a day (YYYY-MM-DD), its errors naming `option`."""

    def parse(value: str) -> date:
        if len(value) == 10 and value[4] == "-" == value[7] and value.replace("-", "").isdigit():
            try:  # a span's end, not a publication: any day of the calendar (a story of 1492's days)
                return date.fromisoformat(value)
            except ValueError:
                pass  # "1492-13-01": said below, as any day that is not one
        try:
            return parse_date(value, option, option)
        except ArticleError as exc:
            raise argparse.ArgumentTypeError(str(exc).split(": ", 1)[1]) from None

    return parse


def cmd_story(args: argparse.Namespace) -> int:
    from timeline.batch import Options, count_items, iter_items, read_url_list, source_files
    from timeline.progress import Progress
    from timeline.render import render_story
    from timeline.story import story_of

    urls = read_url_list(args.urls) if args.urls else []
    if not args.sources and not urls:
        raise UserError("story: give article files or folders (SRC), or --urls LIST")
    if args.start and args.end and args.start > args.end:
        raise UserError(f"story: --from {args.start} is after --to {args.end}")
    edits = _load_edits(args)  # a malformed file is an error before any article is read
    from timeline.meta import STORY_FORMATS

    fmt = _output_format(args, STORY_FORMATS, "json")  # so is an OUT whose extension names no story format
    files = source_files(args.sources)
    inputs = tuple(sorted(files))
    items = iter_items(args.sources, urls, files=files, fetcher=_fetcher(args), keyed=False)  # read as the story goes
    options = Options(args.published, args.undated, tuple(args.status) if args.status is not None else None,
                      args.lang)
    with Progress(count_items(files) + len(urls), "reading", enabled=None if not args.quiet else False) as bar:
        st, errors, warnings = story_of(items, jobs=args.jobs, options=options, advance=bar.advance,
                                        edits=edits,
                                        dates=args.dates, sentences=args.sentences, start=args.start,
                                        end=args.end, title=args.title)
    _warn(warnings)
    for message in errors:
        say(message)
    _emit(render_story(st, fmt, args.templates), args.output, args.force, inputs + _side_inputs(args))
    if not args.quiet:
        skipped = f", {len(errors)} skipped" if errors else ""
        none = ""
        if not st.dates and st.articles and args.start is None:  # every day named is older than the span
            from timeline.story import BACKGROUND_DAYS

            none = (f": no day from {BACKGROUND_DAYS} days before the first article on says what happened "
                    "(--from YYYY-MM-DD takes in older days)")
        say(f"{_counted(len(st.dates), 'key date')} of {_counted(st.articles, 'article')}{skipped}{none}")
    return EXIT_USAGE if errors else 0


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="timeline",
        description="Turn news articles into dated, ordered event timelines (HTML, Markdown, JSON).",
        formatter_class=_formatter,
        epilog=_examples(
            "timeline build                                  # bundled seeds -> output/",
            "timeline extract story.md -f html -o story.html",
            "timeline tag story.txt --published 2026-01-31",
            "timeline diff story-v1.md story-v2.md",
            "timeline events articles/ -o events.parquet      # one row per event",
            "timeline story articles/ -f html -o story.html   # the key dates of many articles",
            "timeline extract story.md --edits edits.yml      # the editor's last word",
            "timeline eval ../shared/data/tbaq",
        ),
    )
    from timeline.meta import DIFF_FORMATS, FORMATS, GENERATOR, STORY_FORMATS

    parser.add_argument("--version", action="version", version=str(GENERATOR))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def format_in(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format-in", choices=["text", "markdown", "html"], metavar="KIND",
                       help="read the input as text, markdown or html (default: by its name, else its first bytes)")

    def article_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", metavar="FILE",
                       help="article: .txt or .md (optional YAML front matter), a saved web page (.html), "
                            "an http(s) URL; - for stdin")
        format_in(p)
        p.add_argument("--published", type=_published, metavar="DATE",
                       help="publication date (YYYY-MM-DD); default: front matter, else inferred from the text")
        p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
        p.add_argument("--force", action="store_true", help="replace OUT even if timeline did not write it")
        _fetch_args(p)
        _lang_arg(p)

    p = sub.add_parser(
        "extract", help="an article's timeline as html, md, json, csv or an export", formatter_class=_formatter,
        description="Find the dated events of one article and render them as a timeline.",
        epilog=_examples(
            "timeline extract story.md -f html -o story.html",
            "timeline extract story.txt --published 2026-01-31 -f md",
            "cat story.txt | timeline extract - --published 2026-01-31 -f json",
            "timeline extract story.md -f html-fragment -o embed.html   # to paste into a CMS",
            "timeline extract story.md -f timelinejs -o timeline.json   # for TimelineJS",
            "timeline extract story.md -f mermaid >> report.md          # a Mermaid block",
            "timeline extract saved-page.html -f json                   # a web page saved from the browser",
            "timeline extract https://example.org/2026/02/03/story -f md",
            "timeline extract story.md --undated all --status expected  # every forecast of the story",
        ),
    )
    article_args(p)
    p.add_argument("-f", "--format", choices=FORMATS, metavar="FORMAT",
                   help="output format: json (default, or as OUT's extension says), html (a page), "
                        "html-fragment (the timeline alone, "
                         "to embed), md, csv, timelinejs (TimelineJS 3 JSON), markwhen, mermaid, "
                         "svg (the overview drawing)")
    p.add_argument("--title", type=_text, help="title to show instead of the article's own")
    p.add_argument("--templates", type=Path, metavar="DIR", help="folder of templates overriding the default theme")
    _event_args(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "tag", help="the temporal expressions of an article, as JSON", formatter_class=_formatter,
        description="List every temporal expression with its character offsets and TIMEX3 type, value and mod.",
        epilog=_examples("timeline tag story.txt --published 2026-01-31",
                         "timeline tag story.txt --published 2026-01-31 --explain"),
    )
    article_args(p)
    p.add_argument("--explain", action="store_true",
                   help="also show the rule that made each expression, the rules it was composed of and its parse")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser(
        "diff", help="what changed in the timeline between two versions of an article",
        formatter_class=_formatter,
        description="Compare the timelines of two versions of an article (articles, or timeline JSON files\n"
                    "from 'timeline extract -f json'): added, removed and changed events (a moved date, an\n"
                    "updated sentence) and the number unchanged. Events are paired by meaning, not position.\n"
                    "Exit status as diff(1): 0 no differences, 1 differences, 2 trouble.",
        epilog=_examples(
            "timeline diff story-v1.md story-v2.md",
            "timeline diff v1.md v2.md -f md -o changes.md",
            "timeline diff v1.md v2.md -f html -o changes.html",
            "timeline diff old-timeline.json new-timeline.json -f json",
            "timeline diff v1.txt v2.txt --published-old 2026-01-31 --published-new 2026-02-03",
        ),
    )
    p.add_argument("old", metavar="OLD", help="the earlier version: an article or a timeline .json; - for stdin")
    p.add_argument("new", metavar="NEW", help="the later version: an article or a timeline .json; - for stdin")
    format_in(p)
    p.add_argument("-f", "--format", choices=DIFF_FORMATS,
                   help="output format (default: as OUT's extension says, else text, coloured on a terminal "
                        "unless NO_COLOR is set)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace OUT even if timeline did not write it")
    p.add_argument("--templates", type=Path, metavar="DIR", help="folder of templates overriding the default theme")
    p.add_argument("--published-old", type=_published, metavar="DATE",
                   help="publication date of OLD (YYYY-MM-DD); default: front matter, else inferred")
    _lang_arg(p)
    p.add_argument("--published-new", type=_published, metavar="DATE",
                   help="publication date of NEW (YYYY-MM-DD); default: front matter, else inferred")
    _fetch_args(p)
    _event_args(p)
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser(
        "eval", help="score the tagger on TimeML gold files (TempEval-3)", formatter_class=_formatter,
        description="Score the temporal tagger on TimeML documents: strict and relaxed P/R/F1, type F1 and "
                    "value F1, as TempEval-3 Task A defines them.",
        epilog=_examples("timeline eval ../shared/data/tbaq",
                         "timeline eval ../shared/data/tbaq -v | grep 'wrong value'"),
    )
    p.add_argument("path", metavar="PATH", help="a .tml file or a folder of them (searched recursively)")
    p.add_argument("-v", "--verbose", action="store_true", help="list every error (missed, spurious, wrong value…)")
    p.add_argument("-f", "--format", choices=["text", "json"], help="text (default) or json")
    p.add_argument("--json", action="store_true", help="the same as -f json")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "eval-story", help="score key-dates timelines against newsrooms' timelines (Timeline17)",
        formatter_class=_formatter,
        description="For each gold timeline of each topic (TOPIC/articles/*.txt, TOPIC/timelines/*.txt in tilse's\n"
                    "format): ask the system for as many days as it has, of round(mean sentences a day) sentences,\n"
                    "from the articles published within its span; print Date-F1 and ROUGE-1/2 F (align+ m:1, and\n"
                    "concat) per timeline and averaged, and the time taken. Needs: pip install 'timeline[eval]'.",
        epilog=_examples("timeline eval-story ../shared/data/t17",
                         "timeline eval-story ../shared/data/t17/bpoil --system count-days",
                         "timeline eval-story ../shared/data/mlcrisis/es -f json"),
    )
    p.add_argument("path", metavar="DIR",
                   help="a topic folder (articles/, timelines/), or a folder of them (searched recursively)")
    p.add_argument("--system", default="story", choices=["story", "count-days", "pub-days"],
                   help="story (default): timeline story; count-days: the days most articles mention; "
                        "pub-days: the days most articles were published")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="processes (default: every core)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="also list each timeline's days: found, missed and extra")
    p.add_argument("-f", "--format", choices=["text", "json"],
                   help="text (default) or json: the scores and every timeline's days")
    p.add_argument("--json", action="store_true", help="the same as -f json")
    p.set_defaults(func=cmd_eval_story)

    p = sub.add_parser(
        "build", help="build the timelines of many articles into a folder", formatter_class=_formatter,
        description="Build a static site: index.html (every article), a page per article (its timeline and its "
                    "text, each date linked to its entry), combined.html (all articles in one chronology), and "
                    "next to each page its .json and .md. SRC: text and Markdown files, saved web pages, "
                    ".jsonl/.csv/.tsv collections, folders of them, URLs. Without SRC, the bundled seed articles. "
                    "A rebuild re-processes only what changed.",
        epilog=_examples("timeline build", "timeline build articles/ -o site",
                         "timeline build pages/ feed.jsonl -o site --jobs 4     # saved pages and a collection",
                         "timeline build --urls story-urls.txt -o site          # pages fetched by URL",
                         "timeline build articles/ -o site --templates my-theme/ --title 'Election 2026'",
                         "timeline build articles/ -o site --undated none   # only sentences with a date"),
    )
    p.add_argument("sources", nargs="*", metavar="SRC", help="article files or folders (default: the bundled seeds)")
    p.add_argument("-o", "--output", default="output", metavar="OUT", help="output folder (default: output)")
    p.add_argument("--templates", type=Path, metavar="DIR", help="folder of templates overriding the default theme")
    p.add_argument("--force", action="store_true", help="write into OUT even if an earlier build did not create it")
    p.add_argument("--title", type=_text, default="Timelines",
                   help="title of the site's index page (default: Timelines)")
    p.add_argument("--urls", metavar="LIST", help="a file of web page addresses, one per line, fetched and built too")
    p.add_argument("--published", type=_published, metavar="DATE",
                   help="publication date of the articles that give none (no front matter, metadata or evidence)")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                   help="articles processed in N processes at once (default: every core)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first article that cannot be read (default: skip it, report it, exit 2)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line on stderr")
    _fetch_args(p)
    _lang_arg(p)
    _event_args(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "events", help="every event of a corpus as a table (Parquet, CSV, JSON Lines)", formatter_class=_formatter,
        description="Write one row per event of every article (the fields of the JSON event, then the article's\n"
                    "title, source, url and publication date) as Parquet, CSV or JSON Lines, chosen by the\n"
                    "extension of OUT (JSON Lines on stdout without -o). --dask runs the same job on a\n"
                    "dask.distributed cluster and writes a folder of Parquet parts. Parquet and Dask need the\n"
                    "extra: pip install '.[dask]' in timeline's source folder (or pip install pyarrow).",
        epilog=_examples("timeline events articles/ -o events.parquet",
                         "timeline events articles/ -o events.csv",
                         "timeline events articles/ | head -1",
                         "timeline events articles/ -o events.parquet --dask local",
                         "timeline events articles/ -o events.csv --undated all --status expected",
                         "timeline events /shared/articles -o /shared/events.parquet --dask tcp://10.0.0.5:8786"),
    )
    _collection_args(p)
    p.add_argument("-o", "--output", metavar="OUT", help="output file (.parquet, .csv, .jsonl); default: stdout")
    p.add_argument("-f", "--format", choices=["parquet", "csv", "jsonl"], help="format, instead of OUT's extension")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster")
    _run_args(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser(
        "story", help="the key dates of many articles about one story", formatter_class=_formatter,
        description="Choose the days that matter across a collection of articles about one story (a war, an\n"
                    "outbreak, a spill, a trial) and, for each, the sentences that say what happened and the\n"
                    "articles that report it. SRC is read as for build and events. Without --dates the tool\n"
                    "decides how many days the story needs (see the README, 'Story').",
        epilog=_examples("timeline story articles/ -o story.html -f html",
                         "timeline story articles/ --dates 20 --sentences 1 -f md",
                         "timeline story articles/ --from 2010-04-20 --to 2010-09-19 -o story.json",
                         "timeline story feed.jsonl -f csv -o story.csv    # one row per sentence"),
    )
    _collection_args(p)
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    p.add_argument("-f", "--format", choices=STORY_FORMATS,
                   help="output format: json (default, or as OUT's extension says), md, html (a page), "
                        "csv (one row per sentence), "
                        "svg (the overview of the key dates)")
    p.add_argument("--dates", type=_count(1), metavar="N", help="how many key dates (default: as the story needs)")
    p.add_argument("--sentences", type=_count(0), metavar="K", help="sentences per date (default: 2)")
    p.add_argument("--from", dest="start", type=_day("--from"), metavar="DATE",
                   help="only dates on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=_day("--to"), metavar="DATE", help="only dates on or before DATE")
    p.add_argument("--title", type=_text, help="title of the story (default: Key dates)")
    p.add_argument("--templates", type=Path, metavar="DIR", help="folder of templates overriding the default theme")
    _run_args(p)
    p.set_defaults(func=cmd_story)
    return parser


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (and SIGHUP) as an exception: what a command was writing is cleaned up on the way out
    (temporary files removed, the old output left as it was), then it exits 128 + the signal."""
    raise SystemExit(128 + signum)


def _on_signals() -> dict[int, object]:
    """Turn SIGTERM and SIGHUP into `_terminate` (where they kill the process as by default);
    the handlers they had, to put back."""
    import signal

    before: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        try:
            if number is not None and signal.getsignal(number) == signal.SIG_DFL:
                before[number] = signal.signal(number, _terminate)
        except ValueError:  # not the main thread: signals stay as they are
            pass
    return before


def _freeze_at_exit() -> None:
    """At exit, the heap frozen (gc.freeze): Python's shutdown then skips its last walk of every
    object for cycles, which after a build of 1,000 articles took 0.05-0.09 s of the wait for the
    command (the process ends right after; nothing it holds needs collecting)."""
    import gc

    gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    import atexit
    import signal

    atexit.unregister(_freeze_at_exit)  # once, however often main runs in a process
    atexit.register(_freeze_at_exit)
    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # named by the command, as its other argument errors are, not by `timeline`
        _Parser(prog=f"{parser.prog} {args.command}").error(f"unrecognized arguments: {' '.join(extra)}")
    handlers = _on_signals()
    try:
        return _run(args)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


def _run(args: argparse.Namespace) -> int:
    try:
        if getattr(args, "output", None) not in (None, "-"):  # "-o notes.txt/x.csv": the file named, once
            from timeline.output import check_parent

            check_parent(args.output)
        return int(args.func(args))
    except UserError as exc:
        say(str(exc))
        return EXIT_USAGE
    except NotADirectoryError as exc:
        say(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except OSError as exc:  # stdout on a full disk, a failing device (`> /dev/full`): no file named
        say(_cannot_write(exc))
        _drop_stdout()
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _cannot_write(exc: OSError) -> str:
    """The message for an output that failed: the file named, else "the output" (stdout)."""
    return (f"{exc.filename}: cannot write ({exc.strerror or exc})" if exc.filename
            else f"cannot write the output ({exc.strerror or exc})")


def _drop_stdout() -> None:
    """Send what is left in the process's stdout buffer nowhere, so Python's flush at exit does not
    fail again with a second message."""
    import contextlib
    import os

    if sys.stdout is sys.__stdout__ and sys.stdout is not None:
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)


if __name__ == "__main__":
    sys.exit(main())
