"""Alignment across outlets: statements that report one utterance, quantities that state one measure."""

from __future__ import annotations

import random

from newsprism.link.align import (
    agents_alike,
    align_quantities,
    align_statements,
    corroboration,
    measure_matches,
    name_tokens,
    same_speaker,
    tolerance,
)
from newsprism.link.conflicts import measure_groups
from newsprism.link.context import nearby_pairs, publication_order
from newsprism.model import Analysis, Article, Quantity, Statement


def one_measure(items):
    """Quantity id -> measure group: which quantities are taken to state one measure, whatever
    their values (align_quantities groups only the values that agree)."""
    return {q: n for n, (members, _) in enumerate(measure_groups(measure_matches(items))) for q in members}


def item(article_id, source, text, quotes=(), quantities=(), published="2025-06-02"):
    """An article with statements and quantities placed on the given passages of its text."""
    article = Article(article_id, text, source=source, published=published)
    statements = tuple(_statement(article, i, *quote) for i, quote in enumerate(quotes))
    numbers = tuple(_quantity(article, i, *q) for i, q in enumerate(quantities))
    return article, Analysis(article_id, "test", statements=statements, quantities=numbers)


def _statement(article, i, passage, speaker):
    start = article.text.index(passage)
    return Statement(f"{article.id}:s{i}", article.id, "direct", (start, start + len(passage)),
                     speaker_name=speaker)


def _quantity(article, i, text, value, unit, subject=None, scope=None, change="="):
    start = article.text.index(text)
    return Quantity(f"{article.id}:q{i}", article.id, start, start + len(text), text, value, unit,
                    change, subject, scope)


HARBOUR_QUOTE = "We will not close the harbour while a single ferry still needs it"
HERALD = item("herald", "Herald",
              f'"{HARBOUR_QUOTE}," mayor Ines Duarte told the council on Monday. '
              "She added that the ferry timetable would be cut in winter.",
              quotes=[(HARBOUR_QUOTE, "Ines Duarte"),
                      ("the ferry timetable would be cut in winter", "Ines Duarte")])
COURIER = item("courier", "Courier",
               f'Ines Duarte was firm: "{HARBOUR_QUOTE}." The opposition walked out of the session.',
               quotes=[(HARBOUR_QUOTE, "Duarte")])
GAZETTE = item("gazette", "Gazette",
               "Mayor Ines Duarte said the city would not close the harbour as long as ferries still "
               "needed it. Fishermen said the new quay was too short for their boats.",
               quotes=[("the city would not close the harbour as long as ferries still needed it",
                        "Ines Duarte"),
                       ("the new quay was too short for their boats", "Fishermen")])


def test_a_verbatim_quote_across_two_outlets_forms_one_group():
    groups = align_statements([HERALD, COURIER])
    assert groups["herald:s0"] == groups["courier:s0"]
    assert groups["herald:s0"].startswith("g:")
    assert "herald:s1" not in groups  # reported by one outlet only: no group


def test_a_quote_and_its_paraphrase_by_the_same_speaker_align():
    groups = align_statements([HERALD, GAZETTE])
    assert groups["herald:s0"] == groups["gazette:s0"]


def test_different_statements_do_not_align():
    groups = align_statements([HERALD, COURIER, GAZETTE])
    assert "gazette:s1" not in groups
    assert groups.get("herald:s1") != groups["herald:s0"]


def test_a_short_quote_inside_a_longer_statement_aligns():
    long = item("long", "Long", '"Prices are up, wages are not, and we have to act much faster," Ortiz said.',
                quotes=[("Prices are up, wages are not, and we have to act much faster", "Ortiz")])
    short = item("short", "Short", 'Ortiz told reporters: "We have to act much faster."',
                 quotes=[("We have to act much faster", "Ortiz")])
    groups = align_statements([long, short])
    assert groups["long:s0"] == groups["short:s0"]


def test_corroboration_counts_distinct_outlets():
    again = item("herald-2", "Herald", f'"{HARBOUR_QUOTE}," she repeated.', quotes=[(HARBOUR_QUOTE, None)])
    items = [HERALD, COURIER, GAZETTE, again]
    groups = align_statements(items)
    assert corroboration(items, groups)[groups["herald:s0"]] == 3  # Herald twice, Courier, Gazette


def test_statement_groups_do_not_depend_on_input_order():
    items = [HERALD, COURIER, GAZETTE]
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    assert align_statements(items) == align_statements(shuffled) == align_statements(items[::-1])


def test_speakers_match_by_their_name_words():
    assert same_speaker(name_tokens("Ines Duarte"), name_tokens("Duarte")) is True
    assert same_speaker(name_tokens("Pete Hegseth"), name_tokens("Pete Huckabee")) is False
    assert same_speaker(name_tokens(None), name_tokens("Duarte")) is None
    # a nickname for its full form; not two different given names, nor a longer surname
    assert same_speaker(name_tokens("William Sandoval"), name_tokens("Bill Sandoval")) is True
    assert same_speaker(name_tokens("Melania Trump"), name_tokens("Donald Trump")) is False
    assert same_speaker(name_tokens("Mark Smith"), name_tokens("Mark Smithson")) is False
    assert same_speaker(name_tokens('Cornelius "Neels" van Rooyen'), name_tokens("Neels van Rooyen")) is True
    # an initial for the given name; a nickname whose full form is the other name in another language
    assert same_speaker(name_tokens("M. Kamrul Hasan"), name_tokens("Mohammad Kamrul Hasan")) is True
    assert same_speaker(name_tokens("N. Kamrul Hasan"), name_tokens("Mohammad Kamrul Hasan")) is False
    assert same_speaker(name_tokens("Teddy Villaflor"), name_tokens("Teodoro Villaflor")) is True
    assert same_speaker(name_tokens("Teddy Villaflor"), name_tokens("Rodrigo Villaflor")) is False
    # a middle initial one report leaves out, and a clipped given name
    assert same_speaker(name_tokens("Pieter J. van Wyk"), name_tokens("Piet van Wyk")) is True
    assert same_speaker(name_tokens("John A. Smith"), name_tokens("John B. Smith")) is False


SPENDING = "The region has spent €310 million on flood barriers along the river since 2019"
OUTLET_A = item("a", "A", SPENDING + ", the water board said. Another €12 million went to pumps.",
                quantities=[("€310 million", 3.1e8, "EUR", "flood barriers", ("2019-01-01", "2025-06-02")),
                            ("€12 million", 1.2e7, "EUR", "pumps")])
OUTLET_B = item("b", "B", "Flood barriers along the river have cost the region about €300 million since "
                "2019, according to the water board. Teachers got a €40 million bonus.",
                quantities=[("about €300 million", 3e8, "EUR", "flood barriers", ("2019-01-01", "2025-06-02"),
                             "~"), ("€40 million", 4e7, "EUR", "bonus")])


def test_quantities_of_one_measure_align_and_other_subjects_do_not():
    groups = align_quantities([OUTLET_A, OUTLET_B])
    assert groups["a:q0"] == groups["b:q0"]
    assert "a:q1" not in groups and "b:q1" not in groups


def test_rounding_tolerance_follows_the_digits_written():
    def q(text, value, change="="):
        return Quantity("x", "x", 0, len(text), text, value, "USD", change)

    assert tolerance(q("$2 billion", 2e9)) >= 0.5e9 - 1
    assert tolerance(q("$1.98 billion", 1.98e9)) < 0.01e9
    assert tolerance(q("about $147 million", 1.47e8, "~")) >= 0.03 * 1.47e8


def test_a_bare_count_aligns_with_a_count_of_people_it_names_in_the_plural():
    # The quantities stage writes the unit "person"; the other text says "people" and gives no unit.
    first = item("a", "A", "Flooding in the Drava valley has left 40 people homeless, the mayor said.",
                 quantities=[("40", 40, "person", "people")])
    second = item("b", "B", "The number of people left homeless by flooding in the Drava valley has "
                  "reached 55, the mayor said.", quantities=[("55", 55, None, "number")])
    groups = one_measure([first, second])
    assert groups["a:q0"] == groups["b:q0"]


def test_counts_of_people_align_on_the_casualty_they_name_without_a_unit_word():
    # "killed 14 people" and "a death toll of 9": the toll names its event, not its unit.
    killed = item("a", "A", "Floods in the Sava basin have killed 14 people since Friday, the civil "
                  "protection agency said.", quantities=[("14", 14, "person", "people")])
    toll = item("b", "B", "The civil protection agency put the death toll from the Sava floods at 9 on "
                "Sunday.", quantities=[("9", 9, None, None)])
    missing = item("c", "C", "The civil protection agency said 9 people were still missing after the Sava "
                   "floods.", quantities=[("9", 9, "person", "people")])
    groups = one_measure([killed, toll])
    assert groups["a:q0"] == groups["b:q0"]
    assert one_measure([killed, missing]) == {}


def test_a_risen_bare_count_takes_its_casualty_from_the_clause_before_it():
    first = item("a", "A", "The landslide near Kosta injured 11 people, rescuers said.",
                 quantities=[("11", 11, "person", "people")])
    risen = item("b", "B", "The number of people injured in the landslide near Kosta has risen to 16, "
                 "rescuers said.", quantities=[("16", 16, None, None)])
    assert one_measure([first, risen])["a:q0"] == one_measure([first, risen])["b:q0"]


def test_a_count_that_is_part_of_another_names_no_casualty_of_its_own():
    text = "The landslide near Kosta injured 11 people, three of them seriously, rescuers said."
    first = item("a", "A", text, quantities=[("11", 11, "person", "people"), ("three", 3, None, None)])
    risen = item("b", "B", "The number of people injured in the landslide near Kosta has risen to 16, "
                 "rescuers said.", quantities=[("16", 16, None, None)])
    groups = one_measure([first, risen])
    assert groups["a:q0"] == groups["b:q0"] and "a:q1" not in groups


def test_a_quote_repeated_by_more_outlets_than_are_compared_pairwise_still_forms_one_group():
    # 260 outlets over two months: more than PAIR_WINDOW neighbours and more than MAX_POSTING
    # statements share every word of the quote, so the group must come from chained near pairs.
    items = [item(f"wire-{n:03d}", f"Outlet {n}",
                  f'"{HARBOUR_QUOTE}," the mayor said. Report number {n} on the harbour dispute.',
                  quotes=[(HARBOUR_QUOTE, "Ines Duarte")],
                  published=f"2025-{6 + n // 130:02d}-{1 + n % 28:02d}")
             for n in range(260)]
    groups = align_statements(items)
    assert len(groups) == 260 and len(set(groups.values())) == 1
    assert corroboration(items, groups)[next(iter(groups.values()))] == 260


def test_in_a_large_story_each_article_is_compared_with_its_neighbours_in_time_only():
    items = [item(f"a{n:03d}", "Herald", f"Text {n}.", published=f"2025-01-{1 + n % 28:02d}")
             for n in range(100)]
    pairs = nearby_pairs(items, window=5)
    order = publication_order(items)
    place = {i: p for p, i in enumerate(order)}
    assert all(abs(place[i] - place[j]) <= 5 for i, j in pairs)
    assert len(pairs) == 100 * 5 - 15  # each article with the next 5, fewer at the end
    small = items[:6]
    assert nearby_pairs(small, window=5) == [(i, j) for i in range(6) for j in range(i + 1, 6)]


def test_a_chain_of_agreeing_pairs_keeps_apart_values_that_do_not_agree():
    # "$80 million" fits both its neighbours by rounding, but "nearly $80 million" rules out $82 million.
    deal = "The forward signed a five-year deal worth {} with the club in the summer."
    items = [item(name, name.title(), deal.format(figure), quantities=[(figure, value, "USD", "deal")])
             for name, figure, value in (("nearly", "nearly $80 million", 8e7), ("round", "$80 million", 8e7),
                                         ("exact", "$82 million", 8.2e7))]
    groups = align_quantities(items)
    assert groups.get("nearly:q0") != groups.get("exact:q0")
    assert "nearly:q0" in groups  # it still corroborates the round figure


def test_figures_in_feet_and_metres_are_compared_as_one_length():
    fall = "The climber fell {} down an icy gully near the hut on Saturday, police said."
    feet = item("feet", "Feet", fall.format("about 2,000ft"), quantities=[("about 2,000ft", 2000.0, "ft")])
    metres = item("metres", "Metres", fall.format("about 600 metres"),
                  quantities=[("about 600 metres", 600.0, "m")])
    more = item("more", "More", fall.format("some 900 metres"), quantities=[("some 900 metres", 900.0, "m")])
    groups = align_quantities([feet, metres])
    assert groups["feet:q0"] == groups["metres:q0"]
    assert align_quantities([feet, more]) == {}
    assert one_measure([feet, more])["feet:q0"] == one_measure([feet, more])["more:q0"]


def test_a_mile_may_be_a_nautical_mile():
    distance = "The warship was {} from the cargo ship when it picked up the distress call."
    miles = item("miles", "Miles", distance.format("some 13 miles"),
                 quantities=[("some 13 miles", 13.0, "mi")])
    km = item("km", "Km", distance.format("about 24km"), quantities=[("about 24km", 24.0, "km")])
    far = item("far", "Far", distance.format("about 40km"), quantities=[("about 40km", 40.0, "km")])
    assert align_quantities([miles, km])["miles:q0"] == align_quantities([miles, km])["km:q0"]
    assert align_quantities([miles, far]) == {}


def test_counted_things_named_in_turn_are_one_unit():
    held = "Pirates still hold {} and more than 300 crew members for ransom off the Somali coast."
    vessels = item("vessels", "Vessels", held.format("14 foreign vessels"),
                   quantities=[("14 foreign vessels", 14.0, "vessel", "foreign vessels")])
    ships = item("ships", "Ships", held.format("14 ships"), quantities=[("14 ships", 14.0, "ship", "ships")])
    boats = item("boats", "Boats", held.format("14 boats"), quantities=[("14 boats", 14.0, "boat", "boats")])
    assert align_quantities([vessels, ships])["vessels:q0"] == align_quantities([vessels, ships])["ships:q0"]
    assert align_quantities([vessels, boats]) == {}


def test_people_named_in_one_word_or_by_their_work_and_a_noun_for_people_are_one_unit():
    assert agents_alike("firefighter", "fire crew member") and agents_alike("dock worker", "docker")
    assert not agents_alike("firefighter", "member") and not agents_alike("soldier", "crew member")
    assert not agents_alike("fire", "fire crew member")


def test_a_death_penalty_or_a_sum_of_money_names_no_toll_but_a_killing_does_and_still_missing_is_missing():
    from newsprism.link.align import measure
    text = ("The three who voted against the death penalty would not comment. Drivers will pay a toll of 180 "
            "kroner. Four people were killed in the crash, and the death toll rose to six. Two others were "
            "still missing. The death toll of 19 miners was confirmed.")
    article, analysis = item("dp", "Post", text, quantities=[
        ("three", 3, None, "who voted against the death penalty"), ("180", 180, "kroner", "toll"),
        ("Four", 4, "person", "people"), ("six", 6, None, "death toll"), ("Two", 2, None, "others"),
        ("19", 19, "miner", "death toll")])
    kinds = [measure((article, analysis), q).kinds for q in analysis.quantities]
    assert kinds == [set(), set(), {"dead"}, {"dead"}, {"missing"}, {"dead"}]
