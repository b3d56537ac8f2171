"""The tense around a temporal expression, from the verbs nearest to it in its sentence.

"said Friday" points back, "will meet Friday" points forward. Without a part-of-speech tagger we
read tense markers (auxiliaries, past forms, reporting verbs) and take the one nearest the
expression, preferring the ones before it in the same clause.
"""

from __future__ import annotations

import re

_FUTURE = (
    r"will|won['’]t|wo\s+n['’]t|shall|['’]ll|gonna|going\s+to|(?:is|are|am)\s+to|plans?\s+to|planning\s+to"
    r"|planned\s+to|planning\s+for|scheduled|supposed\s+to|expected\s+to|expects?|payable|effective|as\s+soon\s+as|ahead\s+of|until|intends?\s+to|set\s+to|due\s+to|aims?\s+to"
    r"|hopes?\s+to|wants?\s+to|would|upcoming"
)
_PRESENT = r"says|is|are|am|has|have|does|do|remains?|continues?"
_IRREGULAR_PAST = (
    "was were had did said told went came took made met began left saw won lost fell rose sold bought paid "
    "held found gave got became hit put set cut shot struck fought brought thought sent spent led ran kept "
    "knew wrote spoke broke chose drove flew grew threw stood sat fled sank swore woke withdrew overtook "
    "undertook arose ate drank forgot froze hid hung laid lay meant read rode rang sang shook shut slept "
    "slid sought stole stuck swept swung taught tore understood wore wove wound"
)
_TENSE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE})|(?P<present>{_PRESENT})|(?P<past>{'|'.join(_IRREGULAR_PAST.split())}"
    r"|\w{2,}ed))\b",
    re.IGNORECASE,
)
# Words ending in -ed that are rarely past-tense verbs in news.
_NOT_PAST = frozenset("""
need needed indeed speed seed feed breed bleed deed weed creed united limited red bed wed shed
alleged proposed expected scheduled planned supposed based related concerned interested
""".split())
# Past forms ending in -eed: most -eed words are present forms ("succeed", "proceed", "exceed").
_PAST_EED = frozenset("agreed freed guaranteed decreed disagreed refereed".split())
# A participle right after a form of "be" or "have" ("will be paid", "has been completed") is not a
# tense marker of its own: the auxiliary before it is.
_AUXILIARY_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|was|were|has|have|had|get|got)\s+$", re.IGNORECASE)


def tense_at(sentence: str, pos: int) -> str | None:
    """"past", "present", "future" or None: the tense marker nearest to character `pos`
    (an offset into `sentence`), markers before it weighing more than those after it."""
    best: tuple[float, str] | None = None
    for m in _TENSE.finditer(sentence):
        kind = m.lastgroup
        assert kind is not None
        word = m.group().lower()
        if kind == "past" and (word in _NOT_PAST or (word.endswith("eed") and word not in _PAST_EED)
                               or (word.startswith("un") and word.endswith("ed"))
                               or _AUXILIARY_BEFORE.search(sentence, max(0, m.start() - 8), m.start())):
            continue
        dist = pos - m.end() if m.end() <= pos else (m.start() - pos) * 1.5
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None
