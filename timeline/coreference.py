"""Event coreference: a sentence without a date of its own that names, with a definite noun
phrase, an event an earlier sentence of the article dated ("Gunmen killed three people on Tuesday
in Kano. ... The shooting was the third in the city": the shooting is Tuesday's).

Knowledge is the table `FAMILIES`: the words (nouns and verb forms) that tell of one kind of event.
A word of a family in a dated clause makes that clause's date the family's; a later undated
sentence whose subject is "the/this/that <family noun>" (at most two words between: "The fatal
shooting") is put at it, where its tense agrees (timeline.events). `referents` and `mentions` are
the two questions `timeline.events` asks. A noun elsewhere in the sentence is not enough: "Aides
would not comment on the slaying" tells of today's comment (TimeBank dates it so).
"""

from __future__ import annotations

import re

#: Kind of event -> (the nouns that refer back to it, the other words that tell of it).
FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "killing": (("killing", "killings", "shooting", "shootings", "slaying", "slayings", "murder", "murders",
                 "assassination", "homicide", "attack", "attacks"),
                ("killed", "shot", "slain", "murdered", "assassinated", "gunned")),
    "bombing": (("bombing", "bombings", "blast", "blasts", "explosion", "explosions", "attack", "attacks"),
                ("bombed", "exploded", "bomb", "bombs")),
    "crash": (("crash", "crashes"), ("crashed",)),
    "vote": (("vote", "votes", "voting", "ballot", "referendum"), ("voted",)),
    "election": (("election", "elections"), ("elected",)),
    "ruling": (("ruling", "verdict", "decision"), ("ruled", "decided")),
    "arrest": (("arrest", "arrests"), ("arrested",)),
    "resignation": (("resignation",), ("resigned",)),
    "ceremony": (("ceremony",), ()),
    "signing": (("signing",), ("signed",)),
    "earthquake": (("earthquake", "quake"), ()),
    "meeting": (("meeting", "summit", "talks"), ("met",)),
    "announcement": (("announcement",), ("announced",)),
}

_NOUNS: dict[str, tuple[str, ...]] = {}
_WORDS: dict[str, tuple[str, ...]] = {}
for _family, (_nouns, _others) in FAMILIES.items():
    for _w in _nouns:
        _NOUNS[_w] = (*_NOUNS.get(_w, ()), _family)
    for _w in (*_nouns, *_others):
        _WORDS[_w] = (*_WORDS.get(_w, ()), _family)

# Words between the determiner and the noun that make it another event than the one told before.
_OTHER = r"next|upcoming|coming|previous|first|second|third|last|latest|future|planned|proposed|possible|new|same"
_NOUN = "|".join(sorted(_NOUNS, key=len, reverse=True))
# The subject of the sentence: a definite noun phrase at its start, at most two words before the noun.
_DEFINITE = re.compile(
    rf"^[\s\"“'`]*(?:the|this|that|these|those)\s+(?:(?!(?:{_OTHER})\b)[\w-]+\s+){{0,2}}?({_NOUN})\b",
    re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def referents(sentence: str) -> list[str]:
    """The families of the event the sentence names as its subject with a definite noun phrase
    ("The fatal shooting was ..." -> ["killing"]; "A shooting ...", "The next shooting ..." -> [])."""
    m = _DEFINITE.match(sentence)
    return list(_NOUNS[m.group(1).lower()]) if m is not None else []


def mentions(text: str) -> list[tuple[int, str]]:
    """The families of the event words of a text, each with where the word is."""
    out = []
    for m in _WORD.finditer(text):
        for family in _WORDS.get(m.group().lower(), ()):
            out.append((m.start(), family))
    return out
