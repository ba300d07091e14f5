"""The whole `newsprism analyze` as a user runs it, against spaCy alone, both as whole processes.

    python benchmarks/bench_whole.py --polnear ../shared/datasets/polnear [--articles 150]

The first N PolNeAR train texts (sorted by file name) are copied into a scratch folder as .txt
files. Then, one after the other in this run:
- spaCy alone: a fresh `python` process that loads the same model (`spacy_model` setting) and
  runs `nlp.pipe` over the same texts, read from the same files;
- newsprism: `newsprism analyze FOLDER --db NEW.db --workers 1` (reading, analysis, store
  writes, full-text index, linking), and the same with `--no-link`.

Each is timed as a whole process (start-up and model loading included), best of `--repeat`
runs. Reports seconds, words/s and the ratio of newsprism's throughput to spaCy's
(target: >= 0.85).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsprism.config import Settings

SPACY_ALONE = """
import sys, pathlib, spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text("utf-8") for p in sorted(pathlib.Path(sys.argv[2]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""


def timed(command: list[str]) -> float:
    """Wall seconds a process takes."""
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--polnear", required=True, help="The PolNeAR folder (../shared/datasets/polnear).")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    sources = sorted((Path(args.polnear) / "train" / "text").glob("*.txt"))[:args.articles]
    newsprism = str(Path(sys.executable).with_name("newsprism"))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "texts"
        folder.mkdir()
        for source in sources:
            shutil.copy(source, folder / source.name)
        words = sum(len(p.read_text("utf-8").split()) for p in folder.glob("*.txt"))

        def run(label: str, command: list[str], fresh_db: Path | None = None) -> float:
            best = float("inf")
            for _ in range(args.repeat):
                if fresh_db is not None:
                    for path in fresh_db.parent.glob(fresh_db.name + "*"):
                        path.unlink()
                best = min(best, timed(command))
            print(f"| {label} | {len(sources)} | {words:,} | {best:.1f} | {words / best:,.0f} |", flush=True)
            return best

        print("| process | articles | words | seconds | words/s |\n|---|---|---|---|---|")
        spacy_s = run("spaCy alone (`nlp.pipe`)", [sys.executable, "-c", SPACY_ALONE, settings.spacy_model,
                                                   str(folder), str(settings.batch_size)])
        db = Path(scratch) / "run.db"
        whole = run("`newsprism analyze --workers 1`", [newsprism, "analyze", str(folder), "--db", str(db),
                                                        "--workers", "1"], db)
        no_link = run("`newsprism analyze --workers 1 --no-link`",
                      [newsprism, "analyze", str(folder), "--db", str(db), "--workers", "1", "--no-link"], db)
    print(f"\nnewsprism against spaCy alone: {spacy_s / whole:.2f} (whole analyze), "
          f"{spacy_s / no_link:.2f} (without linking); target >= 0.85")


if __name__ == "__main__":
    main()
