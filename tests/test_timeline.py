from newsprism.model import Analysis, Article, Statement, Timex
from newsprism.report.timeline import build_timeline, sentence_around

TEXT = ("The council met on Monday. It said the bridge would reopen in May.\n"
        "Repairs began in 2019, the mayor said. Nobody knows when it ends.")


def test_sentence_around():
    start = TEXT.index("2019")
    s, e = sentence_around(TEXT, start, start + 4)
    assert TEXT[s:e] == "Repairs began in 2019, the mayor said."


def test_timeline_orders_placeable_dates_and_links_statements(store):
    store.add_article(Article(id="a", text=TEXT, published="2025-03-12"))
    said = TEXT.index("the bridge")
    store.save_analysis(Analysis("a", "1", timexes=(
        Timex("a", TEXT.index("Monday"), TEXT.index("Monday") + 6, "Monday", "DATE", "2025-03-10"),
        Timex("a", TEXT.index("May"), TEXT.index("May") + 3, "May", "DATE", "2025-05"),
        Timex("a", TEXT.index("2019"), TEXT.index("2019") + 4, "2019", "DATE", "2019"),
        Timex("a", 0, 3, "The", "DATE", "PRESENT_REF"),
    ), statements=(Statement("a:s1", "a", "indirect", (said, said + 35)),)))
    entries = build_timeline(store)
    assert [e.date for e in entries] == ["2019", "2025-03-10", "2025-05"]
    assert entries[2].statement_ids == ("a:s1",) and entries[1].statement_ids == ()
    assert entries[0].text == "Repairs began in 2019, the mayor said."
