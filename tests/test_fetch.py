"""Fetching web pages safely (timeline.readers.url): redirects may not steer a fetch into a private
network, every fetch has a total deadline, short bodies are errors, credentials are never shown, a
bad URL is one line and the rest goes on, and article ids from URLs are unique and safe.

Every server here is started by the test on 127.0.0.1 (port 0), in a thread, and stopped after.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest

from timeline.batch import collect_items
from timeline.cli import main
from timeline.readers import url_id
from timeline.readers.url import Fetcher, FetchError, fetch, is_private_address, redact

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Harbour Gazette</title>
<meta property="article:published_time" content="2026-02-03T08:00:00Z"></head><body>
<article><h1>{title}</h1>
<p>The harbour reopened to shipping on Monday after the storm that closed it last Thursday, the port
authority said in a statement.</p>
<p>Dockworkers had cleared the main channel by Sunday evening, officials said, and the first ferry left
at dawn.</p>
<p>Repairs to the damaged north pier will take until the end of March, the authority said.</p>
</article></body></html>"""

SECRET = "internal-only-token-5081"


def _page(title: str) -> bytes:
    return PAGE.format(title=title).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    """Pages, redirects (`/go?to=URL`), a page behind Basic auth (`/private`), a secret."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, _, query = self.path.partition("?")
        if path == "/go":
            self._send(302, headers={"Location": unquote(query.removeprefix("to="))})
        elif path == "/secret":
            self._send(200, _page(f"The secret {SECRET}"))
        elif path == "/private":
            expected = "Basic " + base64.b64encode(b"editor:s3cr3t-pw").decode()
            if self.headers.get("Authorization") == expected:
                self._send(200, _page("Behind a password"))
            else:
                self._send(401, b"no", headers={"WWW-Authenticate": 'Basic realm="x"'})
        elif path == "/echo-auth":
            self._send(200, _page(f"Auth {self.headers.get('Authorization')}"))
        elif path.endswith((".html", "/story", "/floods")) or path.startswith("/news/"):
            self._send(200, _page(f"Port reopens {path}"))
        else:
            self._send(404, b"missing")


@contextlib.contextmanager
def _serve(handler: type[BaseHTTPRequestHandler] = _Handler) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with _serve() as base:
        yield base


@pytest.fixture(scope="module")
def other() -> Iterator[str]:
    """A second server on another port of 127.0.0.1: another origin, "the internal service"."""
    with _serve() as base:
        yield base


@contextlib.contextmanager
def _raw_server(respond: Callable[[socket.socket], None]) -> Iterator[str]:
    """A one-connection-at-a-time TCP server on 127.0.0.1 that answers every request with `respond`."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn, contextlib.suppress(OSError):
                conn.settimeout(5)
                conn.recv(65536)
                respond(conn)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


# --- A3: redirects may not lead into a private network -------------------------------------------


def test_a_redirect_to_another_private_origin_is_refused(server: str, other: str) -> None:
    # The reproduction: a page on 127.0.0.1:A redirecting to 127.0.0.1:B/secret.
    with pytest.raises(FetchError, match=r"redirected to .*private.*--allow-private") as exc:
        fetch(f"{server}/go?to={other}/secret")
    assert str(exc.value).startswith(f"{server}/go?to=") and "\n" not in str(exc.value)
    page = fetch(f"{server}/go?to={other}/secret", allow_private=True)
    assert SECRET.encode() in page.data and page.final_url == f"{other}/secret"


def test_the_address_the_user_gave_is_fetched_and_may_redirect_within_its_origin(server: str) -> None:
    page = fetch(f"{server}/go?to=/news/port-reopens.html")  # a private origin the user named: theirs
    assert page.final_url == f"{server}/news/port-reopens.html"
    page = fetch(f"{server}/go?to={server}/news/b.html")  # the same origin, written in full
    assert page.final_url == f"{server}/news/b.html"


class _PortIsPrivate(Fetcher):
    """The address policy with one port of 127.0.0.1 taken as the private network and every other
    as the public internet: how "public origin -> private origin" is tested on one machine."""

    private_port: int = 0

    def is_private(self, address: tuple[object, ...]) -> bool:
        return address[1] == type(self).private_port


def _policy(private: str, **kw: object) -> Fetcher:
    cls = type("Policy", (_PortIsPrivate,), {"private_port": int(private.rsplit(":", 1)[1])})
    return cls(**kw)  # type: ignore[arg-type]


def test_a_public_origin_may_not_redirect_into_a_private_one(server: str, other: str) -> None:
    policy = _policy(other)  # `other` is the private network, `server` the internet
    with pytest.raises(FetchError, match="private"):
        policy(f"{server}/go?to={other}/secret")
    assert SECRET.encode() in policy(f"{other}/secret").data  # asked for by the user: fetched
    assert b"Port reopens" in policy(f"{other}/go?to=/news/a.html").data  # within its own origin
    # A private start that leaves its origin and is sent back to it: once outside, no way back in.
    with pytest.raises(FetchError, match="private"):
        policy(f"{other}/go?to={server}/go%3Fto%3D{other}/secret")
    assert SECRET.encode() in _policy(other, allow_private=True)(f"{server}/go?to={other}/secret").data


def test_each_host_is_resolved_once_and_connected_to_at_the_address_checked(
        server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    port = int(server.rsplit(":", 1)[1])
    answers: list[str] = []

    class Rebinding(Fetcher):
        def resolve(self, host: str, port: int) -> list[tuple[int, tuple[object, ...]]]:
            answers.append(host)
            return [(socket.AF_INET, ("127.0.0.1", port))]

    def no_lookups(*args: object, **kw: object) -> object:
        raise AssertionError(f"a name was looked up outside the checked resolution: {args}")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookups)
    page = Rebinding()(f"http://news.test:{port}/go?to=/go%3Fto%3D/news/c.html")
    assert page.final_url == f"http://news.test:{port}/news/c.html" and answers == ["news.test"]


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
    "100.64.0.1", "224.0.0.251", "239.255.255.250", "255.255.255.255", "240.0.0.1",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "2002:a9fe:a9fe::", "64:ff9b::a9fe:a9fe",
])
def test_private_addresses(address: str) -> None:
    assert is_private_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2002:5db8:d822::1",
                                     "::ffff:93.184.216.34"])
def test_public_addresses(address: str) -> None:
    assert not is_private_address(address)


def test_build_refuses_a_steered_redirect_and_allow_private_fetches_it(
        server: str, other: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/news/harbour.html\n{server}/go?to={other}/secret\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", "--urls", str(urls), "-o", str(out), "-q", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "--allow-private" in err and len(err.strip().splitlines()) == 1
    assert SECRET not in "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.html"))
    assert main(["build", "--urls", str(urls), "-o", str(out), "-q", "-j", "1", "--allow-private"]) == 0
    assert SECRET in "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.html"))


@pytest.mark.parametrize("command", ["extract", "tag", "diff", "events"])
def test_every_command_that_fetches_refuses_and_allows(
        command: str, server: str, other: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steered = f"{server}/go?to={other}/secret"
    argv = {"extract": ["extract", steered], "tag": ["tag", steered], "diff": ["diff", steered, steered],
            "events": ["events", steered, "-o", str(tmp_path / "e.csv"), "--force", "-q"]}[command]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--allow-private" in err[0]
    assert main([*argv, "--allow-private"]) == 0, capsys.readouterr().err


# --- B6: bad URLs, deadlines, short bodies, credentials --------------------------------------------


@pytest.mark.parametrize(("url", "why"), [
    ("http://exa mple.org/story", "contains a space"),
    ("http://example.org/a\r\nX-Injected: 1", "control character"),
    ("http://[::1/x", "not a valid web address"),
    ("http://example.org:99999/", "bad port"),
    ("http://example.org:http/", "bad port"),
    ("http://example.org:0/", "bad port"),
    ("http:///story", "no host"),
    ("ftp://example.org/file", "not a web address"),
    ("http://evil.example\\@127.0.0.1/", "backslash"),
])
def test_a_bad_url_is_one_line_naming_it(url: str, why: str) -> None:
    with pytest.raises(FetchError, match=why) as exc:
        fetch(url)
    message = str(exc.value)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(redact(url) + ": ") and "evil.example" not in message  # (userinfo, redacted)


def test_build_urls_reports_each_bad_line_and_builds_the_rest(
        server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/news/port-reopens.html\nhttp://exa mple.org/x\nhttp://[::1/x\n"
                    f"http://example.org:99999/\nftp://example.org/b\n{server}/missing\n{server}/news/floods\n",
                    encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", "--urls", str(urls), "-o", str(out), "-q", "-j", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 5 and not any("Traceback" in line for line in err)
    for bad in ("http://exa mple.org/x", "http://[::1/x", "http://example.org:99999/", "ftp://example.org/b",
                f"{server}/missing"):
        assert sum(line.startswith(f"timeline: {bad}: ") for line in err) == 1, (bad, err)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["articles"]) == 2


def test_article_ids_from_urls_are_unique_safe_and_deterministic(
        server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = [f"{server}/a/story", f"{server}/b/story", f"{server}/news/index.html", f"{server}/news/",
              f"http://localhost:{server.rsplit(':', 1)[1]}/a/story", f"{server}/a/story#comments",
              f"{server}/news/{'long-' * 80}.html"]
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(listed) + "\n", encoding="utf-8")
    ids = []
    for run in ("one", "two"):
        out = tmp_path / run
        assert main(["build", "--urls", str(urls), "-o", str(out), "-q", "-j", "1"]) == 0, capsys.readouterr().err
        ids.append(sorted(a["id"] for a in json.loads((out / "index.json").read_text(encoding="utf-8"))["articles"]))
    assert ids[0] == ids[1]  # the same URLs, the same ids
    assert len(ids[0]) == 6  # "#comments" is the same page as /a/story: read once
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) and len(i) <= 80 for i in ids[0]), ids[0]
    assert "index" not in ids[0] and any(i.startswith("story-") for i in ids[0])
    assert any(i.startswith("news-") for i in ids[0])  # /news/index.html is named after its folder


def test_url_id_depends_on_the_address_alone() -> None:
    a = url_id("https://gazette.example/2026/02/03/port-reopens.html")
    assert a == url_id("https://GAZETTE.example/2026/02/03/port-reopens.html#top")
    assert a == url_id("https://user:pw@gazette.example/2026/02/03/port-reopens.html")
    assert a.startswith("port-reopens-") and a != url_id("https://gazette.example/2026/02/04/port-reopens.html")
    assert url_id("https://gazette.example/a?id=1") != url_id("https://gazette.example/a?id=2")
    assert not re.search(r"-v\d+$", url_id("https://gazette.example/story-v2"))  # never taken for a version


def _slow_drip(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(100):
        conn.sendall(b"x")
        time.sleep(0.1)


def _drip_headers(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nX-Long: " + b"y" * 1000:
        conn.sendall(bytes([byte]))
        time.sleep(0.05)


@pytest.mark.parametrize("respond", [_slow_drip, _drip_headers])
def test_a_fetch_has_a_total_deadline(respond: Callable[[socket.socket], None]) -> None:
    with _raw_server(respond) as base:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out.*1 s") as exc:
            fetch(base + "/drip", timeout=0.5, deadline=1.0)  # a byte every 0.1 s never trips the 0.5 s
        assert time.monotonic() - started < 2.5
    assert "\n" not in str(exc.value)


def test_timeout_option_bounds_a_fetch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _raw_server(_slow_drip) as base:
        started = time.monotonic()
        assert main(["extract", base + "/drip", "--timeout", "1"]) == 2
        assert time.monotonic() - started < 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "timed out" in err[0] and err[0].startswith(f"timeline: {base}/drip: ")


def test_a_body_shorter_than_its_content_length_is_an_error() -> None:
    def short(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><p>cut")

    with _raw_server(short) as base, pytest.raises(FetchError, match="ended after 12 of 5000 bytes"):
        fetch(base + "/short")


def test_a_chunked_body_cut_short_is_an_error() -> None:
    def cut(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"400\r\n<html><p>cut")

    with _raw_server(cut) as base, pytest.raises(FetchError, match="ended"):
        fetch(base + "/cut")


def test_credentials_are_used_for_their_origin_and_never_shown(
        server: str, other: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_password = server.replace("http://", "http://editor:s3cr3t-pw@")
    assert b"Behind a password" in fetch(f"{with_password}/private").data
    # another origin never sees them
    page = fetch(f"{with_password}/go?to={other}/echo-auth", allow_private=True)
    assert b"Auth None" in page.data and "s3cr3t" not in page.final_url
    assert "s3cr3t" not in redact(f"{with_password}/x") and "***" in redact(f"{with_password}/x")
    # not in messages
    assert main(["extract", f"{with_password}/missing"]) == 2
    err = capsys.readouterr().err
    assert "s3cr3t" not in err and "editor" not in err and "404" in err
    # not in any output or manifest of a build, nor on stderr
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{with_password}/private\n{with_password}/missing\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", "--urls", str(urls), "-o", str(out), "-j", "1"]) == 2
    assert "s3cr3t" not in capsys.readouterr().err
    assert (out / "index.html").exists()
    for path in out.rglob("*"):
        if path.is_file():
            assert b"s3cr3t" not in path.read_bytes(), path
    assert main(["events", "--urls", str(urls), "-o", str(tmp_path / "e.csv"), "-q"]) == 2
    assert "s3cr3t" not in capsys.readouterr().err
    assert b"s3cr3t" not in (tmp_path / "e.csv").read_bytes()


def test_the_same_page_listed_twice_is_read_once(server: str) -> None:
    items = collect_items([], [f"{server}/news/a.html", f"{server}/news/a.html#x", f"{server}/news/b.html"])
    assert [i.name for i in items] == [f"{server}/news/a.html", f"{server}/news/b.html"]


# --- D: python -m timeline, and the install hint ---------------------------------------------------


def test_python_m_timeline_runs_the_command() -> None:
    run = subprocess.run([sys.executable, "-m", "timeline", "--version"], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0 and run.stdout.startswith("timeline"), run.stderr
    run = subprocess.run([sys.executable, "-m", "timeline", "tag"], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_no_message_tells_users_to_install_an_unrelated_package() -> None:
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in [*(root / "timeline").rglob("*.py"), root / "README.md"]]
    assert not any("timeline[dask]" in t for t in texts)


# --- HTTPS: connected by address, verified by name -----------------------------------------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for the IP address 127.0.0.1 only."""
    import shutil
    import ssl

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True, timeout=60)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", cert
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_https_is_verified_against_the_host_name(tls_server: tuple[str, Path],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    base, cert = tls_server
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        fetch(base + "/news/a.html", deadline=5)  # a certificate nobody vouches for
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # now trusted (OpenSSL reads it for the default paths)
    assert b"Port reopens" in fetch(base + "/news/a.html", deadline=5).data
    port = base.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="match|mismatch|not valid"):
        fetch(f"https://localhost:{port}/news/a.html", deadline=5)  # the certificate names 127.0.0.1 only


@pytest.mark.parametrize("url", ["http://[::1/x", "http://[127.0.0.1]/", "http://[0]/a", "not a url", ""])
def test_url_id_of_any_text_is_an_id(url: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", url_id(url))


@pytest.mark.parametrize("command", ["extract", "tag", "diff"])
@pytest.mark.parametrize("url", ["http://[::1/x", "http://example.org:99999/", "http://exa mple.org/",
                                 "http://example.org/\r\nHost: x"])
def test_one_article_commands_say_a_bad_url_in_one_line(command: str, url: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, url] + ([url] if command == "diff" else [])) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"timeline: {redact(url)}: ") and "Traceback" not in err


def test_events_urls_reports_a_bad_line_and_reads_the_rest(server: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"http://[::1/x\n{server}/news/port-reopens.html\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["events", "--urls", str(urls), "-o", str(out), "-q"]) == 2
    assert capsys.readouterr().err.startswith("timeline: http://[::1/x: not a valid web address")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {r["url"] for r in rows} == {f"{server}/news/port-reopens.html"}
