"""The HTML reader: main text, metadata and publication date of saved news pages (small pages
written for these tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest

from timeline.errors import ArticleError
from timeline.pipeline import process
from timeline.readers.html import MAX_PAGE_BYTES, NoArticleText, looks_like_html, read_html

TODAY = date(2026, 3, 1)

# A short story, three paragraphs; its dates are relative ("on Tuesday") so that only the page
# says when it was published.
STORY = """
<p>The city council voted on Tuesday to close the old bridge over the river for repairs, after
engineers found cracks in two of its supports during an inspection earlier this month.</p>
<p>Drivers will be sent on a detour through the industrial district while the work goes on, and
buses will stop at temporary shelters on both banks, the transport office said in a statement.</p>
<p>The mayor told reporters that the bridge should reopen before the summer, and that the cost of
the repairs would be shared with the regional government under an agreement signed last year.</p>
"""


def page(body: str = STORY, head: str = "", title: str = "Council closes the old bridge", html_attrs: str = "",
         h1: str | None = None) -> str:
    """A complete small news page: head metadata, a header with navigation, the article, a footer."""
    heading = title if h1 is None else h1
    return f"""<!DOCTYPE html>
<html lang="en"{html_attrs}>
<head>
<meta charset="utf-8">
<title>{title} | The Riverside Herald</title>
{head}
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main><article>
<h1>{heading}</h1>
{body}
</article></main>
<footer><p><a href="/about">About us</a> | <a href="/contact">Contact the newsroom</a></p></footer>
</body>
</html>"""


def read(html: str | bytes, **kwargs: object) -> object:
    data = html.encode("utf-8") if isinstance(html, str) else html
    kwargs.setdefault("today", TODAY)
    return read_html(data, "story.html", **kwargs)  # type: ignore[arg-type]


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- publication date ---------------------------------------------------------------------------

def test_json_ld_date_published_not_modified() -> None:
    head = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council closes the old bridge",
               "datePublished": "2026-01-14T09:30:00-05:00", "dateModified": "2026-01-20T11:00:00-05:00"})
    a = read(page(head=head))
    assert a.published == date(2026, 1, 14)
    assert a.published_how == "page metadata"


def test_several_json_ld_blocks_with_a_graph() -> None:
    head = ld({"@context": "https://schema.org", "@type": "Organization", "name": "The Riverside Herald",
               "foundingDate": "1901-05-01"}) + ld({
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "The Riverside Herald", "url": "https://herald.example/"},
            {"@type": "BreadcrumbList", "itemListElement": []},
            {"@type": "NewsArticle", "headline": "Council closes the old bridge",
             "datePublished": "2026-02-03T07:00:00Z", "dateModified": "2026-02-05T07:00:00Z"},
        ],
    })
    a = read(page(head=head))
    assert a.published == date(2026, 2, 3)
    assert a.published_how == "page metadata"


def test_json_ld_date_in_a_written_format() -> None:
    # Not ISO 8601: htmldate does not read it; the reader's own lenient pass does.
    head = ld({"@type": "NewsArticle", "headline": "Council closes the old bridge",
               "datePublished": "Tue, Feb 10 2026 10:01:41 EST"})
    a = read(page(head=head))
    assert a.published == date(2026, 2, 10)
    assert a.published_how == "page metadata"


def test_article_published_time_meta() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">' \
           '<meta property="article:modified_time" content="2026-02-01T10:00:00+00:00">'
    a = read(page(head=head))
    assert a.published == date(2026, 1, 22)
    assert a.published_how == "page metadata"


def test_time_element() -> None:
    body = '<p class="byline">By Ana Ruiz, <time datetime="2026-02-11T08:00:00Z">8:00 AM</time></p>' + STORY
    a = read(page(body=body))
    assert a.published == date(2026, 2, 11)
    assert a.published_how == "page metadata"


def test_date_only_in_the_url() -> None:
    a = read(page(), url="https://herald.example/news/2026/02/17/council-closes-old-bridge")
    assert a.published == date(2026, 2, 17)
    assert a.published_how == "url"
    assert a.url == "https://herald.example/news/2026/02/17/council-closes-old-bridge"


def test_markup_date_wins_over_the_url_date() -> None:
    head = '<meta property="article:published_time" content="2026-02-18T06:00:00Z">'
    a = read(page(head=head), url="https://herald.example/2026/02/17/council-closes-old-bridge")
    assert (a.published, a.published_how) == (date(2026, 2, 18), "page metadata")


def test_date_only_in_a_dateline() -> None:
    body = STORY.replace("<p>The city council", "<p>RIVERSIDE, Feb. 4, 2026 (AP) — The city council", 1)
    a = read(page(body=body))
    assert a.published == date(2026, 2, 4)
    assert a.published_how == "dateline"


def test_dateline_without_a_year() -> None:
    body = STORY.replace("<p>The city council", "<p>RIVERSIDE, Feb. 4 (AP) — The city council", 1)
    a = read(page(body=body))
    assert (a.published, a.published_how) == (date(2026, 2, 4), "dateline")


def test_byline_stamp_under_the_headline_not_the_photo_caption() -> None:
    body = ('<div class="photo">A crowd outside the town hall in Riverside on January 28, 2026, before '
            'the vote. Photo by Sam Lee</div><p>February 3, 2026</p>') + STORY
    a = read(page(body=body))
    assert a.published == date(2026, 2, 3)
    assert a.published_how == "byline"
    assert "February 3, 2026" not in a.text  # the stamp is the page's, not an event of the story


def test_no_date_anywhere_asks_for_published() -> None:
    with pytest.raises(ArticleError, match=r"story\.html: no publication date.*--published"):
        read(page())


def test_published_given_wins() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    a = read(page(head=head), published="2026-01-25")
    assert (a.published, a.published_how) == (date(2026, 1, 25), "given")


def test_today_bounds_the_page_date() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    with pytest.raises(ArticleError, match="no publication date"):
        read(page(head=head), today=date(2025, 12, 31))  # the page cannot be from the future


def test_text_contradicting_the_metadata_is_reported() -> None:
    head = '<meta property="article:published_time" content="2026-01-03T10:00:00Z">'
    body = STORY.replace("<p>The mayor told", "<p>On Friday, Jan. 9, the minister said the money was ready. "
                                              "The mayor told", 1)
    warnings: list[str] = []
    a = read(page(head=head, body=body), warn=warnings.append)
    assert a.published == date(2026, 1, 3)
    assert len(warnings) == 1
    assert "story.html" in warnings[0] and "2026-01-03" in warnings[0] and "2026-01-09" in warnings[0]
    assert "\n" not in warnings[0]


def test_no_warning_when_the_text_agrees() -> None:
    head = '<meta property="article:published_time" content="2026-01-12T10:00:00Z">'
    body = STORY.replace("<p>The mayor told", "<p>On Friday, Jan. 9, the minister said the money was ready. "
                                              "The mayor told", 1)
    warnings: list[str] = []
    read(page(head=head, body=body), warn=warnings.append)
    assert warnings == []


def test_default_warning_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    head = '<meta property="article:published_time" content="2026-01-03T10:00:00Z">'
    body = STORY.replace("<p>The mayor told", "<p>On Friday, Jan. 9, the minister said the money was ready. "
                                              "The mayor told", 1)
    read(page(head=head, body=body))
    err = capsys.readouterr().err
    assert err.startswith("timeline: story.html: ") and err.count("\n") == 1


# --- text ---------------------------------------------------------------------------------------

def test_paragraphs_kept_navigation_dropped() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    a = read(page(head=head))
    paragraphs = a.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The city council voted on Tuesday")
    assert paragraphs[2].endswith("signed last year.")
    for junk in ("Home", "Sport", "About us", "Contact the newsroom", "Council closes the old bridge"):
        assert junk not in a.text
    assert a.format == "text"


def test_inline_link_stays_in_its_sentence_and_link_lists_go() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    body = STORY.replace("engineers found cracks", 'engineers <a href="/report">found cracks</a>', 1) + """
<p>READ MORE: <a href="/news/2026/01/ferry-timetable-changes-for-winter">Ferry timetable changes for the winter
season</a></p>
<ul><li><a href="/news/1">Flooding closes three schools in the north</a></li>
<li><a href="/news/2">Local bakery wins national bread award again</a></li></ul>
<p>Lions win the derby in the last minute of extra time ...</p>"""
    a = read(page(head=head, body=body))
    assert "engineers found cracks in two of its supports" in a.text
    assert "Ferry timetable" not in a.text and "READ MORE" not in a.text
    assert "bakery" not in a.text and "Flooding" not in a.text
    assert "derby" not in a.text  # a teaser cut off mid-sentence


SCRIPTED = """
<script>var publishedAt = "January 5, 2026"; document.write("<p>Updated on Monday, January 5, 2026</p>");
window.dataLayer = window.dataLayer || []; function track(e) { return e; }</script>
<style>.story p { margin: 0 } /* last updated Monday */</style>
<noscript>Enable JavaScript to see the comments posted since Monday, January 5, 2026.</noscript>
"""


def test_scripts_and_json_ld_never_become_events() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Council closes the old bridge",
               "datePublished": "2026-01-22T18:05:00Z",
               "description": "On Monday, January 19, 2026, the council said the bridge would close."}) + SCRIPTED
    body = SCRIPTED + STORY.replace("<p>Drivers", "<p>The detour opened on January 20, 2026. Drivers", 1) + SCRIPTED
    a = read(page(head=head, body=body))
    result = process(a)
    texts = [e.text for e in result.events]
    assert any("detour opened" in t for t in texts)  # the story's own events are there
    for t in texts:
        for code in ("{", "}", "<", "var ", "document.", "window.", "function", "@type", "datePublished"):
            assert code not in t, t
    for code in ("publishedAt", "dataLayer", "margin", "JavaScript", "description"):
        assert code not in a.text


def test_code_printed_as_text_is_dropped() -> None:
    # Some pages print their ad code or escaped markup inside a paragraph: it is text to the
    # extractor, but never prose.
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    body = STORY + """<p>window.adsbygoogle = window.adsbygoogle || []; adsbygoogle.push({ slot: "2026-01-22" });</p>
<p>&lt;div class="ad-slot" data-date="Monday"&gt;&lt;/div&gt; Advertisement</p>"""
    a = read(page(head=head, body=body))
    assert a.text.endswith("signed last year.")
    assert "adsbygoogle" not in a.text and "ad-slot" not in a.text


def test_lines_split_at_inline_links_are_joined() -> None:
    # trafilatura's fallback extractors put a link of a <div>'s text on a line of its own: the
    # white space and punctuation at the seams show where a sentence goes on.
    from timeline.readers.html import _lines_to_paragraphs

    raw = ("A man who had tested positive for \nthe new flu\n died on Monday. He had a history of \n"
           "chronic asthma\n. He was 72. \n\u201cHe was admitted on Thursday,\u201d the department said.\n"
           "UPDATES\nSchools reopen in the north")
    assert _lines_to_paragraphs(raw) == [
        "A man who had tested positive for the new flu died on Monday. He had a history of chronic asthma. He was 72.",
        "\u201cHe was admitted on Thursday,\u201d the department said.",
        "UPDATES",
        "Schools reopen in the north",
    ]


def test_amp_page() -> None:
    head = ('<meta name="viewport" content="width=device-width"><link rel="canonical" '
            'href="https://herald.example/news/council-closes-old-bridge">'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>'
            '<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>'
            '<style amp-custom>h1{font-size:2em}</style>'
            + ld({"@type": "NewsArticle", "headline": "Council closes the old bridge",
                  "datePublished": "2026-02-09T12:00:00Z"}))
    body = '<amp-img src="/bridge.jpg" width="600" height="400" layout="responsive"></amp-img>' + STORY
    a = read(page(head=head, body=body, html_attrs=" \u26a1"))
    assert a.published == date(2026, 2, 9)
    assert a.url == "https://herald.example/news/council-closes-old-bridge"
    assert a.text.startswith("The city council voted on Tuesday")
    assert "amp" not in a.text.lower()


def test_page_without_article_text() -> None:
    body = '<ul>' + "".join(f'<li><a href="/video/{i}">Watch: highlights of match number {i} of the season</a></li>'
                            for i in range(12)) + '</ul>'
    # Read, with a warning (issue 19): the date and the title are on the page; the text is the
    # best the page has. Only a page without any text is refused (below).
    warnings: list[str] = []
    a = read(page(body=body, head='<meta property="article:published_time" content="2026-02-01">'),
             warn=warnings.append)
    assert (a.published, a.title) == (date(2026, 2, 1), "Council closes the old bridge")
    assert "highlights of match number 3" in a.text
    assert len(warnings) == 1 and warnings[0].startswith("story.html: no article text found")
    assert issubclass(NoArticleText, ArticleError)


# --- metadata -----------------------------------------------------------------------------------

def test_title_source_url_author() -> None:
    head = ('<meta property="og:site_name" content="The Riverside Herald">'
            '<meta name="author" content="Ana Ruiz">'
            '<link rel="canonical" href="https://herald.example/news/council-closes-old-bridge">'
            '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">')
    a = read(page(head=head), url="https://herald.example/news/council-closes-old-bridge?utm_source=feed")
    assert a.title == "Council closes the old bridge"
    assert a.source == "The Riverside Herald"
    assert a.url == "https://herald.example/news/council-closes-old-bridge"
    assert a.author == "Ana Ruiz"
    assert a.id == "story" and a.path == "story.html"
    assert a.meta()["author"] == "Ana Ruiz"


@pytest.mark.parametrize("og_title", ["Council closes the old bridge - The Riverside Herald",
                                      "| Council closes the old bridge"])
def test_title_without_the_site_name(og_title: str) -> None:
    head = ('<meta property="og:site_name" content="The Riverside Herald">'
            f'<meta property="og:title" content="{og_title}">'
            '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">')
    a = read(page(head=head))
    assert a.title == "Council closes the old bridge"
    assert a.source == "The Riverside Herald"


def test_given_url_when_the_page_has_none_and_no_author() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    a = read(page(head=head), url="https://herald.example/p/123")
    assert a.url == "https://herald.example/p/123"
    assert a.author is None
    assert "author" not in a.meta()  # older JSON keeps its shape


def test_author_field_in_meta_only_when_set() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    a = read(page(head=head))
    assert "author" not in a.meta()
    assert replace(a, author="Ana Ruiz").meta()["author"] == "Ana Ruiz"


def test_id_is_the_slug_of_the_file_stem() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    a = read_html(page(head=head).encode(), "pages/Bridge Story v2.html", today=TODAY)
    assert a.id == "bridge-story-v2"


# --- bytes ----------------------------------------------------------------------------------------

def _latin_page(declaration: str) -> bytes:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    quote = "The mayor, Zoë Müller, told the café owners \u201cwe are sorry\u201d"
    html = page(head=head, body=STORY.replace("The mayor told reporters", quote, 1))
    html = html.replace('<meta charset="utf-8">', declaration)
    return html.encode("cp1252")


@pytest.mark.parametrize("declaration", [
    '<meta charset="windows-1252">',
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',  # means windows-1252
    "",  # nothing declared, not UTF-8: windows-1252
])
def test_charset_from_meta_or_fallback(declaration: str) -> None:
    a = read(_latin_page(declaration))
    assert "Zoë Müller, told the café owners \u201cwe are sorry\u201d" in a.text


def test_charset_from_the_bom_wins_over_a_wrong_declaration() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    html = page(head=head, body=STORY.replace("The mayor told", "The mayor, Zoë Müller, told", 1))
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    for data in (b"\xef\xbb\xbf" + html.encode("utf-8"), "\ufeff".encode("utf-16-le") + html.encode("utf-16-le")):
        a = read(data)
        assert "Zoë Müller" in a.text


def test_unknown_charset_label_falls_back() -> None:
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    html = page(head=head, body=STORY.replace("The mayor told", "The mayor, Zoë Müller, told", 1))
    a = read(html.replace('<meta charset="utf-8">', '<meta charset="x-no-such-charset">').encode("utf-8"))
    assert "Zoë Müller" in a.text


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(ArticleError, match=r"story\.html: binary data"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)


def test_oversized_page_is_refused() -> None:
    with pytest.raises(ArticleError, match=r"story\.html: .* MB is over the 10 MB limit"):
        read(b"<!DOCTYPE html><html>" + b" " * MAX_PAGE_BYTES)


@pytest.mark.parametrize("data, expected", [
    (b"<!DOCTYPE html><html><body>x</body></html>", True),
    (b"\xef\xbb\xbf\n  <!doctype HTML>\n<html>", True),
    (b'<?xml version="1.0" encoding="utf-8"?>\n<!-- saved page -->\n<html xmlns="http://www.w3.org/1999/xhtml">',
     True),
    (b"<head><title>x</title></head>", True),
    ("\ufeff<html>".encode("utf-16-le"), True),
    (b"Council closes the old bridge\n\nThe city council voted <html> on Tuesday.", False),
    (b"---\ntitle: x\n---\nText", False),
    (b"", False),
])
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert looks_like_html(data) is expected


def test_importing_the_reader_does_not_import_trafilatura() -> None:
    code = ("import sys, timeline.readers.html; "
            "print(any(m.split('.')[0] in ('trafilatura', 'htmldate', 'lxml') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --- the order of evidence (issue 19) -------------------------------------------------------------

def test_utc_stamp_and_local_time_without_offset_give_the_local_day() -> None:
    # An evening story in Denver: 01:09 UTC on the 9th is 18:09 on the 8th in the newsroom.
    head = ('<meta property="article:published_time" content="2023-11-09T01:09:55+00:00">'
            + ld({"@type": "NewsArticle", "datePublished": "2023-11-08 18:09:55"}))
    a = read(page(head=head), today=date(2024, 1, 1))
    assert (a.published, a.published_how) == (date(2023, 11, 8), "page metadata")


def test_utc_stamp_and_the_same_moment_with_an_offset_give_the_local_day() -> None:
    head = ('<meta property="article:published_time" content="2023-11-09T01:09:55Z">'
            + ld({"@type": "NewsArticle", "datePublished": "2023-11-08T18:09:55-07:00"}))
    a = read(page(head=head), today=date(2024, 1, 1))
    assert a.published == date(2023, 11, 8)


def test_utc_stamp_and_the_pages_time_zone_give_the_local_day() -> None:
    head = ('<meta property="article:published_time" content="2023-11-09T01:09:55.000Z">'
            '<meta property="article:modified_time" content="2023-11-09T10:30:00-07:00">')
    a = read(page(head=head), today=date(2024, 1, 1))
    assert a.published == date(2023, 11, 8)


def test_utc_stamp_alone_keeps_its_day() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T01:09:55+00:00">'
    a = read(page(head=head), today=date(2024, 1, 1))
    assert a.published == date(2023, 11, 9)


def test_a_mislabelled_z_is_not_converted() -> None:
    # The same clock time written with "Z" and with the newsroom's offset: the clock time is local.
    head = ('<meta property="article:published_time" content="2023-11-09T01:09:55Z">'
            + ld({"@type": "NewsArticle", "datePublished": "2023-11-09T01:09:55+05:30"})
            + '<meta property="article:modified_time" content="2023-11-09T08:00:00+05:30">')
    a = read(page(head=head), today=date(2024, 1, 1))
    assert a.published == date(2023, 11, 9)


MASTHEAD = '<div class="date">{}</div>'


def _with_masthead(masthead: str, stamp: str) -> str:
    html = page(body=f"<p>{stamp}</p>" + STORY)
    return html.replace("<header>", "<header>" + MASTHEAD.format(masthead), 1)


def test_byline_earlier_than_the_date_htmldate_finds_in_the_page_wins() -> None:
    # The masthead's date is the day the page was saved; the stamp under the headline is the story's.
    a = read(_with_masthead("Tuesday, February 24, 2026", "February 3, 2026"))
    assert (a.published, a.published_how) == (date(2026, 2, 3), "byline")


def test_byline_later_than_the_date_htmldate_finds_in_the_page_loses() -> None:
    a = read(_with_masthead("Tuesday, February 3, 2026", "February 24, 2026"))
    assert (a.published, a.published_how) == (date(2026, 2, 3), "page text")


def test_update_stamp_labelled_in_its_own_element_is_not_the_byline() -> None:
    body = ('<p><span class="label">Updated:</span> <span>February 20, 2026</span></p>'
            '<p><span>Published</span> <span>February 3, 2026</span></p>') + STORY
    a = read(page(body=body))
    assert (a.published, a.published_how) == (date(2026, 2, 3), "byline")


def test_an_impossible_meta_date_is_ignored_and_the_next_evidence_used() -> None:
    head = '<meta property="article:published_time" content="2026-13-45">'
    a = read(page(head=head, body="<p>February 3, 2026</p>" + STORY))
    assert (a.published, a.published_how) == (date(2026, 2, 3), "byline")
    with pytest.raises(ArticleError, match=r"story\.html: no publication date"):
        read(page(head=head))  # never 2026-01-01


NEWSLETTER = ('<div class="signup"><a href="/subscribe">Sign up</a> for the <a href="/newsletters/morning">'
              'Morning Briefing</a> ...</div>')


def test_page_without_main_text_keeps_its_date_and_title_with_a_warning() -> None:
    head = ('<meta property="article:published_time" content="2026-02-01T09:00:00+00:00">'
            '<meta name="description" content="Every weekday morning, the five stories you need to know '
            'about Riverside, from the council to the courts.">')
    warnings: list[str] = []
    a = read(page(body=NEWSLETTER, head=head, title="The Morning Briefing"), warn=warnings.append)
    assert (a.published, a.title) == (date(2026, 2, 1), "The Morning Briefing")
    assert "five stories you need to know" in a.text
    assert len(warnings) == 1 and "story.html" in warnings[0] and "no article text" in warnings[0]


def test_page_with_no_text_at_all_is_refused() -> None:
    html = ('<!DOCTYPE html><html><head><meta property="article:published_time" content="2026-02-01">'
            '</head><body><img src="a.jpg"><video src="v.mp4"></video></body></html>')
    with pytest.raises(NoArticleText, match=r"story\.html: no text on the page"):
        read(html)


def test_many_links_are_matched_in_linear_time() -> None:
    # Issue 16 C13: 150,000 links were one regular expression of 150,000 alternatives (264 s).
    import time

    from lxml import html as lxml_html

    from timeline.readers.html import _is_link_list, _links

    n = 50_000
    tree = lxml_html.fromstring("<div>" + "".join(f'<a href="/s/{i}">Story number {i} about the council</a>'
                                                  for i in range(n)) + "</div>")
    start = time.perf_counter()
    links = _links(tree)
    listed = "Story number 7 about the council Story number 49999 about the council"
    assert _is_link_list(listed, links)
    assert not _is_link_list("The council met on Tuesday, and story number 7 about the council was read.", links)
    assert time.perf_counter() - start < 10  # about 1 s here; the old pattern took minutes


def test_a_page_of_one_paragraph_over_ten_million_bytes_keeps_its_text() -> None:
    # Issue 16 B10: libxml2 dropped a text node over 10,000,000 bytes: a 10.4 MB page (under the
    # limit) was "no article text" and a build dropped it.
    from timeline.readers.html import _load

    sentence = "The council met on Tuesday and voted. "
    paragraph = sentence * (10_200_000 // len(sentence))
    html = f"<!DOCTYPE html><html><head><title>Long</title></head><body><p>{paragraph}</p></body></html>"
    assert len(html.encode()) < MAX_PAGE_BYTES
    tree = _load(html)
    assert tree is not None
    assert len(tree.text_content()) >= len(paragraph)


def test_the_size_in_the_limit_message_is_in_the_limits_unit() -> None:
    with pytest.raises(ArticleError, match=r"story\.html: 10\.0 MB is over the 10 MB limit"):
        read(b"<!DOCTYPE html><html>" + b" " * MAX_PAGE_BYTES)


def test_the_markup_dates_considered_are_capped() -> None:
    # Issue 16 C13: 7 MB of <time> tags were all collected (500 MB); a news page has tens of dates.
    from datetime import timedelta

    from lxml import html as lxml_html

    from timeline.readers.html import _MAX_CANDIDATES, _markup_days

    days = [date(2000, 1, 1) + timedelta(days=i) for i in range(3 * _MAX_CANDIDATES)]
    tree = lxml_html.fromstring("<div>" + "".join(f'<time datetime="{d.isoformat()}">x</time>' for d in days)
                                + "</div>")
    found = _markup_days(tree)
    assert days[0] in found and len(found) <= _MAX_CANDIDATES


def test_runs_of_links_are_dropped_before_extraction_on_a_page_of_thousands() -> None:
    # Issue 16 C13: the extractor copies and scores a page of 150,000 links several times.
    from lxml import html as lxml_html

    from timeline.readers.html import _MANY_LINKS, _drop_link_runs

    def tree(n: int) -> object:
        items = "".join(f'<li><a href="/s/{i}">Story {i}</a></li>' for i in range(n))
        inline = " | ".join(f'<a href="/t/{i}">Tag {i}</a>' for i in range(n))
        return lxml_html.fromstring(f'<div><p>The council met, as <a href="/c">the minutes</a> say, on Tuesday.</p>'
                                    f'<ul>{items}</ul><nav>{inline}</nav></div>')

    many = tree(_MANY_LINKS // 2 + 1)
    _drop_link_runs(many)  # type: ignore[arg-type]
    assert [a.text for a in many.iter("a")] == ["the minutes"]  # type: ignore[attr-defined]
    assert many.text_content().startswith("The council met, as the minutes say, on Tuesday.")  # type: ignore[attr-defined]
    few = tree(100)
    _drop_link_runs(few)  # type: ignore[arg-type]
    assert sum(1 for _ in few.iter("a")) == 201  # type: ignore[attr-defined]  # a news page is left as it is


def test_a_page_of_thousands_of_links_keeps_its_story() -> None:
    links = "".join(f'<li><a href="/s/{i}">Story number {i} about the council</a></li>' for i in range(6_000))
    head = '<meta property="article:published_time" content="2026-01-22T18:05:00+00:00">'
    a = read(page(head=head).replace("</main>", f"</main><ul>{links}</ul>"))
    assert a.text.startswith("The city council voted on Tuesday") and "Story number" not in a.text


def test_meta_fields_past_the_cap_are_dropped_before_extraction() -> None:
    from lxml import html as lxml_html

    from timeline.readers.html import _MAX_CANDIDATES, _drop_excess_meta

    metas = "".join(f'<meta name="date{i}" content="2025-03-01">' for i in range(3 * _MAX_CANDIDATES))
    tree = lxml_html.fromstring(f'<html><head><meta name="author" content="Ana Ruiz">{metas}</head>'
                                '<body><p>The council met<meta itemprop="x" content="y"> on Tuesday.</p></body></html>')
    _drop_excess_meta(tree)
    assert sum(1 for _ in tree.iter("meta")) <= _MAX_CANDIDATES + 1
    assert tree.find(".//meta").get("name") == "author"
    assert tree.text_content().endswith("The council met on Tuesday.")


# --- stronger evidence only (issue 19, item 1) ------------------------------------------------------

def _tweet_like(stamp: str, extra_body: str = "") -> str:
    """A page whose only date is a moment written as Unix time in a data attribute, shown in the
    reader's time zone ("11:25 PM - 10 Jul 2020" in California is 06:25 UTC on the 11th)."""
    return page(body=f'<p class="meta"><a class="stamp" title="11:25 PM - 10 Jul 2020">'
                     f'<span {stamp}>Posted</span></a></p>' + extra_body + STORY)


@pytest.mark.parametrize("stamp", ['data-time="1594448702"', 'data-time-ms="1594448702000"',
                                   'data-timestamp="1594448702"'])
def test_a_unix_time_stamp_gives_its_day(stamp: str) -> None:
    a = read(_tweet_like(stamp), today=date(2021, 1, 1))
    assert (a.published, a.published_how) == (date(2020, 7, 11), "timestamp")


def test_a_unix_time_stamp_is_the_publishers_local_day_when_the_page_tells_its_zone() -> None:
    # 01:09 UTC on the 9th; the page's own stamps are at -07:00: an evening story of the 8th.
    body = '<p><span data-timestamp="1699492195">Posted</span></p>'
    script = '<script>var page = {"section": "news", "rendered": "2023-11-09T10:30:00-07:00"};</script>'
    a = read(page(body=body + STORY, head=script), today=date(2024, 1, 1))
    assert a.published == date(2023, 11, 8)


def test_a_unix_time_stamp_earlier_than_a_date_in_an_image_address_wins() -> None:
    image = '<img src="https://cdn.example/media/2020/07/15/photo.jpg" alt="">'
    a = read(_tweet_like('data-time="1594448702"', image), today=date(2021, 1, 1))
    assert (a.published, a.published_how) == (date(2020, 7, 11), "timestamp")


def test_a_unix_time_stamp_does_not_replace_the_metadata() -> None:
    head = '<meta property="article:published_time" content="2020-07-09T12:00:00Z">'
    a = read(page(head=head, body='<p><span data-time="1594448702">Posted</span></p>' + STORY),
             today=date(2021, 1, 1))
    assert (a.published, a.published_how) == (date(2020, 7, 9), "page metadata")


def test_numbers_that_are_not_moments_are_no_timestamp() -> None:
    body = '<p><span data-time="12">soon</span><span data-timestamp="9999999999999">later</span></p>'
    with pytest.raises(ArticleError, match="no publication date"):
        read(page(body=body + STORY), today=date(2021, 1, 1))


WIKI_TEXT = """
<p>Park is an actress and singer, born in Seoul in 1981. She studied dance before her first role.</p>
<ul><li>Fix You (KBS2, 2020)</li><li>My Country (JTBC, 2019)</li><li>Last (JTBC, 2015)</li>
<li>Mr. Back (MBC, 2014)</li><li>My Princess (MBC, 2011)</li></ul>
<p>She has won several awards for her work on television, among them a prize for best new actress.</p>
"""


def _revised(text: str, published: str = "2005-07-26T16:22:26-07:00",
             modified: str = "2020-04-07T12:33:32-07:00") -> str:
    return page(head=ld({"@type": "Article", "headline": "Park Ye Jin", "datePublished": published,
                         "dateModified": modified}), body=text, title="Park Ye Jin")


def test_a_document_revised_years_later_whose_text_names_later_years_is_dated_by_its_revision() -> None:
    # A wiki page created in 2005: the text shown is the revision of 2020 ("Fix You (KBS2, 2020)").
    a = read(_revised(WIKI_TEXT), today=date(2021, 1, 1))
    assert (a.published, a.published_how) == (date(2020, 4, 7), "page metadata")


def test_an_old_story_whose_page_was_touched_years_later_keeps_its_date() -> None:
    # An archive moved to a new system in 2020: dateModified is late, the text is of its day.
    a = read(_revised(STORY.replace("last year", "in 2004")), today=date(2021, 1, 1))
    assert a.published == date(2005, 7, 26)


def test_a_story_updated_weeks_later_keeps_its_original_date() -> None:
    text = STORY.replace("last year", "in 2020")
    a = read(_revised(text, "2019-12-20T09:00:00-05:00", "2020-02-01T09:00:00-05:00"), today=date(2021, 1, 1))
    assert a.published == date(2019, 12, 20)


@pytest.mark.parametrize("profile", ['<span class="label">Joined</span> <span>May 11, 2017</span>',
                                     '<span>Member since May 11, 2017</span>'])
def test_a_members_joining_date_under_the_headline_is_not_the_byline(profile: str) -> None:
    # A forum post: the poster's profile comes before the post's own date.
    body = f'<div class="profile"><a href="/members/ana">ana_r</a> {profile}</div><p>February 3, 2026</p>'
    a = read(page(body=body + STORY))
    assert (a.published, a.published_how) == (date(2026, 2, 3), "byline")


def test_the_date_of_an_embedded_post_is_not_the_byline() -> None:
    tweet = ('<blockquote class="twitter-tweet"><p>Arrived at the club for the 13th day.</p>— Dan Ray (@danray) '
             '<a href="https://twitter.com/danray/status/1">January 28, 2026</a></blockquote>')
    a = read(page(body=tweet + "<p>February 3, 2026</p>" + STORY))
    assert (a.published, a.published_how) == (date(2026, 2, 3), "byline")


def test_the_site_pages_revision_does_not_date_the_story() -> None:
    # The site's WebPage node (created apart) was changed in 2020; the story of 2019 looks ahead to 2020.
    head = ld({"@graph": [
        {"@type": "WebPage", "dateCreated": "2019-03-01T00:00:00Z", "dateModified": "2020-06-01T00:00:00Z"},
        {"@type": "NewsArticle", "headline": "Council closes the old bridge",
         "datePublished": "2019-01-10T09:00:00-05:00", "dateModified": "2019-01-11T09:00:00-05:00"}]})
    a = read(page(head=head, body=STORY.replace("last year", "before the 2020 election")), today=date(2021, 1, 1))
    assert a.published == date(2019, 1, 10)


def test_a_number_in_another_data_attribute_is_no_timestamp() -> None:
    body = '<div data-timeout="1594448702" data-timezone="1594448702"><p>Posted</p></div>'
    with pytest.raises(ArticleError, match="no publication date"):
        read(page(body=body + STORY), today=date(2021, 1, 1))


def test_the_page_text_date_is_htmldates_best_guess_not_a_loose_pattern() -> None:
    # No date markup: the date above the headline, and a table of earlier donations in the story.
    table = ('<table><tr><th>Date</th><th>Amount</th></tr><tr><td>2020-09-01</td><td>$2,800</td></tr>'
             '<tr><td>2020-09-03</td><td>$500</td></tr></table>')
    html = page(body=STORY + table).replace("<main>", '<main><p class="small">Tuesday, December 8, 2020</p>', 1)
    a = read(html, today=date(2021, 1, 1))
    assert (a.published, a.published_how) == (date(2020, 12, 8), "page text")


def test_an_update_stamp_elsewhere_on_the_page_does_not_beat_the_byline() -> None:
    # htmldate reads the footer's "Updated 01/15/2026" (the terms of use); it is earlier than the
    # byline, but a stamp labelled as an update is no publication date.
    footer = ('<footer><p>By using this site you agree to the <a href="/terms">Terms of Use</a> '
              '<span class="flag">Updated 01/15/2026</span></p></footer>')
    html = page(body="<p>February 3, 2026</p>" + STORY).replace("<footer>", footer + "<footer>", 1)
    a = read(html)
    assert (a.published, a.published_how) == (date(2026, 2, 3), "byline")


def test_the_stamps_searched_for_an_update_label_are_capped() -> None:
    # A page that writes the day thousands of times: only the first _MAX_CANDIDATES stamps are parsed.
    from unittest import mock

    from lxml import html as lxml_html

    from timeline.readers import html as reader

    tree = lxml_html.fromstring("<html><body>" + "<p>Updated 03/26/2020</p>" * (3 * reader._MAX_CANDIDATES)
                                + "</body></html>")
    with mock.patch.object(reader, "_stamp_day", wraps=reader._stamp_day) as parse:
        assert reader._only_as_update(tree, date(2020, 3, 26))
    assert parse.call_count == reader._MAX_CANDIDATES


def test_an_old_story_that_looks_ahead_a_few_years_keeps_its_date() -> None:
    # "by 2008" in a story of 2005 whose page was touched in 2020: the text is not of 2020.
    a = read(_revised(STORY.replace("last year", "last year, to be finished by 2008")), today=date(2021, 1, 1))
    assert a.published == date(2005, 7, 26)
