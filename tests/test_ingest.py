"""Input expansion and the bad-input cases common to every reader."""

import os

from newsprism.errors import InputError
from newsprism.ingest import expand_inputs, read_articles, reader_for


def problems(items):
    return [i for i in items if isinstance(i, InputError)]


def test_directories_are_walked_recursively_and_unknown_files_skipped(write, tmp_path):
    write("a/one.txt", "One article.\nBody.")
    write("a/b/two.jsonl", '{"id": "two", "text": "Two."}\n')
    write("a/b/notes.md", "# not an article")
    write("a/.hidden", "x")
    ids = sorted(a.id for a in read_articles([tmp_path / "a"]))
    assert ids == ["one", "two"]


def test_globs_are_expanded(write, tmp_path):
    write("g/x1.txt", "First.\nMore.")
    write("g/x2.txt", "Second.\nMore.")
    write("g/y.txt", "Third.\nMore.")
    assert sorted(a.id for a in read_articles([str(tmp_path / "g" / "x*.txt")])) == ["x1", "x2"]


def test_missing_path_is_reported_and_the_batch_goes_on(write, tmp_path):
    good = write("good.txt", "Fine.\nText.")
    items = list(read_articles([tmp_path / "missing.txt", good]))
    assert "no such file" in problems(items)[0].reason
    assert items[-1].id == "good"


def test_unsupported_file_given_explicitly_is_reported(write):
    (problem,) = read_articles([write("table.csv", "a,b\n1,2\n")])
    assert "unsupported file type .csv" in problem.reason


def test_empty_file(write):
    (problem,) = read_articles([write("empty.txt", "")])
    assert "empty" in problem.reason and problem.path.endswith("empty.txt")


def test_whitespace_only_file(write):
    (problem,) = read_articles([write("blank.txt", "  \n\n\t ")])
    assert "empty" in problem.reason


def test_binary_file_named_txt(write):
    (problem,) = read_articles([write("photo.txt", bytes(range(256)) * 40)])
    assert "binary" in problem.reason


def test_oversized_file_is_rejected_without_reading_it_all(write, settings):
    path = write("huge.txt", "word " * 2000)
    (problem,) = read_articles([path], settings.with_(max_text_mb=0.001))
    assert "limit" in problem.reason and "--max-text-mb" in problem.reason


def test_oversized_gzip_is_rejected(write, settings):
    path = write("bomb.txt.gz", "a" * 200_000)
    (problem,) = read_articles([path], settings.with_(max_text_mb=0.01))
    assert "limit" in problem.reason


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)  # a gzip header, then no valid stream
    (problem,) = read_articles([path])
    assert "cannot read" in problem.reason


def test_unreadable_file(write):
    path = write("secret.txt", "Hidden.\nText.")
    os.chmod(path, 0)
    try:
        items = list(read_articles([path]))
    finally:
        os.chmod(path, 0o644)
    if os.geteuid() != 0:  # root reads anything; the permission case needs a normal user
        assert "cannot read" in items[0].reason


def test_reader_dispatch_looks_through_gz():
    from pathlib import Path
    assert reader_for(Path("a.jsonl.gz")) is reader_for(Path("a.jsonl"))
    assert reader_for(Path("a.warc.gz")) is reader_for(Path("a.warc"))
    assert reader_for(Path("a.pdf")) is None


def test_expand_inputs_yields_errors_not_exceptions(tmp_path):
    (problem,) = expand_inputs([tmp_path / "nope"])
    assert isinstance(problem, InputError)
