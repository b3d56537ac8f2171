"""What the tagger for other languages (timeline.temporal.foreign) knows of each language, as
tables: the words that tell the granularity of a phrase dateparser found (month and weekday
names, relative day words), the markers that send a weekday to the past or the future, the
relative periods dateparser's search misses ("la semana pasada"), the idioms that are no date
("hoy en día"), the words of tense, and the bylines that state a publication date.

A language without a table here is still tagged (dateparser knows 200+ locales); its phrases
are then judged by their digits alone.
"""

from __future__ import annotations

from dataclasses import dataclass


def _curly(periods: dict[str, tuple[str, int, str]]) -> dict[str, tuple[str, int, str]]:
    """The phrases with their apostrophes also written curly ("dell'anno", "dell’anno")."""
    return periods | {k.replace("'", "’"): v for k, v in periods.items()}


@dataclass(frozen=True)
class Locale:
    months: tuple[str, ...]  # month names (any case, accents as written)
    short: tuple[str, ...]  # their abbreviations, which alone are often other words ("mar", "set")
    weekdays: tuple[str, ...]
    days: dict[str, int]  # relative day words and their offset from the publication day
    before: tuple[str, ...]  # a weekday marker that means "the last one": "el pasado martes"
    after: tuple[str, ...]  # a weekday marker that means "the next one": "el próximo martes"
    periods: dict[str, tuple[str, int] | tuple[str, int, str]]  # "la semana pasada" -> ("week", -1); a part
    #                 of the period after it, its TIMEX3 mod: "a fin de mes" -> ("month", 0, "END")
    idioms: tuple[str, ...]  # phrases holding a day word that are no date ("hoy en día")
    future: str  # a regular expression of words that tell a sentence speaks of the future
    past: str  # ... of the past
    bylines: tuple[str, ...]  # the words before a publication date: "Publicado el"
    day_of_month: str = ""  # a day of the month named without its month: "el día 25" (group 1: the day)
    first: tuple[str, ...] = ()  # the first day of a month in words: "primo luglio", "premier juin"
    numbers: dict[str, int] | None = None  # small counts in words: "trois" -> 3
    units: dict[str, str] | None = None  # "semaines" -> "week" (day, week, month, year)
    ago: str = ""  # a count of units before the publication: "il y a {n} {unit}" ({n}, {unit} filled in)
    ahead: str = ""  # ... after it: "dans {n} {unit}" (not in a clause in the past, nor before "de", "di")
    weeks_of_days: dict[int, int] | None = None  # counts of days a reader takes as weeks: "il y a huit jours"
    #                 is "a week ago", "dans quinze jours" "in two weeks" ({8: 1, 15: 2})
    this: tuple[str, ...] = ()  # "ce 29 janvier", "este 3 de julio": a date of the publication's time
    night: str = ""  # a night across two weekdays: a regular expression, {wd} a weekday, groups a and b
    named: tuple[str, ...] = ()  # what is named after a day ("le pont du 6 octobre"): no mention of it
    into: str = ""  # the words a month named alone follows ("en", "début", "mi-"): a capitalised month
    #                 after another word mid-sentence is a name ("la planète Mars")
    toward: str = ""  # the words that point a weekday after them forward, whatever the tense of the
    #                   sentence ("llamaron a manifestarse para el martes"): a regular expression
    beside: dict[str, int] | None = None  # the day before or after another: "la veille" -> -1
    every: str = ""  # a weekday said of every week ("chaque vendredi", "du lundi au vendredi"): a
    #                  regular expression, {wd} a weekday; no day
    since: str = ""  # the words of "since" before a date ("depuis le 25 janvier"): a regular
    #                  expression; the date is then in the past of the publication, whatever the tense
    since_or_from: str = ""  # the words of "since" that also say "from" ("dal 25 gennaio", "desde el 25
    #                  de enero"): the date is in the past of the publication unless its clause is in the
    #                  future ("dal 25 marzo entrerà in vigore": the 25 March to come)
    parts: tuple[tuple[str, str], ...] = ()  # a part of a month: (the word before the month, a regular
    #                  expression, "de"/"d'"/"di" between them; its TIMEX3 mod): "mi-août 2011" is 2011-08, MID
    near: str = ""  # the words that make a weekday after them the coming one unless its clause is in the
    #                 past, then the most recent ("ce jeudi", "jusqu'à mardi"): a regular expression
    date_order: str = "DMY"  # the order of a numeric date's parts ("04/07/2013" is 4 July)
    lately: dict[str, str] | None = None  # the last days, weeks...: a past stretch of no known length, its
    #                 TIMEX3 DURATION as English "in recent days" (PXD); not before "de", "di" ("the last days of");
    #                 a DATE PAST_REF as English "recently" ("ces derniers temps"), PRESENT_REF as "these days"
    other_period: str = ""  # the words after the start or end of a month or year that make it another's
    #                 ("all'inizio del mese di marzo", "l'anno scolastico"): a regular expression
    remembered: tuple[str, ...] = ()  # a demonstrative of distance before a date ("aquel 11 de febrero"): a
    #                 remembered day, the latest one not after the publication
    anterior: str = ""  # a pluperfect, a past before another past ("avaient mitraillé"): a regular expression
    scheduled: str = ""  # words that make a clause speak of what was to come (the conditional, "prévu"):
    #                 with them a pluperfect clause is no sign that its day is past
    of_year: dict[str, int | None] | None = None  # the year after a day and month or a month, counted from
    #                 the publication's ("el 3 de febrero del año pasado" -> -1), or None: the year the text last
    #                 wrote before it ("el 11 de febrero de ese año") (regular expressions, after the month)
    seasons: dict[str, str] | None = None  # the seasons' names and their TIMEX3 codes ("primavera" -> "SP"): a
    #                 season with its year ("la primavera de 2010") or marked last or next ("l'été prochain")
    season_marks: dict[str, int] | None = None  # the words that mark a season last (-1) or next (1)
    season_this: str = ""  # the words of "this" before a season ("este verano", "cet été", "quest'estate"): a
    #                 regular expression; the publication year's season, as English "this summer"
    season_in: str = ""  # the words before a season alone ("en invierno", "au printemps", "in autunno"): a regular
    #                 expression; the season the tense of its clause points to, as English "in summer"
    season_names: str = ""  # the words after a season that make it a name ("printemps arabe"): a regular expression
    short_year: str = ""  # a year in two digits after an apostrophe ("nel '68", "il 23 gennaio del '43"): the
    #                 words before it, a regular expression; the latest such year not after the publication
    following: dict[str, int] | None = None  # the words after a weekday that count it from the day the text
    #                 last named, as English "the following Monday": regular expressions, 1 after it ("le lundi
    #                 suivant", "il sabato successivo"), -1 before it ("el viernes anterior")
    century: str = ""  # a century: a regular expression, {n} its number (roman or digits): "siglo XIX" is TIMEX3
    #                 "18" (the 1800s), as English "the 19th century"
    century_names: dict[str, int] | None = None  # centuries named by their hundreds, capitalised ("il Novecento"
    #                 -> 19), after the words of `century_before`
    century_before: str = ""  # the words a century's name follows ("nel", "dell'"): a regular expression
    last_century: tuple[str, ...] = ()  # "el siglo pasado": the century before the publication's
    decade: str = ""  # a decade: a regular expression, {n} its number ("1990", "90", "'90") or a word of
    #                 `decade_words`; in two digits or in words the latest such decade, as English "the nineties"
    day_parts: dict[str, str] | None = None  # the parts of the day and their TIMEX3 codes ("soir" -> "EV"): a
    #                 day before or after one is that part of it ("mardi soir", "la noche del martes": TIME
    #                 2026-02-03TEV, as English "Tuesday evening")
    part_after: str = ""  # the words between a day and its part after it ("ayer por la tarde"): a regular expression
    part_before: str = ""  # ... between a part and its day after it ("la nuit de mardi"): a regular expression
    part_days: dict[str, tuple[int | None, str]] | None = None  # words that are a day and its part: "anoche" ->
    #                 (-1, "NI"); None: the publication day, or the day before in a past clause ("cette nuit a été
    #                 calme", "stanotte sono morte": the night gone by, as "last night"; Spanish "esta noche ha
    #                 anunciado" is this evening)
    reported: str = ""  # a verb of saying and "that" ("dijo que", "a annoncé que", "ha detto che"): a regular
    #                 expression; a date after it goes by the tense of the reported clause ("ha detto che lunedì
    #                 incontrerà": the coming Monday), else as before
    quarters: dict[str, int] | None = None  # the ordinals of a quarter before "trimestre" ("primer" -> 1): "el primer
    #                 trimestre de 2025" is 2025-Q1, as English "the first quarter of 2025"
    decade_words: dict[str, int] | None = None  # "noventa" -> 9 (the tens), "Duemila" -> 200 (a decade itself)


LOCALES: dict[str, Locale] = {
    "es": Locale(
        months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                "setiembre", "octubre", "noviembre", "diciembre"),
        short=("ene", "feb", "mar", "abr", "jun", "jul",
                "ago", "sep", "sept", "oct", "nov", "dic"),
        weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "miercoles",
                  "sabado"),  # the seven in order, then spellings without accents
        days={"anteayer": -2, "antier": -2, "ayer": -1, "hoy": 0, "mañana": 1, "pasado mañana": 2,
              "anoche": -1, "anteanoche": -2, "esta mañana": 0, "esta tarde": 0, "esta noche": 0,
              "esta madrugada": 0},
        before=("pasado",), after=("próximo", "proximo", "que viene"), remembered=("aquel", "aquella"),
        century=r"siglo\s+{n}", last_century=("siglo pasado", "pasado siglo"),
        decade=r"(?:los|unos)\s+años\s+{n}|(?:la\s+)?década\s+de\s+(?:los\s+)?{n}",
        decade_words={"veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6, "setenta": 7,
                      "ochenta": 8, "noventa": 9},
        seasons={"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"},
        season_marks={"pasado": -1, "pasada": -1, "próximo": 1, "próxima": 1, "que viene": 1},
        season_this=r"este|esta", season_in=r"en", season_names=r"árabe|arabe|de\s+Praga|negra",
        day_parts={"mañana": "MO", "madrugada": "MO", "tarde": "AF", "noche": "NI"},
        part_after=r"\s+(?:por|en|a)\s+la\s+", part_before=r"\s+(?:del|de)\s+",
        quarters={"primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4},
        reported=r"(?:dijo|dijeron|ha\s+dicho|han\s+dicho|afirmó|afirmaron|aseguró|aseguraron|anunció|anunciaron"
                 r"|declaró|declararon|explicó|señaló|indicó|añadió|agregó|informó|confirmó|advirtió|precisó"
                 r"|ha\s+(?:afirmado|asegurado|anunciado|declarado|explicado|señalado|indicado|informado|confirmado))"
                 r"\s+(?:\w+\s+){0,3}?que",
        part_days={"anoche": (-1, "NI"), "anteanoche": (-2, "NI"), "esta mañana": (0, "MO"),
                   "esta madrugada": (0, "MO"), "esta tarde": (0, "AF"), "esta noche": (0, "NI")},
        periods={"la semana pasada": ("week", -1), "la próxima semana": ("week", 1),
                 "la pasada semana": ("week", -1), "el pasado año": ("year", -1),  # the marker first
                 "la semana que viene": ("week", 1), "esta semana": ("week", 0),
                 "el mes que viene": ("month", 1), "el año que viene": ("year", 1),
                 "el pasado fin de semana": ("weekend", -1), "el fin de semana pasado": ("weekend", -1),
                 "el próximo fin de semana": ("weekend", 1), "el fin de semana que viene": ("weekend", 1),
                 "este fin de semana": ("weekend", 0),
                 "el mes pasado": ("month", -1), "el próximo mes": ("month", 1), "este mes": ("month", 0),
                 "el año pasado": ("year", -1), "el próximo año": ("year", 1), "este año": ("year", 0),
                 "fin de mes": ("month", 0, "END"), "finales de mes": ("month", 0, "END"),
                 "fin del mes": ("month", 0, "END"), "final del mes": ("month", 0, "END"),
                 "finales del mes": ("month", 0, "END"), "fin de año": ("year", 0, "END"),
                 "finales de año": ("year", 0, "END"), "fin del año": ("year", 0, "END"),
                 "final del año": ("year", 0, "END"), "finales del año": ("year", 0, "END"),
                 "fin del año pasado": ("year", -1, "END"), "finales del año pasado": ("year", -1, "END"),
                 "final del año pasado": ("year", -1, "END"), "fin del mes pasado": ("month", -1, "END"),
                 "finales del mes pasado": ("month", -1, "END"),
                 # the start, as English "the start of the month", "early next year"
                 "principios de mes": ("month", 0, "START"), "principios del mes": ("month", 0, "START"),
                 "comienzos de mes": ("month", 0, "START"), "comienzos del mes": ("month", 0, "START"),
                 "inicios de mes": ("month", 0, "START"), "principios de año": ("year", 0, "START"),
                 "principios del año": ("year", 0, "START"), "comienzos de año": ("year", 0, "START"),
                 "comienzos del año": ("year", 0, "START"), "inicios de año": ("year", 0, "START"),
                 "inicios del año": ("year", 0, "START"),
                 **{f"{start} {period}": (unit, n, "START")
                    for start in ("principios del", "comienzos del", "inicios del")
                    for period, unit, n in (("próximo año", "year", 1), ("año próximo", "year", 1),
                                            ("año que viene", "year", 1), ("año pasado", "year", -1),
                                            ("próximo mes", "month", 1), ("mes próximo", "month", 1),
                                            ("mes que viene", "month", 1), ("mes pasado", "month", -1))},
                 # the end of the next one, as English "the end of next year" (not of this year)
                 **{f"{end} {period}": (unit, n, "END")
                    for end in ("fin del", "final del", "finales del")
                    for period, unit, n in (("próximo año", "year", 1), ("año próximo", "year", 1),
                                            ("año que viene", "year", 1), ("próximo mes", "month", 1),
                                            ("mes próximo", "month", 1), ("mes que viene", "month", 1))}},
        other_period=r"de|del|escolar|académico|academico|fiscal|lectivo|judicial|litúrgico|lunar",
        lately={"los últimos días": "PXD", "estos últimos días": "PXD", "las últimas semanas": "PXW",
                "estas últimas semanas": "PXW", "los últimos meses": "PXM",
                "los últimos años": "PXY", "últimamente": "PAST_REF", "recientemente": "PAST_REF",
                "estos días": "PRESENT_REF"},  # as English "these days"
        idioms=("hoy en día", "hoy día", "a día de hoy", "hoy por hoy", "de hoy en adelante", "el día de mañana",
                "por la mañana", "de la mañana", "la mañana de", "las mañanas", "hasta mañana",
                "llegar a fin de mes", "llegan a fin de mes", "llega a fin de mes", "llegamos a fin de mes",
                "llegaban a fin de mes", "llegaba a fin de mes"),  # to make ends meet
        future=r"\b(?:\w+(?:ará|erá|irá|arán|erán|irán|aremos|eremos|iremos)|será|serán|habrá|habrán"
               r"|podrá|podrán|tendrá|tendrán|hará|harán|dirá|va\s+a|van\s+a|próxim[oa])\b",
        past=r"\b(?:ha|han|había|habían|fue|fueron|hubo|dijo|dijeron|hizo|hicieron|tuvo|tuvieron|estuvo"
             r"|estuvieron|\w+(?:ó|aron|ieron|aba|aban))\b",
        anterior=r"\b(?:había|habían|habíamos|hubo|hubieron)\s+(?:\w+\s+)?\w+(?:ado|ada|ados|adas|ido|ida|idos|idas|to|cho)\b",
        scheduled=r"\b\w+(?:ría|rían)\b|previst|programad|fijad",
        of_year={r"del\s+año\s+pasado": -1, r"del\s+pasado\s+año": -1,
                 r"del\s+año\s+(?:próximo|que\s+viene)": 1, r"del\s+próximo\s+año": 1,
                 r"de\s+este\s+año": 0, r"del\s+año\s+en\s+curso": 0,
                 r"de\s+(?:ese|aquel)\s+(?:mismo\s+)?año": None, r"del\s+mismo\s+año": None},
        bylines=("publicado el", "publicado", "actualizado el", "actualizado", "fecha", "publicación"),
        day_of_month=r"(?<!\w)(?:el|del|al)\s+(?:pasado\s+)?día\s+(\d{1,2})(?!\d)(?!\s+de\s)",
        first=("primero", "1º", "1°"),
        numbers={"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                 "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
                 "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "cien": 100},
        units={"día": "day", "días": "day", "semana": "week", "semanas": "week", "mes": "month", "meses": "month",
               "año": "year", "años": "year"},
        ago=r"hace (?:(?:ahora|ya|casi|unos|unas|apenas|solo|sólo)\s+)?{n} {unit}",
        weeks_of_days={8: 1, 15: 2},  # "ocho días", "huit jours", "otto giorni": a week
        ahead=r"dentro de {n} {unit}",
        this=("este", "esta"),
        night=r"la\s+(?:noche|madrugada)\s+(?:del|de)\s+(?P<a>{wd})\s+(?:al|a)\s+(?P<b>{wd})",
        into=r"en|de|del|desde|hasta|a|al|y|e|o|u|entre|mes|principios|mediados|finales|fines|pasado|próximo|este",
        toward=r"para\s+el|para\s+este",
        parts=((r"mediados", "MID"), (r"principios|comienzos|inicios", "START"), (r"finales|fines", "END")),
        near=r"este|estos|hasta\s+el|hasta\s+este",
        since_or_from=r"desde(?:\s+el|\s+este|\s+el\s+pasado)?",
        beside={"la víspera": -1, "al día siguiente": 1, "el día siguiente": 1, "el día anterior": -1},
        every=r"(?:cada|todos\s+los|los|un)\s+{wd}|de\s+lunes\s+a\s+(?:viernes|sábado|sabado)",
        following={r"siguiente": 1, r"posterior": 1, r"que\s+siguió": 1, r"anterior": -1, r"previo": -1,
                   r"que\s+precedió": -1},
        named=("calle", "avenida", "plaza", "paseo", "puente", "barrio", "colonia", "estadio", "movimiento",
               "coalición", "revolución", "llamamiento"),
    ),
    "fr": Locale(
        months=("janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
                "septembre", "octobre", "novembre", "décembre", "decembre"),
        short=("janv", "févr", "avr", "juil",
                "sept", "oct", "nov", "déc"),
        weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        days={"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
              "après-demain": 2, "ce matin": 0, "ce soir": 0, "hier soir": -1, "hier matin": -1,
              "cette nuit": 0, "cet après-midi": 0, "la nuit dernière": -1},
        before=("dernier",), after=("prochain",),
        century=r"{n}\s*(?:e|è|ème|eme|ᵉ)\s+siècle", last_century=("siècle dernier", "siècle passé"),
        decade=r"(?:les|des|aux)\s+années\s+{n}|(?:la\s+)?décennie\s+{n}",
        decade_words={"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6, "soixante-dix": 7,
                      "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9},
        seasons={"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"},
        season_marks={"dernier": -1, "passé": -1, "prochain": 1},
        season_this=r"cet|ce|cette", season_in=r"en|au", season_names=r"arabe|de\s+Prague|érable",
        day_parts={"matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI"},
        part_after=r"\s+(?:au\s+)?", part_before=r"\s+(?:de|du|d['’])\s*",
        quarters={"premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4},
        reported=r"(?:a|ont|avait|avaient)\s+(?:dit|déclaré|annoncé|affirmé|assuré|expliqué|indiqué|précisé|ajouté"
                 r"|confirmé|souligné|averti|estimé|prévenu|fait\s+savoir)\s+(?:\w+\s+){0,3}?qu(?:e|['’])",
        part_days={"ce matin": (0, "MO"), "cet après-midi": (0, "AF"), "ce soir": (0, "EV"), "cette nuit": (None, "NI"),
                   "la nuit dernière": (-1, "NI")},
        periods={"la semaine dernière": ("week", -1), "la semaine passée": ("week", -1),
                 "la semaine prochaine": ("week", 1), "cette semaine": ("week", 0),
                 "le week-end dernier": ("weekend", -1), "le week-end prochain": ("weekend", 1),
                 "ce week-end": ("weekend", 0),
                 "le mois dernier": ("month", -1), "le mois prochain": ("month", 1), "ce mois-ci": ("month", 0),
                 "l'an dernier": ("year", -1), "l’an dernier": ("year", -1), "l'année dernière": ("year", -1),
                 "l’année dernière": ("year", -1), "l'an prochain": ("year", 1), "l’an prochain": ("year", 1),
                 "l'année prochaine": ("year", 1), "l’année prochaine": ("year", 1), "cette année": ("year", 0),
                 "la fin du mois": ("month", 0, "END"), "fin de mois": ("month", 0, "END"),
                 "la fin de l'année": ("year", 0, "END"), "la fin de l’année": ("year", 0, "END"),
                 "fin d'année": ("year", 0, "END"), "fin d’année": ("year", 0, "END"),
                 "la fin de l'année dernière": ("year", -1, "END"), "la fin de l’année dernière": ("year", -1, "END"),
                 "la fin de l'an dernier": ("year", -1, "END"), "la fin de l’an dernier": ("year", -1, "END"),
                 "la fin du mois dernier": ("month", -1, "END"),
                 # the start, as English "the start of the month", "early next year"
                 **_curly({"début du mois": ("month", 0, "START"), "début de mois": ("month", 0, "START"),
                           "début de l'année": ("year", 0, "START"), "début d'année": ("year", 0, "START"),
                           "début de l'année prochaine": ("year", 1, "START"),
                           "début de l'an prochain": ("year", 1, "START"),
                           "début de l'année dernière": ("year", -1, "START"),
                           "début de l'an dernier": ("year", -1, "START"),
                           "début du mois prochain": ("month", 1, "START"),
                           "début du mois dernier": ("month", -1, "START"),
                           # the end of the next one, as English "the end of next year"
                           "la fin de l'année prochaine": ("year", 1, "END"),
                           "la fin de l'an prochain": ("year", 1, "END"),
                           "la fin du mois prochain": ("month", 1, "END")})},
        other_period=r"de|du|des|d['’]|scolaire|universitaire|fiscal|budgétaire|judiciaire|liturgique|lunaire",
        lately={"ces derniers jours": "PXD", "ces jours derniers": "PXD", "ces dernières semaines": "PXW",
                "ces derniers mois": "PXM", "ces dernières années": "PXY",
                "ces derniers temps": "PAST_REF", "récemment": "PAST_REF", "dernièrement": "PAST_REF",
                "ces jours-ci": "PRESENT_REF"},  # as English "these days"
        idioms=("au jour d'aujourd'hui", "au jour d’aujourd’hui", "d'hier et d'aujourd'hui",
                "d’hier et d’aujourd’hui", "d'aujourd'hui et de demain", "d’aujourd’hui et de demain"),
        future=r"\b(?:\w+(?:era|eront|ira|iront|erons|irons)|sera|seront|aura|auront|fera|feront|pourra"
               r"|pourront|devra|devront|va|vont|prochaine?"
               r"|doit|doivent|devrait|devraient|prévue?s?)\b",  # scheduled: "doit s'ouvrir", "est prévu"
        past=r"\b(?:a|ont|avait|avaient|était|étaient|est|sont)\s+(?:\w+\s+)?(?:\w+(?:é|ée|és|ées|i|is|it|u|us)"
             # the irregular participles ("s'est ouvert", "sont morts", "a atteint", "a rejoint")
             r"|(?:\w*(?:ouvert|offert|souffert)|morte?|atteinte?|éteinte?|peinte?|crainte?|\w*jointe?|contrainte?)s?)"
             r"\b(?!['’])",
        anterior=r"\b(?:avait|avaient|avions)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|it|u|us)\b(?!['’])",
        scheduled=r"\b\w+(?:rait|raient)\b|prévu|programmé|fixé",
        of_year={r"de\s+l['’]\s*(?:année|an)\s+(?:dernière|dernier|passée|passé)": -1,
                 r"de\s+l['’]\s*(?:année|an)\s+(?:prochaine|prochain)": 1, r"de\s+cette\s+année": 0,
                 r"de\s+l['’]\s*année\s+en\s+cours": 0,
                 r"de\s+cette\s+année\s*-\s*là": None, r"de\s+la\s+même\s+année": None},
        bylines=("publié le", "publié", "mis à jour le", "mis à jour", "date de publication"),
        first=("premier", "1er"),
        numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
                 "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100},
        units={"jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month",
               "an": "year", "ans": "year", "année": "year", "années": "year"},
        ago=r"il y a (?:(?:maintenant|déjà|près\s+de|environ|à\s+peine|seulement)\s+)?{n} {unit}",
        weeks_of_days={8: 1, 15: 2},  # "ocho días", "huit jours", "otto giorni": a week
        ahead=r"dans {n} {unit}",
        this=("ce", "cette"),
        night=r"la\s+nuit\s+(?:de|du)\s+(?P<a>{wd})\s+(?:à|au)\s+(?P<b>{wd})",
        into=r"en|de|d['’]|du|depuis|dès|jusqu['’]en|début|fin|mi-?|à|au|et|ou|entre|mois|courant|avant|après"
             r"|pendant|ce|cet",
        toward=r"pour|pour\s+ce|d['’]ici|d['’]ici\s+à",
        parts=((r"mi-|mi", "MID"), (r"début|debut", "START"), (r"fin", "END")),
        near=r"ce|ces|jusqu['’](?:à|au)|jusqu['’]à\s+ce",
        since=r"depuis(?:\s+le|\s+la|\s+ce|\s+cette)?",
        beside={"la veille": -1, "l'avant-veille": -2, "l’avant-veille": -2, "le lendemain": 1,
                "le surlendemain": 2},
        every=r"(?:chaque|tous\s+les|un)\s+{wd}|du\s+lundi\s+au\s+(?:vendredi|samedi)",
        following={r"suivant": 1, r"qui\s+a\s+suivi": 1, r"qui\s+suivit": 1, r"qui\s+suivait": 1,
                   r"précédent": -1, r"qui\s+a\s+précédé": -1, r"qui\s+précéda": -1, r"qui\s+précédait": -1},
        named=("rue", "avenue", "boulevard", "place", "quai", "pont", "cité", "quartier", "stade", "mouvement",
               "coalition", "révolution", "appel"),
    ),
    "it": Locale(
        months=("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre"),
        short=("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago",
                "set", "sett", "ott", "nov", "dic"),
        weekdays=("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "lunedi",
                  "martedi", "mercoledi", "giovedi", "venerdi"),
        days={"l'altro ieri": -2, "l’altro ieri": -2, "altroieri": -2, "ieri": -1, "oggi": 0, "domani": 1,
              "dopodomani": 2, "stamattina": 0, "stasera": 0,
              "questa sera": 0, "questa mattina": 0, "ieri sera": -1, "ieri mattina": -1, "stanotte": 0,
              "questa notte": 0, "la notte scorsa": -1, "stamani": 0, "questo pomeriggio": 0},
        before=("scorso", "scorsa"), after=("prossimo", "prossima"), remembered=("quel",),
        century=r"{n}\s*(?:°|º)?\s+secolo|secolo\s+{n}", last_century=("secolo scorso", "scorso secolo"),
        century_names={"Duecento": 12, "Trecento": 13, "Quattrocento": 14, "Cinquecento": 15, "Seicento": 16,
                       "Settecento": 17, "Ottocento": 18, "Novecento": 19},
        century_before=r"il|nel|del|al|dal|sul|l['’]|nell['’]|dell['’]|all['’]|dall['’]|sull['’]",
        decade=r"(?:(?<=\bgli\s)|(?<=\bnegli\s)|(?<=\bdegli\s)|(?<=\bagli\s)|(?<=\bdagli\s)|(?<=\bsugli\s))anni\s+{n}",
        decade_words={"venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6, "settanta": 7,
                      "ottanta": 8, "novanta": 9, "duemila": 200},
        seasons={"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"},
        season_marks={"scorso": -1, "scorsa": -1, "passato": -1, "passata": -1, "prossimo": 1, "prossima": 1},
        season_this=r"questa|questo|quest['’]", season_in=r"in|d['’]", season_names=r"araba|arabe|di\s+Praga",
        day_parts={"mattina": "MO", "mattino": "MO", "mattinata": "MO", "pomeriggio": "AF", "sera": "EV",
                   "serata": "EV", "notte": "NI", "nottata": "NI"},
        part_after=r"\s+(?:in\s+)?", part_before=r"\s+(?:di|del)\s+",
        quarters={"primo": 1, "secondo": 2, "terzo": 3, "quarto": 4},
        reported=r"(?:ha|hanno|aveva|avevano)\s+(?:detto|dichiarato|annunciato|affermato|spiegato|riferito|assicurato"
                 r"|precisato|aggiunto|confermato|sottolineato|avvertito|fatto\s+sapere|reso\s+noto)"
                 r"\s+(?:\w+\s+){0,3}?che",
        part_days={"stamattina": (0, "MO"), "stamani": (0, "MO"), "stasera": (0, "EV"), "stanotte": (None, "NI"),
                   "questa mattina": (0, "MO"), "questo pomeriggio": (0, "AF"), "questa sera": (0, "EV"),
                   "questa notte": (None, "NI"), "la notte scorsa": (-1, "NI")},
        periods={"la settimana scorsa": ("week", -1), "la scorsa settimana": ("week", -1),
                 "la settimana prossima": ("week", 1), "la prossima settimana": ("week", 1),
                 "lo scorso fine settimana": ("weekend", -1), "il fine settimana scorso": ("weekend", -1),
                 "il prossimo fine settimana": ("weekend", 1), "il fine settimana prossimo": ("weekend", 1),
                 "questo fine settimana": ("weekend", 0), "lo scorso weekend": ("weekend", -1),
                 "il weekend scorso": ("weekend", -1), "il prossimo weekend": ("weekend", 1),
                 "questo weekend": ("weekend", 0),
                 "questa settimana": ("week", 0), "il mese scorso": ("month", -1), "lo scorso mese": ("month", -1),
                 "il mese prossimo": ("month", 1), "questo mese": ("month", 0), "l'anno scorso": ("year", -1),
                 "l’anno scorso": ("year", -1), "lo scorso anno": ("year", -1), "l'anno prossimo": ("year", 1),
                 "l’anno prossimo": ("year", 1), "quest'anno": ("year", 0), "quest’anno": ("year", 0),
                 "il prossimo anno": ("year", 1), "il prossimo mese": ("month", 1), "l'anno passato": ("year", -1),
                 "l’anno passato": ("year", -1), "il mese passato": ("month", -1),
                 "la settimana passata": ("week", -1),
                 "fine mese": ("month", 0, "END"), "fine del mese": ("month", 0, "END"),
                 "fine anno": ("year", 0, "END"),
                 "fine dell'anno": ("year", 0, "END"), "fine dell’anno": ("year", 0, "END"),
                 "fine dell'anno scorso": ("year", -1, "END"), "fine dell’anno scorso": ("year", -1, "END"),
                 "fine del mese scorso": ("month", -1, "END"),
                 # the start, as English "the start of the month", "early next year"
                 **_curly({"inizio mese": ("month", 0, "START"), "inizio del mese": ("month", 0, "START"),
                           "inizio anno": ("year", 0, "START"), "inizio dell'anno": ("year", 0, "START"),
                           "inizio dell'anno prossimo": ("year", 1, "START"),
                           "inizio del prossimo anno": ("year", 1, "START"),
                           "inizio dell'anno scorso": ("year", -1, "START"),
                           "inizio dello scorso anno": ("year", -1, "START"),
                           "inizio del mese prossimo": ("month", 1, "START"),
                           "inizio del prossimo mese": ("month", 1, "START"),
                           "inizio del mese scorso": ("month", -1, "START"),
                           "inizio dello scorso mese": ("month", -1, "START"),
                           # the end of the next one, as English "the end of next year"
                           "fine dell'anno prossimo": ("year", 1, "END"), "fine del prossimo anno": ("year", 1, "END"),
                           "fine del mese prossimo": ("month", 1, "END"),
                           "fine del prossimo mese": ("month", 1, "END")})},
        other_period=r"di|del|della|dei|scolastico|accademico|fiscale|giudiziario|liturgico|lunare",
        lately={"giorni scorsi": "PXD", "ultimi giorni": "PXD", "ultime settimane": "PXW", "settimane scorse": "PXW",
                "ultimi mesi": "PXM", "mesi scorsi": "PXM", "ultimi anni": "PXY", "ultimamente": "PAST_REF",
                "recentemente": "PAST_REF", "di recente": "PAST_REF",
                "in questi giorni": "PRESENT_REF"},  # as English "these days"
        idioms=("oggi giorno", "oggigiorno", "ancora oggi", "fino a oggi", "fino ad oggi", "oggi più di ieri",
                "giorno d'oggi", "giorno d’oggi", "giorni d'oggi", "giorni d’oggi",
                "arrivare a fine mese", "arrivano a fine mese", "arriva a fine mese", "arriviamo a fine mese",
                "arrivare alla fine del mese", "arrivano alla fine del mese"),  # to make ends meet
        future=r"\b(?:\w+(?:rà|ranno|remo)|sarà|saranno|avrà|avranno|farà|faranno"
               r"|potrà|potranno|dovrà|dovranno|prossim[oa])\b",
        past=r"\b(?:ha|hanno|aveva|avevano|è|sono|era|erano)\s+(?:\w+\s+)?(?:\w+(?:ato|ata|ati|ate|uto|uta|uti|ito|ita|iti)"
             # the irregular participles ("ha detto", "sono morte", "ha preso")
             r"|(?:dett|fatt|scritt|lett|rott|condott|prodott|ridott|tradott|introdott|pres|ripres|sorpres|compres"
             r"|arres|decis|uccis|divis|chius|conclus|esclus|mess|promess|permess|ammess|commess|dimess|discuss"
             r"|success|espress|mort|scopert|offert|soffert|chiest|rispost|propost|impost|espost|rimast|scelt"
             r"|tolt|sciolt|coinvolt|rivolt|accolt|raccolt|vint|giunt|raggiunt|aggiunt|assunt|spent|acces|sces"
             r"|esplos|cors|trascors|soccors|nat|appars|scompars|emers)[oaie]|vist[oi])\b",
        anterior=r"\b(?:aveva|avevano|avevamo)\s+(?:\w+\s+)?\w+(?:ato|ata|ati|ate|uto|uta|uti|ito|ita|iti|eso|esa|esi|ese|otto|otta)\b",
        scheduled=r"\b\w+(?:rebbe|rebbero)\b|previst|programmat|fissat",
        of_year={r"dell['’]\s*anno\s+(?:scorso|passato)": -1, r"dello\s+scorso\s+anno": -1,
                 r"dell['’]\s*anno\s+prossimo": 1, r"del\s+prossimo\s+anno": 1,
                 r"di\s+quest['’]\s*anno": 0, r"dell['’]\s*anno\s+in\s+corso": 0,
                 r"di\s+quell['’]\s*anno": None, r"di\s+quello\s+stesso\s+anno": None,
                 r"dello\s+stesso\s+anno": None},
        bylines=("pubblicato il", "pubblicato", "aggiornato il", "aggiornato", "data di pubblicazione", "inserito il",
                 "postato il"),
        first=("primo", "1º", "1°"),
        numbers={"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
                 "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15, "venti": 20,
                 "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60, "cento": 100},
        units={"giorno": "day", "giorni": "day", "settimana": "week", "settimane": "week", "mese": "month",
               "mesi": "month", "anno": "year", "anni": "year"},
        ago="{n} {unit} fa",
        weeks_of_days={8: 1, 15: 2},  # "ocho días", "huit jours", "otto giorni": a week
        ahead=r"(?:tra|fra) {n} {unit}",
        this=("questo", "questa", "quest'", "quest’"),
        night=r"notte\s+(?:tra|fra)\s+(?P<a>{wd})\s+e\s+(?P<b>{wd})",
        into=r"a|ad|in|di|da|dal|del|nel|fino|e|ed|o|tra|fra|mese|inizio|metà|fine|prima|dopo|questo|scorso"
             r"|prossimo",
        toward=r"per|entro|per\s+il|entro\s+il",
        parts=((r"metà", "MID"), (r"inizio|inizi|primi", "START"), (r"fine", "END")),
        near=r"questo|questi|fino\s+a|fino\s+al|fino\s+a\s+questo",
        since=r"(?:sin|fin)\s+(?:dal|dall['’]|dalla|da)",
        since_or_from=r"dal|dall['’]|dalla|da|a\s+partire\s+(?:dal|dall['’]|dalla)",
        short_year=r"del|nel|dal|al|il|fino\s+al|inizio\s+del|fine\s+del",
        beside={"la vigilia": -1, "il giorno prima": -1, "il giorno dopo": 1, "l'indomani": 1, "l’indomani": 1,
                "all'indomani": 1, "all’indomani": 1},
        # with the article or "una", a weekday is of every week or some day ("la domenica va a messa", "non
        # violare il sabato", "un sabato e una domenica"), unless a day number or a word that places it follows
        every=r"(?:ogni|tutti\s+i|un)\s+{wd}|dal\s+(?:lunedì|lunedi)\s+al\s+(?:venerdì|venerdi|sabato)"
              r"|(?<!per\s)(?<!entro\s)(?:il|la|una)\s+{wd}(?!\s*,?\s*\d|\s+(?:scors|prossim|successiv|seguent"
              r"|precedent|stess|prima|dopo)\w*)"
              # "di sabato" at the head of its clause or after a word of habit ("aperto di sabato", "anche di
              # domenica"); after a noun it is that thing's day ("la manifestazione di sabato")
              r"|(?:^\s*|(?<=[,;:(]\s)|(?<=\bsolo\s)|(?<=\banche\s)|(?<=\bsempre\s)|(?<=\bsoltanto\s)"
              r"|(?<=\bspesso\s)|(?<=\bmai\s)|(?<=\baperto\s)|(?<=\baperta\s)|(?<=\baperti\s)|(?<=\baperte\s)"
              r"|(?<=\bchiuso\s)|(?<=\bchiusa\s)|(?<=\bchiusi\s)|(?<=\bchiuse\s)|(?<=\bsoprattutto\s))"
              r"di\s+{wd}(?!\s*,?\s*\d|\s+(?:scors|prossim|successiv|seguent|precedent|stess)\w*)",
        following={r"successiv[oa]": 1, r"seguente": 1, r"che\s+seguì": 1, r"precedente": -1,
                   r"che\s+precedette": -1},
        named=("via", "viale", "piazza", "piazzale", "corso", "largo", "ponte", "quartiere", "stadio", "movimento",
               "coalizione", "rivoluzione", "appello"),
    ),
}
