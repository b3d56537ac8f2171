"""Vocabularies of English news dates: small named tables that the rules are composed from.

Adding a word is adding a table entry; the rules refer to the tables by name.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# Month names that are also ordinary words or given names: alone they are dates only in context
# ("in May", "last March"), never in "May we never forget", "the March for Justice", "Mr. August Kim".
AMBIGUOUS_MONTHS = frozenset({"march", "may", "april", "june", "august"})

WEEKDAYS: dict[str, int] = {  # ISO: Monday = 1
    "monday": 1, "mon": 1,
    "tuesday": 2, "tues": 2, "tue": 2,
    "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4,
    "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "thousand": 1000,
    "a dozen": 12, "dozen": 12, "half a dozen": 6, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a pair of": 2, "single": 1,
}

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# Quantities without a number: "a few years" is PXY.
VAGUE_QUANTITIES = ("a few", "few", "several", "some", "many", "a number of", "the", "numerous")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
    "last": -1,
}

# Calendar units: TIMEX3 duration letter, and the granularity a date of that unit has.
UNITS: dict[str, str] = {
    "second": "S", "seconds": "S", "sec": "S", "secs": "S",
    "minute": "MIN", "minutes": "MIN", "min": "MIN", "mins": "MIN",
    "hour": "H", "hours": "H", "hr": "H", "hrs": "H",
    "day": "D", "days": "D",
    "night": "NIGHT", "nights": "NIGHT",
    "week": "W", "weeks": "W", "fortnight": "FORTNIGHT", "fortnights": "FORTNIGHT",
    "weekend": "WE", "weekends": "WE",
    "month": "M", "months": "M",
    "quarter": "Q", "quarters": "Q",
    "year": "Y", "years": "Y",
    "decade": "DE", "decades": "DE",
    "century": "CE", "centuries": "CE",
    "millennium": "ML", "millennia": "ML", "millenniums": "ML",
    "season": "SEASON", "seasons": "SEASON",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Season names that are also verbs or nouns ("prices fall", "a hot spring"): alone they need context.
AMBIGUOUS_SEASONS = frozenset({"fall", "spring"})

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF",
    "evening": "EV", "evenings": "EV", "night": "NI", "nights": "NI", "overnight": "NI",
    "daytime": "DT", "midday": "MI", "dawn": "MO", "dusk": "EV", "lunchtime": "MI",
}

QUARTER_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                                   "3rd": 3, "4th": 4, "final": 4, "last": 4}

HALF_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "1st": 1, "2nd": 2, "last": 2}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Holidays with a fixed calendar date (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "independence day": (7, 4), "the fourth of july": (7, 4), "july fourth": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
    "remembrance day": (11, 11), "may day": (5, 1), "bastille day": (7, 14),
    "all saints' day": (11, 1), "christmas holiday": (12, 25),
}

# Holidays fixed as the n-th weekday of a month: (month, ISO weekday, n); n = -1 is the last one.
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
    "labor day": (9, 1, 1), "memorial day": (5, 1, -1), "mother's day": (5, 7, 2),
    "father's day": (6, 7, 3), "martin luther king day": (1, 1, 3),
    "martin luther king jr. day": (1, 1, 3), "presidents' day": (2, 1, 3),
    "presidents day": (2, 1, 3), "columbus day": (10, 1, 2),
}

# Easter-based holidays: days after Easter Sunday.
# Days counted from Thanksgiving (the fourth Thursday of November).
THANKSGIVING_DAYS: dict[str, int] = {"black friday": 1, "cyber monday": 4}

EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "easter monday": 1,
    "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit monday": 50,
}

# Time zones written after clock times ("3 p.m. EST"); they are part of the expression.
TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
              "ET", "PT", "CT", "local time", "Eastern", "Pacific", "Central")

# Words that occur in temporal expressions and hardly anywhere else: every expression a rule
# recognises contains one of them, or one of the vocabulary words above (months, weekdays, units,
# seasons, parts of the day, decades, holidays), or a number shaped like a year or a clock time.
# The scanner looks for these first and tries the rules only around them (grammar.Grammar.scan).
ANCHOR_WORDS = frozenset("""
today tonight tomorrow yesterday now nowadays currently current present presently moment recent
recently lately past future soon shortly someday ago daily weekly monthly quarterly annually yearly
nightly hourly noon midnight fiscal fy period periods half halves term date clock o'clock o’clock
nineteen twenty eighteen seventeen daylong weeklong monthlong yearlong hourlong
bc bce b
""".split())
