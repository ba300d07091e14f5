"""The per-article pipeline on many workers or a Dask cluster stores what one worker stores."""

import json
import sys

import pytest
from click.testing import CliRunner

from newsprism import pipeline
from newsprism.cli import cli
from newsprism.config import Settings
from newsprism.errors import AnalysisError, ExecutorError
from newsprism.parallel import InProcess, open_runner, run_in_order, usable_cores, worker_count
from newsprism.pipeline import PIPELINE_VERSION, analyze_paths

EVENTS = [
    ("Harbour Herald", "Port Minister Lena Varga", "Varga", "the harbour dredging", "€{n}40 million"),
    ("Valley News", "Mayor Tomas Berg", "Berg", "the tram extension", "{n}2 kilometres"),
    ("Coastal Times", "union leader Ines Moreau", "Moreau", "the ferry strike", "{n}5% of sailings"),
]


def corpus_lines(count: int = 12) -> list[str]:
    """`count` short articles, several outlets for each of three events, with quotes and numbers."""
    lines = []
    for n in range(count):
        source, who, surname, topic, amount = EVENTS[n % len(EVENTS)]
        day = 10 + n % len(EVENTS)
        text = (f"{who} said on Monday that {topic} would cost {amount.format(n=n % 4 + 1)}.\n"
                f"“We will not wait another year,” {surname} told reporters on 1{n % 3} March.\n"
                f"According to {surname}, about {20 + n} workers took part, up from {10 + n} last year.\n")
        lines.append(json.dumps({"id": f"art-{n:02d}", "text": text, "source": source,
                                 "title": f"{topic.capitalize()} ({n})", "published": f"2025-03-{day}"}))
    return lines


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("parallel") / "corpus.jsonl"
    path.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    return path


def export_after(corpus, db, *options) -> dict:
    """The export of a fresh store after `analyze CORPUS --db DB OPTIONS`, in batches of three."""
    runner = CliRunner(env={"NEWSPRISM_BATCH_SIZE": "3", "NEWSPRISM_DB": None})
    result = runner.invoke(cli, ["analyze", str(corpus), "--db", str(db), *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "12 analysed" in result.output
    return json.loads(runner.invoke(cli, ["export", "--db", str(db)]).output)


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory):
    return export_after(corpus, tmp_path_factory.mktemp("one") / "one.db", "--workers", "1")


def test_one_worker_export_has_stories_and_statements(one_worker):
    assert len(one_worker["articles"]) == 12
    assert one_worker["statements"] and one_worker["quantities"] and one_worker["stories"]


def test_two_worker_processes_export_the_same(corpus, one_worker, tmp_path):
    assert export_after(corpus, tmp_path / "two.db", "--workers", "2") == one_worker


def test_dask_local_cluster_of_two_exports_the_same(corpus, one_worker, tmp_path):
    pytest.importorskip("distributed")
    assert export_after(corpus, tmp_path / "dask.db", "--dask", "local", "--workers", "2") == one_worker


def test_a_failing_article_is_reported_and_stays_pending(store, write, tmp_path, monkeypatch):
    write("in/corpus.jsonl", "\n".join(corpus_lines(5)) + "\n")
    real = pipeline.find_quantities

    def broken_for_one(doc, article):
        if article.id == "art-02":
            raise ValueError("no unit for 'x'")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "find_quantities", broken_for_one)
    seen = []
    report = analyze_paths([tmp_path / "in"], store, Settings(workers=1, batch_size=2), seen.append)
    assert (report.analyzed, report.failed) == (4, 1)
    problems = [item for item in seen if isinstance(item, AnalysisError)]  # ingest's Articles too
    assert problems == report.problems
    assert problems[0].article_id == "art-02" and "ValueError: no unit for 'x'" in str(problems[0])
    assert store.pending_analysis(PIPELINE_VERSION) == ["art-02"]
    assert {s.article_id for s in store.iter_statements()} == {"art-00", "art-01", "art-03", "art-04"}

    monkeypatch.setattr(pipeline, "find_quantities", real)
    assert analyze_paths([tmp_path / "in"], store, Settings(workers=1)).analyzed == 1
    assert store.pending_analysis(PIPELINE_VERSION) == []


def test_the_cli_reports_a_failing_article_and_exits_1(write, tmp_path, monkeypatch):
    write("in/corpus.jsonl", "\n".join(corpus_lines(3)) + "\n")
    monkeypatch.setattr(pipeline, "find_quantities", lambda doc, article: 1 / 0)
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--db", str(tmp_path / "x.db"),
                                      "--workers", "1", "--no-link"])
    assert result.exit_code == 1
    assert "error: article art-01: analysis failed (ZeroDivisionError: division by zero)" in result.output
    assert "3 added, 0 already stored, 3 failed" in result.output


@pytest.mark.parametrize("address", ["nonsense::x", "tcp://127.0.0.1:9"])
def test_a_bad_dask_address_is_a_clear_error(address, tmp_path, corpus):
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(cli, ["analyze", str(corpus), "--db", str(tmp_path / "x.db"),
                                          "--dask", address, "--no-link"])
    assert result.exit_code == 1
    assert f"cannot reach the Dask scheduler at '{address}'" in result.output
    assert "dask scheduler" in result.output and "Traceback" not in result.output


def test_dask_without_its_extra_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    with pytest.raises(ExecutorError, match=r"pip install 'newsprism\[dask\]'"):
        with open_runner(2, "unused", "local"):
            pass


def test_one_batch_or_one_worker_runs_in_this_process():
    for workers, batches in ((2, 1), (1, 5)):
        with open_runner(workers, "unused", None, batches) as runner:
            assert isinstance(runner, InProcess)
    assert worker_count(0) == usable_cores() >= 1 and worker_count(3) == 3


class CountingRunner(InProcess):
    in_flight = 3


def test_batches_are_read_only_as_the_runner_has_room_and_come_back_in_order():
    read = []

    def batches():
        for n in range(10):
            read.append(n)
            yield [n]

    results = []
    for result in run_in_order(CountingRunner(), lambda batch: batch[0] * 10, batches()):
        assert len(read) - len(results) <= CountingRunner.in_flight
        results.append(result)
    assert results == [n * 10 for n in range(10)]
