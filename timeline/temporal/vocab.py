"""Vocabularies of English news dates: small named tables that the rules are composed from.

Adding a word is adding a table entry; the pieces (pieces.py), the rules (rules/) and the context
checks refer to the tables by name. Keys are lowercase unless a table says otherwise.
"""

from __future__ import annotations

# --- calendar words ------------------------------------------------------------------------------

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

# "two thousand years", "five hundred days": a number word times these.
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen")
CLOCK_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                    "twelve")

# Quantities without a number: "a few years" is PXY.
VAGUE_QUANTITIES = ("a few", "few", "several", "some", "many", "a number of", "numerous", "a couple of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
    "last": -1,
}
# "the first Friday of every month": the ordinals of a weekday in its month.
NTH_ORDINALS = ("first", "second", "third", "fourth", "last", "1st", "2nd", "3rd", "4th")

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

# Parts of the day and their TIMEX3 code. "Friday night", "the morning of Jan. 5", "the early hours
# of Sunday" are composed from one of these and a day (compose.py).
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF",
    "evening": "EV", "evenings": "EV", "night": "NI", "nights": "NI", "overnight": "NI",
    "daytime": "DT", "midday": "MI", "dawn": "MO", "dusk": "EV", "lunchtime": "MI",
    "early hours": "MO", "small hours": "MO", "wee hours": "MO",
    "teatime": "AF",
}
# Parts of the day "mid-" goes with ("mid-afternoon"); lowercase ones after a holiday ("Christmas
# night", not "Christmas Night Market").
MID_PARTS_OF_DAY = ("morning", "afternoon", "evening")

QUARTER_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                                   "3rd": 3, "4th": 4, "final": 4, "last": 4}

HALF_ORDINALS: dict[str, int] = {"first": 1, "second": 2, "1st": 1, "2nd": 2, "last": 2}

# "the first six months of 2024" is its first half, "the final three months of 2023" its fourth
# quarter: (edge, number of months) -> ("quarter" or "half", which one).
YEAR_PART_EDGES: dict[str, int] = {"first": 1, "opening": 1, "last": -1, "final": -1, "closing": -1}
YEAR_PART_MONTHS: dict[str, tuple[str, int]] = {"three": ("quarter", 4), "3": ("quarter", 4),
                                                "six": ("half", 2), "6": ("half", 2)}
# "the first two quarters of 1990" is its first half (2024-H1), as six months are.
YEAR_PART_QUARTERS: dict[str, tuple[str, int]] = {"two": ("half", 2), "2": ("half", 2)}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Eras after a year or a century, case-sensitive ("bc" and "ad" are never one).
BC_ERAS = ("BCE", "B.C.E.", "BC", "B.C.")
AD_ERAS = ("AD", "A.D.", "CE", "C.E.")

# --- holidays ------------------------------------------------------------------------------------

# Holidays with a fixed calendar date (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "independence day": (7, 4), "the fourth of july": (7, 4), "july fourth": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11),
    "remembrance day": (11, 11), "may day": (5, 1), "bastille day": (7, 14),
    "all saints' day": (11, 1), "christmas holiday": (12, 25),
    "juneteenth": (6, 19),
}

# After a holiday of a fixed day, the weeks around it, which are its month: "the Christmas season",
# "the Christmas and New Year sales period" (December).
HOLIDAY_SEASON_WORDS = ("season", "period", "rush", "shopping season", "shopping period", "sales period",
                        "sales season", "trading period", "holiday season")

# Holidays on a weekday: (month, day, ISO weekday), the first such weekday on or after that day.
# The fourth Thursday of November is the first Thursday on or after the 22nd; the last Monday of
# May the first on or after the 25th; US Election Day the Tuesday after the first Monday.
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 22, 4), "thanksgiving day": (11, 22, 4),
    "labor day": (9, 1, 1), "memorial day": (5, 25, 1), "mother's day": (5, 8, 7),
    "father's day": (6, 15, 7), "martin luther king day": (1, 15, 1),
    "martin luther king jr. day": (1, 15, 1), "presidents' day": (2, 15, 1),
    "presidents day": (2, 15, 1), "columbus day": (10, 8, 1),
    "election day": (11, 2, 2),
}

# Easter-based holidays: days after Easter Sunday.
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "easter monday": 1,
    "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit monday": 50,
}

# Nouns after a holiday's name that make it the name of a thing, a place or an event of another
# year, not a date: "Easter Island", "Christmas trees", "Easter eggs", "the Easter Rising" (1916).
# An event on the day itself ("the Christmas party", "the Thanksgiving parade") stays a date.
HOLIDAY_THINGS = (
    "island", "islands", "rising", "uprising", "offensive", "egg", "eggs", "bunny", "bunnies", "tree", "trees",
    "card", "cards", "carol", "carols", "present", "presents", "gift", "gifts", "decoration", "decorations",
    "light", "lights", "jumper", "jumpers", "sweater", "sweaters", "pudding", "puddings", "cracker", "crackers",
    "stocking", "stockings", "hamper", "hampers", "ornament", "ornaments", "wreath", "wreaths", "costume",
    "costumes", "candy", "candies", "pumpkin", "pumpkins", "song", "songs", "single", "singles", "album",
    "albums", "number one", "movie", "movies", "film", "films", "bonus", "bonuses", "cactus", "lily", "lilies",
)
# Nouns after a holiday's name that make it the name of a past incident: "the Boxing Day tsunami", "the
# Christmas Day bomber". Without a year ("of 2004", "the 2004 ...") the holiday it fell on is unknown,
# so it gets no date, not the nearest one (a party or a parade is held on the day itself: not here).
HOLIDAY_EVENTS = (
    "tsunami", "bombing", "bombings", "bomber", "bombers", "attack", "attacks", "attacker", "attackers",
    "massacre", "massacres", "shooting", "shootings", "shooter", "gunman", "killings", "murders", "earthquake",
    "quake", "riot", "riots", "plot", "plotter", "raid", "raids", "truck attack", "parade attack",
    "parade crash", "parade shooting", "market attack", "disaster", "derailment", "stampede",
)
# Nouns after a day and month that make them the name of a past incident: "the January 25 revolution",
# "the 7 July bombings", "the Oct. 13 plunge". Without a year it is the latest such day gone by (the
# nearest may be days ahead); with one after it ("of 2011", "that toppled Mubarak in 2011"), that year's.
DATE_INCIDENTS = HOLIDAY_EVENTS + (
    "revolution", "uprising", "coup", "coup attempt", "crash", "plunge", "invasion", "insurrection", "blast",
    "blasts", "explosion", "explosions", "assassination", "hijackings", "hijacking", "ambush", "bloodshed",
)
# Words before a holiday's name that make it a person: "Father Christmas".
HOLIDAY_PERSONS = ("father", "mother", "old father")
# Words of a habit in a holiday's clause: "normally held in the run up to Christmas", "at Christmas
# every year", "traditionally, families gather on Thanksgiving" name no one day.
HOLIDAY_HABITS = (
    "normally", "usually", "traditionally", "typically", "generally", "customarily", "habitually",
    "every year", "each year", "every single year", "year after year", "annually",
)
# Small words a title capitalises ("Do They Know It's Christmas", "All I Want for Christmas Is You",
# "A Charlie Brown Thanksgiving"): a run of capitalised words before a holiday, after a word in lower
# case, with one of these in it, makes the holiday part of a title. Words a title may leave in lower
# case inside quotation marks: TITLE_LOWER_WORDS.
TITLE_SMALL_WORDS = (
    "a", "an", "the", "and", "for", "of", "to", "is", "it", "it's", "it’s", "i", "i'm", "do", "does", "they",
    "we", "you", "me", "my", "your", "our", "all", "be", "are", "was", "this", "that", "what", "how",
    "not", "no", "know", "have", "has", "when", "will", "white", "blue",
)
TITLE_LOWER_WORDS = ("a", "an", "the", "and", "or", "nor", "but", "for", "of", "in", "on", "at", "to", "by",
                     "from", "with", "as")
# Words right before a holiday that make it a likeness, no date: "it will be like New Year's Eve".
HOLIDAY_LIKENESS_BEFORE = ("like", "as if it were", "as though it were", "resembled", "resembles")
# Words right before a holiday that make it a greeting, no date: "a Merry Christmas", "Happy Easter".
HOLIDAY_GREETINGS = ("merry", "happy")

# Days counted from another holiday: (that holiday, days after it).
HOLIDAYS_AFTER: dict[str, tuple[str, int]] = {"black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4)}

# Capitalised words that make a weekday after them the name of a past event, not a date: "Black
# Monday" (the crash of 1987), "Bloody Sunday". (Holidays such as "Black Friday" come first.)
WEEKDAY_NAME_WORDS = ("Black", "Bloody", "Blue", "Manic")
# "the cars of tomorrow", "the problems of today": a day word after "of" and a noun names no day
# (but "the end of today", "the morning of tomorrow" do).
GENERIC_DAYS = ("tomorrow", "today")
# Words that make "X of" a preposition, after which a day word is a day: "as of today", "ahead of tomorrow"
OF_PREPOSITIONS = ("as", "ahead", "instead", "because", "regardless", "short", "inside", "outside")

# --- clock times ---------------------------------------------------------------------------------

# Time zones written after clock times ("3 p.m. EST"); they are part of the expression.
TIME_ZONES = ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
              "ET", "PT", "CT", "local time", "Eastern", "Pacific", "Central")
# What makes a bare 24-hour number a clock time ("0900 GMT", "14.30 hours") rather than a year or
# an amount; a dotted one also takes "h" ("10.30h").
CLOCK_ZONES = ("GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET",
               "local time", "hours", "hrs")

# --- relative expressions ------------------------------------------------------------------------

# last/this/next: the period before, of, or after the publication date's.
SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0, "present": 0,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1, "this past": -1, "this coming": 1,
}
# "the next day", "the previous week", "that same day": units from the date the text last mentioned.
ANAPHORIC_SHIFTS: dict[str, int] = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1,
                                    "same": 0}
# "the following Friday", "the coming Monday": a weekday after or before the date last mentioned.
ANAPHORIC_WEEKDAY_SHIFTS: dict[str, int] = {"next": 1, "following": 1, "coming": 1, "previous": -1,
                                            "preceding": -1, "prior": -1}

# "the following March", "the previous summer": a month or season after or before the date last
# mentioned ("the coming spring" is the reader's: vocab.SHIFTS).
ANAPHORIC_NAMED_SHIFTS: dict[str, int] = {"next": 1, "following": 1, "previous": -1, "preceding": -1,
                                          "prior": -1}

# Days named from the day of writing (or of speaking, in a quotation): days after it.
DEICTIC_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                                "the day before yesterday": -2, "the day after tomorrow": 2}

# "two days later", "a year earlier": the direction of a count from the date last mentioned.
DIRECTIONS: dict[str, int] = {"later": 1, "earlier": -1, "afterward": 1, "afterwards": 1, "previously": -1}
# These end such an expression only when no noun phrase follows ("a day before the vote" is
# counted from the vote, not from the last date).
BARE_DIRECTIONS: dict[str, int] = {"before": -1, "after": 1, "prior": -1, "on": 1}

# --- modifiers, kept inside the expression's span as TimeML does, with their TIMEX3 mod -----------

# Before the expression: "early November", "mid-2024", "late on Friday".
POSITION_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID", "middle": "MID",
    "early on": "START", "late on": "END",
}
# Before the expression with "of (the)": "the end of November", "the first half of the 1990s".
OF_POSITION_MODS: dict[str, str] = {
    "beginning": "START", "start": "START", "dawn": "START", "first half": "START", "early part": "START",
    "end": "END", "close": "END", "second half": "END", "last half": "END", "latter half": "END",
    "latter part": "END", "middle": "MID",
}
# Before an amount (and "about" before a date): "about two years", "more than a decade ago".
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "circa": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "pre": "BEFORE", "post": "AFTER",
    "just about": "APPROX",
}
# After the expression, with "or": "two years or so", "2025 or later".
RIGHT_MODS: dict[str, str] = {
    "so": "APPROX", "later": "ON_OR_AFTER", "after": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE",
    "before": "ON_OR_BEFORE", "more": "EQUAL_OR_MORE", "less": "EQUAL_OR_LESS", "fewer": "EQUAL_OR_LESS",
}
# "get around Wednesday's ruling", "came about Friday": the verb's particle, not "about".
PHRASAL_VERBS = tuple("""
get gets got getting gotten come comes came coming turn turns turned turning go goes went going work works
worked working bring brings brought hang hanging stick stuck move moved think thinking thought talk talked
talking
""".split())
# "over" means "more than" after these ("lasted over a week", "for over a decade"), else "across".
OVER_MEANS_MORE_AFTER = tuple("""
last lasts lasted lasting for after take takes took taking in of than spent spend waited wait within served
serve is was be been are were now already
""".split())
# Verbs of how long something took: "spent two weeks before Christmas" is a stay, not a date.
DURATION_VERBS = tuple("""
for spent spend spends spending took take takes lasted lasts last served serve waited wait stayed stay
remained remain only just
""".split())

# --- context: when a number, a month or a weekday is (not) a date ---------------------------------

# Words after a four-digit number that make it an amount, a clock time or an address, not a year.
MEASURE_WORDS = tuple("""
percent|per cent|%|million|billion|trillion|thousand|hundred|kg|km|mile|miles|feet|ft|meter|meters|metre|metres
|ton|tons|tonne|tonnes|barrel|barrels|point|points|vote|votes|people|dollars|euros|yuan|yen|pounds|rupees|pesos
|won|baht|ringgit|calories|acres|hectares|units|shares|cc|mm|cm|mph|kph|megawatt|megawatts|mw|gw|kw|watts
|degrees|°
""".replace("\n", "").split("|"))
ADDRESS_WORDS = ("block", "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
                 "highway")
NOT_A_YEAR_AFTER = MEASURE_WORDS + CLOCK_ZONES + ADDRESS_WORDS
# Words before a number that make it a code or a count ("room 1207", "flight 1955", "some 2000"),
# unless a preposition of time stands right before it.
NOT_A_YEAR_BEFORE = tuple("""
no nos number numbers room rooms flight route highway page pages pp p bus train track exit channel code
model version suite apartment apt box pin serial ticket line gate rule resolution article section chapter
verse item row seat lot unit ward zone district block building floor level grade size type class form
issue vol volume windows office cell population of about around some nearly almost than to and or by only
just over under approximately roughly estimated total totalling totaling
""".split())
# Words right before a year that make it one ("in 1998", "the 1998 elections", "fiscal 1998").
YEAR_CONTEXT_BEFORE = tuple("""
in since by until till from before after during through of year early late mid fiscal the and or to
between circa c. around spring summer autumn fall winter
""".split())
# Prepositions that let a year past 2099 stand alone ("by 2100", not "the 2100 block").
FAR_YEAR_CONTEXT_BEFORE = ("by", "in", "until", "till", "before", "after", "since", "through")
# A year before a plural noun is an amount ("2000 people") unless a determiner makes it a date.
DETERMINERS = ("the", "its", "his", "her", "their", "our", "a", "an", "this", "that", "whose")
# Words ending in -s after a number that are no plural noun ("in 1998 was", "2000 as").
NOT_PLURAL_NOUNS = tuple("""
was is has as this thus its his always perhaps less unless across plus versus towards afterwards besides
nevertheless whereas does yes
""".split())
# Street names: "1600 Pennsylvania Avenue" is an address (case-sensitive).
STREET_WORDS = ("Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Drive", "Way",
                "Place", "Square", "Court", "Parkway", "Highway")

# Words before a month that make it a date ("in May", "since March", "as of June").
MONTH_CONTEXT_BEFORE = tuple("""
in of since by until till from before after during through throughout early late mid last next this that
each every between and or to on past coming end beginning start middle around about
""".split()) + ("as of",)
# "the March accession", "a June agreement": a month between one of these and a common noun.
# Gerunds of a result after "after" ("will face Alcaraz after beating Sinner on Friday"): a result is
# known, so its day is one gone by (timeline/temporal/tense.py).
RESULT_GERUNDS = (
    "beating", "defeating", "winning", "losing", "drawing", "thrashing", "edging", "overcoming", "clinching",
    "securing", "claiming", "surviving", "knocking out", "eliminating", "crashing out", "topping",
)
# Words before such a gerund that make the result a prospect, not yet known ("could form a government
# after winning a majority on Sunday", "if", "expected to"): the day keeps the tense of its clause.
RESULT_PROSPECTS = (
    "if", "could", "would", "might", "may", "should", "unless", "hope", "hopes", "hoping", "expected", "expects",
    "likely", "poised", "bid", "aim", "aims", "aiming", "bidding", "chance", "chances",
)
# Past forms that are also nouns ("the next rate cut in June", "a big hit in March"): no past tense after
# one of PAST_FORM_NOUN_BEFORE (an article, an adjective, a noun they compound with).
PAST_FORM_NOUNS = ("cut", "hit", "set", "shot")
PAST_FORM_NOUN_BEFORE = (
    "a", "an", "the", "its", "his", "her", "their", "our", "next", "further", "another", "first", "big",
    "deep", "rate", "tax", "price", "pay", "job", "budget", "spending", "interest", "wage", "fare", "cost",
    "benefit", "aid", "output", "production",
)
MONTH_ADJECTIVE_BEFORE = ("the", "a", "an", "its", "their", "his", "her")
# ... but not these words after it ("the May government", "a June who").
NOT_EVENT_NOUNS = frozenset("""
to and for the who was has said government administration cabinet family ministry premiership
""".split())
# Titles before a name: "Mr. August Kim", "Dr. May Lee", "Sen. March" (case-sensitive).
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sen", "Rep", "Gen", "Col", "Capt", "Lt", "Sgt")

# "the Mail on Sunday": newspapers named for the day they appear (case-sensitive).
PAPERS_ON_SUNDAY = ("Mail", "Independent", "Scotland")
# A weekday before these is a kind of day, not a date: "a Sunday roast", "the Sunday edition".
WEEKDAY_NOUNS = ("edition", "editions", "paper", "papers", "newspaper", "roast", "school", "lunch", "brunch",
                 "supplement", "magazine", "best", "clothes", "shift", "shifts", "driver", "drivers")
# After "a" a weekday is a kind of day ("a Sunday roast", "fell on a Thursday"), unless one of these
# occasions follows it, with at most one word between: "a Wednesday media event", "in a Tuesday
# statement", "at a Monday news conference" name the day it took place.
WEEKDAY_OCCASIONS = ("event", "statement", "conference", "briefing", "interview", "speech", "address",
                     "announcement", "meeting", "session", "hearing", "vote", "ruling", "filing", "report",
                     "letter", "memo", "post", "posting", "broadcast", "keynote", "summit", "rally", "appearance",
                     "presentation", "release", "decision", "deadline", "raid", "attack", "game", "match")
# Words before a plural weekday that make it a set: "on Mondays", "most Fridays".
WEEKDAY_SET_BEFORE = ("on", "most", "all", "some", "many", "weekday")

# Words before a season that make "fall" or "spring" a season ("in fall", "last spring").
SEASON_CONTEXT_BEFORE = tuple("""
in this last next that early late mid since by until till during through throughout each every past
coming of before after following previous
""".split())

# "twice a week", "three times a day": counts of times before "a unit" (a set).
FREQUENCY_WORDS = ("once", "twice", "thrice", "times")
# "for a month", "within a week", "nearly an hour": before "a unit", a duration, not a rate.
DURATION_CONTEXT_BEFORE = tuple("""
for in within over about around nearly almost than under after before of to as least only take takes took
last lasted lasts spend spent just some up
""".split())

# "quarterly" is a set when it says how often ("reports quarterly", "paid quarterly, in cash"), not
# when it describes a noun ("its quarterly dividend"): these words may follow the adverb.
ADVERB_FOLLOWERS = tuple("""
and or but in on at to for from by with as than instead rather since until through after before
""".split())

# Prepositions that make a period the time an event happens in ("will open in the fourth quarter"),
# not what a noun is about ("fourth-quarter results").
WHEN_BEFORE = ("in", "during", "by", "until", "till", "through", "into", "within", "before")

# "overnight" means "suddenly" after these ("virtually overnight"), and is a kind of stay after "an".
SUDDENLY_BEFORE = ("a", "an", "almost", "nearly", "virtually", "practically", "literally", "seemingly")
SUDDEN_NOUNS = ("success", "sensation", "star", "celebrity", "fame")

# Counts before "days before", "weeks after", "a week from": "three days after Christmas".
COUNT_WORDS = ("the", *(w for w, n in NUMBERS.items() if n <= 31 and " " not in w and w != "single"))

# Modal verbs: "will soon begin", "could one day return" point to the future.
MODALS = ("may", "might", "could", "can", "will", "would", "should", "must", "shall")
# Before "the last five years", these make "last" a verb ("expected to last six weeks").
VERB_BEFORE_LAST = ("to", "will", "would", "could", "may", "might", "can", "should", "must", "did", "does",
                    "didn't", "didn’t", "won't", "won’t")

# Reporting verbs: an attribution ("she said Wednesday") dates the quotation it follows.
REPORTING_VERBS = ("said", "says", "told", "added", "announced", "declared", "insisted", "wrote", "recalled",
                   "explained")

# A plan or schedule made for a date: "have called a meeting for Friday", "a vote set for Tuesday",
# "adjourned until Monday". A weekday or month after one of these words and "for"/"until" is one
# still to come, unless the sentence tells it in the simple past ("called a strike for Friday",
# read after that Friday).
SCHEDULE_WORDS = ("call", "calls", "called", "set", "sets", "scheduled", "schedules", "planned", "plans",
                  "slated", "booked", "fixed", "arranged", "organised", "organized", "rescheduled",
                  "postponed", "delayed", "deferred", "adjourned", "meeting", "vote", "strike", "walkout",
                  "hearing", "session", "rally", "talks", "summit", "election", "referendum", "deadline",
                  "appointment", "ballot", "debate", "trial", "sentencing", "launch", "opening", "release")
# Words that open a clause of its own right after a date ("said on Wednesday that costs could hit
# $3 billion"): after a verb of saying (REPORTING_VERBS), the verbs of that clause do not date it.
CLAUSE_OPENERS = ("that", "which", "who", "whom", "whose", "because", "if", "whether", "although", "though",
                  "unless")
# Participles of a plan that may open a clause after a comma ("was leaving that afternoon,
# scheduled to arrive by Friday"): after a past progressive the plan is told in the past.
PLAN_PARTICIPLES = ("scheduled", "expected", "due", "set", "slated", "planned", "supposed", "bound")
# Verbs that set a state to last "until" a day ("postponed the vote until Monday", "was closed
# until Thursday"): that day is still to come, though the verb is in the past.
UNTIL_STATES = ("delay", "delayed", "postpone", "postponed", "defer", "deferred", "adjourn", "adjourned",
                "extend", "extended", "suspend", "suspended", "close", "closed", "shut", "halt", "halted",
                "recess", "recessed", "pushed", "put")
# After "could", these verbs of perception make it the past of "can", no plan: "I could smell the
# oil". Not "see", "feel", "watch": "Florida could see oil by Friday" is a forecast.
PERCEPTION_VERBS = ("hear", "smell", "taste")
# Plural present forms of the verbs of a timetable ("polls close at 8 p.m. Tuesday", "talks resume
# Monday"): future after a plural subject, as "closes", "resumes" are after a singular one.
SCHEDULE_PLURAL_VERBS = ("open", "close", "begin", "start", "end", "resume", "reopen", "meet", "convene",
                         "arrive", "depart", "expire")
# Past participles not in -ed that differ from the past tense, for the present perfect ("has
# broken", "have risen"; tense.perfect_after; the past forms in tense.py serve for "has held").
IRREGULAR_PARTICIPLES = tuple("""
broken taken given seen done gone shown fallen grown risen written spoken driven chosen known begun
flown thrown drawn worn torn sworn stolen frozen forgotten hidden eaten beaten ridden woken withdrawn
""".split())
# Verbs of a relative clause that says a period recurs every year ("the season, which runs from
# June 1 to November 30, was ..."): the main clause after it dates the period (tagger.py).
RECURRING_VERBS = ("runs", "run", "lasts", "last", "stretches", "stretch", "extends", "extend", "spans", "span")
# Times of the working day that the tagger does not date, written between a copula and "on" and a
# day ("the deadline is close of business on Friday"): the arrangement is for that day (tense.py).
WORKING_DAY_TIMES = ("close of business", "end of business", "close of play", "end of play", "close of trading",
                     "end of trading", "start of trading", "start of business", "the close of business",
                     "the end of business", "the close of play", "the end of play", "the close of trading",
                     "the end of trading", "the start of trading", "the start of business")
# Words that end the noun a clock time is written before ("a 10 p.m. curfew on Friday"): a word
# that joins a clause or opens a phrase of another kind ("the 10 p.m. news and on Friday", "a 6
# a.m. raid in the city on Friday"), and pronouns, which open a clause. Verbs end it too (tense.py).
NOT_IN_A_CLOCK_NOUN = tuple("""
and or but nor so yet then than that which who whom whose when where while because as if
to until till from at by before after since for in into of with without over through during against
about between among across near per on off up down out
he she it they we you i his her its their our my your this these those
""".split())

# Between two dates written as a range: "from 23 March to 1 June 2020", "between May and June of 2019".
RANGE_JOINERS = ("to", "until", "till", "through", "thru", "and", "-", "–", "—")

# --- anchors -------------------------------------------------------------------------------------

# Words that occur in temporal expressions and hardly anywhere else: every expression a rule
# recognises contains one of them, or one of the vocabulary words above (months, weekdays, units,
# seasons, parts of the day, decades, holidays), or a number shaped like a year or a clock time.
# The scanner looks for these first and tries the rules only around them (grammar.Grammar.scan).
ANCHOR_WORDS = frozenset("""
today tonight tomorrow yesterday now nowadays currently current present presently moment recent
recently lately past future soon shortly someday ago daily weekly monthly quarterly annually yearly
nightly hourly noon midnight fiscal fy period periods half halves term date clock o'clock o’clock
nineteen twenty eighteen seventeen thousand daylong weeklong monthlong yearlong hourlong
bc bce b
""".split())
