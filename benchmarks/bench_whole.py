"""The whole `newsprism analyze` as a user runs it, against spaCy alone, both as whole processes.

    python benchmarks/bench_whole.py --polnear ../shared/datasets/polnear [--articles 150]

The first N PolNeAR train texts (sorted by file name) are copied into a scratch folder as .txt
files. Then, one after the other in this run:
- spaCy alone: a fresh `python` process that loads the same model (`spacy_model` setting) and
  runs `nlp.pipe` over the same texts, read from the same files;
- newsprism: `newsprism analyze FOLDER --db NEW.db --workers 1` (reading, analysis, store
  writes, full-text index, linking), and the same with `--no-link`.

Each is timed as a whole process (start-up and model loading included), best of `--repeat`
rounds; a round runs each process once, in turn, so that a change in the machine's load falls
on every side alike. Reports wall and CPU seconds, words/s and the ratio of newsprism's
throughput to spaCy's in both (target: >= 0.85).
"""

from __future__ import annotations

import argparse
import resource
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


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system) a process takes. On a shared machine the
    CPU seconds move far less from run to run: another process's load lengthens the wall time,
    not the work done."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--polnear", required=True, help="The PolNeAR folder (../shared/datasets/polnear).")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
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

        db = Path(scratch) / "run.db"
        commands = {
            "spaCy alone (`nlp.pipe`)": [sys.executable, "-c", SPACY_ALONE, settings.spacy_model, str(folder),
                                         str(settings.batch_size)],
            "`newsprism analyze --workers 1`": [newsprism, "analyze", str(folder), "--db", str(db),
                                                "--workers", "1"],
            "`newsprism analyze --workers 1 --no-link`": [newsprism, "analyze", str(folder), "--db", str(db),
                                                          "--workers", "1", "--no-link"],
        }
        # Rounds of one run of each process, in turn: a change in the machine's load over the minutes
        # the benchmark takes falls on every side alike, instead of on whichever ran last.
        wall = dict.fromkeys(commands, float("inf"))
        cpu = dict.fromkeys(commands, float("inf"))
        for _ in range(args.repeat):
            for label, command in commands.items():
                for path in db.parent.glob(db.name + "*"):
                    path.unlink()
                seconds, cpu_seconds = timed(command)
                wall[label], cpu[label] = min(wall[label], seconds), min(cpu[label], cpu_seconds)
        print("| process | articles | words | seconds | CPU seconds | words/s |\n|---|---|---|---|---|---|")
        for label in commands:
            print(f"| {label} | {len(sources)} | {words:,} | {wall[label]:.1f} | {cpu[label]:.1f} | "
                  f"{words / wall[label]:,.0f} |")
        spacy_s, whole, no_link = wall.values()
        spacy_cpu, whole_cpu, no_link_cpu = cpu.values()
    print(f"\nnewsprism against spaCy alone: {spacy_s / whole:.2f} (whole analyze), "
          f"{spacy_s / no_link:.2f} (without linking); in CPU seconds {spacy_cpu / whole_cpu:.2f} and "
          f"{spacy_cpu / no_link_cpu:.2f}; target >= 0.85")


if __name__ == "__main__":
    main()
