from pages import news_page, warc_bytes

from newsprism.errors import InputError
from newsprism.ingest import read_articles


def test_only_html_responses_become_articles(write):
    data = warc_bytes([
        ("https://example.org/tram", "text/html; charset=utf-8", news_page().encode()),
        ("https://example.org/logo.png", "image/png", b"\x89PNG...."),
        ("https://example.org/data.json", "application/json", b'{"a": 1}'),
    ])
    (article,) = read_articles([write("crawl.warc", data)])
    assert article.url == "https://example.org/tram"
    assert article.id.startswith("warc-")
    assert "the line is ready" in article.text and article.source == "Valley News"


def test_gzipped_warc_with_a_bad_page_goes_on(write):
    data = warc_bytes([
        ("https://example.org/empty", "text/html", b"<html><body></body></html>"),
        ("https://example.org/tram", "text/html", news_page().encode()),
    ], gzip=True)
    problem, article = read_articles([write("crawl.warc.gz", data)])
    assert isinstance(problem, InputError) and problem.location == "record 1"
    assert article.url == "https://example.org/tram"


def test_malformed_warc_is_an_error(write):
    (problem,) = read_articles([write("junk.warc", b"this is not a warc file at all\n" * 20)])
    assert isinstance(problem, InputError) and "not a WARC file" in problem.reason


def test_corrupt_gzip_warc_is_an_error(write):
    data = warc_bytes([("https://example.org/tram", "text/html", news_page().encode())], gzip=True)
    (problem,) = read_articles([write("bad.warc.gz", data[:10] + b"garbage" * 30)])
    assert isinstance(problem, InputError)


def test_truncated_warc_keeps_the_records_before_the_damage(write):
    data = warc_bytes([("https://example.org/tram", "text/html", news_page().encode())] * 2,
                      gzip=True)
    items = list(read_articles([write("cut.warc.gz", data[: len(data) - 400])]))
    assert not isinstance(items[0], InputError)
    assert any(isinstance(i, InputError) for i in items[1:])
