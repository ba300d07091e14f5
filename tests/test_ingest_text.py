from newsprism.clean import analysis_text
from newsprism.errors import InputError
from newsprism.ingest import read_articles

ARTICLE = (
    "Harbour talks collapse after ten hours\n"
    "The mayor said on Monday that talks had failed.\n"
    "“We will try again,” she added.\n"
)


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_plain_text_is_stored_exactly_with_stem_id_and_title(write):
    path = write("harbour-talks.txt", ARTICLE.replace("\n", "\r\n"))
    article = only(read_articles([path]))
    assert article.id == "harbour-talks"
    assert article.text == ARTICLE.replace("\n", "\r\n")  # no newline translation
    assert article.title == "Harbour talks collapse after ten hours"
    assert article.published is None and article.boilerplate == ()


def test_leading_date_line_gives_published_and_is_skipped_by_analysis(write):
    text = " date 2025-01-13 The council met in Ghent on Monday and said it would vote."
    article = only(read_articles([write("council.txt", text)]))
    assert article.published == "2025-01-13"
    assert article.text == text
    start, end = article.boilerplate[0]
    assert start == 0 and text[end:].startswith("The council")
    analysed = analysis_text(article)
    assert len(analysed) == len(text) and "2025" not in analysed


def test_front_matter_fields(write):
    text = (
        "---\ntitle: Ferry fares rise\nsource: Coastal Times\npublished: 2025-03-11\n"
        "url: https://example.org/ferry\n---\nFerry fares will rise by 4% in April, the operator said.\n"
    )
    article = only(read_articles([write("ferry.txt", text)]))
    assert (article.title, article.source, article.published, article.url) == (
        "Ferry fares rise", "Coastal Times", "2025-03-11", "https://example.org/ferry")
    assert article.text == text
    body = article.boilerplate[0][1]
    assert text[body:].startswith("Ferry fares will rise")


def test_long_first_line_is_not_taken_as_title(write):
    text = "word " * 60 + "\nSecond paragraph.\n"
    assert only(read_articles([write("long.txt", text)])).title is None


def test_gzipped_text_file(write):
    article = only(read_articles([write("zipped.txt.gz", ARTICLE)]))
    assert article.id == "zipped" and article.text == ARTICLE


def test_windows_1251_text_is_detected(write):
    text = ("Министр обороны заявил в понедельник, что правительство выделит дополнительные "
            "средства на восстановление портов. По его словам, решение было принято после "
            "долгих переговоров с профсоюзами и представителями бизнеса.\n")
    article = only(read_articles([write("cyrillic.txt", text, encoding="cp1251")]))
    assert article.text == text


def test_latin_1_text_is_detected(write):
    text = ("Le ministre a déclaré lundi que le gouvernement réduirait les dépenses de 3 %. "
            "Selon lui, la décision a été prise après de longues négociations à Genève.\n")
    article = only(read_articles([write("french.txt", text, encoding="latin-1")]))
    assert article.text == text


def test_forced_encoding_that_does_not_fit_is_an_error(write, settings):
    path = write("bad.txt", "caf\u00e9 au lait", encoding="latin-1")
    problem = only(read_articles([path], settings.with_(encoding="utf-8")))
    assert isinstance(problem, InputError) and "not valid utf-8" in problem.reason


def test_utf8_bom_is_not_part_of_the_text(write):
    article = only(read_articles([write("bom.txt", "\ufeffHello there, reader.\nMore.")]))
    assert article.text == "Hello there, reader.\nMore."
