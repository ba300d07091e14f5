"""Scale: analyse and link generated corpora of growing size as a user would, and time the pages.

    python benchmarks/bench_scale.py [--sizes 1000 10000] [--workers W] [--dask ADDRESS|local]
                                     [--dask-workers 2] [--requests 20] [--workdir DIR] [--keep]

For each size, the generated corpus (benchmarks/corpus.py, seed 7, one event per 30 articles)
is written as JSON Lines under a temporary directory, then two commands run as subprocesses:

    newsprism analyze FILE --db DB --no-link [--workers W]
    newsprism link --db DB

For each: wall time; CPU time of the command and the processes it waited for (on a machine
that others share, CPU seconds over wall seconds says how many cores the run got); articles/s
and words/s; and memory, sampled from /proc every 0.2 s over the command's whole process tree
(the command and every worker process it starts): the peak of the tree's summed RSS (pages
shared between processes count once per process) and the largest single process. Then the
pages of bench_web.py (stories list, the largest story, one of its articles, an entity,
conflicts, search) are timed on that store through FastAPI's TestClient.

With `--dask`, the analysis runs a second time, on a fresh store, with `--dask ADDRESS
--workers N` (`--dask-workers`, default 2), and its speed-up over the first run is reported
(target: >= 1.6x for 2 local workers against one process). Between consecutive sizes the
ratios of peak memory (target: 100k within 1.2x of 10k) and of linking time (target: < 12x
for 10x the articles) are reported. `--workers` and `--dask` are passed to `newsprism analyze`
only when given, and only if its --help lists them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import TestClient, page_paths, percentiles, time_page  # noqa: E402
from corpus import generate  # noqa: E402

from newsprism.web import create_app  # noqa: E402

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024
NEWSPRISM = [sys.executable, "-m", "newsprism"]


# --- memory of a process tree ------------------------------------------------------------------

def parents() -> dict[int, int]:
    """Process id -> parent process id, for every process /proc shows."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:  # it ended while we looked
                continue
            # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
            found[int(entry.name)] = int(stat.rsplit(b")", 1)[1].split()[1])
    return found


def descendants(root: int) -> list[int]:
    """The process and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents().items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def rss(pid: int) -> int:
    """Resident bytes of one process (0 once it has ended)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0


class TreeMemory(threading.Thread):
    """Samples a process tree's resident memory until stopped, keeping the peaks."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_tree = self.peak_process = 0
        self.processes = 1  # most processes seen in the tree at once
        self._done = threading.Event()

    def run(self) -> None:
        while True:
            self.sample()
            if self._done.wait(self.interval):
                return

    def sample(self) -> None:
        sizes = [rss(pid) for pid in descendants(self.root)]
        self.peak_tree = max(self.peak_tree, sum(sizes))
        self.peak_process = max(self.peak_process, max(sizes, default=0))
        self.processes = max(self.processes, sum(1 for size in sizes if size))

    def stop(self) -> None:
        self._done.set()
        self.join()


# --- the runs ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Step:
    """One command's run on one corpus."""

    size: int
    kind: str  # analyze, link or dask
    name: str
    seconds: float
    cpu: float  # CPU seconds of the command and the processes it waited for
    peak_tree: int
    peak_process: int
    processes: int
    store: int  # bytes of the store afterwards


def run(size: int, kind: str, name: str, command: list[str], db: Path) -> Step:
    """Run a command to its end, sampling its process tree's memory; stop everything if it fails."""
    log = db.with_suffix(f".{kind}.log")
    with log.open("w") as err:
        started, cpu = time.perf_counter(), _children_cpu()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        memory = TreeMemory(process.pid)
        memory.start()
        status = process.wait()
        seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
        memory.stop()
    if status != 0:
        sys.exit(f"{' '.join(command)} exited with {status}:\n{log.read_text()[-3000:]}")
    return Step(size, kind, name, seconds, cpu, memory.peak_tree, memory.peak_process, memory.processes,
                store_bytes(db))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def store_bytes(db: Path) -> int:
    """The size of a SQLite store, with its write-ahead log."""
    return sum(path.stat().st_size for path in db.parent.glob(db.name + "*"))


def write_corpus(path: Path, size: int) -> int:
    """The generated corpus as JSON Lines; returns its number of words."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for article in generate(size):
            words += len(article.text.split())
            record = {"id": article.id, "text": article.text, "source": article.source,
                      "title": article.title, "published": article.published}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def analyze_options(workers: int | None, dask: str | None) -> list[str]:
    """The options of `newsprism analyze` asked for, checked against its --help."""
    wanted = (["--workers", str(workers)] if workers else []) + (["--dask", dask] if dask else [])
    if wanted:
        usage = subprocess.run([*NEWSPRISM, "analyze", "--help"], capture_output=True, text=True).stdout
        missing = [option for option in wanted[::2] if option not in usage]
        if missing:
            sys.exit(f"this newsprism's analyze has no {' or '.join(missing)} option yet")
    return wanted


def measure(size: int, folder: Path, args: argparse.Namespace) -> list[Step]:
    """Write, analyse and link one corpus (and analyse it again with Dask if asked), printing each
    step's row as it ends."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus, db = folder / "corpus.jsonl", folder / "news.db"
    words = write_corpus(corpus, size)
    analyze = [*NEWSPRISM, "analyze", str(corpus), "--no-link"]
    name = f"analyze, {plural(args.workers, 'worker')}" if args.workers else "analyze, default workers"
    runs = [("analyze", name, [*analyze, "--db", str(db), *args.options], db),
            ("link", "link", [*NEWSPRISM, "link", "--db", str(db)], db)]
    if args.dask:
        other = folder / "dask.db"
        name = f"analyze, Dask {plural(args.dask_workers, 'worker')}"
        runs.append(("dask", name, [*analyze, "--db", str(other), *args.dask_options], other))
    steps = []
    for kind, name, command, store in runs:
        steps.append(run(size, kind, name, command, store))
        print(row(steps[-1], words), flush=True)
    return steps


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def pages(db: Path, requests: int) -> dict[str, tuple[str, float, float]]:
    """Page name -> (URL, median ms, p95 ms) on a store."""
    client = TestClient(create_app(db))
    return {name: (url, *percentiles(time_page(client, url, requests)))
            for name, url in page_paths(client).items()}


# --- the report --------------------------------------------------------------------------------

HEADER = ("| articles | step | seconds | CPU s | articles/s | words/s | peak RSS, tree | largest process "
          "| processes | store |\n|---|---|---|---|---|---|---|---|---|---|")


def row(step: Step, words: int) -> str:
    """A step's row of the table."""
    tree, process, store = (f"{n / MB:,.0f} MB" for n in (step.peak_tree, step.peak_process, step.store))
    return (f"| {step.size:,} | {step.name} | {step.seconds:.1f} | {step.cpu:.0f} "
            f"| {step.size / step.seconds:,.1f} | {words / step.seconds:,.0f} | {tree} | {process} "
            f"| {step.processes} | {store} |")


def print_pages(results: dict[int, dict]) -> None:
    print("\n| articles | page | URL | median ms | p95 ms |\n|---|---|---|---|---|")
    for size, times in results.items():
        for name, (url, median, p95) in times.items():
            print(f"| {size:,} | {name} | `{url}` | {median:.1f} | {p95:.1f} |")


def print_ratios(steps: list[Step]) -> None:
    """Growth between consecutive sizes, and Dask's speed-up at each size."""
    by = {(s.size, s.kind): s for s in steps}
    sizes = sorted({s.size for s in steps})
    print()
    for small, large in zip(sizes, sizes[1:], strict=False):
        analyze, link = (by[(large, k)].peak_tree / by[(small, k)].peak_tree for k in ("analyze", "link"))
        slower = by[(large, "link")].seconds / by[(small, "link")].seconds
        print(f"{large:,} vs {small:,} articles ({large / small:.0f}x): peak memory (tree) of analyze "
              f"{analyze:.2f}x (target at 100k: < 1.2x of 10k), of link {link:.2f}x; link time {slower:.1f}x "
              f"(target < 12x)")
    for size in sizes:
        if (size, "dask") in by:
            base, dask = by[(size, "analyze")], by[(size, "dask")]
            print(f"{size:,} articles: '{dask.name}' ran at {base.seconds / dask.seconds:.2f}x the speed of "
                  f"'{base.name}' (target >= 1.6x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--workers", type=int, default=None, help="Pass --workers W to analyze.")
    parser.add_argument("--dask", default=None, metavar="ADDRESS|local",
                        help="Also analyse each corpus with --dask ADDRESS, and compare.")
    parser.add_argument("--dask-workers", type=int, default=2, help="--workers for the Dask run.")
    parser.add_argument("--requests", type=int, default=20, help="Requests a page (after one warm-up).")
    parser.add_argument("--workdir", type=Path, default=None, help="Where the corpora and stores go.")
    parser.add_argument("--keep", action="store_true", help="Keep the corpora and stores.")
    args = parser.parse_args()
    args.options = analyze_options(args.workers, None)  # checked before the first corpus is written
    args.dask_options = analyze_options(args.dask_workers, args.dask) if args.dask else []
    root = Path(tempfile.mkdtemp(prefix="newsprism-scale-", dir=args.workdir))
    print(f"{os.cpu_count()} CPUs; corpora and stores under {root}\n\n{HEADER}", flush=True)
    steps, page_times = [], {}
    try:
        for size in sorted(args.sizes):
            steps += measure(size, root / str(size), args)
            page_times[size] = pages(root / str(size) / "news.db", args.requests)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print_pages(page_times)
    print_ratios(steps)


if __name__ == "__main__":
    main()
