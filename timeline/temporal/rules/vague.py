"""Vague references: "now", "currently", "recently", "the past", "soon", "the future"."""

from __future__ import annotations

from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import MODAL_BEFORE, literal, not_a_date
from timeline.temporal.tense import tense_at

family = Family("vague")
rule = family.rule

rule("then_current", r"then[- ]current")(literal("PAST_REF"))
rule("present_ref", r"now|currently|at present|presently|nowadays|these days|"
     r"at the moment|the present|current(?![- ]?(?:account|affairs|events))")(literal("PRESENT_REF"))
rule("past_ref", r"(?:more |most |only |very )?recently|lately|the past|in the old days")(literal("PAST_REF"))
# "as soon as" and "soon after" relate two events; "as soon as possible" is the near future.
rule("asap", r"as soon as possible")(literal("FUTURE_REF"))
rule("soon_after", r"(?:as soon as|(?:very |quite )?(?:soon|shortly) (?:after|before|afterwards?|thereafter))")(
    not_a_date)


@rule("soon", r"soon")
def soon(f: Fields) -> Parse | None:
    """"soon" is the near future ("will soon begin"), but in a past-tense sentence it only means
    "shortly after" ("he was soon released")."""
    before = f.before(60)
    if not MODAL_BEFORE.search(before) and tense_at(before + f.text + f.after(40), len(before)) == "past":
        return None
    return Parse("literal", value="FUTURE_REF")


# "the future of the alliance", "the future of our peoples": the prospects of a thing, not a time.
rule("future_of", r"the (?:near |long-term |long[- ]term )?future(?= of )")(not_a_date)
rule("future_ref", r"the (?:near |distant |immediate |not-too-distant )?future|someday|one day soon"
     r"|the (?:near|short)[- ]term|an? (?:later|future) date")(literal("FUTURE_REF"))
rule("in_future", r"(?<=\bin[ ])future")(literal("FUTURE_REF"))
