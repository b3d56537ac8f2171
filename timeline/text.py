"""Split article text into paragraphs and sentences, keeping character offsets into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.frozen import quick_init
from timeline.temporal.vocab import MONTHS

_NOT_LETTER = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))  # a-z kept, every other byte a space


def letter_runs(low: str) -> list[bytes]:
    """The runs of letters a-z of a lowercased ASCII text, as bytes (`re.findall("[a-z]+", low)`
    read off the text's bytes: every byte but a-z made a space, then split; two C calls, twice as
    quick as the regex on a sentence)."""
    return low.encode("ascii").translate(_NOT_LETTER).split()


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a [start, end) span of the article text."""

    index: int
    paragraph: int
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start:self.end]


# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st sen rep gov gen col lt sgt capt cmdr adm maj rev hon pres supt insp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vol p pp fig inc corp co ltd bros dept univ assn est approx vs etc al cf ave blvd rd mt ft
u.s u.k u.n e.u a.m p.m i.e e.g d.c l.a n.y
""".split())

# The same for other languages (added to the English ones, which their news quotes too);
# "p. ej.", "p. ex.", "p. es." end on a word of the table; the months as wire datelines abbreviate them
# ("EL CAIRO, 28 Ene. (EUROPA PRESS) -", "28 janv.", "28 giu.") end no sentence.
LANGUAGE_ABBREVIATIONS = {
    "es": frozenset("""
sr sra sres srta dr dra lic ing arq av avda pág págs núm dña d ud uds vd vds ej etc aprox tel
dpto cía hnos gral excmo ilmo art ee.uu eeuu cap fig vol ee uu
ene abr ago dic
""".split()),
    "fr": frozenset("""
m mm mme mmes mlle mlles dr me mgr pr st ste av bd ex etc cf chap fig vol éd env art tél
janv févr fév avr juil déc
""".split()),
    "it": frozenset("""
sig sigg sigra sig.ra dott dott.ssa prof prof.ssa avv ing on sen rag geom arch mons es ecc pag
pagg art fig vol tel cfr cav gen
mag giu lug ago set ott dic
""".split()),
}

# Month names that a day number with a full stop may come before ("am 8. Januar 2015", German
# style; "8. January" in English that follows it): the full stop is an ordinal's, not a sentence's
# end. Only capitalised names matter (a sentence never ends before a small letter); the languages
# that write "8." with a month in small letters (Danish, Czech, Finnish...) are never split there.
MONTHS_AFTER_DAY = frozenset([m.capitalize() for m in MONTHS] + """
Januar Jänner Februar Feber März Mär April Mai Juni Juli August September Oktober Okt November Dezember Dez
""".split())
_DAY_ORDINAL = re.compile(r"(?:3[01]|[12]\d|0?[1-9])")
_MONTH_AFTER = re.compile(r"\s+([^\W\d_]+)\.?(?!\w)")

# An article elided before a word in Italian ("l'", "dall'", "sull'").
_ELIDED = re.compile(r"^[^\W\d_]{1,5}['’]")

# Paragraphs end at a blank line. A single line break ends one too (one paragraph per line is
# common in news text), except inside a hard-wrapped sentence: when the line is long, does not end
# a sentence and the next line is not a list item or heading.
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_BLOCK_START = re.compile(r"(?:[-*+#>]|\d+[.)])\s")
_SENTENCE_END_CHARS = frozenset(".!?:;\"”’)]")
_WRAPPED_LINE = 50  # a line at least this long that stops mid-sentence was wrapped


# A line near the top that opens with a date, a weekday or "By": a dateline or byline, never the
# rest of the line before it.
_DATELINE_START = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun"
    r"|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|By\s+[A-Z]|(?:Updated|Published|Posted)\b)")
_TOP_LINES = 3  # datelines and bylines come in the first lines of a text
_TOP_CHARS = 600
_FIRST_WORD = re.compile(r"\S+")


def _soft_wrap(text: str, brk: re.Match[str], line_start: int, first: bool) -> bool:
    """Whether the line break `brk` only wraps a sentence. Never after a heading, nor after a
    first line in title case without final punctuation (a headline), unless the next line goes on
    in lower case; never before a dateline or byline near the top of the text."""
    before = text[line_start:brk.start()]
    after = text[brk.end():brk.end() + 3]
    if not before or not after or _BLOCK_START.match(after) or before.startswith("#"):
        return False
    if brk.start() < _TOP_CHARS and _DATELINE_START.match(text, brk.end()) \
            and text.count("\n", 0, brk.start()) < _TOP_LINES:
        return False
    if after[0].islower():
        word = _FIRST_WORD.match(text, brk.end())
        return not first or word is None or word.group().islower()  # "iPhone" may start a title's next line
    if first and before[-1] not in _SENTENCE_END_CHARS and _title_case(before):
        return False
    return len(before) >= _WRAPPED_LINE and before[-1] not in _SENTENCE_END_CHARS


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case(line: str) -> bool:
    """Whether most longer words of a line are capitalised, as in a headline ("Carmaker Unveils
    Its First Electric Truck"); a wrapped line of body text is not."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 2 and 3 * sum(1 for w in words if w[0].isupper()) >= 2 * len(words)


# A sentence ends at . ! ? (and closing quotes or brackets after it) before whitespace and a
# capital letter, a digit, an opening quote or a name written with a small letter first ("iPhone",
# "eBay").
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?(?:[A-Z0-9]|[a-z]{1,2}[A-Z]))""")
# In other languages a sentence may also end at "…", close with "»", and the next open with
# "«", "¿", "¡", "—" or a capital with an accent ("Él", "À", "È").
# Chinese and Japanese end one at "。", "！" or "？" (and its closing marks), no space after it.
_END_OTHER = re.compile(r"""(?:[.!?]+|…)["'”’»)\]]*"""
                        r"""(?=\s+(?:["'“‘«¿¡(\[—–-]\s?)*(?:[^\W\d_a-zà-ÿ]|\d|[a-z]{1,2}[A-Z]))"""
                        r"""|[。！？]+[」』”’）]*(?=\S)""")


# A list whose line breaks were lost ("1991: 520m gallons were released ... 1979: 140m gallons were
# spilt ...", "20 April: Rig explodes 28 April: ..."): each item opens with its date (a year, a
# range of years, a day, a month, "1996 onwards", "Jan 15, 1985 -- July 31, 1987") and a colon.
# A sentence with two such openings or more is one sentence an item; the last item also ends
# before a capitalised connective with its comma ("... in Alaska However, this was ...").
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[0-9]|20)\d\d"
_ITEM_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+{_YEAR})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+{_YEAR})?|{_MONTH}\s+{_YEAR}"
              rf"|{_YEAR}(?:\s*[-–/]\s*(?:{_YEAR}|\d\d))?)(?![\w-])")
_ITEM_OPENING = re.compile(rf"(?<!\S){_ITEM_DATE}(?:\s*(?:--|[-–—])\s*{_ITEM_DATE})?(?:\s+onwards)?:\s+(?=\S)")
_LOST_BREAK = re.compile(r"(?<=[a-z])\s+(?=(?:However|Meanwhile|Moreover|Nevertheless|Furthermore|Still),\s)")


def _items(text: str, start: int, end: int) -> list[int]:
    """Where a sentence text[start:end] that is a run-on list of dated items is to be cut (none
    when it has fewer than two item openings)."""
    openings = [m.start() for m in _ITEM_OPENING.finditer(text, start, end)]
    if len(openings) < 2:
        return []
    cuts = [p for p in openings if p > start]
    last = _LOST_BREAK.search(text, openings[-1], end)
    return cuts + [last.end()] if last else cuts


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    if "\n" not in text:  # one line (a collection's row): one paragraph, as the loop below finds
        return [(0, len(text))]
    spans = []
    start = 0
    content = len(text) - len(text.lstrip())  # where the text's first line with content starts
    for block in _BLANK_LINE.finditer(text + "\n\n"):
        end = min(block.start(), len(text))
        line_start = pstart = start
        for brk in _LINE_BREAK.finditer(text, start, end):
            # The first line is the one before which only whitespace comes (found once: asking
            # at every line break made single-line paragraphs quadratic).
            if not _soft_wrap(text, brk, line_start, first=line_start <= content):
                spans.append((pstart, brk.start()))
                pstart = brk.end()
            line_start = brk.end()
        spans.append((pstart, end))
        start = block.end()
        if start >= len(text):
            break
    return spans


def segment(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences of `text` in order; a line break always ends a sentence (news paragraphs and
    list items), and "Jan.", "Mr.", "U.S." do not; in another language (`lang`) neither do its
    own abbreviations ("Sr.", "Mme.", "p. ej.")."""
    end = _END if lang == "en" else _END_OTHER
    abbreviations = ABBREVIATIONS if lang not in LANGUAGE_ABBREVIATIONS else (
        ABBREVIATIONS | LANGUAGE_ABBREVIATIONS[lang])
    out: list[Sentence] = []
    for pno, (pstart, pend) in enumerate(s for s in _paragraph_spans(text) if text[s[0]:s[1]].strip()):
        start = pstart
        for m in end.finditer(text, pstart, pend):
            dot = m.start()
            if text[dot] == ".":
                lo = max(pstart, dot - 40)
                cut = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\t", lo, dot), lo - 1)
                word = text[cut + 1:dot].lstrip("\"'“‘«([").lower()
                if lang == "it":  # "l'on.", "dall'avv.": the abbreviation after it (French "l'art." ends one)
                    word = _ELIDED.sub("", word)
                if word.rstrip(".") in abbreviations or (len(word) == 1 and word.isalpha()):
                    continue
                if _DAY_ORDINAL.fullmatch(word) and _month_after(text, m.end()):  # "8. Januar"
                    continue
            _add_items(out, text, start, m.end(), pno)
            start = m.end()
        _add_items(out, text, start, pend, pno)
    return out


def _month_after(text: str, pos: int) -> bool:
    """Whether a month name of MONTHS_AFTER_DAY is the next word after `pos`."""
    after = _MONTH_AFTER.match(text, pos)
    return after is not None and after.group(1) in MONTHS_AFTER_DAY


def _add_items(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """The sentence text[start:end], as one sentence an item when it is a run-on list of dated items."""
    # Each item opening holds a colon of its own: two openings need two colons (most sentences have none).
    for cut in _items(text, start, end) if text.count(":", start, end) >= 2 else ():
        _add(out, text, start, cut, paragraph)
        start = cut
    _add(out, text, start, end, paragraph)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(len(out), paragraph, start, end))
