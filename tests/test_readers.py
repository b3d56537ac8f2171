"""Real news in, through every command: saved web pages, pages fetched by URL (from a server on
127.0.0.1 started by the test), JSON Lines and CSV collections, stdin, CRLF files."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.readers import url_id
from timeline.readers.url import FetchError, fetch
from timeline.site import build

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port reopens after storm - Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2026-02-03T08:00:00Z">
<link rel="canonical" href="https://gazette.example/2026/02/03/port-reopens">
<script>var stamp = "Thursday 1 January 1970"; document.cookie = "a=b; expires=Thu, 01 Jan 1970";</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port reopens after storm",
 "datePublished": "2026-02-03T08:00:00Z", "dateModified": "2026-02-05T10:00:00Z"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Updated on 9 March 2026</a></nav>
<article><h1>Port reopens after storm</h1>
<p>The harbour reopened to shipping on Monday after the storm that closed it last Thursday, the port
authority said in a statement.</p>
<p>Dockworkers had cleared the main channel by Sunday evening, officials said, and the first ferry left
at dawn.</p>
<p>Repairs to the damaged north pier will take until the end of March, the authority said.</p>
</article>
<footer>Copyright 2026. Last updated 5 February 2026.</footer>
</body></html>
"""

EMPTY_PAGE = """<!DOCTYPE html><html><head><title>Video</title>
<meta property="article:published_time" content="2026-02-03"></head>
<body><nav><a href="/">Home</a></nav><video src="x.mp4"></video></body></html>"""


def _events(out: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(out)["events"]


def test_extract_a_saved_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "port.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    article = data["articles"][0]
    assert article["published"] == "2026-02-03" and article["published_how"] == "page metadata"
    assert article["title"] == "Port reopens after storm" and article["source"] == "Harbour Gazette"
    assert article["url"] == "https://gazette.example/2026/02/03/port-reopens"
    texts = " ".join(e["text"] for e in data["events"])
    assert "reopened to shipping on Monday" in texts
    assert "1970" not in json.dumps(data) and "document." not in texts and "Updated on 9 March" not in texts
    assert {e["date"] for e in data["events"]} >= {"2026-02-02", "2026-01-29"}


@pytest.mark.parametrize("how", [["--format-in", "html"], []])
def test_html_on_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    assert main(["extract", "-", "-f", "json", *how]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["published"] == "2026-02-03"


def test_a_page_without_article_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "video.html").write_text(EMPTY_PAGE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "video.html")]) == 2
    err = capsys.readouterr().err
    assert "video.html: no text on the page" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "port.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(tmp_path), "-o", str(out), "-j", "1"]) == 0  # skipped with a warning, not an error
    err = capsys.readouterr().err
    assert "warning: " in err and "video.html: no text on the page" in err
    assert (out / "port.html").exists() and not (out / "video.html").exists()


def test_build_a_folder_of_pages_gives_one_article_each(tmp_path: Path) -> None:
    src = tmp_path / "pages"
    src.mkdir()
    for i in range(3):
        (src / f"story{i}.htm").write_text(PAGE.replace("Port reopens", f"Port {i} reopens"), encoding="utf-8")
    build([str(src)], tmp_path / "site", jobs=1)
    index = json.loads((tmp_path / "site" / "index.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in index["articles"]] == ["story0", "story1", "story2"]
    assert {a["published_how"] for a in index["articles"]} == {"page metadata"}


# --- collections -------------------------------------------------------------------------------------


def test_jsonl_collection_with_a_bad_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"id": "A-1", "title": "Floods", "text": "The river burst its banks on Monday.", "published": "2026-02-04",
         "source": "Wire", "url": "https://example.org/a1"},
        "not json at all",
        {"title": "No body", "published": "2026-02-04"},
        {"id": "page-2", "html": PAGE, "source": "Gazette"},
        {"id": "b", "text": "Talks resumed on Friday.", "published": "04/02/2026"},  # ambiguous: refused
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(feed), "-o", str(out), "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "feed.jsonl: row 2: not a JSON object" in err
    assert "feed.jsonl: row 3: has neither a 'text' nor an 'html' field" in err
    assert "feed.jsonl: row 5: published '04/02/2026' is ambiguous" in err
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [(a["id"], a["published"], a["published_how"]) for a in index["articles"]] == [
        ("a-1", "2026-02-04", "collection"), ("page-2", "2026-02-03", "page metadata")]
    assert index["articles"][0]["url"] == "https://example.org/a1" and index["articles"][0]["source"] == "Wire"


def test_csv_collection_for_the_events_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["ID", "Title", "Text", "Published", "Source"])
    w.writerow(["x1", "Strike", "Workers walked out on Tuesday.\nThey return next Monday.", "2026-02-05", "Wire"])
    w.writerow(["x2", "Vote", "Parliament voted on 3 February 2026.", "not a date", "Wire"])
    w.writerow(["x3", "Undated", "Nothing here has a date.", "", "Wire"])
    (tmp_path / "articles.csv").write_text(buf.getvalue(), encoding="utf-8")
    assert main(["events", str(tmp_path / "articles.csv"), "-q"]) == 2
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert {r["article"] for r in rows} == {"x1"} and {r["title"] for r in rows} == {"Strike"}
    assert "articles.csv: row 2: published 'not a date' is not a date" in captured.err
    assert "articles.csv: row 3: no publication date" in captured.err
    # --published dates the rows that give none, and only those.
    assert main(["events", str(tmp_path / "articles.csv"), "-q", "--published", "2026-02-06"]) == 2
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    # x3 is now dated (its lead is its event); x2's date is wrong, not missing: still refused.
    assert {(r["article"], r["published"]) for r in rows} == {("x1", "2026-02-05"), ("x3", "2026-02-06")}


def test_a_collection_is_not_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feed.jsonl").write_text('{"text": "It rained on Monday.", "published": "2026-02-04"}\n')
    assert main(["extract", str(tmp_path / "feed.jsonl")]) == 2
    assert "is a collection of articles" in capsys.readouterr().err


def test_build_published_dates_only_the_undated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "dated.txt").write_text("---\npublished: 2026-01-10\n---\nIt rained on Monday.\n", encoding="utf-8")
    (src / "undated.txt").write_text("It snowed on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out), "--published", "2026-02-01", "-q"]) == 0
    index = {a["id"]: a for a in json.loads((out / "index.json").read_text(encoding="utf-8"))["articles"]}
    assert index["dated"]["published"] == "2026-01-10"
    assert index["undated"]["published"] == "2026-02-01" and index["undated"]["published_how"].startswith("given")


# --- URLs ----------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/port-reopens.html")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path in ("/report", "/report.html"):  # a PDF served without a Content-Type, or with a wrong one
            body = _PDF
            self.send_response(200)
            if self.path == "/report.html":
                self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/photo.jpg":
            body, kind = b"\xff\xd8\xff", "image/jpeg"
        elif self.path in ("/news/port-reopens.html", "/slow", "/big"):
            body, kind = PAGE.encode("utf-8"), "text/html; charset=utf-8"
            if self.path == "/big":
                body = body * 50
        else:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout, size)
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_extract_a_url_following_a_redirect(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", f"{server}/moved", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    article = data["articles"][0]
    # the id: the page's name where it ended up, and a hash of the address asked for (unique, stable)
    assert article["published"] == "2026-02-03" and article["id"].startswith("port-reopens-")
    assert article["id"] == url_id(f"{server}/moved", f"{server}/news/port-reopens.html")
    assert any("reopened to shipping on Monday" in e["text"] for e in data["events"])


@pytest.mark.parametrize(("path", "why"), [
    ("/missing", "the server answered 404"),
    ("/photo.jpg", "is image/jpeg, not a web page"),
    ("/to-file", "file:///etc/passwd' is not allowed|redirect to a non-web address"),
])
def test_fetch_failures_are_one_line_naming_the_url(server: str, path: str, why: str) -> None:
    with pytest.raises(FetchError, match=why) as exc:
        fetch(server + path)
    assert str(exc.value).startswith(server + path + ": ") and "\n" not in str(exc.value)


# A PDF of one page whose text is "The port reopened on 2 February 2026." (written as PDF writers do:
# a text object in a content stream), the bytes a server sends for it.
_PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
        b"4 0 obj\n<< /Length 58 >>\nstream\nBT /F1 12 Tf 72 712 Td (The port reopened on 2 February 2026.) Tj ET\n"
        b"endstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


@pytest.mark.parametrize("path", ["/report", "/report.html"])
def test_a_pdf_without_its_content_type_is_said_to_be_a_pdf(server: str, path: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A PDF served without a Content-Type (or as text/html) was read as a page: "no text on the
    page". timeline reads no PDF: the error says it is one, as it does when the server says so."""
    assert main(["extract", server + path]) == 2
    assert capsys.readouterr().err == (f"timeline: {server}{path}: is a PDF (its first bytes are %PDF-), which "
                                       "timeline does not read; convert it to text first (e.g. pdftotext)\n")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}{path}\n", encoding="utf-8")
    assert main(["build", "--urls", str(urls), "-o", str(tmp_path / "site"), "-q", "-j", "1"]) == 2
    assert "is a PDF (its first bytes are %PDF-)" in capsys.readouterr().err


def test_a_pdf_file_is_said_to_be_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("report.pdf", "report.txt", "report.html"):
        (tmp_path / name).write_bytes(_PDF)
        assert main(["extract", str(tmp_path / name)]) == 2
        assert capsys.readouterr().err == (f"timeline: {tmp_path / name}: is a PDF (its first bytes are %PDF-), "
                                           "which timeline does not read; convert it to text first (e.g. pdftotext)\n")


def test_fetch_limits_time_and_size(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch(server + "/slow", timeout=0.3)
    with pytest.raises(FetchError, match="over the"):
        fetch(server + "/big", max_bytes=10_000)
    with pytest.raises(FetchError, match="not a web address"):
        fetch("file:///etc/passwd")


def test_build_urls_goes_on_after_a_failure_and_exits_2(server: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# the story\n{server}/news/port-reopens.html\n\n{server}/missing\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", "--urls", str(urls), "-o", str(out), "-j", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert f"timeline: {server}/missing: the server answered 404 Not Found" in err
    assert len(list(out.glob("port-reopens-*.html"))) == 1


def test_a_bad_line_of_a_url_list_is_its_own_error(server: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/news/port-reopens.html\nftp://example.org/b\n", encoding="utf-8")
    assert main(["build", "--urls", str(urls), "-o", str(tmp_path / "site"), "-q"]) == 2
    assert capsys.readouterr().err == "timeline: ftp://example.org/b: not a web address (http:// or https://)\n"
    assert len(list((tmp_path / "site").glob("port-reopens-*.html"))) == 1


# --- offsets of CRLF files ------------------------------------------------------------------------------


def test_tag_offsets_point_into_the_file_as_it_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = "---\r\npublished: 2026-01-31\r\n---\r\nIt rained\r\non Monday.\r\nThen on Tuesday it snowed.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert main(["tag", str(path)]) == 0
    body = raw.split("---\r\n", 2)[2]
    found = [body[t["start"]:t["end"]] for t in json.loads(capsys.readouterr().out)]
    assert found == ["Monday", "Tuesday"]
