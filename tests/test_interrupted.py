"""A run killed with SIGKILL leaves a consistent store, and running again completes it."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

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
