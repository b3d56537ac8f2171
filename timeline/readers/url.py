"""Fetch a web page by its URL, safely: http(s) only, a total deadline, a size limit, a bounded
number of redirects, and no redirect into a private network. Every failure is one line naming the
URL (`FetchError`, an ArticleError), with any user name and password in it replaced by `***`.

What is refused, and why (the README's Safety section says the same to users):
- a URL that is not an absolute http(s) URL with a host and a valid port, or that holds a space, a
  control character (CR/LF: header injection) or a backslash in its host part;
- a redirect to an address that is loopback, private, link-local, shared (CGNAT), multicast,
  unspecified, reserved or otherwise not globally reachable (`is_private_address`), unless
  `allow_private`. The URL the user gave is fetched wherever it points (they asked for it), and
  redirects that stay on its origin (scheme, host, port) may follow it there; once a redirect has
  left that origin, every later hop must be public. Each host is resolved once per fetch, the
  addresses are checked, and the connection goes to a checked address (no second lookup that DNS
  rebinding could answer differently);
- a fetch that takes longer than `deadline` seconds in all (connection, redirects, headers and
  body), or that hears nothing for `timeout` seconds;
- a body shorter than its Content-Length (or a chunked body cut short), or over `max_bytes`.

Credentials in a URL (`https://user:pass@host/`) are sent, as HTTP Basic authentication, to that
origin only, never to the origin of a redirect, and never appear in a message or an output.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from timeline.errors import ArticleError

if TYPE_CHECKING:
    import socket

__all__ = ["DEADLINE", "FetchError", "Fetched", "Fetcher", "address_key", "fetch", "is_private_address",
           "is_url", "redact"]

DEADLINE = 30.0  # seconds for a whole fetch: connecting, every redirect, the headers and the body
TIMEOUT = 20.0  # seconds to connect, and the longest silence between bytes
MAX_BYTES = 10 * 1024 * 1024  # as for a saved page (timeline.readers.html.MAX_PAGE_BYTES)
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # controls, bidi
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*@)")


class FetchError(ArticleError):
    """A page that could not be fetched: the URL and the reason, in one line."""


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the address asked for and the one it ended at (after redirects), both
    without credentials, and its bytes."""

    url: str
    final_url: str
    data: bytes


def is_url(source: str) -> bool:
    return re.match(r"(?i)https?://", source) is not None


def redact(url: str) -> str:
    """`url` as it may be shown: credentials replaced by `***`, control characters escaped
    (`\\r`, `\\n`): one line, and the same page as `url` (`address_key`) for a URL that can be fetched."""
    shown = _USERINFO.sub(r"\1***@", url)
    return _UNSHOWABLE.sub(lambda m: repr(m.group(0))[1:-1], shown)


def address_key(url: str) -> str:
    """What names one page: the URL without credentials and fragment, its scheme and host in lower
    case. Two URLs with the same key are the same page (the batch reads it once)."""
    from urllib.parse import urlsplit, urlunsplit

    bare = _USERINFO.sub(r"\1", url.strip())
    try:
        parts = urlsplit(bare)
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))
    except ValueError:
        return bare.split("#", 1)[0]


def is_private_address(address: str) -> bool:
    """Whether an IP address is not on the public internet: loopback, private, link-local,
    shared (100.64/10), multicast, unspecified, reserved, documentation, IPv6 site-local, or an
    IPv6 address that embeds such an IPv4 address (IPv4-mapped, 6to4, Teredo, NAT64)."""
    import ipaddress

    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return is_private_address(str(ip.ipv4_mapped))
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = [ip.sixtofour, ip.teredo[1] if ip.teredo else None]
        if ip in ipaddress.ip_network("64:ff9b::/96") or ip in ipaddress.ip_network("64:ff9b:1::/48"):
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(e is not None and is_private_address(str(e)) for e in embedded):
            return True
        if ip.is_site_local:
            return True
    return (not ip.is_global or ip.is_multicast or ip.is_private or ip.is_loopback or ip.is_link_local
            or ip.is_unspecified or ip.is_reserved)


@dataclass(frozen=True)
class _Target:
    """One hop of a fetch: a checked URL, split for the connection."""

    url: str  # without credentials
    scheme: str
    host: str  # ASCII (IDNA), lower case, without brackets
    port: int
    path: str  # path and query, ASCII
    auth: tuple[str, str] | None

    @property
    def origin(self) -> tuple[str, str, int]:
        return self.scheme, self.host, self.port


def _target(url: str, shown: str) -> _Target:
    """`url` checked and split; FetchError (naming `shown`) when it is not a fetchable address."""
    from urllib.parse import quote, unquote, urlsplit, urlunsplit

    if _UNSHOWABLE.search(url):
        raise FetchError(f"{shown}: contains a control character")
    if any(c.isspace() for c in url):
        raise FetchError(f"{shown}: contains a space (write it as %20)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        if "port" in str(exc).lower():
            raise FetchError(f"{shown}: has a bad port (a number from 1 to 65535)") from None
        raise FetchError(f"{shown}: not a valid web address ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{shown}: not a web address (http:// or https://)")
    if "\\" in parts.netloc:
        raise FetchError(f"{shown}: has a backslash in its host part")
    if not parts.hostname:
        raise FetchError(f"{shown}: has no host")
    if port == 0:
        raise FetchError(f"{shown}: has a bad port (a number from 1 to 65535)")
    try:
        host = parts.hostname.encode("idna").decode("ascii") if not parts.hostname.isascii() else parts.hostname
    except UnicodeError:
        raise FetchError(f"{shown}: has a host name that cannot be looked up") from None
    host = host.lower()
    auth = (unquote(parts.username or ""), unquote(parts.password or "")) if parts.username is not None else None
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    printable = "".join(map(chr, range(0x21, 0x7F)))
    path = quote(parts.path or "/", safe=printable) + (f"?{quote(parts.query, safe=printable)}" if parts.query else "")
    clean = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    return _Target(clean, scheme, host, port or (443 if scheme == "https" else 80), path, auth)


class _DeadlineReader(io.RawIOBase):
    """A socket read through a total deadline: each read waits at most `timeout` seconds and never
    past `deadline` (time.monotonic()), so a server sending a byte at a time cannot hold a fetch."""

    def __init__(self, sock: socket.socket, deadline: float, timeout: float) -> None:
        super().__init__()
        self.sock, self.deadline, self.timeout = sock, deadline, timeout
        self.raw = sock.makefile("rb", buffering=0)  # holds the socket open until this reader is closed

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.raw.close()
        super().close()

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _DeadlinePassed
        self.sock.settimeout(min(self.timeout, left))
        try:
            return self.raw.readinto(buffer) or 0
        except TimeoutError:
            if time.monotonic() >= self.deadline - 0.01:
                raise _DeadlinePassed from None
            raise


class _DeadlinePassed(TimeoutError):
    pass


@dataclass(frozen=True)
class Fetcher:
    """How pages are fetched: `allow_private` lets redirects lead into private networks;
    `deadline` bounds a whole fetch and `timeout` every wait for the network (seconds);
    `max_bytes` a page's size. Calling it fetches one URL (FetchError on any failure)."""

    allow_private: bool = False
    deadline: float = DEADLINE
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    user_agent: str | None = None

    def resolve(self, host: str, port: int) -> list[tuple[int, tuple[Any, ...]]]:
        """The addresses to connect to for `host`: (family, socket address as `socket.connect` takes
        it), from the system resolver."""
        import socket

        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
        return [(family, tuple(sockaddr)) for family, _, _, _, sockaddr in found
                if family in (socket.AF_INET, socket.AF_INET6)]

    def is_private(self, address: tuple[Any, ...]) -> bool:
        """Whether a socket address (IP, port, ...) is in a private network (a hop there needs
        `allow_private`)."""
        return is_private_address(str(address[0]))

    def __call__(self, url: str) -> Fetched:
        shown = redact(url)
        start = _target(url, shown)
        deadline = time.monotonic() + self.deadline
        resolved: dict[tuple[str, int], list[tuple[int, tuple[Any, ...]]]] = {}
        target, left_start = start, False
        try:
            for _ in range(MAX_REDIRECTS + 1):
                addresses = resolved.get((target.host, target.port))
                if addresses is None:
                    addresses = resolved[target.host, target.port] = self._resolve(target, shown)
                if left_start and not self.allow_private:
                    private = next((a for _, a in addresses if self.is_private(a)), None)
                    if private is not None:
                        raise FetchError(f"{shown}: redirected to {redact(target.url)}, a private address "
                                         f"({private[0]}); refused (--allow-private fetches it)")
                auth = target.auth or (start.auth if target.origin == start.origin else None)
                status, reason, location, data = self._get(target, addresses, auth, deadline, shown)
                if location is None:
                    if not 200 <= status < 300:
                        raise FetchError(f"{shown}: the server answered {status} {reason}".rstrip())
                    return Fetched(start.url, target.url, data)
                target = self._redirect(target, location, shown)
                left_start = left_start or target.origin != start.origin
            raise FetchError(f"{shown}: more than {MAX_REDIRECTS} redirects")
        except _DeadlinePassed:
            raise FetchError(f"{shown}: timed out: the fetch took longer than its {self.deadline:g} s limit "
                             "(--timeout)") from None
        except TimeoutError:
            raise FetchError(f"{shown}: timed out (no answer for {min(self.timeout, self.deadline):g} s)") from None
        except OSError as exc:
            raise FetchError(f"{shown}: cannot fetch ({_why(exc)})") from None

    def _resolve(self, target: _Target, shown: str) -> list[tuple[int, tuple[Any, ...]]]:
        import socket

        try:
            addresses = self.resolve(target.host, target.port)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"{shown}: cannot fetch ({_why(exc)}: {target.host})") from None
        if not addresses:
            raise FetchError(f"{shown}: cannot fetch (no address for {target.host})")
        return addresses

    def _redirect(self, current: _Target, location: str, shown: str) -> _Target:
        from urllib.parse import urljoin

        if not location:
            raise FetchError(f"{shown}: a redirect without a Location")
        try:
            new = urljoin(current.url, location.strip())
        except ValueError:
            new = location
        if not is_url(new):
            raise FetchError(f"{shown}: redirect to a non-web address {redact(new)!r}")
        try:
            return _target(new, redact(new))
        except FetchError as exc:
            raise FetchError(f"{shown}: redirected to {exc}") from None

    def _get(self, target: _Target, addresses: list[tuple[int, tuple[Any, ...]]], auth: tuple[str, str] | None,
             deadline: float, shown: str) -> tuple[int, str, str | None, bytes]:
        """One GET: the status, its reason, the Location of a redirect (else None) and the body."""
        import base64
        import http.client

        conn = _connection(target, addresses, deadline, min(self.timeout, self.deadline))
        try:
            headers = {"User-Agent": self.user_agent or _user_agent(), "Accept": "text/html,*/*;q=0.5",
                       "Accept-Encoding": "identity", "Connection": "close"}
            if auth is not None:
                headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            try:
                conn.request("GET", target.path, headers=headers)
                response = conn.getresponse()
                if response.status in _REDIRECTS:
                    return response.status, response.reason, response.headers.get("Location") or "", b""
                if not 200 <= response.status < 300:
                    return response.status, response.reason, None, b""
                return response.status, response.reason, None, self._body(response, shown)
            except http.client.IncompleteRead:
                raise FetchError(f"{shown}: the page ended before its end (the connection closed)") from None
            except http.client.HTTPException as exc:
                raise FetchError(f"{shown}: not a valid HTTP answer ({type(exc).__name__})") from None
        finally:
            conn.close()

    def _body(self, response: Any, shown: str) -> bytes:
        kind = (response.headers.get_content_type() or "").lower()
        if response.headers.get("Content-Type") and kind not in _HTML_TYPES:
            raise FetchError(f"{shown}: is {kind}, not a web page")
        length = (response.headers.get("Content-Length") or "").strip()
        declared = int(length) if length.isdigit() and not response.chunked else None
        mb = self.max_bytes >= 2**20
        limit = f"the {self.max_bytes // 2**20} MB limit" if mb else f"the {self.max_bytes}-byte limit"
        if declared is not None and declared > self.max_bytes:
            raise FetchError(f"{shown}: {declared / 1e6:.1f} MB is over {limit} for a web page")
        chunks, size = [], 0
        while True:
            chunk = response.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{shown}: over {limit} for a web page")
        if declared is not None and size < declared:
            raise FetchError(f"{shown}: the page ended after {size} of {declared} bytes (the connection closed)")
        from timeline.readers.html import with_http_charset

        body = self._decoded(b"".join(chunks), response.headers.get("Content-Encoding") or "", shown, limit)
        return with_http_charset(body, response.headers.get_content_charset())

    def _decoded(self, body: bytes, encoding: str, shown: str, limit: str) -> bytes:
        """The body undone of the compression a server applied though timeline asked for none
        (gzip or deflate, as misconfigured servers send), never more than `max_bytes` of it: a
        gzip bomb stops at the limit. FetchError for a compression timeline cannot undo."""
        import zlib

        codings = [c.strip().lower() for c in encoding.split(",") if c.strip().lower() not in ("", "identity")]
        for coding in reversed(codings):  # the last applied is the first undone
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"{shown}: compressed as timeline cannot read (Content-Encoding: {coding})")
            try:
                body = self._inflate(body, coding, shown, limit)
            except zlib.error:
                if coding != "deflate":
                    raise FetchError(f"{shown}: not valid {coding} (Content-Encoding: {coding})") from None
                body = self._raw_deflate(body, shown)
            if len(body) > self.max_bytes:
                raise FetchError(f"{shown}: over {limit} for a web page, once uncompressed ({coding})")
        return body

    def _inflate(self, body: bytes, coding: str, shown: str, limit: str) -> bytes:
        """gzip or zlib data, every gzip member of it (a body may be several, one after another),
        at most `max_bytes + 1` bytes of it."""
        import zlib

        out: list[bytes] = []
        size = 0
        while True:
            unzip = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib, by their header
            out.append(unzip.decompress(body, self.max_bytes + 1 - size))
            size += len(out[-1])
            if size > self.max_bytes:
                raise FetchError(f"{shown}: over {limit} for a web page, once uncompressed ({coding})")
            if not unzip.eof:
                raise FetchError(f"{shown}: the {coding} page ended before its end")
            body = unzip.unused_data
            if not body:
                return b"".join(out)

    def _raw_deflate(self, body: bytes, shown: str) -> bytes:
        """A "deflate" body sent without its zlib header (as some servers do)."""
        import zlib

        try:
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, self.max_bytes + 1)
        except zlib.error:
            raise FetchError(f"{shown}: not valid deflate (Content-Encoding: deflate)") from None


def fetch(url: str, *, timeout: float = TIMEOUT, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES,
          allow_private: bool = False, user_agent: str | None = None) -> Fetched:
    """The bytes of the page at `url` (see `Fetcher`): FetchError for anything but an http(s) page
    that answers 2xx with at most `max_bytes` of HTML within the limits."""
    return Fetcher(allow_private, deadline, timeout, max_bytes, user_agent)(url)


def _user_agent() -> str:
    from timeline.meta import GENERATOR

    return f"timeline/{GENERATOR.version} (+news timelines)"


def _connection(target: _Target, addresses: list[tuple[int, tuple[Any, ...]]], deadline: float,
                timeout: float) -> Any:
    """An HTTP(S) connection to `target` that connects to one of the checked `addresses` (never
    looking the host up again) and reads through the deadline."""
    import http.client
    import socket

    class Response(http.client.HTTPResponse):
        def __init__(self, sock: socket.socket, *args: Any, **kw: Any) -> None:
            super().__init__(sock, *args, **kw)
            self.fp.close()  # http.client's own reader, replaced by one that keeps the deadline
            self.fp = io.BufferedReader(_DeadlineReader(sock, deadline, timeout))

    class Connection(http.client.HTTPConnection):
        default_port = 443 if target.scheme == "https" else 80
        response_class = Response

        def connect(self) -> None:
            error: OSError | None = None
            for family, address in addresses:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise _DeadlinePassed
                sock = socket.socket(family, socket.SOCK_STREAM)
                try:
                    sock.settimeout(min(timeout, left))
                    sock.connect(address)
                except OSError as exc:
                    sock.close()
                    error = _DeadlinePassed() if isinstance(exc, TimeoutError) and left < timeout else exc
                    continue
                if target.scheme == "https":
                    import ssl

                    sock.settimeout(min(timeout, max(0.001, deadline - time.monotonic())))
                    try:
                        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.host)
                    except BaseException:
                        sock.close()
                        raise
                self.sock = sock
                return
            raise error or OSError("no address to connect to")

    return Connection(target.host, target.port, timeout=timeout)


def _why(reason: object) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    return str(getattr(reason, "strerror", None) or reason)
