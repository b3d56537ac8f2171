"""Tokenized sentences shown as written (timeline.detok), and a story of tokenized articles."""

from __future__ import annotations

import pytest

from timeline.detok import detokenize


@pytest.mark.parametrize(("lang", "tokens", "written"), [
    ("fr", "Le 25 janvier , les manifestants ont rejoint l' ex - président sur la place .",
     "Le 25 janvier, les manifestants ont rejoint l'ex-président sur la place."),
    ("fr", "L ' armée a dit : « nous resterons » , selon l' AFP .",
     "L'armée a dit : « nous resterons », selon l'AFP."),
    ("it", "Il 25 gennaio , migliaia di persone sono scese in piazza dell' università .",
     "Il 25 gennaio, migliaia di persone sono scese in piazza dell'università."),
    ("es", "El 25 de enero , miles de personas ( según la policía ) salieron a la calle .",
     "El 25 de enero, miles de personas (según la policía) salieron a la calle."),
    ("en", "The army did n't say on 25 January , 2011 whether Mubarak 's guard had left .",
     "The army didn't say on 25 January, 2011 whether Mubarak's guard had left."),
])
def test_a_tokenized_sentence_is_shown_as_written(lang: str, tokens: str, written: str) -> None:
    assert detokenize(tokens, lang) == written


@pytest.mark.parametrize("text", [
    "Le Caire - Des milliers de manifestants ont rejoint la place, selon l'AFP.",
    "The score was 2 - 1 on 25 January, and the crowd - tired - went home.",
    "Police said the march - the largest yet - ended peacefully on Tuesday.",
])
def test_a_written_sentence_is_unchanged(text: str) -> None:
    assert detokenize(text, "fr") == text
    assert detokenize(text, "en") == text


def test_only_spaces_change() -> None:
    tokens = "Le 25 janvier 2011 , à 14 h 30 , l' ex - ministre a parlé ."
    assert detokenize(tokens, "fr").replace(" ", "") == tokens.replace(" ", "")


def test_a_story_of_tokenized_articles_shows_its_sentences_as_written(tmp_path) -> None:
    from timeline.cli import main

    for n, pub in (("a", "2011-01-26"), ("b", "2011-01-27")):
        (tmp_path / f"{n}.txt").write_text(
            f"---\npublished: {pub}\nlang: fr\n---\n"
            "Le 25 janvier 2011 , des milliers de manifestants ont rejoint l' ex - président sur la place .\n",
            encoding="utf-8")
    out = tmp_path / "story.md"
    assert main(["story", str(tmp_path), "-f", "md", "-o", str(out), "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Le 25 janvier 2011, des milliers de manifestants ont rejoint l'ex-président sur la place." in page


def test_an_elision_alone_says_a_french_sentence_is_tokenized() -> None:
    assert detokenize("Morsi veut renouer avec l' Iran chiite d' Ahmadinejad.", "fr") == \
        "Morsi veut renouer avec l'Iran chiite d'Ahmadinejad."
    assert detokenize("He said 'I will go' and left on Monday.", "en") == "He said 'I will go' and left on Monday."


def test_a_text_is_tokenized_when_most_of_its_commas_stand_apart() -> None:
    from timeline.detok import tokenized_text

    assert tokenized_text("Le 25 janvier , les gens , la foule , la police .")
    assert not tokenized_text("On 25 January, people, the crowd, the police, and the army , left.")


def test_a_text_whose_elisions_stand_apart_is_tokenized() -> None:
    from timeline.detok import tokenized_text

    assert tokenized_text("Morsi veut l' Iran, d' Ahmadinejad et l' armée, qu' il dit.")
    assert not tokenized_text("The boys' club didn't say it's the players' union, or the fans' own.")


def test_spaced_elisions_are_counted_from_the_apostrophes_as_the_pattern_finds_them() -> None:
    # Tried at every word of a text, the pattern took a fifth of a story's CPU (issue 16, C14); the
    # count made from the apostrophes alone is the pattern's, on any text.
    import random

    from timeline.detok import _SPACED_ELISION, _spaced_elisions

    rng = random.Random(16)
    alphabet = ["a", "b", "é", "1", "_", " ", "'", "’", "x", "²", "-", "\n", "l", "Z", "ß"]
    texts = ["Morsi veut l' Iran, d' Ahmadinejad et l' armée, qu' il dit.", "abcdefg' x ab' c", "x1ab' c", "' a"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    for text in texts:
        assert _spaced_elisions(text) == len(_SPACED_ELISION.findall(text)), repr(text)
