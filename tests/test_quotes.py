"""Statements on short articles written for these tests."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import Article
from newsprism.pipeline import analyze_article

STORY = """Port strike talks resume in Antwerp
EU Transport Commissioner Helena Varga said on Monday that the retraining fund would open in April.
“No docker will be left behind,” Varga told reporters in Brussels.
“The fund is ready,” she said, “and the first courses start next month.”
According to Labour Minister Pieter Claessens, the strike costs the region €35 million a day.
Claessens urged both sides to return to the table before Friday.
The union leader called the offer "a sticking plaster on a broken leg" and left the room.
Speaking about automation, the commissioner noted:
We have paid for the cranes and the software. Now we must invest in the people who run our ports.
The harbour has never been this quiet. This was stated by Helena Varga after the meeting.
"""


@pytest.fixture(scope="module")
def statements():
    analysis = analyze_article(Article(id="story", text=STORY))
    return analysis.statements


def find(statements, words):
    found = [s for s in statements if words in STORY[s.content[0]:s.content[1]]]
    assert found, f"no statement holds {words!r}"
    return found[0]


def text(span):
    return STORY[span[0]:span[1]]


def test_indirect_statement_with_cue_and_speaker(statements):
    s = find(statements, "the retraining fund would open in April")
    assert s.kind == "indirect" and text(s.cue) == "said"
    assert s.speaker_name == "Helena Varga" and "Helena Varga" in text(s.speaker)
    assert s.speaker_entity_id == "person:helena-varga"


def test_direct_quote_keeps_its_marks_and_resolves_a_surname(statements):
    s = find(statements, "No docker will be left behind")
    assert s.kind == "direct" and text(s.content) == "“No docker will be left behind,”"
    assert s.speaker_name == "Helena Varga" and text(s.cue) == "told"


def test_attribution_in_the_middle_joins_both_halves(statements):
    s = find(statements, "The fund is ready")
    assert text(s.content) == "“The fund is ready,” she said, “and the first courses start next month.”"
    assert s.speaker_name == "Helena Varga" and text(s.speaker) == "she"


def test_according_to(statements):
    s = find(statements, "the strike costs the region")
    assert s.speaker_name == "Pieter Claessens" and text(s.cue) == "According to"


def test_urged_to(statements):
    s = find(statements, "to return to the table before Friday")
    assert s.speaker_name == "Pieter Claessens" and text(s.cue) == "urged"


def test_mixed_quote(statements):
    s = find(statements, "a sticking plaster on a broken leg")
    assert s.kind == "mixed" and text(s.content).startswith("the offer")


def test_unmarked_paragraph_after_noted(statements):
    s = find(statements, "We have paid for the cranes")
    assert s.kind == "unmarked"
    assert text(s.content).endswith("who run our ports")
    assert s.speaker_name == "Helena Varga" and text(s.cue) == "noted"


def test_attribution_after_the_content(statements):
    s = find(statements, "The harbour has never been this quiet")
    assert s.speaker_name == "Helena Varga" and text(s.cue) == "stated"


def test_ids_and_order(statements):
    assert [s.id for s in statements] == [f"story:s{n}" for n in range(1, len(statements) + 1)]
    assert [s.content for s in statements] == sorted(s.content for s in statements)


def test_an_unattributed_quote_keeps_no_speaker():
    text_ = "The hall was full.\n“This is the best day of our lives and we will never forget it.”\n"
    (s,) = analyze_article(Article(id="x", text=text_)).statements
    assert s.speaker_name is None and s.speaker is None and s.kind == "direct"


@pytest.mark.parametrize("awkward", [
    'He said "this never closes and goes on, and on.\nThe end.',
    "It's the players' union's view, he said, that the '90s were better.",
    "“" * 50 + "”" * 3,
    ("The minister said that " + "the plan, which is long, " * 400 + "was fine.\n"),
    "“”\n‘’\n«»",
])
def test_awkward_text_gives_valid_spans(awkward):
    analysis = analyze_article(Article(id="odd", text=awkward))
    for s in analysis.statements:
        for span in (s.content, s.cue, s.speaker):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(awkward)
                assert awkward[span[0]:span[1]].strip() == awkward[span[0]:span[1]]


def only_statement(text):
    """The one statement found in a text (the unpacking fails if there is not exactly one)."""
    (statement,) = analyze_article(Article(id="t", text=text)).statements
    return statement


def statements_of(text):
    analysis = analyze_article(Article(id="t", text=text))
    return [(s.kind, text[s.content[0]:s.content[1]]) for s in analysis.statements]


def test_a_second_quote_with_its_own_report_is_a_statement_of_its_own():
    found = statements_of("“The fund is nearly empty,” Varga said. "
                          "“We need the council to act soon,” she added.")
    assert ("direct", "“The fund is nearly empty,”") in found
    assert ("direct", "“We need the council to act soon,”") in found


def test_a_second_that_clause_belongs_to_the_same_report():
    text = ("The mayor said the city must repair the old bridge this year, "
            "but that it would not raise local taxes to pay for it.")
    (kind, content), *_ = statements_of(text)
    assert content.startswith("the city must repair") and content.endswith("to pay for it")


def test_a_quoted_fragment_after_that_is_mixed_speech_with_its_that():
    text = "Clara Novak told the dockers in Antwerp on Friday that “the fund will not run dry.”"
    assert ("mixed", "that “the fund will not run dry.”") in statements_of(text)


def test_a_quote_after_a_colon_belongs_to_the_person_named_before_it():
    text = ("Turnout in the valley surprised the pollster Daniel Harper: "
            "“Nobody expected so many young voters to come out this early.”")
    analysis = analyze_article(Article(id="t", text=text))
    (statement,) = [s for s in analysis.statements if text[s.content[0]] == "“"]
    assert statement.speaker_name == "Daniel Harper"


def test_a_colon_after_a_clause_without_a_person_gives_no_speaker():
    text = "The weather in the harbour was cold: “a grey day for everyone who works on the quays.”"
    analysis = analyze_article(Article(id="t", text=text))
    assert all(s.speaker_name is None for s in analysis.statements)


def test_a_quote_in_doubled_apostrophes_is_direct_speech_with_its_marks():
    text = ("''We will not close the harbour this winter,'' the port director Anna Lind said on Monday. "
            "She spoke after a long meeting.")
    analysis = analyze_article(Article(id="t", text=text))
    (statement,) = [s for s in analysis.statements if s.kind == "direct"]
    assert text[statement.content[0]:statement.content[1]] == "''We will not close the harbour this winter,''"
    assert statement.speaker_name == "Anna Lind"


def test_a_programme_title_is_not_a_quote():
    text = ("The harbour crisis will get worse, the port director Anna Lind said in an interview with "
            "“Morning News Tonight.” The interview ran for an hour.")
    found = statements_of(text)
    assert all("Morning News" not in content for _, content in found)
    assert any(content.startswith("The harbour crisis") for _, content in found)


def test_a_poll_share_is_a_speaker():
    found = statements_of("Since March the mayor has gained ground. Six in 10 say she is decisive.")
    assert ("indirect", "she is decisive") in found


def test_a_clause_parsed_as_a_bare_complement_is_still_the_content():
    found = statements_of("He said legalizing it could put thousands of people to work upstate.")
    assert any(content.startswith("legalizing it could put") for _, content in found)


def test_a_report_after_the_content_parsed_as_a_conjunct():
    text = ("Despite a series of costly defeats on Tuesday night, Sen. Bernie Sanders (I-Vt.) remains "
            "committed to seeing the primary through to the convention, his top aide, Tad Devine, told The "
            "Huffington Post.")
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]].startswith("Despite a series")
    assert text[statement.content[0]:statement.content[1]].endswith("through to the convention")
    assert statement.speaker_name == "Tad Devine"


def test_the_content_keeps_a_conjunct_without_a_subject_but_not_a_report_of_its_own():
    found = statements_of("The airline said it would assess its options and look into the recount process.")
    assert ("indirect", "it would assess its options and look into the recount process") in found
    found = statements_of("The mayor said the bridge would open in May but did not say who would pay.")
    assert ("indirect", "the bridge would open in May") in found


def test_a_pronoun_is_not_resolved_to_a_person_whose_honorific_says_otherwise():
    text = ("Mr. Harlan Briggs said the station would stay open while Mrs. Clara Novak toured the harbour. "
            "She said the cranes were idle.")
    analysis = analyze_article(Article(id="t", text=text))
    (statement,) = [s for s in analysis.statements if "cranes" in text[s.content[0]:s.content[1]]]
    assert statement.speaker_name == "Clara Novak"


def test_a_relative_pronoun_is_the_speaker_as_written_and_its_antecedent_who_it_is():
    text = "The port director Anna Lind, who said the cranes would stay idle until May, left early."
    statement = only_statement(text)
    assert text[statement.speaker[0]:statement.speaker[1]] == "who"
    assert statement.speaker_name == "Anna Lind"


def test_a_report_in_a_title_case_headline():
    text = ("Harbour Chief Anna Lind Slams Dockers’ Union Over Crane Strike After Failed Talks\n"
            "The port director Anna Lind spoke to dockers in Antwerp on Monday.")
    analysis = analyze_article(Article(id="t", text=text))
    (statement,) = [s for s in analysis.statements if s.content[0] < text.index("\n")]
    assert text[statement.content[0]:statement.content[1]] == "Dockers’ Union Over Crane Strike"
    assert text[statement.cue[0]:statement.cue[1]] == "Slams"
    assert statement.speaker_name == "Anna Lind"


def test_a_headline_rubric_is_no_speaker_but_a_name_with_inner_capitals_is():
    assert statements_of("The Latest: Cranes stay idle in Antwerp\nDockers met on Monday.") == []
    found = statements_of("John McCain: Populist Anger Appeals to Bad Instincts\nHe spoke on Monday.")
    assert ("unmarked", "Populist Anger Appeals to Bad Instincts") in found


def test_an_object_keeps_its_phrases_but_not_when_it_was_reported():
    found = statements_of("The union leader Piet Claes criticised the port authority for the delays "
                          "during a meeting with dockers.")
    assert ("indirect", "the port authority for the delays") in found


def test_a_reported_clause_takes_in_what_comes_before_it_after_the_verb():
    found = statements_of("The senator says win or lose in the primary, she is staying in the race.")
    assert ("indirect", "win or lose in the primary, she is staying in the race") in found
    found = statements_of("She said on Monday, the bridge will open.")
    assert ("indirect", "the bridge will open") in found


def test_a_quote_after_the_report_of_the_one_before_goes_on_its_statement():
    text = ("“The cranes have stood still for a week,” the port director Anna Lind said on Monday.\n"
            "“We cannot go on like this much longer.”")
    statement = only_statement(text)
    assert (statement.content[0], statement.content[1]) == (0, len(text))
    assert statement.speaker_name == "Anna Lind"


def test_first_person_paragraphs_are_the_writers_own_where_the_outlet_kept_its_marks():
    quoted = ("“I will not sign it,” the mayor Ruth Adeyemi said.\n“We need more time,” she added.\n"
              "“Our city cannot pay,” Adeyemi told reporters.\n")
    text = quoted + "For more of our coverage, download our app and follow us.\n"
    assert all("download" not in content for _, content in statements_of(text))
    stripped = ("The mayor Ruth Adeyemi said the council would vote on Monday.\n"
                "We need more time. Our city cannot pay for the bridge alone.\n")
    found = statements_of(stripped)
    assert ("unmarked", "We need more time. Our city cannot pay for the bridge alone") in found


def test_naming_and_calling_for():
    found = statements_of("The former governor Martin Hale went further, calling the mayor a fraud.")
    assert ("indirect", "the mayor a fraud") in found
    found = statements_of("The mayor is calling for the council to step up its efforts against the floods.")
    assert ("indirect", "the council to step up its efforts against the floods") in found
    found = statements_of("Since the strike, the mayor has lost support. Now 64 percent call her weak.")
    assert ("indirect", "her weak") in found


def test_a_poll_named_before_its_findings_is_their_source():
    text = "In a city survey released on Monday, the tram came first among residents' wishes."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "the tram came first among residents' wishes"
    assert text[statement.speaker[0]:statement.speaker[1]].endswith("survey")
    found = statements_of("In a statement, the mayor Ruth Adeyemi said the tram would run by May.")
    assert ("indirect", "the tram would run by May") in found
    assert statements_of("In Antwerp, the harbour reopened on Monday.") == []


def test_two_poll_findings_in_one_sentence_are_two_statements():
    found = statements_of("Many say they follow the tram debate; 26 percent of residents say they have not "
                          "heard of it, compared with 11 percent of shop owners.")
    assert ("indirect", "they follow the tram debate") in found
    assert ("indirect", "they have not heard of it") in found


def test_made_clear_and_asked_if():
    found = statements_of("The port director Anna Lind made it clear to the union on Monday that the cranes "
                          "would stay idle.")
    assert ("indirect", "that the cranes would stay idle") in found
    found = statements_of("The paper asked the mayor Ruth Adeyemi if she would run again.")
    assert ("indirect", "if she would run again") in found
    assert statements_of("The council made a decision on Monday.") == []


def test_a_transcript_line_is_its_speakers_even_with_a_report_inside():
    text = ("Partial transcript:\nHOST: What did the council decide?\n"
            "ADEYEMI: Well, the council said the tram will run by May, and I agree.\n")
    found = statements_of(text)
    assert ("unmarked", "Well, the council said the tram will run by May, and I agree") in found


def test_a_headline_speaker_label_may_hold_small_words():
    found = statements_of("Mayor Adeyemi at City Hall: The Tram Will Run By May\nThe council met on Monday.")
    assert ("unmarked", "The Tram Will Run By May") in found


def test_a_message_saying_something_is_its_source():
    text = "The harbour police received calls saying a crane had fallen onto the quay."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "a crane had fallen onto the quay"
    assert text[statement.speaker[0]:statement.speaker[1]] == "calls"


def test_according_to_keeps_its_content_unless_someone_inside_speaks():
    text = "According to city filings, the group spends money on leaflets for residents who oppose the tram."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]].startswith("the group spends money")
    assert text[statement.speaker[0]:statement.speaker[1]].endswith("filings")
    found = statements_of("According to the agency, the mayor Ruth Adeyemi believes that the tram is late.")
    assert ("indirect", "that the tram is late") in found


def test_a_report_after_a_preposition_is_the_clause_subjects():
    text = "The mayor Ruth Adeyemi left the meeting before insisting that the budget was balanced."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "that the budget was balanced"
    assert statement.speaker_name == "Ruth Adeyemi"


def test_a_joined_report_with_its_own_subject_ends_the_content():
    found = statements_of("The union says the port is losing money while the director suggests the accounts "
                          "are in order.")
    assert ("indirect", "the port is losing money") in found
    assert ("indirect", "the accounts are in order") in found


def test_a_quantifier_holds_a_belief():
    text = "The new cranes arrived in May. Most believe that the cranes will cost jobs."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "that the cranes will cost jobs"
    assert text[statement.speaker[0]:statement.speaker[1]] == "Most"


def test_an_impression_is_its_whole_clause():
    text = "After the vote, the harbour board seemed to be losing its patience with the union."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == (
        "the harbour board seemed to be losing its patience with the union")
    assert statement.speaker is None
    text = "Instead, it appeared that the council had changed its mind about the tram."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == (
        "that the council had changed its mind about the tram")
    assert statements_of("The mayor appeared on television on Monday.") == []


def test_a_passive_impression_is_its_whole_clause_with_its_agent_as_source():
    text = "The sale of the ferry line is expected to close in May."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == text[:-1]
    text = "The old cranes are considered unsafe by the inspectors."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "The old cranes are considered unsafe"
    assert text[statement.speaker[0]:statement.speaker[1]] == "the inspectors"


def test_each_preposition_is_a_construction_of_its_own():
    found = statements_of("The mayor Ruth Adeyemi spoke to reporters about the harbour strike.")
    assert found == [("indirect", "the harbour strike")]
    assert statements_of("The mayor Ruth Adeyemi spoke to reporters in the port.") == []


def test_an_object_stops_at_the_place_of_the_report():
    found = statements_of("The mayor Ruth Adeyemi praised the harbour volunteers at a press conference "
                          "in the port.")
    assert found == [("indirect", "the harbour volunteers")]


def test_a_passive_report_has_its_subject_as_content():
    text = "The new ferry timetable was announced on Monday by the port authority."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "The new ferry timetable"
    assert text[statement.speaker[0]:statement.speaker[1]] == "the port authority"


def test_a_second_thing_done_stays_in_the_content():
    found = statements_of("The mayor Ruth Adeyemi says she met the union leaders and asked them to end "
                          "the strike.")
    assert found == [("indirect", "she met the union leaders and asked them to end the strike")]
    found = statements_of("The mayor Ruth Adeyemi said she would sign the harbour plan but did not say "
                          "when.")
    assert found == [("indirect", "she would sign the harbour plan")]


@pytest.mark.parametrize(("text", "content"), [
    ("This week, the mayor declined to name the contractor or even directly call it responsible.",
     "to name the contractor or even directly call it responsible"),
    ("The senator refused to endorse the bill or even formally declare it dead.",
     "to endorse the bill or even formally declare it dead"),
])
def test_a_second_infinitive_hung_on_the_cue_stays_in_the_content(text, content):
    # The parser makes "call" / "declare" a conjunct of the cue, leaving the clause on its "or".
    assert statements_of(text) == [("indirect", content)]


def test_a_day_before_the_cue_is_no_addressee():
    # "called on the council to act" names whom it asks; "On Tuesday, ... declined to" does not.
    assert statements_of("On Tuesday, the governor declined to criticise the union.") == [
        ("indirect", "to criticise the union")]
    assert statements_of("The governor called on the council to end the strike.") == [
        ("indirect", "the council to end the strike")]


def test_a_contrast_joined_to_the_report_goes_on_with_the_content():
    found = statements_of("The mayor Ruth Adeyemi says the harbour budget is balanced, but the council "
                          "still has doubts.")
    assert found == [("indirect", "the harbour budget is balanced, but the council still has doubts")]


def test_it_can_report_as_a_body():
    found = statements_of("The port authority met on Monday. It accused the union of blocking the talks.")
    assert found == [("indirect", "the union of blocking the talks")]


def test_a_fronted_while_clause_is_no_content_when_a_clause_follows_the_report():
    text = ("Budget talks stalled again in the city council.\n\nWhile not every figure the mayor gives is "
            "right, Lopez said the mayor is “offering his voters what they hope to hear.”")
    found = statements_of(text)
    assert found == [("mixed", "the mayor is “offering his voters what they hope to hear.”")]


def test_a_split_quote_joins_across_a_long_description_of_its_speaker():
    text = ("“The port cannot wait another winter,” said Ruth Adeyemi, the harbour master who has run the "
            "docks since 2011 and who led the talks with the union and the city council over the new cranes "
            "last spring, “and the money is already there.”")
    statement = only_statement(text)
    assert statement.kind == "direct" and statement.speaker_name == "Ruth Adeyemi"
    assert text[statement.content[0]:statement.content[1]].endswith("already there.”")


def test_he_is_not_a_person_the_article_shows_to_be_a_woman():
    text = ("Tom Berger said the ferry would run again in May. Hillary Moss, the port director, stayed "
            "silent. He added that tickets would be cheaper.")
    (statement,) = [s for s in analyze_article(Article(id="t", text=text)).statements
                    if "tickets" in text[s.content[0]:s.content[1]]]
    assert statement.speaker_name == "Tom Berger"


def test_a_pronoun_is_not_someone_named_inside_its_own_quote():
    text = ("Tom Berger runs the ferry company. The council met again on Friday. "
            "“Dana Moss should decide what the port needs,” he said.")
    (statement,) = [s for s in analyze_article(Article(id="t", text=text)).statements if s.kind == "direct"]
    assert statement.speaker_name == "Tom Berger"


def test_a_name_after_the_verb_after_a_quote_is_its_speaker():
    text = "''Several of us wanted to wait for the spring,'' recalled Mr. Rhodes."
    statement = only_statement(text)
    assert statement.kind == "direct" and statement.speaker_name == "Rhodes"


def test_as_someone_put_it_gives_the_quote_its_speaker():
    text = "The council met on Monday.\n\nAs the columnist Dana Milbank puts it, “The council is unmoved.”"
    (statement,) = [s for s in analyze_article(Article(id="t", text=text)).statements if s.kind == "direct"]
    assert text[statement.content[0]:statement.content[1]] == "“The council is unmoved.”"
    assert statement.speaker_name == "Dana Milbank" and text[statement.cue[0]:statement.cue[1]] == "puts"


def test_a_curly_quote_closed_with_a_straight_mark_is_one_quote():
    text = "“We are going to win the vote in March,\" Mayor Ruth Adeyemi said on Friday."
    statement = only_statement(text)
    assert statement.kind == "direct" and statement.speaker_name == "Ruth Adeyemi"
    assert text[statement.content[0]:statement.content[1]] == "“We are going to win the vote in March,\""


def test_a_name_in_apposition_to_the_subject_is_the_speaker():
    text = "LEEDS — The columnist Dana Milbank said the council is unmoved."
    statement = only_statement(text)
    assert statement.speaker_name == "Dana Milbank"


def test_a_parenthetical_report_keeps_the_conjunct_after_it():
    found = statements_of("The pilot had no known ties to any party, the airline added, and had passed all "
                          "the security checks.")
    content = ("The pilot had no known ties to any party, the airline added, and had passed all the "
               "security checks")
    assert found == [("indirect", content)]


def test_a_split_quote_found_by_its_cue_nearby_is_joined_too():
    text = ("“Applying those rules to the current plans and their costs,” Adeyemi continued, “you and I "
            "should unite behind a plan that could pass.”")
    statement = only_statement(text)
    assert statement.kind == "direct" and statement.speaker_name == "Adeyemi"
    assert statement.content == (0, len(text))


def test_a_phrasal_verb_beside_a_quote_is_its_cue_and_the_nearest_cue_wins():
    text = ("The hearing went on for hours.\n\nWhen the mayor accused the union of lying, Ortiz shot back: "
            "“We have the documents to prove every word of it.”")
    (statement,) = [s for s in analyze_article(Article(id="t", text=text)).statements if s.kind == "direct"]
    assert statement.speaker_name == "Ortiz" and text[statement.cue[0]:statement.cue[1]] == "shot"


def test_the_writers_own_reports_are_statements_with_no_named_speaker():
    text = "The trial began in May.\n\nI told the judge that I would never plead guilty to the charge."
    statement = only_statement(text)
    assert text[statement.content[0]:statement.content[1]] == "that I would never plead guilty to the charge"
    assert text[statement.speaker[0]:statement.speaker[1]] == "I" and statement.speaker_name is None


def test_a_first_person_report_inside_a_speakers_unmarked_paragraph_stays_theirs():
    text = ("Harbour master Ruth Adeyemi spoke to the council on Monday. She noted:\n"
            "I believe that we have done enough for the cranes. Now we must invest in the people.\n"
            "The council will vote in June.")
    analysis = analyze_article(Article(id="t", text=text))
    (statement,) = [s for s in analysis.statements if "cranes" in text[s.content[0]:s.content[1]]]
    assert statement.kind == "unmarked" and statement.speaker_name == "Ruth Adeyemi"
    assert not [s for s in analysis.statements if s.speaker and text[s.speaker[0]:s.speaker[1]] == "I"]


def test_the_we_of_someones_quote_is_not_the_writer():
    text = ("In an interview, Ruth Adeyemi remarked, “We have to do much more,” indicating the need "
            "for new cranes.")
    analysis = analyze_article(Article(id="t", text=text))
    assert all(s.speaker_name == "Ruth Adeyemi" for s in analysis.statements)


# Outlets, roles and the text itself as the subjects of reports ("Speakers are speakers").
WIRE = (
    "Quota talks stall in Gdansk\n"
    "Baltic Council President Ilse Brandt said on Tuesday that the quota deal was close.\n"
    "The head of the Council expressed deep concern about the fishing fleets.\n"
    "The fleets will stay in port until March. She said this after a meeting with the "
    "ministers in Riga, Baltic Radio reports.\n"
    "According to the news agency Nordpress, Brandt believes that the quota must be cut.\n"
    "At the same time, she urged the ministers to publish their catch figures, the Gdansk "
    "Courier writes, citing a Reuters report.\n"
    "The Baltic Herald reported that the second round of talks failed.\n"
    "The article discusses the future of the harbour and its workers.\n"
    "Moscow insisted that the naval drills near the coast were routine.\n"
)


@pytest.fixture(scope="module")
def wire():
    return analyze_article(Article(id="wire", text=WIRE)).statements


def in_wire(statements, words):
    found = [s for s in statements if words in WIRE[s.content[0]:s.content[1]]]
    assert found, f"no statement holds {words!r}"
    return found[0]


def test_role_phrase_is_the_person_who_holds_it_not_the_organisation(wire):
    s = in_wire(wire, "deep concern about the fishing fleets")
    assert s.speaker_entity_id == "person:ilse-brandt" and s.speaker_name == "Ilse Brandt"


def test_role_no_one_holds_stays_the_phrase_with_no_entity():
    text = "The head of the Dockers Federation warned that the strike would spread to Rotterdam.\n"
    s = analyze_article(Article(id="dock", text=text)).statements[0]
    assert s.speaker_entity_id is None and s.speaker_name == "The head of the Dockers Federation"


def test_outlet_passing_on_a_report_is_its_provenance_not_its_speaker(wire):
    s = in_wire(wire, "The fleets will stay in port until March")
    assert s.speaker_name == "Ilse Brandt" and s.provenance == "Baltic Radio"
    assert not any(s.speaker_name == "Baltic Radio" for s in wire)


def test_news_agency_in_according_to_is_the_provenance(wire):
    s = in_wire(wire, "the quota must be cut")
    assert s.speaker_name == "Ilse Brandt" and s.provenance == "Nordpress"
    assert not any(s.speaker_entity_id == "org:nordpress" for s in wire)


def test_outlet_writing_and_citing_credits_the_inner_report(wire):
    s = in_wire(wire, "to publish their catch figures")
    assert s.speaker_name == "Ilse Brandt" and s.provenance == "Gdansk Courier"
    assert not any("Reuters report" in WIRE[s.content[0]:s.content[1]] for s in wire)


def test_outlet_as_only_source_keeps_the_statement_with_no_speaker(wire):
    s = in_wire(wire, "the second round of talks failed")
    assert s.provenance == "Baltic Herald"
    assert s.speaker_entity_id is None and s.speaker_name is None


def test_the_article_speaking_of_itself_is_no_statement(wire):
    assert not any("the future of the harbour" in WIRE[s.content[0]:s.content[1]] for s in wire)


def test_a_place_is_never_a_speaker_entity(wire):
    s = in_wire(wire, "the naval drills near the coast were routine")
    assert s.speaker_entity_id is None


@given(st.text(alphabet="ab \t\n\r", max_size=40))
def test_paragraph_spans_are_the_non_blank_lines(text):
    from newsprism.stages.textspans import paragraph_spans

    lines, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((start, start + len(line)))
        start += len(line) + 1
    assert list(paragraph_spans(text)) == lines


def test_a_name_and_its_apposition_after_a_quote_speak_it_though_the_parser_took_a_noun_inside():
    text = ("Donald Trump answered on Friday evening.\n\n\"This can be good news in that we will now "
            "counter for the DNC Server that they refused to give to the FBI, the Wendy Wasserman Schultz "
            "Servers and Documents held by the Pakistani mystery man and Clinton Emails,\" Trump, a "
            "Republican, wrote.")
    (statement,) = [s for s in analyze_article(Article(id="t", text=text)).statements if s.kind == "direct"]
    assert statement.speaker_name == "Donald Trump"
    assert statement.provenance is None  # no outlet: "a Republican" is what Trump is
