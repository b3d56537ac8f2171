"""Articles in other languages (issue 20): the language of an article, the dateparser tagger
behind tag()'s interface, sentence segmentation, publication dates from bylines, and English
left as it was."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.article import ArticleError, NoPublicationDate, make_article
from timeline.lang import detect, normalize
from timeline.pipeline import process
from timeline.temporal.foreign import tag_foreign
from timeline.text import segment

PUBLISHED = date(2026, 2, 6)  # a Friday

SPANISH = ("El pasado martes la policía detuvo a tres personas en Madrid. Ayer el Sr. García dijo que la "
           "protesta del 25 de enero fue pacífica. En agosto de 2013 hubo otra marcha. El viernes habrá una "
           "nueva reunión. La semana pasada el Gobierno aprobó la ley, y hoy en día nadie la discute.")
FRENCH = ("La semaine dernière, Mme Dupont a rencontré le ministre. Hier, des manifestants se sont réunis à "
          "Paris. Le 3 février 2026, le Parlement a voté la loi. Mardi dernier, le maire a démissionné. "
          "Vendredi prochain, ils marcheront encore. Selon les syndicats, la grève doit durer et elle sera "
          "suivie par les enseignants du pays.")
ITALIAN = ("Ieri il presidente ha parlato a Roma. Il 3 febbraio 2026 il Sig. Rossi è stato eletto. Martedì "
           "scorso il governo ha approvato il decreto. La settimana scorsa la polizia ha arrestato due "
           "persone. Nel 2012 c'erano state altre proteste.")


def _dates(text: str, lang: str) -> list[tuple[str, str]]:
    found = tag_foreign(text, PUBLISHED, lang)
    for t in found:
        assert text[t.start:t.end] == t.text  # offsets point at the phrase
        assert t.tagger == "dateparser"
    return [(t.text, t.value) for t in found]


def test_spanish_article_gives_the_dates_a_reader_expects() -> None:
    assert _dates(SPANISH, "es") == [
        ("pasado martes", "2026-02-03"),
        ("Ayer", "2026-02-05"),
        ("25 de enero", "2026-01-25"),
        ("agosto de 2013", "2013-08"),  # a month named alone is a month
        ("viernes", "2026-02-13"),  # "habrá": the next Friday
        ("La semana pasada", "2026-W05"),
    ]  # "hoy en día" (nowadays) is no date


def test_french_article_gives_the_dates_a_reader_expects() -> None:
    assert _dates(FRENCH, "fr") == [
        ("La semaine dernière", "2026-W05"),
        ("Hier", "2026-02-05"),
        ("3 février 2026", "2026-02-03"),
        ("Mardi dernier", "2026-02-03"),
        ("Vendredi prochain", "2026-02-13"),
    ]


def test_italian_article_gives_the_dates_a_reader_expects() -> None:
    assert _dates(ITALIAN, "it") == [
        ("Ieri", "2026-02-05"),
        ("3 febbraio 2026", "2026-02-03"),
        ("Martedì scorso", "2026-02-03"),
        ("La settimana scorsa", "2026-W05"),
        ("2012", "2012"),  # a year alone is a year
    ]


def test_what_dateparser_misreads_in_news_is_left_out() -> None:
    text = "Murieron 30 personas a las 10:00 horas. Un día de mar. Por la mañana llovió."
    assert _dates(text, "es") == []


def test_a_date_without_its_year_goes_by_tense() -> None:
    text = "El 20 de diciembre hubo disturbios. El 20 de marzo se celebrarán elecciones."
    assert _dates(text, "es") == [("20 de diciembre", "2025-12-20"), ("20 de marzo", "2026-03-20")]


def test_a_weekday_and_a_day_that_do_not_agree_are_no_date() -> None:
    assert _dates("El lunes 14 hubo una reunión.", "es") == []  # no Monday the 14th near February 2026
    assert _dates("El lunes 2 hubo una reunión.", "es") == [("lunes 2", "2026-02-02")]
    assert _dates("Le vendredi 24 février, il a parlé.", "fr") == []  # a Tuesday in 2026, a Monday in 2025
    assert _dates("Le mardi 24 février, il a parlé.", "fr") == [("mardi 24 février", "2026-02-24")]


def test_language_detection_by_stopwords() -> None:
    assert detect(SPANISH) == "es"
    assert detect(FRENCH) == "fr"
    assert detect(ITALIAN) == "it"
    assert detect("The minister said on Tuesday that the talks with the unions had failed and that "
                  "the strike would go on for as long as it was needed by the workers of the port.") == "en"
    assert detect("Hola.") == "en"  # too short to tell: English


def test_normalize_language_codes() -> None:
    assert normalize("es-ES") == "es" and normalize("fr_FR") == "fr" and normalize("IT") == "it"
    assert normalize("spanish!") is None


def test_front_matter_lang_and_detection_and_given() -> None:
    a = make_article("---\nlang: fr-FR\npublished: 2026-02-06\n---\nHello there.\n")
    assert a.lang == "fr" and a.meta()["lang"] == "fr"
    assert make_article(SPANISH, published=PUBLISHED).lang == "es"
    assert make_article(SPANISH, published=PUBLISHED, lang="it").lang == "it"
    english = make_article("The talks failed on Tuesday.", published=PUBLISHED)
    assert english.lang == "en" and "lang" not in english.meta()  # English JSON stays as it was
    with pytest.raises(ArticleError, match="lang"):
        make_article("---\nlang: '??'\npublished: 2026-02-06\n---\nText.\n", name="a.txt")


@pytest.mark.parametrize(("line", "lang"), [
    ("Publicado el 3 de febrero de 2026", "es"),
    ("Publié le 3 février 2026", "fr"),
    ("Pubblicato il 3 febbraio 2026", "it"),
])
def test_publication_date_from_a_byline(line: str, lang: str) -> None:
    body = {"es": SPANISH, "fr": FRENCH, "it": ITALIAN}[lang]
    a = make_article(f"{line}\n\n{body}\n", today=date(2026, 3, 1))
    assert a.lang == lang and a.published == date(2026, 2, 3)
    assert a.published_how.startswith("inferred from the byline")


def test_the_byline_date_is_no_event() -> None:
    a = make_article(f"Publicado el 3 de febrero de 2026\n\n{SPANISH}\n", today=date(2026, 3, 1))
    result = process(a, undated="none")
    assert any(t.rule == "byline" for t in result.timexes)
    assert all("Publicado" not in e.text for e in result.events) and result.events


@pytest.mark.parametrize(("line", "lang"), [
    ("Publicado el 3 de febrero de 2026", "es"),
    ("Publié le 3 février 2026", "fr"),
    ("Pubblicato il 3 febbraio 2026", "it"),
])
def test_a_byline_on_the_first_line_is_not_the_title(line: str, lang: str) -> None:
    """A text without a title takes its first line as one, but a byline is no title: the README's
    example was headed "Publicado el 6 de febrero de 2026". The next line with text is."""
    body = {"es": SPANISH, "fr": FRENCH, "it": ITALIAN}[lang]
    a = make_article(f"{line}\n\n{body}\n", today=date(2026, 3, 1))
    assert a.title != line and line not in a.title and a.title.split()[:3] == body.split()[:3], a.title
    titled = make_article(f"Un titular\n\n{line}\n\n{body}\n", today=date(2026, 3, 1))
    assert titled.title == "Un titular"


def test_a_byline_without_a_full_date_gives_no_publication_date() -> None:
    with pytest.raises(NoPublicationDate):
        make_article(f"Publicado hace dos días\n\n{SPANISH}\n", today=date(2026, 3, 1))
    with pytest.raises(NoPublicationDate):
        make_article(f"Publicado el 3 de febrero\n\n{SPANISH}\n", today=date(2026, 3, 1))


def test_segmentation_in_spanish_french_italian() -> None:
    es = "El Sr. García llegó, p. ej. a las diez. ¿Qué pasó? ¡Nada! Él se fue."
    assert [s.text(es) for s in segment(es, "es")] == ["El Sr. García llegó, p. ej. a las diez.", "¿Qué pasó?",
                                                        "¡Nada!", "Él se fue."]
    fr = "Mme. Dupont a parlé. « C'est fini », a-t-elle dit. À Paris, rien."
    assert [s.text(fr) for s in segment(fr, "fr")] == ["Mme. Dupont a parlé.", "« C'est fini », a-t-elle dit.",
                                                        "À Paris, rien."]
    it = "Il Sig. Rossi è arrivato. È tardi."
    assert [s.text(it) for s in segment(it, "it")] == ["Il Sig. Rossi è arrivato.", "È tardi."]
    # an abbreviation after an elided article ("l'on.", "l'art.", "dall'avv.") is one still
    it = "L'on. Verdi ha citato l'art. 5 della legge. Poi l'avv. Sticca e il cav. Neri sono usciti."
    assert [s.text(it) for s in segment(it, "it")] == ["L'on. Verdi ha citato l'art. 5 della legge.",
                                                        "Poi l'avv. Sticca e il cav. Neri sono usciti."]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a month abbreviated in a dateline, "EE. UU." with its space: no sentence ends there
    ("es", "EL CAIRO, 28 Ene. (EUROPA PRESS) - Miles de egipcios marcharon. EE. UU. condenó la represión.",
     ["EL CAIRO, 28 Ene. (EUROPA PRESS) - Miles de egipcios marcharon.", "EE. UU. condenó la represión."]),
    ("fr", "LE CAIRE, 28 janv. (AFP) - Des milliers d'Égyptiens ont défilé. Mme Dupont est arrivée.",
     ["LE CAIRE, 28 janv. (AFP) - Des milliers d'Égyptiens ont défilé.", "Mme Dupont est arrivée."]),
    ("it", "IL CAIRO, 28 giu. - Migliaia di persone in piazza. Il sig. Rossi ha parlato.",
     ["IL CAIRO, 28 giu. - Migliaia di persone in piazza.", "Il sig. Rossi ha parlato."]),
])
def test_a_wire_datelines_abbreviated_month_ends_no_sentence(lang: str, text: str, expected: list[str]) -> None:
    assert [s.text(text) for s in segment(text, lang)] == expected


def test_a_foreign_dateline_with_an_abbreviated_month_dates_no_event() -> None:
    text = "MÉXICO, 28 Ene. (EUROPA PRESS) - El presidente habló el pasado martes en la capital."
    result = process(make_article(f"---\npublished: 2011-01-28\nlang: es\n---\n{text}\n", name="a.txt"))
    assert [e.date for e in result.events] == ["2011-01-25"]


def test_events_and_table_work_unchanged_after_the_foreign_tagger() -> None:
    from timeline.table import event_rows

    article = make_article(SPANISH, published=PUBLISHED)
    result = process(article, undated="none")
    assert {e.date for e in result.events} >= {"2026-02-03", "2026-02-05", "2013-08"}
    rows = event_rows(result)
    assert rows and {r["lang"] for r in rows} == {"es"}


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], capture_output=True, text=True,
                          input=stdin, check=False)


def test_lang_option_on_tag(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.txt"
    f.write_text("Ayer hubo protestas.\n", encoding="utf-8")  # too short to detect: --lang says it
    out = _cli("tag", str(f), "--published", "2026-02-06", "--lang", "es")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert [(t["text"], t["value"], t["tagger"]) for t in found] == [("Ayer", "2026-02-05", "dateparser")]
    english = json.loads(_cli("tag", str(f), "--published", "2026-02-06").stdout)
    assert all("tagger" not in t for t in english)
    bad = _cli("tag", str(f), "--published", "2026-02-06", "--lang", "??")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_a_lang_dateparser_does_not_know_is_one_line_not_an_empty_timeline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`--lang sp` (for Spanish) looked like a language code and tagged nothing, silently."""
    f = tmp_path / "a.txt"
    f.write_text("Ayer hubo protestas.\n", encoding="utf-8")
    for command in ("tag", "extract"):
        bad = _cli(command, str(f), "--published", "2026-02-06", "--lang", "sp")
        assert bad.returncode == 2 and not bad.stdout, bad.stdout
        lines = bad.stderr.strip().splitlines()
        assert len(lines) == 1 and "'sp'" in lines[0] and "Traceback" not in bad.stderr, bad.stderr
    assert _cli("tag", str(f), "--published", "2026-02-06", "--lang", "pt-BR").returncode == 0


def test_html_lang_and_og_locale() -> None:
    from timeline.readers.html import read_html

    body = "<p>" + " ".join(["Ieri il presidente ha parlato a Roma con i ministri del governo."] * 3) + "</p>"
    page = f'<html lang="it-IT"><head><title>Roma</title></head><body><article>{body}</article></body></html>'
    assert read_html(page.encode(), "p.html", published=PUBLISHED).lang == "it"
    page = ('<html><head><meta property="og:locale" content="fr_FR"><title>X</title></head>'
            f"<body><article>{body}</article></body></html>")
    assert read_html(page.encode(), "p.html", published=PUBLISHED).lang == "fr"


def test_collection_lang_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from timeline.readers.collection import article_from_row, read_rows

    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": "Ayer hubo protestas.", "published": "2026-02-06", "lang": "es"}) + "\n",
                 encoding="utf-8")
    rows = list(read_rows(str(f), f.read_bytes()))
    assert article_from_row(rows[0]).lang == "es"
    assert article_from_row(rows[0], lang="fr").lang == "fr"


def test_english_never_imports_dateparser(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.txt"
    f.write_text("---\npublished: 2026-02-06\n---\nThe talks failed on Tuesday.\n", encoding="utf-8")
    code = ("import sys, timeline.cli\n"
            f"timeline.cli.main(['extract', {str(f)!r}, '-f', 'json'])\n"
            "print('dateparser' in sys.modules, file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stderr.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Il y a trois jours, le ministre a démissionné.", [("Il y a trois jours", "2026-02-03")]),
    ("fr", "Il y a deux semaines, la grève a commencé.", [("Il y a deux semaines", "2026-W04")]),
    ("fr", "Il y a un an, le port était fermé.", [("Il y a un an", "2025")]),
    ("es", "Hace 3 días el alcalde dimitió.", [("Hace 3 días", "2026-02-03")]),
    ("es", "Hace dos meses cerraron la fábrica.", [("Hace dos meses", "2025-12")]),
    ("it", "Tre giorni fa il sindaco si è dimesso.", [("Tre giorni fa", "2026-02-03")]),
])
def test_a_count_of_days_weeks_months_or_years_ago(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Les 12 et 13 mars 2024, les dockers ont bloqué le port.",
     [("12", "2024-03-12"), ("13 mars 2024", "2024-03-13")]),
    ("es", "El 4 y 5 de mayo de 2024 los mineros marcharon.",
     [("4", "2024-05-04"), ("5 de mayo de 2024", "2024-05-05")]),
    ("it", "Il 9 e 10 aprile 2024 i portuali hanno scioperato.",
     [("9", "2024-04-09"), ("10 aprile 2024", "2024-04-10")]),
])
def test_days_listed_before_their_month_share_it(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Du 20 novembre au 4 décembre 2019, les cheminots ont fait grève.",
     [("20 novembre", "2019-11-20"), ("4 décembre 2019", "2019-12-04")]),
    ("es", "Del 20 de diciembre al 3 de enero de 2019 el puerto cerró.",
     [("20 de diciembre", "2018-12-20"), ("3 de enero de 2019", "2019-01-03")]),
    ("it", "Dal 20 novembre al 4 dicembre 2019 i ferrovieri hanno scioperato.",
     [("20 novembre", "2019-11-20"), ("4 dicembre 2019", "2019-12-04")]),
])
def test_a_range_takes_the_year_of_its_end(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Il primo febbraio il sindaco ha parlato.", [("primo febbraio", "2026-02-01")]),
    ("fr", "Le premier février, le maire a parlé.", [("premier février", "2026-02-01")]),
    ("es", "El primero de febrero el alcalde habló.", [("primero de febrero", "2026-02-01")]),
])
def test_the_first_of_a_month_in_words(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


def test_a_weekday_before_a_clock_time_is_the_weekday() -> None:
    # "mardi 17h00": 17 is the hour, not the 17th (no Tuesday the 17th is near)
    assert _dates("Mardi 17h00 sera le début de la grève.", "fr") == [("Mardi", "2026-02-10")]


def test_italian_future_of_irregular_verbs() -> None:
    # "si terranno": the next Sunday, not the last one
    assert _dates("Le elezioni si terranno domenica.", "it") == [("domenica", "2026-02-08")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Le 3 mars 2024, la grève a commencé. Le 5 avril, le gouvernement a cédé.",
     [("3 mars 2024", "2024-03-03"), ("5 avril", "2024-04-05")]),
    ("es", "En marzo de 2023 empezó la huelga. El 2 de abril el Gobierno cedió.",
     [("marzo de 2023", "2023-03"), ("2 de abril", "2023-04-02")]),
    ("it", "Il 3 marzo 2024 è iniziato lo sciopero. Il 5 aprile il governo ha ceduto.",
     [("3 marzo 2024", "2024-03-03"), ("5 aprile", "2024-04-05")]),
])
def test_a_narrative_in_an_earlier_year_goes_on_in_it(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a year alone sets no scene; a future tense reads from the publication date; so does a date
    # three sentences on
    ("fr", "En 2024, la grève a commencé. Le 5 avril, le gouvernement a cédé.",
     [("2024", "2024"), ("5 avril", "2025-04-05")]),
    ("fr", "Le 3 mars 2024, la grève a commencé. Le 5 avril, le gouvernement cédera.",
     [("3 mars 2024", "2024-03-03"), ("5 avril", "2026-04-05")]),
    ("fr", "Le 3 mars 2024, la grève a commencé. Les usines ont fermé. Les ports ont suivi. "
     "Le 5 avril, le gouvernement a cédé.", [("3 mars 2024", "2024-03-03"), ("5 avril", "2025-04-05")]),
])
def test_what_sets_no_narrative_year(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


def test_italian_this_evening() -> None:
    assert _dates("Questa sera il governo ha parlato.", "it") == [("Questa sera", "2026-02-06TEV")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a date counted from the publication ("dernier", "ce") and one inside a sentence stay as they were
    ("fr", "Le 3 mars 2024, la grève a commencé. Le 5 avril dernier, le gouvernement a cédé.",
     [("3 mars 2024", "2024-03-03"), ("5 avril", "2025-04-05")]),
    ("fr", "Le 3 mars 2024, la grève a commencé. Ce 5 avril, le gouvernement a cédé.",
     [("3 mars 2024", "2024-03-03"), ("5 avril", "2025-04-05")]),
    ("es", "En marzo de 2023 empezó la huelga. Los sindicatos, que habían ganado en las elecciones del pasado "
     "mes de noviembre y que luego firmaron el 2 de abril, cedieron.",
     [("marzo de 2023", "2023-03"), ("noviembre", "2025-11"), ("2 de abril", "2025-04-02")]),
])
def test_a_narrative_goes_on_only_in_a_sentence_it_opens(lang: str, text: str,
                                                          expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


def test_a_date_in_passing_sets_no_narrative_year() -> None:
    text = "Les délits, commis en août 2024, étaient connus. Le 9 novembre, la police a arrêté le maire."
    assert _dates(text, "fr") == [("août 2024", "2024-08"), ("9 novembre", "2025-11-09")]


def test_the_tense_of_a_date_is_read_in_its_clause() -> None:
    # "protégeront" is in the clause before the colon; "le 3 février" is this month's, past
    text = "On peut douter qu'ils protégeront les élèves: le 3 février, jour de la grève, des écoles fermées."
    assert _dates(text, "fr") == [("3 février", "2026-02-03")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Il 10 marzo scorso, un giorno di festa per la città.", [("10 marzo", "2025-03-10")]),
    ("fr", "Le 10 mars dernier, un jour de fête pour la ville.", [("10 mars", "2025-03-10")]),
    ("es", "El 10 de marzo pasado, un día de fiesta para la ciudad.", [("10 de marzo", "2025-03-10")]),
])
def test_a_date_marked_last_after_it(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    # without a tense, 10 March is the one to come (32 days ahead); the marker after it says the last
    assert _dates(text, lang) == expected


def test_a_date_with_del_and_its_year() -> None:
    assert _dates("Il sindaco è stato condannato il 3 dicembre del 2010.", "it") == [
        ("3 dicembre del 2010", "2010-12-03")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "La huelga empezó hace ahora tres días.", [("hace ahora tres días", "2026-02-03")]),
    ("fr", "La grève a commencé il y a maintenant trois jours.", [("il y a maintenant trois jours", "2026-02-03")]),
    ("es", "A día de hoy la fábrica produce 100 toneladas.", []),  # "as things stand", no day
])
def test_ago_with_an_adverb_and_a_day_word_in_an_idiom(lang: str, text: str,
                                                        expected: list[tuple[str, str]]) -> None:
    assert _dates(text, lang) == expected


# --- the example corpus of other languages (tests/corpus/foreign.txt) -------------------------

FOREIGN_CORPUS = Path(__file__).parent / "corpus" / "foreign.txt"


def _foreign_cases() -> list[tuple[int, str, date, str | None, str]]:
    """(line, lang, reference, value or None, phrasing) for each phrasing of the corpus; a value
    may carry its modifier after a space ("2011-08 MID")."""
    lang, reference, cases = "", date.min, []
    for number, raw in enumerate(FOREIGN_CORPUS.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if m := re.match(r"#\s*lang:\s*(\w+)", line):
            lang = m.group(1)
        elif m := re.match(r"#\s*reference:\s*(\d{4}-\d\d-\d\d)", line):
            reference = date.fromisoformat(m.group(1))
        elif line and not line.startswith("#"):
            head, *phrasings = [p.strip() for p in line.split("|")]
            value = None if head == "NONE" else " ".join(head.split()[1:])
            cases.extend((number, lang, reference, value, p) for p in phrasings)
    return cases


@pytest.mark.parametrize(("line", "lang", "reference", "value", "phrasing"), _foreign_cases(),
                         ids=lambda x: x if isinstance(x, str) else None)
def test_foreign_corpus(line: int, lang: str, reference: date, value: str | None, phrasing: str) -> None:
    start = phrasing.find("[")
    end = phrasing.find("]") - 1 if start >= 0 else -1
    text = phrasing.replace("[", "", 1).replace("]", "", 1)
    if start < 0:
        start, end = 0, len(text)
    found = tag_foreign(text, reference, lang)
    shown = [(t.text, t.value) for t in found]
    where = f"foreign.txt:{line} {phrasing!r} ({lang}, {reference})"
    if value is None:
        assert not [t for t in found if t.start < end and t.end > start], f"{where}: got {shown}"
    else:
        assert [(t.start, t.end, " ".join(filter(None, (t.value, t.mod)))) for t in found
                if t.start < end and t.end > start] == [(start, end, value)], f"{where}: got {shown}"


def test_a_pages_stamp_is_a_byline_wherever_it_is() -> None:
    stamp = ("Par Claire Talon Publié le 25 juin 2013 à 16h51 - Mis à jour le 26 juin 2013 à 19h59 Temps de "
             "lecture 7 min. Un rapport publié le 3 juin a montré la crise.")
    found = {t.text: t.rule for t in tag_foreign(" ".join(["Navigation du site."] * 60) + " " + stamp,
                                                 date(2013, 6, 25), "fr")}
    assert found == {"25 juin 2013": "byline", "26 juin 2013": "byline", "3 juin": "dateparser"}


def test_a_story_counts_no_byline_as_a_mention_of_its_day() -> None:
    from timeline.story import day_evidence

    text = ("Le Monde Publié le 25 juin 2013 à 16h51 - Mis à jour le 26 juin 2013 à 19h59\n\n"
            "Les manifestants ont défilé le 20 juin au Caire.")
    result = process(make_article(f"---\npublished: 2013-06-25\nlang: fr\n---\n{text}\n", name="a.txt"))
    assert {t.text for t in result.timexes if t.rule == "byline"} == {"25 juin 2013", "26 juin 2013"}
    assert sorted(d.isoformat() for d, ev in day_evidence([result]).items() if ev.articles) == ["2013-06-20"]


def test_an_italian_pages_insertion_stamp_is_a_byline() -> None:
    # a blog's stamp, read in an Italian page: "Questo contenuto è stato inserito il ... ore 3:52"
    stamp = ("Questo contenuto è stato inserito il 28 settembre 2011 ore 3:52 nelle categorie Flash News. "
             "Il 25 settembre la polizia ha arrestato tre persone.")
    found = {t.text: t.rule for t in tag_foreign(" ".join(["Navigazione del sito."] * 60) + " " + stamp,
                                                 date(2011, 9, 28), "it")}
    assert found == {"28 settembre 2011": "byline", "25 settembre": "dateparser"}


@pytest.mark.parametrize(("lang", "text", "stamp", "told"), [
    ("fr", "Je ne suis pas d'accord. @Paul 10 juillet @02h13 Je pense que les militaires ont tiré le 8 juillet.",
     "10 juillet", "8 juillet"),
    ("fr", "Par Ali (---.---.149.21) 22 octobre 12:55 La police a chargé le 20 octobre.", "22 octobre", "20 octobre"),
    ("es", "Actualidad 3 de julio 15:32 La policía detuvo a tres personas el 1 de julio.", "3 de julio", "1 de julio"),
    ("it", "Cronaca 29 gennaio, 18:02 (di Mario Rossi) La polizia ha arrestato tre persone il 27 gennaio.",
     "29 gennaio", "27 gennaio"),
])
def test_a_date_with_a_clock_time_and_no_word_between_is_a_stamp(lang: str, text: str, stamp: str,
                                                                  told: str) -> None:
    # a comment's or a feed's stamp ("10 juillet @02h13", "22 octobre 12:55"): news text puts a word
    # before a time ("le 8 juillet à 17h", "a las 15:30", "alle 18"); a stamp dates no event
    found = {t.text: t.rule for t in tag_foreign(text, date(2013, 7, 30), lang)}
    assert [k for k, v in found.items() if v == "byline" and k.startswith(stamp)] and found.get(told) == "dateparser"
    assert not [k for k in found if re.search(r"@\S+\s+\w", k)]  # a stamp ends at its time


def test_a_date_with_a_clock_time_after_a_word_is_no_stamp() -> None:
    found = {t.text: t.rule for t in tag_foreign("Les militaires ont tiré le 8 juillet à 17h30 sur la foule.",
                                                 date(2013, 7, 30), "fr")}
    assert found == {"8 juillet": "dateparser"}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Anoche la policía detuvo a tres hombres."), ("fr", "Hier soir, la police a arrêté trois hommes."),
    ("it", "Ieri sera la polizia ha arrestato tre uomini.")])
def test_a_part_of_the_day_is_a_time_as_in_english(lang: str, text: str) -> None:
    """"last night", "yesterday evening" are TIME in English (2026-02-05TNI): so they are here."""
    assert [(t.type, t.value[10:]) for t in tag_foreign(text, PUBLISHED, lang)] == \
        [("TIME", "TNI" if lang == "es" else "TEV")]


def test_the_last_days_are_a_duration_as_in_english() -> None:
    # "nei giorni scorsi", "los últimos días", "ces derniers jours": as English "in recent days"
    for lang, text in (("it", "Nei giorni scorsi la polizia ha arrestato tre persone."),
                       ("es", "En los últimos días la policía detuvo a tres personas."),
                       ("fr", "Ces derniers jours, la police a arrêté trois militants.")):
        assert [(t.type, t.value, t.anchor) for t in tag_foreign(text, date(2026, 2, 5), lang)] \
            == [("DURATION", "PXD", None)], text


def test_a_caption_ending_on_a_full_month_is_no_dateline() -> None:
    text = "Manifestantes, 25 de enero.\nMiles de personas marcharon en El Cairo."
    result = process(make_article(f"---\npublished: 2011-01-26\nlang: es\n---\n{text}\n", name="a.txt"))
    assert "2011-01-25" in [e.date for e in result.events]
