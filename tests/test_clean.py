from hypothesis import given
from hypothesis import strategies as st

from newsprism.clean import analysis_text, boilerplate_spans, guess_language
from newsprism.model import Article

TEXT = (
    "The minister spoke in Ghent.\n"
    "Read also\n"
    "Tram fares frozen for another year\n"
    "She said the plan was ready.\n"
    "Read more: Ferry strike called off\n"
    "Advertisement\n"
    "Read the full statement on the council website, she added.\n"
)


def test_link_cues_with_their_headline_and_debris_lines_are_marked():
    marked = [TEXT[s:e] for s, e in boilerplate_spans(TEXT)]
    assert marked == ["Read also", "Tram fares frozen for another year",
                      "Read more: Ferry strike called off", "Advertisement"]


def test_analysis_text_blanks_boilerplate_and_keeps_offsets():
    article = Article(id="a", text=TEXT, boilerplate=tuple(boilerplate_spans(TEXT)))
    analysed = analysis_text(article)
    assert len(analysed) == len(TEXT)
    assert analysed.count("\n") == TEXT.count("\n")
    assert "Tram fares" not in analysed and "She said the plan was ready." in analysed
    start = TEXT.index("She said")
    assert analysed[start:start + 8] == "She said"


@given(st.text(max_size=200), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200))))
def test_analysis_text_always_has_the_same_length(text, pairs):
    spans = tuple(sorted((min(a, b), max(a, b)) for a, b in pairs))
    assert len(analysis_text(Article(id="x", text=text, boilerplate=spans))) == len(text)


def test_guess_language():
    english = "The council said that it would vote on the plan and that the mayor was " * 3
    assert guess_language(english) == "en"
    assert guess_language("Der Rat sagte, dass er über den Plan abstimmen werde " * 4) is None
    assert guess_language("Too short.") is None
