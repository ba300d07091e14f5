from newsprism.link.copies import find_copies
from newsprism.model import Article

REPORT = ("The port authority said on Monday that container traffic through the northern terminal rose "
          "by 12 percent last year, driven by new routes to West Africa and a second crane that entered "
          "service in March. Dock workers have asked for a new contract before the summer.")


def article(ident, text, published="2025-03-03", source=None):
    return Article(ident, text, source=source, published=published)


def test_a_syndicated_copy_or_one_without_its_title_points_at_the_earliest_report():
    first = article("wire", "Port traffic rises\n" + REPORT, "2025-03-03", "Wire")
    copy = article("paper", REPORT, "2025-03-04", "Daily")
    again = article("site", "Port traffic up 12%\n" + REPORT + " Comments are closed.", "2025-03-05", "Site")
    other = article("own", "Dock workers at the northern terminal walked out on Tuesday over pay, the union "
                    "said, and the port authority called the strike illegal. Ships were diverted south.")
    assert find_copies([other, again, copy, first]) == {"paper": "wire", "site": "wire"}


def test_short_texts_and_different_reports_are_no_copies():
    assert find_copies([article("a", "Minister resigns."), article("b", "Minister resigns.")]) == {}
    rewritten = article("b", "Container traffic at the northern terminal grew 12 percent in 2024, the port "
                        "authority reported, thanks to West African routes and a crane added in March.")
    assert find_copies([article("a", REPORT), rewritten]) == {}


def test_a_large_story_finds_the_same_copies_through_its_sketches():
    import random

    from newsprism.link import copies

    rng = random.Random(3)
    words = REPORT.split()
    reports = [article(f"own{n}", " ".join(rng.sample(words, len(words)))) for n in range(copies.EXACT_UP_TO)]
    first = article("wire", "Port traffic rises\n" + REPORT, "2025-03-03", "Wire")
    copy = article("paper", REPORT, "2025-03-04", "Daily")
    small, large = [first, copy, *reports[:3]], [first, copy, *reports]
    assert len(large) > copies.EXACT_UP_TO >= len(small)
    assert find_copies(small) == find_copies(large) == {"paper": "wire"}
