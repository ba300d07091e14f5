from hypothesis import given
from hypothesis import strategies as st

from newsprism.stages.quotemarks import find_quoted, starts_with_mark


def quoted(text):
    return [text[q.start:q.end] for q in find_quoted(text)]


def test_every_kind_of_mark():
    assert quoted('He said “yes” and ‘no’, then "maybe".') == ["“yes”", "‘no’", '"maybe"']
    assert quoted("«Non», a-t-il dit, „ja“ sagte er, ``fine'' she said.") == ["«Non»", "„ja“", "``fine''"]


def test_doubled_apostrophes_open_and_close_a_quote():
    # Typewriter style of wire and archive texts: two apostrophes on both sides.
    text = "''We are ready,'' Mr. King said, and ''Politicking'' aired. It wasn''t."
    assert quoted(text) == ["''We are ready,''", "''Politicking''"]
    (first, _) = find_quoted(text)
    assert text[first.inner_start:first.inner_end] == "We are ready,"


def test_a_quote_nested_at_the_end_closes_before_its_outer_mark():
    text = "\"He kept saying, 'Vote for the plan,' \" Sanders said. \"It is the council.\""
    assert quoted(text) == ["\"He kept saying, 'Vote for the plan,' \"", "\"It is the council.\""]
    text = "''He said, 'I need to go to Leeds.' '' Mr. Rhodes recalled."
    assert quoted(text) == ["''He said, 'I need to go to Leeds.' ''"]


def test_apostrophes_are_not_marks():
    text = "Don’t blame the players’ union for the ’90s, it's O'Brien's plan."
    assert quoted(text) == []


def test_single_quoted_passage_with_apostrophes_inside():
    text = "‘We don’t have time,’ he said."
    assert quoted(text) == ["‘We don’t have time,’"]


def test_attribution_in_the_middle_gives_two_passages():
    assert quoted("“We won,” she said, “and we are glad.”") == ["“We won,”", "“and we are glad.”"]


def test_quote_running_over_paragraphs_is_one_passage():
    text = "“First part of the speech.\n“Second part, the end,” he said.\nNext."
    (passage,) = find_quoted(text)
    assert text[passage.start:passage.end] == "“First part of the speech.\n“Second part, the end,”"


def test_unclosed_quote_stops_at_the_paragraph_end():
    text = "She called it “a disgrace and a scandal\nThe minister left."
    (passage,) = find_quoted(text)
    assert text[passage.start:passage.end] == "“a disgrace and a scandal"
    assert not passage.closed


def test_inner_offsets_exclude_the_marks():
    text = 'He said "ready now".'
    (q,) = find_quoted(text)
    assert text[q.inner_start:q.inner_end] == "ready now"


def test_starts_with_mark():
    assert starts_with_mark("  “Hello”") and starts_with_mark("``Hi''")
    assert not starts_with_mark("that “hello”")


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"'“”‘’«»")), max_size=80))
def test_passages_are_ordered_disjoint_and_inside_the_text(text):
    passages = find_quoted(text)
    for q in passages:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
    for a, b in zip(passages, passages[1:], strict=False):
        assert a.end <= b.start


def test_an_attribute_of_leftover_markup_is_not_a_quote():
    text = 'See <a href="https://example.org/story" target="_blank">the story</a>, “he said so,” she wrote.'
    assert quoted(text) == ["“he said so,”"]
