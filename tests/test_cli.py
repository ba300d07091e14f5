import json

import click
import pytest
from click.testing import CliRunner

from newsprism.cli import cli


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default store ./newsprism.db lands in tmp_path
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return _run


def all_commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", list(all_commands()), ids=" ".join)
def test_every_command_has_help(run, path):
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_ingest_list_show_search_export(run, write, store_url):
    write("in/tram.txt", "Tram line to open\nThe council said the tram will open in May.\n")
    write("in/feed.jsonl", '{"id": "f1", "text": "Ferry fares rise by 4%.", "source": "Coast"}\n')
    result = run("ingest", "in", "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "2 read, 2 added, 0 already stored" in result.output

    listing = [line.split() for line in run("articles", "--db", store_url).output.splitlines()]
    assert listing == [["ID", "PUBLISHED", "OUTLET", "TITLE"], ["f1", "-", "Coast", "-"],
                       ["tram", "-", "-", "Tram", "line", "to", "open"]]
    assert "The council said the tram" in run("show", "tram", "--db", store_url).output
    assert run("search", "ferry", "--db", store_url).output.startswith("f1\t")

    export = json.loads(run("export", "--format", "json", "--db", store_url).output)
    assert [a["id"] for a in export["articles"]] == ["f1", "tram"]


def test_reingest_is_idempotent(run, write):
    write("in/a.txt", "Title\nBody text here.\n")
    run("ingest", "in")
    again = run("ingest", "in")
    assert "1 read, 0 added, 1 already stored" in again.output
    assert len(run("articles").output.splitlines()) == 2  # the header and the one article


def test_some_failures_exit_1_with_count_and_keep_the_rest(run, write):
    write("in/good.txt", "Title\nFine text.\n")
    write("in/empty.txt", "")
    write("in/bad.jsonl", '{"id": "ok", "text": "Fine."}\n{broken\n')
    result = run("ingest", "in", "--db", "x.db")
    assert result.exit_code == 1
    assert "bad.jsonl:line 2: invalid JSON" in result.output
    assert "empty.txt: no text" in result.output
    assert "2 input(s) failed" in result.output
    assert len(run("articles", "--db", "x.db").output.splitlines()) == 3  # a header, two articles


def test_usage_errors_exit_2(run):
    assert run("ingest").exit_code == 2
    assert run("export", "--format", "xml").exit_code == 2
    assert run("articles", "--limit", "0").exit_code == 2


def test_unknown_article_is_a_clear_error(run, write):
    write("in/a.txt", "Harbour fees\nThe port raised its fees on Monday.\n")
    assert run("ingest", "in").exit_code == 0
    result = run("show", "nope")
    assert result.exit_code == 1 and "no article with id 'nope'" in result.output


@pytest.mark.parametrize("command", [("stats",), ("stories",), ("conflicts",), ("quotes",), ("link",)])
def test_a_store_that_does_not_exist_is_refused_not_created(run, tmp_path, command):
    result = run(*command, "--db", "typo.db")
    assert result.exit_code == 1 and "no store at 'typo.db'" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_db_from_environment(run, write, monkeypatch, tmp_path):
    write("in/a.txt", "Title\nBody.\n")
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env.db"))
    run("ingest", "in")
    assert (tmp_path / "env.db").exists() and not (tmp_path / "newsprism.db").exists()


def test_analyze_and_stats(run, write, store_url):
    write("in/a.txt", "date 2025-03-11\nTitle\nBody.\n")
    result = run("analyze", "in", "--db", store_url)
    assert result.exit_code == 0 and "1 analysed" in result.output
    stats = json.loads(run("stats", "--db", store_url, "--json").output)
    assert stats["articles"] == 1 and stats["analysed"] == 1
    assert stats["first_published"] == "2025-03-11"


def test_export_to_file_as_jsonl(run, write):
    write("in/a.txt", "Title\nBody.\n")
    run("ingest", "in")
    assert run("export", "--format", "jsonl", "-o", "out.jsonl").exit_code == 0
    from pathlib import Path
    rows = [json.loads(line) for line in Path("out.jsonl").read_text().splitlines()]
    assert rows[0]["record"] == "header" and rows[1]["record"] == "article"


def test_quotes_and_entities_commands(run, write):
    write("in/a.txt", "Harbour news\n"
                      "On Tuesday, port director Anna Berg said that the port would reopen on Friday.\n")
    assert run("analyze", "in").exit_code == 0
    quotes = run("quotes").output
    assert "Anna Berg [indirect] a@" in quotes and "that the port would reopen on Friday" in quotes
    nobody = run("quotes", "--speaker", "nobody")
    assert nobody.stdout == "" and "no statement by a speaker named like 'nobody'" in nobody.output
    rows = [json.loads(line) for line in run("quotes", "--json", "--article", "a").output.splitlines()]
    assert rows[0]["speaker"]["name"] == "Anna Berg"
    entities = run("entities", "--type", "person").output.splitlines()
    assert entities[0].split() == ["ID", "NAME", "TYPE", "MENTIONS", "ARTICLES", "NAMES", "AND", "ROLES"]
    berg = next(line for line in entities if line.startswith("person:anna-berg "))
    assert "Anna Berg" in berg and "PERSON" in berg and "port director" in berg
    assert berg.index("Anna Berg") == entities[0].index("NAME")  # the columns line up


def test_entities_sorted_by_name(run, write):
    write("in/a.txt", "Harbour news\nPort director Anna Berg met Zoe Quist on Monday. Quist said the port "
                      "would reopen. Quist thanked the crew. Quist left on Tuesday, and Quist said the crew "
                      "would return. Quist waved.\n")
    assert run("analyze", "in").exit_code == 0
    ids = [json.loads(line)["id"] for line in
           run("entities", "--type", "person", "--json").output.splitlines()]
    named = [json.loads(line)["id"] for line in
             run("entities", "--type", "person", "--sort", "name", "--json").output.splitlines()]
    assert ids == ["person:zoe-quist", "person:anna-berg"] and named == ids[::-1]
    assert run("entities", "--sort", "loudest").exit_code == 2


def test_claims_and_timeline_commands(run, write):
    write("in/a.txt", "date 2025-03-12\nBridge repairs\nThe city said on Monday that repairs would cost "
                      "€12 million, more than twice the 2019 estimate.\n")
    assert run("analyze", "in").exit_code == 0
    claims = [json.loads(line) for line in run("claims", "--json").output.splitlines()]
    money = next(c for c in claims if c["unit"] == "EUR")
    assert money["value"] == 12_000_000 and money["text"] == "€12 million"
    timeline = [json.loads(line) for line in run("timeline", "--json").output.splitlines()]
    assert "2025-03-10" in [t["date"] for t in timeline]


def test_claims_and_timeline_keep_one_kind_of_statement(run, write):
    write("in/a.txt", "date 2025-03-12\nBridge repairs\nThe city said on Monday that repairs would cost "
                      "€12 million, more than twice the 2019 estimate. \"We will reopen the bridge on Friday "
                      "with €3 million more,\" Mayor Lena Holt said.\n")
    assert run("analyze", "in").exit_code == 0

    def listed(*args):
        return [json.loads(line) for line in run(*args, "--json").output.splitlines()]

    assert [c["text"] for c in listed("claims", "--kind", "direct")] == ["€3 million"]
    assert [c["text"] for c in listed("claims", "--kind", "indirect")] == ["€12 million"]
    assert {t["date"] for t in listed("timeline", "--kind", "direct")} == {"2025-03-14"}
    assert "2025-03-14" not in {t["date"] for t in listed("timeline", "--kind", "indirect")}
    assert len(listed("claims")) == 2


def test_story_command_lists_a_storys_events(run, write):
    from test_link import FERRY_A, FERRY_B, FERRY_C

    for name, published, text in (("a", "2025-11-04", FERRY_A), ("b", "2025-11-04", FERRY_B),
                                  ("c", "2025-11-27", FERRY_C)):
        write(f"in/{name}.txt", f"date {published}\n{text}")
    assert run("analyze", "in").exit_code == 0
    story_id = next(s["id"] for s in map(json.loads, run("stories", "--json").output.splitlines())
                    if "a" in s["article_ids"])
    table = run("stories").output.splitlines()
    row = next(line for line in table if line.startswith(story_id))
    assert row.split()[1] == "3" and "2025-11-04 – 2025-11-27 (2 events)" in row
    assert row.index("2025-11-04") == table[0].index("DATES")
    output = run("story", story_id).output
    assert "[event 1]  -  a" in output and "[event 2]  -  c" in output
    assert "Events\n  2025-11-04: 2 article(s), a, b\n  2025-11-27: 1 article(s), c" in output


def test_conflicts_shows_the_confident_ones_unless_all(run, write):
    sure = ("date 2025-06-17\nBond sale\nU.S. Treasury Secretary Ana Ruiz said the sale raised $4 billion "
            "on Tuesday.\n")
    other = ("date 2025-06-17\nBond sale\nU.S. Treasury Secretary Mark Vale said the sale raised $4 billion "
             "on Tuesday.\n")
    unsure = ("date 2025-06-17\nBond sale\nTreasury Secretary Lena Holm said the sale raised $4 billion "
              "on Tuesday.\n")
    unsure_b = ("date 2025-06-17\nBond sale\nTreasury Secretary Piet Marr said the sale raised $4 billion "
                "on Tuesday.\n")
    for name, text in (("a", sure), ("b", other), ("c", unsure), ("d", unsure_b)):
        write(f"in/{name}.txt", text)
    assert run("analyze", "in").exit_code == 0
    shown = [json.loads(line) for line in run("conflicts", "--json").stdout.splitlines()]
    everything = [json.loads(line) for line in run("conflicts", "--all", "--json").stdout.splitlines()]
    assert len(everything) > len(shown) >= 1
    assert all(c["confidence"] >= 0.65 for c in shown)
    hidden = [c for c in everything if c["confidence"] < 0.65]
    assert hidden and all(c["reasons"] for c in hidden)
    assert "less certain conflict(s) not shown" in run("conflicts").output


def test_analyze_with_no_inputs_analyses_what_ingest_stored(run, write):
    write("in/a.txt", "Harbour fees\nPort director Ana Ruiz said on Monday that fees would rise by 4%.\n")
    assert run("ingest", "in", "--db", "s.db").exit_code == 0
    assert run("quotes", "--db", "s.db", "--json").stdout == ""
    result = run("analyze", "--db", "s.db")
    assert result.exit_code == 0 and "1 analysed" in result.output
    assert "Ana Ruiz" in run("quotes", "--db", "s.db").stdout


def test_an_empty_list_of_quotes_says_why(run, write):
    write("in/a.txt", "Harbour fees\nPort director Ana Ruiz said on Monday that fees would rise by 4%.\n")
    assert run("ingest", "in", "--db", "s.db").exit_code == 0
    pending = run("quotes", "--db", "s.db").output
    assert "no article is analysed yet: run newsprism analyze --db s.db" in pending
    assert run("analyze", "--db", "s.db").exit_code == 0
    assert "did you mean 'Ana Ruiz'?" in run("quotes", "--speaker", "Ana Ruis", "--db", "s.db").output
    missing = run("conflicts", "--story", "nope", "--db", "s.db")
    assert missing.exit_code == 1 and "nope" in missing.output


def test_an_empty_list_of_conflicts_says_why(run, write):
    write("in/a.txt", "Harbour fees\nPort director Ana Ruiz said on Monday that fees would rise by 4%.\n")
    write("in/b.txt", "Harbour fees\nPort director Ana Ruiz said on Monday that fees would rise by 4%, "
                      "from next month.\n")
    assert run("ingest", "in", "--db", "s.db").exit_code == 0
    pending = run("conflicts", "--db", "s.db").output
    assert "no article is analysed yet: run newsprism analyze --db s.db" in pending
    assert run("analyze", "--db", "s.db").exit_code == 0
    empty = run("conflicts", "--all", "--db", "s.db")
    assert empty.exit_code == 0 and empty.stdout == ""
    assert "no conflict found" in empty.output and "1 stories (of 1)" in empty.output
    story = run("stories", "--json", "--db", "s.db").stdout.splitlines()
    key = json.loads(story[0])["id"]
    assert f"no conflict found in story {key!r}: its 2 article(s)" in run(
        "conflicts", "--story", key, "--db", "s.db").output


def test_files_of_unsupported_types_are_reported_not_dropped_silently(run, write, tmp_path):
    write("in/photo.png", "x")
    write("in/memo.docx", "x")
    write("in/a.txt", "Harbour fees\nThe port raised its fees on Monday.\n")
    result = run("ingest", "in", "--db", "s.db")
    assert result.exit_code == 0 and "2 skipped (unsupported type)" in result.output
    assert "memo.docx" in result.output and "photo.png" in result.output
    only_images = run("ingest", str(tmp_path / "in" / "*.png"), "--db", "s.db")
    assert only_images.exit_code == 1 and "nothing was read" in only_images.output


def test_text_output_marks_inferred_publication_dates(run, write):
    write("in/a.txt", "date 2025-03-12\nBridge repairs\nThe city said on Monday that repairs would start.\n")
    write("in/b.txt", "Bridge repairs\nOn March 14, 2025, the city said that repairs would start.\n")
    assert run("analyze", "in").exit_code == 0
    rows = run("articles").stdout.splitlines()[1:]
    lines = {row[:30].strip(): row[32:55].strip() for row in rows}
    assert lines == {"a": "2025-03-12", "b": "2025-03-14 (inferred)"}


def test_settings_show_each_effective_value_and_where_it_comes_from(run, write, monkeypatch):
    write("newsprism.toml", "workers = 3\n")
    monkeypatch.setenv("NEWSPRISM_BATCH_SIZE", "16")
    lines = {line.split(" = ")[0]: line for line in run("settings").stdout.splitlines()}
    assert lines["workers"].startswith("workers = 3  [config newsprism.toml;")
    assert lines["batch_size"].startswith("batch_size = 16  [environment NEWSPRISM_BATCH_SIZE;")
    assert lines["db"].startswith("db = 'newsprism.db'  [default;")


def test_link_says_which_articles_wait_for_analysis(run, write):
    write("in/a.txt", "Harbour fees\nThe port raised its fees on Monday.\n")
    assert run("ingest", "in", "--db", "s.db").exit_code == 0
    assert "1 article(s) not analysed yet, so not linked: run newsprism analyze --db s.db" in run(
        "link", "--db", "s.db").output


def test_long_work_reports_its_steps_off_a_terminal(run, write):
    write("in/a.txt", "Harbour fees\nPort director Ana Ruiz said on Monday that fees would rise by 4%.\n")
    output = run("analyze", "in").output
    for line in ("analysing: 1 of 1", "linking: one entity per person: 1 of 1", "linking: stories: 1 of 1",
                 "linking: groups and conflicts: 1 of 1"):
        assert line in output


def test_a_progress_bar_counts_done_out_of_total_on_a_terminal(capsys):
    from newsprism.cli import Progress

    progress = Progress(live=True)
    progress.steps("analysing", 3, 10)
    assert progress.bar.n == 3 and progress.bar.total == 10
    progress.steps("linking: stories", 1, 1)
    assert progress.bar.desc.startswith("linking: stories")
    progress.close()
    assert progress.bar is None


def _two_outlets(write):
    write("in/feed.jsonl", "".join(json.dumps(row) + "\n" for row in (
        {"id": "herald", "source": "Harbour Herald", "published": "2025-04-08",
         "text": "Bridge cost\nTransport Minister Lena Okafor said on Monday that the new bridge in Dunmore "
                 "would cost €320 million.\n“We will open it before winter,” Okafor told reporters.\n"},
        {"id": "valley", "source": "Valley News", "published": "2025-04-09",
         "text": "Minister on bridge\nTransport Minister Lena Okafor said on Monday that the Dunmore bridge "
                 "would cost €350 million.\n“We will surely open it before winter,” Okafor told "
                 "reporters.\n"})))


def test_speaker_shows_each_utterance_with_every_outlets_words(run, write):
    _two_outlets(write)
    assert run("analyze", "in").exit_code == 0
    page = run("speaker", "okafor").output
    assert page.startswith("Lena Okafor (PERSON)  person:lena-okafor")
    assert "2 outlet(s), first 2025-04-08" in page
    assert "«“We will [surely] open it before winter,”»" in page  # the word one outlet added
    assert "disputed: c:" in page  # the cost the two outlets give differently
    assert "FIGURE" in page and "€320 million" in page and "€350 million" in page
    view = json.loads(run("speaker", "Lena Okafor", "--json").output)
    assert view["entity"]["id"] == "person:lena-okafor" and view["total"] == len(view["utterances"])
    only_valley = json.loads(run("speaker", "okafor", "--outlet", "Valley News", "--json").output)
    assert {v["article"]["source"] for u in only_valley["utterances"] for v in u["versions"]
            if v["by_speaker"] and v["article_id"] == "valley"} == {"Valley News"}
    missing = run("speaker", "Okafur")
    assert missing.exit_code == 0 and missing.stdout == ""
    assert "no person or organisation named like 'Okafur'; did you mean 'Lena Okafor'" in missing.output
    assert run("speaker", "okafor", "--since", "April").exit_code == 2


def test_listing_filters_keep_what_they_name(run, write):
    _two_outlets(write)
    assert run("analyze", "in").exit_code == 0
    def listed(*args):
        return [json.loads(line) for line in run(*args, "--json").output.splitlines()]

    herald = listed("quotes", "--outlet", "Harbour Herald")
    assert herald and {q["article_id"] for q in herald} == {"herald"}
    direct = listed("quotes", "--kind", "direct")
    assert direct and {q["kind"] for q in direct} == {"direct"}
    later = listed("claims", "--since", "2025-04-09")
    assert [c["display"] for c in later if c["unit"] == "EUR"] == ["€350 million"]
    earlier = listed("timeline", "--until", "2025-04-08")
    assert {t["article_id"] for t in earlier} <= {"herald"}
    none = run("quotes", "--since", "2030-01-01")
    assert none.stdout == "" and "no statement matches these filters" in none.output
    assert run("claims", "--story", "no-such-story").exit_code != 0


def test_the_article_list_is_a_table_with_a_header_and_cut_cells(run, write):
    long_title = "A very long title " * 6
    write("in/feed.jsonl", json.dumps({"id": "x1", "source": "The Continental Courier of Antwerp",
                                       "text": f"{long_title}\nBody text.\n", "title": long_title}) + "\n")
    assert run("ingest", "in").exit_code == 0
    header, row = run("articles").stdout.splitlines()
    assert header.split() == ["ID", "PUBLISHED", "OUTLET", "TITLE"]
    assert "The Continental Couri…" in row and row.endswith("…") and len(row) < len(long_title) + 80
    assert header.index("OUTLET") == row.index("The Continental")  # columns line up
