"""The tense around a temporal expression, from the verbs nearest to it in its sentence.

"said Friday" points back, "will meet Friday" points forward. Without a part-of-speech tagger we
read tense markers (auxiliaries, past forms, reporting verbs) and take the one nearest the
expression, preferring the ones before it in the same clause.
"""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.pieces import PIECES, alt

# Characters either side of an expression that its tense is read from: the verbs that govern a date
# are near it, and a bounded window keeps a run-on sentence of dates linear.
TENSE_WINDOW = 200

# Tense markers, as word tables. Multi-word markers are matched before the single words they
# contain ("set to" is future, "set" alone is past; "is to" is future, "is" alone present).
_FUTURE_PHRASES = [tuple(p.split()) for p in """
as soon as | going to | is to | are to | am to | plans to | plan to | planning to | planned to
| planning for | supposed to | expected to | intend to | intends to | set to | due to | aim to | aims to
| hope to | hopes to | want to | wants to | ahead of | won 't | won ’t | wo n 't | wo n ’t
| forecast for | forecast to | is forecast | are forecast | as early as | no later than | no earlier than
| go to the polls | goes to the polls | head to the polls | heads to the polls | takes place | take place
| takes effect | take effect | comes into force | come into force | comes into effect | come into effect
| goes into effect | go into effect | goes on sale | go on sale | applies from | apply from
""".replace("\n", " ").split("|")]
_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _FUTURE_PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
# Future markers, with the present-tense verbs of a schedule ("trading opens Monday", "the summit
# ends Friday", "voters go to the polls on Nov. 3"), which news writes for what is yet to happen.
# The present of a timetable: singular forms here, plural ones (after a plural subject) in vocab.
TIMETABLE_WORDS = frozenset("""
reopens expires premieres
opens closes ends begins resumes kicks hosts arrives departs travels heads launches convenes reconvenes meets faces
testifies unveils runs plays visits starts finishes continues
""".split()) | frozenset(vocab.SCHEDULE_PLURAL_VERBS)
_FUTURE_WORDS = frozenset("""
will shall plans planning planned 'll ’ll gonna scheduled expects expect expected due payable effective until
would upcoming likely might should must
""".split()) | (TIMETABLE_WORDS - frozenset(vocab.SCHEDULE_PLURAL_VERBS))
# ("hasn", "isn": "hasn't", "isn't" as the tokens see them, the present as "has not" is)
_PRESENT_WORDS = frozenset("says is are am has have does do remain remains continue continues "
                           "hasn haven isn aren doesn".split())
_IRREGULAR_PAST = frozenset("""
was were had did said told went came took made met began left saw won lost fell rose sold bought paid
held found gave got became hit put set cut shot struck fought brought thought sent spent led ran kept
knew wrote spoke broke chose drove flew grew threw stood sat fled sank swore woke withdrew overtook
undertook arose ate drank forgot froze hid hung laid lay meant read rode rang sang shook shut slept
slid sought stole stuck swept swung taught tore understood wore wove wound
didn wasn weren hadn
""".split())  # the last line: "didn't", "wasn't" as the tokens see them ("didn" + "'t")
# Words ending in -ed that are rarely past-tense verbs in news.
_NOT_PAST = frozenset("""
need needed indeed speed seed feed breed bleed deed weed creed united limited red bed wed shed
alleged proposed expected scheduled planned supposed based related concerned interested
""".split())
# Verbs that begin with "un" (most "un-...ed" words are adjectives: "unexpected", "unnamed").
_UN_VERBS = frozenset("""
unveiled unleashed uncovered unearthed unlocked unfolded unraveled unravelled unsealed undermined unloaded
unified unplugged unfurled unseated untangled unmasked
""".split())
# Past forms ending in -eed: most -eed words are present forms ("succeed", "proceed", "exceed").
_PAST_EED = frozenset("agreed freed guaranteed decreed disagreed refereed".split())
# A participle right after a form of "be" or "have" ("will be paid", "has been completed") is not a
# tense marker of its own: the auxiliary before it is.
_AUXILIARIES = frozenset("be been being is are am was were has have had get got wasn weren hadn".split())
# Before a word of plan or schedule, these put the plan in the past: "had been due to expire
# Friday", "had planned to", "as previously scheduled".
_PAST_PLAN = frozenset("had been previously originally initially".split())
_DETERMINERS = frozenset("a an the its his her their our this that these those".split())
# After a preposition a word in -ed is an adjective, not a verb in the past ("fly over affected
# areas", "aid for displaced families").
_PREPOSITIONS = frozenset("of in on at for from with to into over among across about around toward towards".split())
# "was to blame" is no plan.
_NOT_A_PLAN_AFTER_WAS_TO = frozenset("blame".split())
# "due to" before a noun phrase gives a cause, no plan: "closed due to the storm", "due to a lack of".
_CAUSE_AFTER_DUE_TO = _DETERMINERS | frozenset("my your some no any many much several".split())
_MODALS = frozenset("will shall would 'll ’ll gonna".split())
# A present form after these ("will continue", "won't remain", "could still continue") is an
# infinitive: the modal before it is the marker. Words between them that leave it so: negations, adverbs.
_BEFORE_INFINITIVE = _MODALS | frozenset("could might should may must can won wo ca".split())
_BETWEEN_MODAL_AND_VERB = frozenset("not n't ’t 't never also still likely probably".split())
# After "could", these make it a past, a present or a report ("could not be reached", "could have
# fled", "could be located Wednesday"): no plan.
_NOT_A_PLAN_AFTER_COULD = frozenset("not n't ’t 't have 've ’ve be".split())
# Punctuation between a modal and a verb: no verb of it ("in May, said").
_PUNCTUATION = re.compile(r"[,;:.!?()\"“”]")
# Words, and contractions as words of their own ("they'll" is "they" + "'ll", "won't" "won" + "'t").
_TOKEN = re.compile(r"(?<![a-z])[a-z]+|['’](?:ll|t|s|d|re|ve|m)(?![a-z])")
_WORD_END = re.compile(r"\w*")
_UNTIL_BEFORE = re.compile(r"\buntil\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_RANGE_FROM = re.compile(r"\bfrom\b[^,;:]*$", re.IGNORECASE)
_UNTIL_STATE = re.compile(r"\b" + alt(vocab.UNTIL_STATES) + r"\b", re.IGNORECASE)
# What ends a clause, for "until": punctuation, quotation marks, and the words that open another.
_CLAUSE_BOUNDARY = re.compile(r"[,;:\"“”()]|\b(?:which|that|who|when|where|while|before|after|because)\b",
                              re.IGNORECASE)
_LEADING = re.compile(r"\s*(?:(?:but|and|yet|so|even)\s+)*", re.IGNORECASE)
# A relative clause that the expression ends: ", which was mounted on the well [Monday], will".
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\b[^,;:()\"“”]*$", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
_PERCEPTION = frozenset(vocab.PERCEPTION_VERBS)
_PAST_FORM_NOUNS = frozenset(vocab.PAST_FORM_NOUNS)
_PAST_FORM_NOUN_BEFORE = frozenset(vocab.PAST_FORM_NOUN_BEFORE)
_REPORTING = frozenset(vocab.REPORTING_VERBS)
_CLAUSE_OPENER = re.compile(r"[\s,]*\b" + alt(vocab.CLAUSE_OPENERS) + r"\b", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"([a-z]+)\s+$")
# A second predicate after the expression, coordinated ("planned a march on [Saturday] and were
# planning to ..."): its verb is not the one that governs the expression before it.
_COORDINATED = re.compile(r"\s*,?\s*\b(?:and|but|or)\s+(?=(?:was|were|is|are|has|have|had|will|would|did|could|can)\b)",
                          re.IGNORECASE)
# "am" right after a number is a clock's ("6am", "6 am"), no verb.
_NUMBER_BEFORE = re.compile(r"\d\s?$")
# "until" or "till" joining two clock times ("from 10pm until 6am on Friday") is a range, no tense:
# the day after it dates the whole range, in the tense of its clause.
_CLOCK = PIECES["clock"]
_FROM_CLOCK_BEFORE = re.compile(r"\bfrom\s+(?:" + _CLOCK + r")\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:" + _CLOCK + ")", re.IGNORECASE)


# "is" or "are" right before the expression, or before "at"/"on" and it, states an arrangement
# ("kick-off is at 8pm on Sunday", "the vote is Sunday"): yet to come; not after a pronoun that
# points at the scene ("it is Sunday"), nor before a possessive ("is Sunday's bombing").
_COPULAS = frozenset("is are".split())
_ARRANGED_BEFORE = re.compile(r"\s+(?:(?:at|on)\s+)?$")
# ... or after a time of the working day and "on" ("the deadline is close of business on Friday").
_ARRANGED_AT_TIME = re.compile(r"\s+(?:(?:at|by)\s+)?" + alt(vocab.WORKING_DAY_TIMES) + r"\s+on\s+$")
_NOT_AN_ARRANGEMENT_AFTER = frozenset("it this that there what which who".split())
_POSSESSIVE_AT = re.compile(r"[\w.-]+['’]s\b")
# ... or after a place and "on" ("the semi-finals are at Wembley on Saturday and Sunday", "is in
# Paris on Sunday"): "at" a place, or "in" a proper name ("is in hospital on Sunday" is a state).
_NAME_WORDS = r"(?:\s+(?:[A-Z][\w'’.-]*|de|du|des|la|le|of|del|di))*"
_ARRANGED_AT_PLACE = re.compile(
    r"\s+(?:(?:[Aa]t\s+(?:the\s+)?[\w'’.-]+|[Ii]n\s+(?:the\s+)?[A-Z][\w'’.-]*)" + _NAME_WORDS + r"\s+){1,2}"
    r"on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:,\s*|\s+(?:and|or)\s+))*")
# The present itself, after a copula, is a state, not an arrangement: "as deadly as they are today",
# "where we are now".
_PRESENT_AT = re.compile(r"(?:today|now|nowadays)\b")


def _arrangement(sentence: str, low: str, prev: str | None, end: int, pos: int) -> bool:
    """Whether the copula ending at low[end] states when something is arranged for: the
    expression at `pos` follows it, directly or after "at"/"on", after a place and "on", or after
    a time of the working day and "on" ("is close of business on Friday")."""
    return end <= pos and prev not in _NOT_AN_ARRANGEMENT_AFTER and (
        _ARRANGED_BEFORE.fullmatch(low, end, pos) is not None
        or _ARRANGED_AT_PLACE.fullmatch(sentence, end, pos) is not None
        or _ARRANGED_AT_TIME.fullmatch(low, end, pos) is not None) \
        and _POSSESSIVE_AT.match(low, pos) is None and _PRESENT_AT.match(low, pos) is None


_SCHEDULE_PLURAL = frozenset(vocab.SCHEDULE_PLURAL_VERBS)
# Plural subjects a timetable verb follows ("polls close", "they meet"); not "is", "was", "its".
_NOT_PLURAL_SUBJECT = frozenset("is was has its this us as his hers yours ours theirs whereas always perhaps".split())
_PLURAL_PRONOUNS = frozenset("they we you".split())
_NOT_A_VERB_AFTER = frozenset("to of up with".split())
_SCHEDULED_FOR = re.compile(
    r"\b(" + alt(vocab.SCHEDULE_WORDS) + r")\b(?:\s+[\w'’,-]+){0,5}?\s+(?:for|until|till)\s+(?:on\s+)?$", re.IGNORECASE)
_SCHEDULE_WINDOW = 60
# The present perfect ("have called a meeting for Friday") reports a plan still in force.
PERFECT = frozenset("has have 've ’ve".split())


# The present perfect of a main clause after a date ("The ceasefire, agreed on 10 October, has
# largely held"): "has"/"have", adverbs, then "been" or a past participle.
_PERFECT_AUX = re.compile(r"\b(?:has|have)\b", re.IGNORECASE)
_PERFECT_ADVERBS = frozenset("not never also already still since so far largely mostly broadly".split())
_PARTICIPLES = frozenset(vocab.IRREGULAR_PARTICIPLES)


def perfect_after(sentence: str, pos: int) -> bool:
    """Whether sentence[pos:] holds a present perfect ("has largely held", "have been broken", "have
    made"): the sentence speaks from the present."""
    low = sentence.lower()
    for m in _PERFECT_AUX.finditer(sentence, pos):
        for word in (t.group() for t in _TOKEN.finditer(low, m.end())):
            if word in _PERFECT_ADVERBS or (word.endswith("ly") and len(word) > 4):
                continue
            if word == "been" or word in _PARTICIPLES or _kind(word) == "past":
                return True
            break
    return False


# "was leaving that afternoon, scheduled to arrive at the plant by [Friday]": a past progressive,
# then after its comma a plan (not "was nothing, scheduled": a word in -thing is no verb).
_PAST_PROGRESSIVE_PLAN = re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?!\w*thing\b)(\w+ing)\b[^,;:.!?\"“”()]*,\s*(" + alt(vocab.PLAN_PARTICIPLES)
    + r")\s+to\b[^,;:.!?\"“”()]*$", re.IGNORECASE)
_PLAN_WINDOW = 160


def plan_told_in_past(text: str, lo: int, pos: int) -> str | None:
    """"was leaving, scheduled" when text[pos:] is the date of a plan told after a past progressive
    ("His truck was leaving that afternoon, scheduled to arrive by [Friday]"), read in
    text[max(lo, pos - 160):pos]: that plan is a day of the narrative, gone by; else None."""
    m = _PAST_PROGRESSIVE_PLAN.search(text, max(lo, pos - _PLAN_WINDOW), pos)
    return f"was {m.group(1).lower()}, {m.group(2).lower()}" if m else None


def scheduled_for(text: str, lo: int, pos: int) -> str | None:
    """The word of plan or schedule when text[pos:] is the date a plan was made for ("called a
    meeting for Friday", "adjourned until Monday"), read in text[max(lo, pos - 60):pos]; else None."""
    m = _SCHEDULED_FOR.search(text, max(lo, pos - _SCHEDULE_WINDOW), pos)
    return m.group(1).lower() if m else None


def _timetable(word: str, prev: str | None, nxt: str | None) -> bool:
    """A plural present of a timetable verb after a plural subject: "polls close", "they meet"."""
    if word not in _SCHEDULE_PLURAL or prev is None or nxt in _NOT_A_VERB_AFTER:
        return False
    return prev in _PLURAL_PRONOUNS or (len(prev) > 2 and prev.endswith("s") and not prev.endswith("ss")
                                        and prev not in _NOT_PLURAL_SUBJECT)


def _kind(word: str) -> str | None:
    if word in _FUTURE_WORDS:
        return "future"
    if word in _PRESENT_WORDS:
        return "present"
    if word in _IRREGULAR_PAST:
        return "past"
    if len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST \
            and (not word.startswith("un") or word.startswith("under") or word in _UN_VERBS) \
            and (not word.endswith("eed") or word in _PAST_EED):
        return "past"
    return None


def _after_modal(tokens: list[tuple[int, int, str]], i: int, low: str) -> bool:
    """Whether tokens[i] comes right after a modal ("will continue", "will not continue", "won't
    remain"), with no punctuation between ("in May, said": a month before a comma)."""
    j = i - 1
    while j >= 0 and tokens[j][2] in _BETWEEN_MODAL_AND_VERB:
        j -= 1
    return j >= 0 and tokens[j][2] in _BEFORE_INFINITIVE and not _PUNCTUATION.search(low, tokens[j][1], tokens[i][0])


# Every word `_markers` can read as a marker or that changes how it reads the words around it; any
# other word not in -ed is passed over at once (most words of a window: the tables below are
# several times dearer to ask one by one). tests/test_rowspeed.py checks the list against them.
_MARKING = frozenset({"am", "until", "till", "due", "was", "were", "has", "have", "'ve", "’ve", "could"}) \
    | frozenset(_PHRASES_BY_FIRST) | _FUTURE_WORDS | _PRESENT_WORDS | _IRREGULAR_PAST | _SCHEDULE_PLURAL


def _markers(sentence: str, lo: int, hi: int, pos: int) -> tuple[float, str, str] | None:
    """The nearest marker within sentence[lo:hi] (hi moved to the end of a word), as
    (weighted distance, kind, word)."""
    word_end = _WORD_END.match(sentence, hi)
    hi = word_end.end() if word_end else hi
    while lo > 0 and sentence[lo - 1].isalpha():  # a word cut by the window counts whole
        lo -= 1
    low = sentence.lower()
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(low, lo, hi)]
    best: tuple[float, str, str] | None = None
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if word not in _MARKING and not word.endswith("ed"):  # no marker, nothing to change: next word
            i += 1
            continue
        prev = tokens[i - 1][2] if i > 0 else None
        kind: str | None = None
        if (word == "am" and _NUMBER_BEFORE.search(low, max(0, start - 2), start)) \
                or (word in ("until", "till") and _CLOCK_AFTER.match(low, end)
                    and _FROM_CLOCK_BEFORE.search(low, max(0, start - 24), start)):
            i += 1
            continue
        if word == "due" and i + 2 < len(tokens) and tokens[i + 1][2] == "to" \
                and tokens[i + 2][2] in _CAUSE_AFTER_DUE_TO:
            i += 2  # a cause ("due to the havoc"), not a plan ("due to expire")
            continue
        if word in ("was", "were") and i + 2 < len(tokens) and tokens[i + 1][2] == "to" and end <= pos \
                and low[end:tokens[i + 1][0]].isspace() and tokens[i + 2][2] not in _NOT_A_PLAN_AFTER_WAS_TO:
            # "were to lead a delegation on [Monday]": a plan told in the past, for a day after it
            kind, end = "future", tokens[i + 1][1]
            i += 1
        for phrase in () if kind else _PHRASES_BY_FIRST.get(word, ()):
            n = len(phrase)
            if tuple(t[2] for t in tokens[i:i + n]) == phrase:
                kind, end = "future", tokens[i + n - 1][1]
                i += n - 1
                break
        else:
            kind = kind or _kind(word)
            if kind is None and _timetable(word, prev, tokens[i + 1][2] if i + 1 < len(tokens) else None):
                kind = "future"
        if word in _COPULAS and _arrangement(sentence, low, prev, end, pos):
            kind = "future"
        if word in ("has", "have", "'ve", "’ve") and i + 1 < len(tokens) and (
                tokens[i + 1][2] == "been" or _kind(tokens[i + 1][2]) == "past"):
            kind = "past"  # the present perfect reports the past: "have gathered", "has been searching"
        elif word == "could" and i + 1 < len(tokens) and tokens[i + 1][2] in _PERCEPTION:
            kind = "past"  # the past of "can": "On Thursday, I could smell the oil"
        elif word == "could" and i + 1 < len(tokens) and tokens[i + 1][2] not in _NOT_A_PLAN_AFTER_COULD:
            kind = "future"  # a plan or a possibility: "could open in March"; not "could not", "could have"
        if kind == "future" and prev in _PAST_PLAN and word not in _MODALS:
            kind = "past"  # "had been due to expire Friday", "as previously planned": a plan in the past
        elif (kind == "present" or (kind == "past" and word not in PERFECT)) \
                and (prev == "to" or _after_modal(tokens, i, low)):
            # an infinitive ("expect the trend to continue", "will continue", "are to shut", "will
            # cut": a past that is its base form; not "should have prevented") has no tense of its own
            kind = None
        elif kind == "future" and prev in _DETERMINERS and word.endswith("ed") and start > pos:
            kind = None  # "in the third quarter because of the planned sale": a plan for the noun after it
        elif kind == "past" and word in _PAST_FORM_NOUNS and prev in _PAST_FORM_NOUN_BEFORE:
            kind = None  # a noun: "the next rate cut in June", "a big hit"
        elif kind == "past" and start >= 2 and low[start - 1] == "-" and (low[start - 2].isalnum()
                                                                           or low[start - 2] == "."):
            kind = None  # the end of a compound adjective: "a U.S.-led force", "an American-controlled government"
        elif kind == "past" and (prev in _DETERMINERS or prev in _PREPOSITIONS) and word.endswith("ed"):
            kind = None  # an adjective: "a revised proposal", "the injured man", "fly over affected areas"
        elif kind == "past":
            if prev is None:
                pm = _PREVIOUS_WORD.search(low, max(0, start - 12), start)
                prev = pm.group(1) if pm else None
            if prev in _AUXILIARIES:
                kind = None
        i += 1
        if kind is None:
            continue
        dist = pos - end if end <= pos else (start - pos) * 1.5
        if best is None or dist < best[0]:
            best = (dist, kind, word)
    return best


def _clause_end(sentence: str, pos: int, end: int | None) -> int:
    """Where the markers that may govern the expression at sentence[pos:end] end. Before a word
    right after it that opens a clause of its own, when the marker before it is a verb of saying
    ("said in an interview on [Wednesday] that costs could hit": the day it was said); at the comma
    that closes a relative clause it is in, when that clause has a verb before it ("the cap, which
    was mounted on the well [Monday], will be used": the main clause does not date it); else at
    the end of the sentence ("waves through [Sunday] that could push oil")."""
    if end is None:
        return len(sentence)
    coordinated = _COORDINATED.match(sentence, end)
    if coordinated is not None and _markers(sentence, max(0, pos - 160), pos, pos) is not None:
        return coordinated.start()
    opener = _CLAUSE_OPENER.match(sentence, end)
    if opener is not None:
        before = _markers(sentence, 0, pos, pos)
        return opener.start() if before is not None and before[2] in _REPORTING else len(sentence)
    relative = _RELATIVE_BEFORE.search(sentence, max(0, pos - _SCHEDULE_WINDOW * 2), pos)
    comma = _COMMA_AFTER.match(sentence, end)
    if relative is not None and comma is not None and _markers(sentence, relative.start(), pos, pos) is not None:
        return comma.start()
    return len(sentence)


# "after" and the gerund of a result up to the expression, in one clause ("will face Alcaraz after
# beating Sinner in four sets on Friday"): a result is known, so its day is gone by, whatever the
# tense of the verb before it (vocab.RESULT_GERUNDS; "before flying offshore on Tuesday" keeps it).
# ... unless the result is a prospect ("could form a government after winning a majority on Sunday")
_HYPOTHETICAL = re.compile(r"\b" + alt(vocab.RESULT_PROSPECTS) + r"\b", re.IGNORECASE)
_AFTER_RESULT = re.compile(r"\bafter\s+(" + alt(vocab.RESULT_GERUNDS) + r")\b[^,;:.!?()\"“”]*$", re.IGNORECASE)


def marker_at(sentence: str, pos: int, end: int | None = None) -> tuple[str, str] | None:
    """(tense, word) of the tense marker nearest to character `pos` (an offset into `sentence`),
    markers before it weighing more than those after it: ("future", "would"), ("past", "said")."""
    # Look in widening windows: a marker found within `reach` (weighted) is nearer than any
    # marker outside the window, so the first window that has one gives the answer.
    end = _clause_end(sentence, pos, end)
    result = _AFTER_RESULT.search(sentence, max(0, pos - 120), pos)
    if result is not None and not _HYPOTHETICAL.search(sentence, max(0, result.start() - 120), result.start()):
        # "will face X after beating Y on [Friday]": a result is known, gone by
        return "past", result.group(1).lower()
    for reach in (48, 160):
        best = _markers(sentence, max(0, pos - reach), min(end, pos + int(reach / 1.5)), pos)
        if best is not None and best[0] <= reach:
            return best[1], best[2]
    best = _markers(sentence, 0, end, pos)
    return (best[1], best[2]) if best else None


def past_until(sentence: str, pos: int, end: int | None = None) -> str | None:
    """The past-tense verb of the clause of an "until" right before sentence[pos:end] ("took 60
    hours until [noon on Thursday]", "Until [Wednesday], BP had been planning"), which makes the
    day one gone by; None when there is no such "until", when the verb of its clause is not in the
    past, when it is a range ("from Friday until Sunday") or a verb sets a state to last until then
    ("postponed the vote until Monday"). A fronted "until" phrase belongs to the clause after its
    comma; any other to the clause it ends."""
    until = _UNTIL_BEFORE.search(sentence, max(0, pos - 20), pos)
    if until is None or _RANGE_FROM.search(sentence, max(0, until.start() - 40), until.start()) \
            or _UNTIL_STATE.search(sentence, max(0, until.start() - _SCHEDULE_WINDOW), until.start()):
        return None
    lo = 0
    for boundary in _CLAUSE_BOUNDARY.finditer(sentence, 0, until.start()):
        lo = boundary.end()
    after = _CLAUSE_BOUNDARY.search(sentence, pos if end is None else end)
    if after is not None and after.group() == "," and _LEADING.fullmatch(sentence, lo, until.start()):
        after = _CLAUSE_BOUNDARY.search(sentence, after.end())
    hi = after.start() if after is not None else len(sentence)
    clause = sentence[lo:until.start()] + " " * (until.end() - until.start()) + sentence[until.end():hi]
    marker = marker_at(clause, pos - lo)
    if marker is None or marker[0] != "past" or marker[1] in PERFECT:
        return None
    return marker[1]


def tense_at(sentence: str, pos: int) -> str | None:
    """"past", "present", "future" or None: the tense of the marker nearest to `pos`."""
    marker = marker_at(sentence, pos)
    return marker[0] if marker else None


# Markers of a future seen from the past ("said Monday that talks would resume Friday").
FUTURE_IN_THE_PAST = frozenset("would 'd ’d".split())
