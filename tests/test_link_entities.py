from newsprism.link import link_store
from newsprism.link.entities import EntityResolver, Node
from newsprism.model import Analysis, Article, Entity, Mention, Statement


def node(article, name, kind="PERSON", mentions=1, aliases=()):
    local = f"{kind.lower()}:{name.lower().replace(' ', '-')}"
    return Node(article, local, name, kind, mentions, tuple(aliases))


def resolve(*nodes):
    resolver = EntityResolver()
    chosen = resolver.resolve(list(nodes))
    return {(a, n.split(":", 1)[1]): e for (a, n), e in chosen.items()}, resolver


def test_one_person_under_many_names_is_one_entity():
    chosen, _ = resolve(node("a1", "Jim Mattis"), node("a2", "James N. Mattis"), node("a3", "Mattis"),
                        node("a4", "James Mattis"))
    assert len(set(chosen.values())) == 1


def test_relatives_stay_apart_and_a_lone_surname_goes_to_the_dominant_bearer():
    nodes = [node(f"d{i}", "Donald Trump", mentions=5) for i in range(4)]
    nodes += [node("j1", "Donald Trump Jr."), node("m1", "Melania Trump"), node("x1", "Trump", mentions=3)]
    chosen, _ = resolve(*nodes)
    donald = chosen["d0", "donald-trump"]
    assert chosen["j1", "donald-trump-jr."] != donald
    assert chosen["m1", "melania-trump"] not in {donald, chosen["j1", "donald-trump-jr."]}
    assert chosen["x1", "trump"] == donald


def test_a_father_and_son_of_one_given_name_stay_apart_behind_a_short_name():
    # "George Bush" fits both; once it has joined the son, the father's middle initials do not fit him.
    chosen, _ = resolve(node("a1", "George W. Bush", mentions=2), node("a2", "George Bush", mentions=5),
                        node("a3", "George H.W. Bush", mentions=2))
    assert chosen["a1", "george-w.-bush"] == chosen["a2", "george-bush"]
    assert chosen["a3", "george-h.w.-bush"] != chosen["a1", "george-w.-bush"]


def test_a_lone_surname_goes_to_the_bearer_its_article_shares_entities_with():
    nodes = [node(f"r{i}", "Reggie Bush", mentions=6) for i in range(4)]
    nodes += [node(f"r{i}", "New Orleans Saints", "ORG") for i in range(4)]
    nodes += [node("g1", "George W. Bush", mentions=3), node("g1", "Interior Department", "ORG")]
    nodes += [node("x1", "Bush", mentions=2), node("x1", "Interior Department", "ORG"),
              node("x2", "Bush"), node("x2", "New Orleans Saints", "ORG"), node("x3", "Bush")]
    chosen, _ = resolve(*nodes)
    reggie, george = chosen["r0", "reggie-bush"], chosen["g1", "george-w.-bush"]
    assert reggie != george
    assert chosen["x1", "bush"] == george  # beside the department, not the running back
    assert chosen["x2", "bush"] == reggie
    assert chosen["x3", "bush"] == reggie  # nothing beside it: the one named far more often


def test_the_entities_beside_a_bearer_follow_a_merge():
    resolver = EntityResolver()
    first = [node(f"r{i}", name, kind) for i in range(4) for name, kind in (("Reggie Bush", "PERSON"),
                                                                            ("Saints", "ORG"))]
    first += [node("g1", "George W. Bush", mentions=30), node("g1", "Interior Department", "ORG"),
              node("y1", "Bush"), node("y1", "Interior Department", "ORG")]
    chosen = resolver.resolve(first)
    george = chosen["g1", "person:george-w.-bush"]
    assert chosen["y1", "person:bush"] == george  # each bearer's neighbours were read here
    later = resolver.resolve([node("z1", "New Orleans Saints", "ORG"), node("x1", "Bush"),
                              node("x1", "New Orleans Saints", "ORG")])
    assert resolver.final(chosen["r0", "org:saints"]) == later["z1", "org:new-orleans-saints"]
    # "Saints", beside Reggie Bush, is now the New Orleans Saints: the lone "Bush" beside them is
    # his, though George W. Bush is named far more often
    assert later["x1", "person:bush"] == chosen["r0", "person:reggie-bush"]


def test_the_store_tells_whom_a_lone_surname_stands_beside():
    earlier = {"person:george-w.-bush": ["org:interior-department"], "person:reggie-bush": ["org:saints"]}
    resolver = EntityResolver(lambda entity_id: earlier.get(entity_id, []))
    resolver.load([("person:reggie-bush", "Reggie Bush", "PERSON", 40),
                   ("person:george-w.-bush", "George W. Bush", "PERSON", 5),
                   ("org:interior-department", "Interior Department", "ORG", 9)])
    chosen = resolver.resolve([node("x1", "Bush"), node("x1", "Interior Department", "ORG")])
    assert chosen["x1", "person:bush"] == "person:george-w.-bush"


def test_a_lone_surname_of_two_people_named_as_often_stays_ambiguous():
    chosen, _ = resolve(node("a1", "Hillary Clinton", mentions=4), node("a2", "Bill Clinton", mentions=4),
                        node("a3", "Clinton"))
    assert chosen["a3", "clinton"] not in {chosen["a1", "hillary-clinton"], chosen["a2", "bill-clinton"]}


def test_a_full_name_takes_over_the_lone_surname_seen_before_it():
    resolver = EntityResolver()
    first = resolver.resolve([node("a1", "Rutte")])
    later = resolver.resolve([node("a2", "Mark Rutte")])
    assert resolver.final(first["a1", "person:rutte"]) == later["a2", "person:mark-rutte"]
    assert resolver.merged == {"person:rutte": later["a2", "person:mark-rutte"]}


def test_acronyms_common_names_and_types_across_articles():
    chosen, resolver = resolve(
        node("a1", "European Union", "ORG", aliases=("EU",)), node("a2", "EU", "ORG"),
        node("a3", "United States", "GPE"), node("a4", "U.S.", "GPE"), node("a5", "US", "ORG"),
        node("a6", "Kyiv", "GPE", mentions=3), node("a7", "Kyiv", "PERSON"))
    assert chosen["a1", "european-union"] == chosen["a2", "eu"]
    assert chosen["a3", "united-states"] == chosen["a4", "u.s."] == chosen["a5", "us"]
    kyiv = chosen["a6", "kyiv"]
    assert chosen["a7", "kyiv"] == kyiv and resolver.entities[kyiv].type == "GPE"


def test_an_acronym_two_names_share_is_left_alone():
    chosen, _ = resolve(node("a1", "Associated Press", "ORG"), node("a2", "Andhra Pradesh", "ORG"),
                        node("a3", "AP", "ORG"))
    assert chosen["a3", "ap"] not in {chosen["a1", "associated-press"], chosen["a2", "andhra-pradesh"]}


def test_a_common_acronym_is_not_another_name_with_its_initials():
    # "EU" is the European Union, whatever the store met first: Emory University stays apart.
    chosen, _ = resolve(node("a1", "EU", "ORG"), node("a2", "Emory University", "ORG"),
                        node("a3", "European Union", "ORG"))
    assert chosen["a2", "emory-university"] != chosen["a1", "eu"] == chosen["a3", "european-union"]
    # An acronym no list knows still joins the one long name with its initials.
    chosen, _ = resolve(node("a1", "CEC", "ORG"), node("a2", "Central Election Commission", "ORG"))
    assert chosen["a1", "cec"] == chosen["a2", "central-election-commission"]


def test_one_name_tagged_with_two_types_is_one_entity():
    chosen, resolver = resolve(node("a1", "Bettie Page", mentions=4), node("a2", "Bettie Page", "ORG"),
                               node("a3", "Bettie Page", "ORG"), node("a4", "Wladimir Klitschko", "GPE"),
                               node("a5", "Wladimir Klitschko", mentions=3))
    page = chosen["a1", "bettie-page"]
    assert chosen["a2", "bettie-page"] == chosen["a3", "bettie-page"] == page
    assert chosen["a4", "wladimir-klitschko"] == chosen["a5", "wladimir-klitschko"]
    assert resolver.entities[page].type == "PERSON"


def test_names_named_again_move_the_entitys_name_and_type_as_counts_change():
    resolver = EntityResolver()
    resolver.resolve([node("a1", "James Mattis", mentions=3), node("a2", "Jim Mattis")])
    (mattis,) = resolver.entities.values()
    assert mattis.name == "James Mattis" and mattis.mentions == 4
    resolver.resolve([node(f"b{i}", "Jim Mattis", mentions=2) for i in range(3)])  # a known name
    assert mattis.name == "Jim Mattis" and mattis.mentions == 10
    resolver.resolve([node("c1", "Drake Bulldogs", mentions=2), node("c2", "Drake Bulldogs", "ORG")])
    (team,) = [e for e in resolver.entities.values() if e is not mattis]
    assert team.type == "PERSON"
    resolver.resolve([node("c3", "Drake Bulldogs", "ORG", mentions=3)])
    assert team.type == "ORG"


def test_a_last_word_stands_for_the_one_longer_name_but_a_generic_one_does_not():
    chosen, _ = resolve(node("a1", "Jaguars"), node("a2", "Jacksonville Jaguars", "ORG"),
                        node("a3", "White House", "ORG"), node("a4", "House", "ORG"),
                        node("a5", "Chiefs", "ORG"), node("a6", "Kansas City Chiefs", "ORG"),
                        node("a7", "Chiefs", "ORG"), node("a8", "Chiefs", "ORG"))
    assert chosen["a1", "jaguars"] == chosen["a2", "jacksonville-jaguars"]
    assert chosen["a4", "house"] != chosen["a3", "white-house"]
    assert chosen["a5", "chiefs"] == chosen["a6", "kansas-city-chiefs"]


def test_a_team_its_articles_tag_as_a_person_by_its_last_word_is_no_person():
    chosen, resolver = resolve(node("a1", "Jaguars", mentions=6), node("a2", "Jaguars", mentions=4),
                               node("a3", "Jacksonville Jaguars", "ORG"))
    team = resolver.entities[chosen["a3", "jacksonville-jaguars"]]
    assert chosen["a1", "jaguars"] == team.id and team.type == "ORG"


def test_a_last_word_seen_in_an_earlier_run_joins_the_longer_name_found_later():
    resolver = EntityResolver()
    first = resolver.resolve([node("a1", "Jaguars")])
    second = resolver.resolve([node("a2", "Jacksonville Jaguars", "ORG")])
    assert resolver.final(first["a1", "person:jaguars"]) == second["a2", "org:jacksonville-jaguars"]


def test_thousands_of_mentions_of_one_name_make_one_entity():
    nodes = [node(f"a{i}", "Trump") for i in range(2000)]
    nodes += [node(f"b{i}", "Donald Trump") for i in range(2000)]
    chosen, resolver = resolve(*nodes)
    assert len(set(chosen.values())) == 1 and len(resolver.entities) == 1


def _analysis(article_id, people, speaker=None):
    """An analysis naming people as its per-article stage would: local ids of their names."""
    entities, mentions, position = [], [], 0
    for name in people:
        entity = Entity(f"person:{name.lower().replace(' ', '-')}", name, "PERSON")
        entities.append(entity)
        mentions.append(Mention(article_id, entity.id, position, position + len(name), name))
        position += len(name) + 1
    statements = ()
    if speaker is not None:
        statements = (Statement(f"{article_id}:s1", article_id, "indirect", (0, 5), None, (0, 5),
                                entities[speaker].id, entities[speaker].name),)
    return Analysis(article_id, "1", entities=tuple(entities), mentions=tuple(mentions),
                    statements=statements)


def _add(store, article_id, people, speaker=None):
    text = " ".join(people) + " said the port reopened on Monday."
    store.add_article(Article(id=article_id, text=text, source=article_id, published="2025-01-13"),
                      _analysis(article_id, people, speaker))


def test_linking_rewrites_mentions_and_speakers_to_store_wide_ids(store):
    _add(store, "a1", ["James Mattis"])
    _add(store, "a2", ["Jim Mattis"], speaker=0)
    link_store(store)
    ids = {m.entity_id for m in store.iter_mentions()}
    assert ids == {"person:james-mattis"}
    (said,) = store.iter_statements(article_id="a2")
    assert said.speaker_entity_id == "person:james-mattis"
    # the id the article used before linking still leads to the person
    assert store.get_entity("person:jim-mattis").id == "person:james-mattis"
    names = {e.id: e for e in store.iter_entities()}
    assert list(names) == ["person:james-mattis"]
    assert set(names["person:james-mattis"].aliases) == {"James Mattis", "Jim Mattis"}
    assert store.entity_profile("person:james-mattis")["articles"] == 2


def test_a_merge_found_later_keeps_old_ids_working(store):
    _add(store, "a1", ["Rutte"])
    link_store(store)
    assert [e.id for e in store.iter_entities()] == ["person:rutte"]
    _add(store, "a2", ["Mark Rutte"])
    report = link_store(store)
    assert report.merged == 1
    assert {m.entity_id for m in store.iter_mentions()} == {"person:mark-rutte"}
    assert store.get_entity("person:rutte").name == "Mark Rutte"


def test_a_lone_surname_linked_later_goes_to_the_bearer_named_beside_the_same_people(store):
    for i in range(4):
        _add(store, f"r{i}", ["Reggie Bush", "Sean Payton"])
    _add(store, "g1", ["George W. Bush", "Dirk Kempthorne"])
    link_store(store)
    _add(store, "x1", ["Bush", "Dirk Kempthorne"])
    _add(store, "x2", ["Bush", "Sean Payton"])
    link_store(store)
    people = {m.article_id: m.entity_id for m in store.iter_mentions() if m.text == "Bush"}
    assert people == {"x1": "person:george-w.-bush", "x2": "person:reggie-bush"}


def test_re_analysing_and_relinking_gives_the_same_ids(store):
    _add(store, "a1", ["James Mattis"])
    _add(store, "a2", ["Jim Mattis"])
    link_store(store)
    before = [(m.article_id, m.entity_id) for m in store.iter_mentions()]
    store.save_analysis(_analysis("a2", ["Jim Mattis"]))
    link_store(store)
    assert [(m.article_id, m.entity_id) for m in store.iter_mentions()] == before
    assert link_store(store).linked == 0


def test_a_place_is_not_the_longer_place_its_name_ends():
    chosen, _ = resolve(node("a1", "North Carolina", "GPE"), node("a2", "Carolina", "GPE"),
                        node("a3", "North Philadelphia", "GPE"), node("a4", "Philadelphia", "GPE"))
    assert chosen["a2", "carolina"] != chosen["a1", "north-carolina"]
    assert chosen["a4", "philadelphia"] != chosen["a3", "north-philadelphia"]


def test_a_suffix_or_a_double_surname_finds_its_one_bearer():
    chosen, _ = resolve(node("a1", "Donald Trump", mentions=9), node("a2", "Donald Trump Jr.", mentions=2),
                        node("a3", "Trump Jr."), node("a4", "Donald Jr."),
                        node("a5", "Debbie Wasserman Schultz"), node("a6", "Wasserman Schultz"),
                        node("a7", "Hillary Clinton"), node("a8", "Hillary Schultz"))
    junior = chosen["a2", "donald-trump-jr."]
    assert junior != chosen["a1", "donald-trump"]
    assert chosen["a3", "trump-jr."] == chosen["a4", "donald-jr."] == junior
    assert chosen["a6", "wasserman-schultz"] == chosen["a5", "debbie-wasserman-schultz"]
    assert chosen["a8", "hillary-schultz"] != chosen["a5", "debbie-wasserman-schultz"]
    # the double surname seen first, in an article of its own
    chosen, _ = resolve(node("a1", "Wasserman Schultz"), node("a2", "Debbie Wasserman Schultz"))
    assert chosen["a1", "wasserman-schultz"] == chosen["a2", "debbie-wasserman-schultz"]


def test_a_country_before_an_office_names_the_one_office_of_that_name():
    for order in ((0, 1), (1, 0)):
        names = [node("a1", "U.S. Surgeon General", "ORG"), node("a2", "Surgeon General", "ORG")]
        chosen, _ = resolve(*(names[i] for i in order))
        assert chosen["a1", "u.s.-surgeon-general"] == chosen["a2", "surgeon-general"]
    # Two countries' offices of one name: the bare name is either, so it stays apart.
    chosen, _ = resolve(node("b1", "U.S. Surgeon General", "ORG"), node("b2", "UK Surgeon General", "ORG"),
                        node("b3", "Surgeon General", "ORG"))
    assert chosen["b3", "surgeon-general"] not in {chosen["b1", "u.s.-surgeon-general"],
                                                    chosen["b2", "uk-surgeon-general"]}
