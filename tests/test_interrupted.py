"""A run killed with SIGKILL leaves a consistent store, and running again completes it: for
ingest, and for analysis on a pool of worker processes."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_parallel import corpus_lines

from newsprism.cli import cli
from newsprism.store import SQLiteStore

FILES = 1500


def count(db):
    try:
        with sqlite3.connect(db, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet, or busy


def ingest(corpus, db):
    return subprocess.Popen([sys.executable, "-m", "newsprism", "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_sigkill_mid_run_then_rerun_gives_the_full_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(FILES):
        (corpus / f"a{n:04d}.txt").write_text(f"Headline {n}\nThe council met for the {n}th time.\n")
    db = tmp_path / "killed.db"
    process = ingest(corpus, db)
    deadline = time.monotonic() + 60
    while count(db) < 50 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = count(db)
    assert 0 < partial < FILES, "the run should be killed part-way through"

    store = SQLiteStore(db)
    assert store.integrity_problems() == []
    assert store.count_articles() == partial
    store.close()
    assert ingest(corpus, db).wait() == 0
    store = SQLiteStore(db)
    ids = [a.id for a in store.iter_articles()]
    assert sorted(ids) == [f"a{n:04d}" for n in range(FILES)]
    assert store.get_article("a0007").text == "Headline 7\nThe council met for the 7th time.\n"
    store.close()


ARTICLES = 60


def analysed(db):
    try:
        with sqlite3.connect(db, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM articles WHERE analysis_version IS NOT NULL"
                                ).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def export_of(db, *options) -> dict:
    runner = CliRunner(env={"NEWSPRISM_BATCH_SIZE": "3"})
    result = runner.invoke(cli, ["analyze", *options, "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return json.loads(runner.invoke(cli, ["export", "--db", str(db)]).output)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_sigkill_mid_analysis_on_two_workers_then_rerun_gives_an_uninterrupted_runs_export(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(corpus_lines(ARTICLES)) + "\n", encoding="utf-8")
    db = tmp_path / "killed.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "analyze", str(corpus), "--db", str(db), "--workers", "2"],
        env={**os.environ, "NEWSPRISM_BATCH_SIZE": "3"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while analysed(db) < 6 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < analysed(db) < ARTICLES, "the run should be killed part-way through the analysis"
    assert workers, "the pool's worker processes should have been running"
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(running, workers)), "pool workers must exit when their parent is killed"

    store = SQLiteStore(db)
    assert store.integrity_problems() == []
    store.close()
    resumed = export_of(db, str(corpus))
    assert resumed == export_of(tmp_path / "uninterrupted.db", str(corpus))
    assert len(resumed["articles"]) == ARTICLES and resumed["statements"] and resumed["stories"]
