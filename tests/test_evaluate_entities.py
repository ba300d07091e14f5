from newsprism.evaluate.entities import GoldMention, SystemMention, head_word, map_mentions, score


def test_a_gold_mention_maps_to_the_overlapping_system_mention_of_its_article():
    gold = [GoldMention("a", 10, 22, "c1"), GoldMention("b", 0, 5, "c1"), GoldMention("b", 40, 48, "c2")]
    system = [SystemMention("a", 13, 22, "e1"),  # covers 9 of 12 characters
              SystemMention("a", 0, 80, "e9"),  # covers it all but is far too long
              SystemMention("b", 0, 2, "e1"),  # covers less than half
              SystemMention("b", 40, 48, "e2")]
    mapped = map_mentions(gold, system)
    assert mapped == {gold[0]: "e1", gold[2]: "e2"}


def test_pairs_are_counted_across_articles_only():
    gold = [GoldMention("a", 0, 1, "c1"), GoldMention("a", 2, 3, "c1"), GoldMention("b", 0, 1, "c1"),
            GoldMention("b", 5, 6, "c2")]
    one_entity = {g: "e" for g in gold}
    scores = score(gold, one_entity)
    # cross-document pairs: gold 2 (a-b within c1); system 4 (every a-b pair)
    assert (scores.pair_precision, scores.pair_recall) == (0.5, 1.0)
    assert scores.coverage == 1.0 and 0 < scores.b3_precision < 1


def test_the_baseline_keys_on_the_last_word():
    assert head_word("Mark Rutte's") == head_word("Rutte") == "rutte"
    assert head_word("the U.S.") == "u.s."
