"""Tokenized text shown as written: corpora shipped tokenized ("l' ex - président", "( AFP )",
"le 25 janvier , les") put spaces around punctuation that writers do not. `detokenize` takes them
out of a sentence for display, by language; what is scored and dated keeps the tokens."""

from __future__ import annotations

import re

#: A sentence is tokenized when a comma or its final full stop stands apart from its word.
_TOKENIZED = re.compile(r"\w ,(?= )|\w \.$|\w \)")
#: Punctuation written against the word before it, per language ("": every other language).
#: French writes a space before ; : ! ? and a closing guillemet, so those keep theirs.
CLOSE = {"": ",.;:!?)]}%»…", "fr": ",.)]}%…"}
#: Punctuation written against the word after it.
OPEN = {"": "([{¿¡«", "fr": "([{¿¡"}
#: Words elided before a vowel, written against the next word ("l'", "dell'"), per language.
ELISIONS = {
    "fr": ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"),
    "it": ("l", "d", "dell", "all", "dall", "nell", "sull", "coll", "un", "quest", "quell", "c", "s", "m", "t", "v"),
    "ca": ("l", "d", "s", "m", "n", "t"),
}
#: Endings written against the word before them ("do n't", "Obama 's").
CLITICS = {"en": ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s")}
_APOSTROPHE = "'’"
# A hyphen between two words ("ex - président", "Moyen - Orient"), spaced by the tokenizer: the
# second word in lower case; not a dash before a sentence or a name ("Le Caire - Des milliers").
_HYPHEN = re.compile(r"(?<=[^\W\d_]) - (?=[^\W\d_])")


def _table(table: dict[str, str], lang: str) -> str:
    return table.get(lang, table[""])


def tokenized(text: str, lang: str = "") -> bool:
    """Whether a sentence reads as a tokenizer wrote it: a space before its commas or its full stop,
    or after an elided word ("l' Iran")."""
    if _TOKENIZED.search(text) is not None:
        return True
    elided = ELISIONS.get((lang or "").split("-")[0].lower(), ())
    return bool(elided) and re.search(rf"\b(?:{'|'.join(elided)}) ?[{_APOSTROPHE}] \w", text, re.IGNORECASE) is not None


_SPACED_ELISION = re.compile(r"\b[^\W\d_]{1,6} ?['’] (?=[^\W\d_])")
# What `_SPACED_ELISION` is counted by: its apostrophes (few in a text), each with what comes before.
_APOSTROPHE_SPACE = re.compile(r"['’] (?=[^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_CHAR = re.compile(r"\w")


def _spaced_elisions(text: str) -> int:
    """How many matches `_SPACED_ELISION.findall(text)` finds, found from the apostrophes: tried at
    every word of a text, that pattern took a fifth of a story's CPU. A match holds one apostrophe,
    before it an optional space and a run of 1 to 6 letters that starts a word (no word character
    before it); matches never share letters, so each apostrophe is judged alone."""
    count = 0
    for m in _APOSTROPHE_SPACE.finditer(text):
        end = m.start() - 1 if m.start() and text[m.start() - 1] == " " else m.start()
        start = end
        while start > 0 and end - start <= 6 and _LETTER.match(text, start - 1):
            start -= 1
        if 1 <= end - start <= 6 and (start == 0 or not _WORD_CHAR.match(text, start - 1)):
            count += 1
    return count


def tokenized_text(text: str) -> bool:
    """Whether a whole text was tokenized: most of its commas (three or more) stand apart from their
    word, or most of its apostrophes (three or more elisions: "l' Iran") from the word after."""
    commas = text.count(",")
    if commas >= 3 and text.count(" ,") * 2 > commas:
        return True
    elided = _spaced_elisions(text)
    return elided >= 3 and elided * 2 > text.count("'") + text.count("’")


def detokenize(text: str, lang: str = "") -> str:
    """The sentence without the spaces a tokenizer put around punctuation, when it is `tokenized`;
    else the text itself. Words, figures and dates are untouched: only spaces go."""
    lang = (lang or "").split("-")[0].lower()
    if not tokenized(text, lang):
        return text
    close, opening = re.escape(_table(CLOSE, lang)), re.escape(_table(OPEN, lang))
    text = re.sub(rf"(?<=\S) +(?=[{close}](?:\s|$|[{close}]))", "", text)
    text = re.sub(rf"(?<=[{opening}]) +(?=\S)", "", text)
    elided = ELISIONS.get(lang, ())
    if elided:
        words = "|".join(sorted(elided, key=len, reverse=True))
        text = re.sub(rf"\b({words}) ?([{_APOSTROPHE}]) (?=\w)", r"\1\2", text, flags=re.IGNORECASE)
    for clitic in CLITICS.get(lang, ()):
        text = re.sub(rf"(?<=\w) {re.escape(clitic)}\b", clitic, text)
    return _HYPHEN.sub(lambda m: "-" if text[m.end()].islower() else m.group(0), text)
