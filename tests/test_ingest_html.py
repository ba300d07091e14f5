from pages import news_page

from newsprism.errors import InputError
from newsprism.ingest import read_articles


def test_main_text_and_metadata_are_extracted(write):
    (article,) = read_articles([write("tram.html", news_page())])
    assert article.id == "tram"
    assert "“It has taken four years, but the line is ready,”" in article.text
    assert "Cat rescued" not in article.text and "Copyright" not in article.text
    assert "Politics" not in article.text
    assert article.title == "Tram line to open in May"
    assert article.published == "2025-03-11"
    assert article.source == "Valley News"
    assert article.language == "en"


def test_declared_charset_is_used(write):
    page = news_page(body="Le maire a déclaré mardi que la ligne de tramway ouvrira en mai. "
                          "Les tarifs resteront à 2,10 € selon l'autorité des transports. "
                          "Il a ajouté que les travaux avaient duré quatre années complètes.",
                     charset="windows-1252")
    (article,) = read_articles([write("fr.htm", page, encoding="cp1252")])
    assert "déclaré mardi" in article.text and "2,10 €" in article.text


def test_page_without_article_text_is_an_error(write):
    (problem,) = read_articles([write("empty.html", "<html><body><nav></nav></body></html>")])
    assert isinstance(problem, InputError) and "no article text" in problem.reason


def test_binary_file_named_html_is_an_error(write):
    (problem,) = read_articles([write("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)])
    assert isinstance(problem, InputError) and "binary" in problem.reason


def test_gzipped_html(write):
    (article,) = read_articles([write("tram.html.gz", news_page())])
    assert article.id == "tram" and "tram line" in article.text
