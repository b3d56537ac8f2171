"""Load an article (plain text or Markdown, optional YAML front matter) and fix its publication date.

The publication date comes from the caller (`--published`), else the front matter, else it is
inferred from the text; `Article.published_how` always says which, so no date is guessed silently.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from timeline.errors import ArticleError, warn_stderr
from timeline.frozen import quick_init
from timeline.lang import detect, known, normalize
from timeline.pubdate import PUBLISHED_RANGE, parse_date


class NoPublicationDate(ArticleError):
    """An article whose metadata and text give no publication date (`--published` may give one)."""


__all__ = ["Article", "ArticleError", "NoPublicationDate", "clean_text", "decode_text", "file_offsets",
           "make_article", "parse_date", "read_bytes", "read_source", "slugify", "split_front_matter"]


@quick_init
@dataclass(frozen=True)
class Article:
    """One news article: its text and what we know about it.

    `text` is the body (front matter removed); every offset in the pipeline points into it.
    `published_how` says where the publication date came from: "given", "front matter", or
    "inferred from '…'" with the evidence (a web page adds "page metadata", "url", "byline",
    "timestamp", "dateline" and "page text": see timeline.readers.html).
    """

    id: str
    title: str
    source: str | None
    url: str | None
    published: date
    published_how: str
    text: str
    format: str = "text"  # "text" or "markdown"
    path: str | None = None
    author: str | None = None  # as a web page names it; None when unknown
    lang: str = "en"  # ISO 639-1 code: the language its dates are read in (timeline.lang)

    def meta(self) -> dict[str, object]:
        """The article's metadata as JSON-ready values (no text)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat(),
            "published_how": self.published_how,
            **({"author": self.author} if self.author is not None else {}),
            **({"lang": self.lang} if self.lang != "en" else {}),  # English, the default, goes unsaid
        }


# The fields are optional: "---" then "---" is an empty front matter (Jekyll and Hugo write it).
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:(.*?)\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                           re.DOTALL)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


def slugify(name: str) -> str:
    """A stable, URL- and id-safe slug: "Story v2.md" -> "story-v2"."""
    norm = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    return slug or "article"


# C0 and C1 control characters but tab and line feed, and DEL: nothing a reader sees, and a NUL or an
# escape sequence must reach no page, table or terminal; and U+FFFE and U+FFFF, no characters at all,
# which XML cannot hold (a drawing with one is no SVG a reader parses).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """`value` as text to keep: line ends as "\\n", control characters other than tab and line feed
    removed, a lone surrogate (a JSON "\\ud800" that is half of no pair: not a character, and
    not writable as UTF-8) replaced by U+FFFD. For fields read from data, not from a file whose
    offsets must be kept (the one place readers clean text)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(value) is not None:
        value = _CONTROL.sub("", value)
    if _LONE_SURROGATE.search(value) is not None:
        value = _LONE_SURROGATE.sub("\ufffd", value)
    return value


def has_lone_surrogate(value: str) -> bool:
    return _LONE_SURROGATE.search(value) is not None


_OPENING = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_SCALAR_FIELDS = ("id", "title", "source", "url", "published", "date", "author", "lang")


@cache
def _yaml_loader() -> type:
    """PyYAML's safe loader without its implicit timestamps: a date stays the text written, so
    `published: 2026-02-30` is our one-line error (naming the field), not PyYAML's ValueError."""
    import yaml  # only articles with front matter need it

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when there
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def file_line(text: str, mark: object) -> int:
    """The line (from 1) of a YAML error's or node's mark in `text`, as an editor numbers the
    file's lines: YAML counts U+0085, U+2028 and U+2029 as line breaks too, which no file's lines
    are (so its `mark.line` was one more for each before the error). Found from the mark's line,
    not its index (libyaml's index drifts after such a break)."""
    line = getattr(mark, "line", 0)
    ends = 0
    for n, brk in enumerate(_YAML_BREAK.finditer(text)):
        if n >= line:
            break
        ends += brk.group() in ("\r\n", "\r", "\n")
    return ends + 1


def split_front_matter(raw: str, name: str = "<text>", warn: Callable[[str], None] | None = None,
                       ) -> tuple[dict[str, object], str]:
    """(front matter fields, body). Raises ArticleError on front matter that is not a YAML mapping
    or whose title, date, source, url or id is not a single value; `warn` hears of an opening
    `---` that is never closed (the whole file is then the article)."""
    m = _FRONT_MATTER.match(raw)
    if not m:
        if _OPENING.match(raw):
            (warn or warn_stderr)(f"{name}: the front matter is not closed (no '---' line after the first one); "
                                  "reading the whole file as the article")
        return {}, raw.lstrip("\ufeff")
    import yaml

    try:
        data = yaml.load(m.group(1) or "", Loader=_yaml_loader())  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {file_line(m.group(1) or '', mark) + 1})" if mark is not None else ""
        raise ArticleError(f"{name}: front matter is not valid YAML{where}") from None
    except (ValueError, TypeError, RecursionError):  # an explicit !!timestamp that is no day, a nested bomb
        raise ArticleError(f"{name}: front matter holds a value that cannot be read") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(f"{name}: front matter must be a mapping of fields (title:, published:, ...)")
    fields = {str(k).lower(): v for k, v in data.items()}
    for key in _SCALAR_FIELDS:
        value = fields.get(key)
        if value is not None and not isinstance(value, str | int | float | date):
            raise ArticleError(f"{name}: front matter '{key}' must be a single value, not a list or a mapping")
        if isinstance(value, str):  # a YAML escape ("\\e[31m", "\\x00") writes a control: cleaned as text is
            fields[key] = clean_text(value)
    return fields, raw[m.end():]


def _given(value: object) -> bool:
    """Whether a front matter field is there: any value but none and blank text."""
    return value is not None and not (isinstance(value, str) and not value.strip())


#: The most bytes an article read from a stream (stdin, a pipe, a device) may have: a stream has
#: no size to check first, and one without end (`/dev/zero`, `yes |`) was read until memory ran out.
STREAM_LIMIT = 64 * 1024 * 1024


def _read_stream(stream: object, name: str) -> bytes:
    """The bytes of a stream up to STREAM_LIMIT; past it, one-line ArticleError."""
    data = stream.read(STREAM_LIMIT + 1)  # type: ignore[attr-defined]
    if len(data) > STREAM_LIMIT:
        raise ArticleError(f"{name}: over the limit of {STREAM_LIMIT:,} bytes for an article read from a stream")
    return data


def read_bytes(path: str) -> tuple[bytes, str]:
    """(bytes, display name) of a file, or of stdin for "-"; one-line ArticleError on any problem."""
    if path == "-":
        return _read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"
    p = Path(path)
    if not p.exists():
        if p.is_symlink():
            raise ArticleError(f"{path}: a symlink to nothing (what it names is gone, or it leads to itself)")
        raise ArticleError(f"{path}: no such file")
    if p.is_dir():
        raise ArticleError(f"{path}: is a directory, not an article")
    try:
        if p.is_file():
            return p.read_bytes(), path
        with p.open("rb") as stream:  # a pipe, a device: no size to check first
            return _read_stream(stream, path), path
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _file_text(data: bytes) -> str:
    """A text file's bytes as text: UTF-8, or UTF-16 after its byte order mark (what Windows tools
    save as "Unicode"), the mark kept as U+FEFF in both. Bytes after such a mark that do not decode,
    or decode to text without a space or a line end in its first 4,096 characters (binary data, read
    as ideographs), are taken as UTF-8, whose error names them. Raises UnicodeDecodeError."""
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        if any(c.isspace() for c in text[:4096]):
            return "\ufeff" + text
    return data.decode("utf-8")


def decode_text(data: bytes, name: str) -> str:
    """The text of a plain-text or Markdown file: UTF-8, or UTF-16 with its byte order mark (a BOM
    is kept for the front matter reader), line ends as "\\n", a control character other than tab
    and line feed (an escape sequence's) as a space; binary or empty files are refused."""
    try:
        text = _file_text(data)
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if "\x00" in text:
        raise ArticleError(f"{name}: binary file, not an article")
    if not text.strip():
        raise ArticleError(f"{name}: empty file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text) is not None:  # a space each: the offsets into the text stay the file's
        text = _CONTROL.sub(" ", text)
    return text


def file_offsets(data: bytes) -> list[int] | None:
    """For a text file whose line ends are not all "\\n": where each character of the article body
    as read (front matter removed, "\\r\\n" and "\\r" read as "\\n") is in the file's own text, so
    offsets can be given in the file's terms. None when the two are the same."""
    if b"\r" not in data:  # no carriage return in UTF-8, nor in UTF-16 (whose is b"\r\0" or b"\0\r")
        return None
    try:
        raw = _file_text(data)
    except UnicodeDecodeError:
        return None
    m = _FRONT_MATTER.match(raw)
    start = m.end() if m else len(raw) - len(raw.lstrip("\ufeff"))
    out: list[int] = []
    i = start
    while i < len(raw):
        out.append(i - start)
        i += 2 if raw.startswith("\r\n", i) else 1
    out.append(len(raw) - start)
    return out


def read_source(path: str) -> tuple[str, str]:
    """(text, display name) of a text file, or of stdin for "-"; one-line ArticleError on any problem."""
    data, name = read_bytes(path)
    return decode_text(data, name), name


def _is_byline(line: str, lang: str) -> bool:
    """Whether `line` is a byline that gives the publication date ("Publicado el 6 de febrero de
    2026"), in a language whose bylines the foreign tagger's tables know: no title."""
    if lang == "en":
        from timeline.byline import is_byline_line

        return is_byline_line(line)
    from timeline.temporal.locales import LOCALES

    locale = LOCALES.get(lang)
    if locale is None or len(line.split()) > 12:
        return False
    words = "|".join(re.escape(b) for b in sorted(locale.bylines, key=len, reverse=True))
    return re.match(rf"(?:{words})\b.*\d{{4}}\W*$", line, re.IGNORECASE) is not None


def _title_from(body: str, fmt: str, fallback: str, lang: str = "en") -> str:
    if fmt == "markdown":
        m = _MD_HEADING.search(body)
        if m:
            return m.group(1).strip()
    # A printable body has no line break of any kind (a collection's row, most often): one line.
    if body.isprintable():
        lines = [body.strip()] if body.strip() else []
    else:
        lines = [line.strip() for line in body.splitlines() if line.strip()]
    first = lines[1] if len(lines) > 1 and _is_byline(lines[0], lang) else (lines[0] if lines else "")
    if not first:
        return fallback
    words = first.split(maxsplit=12)  # a 13th item: more than 12 words (the rest is not split)
    return first if len(words) <= 12 else " ".join(words[:12]) + "…"


def make_article(
    raw: str,
    *,
    name: str = "<text>",
    article_id: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    fmt: str | None = None,
    today: date | None = None,
    warn: Callable[[str], None] | None = None,
    lang: str | None = None,
    source: str | None = None,
    url: str | None = None,
    author: str | None = None,
    published_how: str | None = None,
) -> Article:
    """Build an Article from raw file text: front matter, title, format, language and publication date.

    `source`, `url` and `author`, when given, are what a collection row says (else the front
    matter's); `published_how`, when given, replaces "given" for a given `published`.

    The language is `lang` when given, else the front matter's `lang:`, else detected from the
    text (timeline.lang; English when it cannot tell).

    `today` bounds an inferred publication date from above (an article is not published in the
    future); it is only consulted when neither `published` nor the front matter gives a date.
    `warn` hears of what is read but looks wrong (default: a line on stderr).
    """
    meta, body = split_front_matter(raw, name, warn)
    if not body.strip():
        raise ArticleError(f"{name}: no article text after the front matter")
    if fmt is None:
        fmt = "markdown" if Path(name).suffix.lower() in _MARKDOWN_SUFFIXES else "text"
    # The file's stem, only when the id falls back to it (a collection row gives one). The title
    # never does here: a body with text has a first line with text (`_title_from`'s fallback is
    # for an empty one).
    needs_stem = not (article_id or meta.get("id"))
    stem = "article" if name in ("<stdin>", "<text>") or not needs_stem else Path(name).stem
    aid = article_id or slugify(str(meta.get("id") or stem))
    language = article_language(lang, meta.get("lang"), body, name, warn)
    the_title = title or (str(meta["title"]).strip() if meta.get("title") else _title_from(body, fmt, stem, language))
    if published is not None:
        pub = parse_date(published, name, "--published")
        how = published_how or "given"
    elif _given(meta.get("published")) or _given(meta.get("date")):
        field = "published" if _given(meta.get("published")) else "date"
        pub = parse_date(meta[field], name, field)  # `published: 0` or `false` is its error, not no date
        how = "front matter"
    else:
        from timeline.infer import infer_published

        inferred = infer_published(body, today or date.today(), language)
        if inferred is not None and not PUBLISHED_RANGE[0] <= inferred[0] <= PUBLISHED_RANGE[1]:
            inferred = None
        if inferred is None:
            raise NoPublicationDate(
                f"{name}: no publication date: the text gives nothing to infer it from; "
                "pass --published YYYY-MM-DD or add 'published:' to the front matter"
            )
        pub, evidence = inferred
        how = f"inferred from {evidence}"
    source = source or meta.get("source")
    url = url or meta.get("url")
    return Article(
        id=aid,
        title=the_title,
        source=str(source) if source else None,
        url=str(url) if url else None,
        published=pub,
        published_how=how,
        text=body,
        format=fmt,
        path=None if name in ("<stdin>", "<text>") else name,
        author=author or None,
        lang=language,
    )


def article_language(given: str | None, declared: object, text: str, name: str = "<text>",
                     warn: Callable[[str], None] | None = None) -> str:
    """The language of an article: `given` (--lang), else what its metadata `declared`, else
    detected from `text`. A declared value that is no language code is an ArticleError."""
    if given:
        return normalize(given) or given
    return declared_language(declared, name, warn) or detect(text)


def declared_language(declared: object, name: str = "<text>", warn: Callable[[str], None] | None = None) -> str | None:
    """The language code metadata `declared` (None when it declares none). A value that is no
    language code is an ArticleError; a code dateparser does not know (what --lang refuses) is
    said to `warn` and is None: the language is then detected, as when none is declared."""
    if declared is None or not str(declared).strip():
        return None
    code = normalize(declared)
    if code is None:
        raise ArticleError(f"{name}: lang {str(declared)!r} is not a language code (like 'es' or 'fr-FR')")
    if not known(code):
        (warn or warn_stderr)(f"{name}: lang {str(declared)!r} is no language dateparser knows (like 'es', 'fr' "
                              "or 'it'): the language is detected from the text")
        return None
    return code
