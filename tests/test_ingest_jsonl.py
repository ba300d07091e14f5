import json

from newsprism.errors import InputError
from newsprism.ingest import read_articles


def lines(*records):
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def test_each_line_is_an_article_with_its_fields(write):
    path = write("batch.jsonl", lines(
        {"id": "a1", "text": "First text.\nWith two lines.", "published": "2025-03-11",
         "source": "Daily", "title": "First", "url": "https://example.org/1"},
        {"id": "a2", "text": "Second text.", "published": "2025-03-12T08:00:00Z"},
    ))
    first, second = read_articles([path])
    assert first.id == "a1" and first.text == "First text.\nWith two lines."
    assert (first.source, first.title, first.url, first.published) == (
        "Daily", "First", "https://example.org/1", "2025-03-11")
    assert second.published == "2025-03-12T08:00:00+00:00"


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_goes_on(write):
    path = write("mixed.jsonl", lines(
        {"id": "ok1", "text": "Fine."},
        "{not json",
        '["a list"]',
        {"id": "no-text"},
        {"id": "empty", "text": "   "},
        {"id": "ok2", "text": "Also fine."},
    ))
    items = list(read_articles([path]))
    articles = [i.id for i in items if not isinstance(i, InputError)]
    problems = {i.location: i.reason for i in items if isinstance(i, InputError)}
    assert articles == ["ok1", "ok2"]
    assert set(problems) == {"line 2", "line 3", "line 4", "line 5"}
    assert "invalid JSON" in problems["line 2"] and "object" in problems["line 3"]
    assert "'text'" in problems["line 4"] and "empty" in problems["line 5"]


def test_missing_id_gets_a_stable_content_id(write):
    path = write("noid.jsonl", lines({"text": "Same text."}))
    again = write("noid2.jsonl", lines({"text": "Same text."}))
    (first,), (second,) = list(read_articles([path])), list(read_articles([again]))
    assert first.id == second.id and first.id.startswith("h")


def test_oversized_record_is_rejected(write, settings):
    path = write("big.jsonl", lines({"id": "big", "text": "x" * 2000}, {"id": "s", "text": "ok"}))
    items = list(read_articles([path], settings.with_(max_text_mb=0.001)))
    assert isinstance(items[0], InputError) and "over the limit" in items[0].reason
    assert items[1].id == "s"


def test_gzipped_jsonl(write):
    (article,) = read_articles([write("batch.jsonl.gz", lines({"id": "z", "text": "Zipped."}))])
    assert article.text == "Zipped."


def test_a_control_character_is_reported_once_with_its_column(write):
    path = write("control.jsonl", '{"id": "a", "text": "bad \x01 mark"}\n')
    (problem,) = list(read_articles([path]))
    assert problem.reason == "invalid JSON: Invalid control character at column 26"


def test_an_empty_file_is_a_problem_as_an_empty_text_file_is(write):
    (problem,) = list(read_articles([write("empty.jsonl", "\n\n")]))
    assert isinstance(problem, InputError) and "empty" in problem.reason
    (text_problem,) = list(read_articles([write("empty.txt", "")]))
    assert isinstance(text_problem, InputError) and "empty" in text_problem.reason
