"""Fetch a web page by its URL: http(s) only, with a timeout, a size limit and a bounded number of
redirects; every failure is one line naming the URL (`FetchError`, an ArticleError)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from timeline.errors import ArticleError

__all__ = ["FetchError", "Fetched", "fetch", "is_url"]

TIMEOUT = 20.0  # seconds to connect and between bytes
MAX_BYTES = 10 * 1024 * 1024  # as for a saved page (timeline.readers.html.MAX_PAGE_BYTES)
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class FetchError(ArticleError):
    """A page that could not be fetched: the URL and the reason, in one line."""


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the address asked for, the one it ended at (after redirects), its bytes."""

    url: str
    final_url: str
    data: bytes


def is_url(source: str) -> bool:
    return re.match(r"(?i)https?://", source) is not None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-web address {newurl!r}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, user_agent: str | None = None) -> Fetched:
    """The bytes of the page at `url`; FetchError for anything but an http(s) page that answers
    200 within `timeout` with at most `max_bytes` of HTML."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: not a web address (http:// or https://)")
    if user_agent is None:
        from timeline.meta import GENERATOR

        user_agent = f"timeline/{GENERATOR.version} (+news timelines)"
    opener = urllib.request.build_opener(_Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = (response.headers.get_content_type() or "").lower()
            if kind and kind not in _HTML_TYPES:
                raise FetchError(f"{url}: is {kind}, not a web page")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: {int(length) / 1e6:.1f} MB is over the {max_bytes // 2**20} MB limit")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"{url}: over the {max_bytes // 2**20} MB limit for a web page")
            return Fetched(url, response.geturl(), data)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot fetch ({_why(exc.reason)})") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise FetchError(f"{url}: cannot fetch ({_why(exc)})") from None


def _why(reason: object) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    return str(getattr(reason, "strerror", None) or reason)
