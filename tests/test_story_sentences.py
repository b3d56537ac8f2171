"""The sentences of a story as an editor reads them: no fragment of a quotation, no photo caption,
no reader's comment, no page stamp, credit or heading glued to the start, no headline run into the
lead, no chronology item shown on a day it only mentions, and the same fact once a day."""

from __future__ import annotations

from datetime import date

from timeline.article import make_article
from timeline.pipeline import ArticleResult, process
from timeline.story import clean_sentence, story


def article(name: str, published: str, text: str) -> ArticleResult:
    return process(make_article(f"---\npublished: {published}\nsource: wire\n---\n{text}\n", name=f"{name}.txt"))


def test_a_quotation_cut_in_two_is_a_fragment() -> None:
    assert clean_sentence('In an interview on May 14, Hayward said: " The Gulf of Mexico is a very big ocean.') is None
    assert clean_sentence("Hayward said: \u201cThe Gulf of Mexico is a very big ocean, and the spill is small.") is None
    whole = 'On May 18, he told Sky News: "I think the impact will be very, very modest."'
    assert clean_sentence(whole) == whole
    curly = "On May 18, he told Sky News: \u201cI think the impact will be modest.\u201d"
    assert clean_sentence(curly) == curly
    apostrophes = "The company's shares fell on the workers' news, the traders' desks said."
    assert clean_sentence(apostrophes) == apostrophes


def test_a_photo_caption_is_no_sentence() -> None:
    assert clean_sentence("Jackson's children Prince (l), Prince Michael II (c) and Paris introduced the act.") is None
    assert clean_sentence("The minister (pictured) visited the flooded town on Monday with officials.") is None
    assert clean_sentence("The minister (left) and her deputy visited the flooded town on Monday.") is None
    kept = "The minister visited the flooded town (a village of 300 people) on Monday."
    assert clean_sentence(kept) == kept


def test_a_readers_comment_is_no_news() -> None:
    assert clean_sentence("At 12:55 pm on 10 Jun 2010, ruffled_feathers wrote: No, the reputation is intact.") is None
    assert clean_sentence("At 9:40 am on 11 June 2010, Tom in Leeds wrote: The president is using the spill.") is None
    kept = "The novelist wrote a letter to the president on 3 May about the spill."
    assert clean_sentence(kept) == kept


def test_a_stamp_a_credit_or_a_heading_glued_to_the_start_is_cut() -> None:
    assert clean_sentence("Friday 11 June 2010 22.16 BST David Cameron is caught in the middle of the row.") == \
        "David Cameron is caught in the middle of the row."
    assert clean_sentence("AP The chief executive of BP tells Sky News the impact will be modest.") == \
        "The chief executive of BP tells Sky News the impact will be modest."
    assert clean_sentence("AP July 12: The new containment cap is lowered over the broken wellhead.") == \
        "July 12: The new containment cap is lowered over the broken wellhead."
    assert clean_sentence("NEW CAP FOR LEAKING OIL WELL When engineers removed the cap on 10 July, oil flowed.") == \
        "When engineers removed the cap on 10 July, oil flowed."
    kept = "AP reporters saw the cap lowered over the broken wellhead on Monday."
    assert clean_sentence(kept) == kept
    acronyms = "BP and US officials met on Monday to discuss the new cap on the well."
    assert clean_sentence(acronyms) == acronyms


def test_a_headline_run_into_the_lead_is_cut_from_it() -> None:
    results = [
        article("h1", "2011-11-29", "Michael Jackson doctor gets four years in prison Michael Jackson's former "
                "doctor, Conrad Murray, has been sentenced to four years in prison for causing the singer's death.\n"
                "He was found guilty earlier this month."),
        article("h2", "2011-11-30", "Police raid Jackson doctor's home Drug police are searching the Las Vegas "
                "home of Michael Jackson's doctor as part of an inquiry begun on 29 November 2011.\n"
                "Nothing was found."),
    ]
    texts = [s.text for d in story(results, dates=2, sentences=3).dates for s in d.sentences]
    assert "Michael Jackson's former doctor, Conrad Murray, has been sentenced to four years in prison for " \
           "causing the singer's death." in texts
    assert not any(t.startswith("Michael Jackson doctor gets") or t.startswith("Police raid") for t in texts)


def test_a_lead_that_is_one_sentence_is_kept_whole() -> None:
    lead = ("Residents of the Gulf Coast fear that BP will leave them with the cost of the spill that began "
            "on 20 April 2010.")
    results = [article("r1", "2010-05-01", lead + "\nThey met on Friday."),
               article("r2", "2010-05-02", "The well began to leak on 20 April 2010, officials said again.")]
    texts = [s.text for d in story(results, dates=1, sentences=2).dates for s in d.sentences]
    assert lead in texts


def test_a_chronology_item_is_shown_on_its_own_day_not_on_a_day_it_mentions() -> None:
    item = "June 10 - The White House says that Obama has invited the chairman to the White House on June 16."
    results = [article("c", "2010-06-20", f"Timeline of the spill.\n\n{item}\n\nJune 12 - Shares rise again."),
               *(article(f"m{i}", f"2010-06-1{7 + i}", "The chairman met Obama at the White House on June 16, "
                         "and they agreed a fund for the damage.") for i in range(2))]
    st = story(results, dates=5, sentences=3)
    june16 = next(d for d in st.dates if d.date == "2010-06-16")
    assert all(not s.text.startswith("June 10") for s in june16.sentences)


def test_the_same_fact_twice_on_one_day_is_one_sentence_with_both_sources() -> None:
    results = [
        article("f1", "2010-06-01", "Timeline.\n\nMay 19 - The first heavy oil from the spill hits fragile "
                "Louisiana marshlands.\n\nMay 20 - Talks start."),
        article("f2", "2010-06-16", "Timeline.\n\nMay 19 - The first heavy oil from the spill sloshes ashore in "
                "fragile Louisiana marshlands and part of the mess enters a powerful current that could carry "
                "it to Florida and beyond.\n\nMay 21 - Talks end."),
        article("f3", "2010-05-20", "Officials said oil reached the marshes on May 19 and crews laid booms."),
    ]
    st = story(results, dates=1, sentences=3, start=date(2010, 5, 19), end=date(2010, 5, 19))
    [day] = st.dates
    openings = [s.text for s in day.sentences if s.text.startswith("May 19 - The first heavy oil")]
    assert len(openings) == 1
    [same] = [s for s in day.sentences if s.text.startswith("May 19 - The first heavy oil")]
    assert {s.article for s in same.sources} == {"f1", "f2"}


def test_a_page_stamp_after_a_headline_cuts_both() -> None:
    glued = ("Concerns grow for rare birds on island preserve Thursday 6 May 2010 19.41 BST The oil spill "
             "containment box sits aboard a barge in the Gulf.")
    assert clean_sentence(glued) == "The oil spill containment box sits aboard a barge in the Gulf."


def test_a_dateline_with_its_region_is_cut() -> None:
    assert clean_sentence("VENICE, Louisiana (Reuters) - A vast oil slick bore down on the Gulf Coast on Sunday.") == \
        "A vast oil slick bore down on the Gulf Coast on Sunday."


def test_a_page_header_before_a_bar_and_a_stamp_is_cut() -> None:
    from timeline.story import headline_cut

    header = ("U.S. pressures BP over oil spill as Obama visits Gulf VENICE, Louisiana | Sun May 2, 2010 7:55 pm "
              "EDT VENICE, Louisiana (Reuters) - A vast oil slick bore down on the Gulf Coast on Sunday.")
    assert headline_cut(header) == header  # the bar is no place for a headline's cut, but the stamp after it is:
    assert clean_sentence(header) == "A vast oil slick bore down on the Gulf Coast on Sunday."
    assert clean_sentence("Name | Age | Town of the people who were lost in the flood on Monday.") is None


def test_a_dateline_of_two_places_is_cut() -> None:
    assert clean_sentence("LONDON/VENICE, Louisiana (Reuters) - Britain stuck up for BP on Friday.") == \
        "Britain stuck up for BP on Friday."


def test_a_question_to_the_reader_is_no_news() -> None:
    assert clean_sentence("Are you affected by the oil spill in the Gulf?") is None
    assert clean_sentence("In the trial, his doctor has been found guilty, but what do you think?") is None
    kept = "Why did the cap fail on the well that BP drilled in the Gulf?"
    assert clean_sentence(kept) == kept


def test_the_closing_mark_of_the_quotation_before_is_cut_not_the_sentence() -> None:
    # the line break fell after the closing mark: the sentence that follows is whole without it
    assert clean_sentence('" The minister then described the searches carried out by soldiers on 9 March.') == \
        "The minister then described the searches carried out by soldiers on 9 March."
    assert clean_sentence("\u201d The minister then described the searches carried out by soldiers on 9 March.") == \
        "The minister then described the searches carried out by soldiers on 9 March."
    assert clean_sentence('" Zohney refers to the so-called "tests" carried out by soldiers at a protest on 9 March.') \
        == 'Zohney refers to the so-called "tests" carried out by soldiers at a protest on 9 March.'
    # an opening mark is kept, and a quotation that opens with a space and is closed is whole
    opening = '"We will rebuild the town," the mayor said on Monday after the flood.'
    assert clean_sentence(opening) == opening
    spaced = '" We will rebuild the town, " the mayor said on Monday after the flood.'
    assert clean_sentence(spaced) == spaced
