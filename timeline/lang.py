"""The language of an article: as its metadata says it (`normalize`), else as its words tell
(`detect`), English when the text is too short to tell.

`detect` is a stopword test: it counts, among the first words of the text, those that are among
the commonest function words of each language below (articles, prepositions, pronouns,
conjunctions, auxiliaries); the language with the most wins if it counts at least MIN_HITS,
clearly more than the runner-up (MARGIN times), and a tenth of the words read (SHARE). Function
words make up a third to a half of running text in these languages and most of those listed
belong to one language only (one-letter words, shared by several, are not listed), so a few
hundred words decide; a text that gives no clear answer (too short, mixed, or in a language not
listed) is English, the tagger's own language.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.text import letter_runs

__all__ = ["DEFAULT", "LANGUAGES", "detect", "html_lang", "normalize"]

DEFAULT = "en"

# The commonest function words of each language that are not (or rarely) words of the others.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it was on with as by at from his are be this have "
                    "had has not but which were they their been would will an or who its said".split()),
    "es": frozenset("el la los las del de en que por con para una un es se su sus al como más pero "
                    "fue han ha lo le este esta entre sobre también sin desde cuando muy ya según".split()),
    "fr": frozenset("le la les des du de et en est que qui une un pour dans par sur au aux pas ne il "
                    "elle ont été avec ce cette son ses mais plus selon leur nous vous".split()),
    "it": frozenset("il lo la gli le dei delle del della di è che per con una un non si sono nel "
                    "nella alla al dal dalla anche come più ma ha hanno questo questa".split()),
    "pt": frozenset("os as do da dos das de em que para com uma um não se por no na ao mais "
                    "foi são também como mas pelo pela seu sua".split()),
    "de": frozenset("der die das und ist nicht ein eine den dem des mit von zu im auf für sich auch "
                    "es wird wurde sind hat haben dass nach bei aus".split()),
}
LANGUAGES = tuple(_STOPWORDS)
MIN_HITS = 8  # function words the winner must count: below this the text is too short to tell
MARGIN = 1.5  # the winner must count this many times the runner-up's hits
SHARE = 0.1  # ... and make up this share of the words read (a third or more in running text)
_WORDS = 400  # the first words read
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# `_WORD` on lowercased ASCII text, where a letter is [a-z] and there is no "’" (a plain class is
# twice as quick to scan as the Unicode one).
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
# Each stopword with the languages that list it: one look-up a word instead of one a language.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _stop in _STOPWORDS.items():
    for _w in _stop:
        _LANGUAGES_OF[_w] = (*_LANGUAGES_OF.get(_w, ()), _lang)

# The listed words of some language but the default one: a text with none of them is in the default
# language whatever it counts (the default wins, or nothing does and the default is the answer).
_OTHERS_WORDS = frozenset(w for w, langs in _LANGUAGES_OF.items() if any(code != DEFAULT for code in langs))
# The runs of letters ([a-z]+) of lowercased ASCII text: a word `_ASCII_WORD` reads that is a
# listed one (no apostrophe in it) is such a run, so the runs that are listed words count at least
# as many, and a count under MIN_HITS settles it at once (most English texts), with no list of words
# made. The runs (timeline.text.letter_runs) are bytes, counted against the listed words that are
# ASCII, as bytes (a word with another letter is never such a run).
_OTHERS_ASCII = frozenset(w.encode("ascii") for w in _OTHERS_WORDS if w.isascii())


def normalize(value: object) -> str | None:
    """A language code from metadata ("es", "es-ES", "fr_FR", "IT") as a lower-case ISO 639
    code ("es"), or None when it is not one."""
    m = _TAG.match(str(value).strip()) if value is not None else None
    return m.group(1).lower() if m else None


# A BCP 47 tag of the forms metadata gives: language (2-3 letters), optional script (4 letters),
# optional region (2 letters or 3 digits); "_" read as "-" (og:locale writes "fr_FR").
_BCP47 = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?")


def html_lang(value: object) -> str | None:
    """`value` ("fr", "fr_FR", "zh-hant-tw") as a BCP 47 tag for an HTML `lang` attribute, in its
    conventional case ("fr", "fr-FR", "zh-Hant-TW"); None when it is not one (nothing to write):
    the tag holds letters, digits and hyphens only, so it never needs escaping."""
    if not isinstance(value, str):
        return None
    m = _BCP47.fullmatch(value.strip().replace("_", "-"))
    if m is None:
        return None
    language, script, region = m.groups()
    return "-".join(filter(None, (language.lower(), script and script.title(), region and region.upper())))


def known(code: str) -> bool:
    """Whether the foreign tagger can read language `code` (an ISO 639 code from `normalize`):
    English, or a language dateparser has data for. Imports dateparser's list of languages."""
    return code == DEFAULT or code in _dateparser_codes()


@cache
def _dateparser_codes() -> frozenset[str]:
    """The languages dateparser has data for (once: a collection asks per row)."""
    from dateparser.data.languages_info import language_order

    return frozenset(name.split("-")[0].lower() for name in language_order)


def detect(text: str) -> str:
    """The language of `text` by the stopword test of the module docstring; "en" when unclear."""
    head = text[:20_000]
    if head.isascii():  # lowercased as a whole, the same words (one call, not one a word)
        low = head.lower()
        if sum(map(_OTHERS_ASCII.__contains__, letter_runs(low))) < MIN_HITS:
            return DEFAULT
        words = _ASCII_WORD.findall(low)[:_WORDS]
        # Another language wins only with MIN_HITS of its words: with fewer words of any other
        # language listed, the answer is the default, whatever the counts (a short text at once).
        if sum(map(_OTHERS_WORDS.__contains__, words)) < MIN_HITS:
            return DEFAULT
        listed = [w for w in words if w in _LANGUAGES_OF]
    else:
        words = _WORD.findall(head)[:_WORDS]
        listed = [w for w in map(str.lower, words) if w in _LANGUAGES_OF]
    if len(listed) < MIN_HITS:  # no language can count MIN_HITS (a short text): at once
        return DEFAULT
    hits = dict.fromkeys(_STOPWORDS, 0)
    for w in listed:
        for lang in _LANGUAGES_OF[w]:
            hits[lang] += 1
    ranked = sorted(hits, key=lambda k: (-hits[k], k))
    best, second = ranked[0], ranked[1]
    if hits[best] < MIN_HITS or hits[best] < MARGIN * hits[second] or hits[best] < SHARE * len(words):
        return DEFAULT
    return best
