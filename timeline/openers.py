"""Sentences that lean on the one before: those that open with a word that needs it ("But …",
"However, …", "He said …", "It was …", "This …", "They …").

Out of their article, as the sentences of a story's key date are shown, such a sentence reads
badly: who "he" is, what "this" was, what "but" turns from, were in the sentence before. The story
prefers a self-contained sentence among a day's candidates (timeline.story); `leans_back` says
whether a sentence is one that leans back, and on which opener, so the choice can be explained.

The openers are a table per language (the article's `lang`, timeline.lang), in the case they have
at the start of a sentence: conjunctions and connectives that turn from or add to what came
before, and subject pronouns and demonstratives with no named subject. Spanish and Italian drop
their subject pronouns, so their lists are mostly connectives. A sentence is read after its
opening quotes or brackets ("“But we…”" leans back as "But we…" does).
"""

from __future__ import annotations

import re

__all__ = ["NOT_OPENERS", "OPENERS", "leans_back"]

#: The words (or phrases) that, opening a sentence, lean on the sentence before, per language.
OPENERS: dict[str, tuple[str, ...]] = {
    "en": (
        # turning from, or adding to, what was said before
        "But", "And", "Or", "Nor", "So", "Yet", "Still", "However", "Nevertheless", "Nonetheless",
        "Meanwhile", "Moreover", "Furthermore", "Besides", "Also", "Instead", "Otherwise", "Thus",
        "Therefore", "Hence", "Then", "Indeed", "Even so", "In addition", "As a result", "By contrast",
        "In contrast", "On the other hand", "At the same time", "Because of this", "Despite this",
        # a subject, or a thing, named before
        "He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "That", "These", "Those", "Such",
    ),
    "es": (
        "Pero", "Y", "Sin embargo", "No obstante", "Además", "Asimismo", "Por eso", "Por ello", "Por lo tanto",
        "Así", "Entonces", "Mientras tanto", "En cambio", "También",
        "Él", "Ella", "Ellos", "Ellas", "Esto", "Eso", "Ello",
    ),
    "fr": (
        "Mais", "Et", "Or", "Cependant", "Pourtant", "Toutefois", "Néanmoins", "En outre", "De plus",
        "Par ailleurs", "Ainsi", "Donc", "Alors", "Puis", "Aussi", "En revanche",
        "Il", "Elle", "Ils", "Elles", "Cela", "Ceci", "Ça",
    ),
    "it": (
        "Ma", "E", "Però", "Tuttavia", "Inoltre", "Quindi", "Dunque", "Intanto", "Invece", "Anche", "Infatti",
        "Lui", "Lei", "Loro", "Egli", "Questo", "Ciò",
    ),
}

#: Phrases that start with an opener but open a sentence of their own: a subordinate clause
#: ("Alors que l'opposition…", while; "Anche se…", even if) or a phrase that says its own time.
NOT_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("So far",),
    "fr": ("Alors que", "Ainsi que", "Il y a"),
    "it": ("Anche se",),
}

# What may come before the first word: quotes, brackets, Spanish opening marks.
_LEADING = "\"“‘'«¿¡([ \u00a0"
# The opener is a whole word (or phrase): what may follow it.
_AFTER = r"(?=[\s,;:.!?…’'\"”»)]|$)"


def _pattern(words: tuple[str, ...], not_words: tuple[str, ...]) -> re.Pattern[str]:
    """The openers, longest first, each a whole word; a one-letter one ("Y", "E") only before a
    space (Italian "E' stato" is "È stato", it was); none that starts one of `not_words`."""
    def alternative(word: str) -> str:
        return re.escape(word) + (r"(?=\s)" if len(word) == 1 else _AFTER)

    avoid = "".join(f"(?!{re.escape(w)}{_AFTER})" for w in not_words)
    return re.compile(avoid + "(?:" + "|".join(alternative(w) for w in sorted(words, key=len, reverse=True)) + ")")


_PATTERNS: dict[str, re.Pattern[str]] = {lang: _pattern(words, NOT_OPENERS.get(lang, ()))
                                         for lang, words in OPENERS.items()}


def leans_back(text: str, lang: str = "en") -> str | None:
    """The opener of `text` that leans on the sentence before ("But", "He", "In addition"), or
    None when the sentence opens on its own (or its language has no table)."""
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        return None
    m = pattern.match(text.lstrip(_LEADING))
    return m.group(0) if m else None
