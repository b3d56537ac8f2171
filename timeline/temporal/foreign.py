"""The tagger for articles in other languages than English: dateparser's search, behind the same
interface as `timeline.temporal.tag` (text, publication date, sentences in; `Timex`es out, with
`tagger="dateparser"`).

For each sentence that holds a date word of its language (timeline.temporal.locales) or a digit,
`dateparser.search.search_dates` is asked, with the language and the publication date as
RELATIVE_BASE; each phrase it returns is placed back into the text (searched forward from the
last one, so offsets point at the phrase) and given the TIMEX3 value of the granularity the phrase
has, read from its words: a month and a day -> the day ("2013-08-14"), a month alone -> the month
("2013-08"), a year alone -> the year, a weekday, "ayer", "hier", "ieri" -> a day counted from the
publication date. A date without its year and a weekday are placed by the tense of the sentence
(the latest such day not after the publication date in the past, the next one in the future,
otherwise the nearest), a weekday marked "pasado"/"dernier"/"scorso" before it, "próximo"/
"prochain"/"prossimo" after it. What dateparser reads wrongly in news is left out: phrases with
no date word (a bare number, a clock time, "un día"), a month abbreviation alone ("mar" is the
sea), a weekday and a day number that do not agree, a day word inside an idiom ("hoy en día").
Relative weeks, months and years ("la semana pasada", "le mois dernier"), which the search does
not find, are read from the locale's table.

dateparser is imported on first use only: English articles never load it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import TypeVar

from timeline.temporal.locales import LOCALES
from timeline.temporal.timex import Timex
from timeline.text import Sentence, segment

__all__ = ["published_in_text", "tag_foreign"]

TAGGER = "dateparser"
T = TypeVar("T")
_YEAR = re.compile(r"(?<![\d.,])(1[6-9]\d\d|20\d\d|21\d\d)(?![\d.,]\d)")
# A year before _YEAR's, written with a day or month that dateparser read in it: the year it is
# ("el 12 de octubre de 1492"), not a day or month placed near the publication as if it had none.
_EARLY_YEAR = re.compile(r"(?<![\d.,])([1-9]\d{2}|1[0-5]\d\d)(?![\d.,]?\d)")
_DAYNUM = re.compile(r"(?<![\d:.,/])(0?[1-9]|[12]\d|3[01])(?:º|°|er|st|nd|rd|th)?(?![\d:.,/]\d|\d|\s*[hH](?:\b|\d))")
_NUMERIC = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")
_SPLIT = re.compile(r"\s+(?:y|e|et|ed|o|ou|and)\s+", re.IGNORECASE)
# Words dateparser takes in around a phrase that are not part of it ("el viernes en", "hoy y").
_GLUE = (r"el|la|le|il|lo|en|a|de|del|du|dal|al|au|in|nel|dans|desde|depuis|hasta|since|on|the|les|los|las"
         r"|dès|y|e|et|ed|o|ou|un|una|une|uno|con|avec|por|par|per|para|pour|que|che|qui|se|si|à|ce|cette|este"
         r"|esta|questo|questa|of|and|at|ni|ne|no|non|su|sur|sus|ses|son|sa|mi|ma|tu|è|es|est|ha|a"
         r"|après|avant|pendant|lors|durant|después|antes|durante|dopo|prima")
_LEADING = re.compile(rf"^(?:(?:{_GLUE})(?:\s*,)?\s+|(?:l|d|dall|all|dell)['’]\s*)+", re.IGNORECASE)  # "y, en 1982"
# A year, a comma and what follows it: "en 1980, meses después", "depuis 1962, 85 ans" (the search
# reads the words after the comma into the date and misreads it)
_YEAR_COMMA = re.compile(r"(.*?(?<![\d.,])(?:1[6-9]\d\d|20\d\d|21\d\d))\s*,\s*(.+)$", re.DOTALL)
_CLOCK = r"\d{1,2}(?::\d\d|\s*[hH](?:\d\d)?\b).*"  # "15:30", "17h00", "17 h"
_TRAILING = re.compile(rf"(?:[\s,;:(]+(?:(?:{_GLUE})\b|\(\d+\)?|{_CLOCK})?)+$", re.IGNORECASE)
# A clock time after a date ("3 de julio a las 15:30", "14 MAR 16 alle ore 10"): not part of its day.
_TIME_TAIL = re.compile(r"\s*,?\s+(?:alle\s+ore|alle|ore|a\s+las|a\s+la|à|vers|hacia|verso|at)\s+\d.*$",
                        re.IGNORECASE)
_AHEAD = 60  # days: a date without its year and without a tense is the next one only this close
_TENSE_REACH = 80  # characters either side of a phrase that its tense is read from
_WEEK = 7
_WEEKDAY_REACH = 7  # a weekday names a day within a week of the publication date
_RECIT = 10  # sentences: how far a narrative told in the present goes on from its last date


@cache
def _words(lang: str) -> dict[str, re.Pattern[str]]:
    loc = LOCALES[lang]

    def alt(words: Iterable[str]) -> str:  # an apostrophe also followed by a space, a hyphen also between
        #                                      spaces, as pasted text has them ("l' an dernier", "ce mois - ci")
        return "|".join(re.sub(r"['’]", lambda _: r"['’]\s*", re.escape(w)).replace(r"\-", r"\s*-\s*")
                        for w in sorted(words, key=len, reverse=True))

    first = rf"(?<!\w)(?:{alt(loc.first)})(?!\w)" if loc.first else r"(?!)"  # "primo", "premier"
    return {
        "month": re.compile(rf"(?<!\w)(?:{alt(loc.months + loc.short)})\.?(?!\w)", re.IGNORECASE),
        "full_month": re.compile(rf"(?<!\w)(?:{alt(loc.months)})(?!\w)", re.IGNORECASE),
        "weekday": re.compile(rf"(?<!\w)(?:{alt(loc.weekdays)})(?!\w)", re.IGNORECASE),
        "day": re.compile(rf"(?<!\w)(?:{alt(loc.days)})(?!\w)", re.IGNORECASE),
        "period": re.compile(rf"(?<!\w)(?:{alt(loc.periods)})(?!\w)", re.IGNORECASE),
        "idiom": re.compile(rf"(?<!\w)(?:{alt(loc.idioms)})(?!\w)", re.IGNORECASE),
        "before": re.compile(rf"(?<!\w)(?:{alt(loc.before)})\s+$", re.IGNORECASE),
        "after": re.compile(rf"^\s+(?:{alt(loc.after + loc.before)})(?!\w)", re.IGNORECASE),
        "future": re.compile(loc.future, re.IGNORECASE),
        "past": re.compile(loc.past, re.IGNORECASE),
        "date": re.compile(rf"(?<!\w)(?:(?:{alt(loc.weekdays)}),?\s+)?(?:\d{{1,2}}(?:º|°|er)?\s+(?:de\s+)?)?"
                           rf"(?:{alt(loc.months + loc.short)})\.?(?!\w)(?:,?\s+(?:de\s+|del\s+)?\d{{4}}(?!\d))?",
                           re.IGNORECASE),
        "first": re.compile(first, re.IGNORECASE),
        "ago": re.compile(r"(?<!\w)" + loc.ago.replace(" ", r"\s+").format(
            n=rf"(?P<n>\d{{1,2}}|{alt(loc.numbers or {})})", unit=rf"(?P<unit>{alt(loc.units or {})})")
            + r"(?!\w)", re.IGNORECASE) if loc.ago else re.compile(r"(?!)"),
        "ahead": re.compile(r"(?<!\w)" + loc.ahead.replace(" ", r"\s+").format(
            n=rf"(?P<n>\d{{1,2}}|{alt(loc.numbers or {})})", unit=rf"(?P<unit>{alt(loc.units or {})})")
            + r"(?!\w)(?!\s+(?:de|di|d['’]|del|dei|des)(?!\w))", re.IGNORECASE) if loc.ahead else re.compile(r"(?!)"),
        "night": re.compile(r"(?<!\w)(?:" + loc.night.format(wd=rf"(?:{alt(loc.weekdays)})") + ")" if loc.night
                            else r"(?!)", re.IGNORECASE),
        # "le pont du 6 octobre", and a day joined to its month by a hyphen, as French writes a name
        # made of a date ("le 11-Septembre", "la révolution du 25-Janvier", "le Mouvement du 6-Avril")
        "named": re.compile(rf"(?:(?<!\w)(?:{alt(loc.named)})\s+(?:(?:du|de|del|della|dello|dei)\s+)?(?:l['’]\s*)?"
                            rf"\d{{1,2}}(?:er|º|°)?(?:\s+(?:de\s+)?|-)|(?<![\w-])\d{{1,2}}-)"
                            rf"(?=(?:{alt(loc.months + loc.short)})(?!\w))"
                            if loc.named else r"(?!)", re.IGNORECASE),
        # "la révolution de janvier", "la revolución de enero", "la rivoluzione di gennaio": named after a
        # month alone (with its year it is that month: "la révolution de janvier 2011")
        "named_month": re.compile(rf"(?<!\w)(?:{alt(loc.named)})\s+(?:de\s+|d['’]\s*|del\s+|du\s+|di\s+|dell['’]\s*)"
                                  rf"(?:{alt(loc.months)})(?!\w)(?!,?\s+(?:de\s+|del\s+)?\d{{4}})"
                                  if loc.named else r"(?!)", re.IGNORECASE),
        "beside": re.compile(rf"(?<!\w)(?:{alt(loc.beside)})(?!\w)" if loc.beside else r"(?!)", re.IGNORECASE),
        "every": re.compile(r"(?<!\w)(?:" + loc.every.format(wd=rf"(?:{alt(loc.weekdays)})") + r")(?!\w)" if loc.every
                            else r"(?!)", re.IGNORECASE),
        "trigger": re.compile(rf"\d|(?<!\w)(?:{alt(loc.months + loc.short + loc.weekdays + tuple(loc.days))})(?!\w)"
                              rf"|(?<!\w)(?:{alt(loc.periods)})(?!\w)"
                              + (rf"|(?<!\w)(?:{alt(loc.seasons)})(?!\w)" if loc.seasons else ""), re.IGNORECASE),
        # "all'inizio del mese di marzo", "l'anno scolastico": the start or end of another's month or year
        "other_period": re.compile(rf"\s+(?:{loc.other_period})(?!\w)" if loc.other_period else r"(?!)",
                                   re.IGNORECASE),
        # "nei giorni scorsi", "los últimos días", "ces derniers jours" (not "los últimos días de Mubarak")
        "lately": re.compile(rf"(?<!\w)(?:{alt(loc.lately)})(?!\w)(?!\s+(?:de|di|d['’]|del|dei|des|du|della)(?!\w))"
                             if loc.lately else r"(?!)", re.IGNORECASE),
        # a month named in full (and the day before it) right before a year the search returned alone
        "month_before_year": re.compile(
            rf"(?:(?<![\w.,:])(?P<day>\d{{1,2}}(?:º|°|er)?|{first})\s+(?:de\s+)?)?"
            rf"(?<!\w)(?:{alt(loc.months)})(?!\w)(?P<comma>\s*,)?(?:\s+(?:de|del))?\s+$", re.IGNORECASE),
    }


def _lookup(table: dict[str, T], phrase: str, default: T) -> T:
    """A phrase's entry in a locale's table, whatever the case, the apostrophe and the spaces
    around a hyphen ("l' année dernière", "l’année dernière" are "l'année dernière"; "ce mois -
    ci" is "ce mois-ci")."""
    key = re.sub(r"\s*-\s*", "-", re.sub(r"['’]\s*", "'", phrase.lower()))
    return table.get(key, table.get(key.replace("'", "’"), default))


def _weekday_of(lang: str, phrase: str) -> int | None:
    """The ISO weekday (1-7) a phrase names, by the locale's list (names in order, then plain
    spellings without accents)."""
    loc = LOCALES[lang]
    low = phrase.lower()
    for i, name in enumerate(loc.weekdays):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", low):
            return i + 1 if i < _WEEK else _PLAIN[lang].get(name)
    return None


_PLAIN = {  # the weekdays spelt without accents, after the seven names of a locale's table
    "es": {"miercoles": 3, "sabado": 6},
    "fr": {},
    "it": {"lunedi": 1, "martedi": 2, "mercoledi": 3, "giovedi": 4, "venerdi": 5},
}


def _tense(sentence: str, lang: str) -> str | None:
    w = _words(lang)
    future = w["future"].search(sentence) is not None
    past = w["past"].search(sentence) is not None
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return None


def _place_day(month: int, day: int, published: date, tense: str | None, strict: bool = False) -> date | None:
    """A day and month without a year. Marked last or next (`strict`): the latest not after
    `published`, the first not before it. By the tense of its sentence: the one English chooses
    (timeline.temporal.resolve.choose: the nearest, a day on the wrong side of the publication
    counting twelve times its distance), so the tense of another clause does not send a day
    twelve days ahead a year back. Without tense: the next one within _AHEAD days, else the
    latest past."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if tense in ("past", "future") and not strict:
        from timeline.temporal.resolve import choose
        from timeline.temporal.values import Point

        return choose([Point("day", d) for d in options], published, tense).start
    if tense == "past":
        past = [d for d in options if d <= published]
        return past[-1] if past else None
    later = [d for d in options if d >= published]
    if tense == "future":
        return later[0] if later else None
    if later and (later[0] - published).days <= _AHEAD:
        return later[0]
    past = [d for d in options if d <= published]
    return past[-1] if past else None


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _place_weekday(weekday: int, published: date, direction: str) -> date:
    """The weekday in the past ("last": strictly before), the future ("next": strictly after),
    or by tense ("past": not after, "future": not before)."""
    delta = (published.isoweekday() - weekday) % _WEEK
    if direction == "last":
        return published - timedelta(days=delta or _WEEK)
    if direction == "past":
        return published - timedelta(days=delta)
    ahead = (weekday - published.isoweekday()) % _WEEK
    if direction == "future":
        return published + timedelta(days=ahead)
    return published + timedelta(days=ahead or _WEEK)


def _weekday_with_day(weekday: int, day: int, published: date) -> date | None:
    """"lunes 14": the day `day` of a month near the publication date that falls on the weekday."""
    found = []
    for shift in (-1, 0, 1):
        m = published.month + shift
        y = published.year + (m - 1) // 12
        m = (m - 1) % 12 + 1
        try:
            d = date(y, m, day)
        except ValueError:
            continue
        if d.isoweekday() == weekday:
            found.append(d)
    return min(found, key=lambda d: abs((d - published).days)) if found else None


def _value(lang: str, phrase: str, found: datetime | None, published: date, tense: str | None,
           before: str, after: str) -> tuple[str, str | None, int] | None:
    """(TIMEX3 value, anchor, characters of `after` the phrase takes) of a phrase dateparser
    found (its reading `found`), or None when it is no date."""
    w = _words(lang)
    low = phrase.lower()
    year = _YEAR.search(phrase)
    rest = _YEAR.sub(" ", phrase)
    has_month = w["month"].search(phrase) is not None
    daynum = _DAYNUM.search(rest) if has_month or w["weekday"].search(phrase) else None
    if daynum is None and has_month:
        daynum = w["first"].search(rest)  # "primo luglio": the first (read as day 1 by the caller)
    weekday = _weekday_of(lang, phrase)
    if _NUMERIC.search(phrase) and found is not None:
        return found.date().isoformat(), None, 0
    if has_month and found is not None:
        written = _EARLY_YEAR.search(phrase) if year is None else None
        if written is not None and int(written.group(1)) == found.year:  # "12 de octubre de 1492"
            return (found.date().isoformat() if daynum is not None else f"{found.year:04d}-{found.month:02d}"), None, 0
        if daynum is not None:
            if year:
                return found.date().isoformat(), None, 0
            if weekday is not None:  # "vendredi 24 juillet": the year in which the 24th is a Friday
                agree = [d for y in (published.year - 1, published.year, published.year + 1)
                         if (d := _day_or_none(y, found.month, found.day)) and d.isoweekday() == weekday]
                if not agree:
                    return None  # no such day near the publication date: a misprint or a page's stamp
                d = min(agree, key=lambda d: abs((d - published).days))
                return d.isoformat(), "publication", 0
            marked = None
            remembered = LOCALES[lang].remembered
            if (_since(before, lang, tense) or w["before"].search(before)
                    or re.match(rf"\s+(?:{'|'.join(LOCALES[lang].before)})(?!\w)", after, re.I)
                    or (remembered and re.search(rf"(?<!\w)(?:{'|'.join(remembered)})\s+$", before, re.I))):
                marked = "past"  # "el pasado 3 de julio", "le 3 juillet dernier", "aquel 11 de febrero"
            elif (re.search(rf"(?:{'|'.join(LOCALES[lang].after)})\s+$", before, re.I)
                  or re.match(rf"\s+(?:{'|'.join(LOCALES[lang].after)})(?!\w)", after, re.I)):
                marked = "future"  # "el próximo 3 de julio", "le 8 janvier prochain"
            d = _place_day(found.month, found.day, published, marked or tense, strict=marked is not None)
            return (d.isoformat(), "publication", 0) if d else None
        if not w["full_month"].search(phrase):
            return None  # "mar", "set" alone: a word, not a month
        if not year and phrase[:1].isupper() and _is_name(before, lang):
            return None  # "la planète Mars": these languages write a month in small letters
        if year:
            return f"{found.year:04d}-{found.month:02d}", None, 0
        y = published.year
        last = "|".join(map(re.escape, LOCALES[lang].before))
        coming = "|".join(map(re.escape, LOCALES[lang].after))
        if w["before"].search(before) or re.match(rf"\s+(?:{last})(?!\w)", after, re.I):
            y -= found.month >= published.month  # "lo scorso novembre" in a November paper: the one before
        elif re.search(rf"(?<!\w)(?:{coming})\s+$", before, re.I) or re.match(rf"\s+(?:{coming})(?!\w)", after, re.I):
            y += found.month <= published.month  # "il prossimo novembre" in November: the one after
        elif (tense == "past" or _since(before, lang, tense)) and found.month > published.month:
            y -= 1
        elif tense == "future" and found.month < published.month:
            y += 1
        return f"{y:04d}-{found.month:02d}", "publication", 0
    if weekday is not None:
        if daynum is not None:
            d = _weekday_with_day(weekday, int(daynum.group(1)) if daynum.groups() else 1, published)
            return (d.isoformat(), "publication", 0) if d else None
        marker = w["after"].match(after)
        if w["before"].search(before) or (marker and marker.group().strip().lower() in LOCALES[lang].before):
            d = _place_weekday(weekday, published, "last")
        elif _since(before, lang, tense):
            d = _place_weekday(weekday, published, "past")  # "depuis lundi": not after the publication
        elif (marker is None and _near(before, lang) and not (
                LOCALES[lang].toward and re.search(rf"(?<!\w)(?:{LOCALES[lang].toward})\s+$", before, re.I))):
            d = _place_weekday(weekday, published, "past" if tense == "past" else "future")  # "ce jeudi"
        elif marker or tense == "future" or re.search(rf"(?:{'|'.join(LOCALES[lang].after)})\s+$", before, re.I):
            d = _place_weekday(weekday, published, "next")
        elif LOCALES[lang].toward and re.search(rf"(?<!\w)(?:{LOCALES[lang].toward})\s+$", before, re.I):
            d = _place_weekday(weekday, published, "future")  # "convocadas para el martes": the coming one
        else:
            d = _place_weekday(weekday, published, "past")
        return d.isoformat(), "publication", marker.end() if marker else 0
    day_word = w["day"].search(phrase)
    if day_word is not None:
        word = day_word.group().lower()
        if lang == "es" and word == "mañana":
            if re.search(r"(?:\besta|\bde\s+esta)\s+$", before, re.I):
                return published.isoformat(), "publication", 0
            if re.search(r"\b(?:la|las|una|cada|toda)\s+$", before, re.I):
                return None  # the morning, not tomorrow
        offset = _lookup(LOCALES[lang].days, word, 0)
        return (published + timedelta(days=offset)).isoformat(), "publication", 0
    if year and not rest.strip(" ,.-") and re.fullmatch(r"\s*\d{4}\s*", phrase):
        return year.group(1), None, 0
    del low
    return None


def _reported(before: str, after: str, lang: str) -> str | None:
    """The tense of the reported clause a date is in, after a verb of saying and "that" in the words
    `before` it ("dijo que el lunes se reunirá", "a annoncé que lundi il y aura", "ha detto che lunedì
    incontrerà": the future, the coming Monday; the verb of saying is not the date's), or None (no
    such clause, or no tense in it)."""
    pattern = _reported_pattern(lang)
    said = [m.end() for m in pattern.finditer(before)] if pattern is not None else []
    return _tense(before[said[-1]:] + after, lang) if said else None


@cache
def _reported_pattern(lang: str) -> re.Pattern[str] | None:
    """A locale's verbs of saying and "that" (LOCALES' `reported`), compiled once a language."""
    words = LOCALES[lang].reported
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) if words else None


def _since(before: str, lang: str, tense: str | None = None) -> bool:
    """Whether the words before a date say "since" ("depuis le", "fin dal"): the date is then in
    the past of the publication, whatever the tense of its clause; or say "since" or "from"
    ("desde el", "dal") in a clause not in the future (LOCALES' `since`, `since_or_from`)."""
    loc = LOCALES[lang]
    return any(words and re.search(rf"(?<!\w)(?:{words})\s*$", before, re.IGNORECASE) is not None
               for words in (loc.since, loc.since_or_from if tense != "future" else ""))


def _near(before: str, lang: str) -> bool:
    """Whether the words before a weekday are "ce", "este", "questo", "jusqu'à", "hasta el", "fino
    a" (or such a word and weekdays listed: "ces mercredi et jeudi"): the weekday is then the most
    recent one in the past tense and the coming one otherwise (the day of publication included),
    as a reader takes "ce jeudi" in a Wednesday paper."""
    near = LOCALES[lang].near
    if not near:
        return False
    days = "|".join(re.escape(d) for d in sorted(LOCALES[lang].weekdays, key=len, reverse=True))
    return re.search(rf"(?<!\w)(?:{near})\s+(?:(?:{days})\s*(?:,|et|y|e)\s+)*$", before, re.IGNORECASE) is not None


def _is_name(before: str, lang: str) -> bool:
    """Whether a capitalised month named alone after `before` is a name: it is in the middle of a
    sentence and follows a word a month does not ("la planète Mars", not "en Octobre dernier")."""
    loc = LOCALES[lang]
    if not loc.into or not re.search(r"[^\W\d_]", before) or re.search(r"[.!?:«»\"“”]\s*$", before):
        return False
    return re.search(rf"(?<!\w)(?:{loc.into})\s*$", before, re.IGNORECASE) is None


def _generic_value(phrase: str, found: datetime) -> tuple[str, str | None, int] | None:
    """A phrase of a language without a table: a day when it holds a year and another number, a
    year alone, else nothing."""
    year = _YEAR.search(phrase)
    if year is None:
        return None
    if re.search(r"\d", _YEAR.sub(" ", phrase)) or re.search(r"[^\W\d_]{3,}", phrase):
        return found.date().isoformat(), None, 0
    return year.group(1), None, 0


def _settings(published: date, tense: str | None, lang: str = "") -> dict[str, object]:
    """dateparser's settings: the publication date as the base, the tense as the side to prefer, and
    the order of a numeric date's parts of the language (else dateparser guesses it per phrase:
    "01/12/12" was 1 December, then 12 January, in one byline)."""
    settings: dict[str, object] = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense or "", "current_period"),
        "RETURN_AS_TIMEZONE_AWARE": False}
    if lang in LOCALES:
        settings["DATE_ORDER"] = LOCALES[lang].date_order
    return settings


def _search(text: str, lang: str, settings: dict[str, object]) -> list[tuple[str, datetime]]:
    from dateparser.search import search_dates

    try:
        return list(search_dates(text, languages=[lang], settings=settings) or [])
    except (ValueError, OverflowError, TypeError):
        return []


def _parse(text: str, lang: str, settings: dict[str, object]) -> datetime | None:
    import dateparser

    try:
        return dateparser.parse(text, languages=[lang], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None


def supported(lang: str) -> bool:
    """Whether dateparser knows the language."""
    from dateparser.languages.loader import default_loader

    try:
        return any(True for _ in default_loader.get_locales(languages=[lang]))
    except ValueError:
        return False


def tag_foreign(text: str, published: date | str, lang: str, sentences: Sequence[Sentence] | None = None,
                ) -> list[Timex]:
    """The temporal expressions of `text` in language `lang`, as `tag` gives them for English."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    if not supported(lang):
        return []
    if sentences is None:
        sentences = segment(text, lang)
    known = lang in LOCALES
    w = _words(lang) if known else None
    out: list[Timex] = []  # the expressions of this sentence and the one before: what the passes below see
    aside: list[Timex] = []  # those of the sentences before them, which no pass looks at again
    story: _Scene | None = None  # where a narrative set in an earlier year is
    named: Timex | None = None  # the last day named among `aside` (what "le lundi suivant" counts from)
    for index, s in enumerate(sentences):
        sentence = text[s.start:s.end]
        if w is not None and not w["trigger"].search(sentence) and not w["ago"].search(sentence) \
                and not w["ahead"].search(sentence) and not w["lately"].search(sentence) \
                and not w["beside"].search(sentence) and not _has_era(sentence, lang):
            continue
        # each pass goes over the list it is given: the whole text's made an article of one
        # paragraph (or many dated sentences) quadratic
        since = sentences[index - 1].start if index else s.start
        aside.extend(t for t in out if t.start < since)
        named = _last_day(t for t in out if t.start < since) or named if out else named
        out = [t for t in out if t.start >= since]
        tense = _tense(sentence, lang) if known else None
        settings = _settings(published, tense, lang)
        cursor = 0
        taken: list[tuple[int, int]] = []
        if known:
            nights = _nights(text, s, published, _tense(sentence, lang), lang)
            out.extend(nights)
            taken.extend((t.start - s.start, t.end - s.start) for t in nights)
            taken.extend(_names(sentence, lang))
        for phrase, found in _search(sentence, lang, settings):
            at = sentence.find(phrase, cursor)
            if at < 0:
                at = sentence.lower().find(phrase.lower(), cursor)
            if at < 0:
                continue
            cursor = at + len(phrase)
            for part_at, part in _parts(phrase):
                start = at + part_at
                lead = _LEADING.match(part)
                if lead and lead.end() < len(part):
                    start += lead.end()
                    part = part[lead.end():]
                part = _TRAILING.sub("", _TIME_TAIL.sub("", part).rstrip(" ,.;:"))
                comma = _YEAR_COMMA.match(part) if w is not None else None
                if comma is not None and not any(w[k].search(comma.group(2)) for k in ("month", "weekday", "day")):
                    part = comma.group(1)  # "1980, meses": the year; the words after the comma are no date
                reading = found if part_at == 0 and len(part) >= len(phrase.rstrip(" ,.;:")) - 1 \
                    else _parse(part, lang, settings)
                if known:
                    day_word = w["day"].match(part) if w is not None else None
                    if day_word is not None and re.match(r"\s*,", part[day_word.end():]):
                        part = part[:day_word.end()]  # "Hier, un mois jour [pour jour]": the day word
                    start, part, reading = _widen(sentence, start, part, reading, lang, settings)
                timex = _timex(text, s.start + start, part, reading, published, tense, lang, known, s)
                if timex is not None and _free(taken, timex, s.start):
                    out.append(timex)
                    taken.append((timex.start - s.start, timex.end - s.start))
        if known:
            out.extend(_unfound(text, s, sentence, taken, published, tense, lang))
            out = _month_parts(text, s, out, published, lang)
            out = _short_years(text, s, out, published, lang)
            out, story = _narrative(text, s, index, out, story, published, lang)
            out = _lists_and_ranges(text, s, out, lang)
            out = _same_month(text, s, out, lang)
            out = _of_year(text, s, out, published, lang)
            out = _weekday_before_date(text, s, out, lang)
            out = _seasons(text, s, out, published, lang)
            out = _eras(text, s, out, published, lang)
            out = _bare_seasons(text, s, out, published, lang)
            out = _parts_of_day(text, s, out, published, lang)
            out = _quarters(text, s, out, published, lang)
            out.extend(_beside(text, s, sentences[index - 1] if index else None, out, lang))
            out = _following(text, s, named, out, published, lang)
    out = aside + out
    if known:
        out = _same_day(text, out, published, lang)
    return sorted(out, key=lambda t: (t.start, t.end))


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}  # winter spans two years: no last or next one


@cache
def _season_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str], dict[str, int]] | None:
    """The pattern of a locale's seasons with a year or a mark, and its seasons' codes and marks by
    their lowercased words (made once a language: `_seasons` asks it for every sentence)."""
    loc = LOCALES[lang]
    if not loc.seasons or not loc.season_marks:
        return None
    season = "|".join(sorted(loc.seasons, key=len, reverse=True))
    mark = "|".join(sorted(loc.season_marks, key=len, reverse=True))
    art = r"(?:(?:el|la|le|il|lo)\s+|l['’]\s*)?"
    return re.compile(rf"(?<!\w)(?:(?P<s1>{season})\s+(?:(?:de|del|di)\s+)?(?P<year>1[6-9]\d\d|20\d\d)(?!\d)"
                      rf"|{art}(?P<m1>{mark})\s+(?P<s2>{season})(?!\w)|{art}(?P<s3>{season})\s+(?P<m2>{mark})(?!\w))",
                      re.IGNORECASE), \
        {k.lower(): v for k, v in loc.seasons.items()}, {k.lower(): v for k, v in loc.season_marks.items()}


def _seasons(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A season with its year ("la primavera de 2010", "printemps 2010": 2010-SP) or marked last or
    next ("la primavera pasada", "l'été prochain", "la prossima estate"): the season as TIMEX3 writes
    it, in place of the year the search found in it. A season alone is left out ("la primavera
    árabe", "le printemps arabe" are names)."""
    made = _season_pattern(lang)
    if made is None:
        return out
    pattern, seasons, marks = made
    for m in pattern.finditer(text, s.start, s.end):
        code = seasons[(m.group("s1") or m.group("s2") or m.group("s3")).lower()]
        if m.group("year"):
            year = int(m.group("year"))
        else:
            if code not in _SEASON_MONTHS:
                continue
            first, last = _SEASON_MONTHS[code]
            if marks[(m.group("m1") or m.group("m2")).lower()] < 0:
                year = published.year if published.month > last else published.year - 1
            else:
                year = published.year if published.month < first else published.year + 1
        if any(t.start < m.end() and t.end > m.start() and not re.fullmatch(r"\d{4}", t.value) for t in out):
            continue  # a date of its own there
        out = [t for t in out if not (t.start < m.end() and t.end > m.start())]
        out.append(Timex(m.start(), m.end(), m.group(), "DATE", f"{year:04d}-{code}", None,
                         None if m.group("year") else "publication", "locale:season", TAGGER))
    return out


@cache
def _bare_season_pattern(lang: str) -> re.Pattern[str] | None:
    """The pattern of a locale's seasons after "this" or a preposition, without a year or a mark
    ("este verano", "en invierno", "cet été", "au printemps", "quest'estate", "in autunno")."""
    loc = LOCALES[lang]
    if not loc.seasons or not (loc.season_this or loc.season_in):
        return None
    season = "|".join(sorted(map(re.escape, loc.seasons), key=len, reverse=True))
    marks = "|".join(sorted(map(re.escape, loc.season_marks or {}), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:(?P<this>{loc.season_this or '(?!)'})\s*|(?:{loc.season_in or '(?!)'})\s*)"
                      rf"(?<=\s|['’])(?P<season>{season})(?!\w)(?!,?\s+(?:(?:de|del|di)\s+)?\d)"
                      rf"(?!\s+(?:{marks})(?!\w))(?!\s+(?:{loc.season_names or '(?!)'})(?!\w))"
                      r"(?!\s+(?-i:[A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛ]))", re.IGNORECASE)


def _bare_seasons(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A season after "this" ("este verano", "cet été", "quest'estate"): the publication year's, as
    English "this summer" (2026-SU; "this winter" in February the one under way); after a
    preposition ("en invierno", "au printemps", "in autunno"): the one the tense of its clause
    points to, as English "in summer" (valued by the English resolver). A season followed by its
    year or a mark is `_seasons`'; one followed by a name's word is none ("au printemps arabe")."""
    pattern = _bare_season_pattern(lang)
    if pattern is None:
        return out
    from timeline.temporal.parse import Parse
    from timeline.temporal.resolve import Context, resolve

    codes = {k.lower(): v for k, v in (LOCALES[lang].seasons or {}).items()}
    for m in pattern.finditer(text, s.start, s.end):
        if any(t.start < m.end() and t.end > m.start() for t in out):
            continue
        this = m.group("this") is not None
        start = m.start() if this else m.start("season")
        tense = _tense(text[max(s.start, m.start() - _TENSE_REACH):min(s.end, m.end() + _TENSE_REACH)], lang)
        got = resolve(Parse("named", season=codes[m.group("season").lower()], shift=0 if this else None),
                      Context(published, tense=tense))
        if got is not None:
            out.append(Timex(start, m.end(), text[start:m.end()], "DATE", got.value, None, "publication",
                             "locale:season", TAGGER))
    return out


@cache
def _part_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a part of the day after a day ("ayer por la tarde", "mardi soir") and of one
    before it, ending where the day begins ("la noche del martes", "nella notte di martedì")."""
    loc = LOCALES[lang]
    parts = "|".join(sorted(map(re.escape, loc.day_parts or {}), key=len, reverse=True))
    return (re.compile(rf"(?:{loc.part_after})(?P<part>{parts})(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:(?:la|le|il|l['’])\s*)?(?P<part>{parts})(?:{loc.part_before})$", re.IGNORECASE))


def _parts_of_day(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A day with a part of it after or before it ("ayer por la tarde", "hier soir", "martedì sera",
    "la noche del martes", "la nuit de mardi", "nella notte di martedì"), or a word that is both
    ("anoche", "ce matin", "stamattina"): that part of the day, TIME with its TIMEX3 code, as English
    "yesterday evening" (2026-02-04TEV), "this morning", "last night"; a night of the publication
    day ("cette nuit", "stanotte") told in the past is the night gone by, as "last night"."""
    loc = LOCALES[lang]
    if not loc.day_parts:
        return out
    after, before = _part_patterns(lang)
    codes = {k.lower(): v for k, v in loc.day_parts.items()}
    done = []
    for t in out:
        if s.start <= t.start < s.end and t.type == "DATE" and _DAY_VALUE.fullmatch(t.value) and t.rule != "byline":
            start, end, code, day = t.start, t.end, None, date.fromisoformat(t.value)
            both = _lookup(loc.part_days or {}, t.text, None)
            if both is not None:
                shift, code = both
                tense = _tense(text[max(s.start, t.start - _TENSE_REACH):min(s.end, t.end + _TENSE_REACH)], lang)
                if shift is None and tense == "past":
                    day = published - timedelta(days=1)
            elif (m := after.match(text, t.end, s.end)) is not None:
                end, code = m.end(), codes[m.group("part").lower()]
            elif (m := before.search(text, max(s.start, t.start - 30), t.start)) is not None:
                start, code = m.start(), codes[m.group("part").lower()]
            if code is not None:
                t = Timex(start, end, text[start:end], "TIME", f"{day.isoformat()}T{code}", t.mod, t.anchor,
                          t.rule, t.tagger)
        done.append(t)
    return done


_ROMAN = {"I": 1, "V": 5, "X": 10}
_CENTURY_NUMBER = re.compile(r"(?<![^\W\d_])([XVI]+)(?=[^a-zA-Z]|[eè]|$)|(\d+)", re.IGNORECASE)
_CONNECT = r"(?:de\s+los|de\s+las|de\s+la|de\s+l['’]|del|de|des|du|d['’]|dei|degli|della|dello|dell['’]|di)?"


def _roman(numeral: str) -> int:
    """The value of a roman numeral of a century (I to XXI)."""
    values = [_ROMAN[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@cache
def _era_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The patterns of a locale's centuries and decades (LOCALES' `century`, `last_century`,
    `decade`), a part of them before them ("finales del siglo XX", "début des années 1990"), and of
    its centuries named by their hundreds ("nel Novecento", case as written): made once a language."""
    loc = LOCALES[lang]
    if not loc.century and not loc.decade:
        return None
    number = r"(?:(?=[XVI])X{0,2}(?:IX|IV|V?I{0,3})|[12]?\d(?:º|°)?)"
    words = "|".join(sorted(map(re.escape, loc.decade_words or {}), key=len, reverse=True)) or "(?!)"
    tens = rf"(?:1\d\d0|20\d0|['’]?[1-9]0|{words})(?![\w'’-])" \
           r"(?!\s*(?:,|-|–|/|et|y|e|ed|à|a|al|au)\s*\d)"  # "les années 2010 et 2011" are two years
    eras = [f"(?P<century>{loc.century.format(n=number)})"] if loc.century else []
    eras += [f"(?P<last>{'|'.join(map(re.escape, loc.last_century))})"] if loc.last_century else []
    eras += [f"(?P<decade>{loc.decade.format(n=tens)})"] if loc.decade else []
    parts = "|".join(f"(?P<p{i}>{words})" for i, (words, _) in enumerate(loc.parts))
    era = re.compile(rf"(?<!\w)(?:(?:{parts})\s*{_CONNECT}\s*)?(?:{'|'.join(eras)})(?!\w)", re.IGNORECASE)
    names = "|".join(map(re.escape, loc.century_names or {})) or "(?!)"
    named = re.compile(rf"(?<!\w)(?:(?i:{parts})\s*{_CONNECT}\s*|(?i:{loc.century_before or '(?!)'})\s*)"
                       rf"(?P<name>{names})(?!\w)")
    return era, named


def _has_era(sentence: str, lang: str) -> bool:
    """Whether a sentence names a century or a decade ("el siglo XIX", "nel Novecento"), which
    hold no digit or date word."""
    made = _era_patterns(lang)
    quarter = _quarter_pattern(lang)
    return (made is not None and any(p.search(sentence) for p in made)) or \
        (quarter is not None and quarter.search(sentence) is not None)


@cache
def _quarter_pattern(lang: str) -> re.Pattern[str] | None:
    """The pattern of a locale's quarters ("primer trimestre de 2025", "premier trimestre 2025")."""
    quarters = LOCALES[lang].quarters
    if not quarters:
        return None
    ordinals = "|".join(sorted(map(re.escape, quarters), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<q>{ordinals})\s+trimestre(?!\w)"
                      r"(?:,?\s+(?:de\s+|del\s+|d['’]\s*|di\s+)?(?P<year>1[6-9]\d\d|20\d\d)(?![\d.,]\d))?",
                      re.IGNORECASE)


def _quarters(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A quarter ("el primer trimestre de 2025", "le premier trimestre 2025", "il primo trimestre del
    2025"): valued by the English resolver as English "the first quarter of 2025" (2025-Q1), without
    its year the latest one begun (or, in the future tense, the one to come), in place of the year
    the search read in it."""
    pattern = _quarter_pattern(lang)
    if pattern is None:
        return out
    from timeline.temporal.parse import Parse
    from timeline.temporal.resolve import Context, resolve

    for m in pattern.finditer(text, s.start, s.end):
        year = int(m.group("year")) if m.group("year") else None
        tense = _tense(text[max(s.start, m.start() - _TENSE_REACH):min(s.end, m.end() + _TENSE_REACH)], lang)
        got = resolve(Parse("calendar", quarter=_lookup(LOCALES[lang].quarters or {}, m.group("q"), 1), year=year),
                      Context(published, tense=tense))
        if got is None:
            continue
        out = [t for t in out if not (t.start < m.end() and t.end > m.start())]
        out.append(Timex(m.start(), m.end(), m.group(), "DATE", got.value, None,
                         None if year else "publication", "locale:quarter", TAGGER))
    return out


def _eras(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A century ("el siglo XIX", "au XIXe siècle", "nel XX secolo", "nel Novecento", "el siglo
    pasado") and a decade ("los años 90", "les années 1990", "gli anni Ottanta"), valued by the English
    resolver as English "the 19th century" (18) and "the nineties" (199, the latest such decade); a
    part before them is their mod ("a finales del siglo XX": 19 END), as English "the end of the 20th
    century". They replace what the search read in them (a year, "1990")."""
    made = _era_patterns(lang)
    if made is None:
        return out
    from timeline.temporal.parse import Parse
    from timeline.temporal.resolve import Context, resolve

    era, named = made
    loc = LOCALES[lang]
    found = []
    for m in (*era.finditer(text, s.start, s.end), *named.finditer(text, s.start, s.end)):
        groups = m.groupdict()
        mod = next((loc.parts[i][1] for i in range(len(loc.parts)) if groups.get(f"p{i}")), None)
        start = m.start() if mod else m.start("name") if groups.get("name") else m.start()
        if groups.get("name"):
            parse = Parse("calendar", century=(loc.century_names or {})[m.group("name")])
        elif groups.get("last"):
            parse = Parse("calendar", century=(published.year - 1) // 100 - 1)
        elif groups.get("century"):
            number = _CENTURY_NUMBER.search(m.group("century"))
            assert number is not None  # the pattern holds one
            n = int(number.group(2)) if number.group(2) else _roman(number.group(1))
            if not 1 <= n <= 21:
                continue
            parse = Parse("calendar", century=n - 1)
        elif year := re.search(r"\d{4}", m.group("decade")):
            parse = Parse("calendar", decade=int(year.group()) // 10)
        else:
            two = re.search(r"\d\d", m.group("decade"))
            word = re.search(r"[^\W\d_]+(?:-[^\W\d_]+)*$", m.group("decade"))
            tens = int(two.group()) // 10 if two else _lookup(loc.decade_words or {}, word.group() if word else "", 0)
            if not tens:
                continue
            parse = Parse("calendar", decade=tens) if tens >= 100 else \
                Parse("calendar", decade=190 + tens, latest_decade=True)
        got = resolve(parse, Context(published))
        if got is not None:
            found.append(Timex(start, m.end(), text[start:m.end()], "DATE", got.value, mod, None, "locale:era", TAGGER))
    if not found:
        return out
    kept = [t for t in out if not any(f.start < t.end and t.start < f.end for f in found)]
    return kept + [f for f in found if not any(o.start < f.end and f.start < o.end for o in kept)]


_COMMA = re.compile(r"\s*,\s*")
_CLAUSE_END = re.compile(r"[:;]")  # what ends the clause a date's tense is read in


def _weekday_before_date(text: str, s: Sentence, out: list[Timex], lang: str) -> list[Timex]:
    """A weekday set off by a comma before its date ("El martes, 1 de febrero", "Mardi, 1er
    février"): the day of that date when the two agree (alone it was the nearest such weekday)."""
    weekday = _words(lang)["weekday"]
    days = {t.start: t for t in out if s.start <= t.start < s.end and _DAY_VALUE.fullmatch(t.value)}
    result = []
    for t in out:
        if (s.start <= t.start < s.end and weekday.fullmatch(t.text) and (m := _COMMA.match(text, t.end))
                and (d := days.get(m.end())) is not None and t.value != d.value
                and date.fromisoformat(d.value).isoweekday() == _weekday_of(lang, t.text)):
            t = Timex(t.start, t.end, t.text, t.type, d.value, t.mod, d.anchor, t.rule, t.tagger)
        result.append(t)
    return result


def _short_years(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A year written with two digits after an apostrophe ("nel giugno del '24", "il 23 gennaio del
    ’43", "nel '68"): the latest year ending so, not after the publication's. A month or a day
    before it takes it (dateparser reads "giugno" alone, of the publication's year); alone it is
    a year."""
    words = LOCALES[lang].short_year
    if not words:
        return out
    pattern = re.compile(rf"(?<!\w)(?:{words})\s+(['’]\s?(\d\d))(?![\d'’]|\w)", re.IGNORECASE)

    def year(two: str) -> int:
        y = published.year // 100 * 100 + int(two)
        return y - 100 if y > published.year else y

    taken = [(t.start, t.end) for t in out]
    done = []
    for t in out:
        m = pattern.match(text, t.end + 1) if t.anchor == "publication" and s.start <= t.start < s.end else None
        if m is not None and text[t.end:t.end + 1].isspace() and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", t.value):
            value = f"{year(m.group(2)):04d}{t.value[4:]}"
            t = Timex(t.start, m.end(), text[t.start:m.end()], t.type, value, t.mod, None, t.rule, t.tagger)
            taken.append((t.start, t.end))
        done.append(t)
    for m in pattern.finditer(text, s.start, s.end):
        a, b = m.span(1)
        if not any(x < b and a < y for x, y in taken):
            done.append(Timex(a, b, m.group(1), "DATE", f"{year(m.group(2)):04d}", None, None, "dateparser", TAGGER))
    return done


def _month_parts(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A part of a month ("mi-août 2011", "à la mi-juin", "mediados de agosto de 2011", "fin juin",
    "metà agosto 2011"): the month with the TIMEX3 mod of its part (MID, START, END), as English
    "mid-August 2011", in place of what the search made of it (the year alone, or the month)."""
    loc = LOCALES[lang]
    if not loc.parts:
        return out
    w = _words(lang)
    months = "|".join(re.escape(m) for m in sorted(loc.months, key=len, reverse=True))
    for words, mod in loc.parts:
        rx = re.compile(rf"(?<![\w-])(?:{words})\s*(?:d['’]\s*|de(?:l\s+mes\s+de)?\s+|di\s+)?(?:{months})(?!\w)"
                        rf"(?:,?\s+(?:de\s+|del\s+)?(?:1[6-9]\d\d|20\d\d)(?![\d.,]\d))?", re.IGNORECASE)
        for m in rx.finditer(text, s.start, s.end):
            month = w["full_month"].search(m.group())
            assert month is not None  # the pattern holds one
            phrase = m.group()[month.start():]
            tense = _tense(text[max(s.start, m.start() - _TENSE_REACH):min(s.end, m.end() + _TENSE_REACH)], lang)
            reading = _parse(phrase, lang, _settings(published, tense, lang))
            if _since(text[max(s.start, m.start() - 20):m.start()], lang, tense):
                tense = "past"  # "depuis la mi-mars", "desde mediados de marzo": not after the publication
            got = _value(lang, phrase, reading, published, tense, "", "") if reading is not None else None
            if got is None or not re.fullmatch(r"\d{4}-\d\d", got[0]):
                continue
            out = [t for t in out if t.end <= m.start() or t.start >= m.end()]
            out.append(Timex(m.start(), m.end(), m.group(), "DATE", got[0], mod, got[1], "locale:part", TAGGER))
    return out


def _same_month(text: str, s: Sentence, out: list[Timex], lang: str) -> list[Timex]:
    """A day without its year after the same month written with its year in its sentence takes
    that year ("en février 2000, le 26 février un éditorial": 26 February 2000), unless it is marked
    as counted from the publication ("le 26 février dernier")."""
    mine = sorted((t for t in out if s.start <= t.start < s.end), key=lambda t: t.start)
    years = [t for t in mine if t.anchor is None and re.match(r"\d{4}-\d\d", t.value)]
    if not years:
        return out
    month = _words(lang)["month"]
    done = [t for t in out if not s.start <= t.start < s.end]
    for t in mine:
        if (t.anchor == "publication" and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)
                and month.search(t.text) and not _YEAR.search(t.text) and not _counted(text, t, lang)):
            year = next((o.value[:4] for o in reversed(years)
                         if o.end <= t.start and o.value[5:7] == t.value[5:7]), None)
            if year is not None and year != t.value[:4] and _day_or_none(int(year), int(t.value[5:7]),
                                                                         int(t.value[8:10])):
                t = Timex(t.start, t.end, t.text, t.type, year + t.value[4:], t.mod, "previous", t.rule, t.tagger)
        done.append(t)
    return done


@cache
def _of_year_words(lang: str) -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], int | None], ...]]:
    """The words of a year counted from the publication or "that year" after a date (LOCALES'
    `of_year`, the longest first: "de cette année-là" before "de cette année"), as one pattern and
    one per entry with its shift in years (None: the year the text last wrote)."""
    table = LOCALES[lang].of_year or {}
    keys = sorted(table, key=len, reverse=True)
    of = re.compile(r"\s*,?\s*(?:" + "|".join(f"(?:{k})" for k in keys) + r")(?!\w)", re.IGNORECASE)
    return of, tuple((re.compile(rf"\s*,?\s*(?:{k})", re.IGNORECASE), table[k]) for k in keys)


@lru_cache(maxsize=1)
def _years_of(text: str) -> tuple[list[int], list[int]]:
    """Where each year of the text is written, and the year, in order: listed once a text (each
    "de ese año" listed every year before it: a text of many was quadratic)."""
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
    return [a for a, _ in found], [y for _, y in found]


def _of_year(text: str, s: Sentence, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A day and month, or a month, followed by a year counted from the publication's ("el 3 de
    febrero del año pasado", "le 3 février de l'an dernier", "il 3 febbraio dell'anno scorso") or
    by "that year" ("el 11 de febrero de ese año", "marzo di quell'anno": the year the text last
    wrote before it): that day or month of that year, the phrase taking the words of the year (and
    whatever the search or the tables read in them). "That year" with no year before it: as it was."""
    of, shifts = _of_year_words(lang)
    if not shifts:
        return out
    month = _words(lang)["month"]
    for t in [t for t in out if s.start <= t.start < s.end]:
        shape = re.fullmatch(r"\d{4}-(\d\d)(?:-(\d\d))?", t.value)
        m = month.search(t.text) if shape and t.anchor == "publication" and not _YEAR.search(t.text) else None
        year = of.match(text, t.start + m.end(), s.end) if m else None
        if shape is None or year is None:
            continue
        shift = next(v for k, v in shifts if k.match(year.group()))
        if shift is None:
            starts, years = _years_of(text)
            at = bisect_left(starts, t.start)  # the last year the text wrote before the date
            if not at:
                continue
            y = years[at - 1]
        else:
            y = published.year + shift
        value = f"{y:04d}-{shape.group(1)}"
        if shape.group(2):
            day = _day_or_none(y, int(shape.group(1)), int(shape.group(2)))
            value = day.isoformat() if day is not None else ""
        end = max(t.end, year.end())
        out = [o for o in out if o is t or not (o.start < end and o.end > t.start)]
        if value:
            out[out.index(t)] = Timex(t.start, end, text[t.start:end], t.type, value, t.mod,
                                      "publication" if shift is not None else "previous", t.rule, t.tagger)
    return out


#: A day read from the publication this close to it (days, either side) is news of those days, not
#: the day of another year the article writes: "in office since 30 June 2012 [...] millions marched on
#: 30 June" in July 2013 is 30 June 2013 (an anniversary is often the news).
RECENT_DAYS = 31


def _same_day(text: str, out: list[Timex], published: date, lang: str) -> list[Timex]:
    """A day and month without a year, in an article that writes the same day and month with
    one year elsewhere, is that day: a writer gives the year once ("les manifestations du 25
    janvier 2011 [...] les militants du 25 janvier" in 2013: 25 January 2011). Not when the
    article writes it with two years (an anniversary), nor when it is marked as counted from the
    publication ("le 25 janvier dernier", "ce 25 janvier") or has its weekday, nor when the day read
    from the publication is within RECENT_DAYS of it."""
    w = _words(lang)
    written: dict[str, set[str]] = {}
    for t in out:
        if (t.anchor is None and _DAY_VALUE.fullmatch(t.value) and _YEAR.search(t.text)
                and w["month"].search(t.text)):
            written.setdefault(t.value[5:], set()).add(t.value[:4])
    if not written:
        return out
    done = []
    for t in out:
        years = written.get(t.value[5:], set()) if _DAY_VALUE.fullmatch(t.value) else set()
        if (len(years) == 1 and t.anchor == "publication" and t.value[:4] not in years
                and abs((date.fromisoformat(t.value) - published).days) > RECENT_DAYS
                and w["month"].search(t.text) and not _YEAR.search(t.text)
                and _weekday_of(lang, t.text) is None and not _counted(text, t, lang)):
            t = Timex(t.start, t.end, t.text, t.type, next(iter(years)) + t.value[4:], t.mod, "previous",
                      t.rule, t.tagger)
        done.append(t)
    return done


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# between "la veille"/"le lendemain" and the date it is counted from: "de la manifestation du"
_OF = re.compile(r"\s*(?:de|du|des|d['’]|del|de\s+la|della|dello|dei|di)(?:\s|(?<=['’]))[^.;:,!?()«»\"]{0,40}$",
                 re.IGNORECASE)


def _beside(text: str, s: Sentence, before: Sentence | None, out: list[Timex], lang: str) -> list[Timex]:
    """"la veille", "le lendemain", "la víspera", "al día siguiente", "il giorno dopo": the day
    before or after a day the text names, as a reader counts it: the day written after it ("à la
    veille de la manifestation du 30 juin": 29 June), else, when no other thing follows it ("la
    veille de sa mort", "il giorno dopo la morte" are counted from no date), the last day named
    in its sentence or the one before ("Le 13 mars, ... le lendemain": 14 March). No such day:
    none (not a guess from the publication date)."""
    if not _words(lang)["beside"].search(text, s.start, s.end):
        return []
    loc = LOCALES[lang]
    days = sorted((t for t in out if _DAY_VALUE.match(t.value) and t.type in ("DATE", "TIME")
                   and (before.start if before is not None else s.start) <= t.start < s.end),
                  key=lambda t: t.start)
    found = []
    for m in _words(lang)["beside"].finditer(text, s.start, s.end):
        if any(t.start < m.end() and t.end > m.start() for t in out):
            continue
        shift = _lookup(loc.beside or {}, m.group(), 0)
        after = next((t for t in days if t.start >= m.end() and t.start < s.end), None)
        of = re.match(r"\s*(?:de|du|des|d['’]|del|della|dello|dei|di|la|le|il|lo|l['’]|i|gli|que|che)(?!\w)",
                      text[m.end():s.end], re.IGNORECASE)  # "il giorno dopo la morte": counted from an event
        anchor: Timex | None
        if after is not None and _OF.fullmatch(text[m.end():after.start]):
            anchor = after
        elif of is None:
            anchor = next((t for t in reversed(days) if t.end <= m.start()), None)
        else:
            anchor = None
        if anchor is None:
            continue
        day = date.fromisoformat(anchor.value[:10]) + timedelta(days=shift)
        found.append(Timex(m.start(), m.end(), m.group(), "DATE", day.isoformat(), None, "previous",
                           "locale:beside", TAGGER))
    return found


def _last_day(timexes: Iterable[Timex]) -> Timex | None:
    """The last (by place in the text) of these expressions that names a day (or a time on it), a
    byline aside: the day the text last named."""
    return max((t for t in timexes if t.type in ("DATE", "TIME") and t.rule != "byline" and _DAY_VALUE.match(t.value)),
               key=lambda t: t.start, default=None)


@cache
def _following_words(lang: str) -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], int], ...]] | None:
    """A weekday and a word that counts it from the day last named (LOCALES' `following`), as one
    pattern, and each word with its direction."""
    table = LOCALES[lang].following
    if not table:
        return None
    days = "|".join(re.escape(d) for d in sorted(LOCALES[lang].weekdays, key=len, reverse=True))
    marks = sorted(table, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?P<wd>{days})\s+(?P<mark>{'|'.join(f'(?:{k})' for k in marks)})(?!\w)",
                         re.IGNORECASE)
    return pattern, tuple((re.compile(k, re.IGNORECASE), table[k]) for k in marks)


def _following(text: str, s: Sentence, named: Timex | None, out: list[Timex], published: date,
               lang: str) -> list[Timex]:
    """"le lundi suivant", "el viernes anterior", "il sabato successivo", "le vendredi qui a suivi":
    the first such weekday after (or before) the day the text last named before it (`named`, the
    last of the sentences set aside, or one in `out` before it), as English "the following Monday";
    with no day named before it, counted from the publication, as English."""
    made = _following_words(lang)
    if made is None:
        return out
    pattern, marks = made
    for m in pattern.finditer(text, s.start, s.end):
        weekday = _weekday_of(lang, m.group("wd"))
        if weekday is None:
            continue
        shift = next(v for k, v in marks if k.fullmatch(m.group("mark")))
        last = _last_day([*(t for t in out if t.end <= m.start()), *((named,) if named is not None else ())])
        base, anchor = (date.fromisoformat(last.value[:10]), "previous") if last is not None else (published,
                                                                                                     "publication")
        day = _place_weekday(weekday, base, "next" if shift > 0 else "last")
        out = [t for t in out if t.end <= m.start() or t.start >= m.end()]
        out.append(Timex(m.start(), m.end(), m.group(), "DATE", day.isoformat(), None, anchor, "locale:following",
                         TAGGER))
    return out


def _narrative(text: str, s: Sentence, index: int, out: list[Timex], story: _Scene | None,
               published: date, lang: str) -> tuple[list[Timex], _Scene | None]:
    """A narrative set in an earlier year goes on in it, as in English (timeline.temporal.resolve):
    after "le 3 mars 2024" in this or the previous sentence, a past-tense "le 5 avril" is the
    5 April nearest to it (2024), not the one before the publication date. A year alone, a date
    counted from the publication ("ce 29 janvier", "el pasado 3 de julio", "11 febbraio scorso"),
    a weekday with its date (which fix their own year) set or take no scene, and only dates that
    open their sentences ("Le 3 mars 2024, ... Le 5 avril, ...") set it and go on with it: a date
    in passing ("des délits commis en août 2010") is no scene.

    A narrative told in the present (the historical present of news stories: "Le 14 janvier 2011,
    Ben Ali s'envole pour Djedda. [...] Les manifestations éclatent le 25 janvier") reaches
    further: a day of an earlier year that opens a sentence not in the past sets it, and it goes
    on from day to day (each the nearest to the last, at most _RECIT sentences apart) for every
    day without its year in a sentence without tense, or in the past when the day opens it,
    until a date of the publication's year, a day counted from the publication ("hier",
    "mardi", "la semaine dernière") or a future tense ends it."""
    w = _words(lang)
    mine = sorted((t for t in out if s.start <= t.start < s.end), key=lambda t: t.start)
    others = [t for t in out if not s.start <= t.start < s.end]
    done = []
    for t in mine:
        shape = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", t.value)
        window = text[max(s.start, t.start - _TENSE_REACH):min(s.end, t.end + _TENSE_REACH)]
        tense = _tense(window, lang)
        opening = _OPENING.fullmatch(text[s.start:t.start]) is not None
        if shape is not None and t.anchor is None and _YEAR.search(t.text) and w["month"].search(t.text):
            if int(shape.group(1)) < published.year and tense != "past" and shape.group(3) and opening:
                story = _Scene(index, t.value, True)
            elif int(shape.group(1)) < published.year and opening:
                story = _Scene(index, t.value, False)
            elif story is not None and story.present and int(shape.group(1)) >= published.year:
                story = None
        elif (shape is not None and story is not None and t.anchor == "publication"
              and w["month"].search(t.text) and not _YEAR.search(t.text) and _weekday_of(lang, t.text) is None
              and not _counted(text, t, lang)
              and ((story.present and shape.group(3) and index - story.index <= _RECIT
                    and w["future"].search(window) is None and (tense is None or (tense == "past" and opening)))
                   or (not story.present and index - story.index <= 1 and opening and tense == "past"))):
            value = _nearest(int(shape.group(2)), int(shape.group(3) or 0), story.value)
            if value is not None:
                t = Timex(t.start, t.end, t.text, t.type, value, t.mod, "previous", t.rule, t.tagger)
                if story.present and len(value) == len(story.value):
                    story = _Scene(index, value, True)
        elif story is not None and story.present and (t.anchor == "publication" or tense == "future"):
            story = None  # the text is back at the publication's time
        done.append(t)
    return others + done, story


@dataclass(frozen=True)
class _Scene:
    """Where a narrative set in an earlier year is: the sentence and the value of its last date,
    and whether it is told in the present (which reaches further)."""

    index: int
    value: str
    present: bool


_OPENING = re.compile(r"[\W_]*(?:[^\W\d_]+['’]?\s*){0,3}")  # at most three words before a sentence's date


def _counted(text: str, t: Timex, lang: str) -> bool:
    """Whether a date is marked as counted from the publication: "dernier", "pasado", "scorso",
    "prochain", "ce"/"este"/"questo" next to it, or its year written just after it."""
    loc = LOCALES[lang]
    marks = "|".join(re.escape(m) for m in (*loc.before, *loc.after, *loc.this))
    before = text[max(0, t.start - 25):t.start]
    after = text[t.end:t.end + 25]
    return (re.search(rf"(?<!\w)(?:{marks})(?:\s+mes\s+de)?\s+$", before, re.IGNORECASE) is not None
            or re.match(rf"\s+(?:{marks})(?!\w)|\s*,?\s*(?:de\s+)?\d{{4}}(?!\d)", after, re.IGNORECASE) is not None)


def _nearest(month: int, day: int, story: str) -> str | None:
    """The month (day 0) or the day of that month nearest to the date `story` ("2024-03" or
    "2024-03-03"), in its year or the one before or after."""
    sy, sm, sd = int(story[:4]), int(story[5:7]), int(story[8:10] or 1) if len(story) > 7 else 1
    at = date(sy, sm, sd)
    if day == 0:
        best = min((sy - 1, sy, sy + 1), key=lambda y: (abs((y - sy) * 12 + month - sm), y != sy))
        return f"{best:04d}-{month:02d}"
    options = [d for y in (sy - 1, sy, sy + 1) if (d := _day_or_none(y, month, day)) is not None]
    return min(options, key=lambda d: (abs((d - at).days), d.year != sy)).isoformat() if options else None


def _widen(sentence: str, start: int, part: str, reading: datetime | None, lang: str,
           settings: dict[str, object]) -> tuple[int, str, datetime | None]:
    """A month the search returned without the day before it ("Dal 25 gennaio", "primo luglio")
    or the year after it ("all'11 febbraio 2011", "de mars à décembre 2012"): the phrase with
    them, read again; a year returned alone without the month and day before it ("nell'ottobre del
    1911", "l'8 febbraio del 2010", whose month the search does not see after an apostrophe), and
    a month with its year returned without its day ("El 2 de enero de 2011 una": "enero de 2011")."""
    w = _words(lang)
    if _YEAR.fullmatch(part):
        return _widen_year(sentence, start, part, reading, lang, settings)
    if not w["month"].search(part):
        return start, part, reading
    day = None if not w["month"].match(part) else re.search(
        rf"(?<![\w.,:])(?:\d{{1,2}}(?:º|°|er)?|{w['first'].pattern})\s+(?:de\s+)?$", sentence[:start], re.IGNORECASE)
    if _YEAR.search(part) and day is None:
        return start, part, reading
    end = start + len(part)
    if day is not None:
        start = day.start()
    if not _YEAR.search(part):
        year = re.match(r",?\s+(?:de\s+|del\s+)?(?:1[6-9]\d\d|20\d\d)(?![\d.,]\d)", sentence[end:])
        if year is not None and (day is not None or _DAYNUM.search(part) or not year.group().startswith(",")):
            end += year.end()
    if end == start + len(part) and day is None:
        return start, part, reading
    widened = sentence[start:end]
    readable = re.sub(r",?\s+del\s+(?=\d{4})", " ", _first_as_one(widened, lang))  # "3 dicembre del 2010"
    return start, widened, _parse(readable, lang, settings)


def _widen_year(sentence: str, start: int, part: str, reading: datetime | None, lang: str,
                settings: dict[str, object]) -> tuple[int, str, datetime | None]:
    """A year alone after a month named in full, and the day before that month ("nell'ottobre del
    1911", "l'8 febbraio del 2010", "novembre 2011-febbraio 2012"): the month or the day, read
    again. A comma between the month and the year only with a day ("8 febbraio, 2010")."""
    lo = max(0, start - _MONTH_BEFORE_YEAR_REACH)
    while lo > 0 and not sentence[lo - 1].isspace():
        lo -= 1  # from the start of a word: the day's lookbehind sees what it sees in the whole sentence
    before = _words(lang)["month_before_year"].search(sentence, lo, start)
    if before is None or (before.group("comma") and not before.group("day")):
        return start, part, reading
    widened = sentence[before.start():start + len(part)]
    readable = _DEL_BEFORE_YEAR.sub(" ", _first_as_one(widened, lang))
    return before.start(), widened, _parse(readable, lang, settings)


# How far before a year its month and day are looked for ("el 2 de septiembre del ", "l'8 febbraio
# del "): a bounded window, so a sentence of many dates is read in linear time.
_MONTH_BEFORE_YEAR_REACH = 60
_DEL_BEFORE_YEAR = re.compile(r",?\s+del\s+(?=\d{4})")


def _first_as_one(phrase: str, lang: str) -> str:
    """"primo luglio" as dateparser reads it: "1 luglio"."""
    return _words(lang)["first"].sub("1", phrase)


_JOIN = r"\s*(?:,|-|–|/|(?:et|y|e|ed|ou|o|au|al|à|a|all['’])(?!\w))\s*"  # between listed days or a range's ends
_LISTED = re.compile(rf"(?<![\w.,:/])(\d{{1,2}})(?:er|º|°)?{_JOIN}$", re.IGNORECASE)
# the ends of a range "between" that repeats the article: "entre el 3 y el 5 de febrero", "entre le 3 et le
# 5 février", "tra il 3 e il 5 febbraio" (not a list such as "el 16 y el 17 de junio": a two-day vote's
# second day, which the dev story's timeline keeps, lost its place to the first)
_BETWEEN = re.compile(rf"(?:(?<=\bentre el )|(?<=\bentre le )|(?<=\btra il )|(?<=\bfra il ))(\d{{1,2}})(?:er|º|°)?"
                      rf"{_JOIN}(?:le|el|il)\s+$", re.IGNORECASE)


def _lists_and_ranges(text: str, s: Sentence, out: list[Timex], lang: str) -> list[Timex]:
    """Days listed before the month they share ("les 12 et 13 mars 2024": the 12th too), and the
    first end of a range that takes the year of its second ("du 20 novembre au 4 décembre 2019")."""
    mine = sorted((t for t in out if s.start <= t.start < s.end), key=lambda t: t.start)
    others = [t for t in out if not s.start <= t.start < s.end]
    month = _words(lang)["month"]
    gap = re.compile(rf"{_JOIN}(?:(?:le|el|il|l['’])\s*)?(?:\d{{1,2}}(?:er|º|°)?{_JOIN})*", re.IGNORECASE)
    ranged: list[Timex] = []
    for i, t in enumerate(mine):
        nxt = mine[i + 1] if i + 1 < len(mine) else None
        if (nxt is not None and t.anchor == "publication" and nxt.anchor is None
                and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", t.value) and re.match(r"\d{4}-\d\d", nxt.value)
                and not _YEAR.search(t.text) and month.search(t.text) and gap.fullmatch(text[t.end:nxt.start])):
            year = int(nxt.value[:4]) - (int(t.value[5:7]) > int(nxt.value[5:7]))
            value = f"{year:04d}{t.value[4:]}"
            if len(value) == 10 and _day_or_none(year, int(value[5:7]), int(value[8:])) is None:
                value = t.value
            t = Timex(t.start, t.end, t.text, t.type, value, t.mod, None, t.rule, t.tagger)
        ranged.append(t)
    added: list[Timex] = []
    for t in ranged:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value) or not re.match(r"\d", t.text):
            continue
        last = date.fromisoformat(t.value)
        at = t.start
        while (m := _LISTED.search(text[s.start:at]) or _BETWEEN.search(text[s.start:at])) is not None:
            day = int(m.group(1))
            if day >= last.day or any(o.start < s.start + m.end() and o.end > s.start + m.start() for o in mine):
                break
            last = last.replace(day=day)
            a = s.start + m.start(1)
            added.append(Timex(a, a + len(m.group(1)), m.group(1), "DATE", last.isoformat(), None, t.anchor,
                               "locale:list", TAGGER))
            at = s.start + m.start()
    return others + ranged + added


def _parts(phrase: str) -> list[tuple[int, str]]:
    """A phrase dateparser joined across "y"/"et"/"e" ("3 febbraio 2026 e martedì"): its parts."""
    parts, at = [], 0
    for m in _SPLIT.finditer(phrase):
        parts.append((at, phrase[at:m.start()]))
        at = m.end()
    parts.append((at, phrase[at:]))
    return [(a, p) for a, p in parts if p.strip()]


def _free(taken: list[tuple[int, int]], t: Timex, offset: int) -> bool:
    return all(t.end - offset <= a or t.start - offset >= b for a, b in taken)


def _timex(text: str, start: int, phrase: str, found: datetime | None, published: date, tense: str | None,
           lang: str, known: bool, sentence: Sentence | None = None) -> Timex | None:
    if not phrase.strip():
        return None
    end = start + len(phrase)
    if known:
        w = _words(lang)
        # "l'altro ieri", "avant - hier": the search saw "ieri", "hier"
        longer = next((m for m in w["day"].finditer(text, max(0, start - 30), end)
                       if m.end() == end and m.start() < start), None)
        if longer is not None:
            start, phrase = longer.start(), longer.group()
        window = text[max(0, start - 30):min(len(text), end + 30)]
        for idiom in w["idiom"].finditer(window):
            a = max(0, start - 30) + idiom.start()
            if a < end and a + len(idiom.group()) > start:
                return None
        lo, hi = (sentence.start, sentence.end) if sentence is not None else (0, len(text))
        near = text[max(lo, start - _TENSE_REACH):min(hi, end + _TENSE_REACH)]
        near_start = max(lo, start - _TENSE_REACH)  # the clause: a colon or semicolon ends it
        head = _CLAUSE_END.split(near[:start - near_start])[-1]  # the clause before the date and after it
        tail = _CLAUSE_END.split(near[start - near_start:])[0]
        clause = head + tail
        tense = _tense(clause, lang) or (tense if clause == near else None)
        tense = _reported(head, tail, lang) or tense  # "dijo que el lunes irá"
        got = _value(lang, phrase, found, published, tense, text[max(0, start - 20):start], text[end:end + 20])
        got = _anterior(got, clause, phrase, published, lang)
        if got is not None and w["before"].search(text[max(0, start - 20):start]) and _weekday_of(lang, phrase):
            before = w["before"].search(text[max(0, start - 20):start])
            assert before is not None  # searched just above
            start = max(0, start - 20) + before.start()
    else:
        got = _generic_value(phrase, found) if found is not None else None
    if got is None:
        return None
    value, anchor, more = got
    end += more
    rule = "byline" if known and (_is_byline(text, start, lang, end) or _is_stamp(text, start, end)) \
        else "dateparser"
    clock = _AT_CLOCK.search(text, start, end) if rule == "byline" else None
    end = clock.end() if clock is not None else end  # "10 juillet @02h13 Je": the stamp ends at its time
    return Timex(start, end, text[start:end], "DATE", value, None, anchor, rule, TAGGER)


# A clock time right after a date, no word between ("10 juillet @02h13", "22 octobre 12:55", "29 gennaio,
# 18:02"): news text writes a word before a time ("le 8 juillet à 17h", "a las 15:30", "alle 18").
_AT_CLOCK = re.compile(r"@\s*\d{1,2}\s*[hH:]\s*\d\d")
_STAMP_CLOCK = re.compile(r"\s*,?\s*(?:@\s*\d{1,2}\s*[hH:]\s*\d\d|\d{1,2}:\d\d)(?![\d:])")


def _is_stamp(text: str, start: int, end: int) -> bool:
    """Whether a date is a comment's, a feed item's or a page's stamp: a day and month with a clock
    time right after them (the time may be in the phrase the search returned). A stamp says when
    something was posted, as a byline does, and dates no event."""
    if not _DAYNUM.search(text, start, end):
        return False
    return _AT_CLOCK.search(text, start, end) is not None or _STAMP_CLOCK.match(text, end) is not None


_TOP = 600  # characters: bylines come at the top of a text


def _anterior(got: tuple[str, str | None, int] | None, clause: str, phrase: str, published: date,
              lang: str) -> tuple[str, str | None, int] | None:
    """A day without its year placed after the publication, in a pluperfect clause that schedules
    nothing ("Le 18 septembre, deux hommes avaient mitraillé un bus", "habían tomado", "avevano
    preso"): a past before another past, so the latest such day not after the publication."""
    loc = LOCALES[lang]
    if (got is None or got[1] != "publication" or not _DAY_VALUE.fullmatch(got[0]) or not loc.anterior
            or date.fromisoformat(got[0]) <= published or _YEAR.search(phrase)
            or _weekday_of(lang, phrase) is not None or not _words(lang)["month"].search(phrase)):
        return got
    if not re.search(loc.anterior, clause, re.IGNORECASE) or re.search(loc.scheduled, clause, re.IGNORECASE) \
            or _words(lang)["future"].search(clause):
        return got
    day = date.fromisoformat(got[0])
    back = _place_day(day.month, day.day, published, "past", strict=True)
    return (back.isoformat(), got[1], got[2]) if back is not None else got


def _is_byline(text: str, start: int, lang: str, end: int | None = None) -> bool:
    """Whether the phrase at `start` is the date of a byline ("Publicado el 3 de febrero de 2026"),
    or of a page's stamp in a line with other words, the byline's words before it and a clock time
    after it, wherever it is ("Par Claire Talon Publié le 25 juin 2013 à 16h51 - Mis à jour le 26
    juin 2013 à 19h59", a comment's "Publié le 30/08/2012 à 18h23"): the publication date again,
    or when the page or a comment was written or edited, which dates no event (timeline.events
    leaves it out, and so does a story's count of days)."""
    # the line before the date, at most _TOP characters of it: a byline's words are near the date
    # (a text of one paragraph made its whole length before each date be searched: quadratic)
    reach = max(0, start - _TOP)
    line = text[text.rfind("\n", reach, start) + 1 or reach:start]
    words = "|".join(re.escape(b) for b in sorted(LOCALES[lang].bylines, key=len, reverse=True))
    if start <= _TOP and re.fullmatch(rf"\s*(?:{words})\s*:?\s*(?:[^\W\d_]+,?\s+)?", line, re.IGNORECASE):
        return True
    return (end is not None and re.search(rf"(?<!\w)(?:{words})\s*:?\s*$", line, re.IGNORECASE) is not None
            and re.match(r"\s*,?\s*(?:à|a\s+las|a\s+la|alle|ore|-)?\s*\d{1,2}\s*[hH:.]\s*\d\d", text[end:end + 20],
                         re.IGNORECASE) is not None)


def _unfound(text: str, s: Sentence, sentence: str, taken: list[tuple[int, int]], published: date,
             tense: str | None, lang: str) -> list[Timex]:
    """Relative periods ("la semana pasada"), dates with a month name, weekdays and day words the
    search did not return (the month phrases read by dateparser's parser)."""
    w = _words(lang)
    loc = LOCALES[lang]
    out = []
    idioms = [i.span() for i in w["idiom"].finditer(sentence)]  # "no llegan a fin de mes": no date
    for m in w["period"].finditer(sentence):
        if not all(m.end() <= a or m.start() >= b for a, b in taken + idioms):
            continue
        unit, n, *mod = _lookup(loc.periods, m.group(), ("", 0))
        if not unit or mod and w["other_period"].match(sentence, m.end()):
            continue
        value = _period(unit, n, published)
        out.append(Timex(s.start + m.start(), s.start + m.end(), m.group(), "DATE", value, mod[0] if mod else None,
                         "publication", "locale:period", TAGGER))
        taken.append((m.start(), m.end()))
    for m in w["lately"].finditer(sentence):  # a past stretch of no known length, as English "recent days"
        if all(m.end() <= a or m.start() >= b for a, b in taken):
            value = _lookup(loc.lately or {}, m.group(), "PAST_REF")
            out.append(Timex(s.start + m.start(), s.start + m.end(), m.group(),
                             "DATE" if value.endswith("_REF") else "DURATION", value, None, None, "locale:lately",
                             TAGGER))
            taken.append((m.start(), m.end()))
    counts = [(m, -1) for m in w["ago"].finditer(sentence)]
    if tense != "past":  # "tra due giorni": ahead of the publication, unless the clause tells of the past
        counts += [(m, 1) for m in w["ahead"].finditer(sentence)]
    for m, sign in counts:
        if not all(m.end() <= a or m.start() >= b for a, b in taken):
            continue
        n_word = m.group("n").lower()
        n = sign * (int(n_word) if n_word.isdigit() else (loc.numbers or {})[n_word])
        unit = (loc.units or {})[m.group("unit").lower()]
        if unit == "day" and abs(n) in (loc.weeks_of_days or {}):  # "il y a huit jours": a week ago
            unit, n = "week", (1 if n > 0 else -1) * (loc.weeks_of_days or {})[abs(n)]
        value = (published + timedelta(days=n)).isoformat() if unit == "day" else _period(unit, n, published)
        out.append(Timex(s.start + m.start(), s.start + m.end(), m.group(), "DATE", value, None, "publication",
                         "locale:ago" if sign < 0 else "locale:ahead", TAGGER))
        taken.append((m.start(), m.end()))
    for rx in (w["date"], w["weekday"], w["day"]):
        for m in rx.finditer(sentence):
            if not all(m.end() <= a or m.start() >= b for a, b in taken):
                continue
            phrase = m.group()
            if rx is w["weekday"] and (num := re.match(r"\s+\d{1,2}(?!\d)", sentence[m.end():])):
                if w["month"].match(sentence, m.end() + len(num.group()) + 1):
                    continue  # "vendredi 24 juillet" was judged whole: its weekday alone is no date either
                phrase += num.group()  # "lunes 14": the weekday must agree with the day
            reading = _parse(phrase, lang, _settings(published, tense, lang)) if rx is w["date"] else None
            t = _timex(text, s.start + m.start(), phrase, reading, published, tense, lang, True, s)
            if t is not None and _free(taken, t, s.start):
                out.append(Timex(t.start, t.end, t.text, t.type, t.value, t.mod, t.anchor, "locale:word", TAGGER))
                taken.append((t.start - s.start, t.end - s.start))
    if loc.day_of_month:
        for m in re.finditer(loc.day_of_month, sentence, re.IGNORECASE):
            if not all(m.end() <= a or m.start() >= b for a, b in taken):
                continue
            d = _month_day(int(m.group(1)), published, "future" if tense == "future" else "past")
            if d is not None:
                article_word = re.match(r"(?:el|del|al)\s+", m.group(), re.I)
                a = m.start() + (len(article_word.group()) if article_word is not None else 0)
                out.append(Timex(s.start + a, s.start + m.end(), text[s.start + a:s.start + m.end()], "DATE",
                                 d.isoformat(), None, "publication", "locale:day-of-month", TAGGER))
                taken.append((a, m.end()))
    return out


def _nights(text: str, s: Sentence, published: date, tense: str | None, lang: str) -> list[Timex]:
    """"la nuit de lundi à mardi", "la noche del lunes al martes", "la notte tra lunedì e
    martedì": one expression, the night of the first day (TIMEX3 `TNI`), that day placed as a
    weekday alone is; two days that do not follow each other are no such night."""
    out = []
    for m in _words(lang)["night"].finditer(text, s.start, s.end):
        first, second = _weekday_of(lang, m.group("a")), _weekday_of(lang, m.group("b"))
        if first is None or second is None or second != first % _WEEK + 1:
            continue
        d = _place_weekday(first, published, "future" if tense == "future" else "past")
        out.append(Timex(m.start(), m.end(), m.group(), "TIME", f"{d.isoformat()}TNI", None,
                         "publication", "locale:night", TAGGER))
    return out


def _names(sentence: str, lang: str) -> list[tuple[int, int]]:
    """The spans of names made of a date ("le pont du 6 octobre", "el Movimiento 15 de
    mayo", "piazza 25 aprile", "la révolution du 25 janvier", "le 11-Septembre"): a street, a
    square, a bridge, a movement or a revolution named after a day is no mention of that day
    (and its year is not the one a day without its year would take: "la revolución del 25 de
    enero" in 2013 is January 2011; "la révolution de janvier" alike, without its year)."""
    w = _words(lang)
    spans = []
    for m in w["named"].finditer(sentence):
        month = w["month"].match(sentence, m.end())
        if month is not None:
            spans.append((m.start(), month.end()))
    spans.extend(m.span() for m in w["named_month"].finditer(sentence))
    # a weekday of every week ("chaque vendredi", "un mercredi sur deux", "los viernes", "du lundi
    # au vendredi") is no one day either
    spans.extend(m.span() for m in w["every"].finditer(sentence))
    return spans


def _month_day(day: int, published: date, direction: str) -> date | None:
    """"el día 25": that day of the publication's month, else of the month before (in the past) or
    after (in the future) when the day is not yet (or no longer) to come."""
    for shift in ((0, -1) if direction == "past" else (0, 1)):
        m = published.month - 1 + shift
        try:
            d = date(published.year + m // 12, m % 12 + 1, day)
        except ValueError:
            continue
        if (direction == "past" and d <= published) or (direction == "future" and d >= published):
            return d
    return None


def _period(unit: str, n: int, published: date) -> str:
    if unit == "week":
        y, wk, _ = (published + timedelta(days=_WEEK * n)).isocalendar()
        return f"{y:04d}-W{wk:02d}"
    if unit == "weekend":  # "el pasado fin de semana": the weekend of the week before (TIMEX3 "-WE")
        y, wk, _ = (published + timedelta(days=_WEEK * n)).isocalendar()
        return f"{y:04d}-W{wk:02d}-WE"
    if unit == "month":
        m = published.month - 1 + n
        return f"{published.year + m // 12:04d}-{m % 12 + 1:02d}"
    return f"{published.year + n:04d}"


def published_in_text(text: str, lang: str, today: date) -> tuple[date, str] | None:
    """(publication date, evidence) from a byline or dateline near the top of a text in `lang`
    ("Publicado el 3 de febrero de 2026", "Publié le 3 février 2026"): a full date written with
    its year, as strict as the English reading; None when there is none."""
    loc = LOCALES.get(lang)
    if loc is None:
        return None
    head = text[:600]
    words = "|".join(re.escape(b) for b in sorted(loc.bylines, key=len, reverse=True))
    for m in re.finditer(rf"(?<!\w)(?:{words})\s*:?\s*", head, re.IGNORECASE):
        line_end = head.find("\n", m.end())
        rest = head[m.end():line_end if line_end >= 0 else len(head)]
        date_text = re.match(r"(?:[^\W\d_]+,?\s+)?\d{1,2}(?:º|er)?\s+(?:de\s+)?[^\W\d_]+\.?\s+(?:de\s+|del\s+)?\d{4}"
                             r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d\d-\d\d", rest)
        if date_text is None:
            continue
        phrase = date_text.group()
        if not _YEAR.search(phrase) or (not _NUMERIC.search(phrase) and "-" not in phrase
                                        and not _words(lang)["month"].search(phrase)):
            continue
        found = _parse(phrase, lang, {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                                      "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False})
        if found is None or found.date() > today:
            continue
        return found.date(), f"the byline '{head[m.start():m.end() + len(phrase)].strip()}'"
    return None
