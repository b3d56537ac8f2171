"""Publication dates as metadata gives them (`--published`, front matter, collections): read
strictly, because every relative date of an article is resolved against this one.

Accepted: ISO 8601 dates and date-times (`2026-01-31`, `2026-01-31T09:30:00Z`, `2026-01-31 09:30`),
`2026/01/31`, and written dates with the month as a word, in either order, with an optional
weekday, ordinal and time (`31 January 2026`, `Jan. 31, 2026`, `Saturday, 31st of January 2026`,
`Sat, 31 Jan 2026 09:30:00 +0000` as in RSS). A date-time keeps the date as written (no time zone
conversion). Refused, with a one-line error: relative words ("yesterday", "in 3 days"), anything
left over ("2026-01-31xyz"), numeric dates whose order is ambiguous ("01/02/2026"; "31/01/2026" is
not), impossible days ("2026-02-30"), and dates outside PUBLISHED_RANGE.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.errors import ArticleError

#: The publication dates accepted: from the first printed newspapers to well past today. A date
#: outside is a typo (0001-01-01, 9999-12-31), not news.
PUBLISHED_RANGE = (date(1600, 1, 1), date(2199, 12, 31))

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+"
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?:[+-]\d{2}:?\d{2}|z|utc|gmt|[a-z]{2,4}t))?)?")
_WRITTEN = [
    re.compile(rf"(?:{_WEEKDAY})?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}{_TIME}", re.IGNORECASE),
    re.compile(rf"(?:{_WEEKDAY})?{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}", re.IGNORECASE),
]
# A time of day after an ISO date that Python's reader refuses (a space before the zone, a leap
# second, 24:00): on a clock (hours to 23, or 24:00 the end of the day; minutes to 59; seconds to 60)
# and an offset within a day.
_TIME_ONLY = re.compile(r"[T ](?:(?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?|24:00(?::00)?)"
                        r"\s*(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?", re.IGNORECASE)
_OFFSET_OVER_AN_HOUR = re.compile(r"[+-]\d\d:?[6-9]\d(?!\d)")
_YMD = re.compile(r"(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})")
_DMY = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})")


def parse_date(value: object, name: str = "<text>", field: str = "published") -> date:
    """A publication date from metadata (a `date`, `datetime` or string of the accepted forms);
    ArticleError naming `name` and `field` for anything else."""
    if isinstance(value, datetime):
        return _in_range(value.date(), name, field, value.isoformat())
    if isinstance(value, date):
        if PUBLISHED_RANGE[0] <= value <= PUBLISHED_RANGE[1]:  # (its ISO form only for the error)
            return value
        return _in_range(value, name, field, value.isoformat())
    if value.__class__ is str and (known := _READ.get(value)) is not None:
        return known
    text = " ".join(str(value).split())
    found = _parse(text, name, field)
    if found is None:
        raise ArticleError(f"{name}: {field} {text!r} is not a date (use YYYY-MM-DD, or a date like "
                           "'31 January 2026')")
    found = _in_range(found, name, field, text)
    if value.__class__ is str:
        if len(_READ) >= 4096:
            _READ.clear()
        _READ[value] = found
    return found


# The strings read already and their dates (a collection's rows share a few publication dates; a
# string that is no date is an error each time, naming its row).
_READ: dict[str, date] = {}


def _in_range(d: date, name: str, field: str, text: str) -> date:
    lo, hi = PUBLISHED_RANGE
    if not lo <= d <= hi:
        raise ArticleError(f"{name}: {field} {text!r} is outside the accepted range of publication dates "
                           f"({lo.isoformat()} to {hi.isoformat()})")
    return d


def _day(name: str, field: str, text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ArticleError(f"{name}: {field} {text!r} is not a day of the calendar") from None


def _parse(text: str, name: str, field: str) -> date | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", text):
        if len(text) > 10:
            try:
                datetime.fromisoformat(text)
                if _OFFSET_OVER_AN_HOUR.search(text, 10):
                    return None  # Python reads "+0575" as 6 hours 15; a zone has no 75th minute
            except ValueError:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]) or _TIME_ONLY.fullmatch(text[10:]) is None:
                    return None
        return _day(name, field, text, int(text[:4]), int(text[5:7]), int(text[8:10]))
    if (m := _YMD.fullmatch(text)) is not None:
        return _day(name, field, text, int(m["year"]), int(m["month"]), int(m["day"]))
    if (m := _DMY.fullmatch(text)) is not None:
        a, b = int(m["a"]), int(m["b"])
        if a <= 12 and b <= 12 and a != b:
            raise ArticleError(f"{name}: {field} {text!r} is ambiguous (day/month or month/day?); "
                               "write it as YYYY-MM-DD")
        day, month = (a, b) if a > 12 or a == b else (b, a)
        return _day(name, field, text, int(m["year"]), month, day)
    for pattern in _WRITTEN:
        if (w := pattern.fullmatch(text)) is not None:
            return _day(name, field, text, int(w["year"]), _MONTHS[w["month"].lower()], int(w["day"]))
    return None
