"""Which link targets a page may keep: absolute http(s) URLs with a host, `mailto:` and `#fragment`.

One rule for every link timeline writes (links in a Markdown article's text, the article's own URL
in the templates' `web_url` test), decided on the URL a browser would follow, not on its spelling:
HTML character references decoded as in an attribute value (`javascript&#58;`, `&colon;`,
`java&#9;script`), leading and trailing C0 controls and spaces stripped and tabs and newlines
removed anywhere (as the WHATWG URL parser does), the scheme compared case-insensitively. Anything
else (other schemes, relative and protocol-relative paths, a URL with control characters left)
is refused: the caller shows it as text.
"""

from __future__ import annotations

import re
from html.entities import html5

__all__ = ["safe_href", "unescape_attribute"]

_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_EDGES = "".join(map(chr, range(0x21)))  # C0 controls and space, stripped at both ends
_TAB_NEWLINE = re.compile("[\t\n\r]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_WEB = re.compile(r"https?://[^/\\?#\s]", re.IGNORECASE)
_SAFE = re.compile(r"https?://[^/\\?#\s]|mailto:.|#", re.IGNORECASE)


def _charref(match: re.Match[str]) -> str:
    import html

    ref = match.group(1)
    if ref.startswith("#"):
        return html.unescape(match.group(0))  # numeric references: the same in text and attributes
    if ref in html5:
        return html5[ref]
    # A legacy reference without ";" ("&amp", "&copy") is decoded, except where an attribute's
    # "&not" runs on into a letter, digit or "=" ("?a=1&notify=1"): there it stays as written.
    for n in range(len(ref) - 1, 1, -1):
        if ref[:n] in html5:
            if ref[n].isascii() and (ref[n].isalnum() or ref[n] == "="):
                return match.group(0)
            return html5[ref[:n]] + ref[n:]
    return match.group(0)


def unescape_attribute(value: str) -> str:
    """An HTML attribute value as a browser reads it: character references decoded by the HTML
    rules for attributes (`html.unescape` would also turn "&notify" into "¬ify")."""
    return _CHARREF.sub(_charref, value) if "&" in value else value


def safe_href(href: str, *, web_only: bool = False, entities: bool = True) -> str | None:
    """The URL a browser follows for `href`, if it may stay a link: an absolute http(s) URL with a
    host, a `mailto:` address or an in-page `#fragment` (with `web_only`, http(s) only); else None.

    `href` is taken as written in HTML (`entities`: character references are decoded first); give
    `entities=False` for a value the page escapes, so that the browser reads it as it is.
    """
    url = unescape_attribute(href) if entities else href
    url = _TAB_NEWLINE.sub("", url.strip(_EDGES))
    if _CONTROL.search(url):
        return None
    return url if (_WEB if web_only else _SAFE).match(url) else None
