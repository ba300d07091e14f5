"""Where the per-article pipeline runs: in this process, in a pool of processes, or on a Dask
cluster.

All three sit behind one small runner (`submit`, `close`, `in_flight`) and one loop,
`run_in_order`: the parent streams batches to the runner with a bounded number in flight and
takes the results back in the order it sent them. The parent alone writes to the store, so a
run on many workers stores, row for row, what a run on one stores.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Protocol

from . import nlp
from .errors import ExecutorError, ModelNotInstalled, NewsprismError

IN_FLIGHT_PER_WORKER = 2  # one batch being analysed, one waiting, so no worker idles
PARENT_CHECK_S = 1.0  # how often a pool worker looks whether its parent is still alive
BROKEN_POOL_HINT = (" (out of memory? In a script, start the run under "
                    "`if __name__ == \"__main__\":`, since each worker imports the script)")
# A local cluster shares this machine's cores with its own scheduler and nannies: no stack
# sampling every 10 ms in each worker, and slower housekeeping ticks (on 2 cores, 1,500
# articles: 62 s with Dask's defaults, 52 s with these; one in-process worker takes 77 s).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.system-monitor.interval": "5s",
}
DASK_HINT = ("start a scheduler with `dask scheduler` and pass its address (tcp://HOST:8786), "
             "or use --dask local")


class Result(Protocol):
    def result(self): ...


class Runner(Protocol):
    """Runs `function(*args)` somewhere and hands back something whose result() is its value."""

    in_flight: int  # how many batches to keep submitted at once

    def submit(self, function: Callable, *args) -> Result: ...

    def close(self) -> None: ...


def usable_cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(workers: int) -> int:
    """The `workers` setting as a number of processes (0 or less: one per usable core)."""
    return workers if workers > 0 else usable_cores()


@contextmanager
def open_runner(workers: int, model: str, dask: str | None = None, batches: int = 2):
    """The runner for `batches` batches of work: the Dask cluster at `dask` (or a local one,
    for "local"), else a pool of `workers` processes, or this process when one is enough."""
    count = worker_count(workers)
    if dask:
        runner = DaskRunner(dask, count, model)
    elif count == 1 or batches <= 1:
        runner = InProcess()
    else:
        runner = ProcessPool(min(count, batches), model)
    try:
        yield runner
    finally:
        runner.close()


def run_in_order(runner: Runner, function: Callable, batches: Iterable, *args) -> Iterator:
    """`function(batch, *args)` for each batch, run by `runner` with at most `runner.in_flight`
    batches submitted at once (the next batch is read only when there is room), yielded in
    the order of the batches."""
    submitted: deque[Result] = deque()
    for batch in batches:
        submitted.append(runner.submit(function, batch, *args))
        if len(submitted) >= runner.in_flight:
            yield _result(submitted.popleft())
    while submitted:
        yield _result(submitted.popleft())


def _call(function: Callable, *args):
    # Runs on the worker. newsprism's errors take their own arguments, so they would not
    # survive the trip back through pickle; send the message as a plain NewsprismError.
    try:
        return function(*args)
    except NewsprismError as exc:
        raise NewsprismError(str(exc)) from None


def _result(submitted: Result):
    try:
        return submitted.result()
    except NewsprismError:
        raise
    except Exception as exc:  # a worker died (killed, out of memory) or the cluster went away
        hint = BROKEN_POOL_HINT if isinstance(exc, BrokenProcessPool) else ""
        raise ExecutorError(
            f"a worker of the per-article pipeline failed ({type(exc).__name__}: {exc}){hint}. "
            f"What was analysed is saved: run again to go on, or with --workers 1.") from exc


class Done:
    """A result computed on the spot."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        """The value."""
        return self.value


class InProcess:
    """Runs each batch here, when it is submitted; an error is raised as it is."""

    in_flight = 1

    def submit(self, function: Callable, *args) -> Done:
        """Run `function(*args)` now."""
        return Done(function(*args))

    def close(self) -> None:
        """Nothing to release."""


class ProcessPool:
    """A pool of fresh processes (spawned, never forked: the parent holds a SQLite
    connection), each loading the spaCy pipeline once, before its first batch."""

    def __init__(self, workers: int, model: str) -> None:
        self.in_flight = IN_FLIGHT_PER_WORKER * workers
        # No max_tasks_per_child: up to Python 3.13 it can deadlock the pool once a worker
        # retires (CPython gh-115634). pipeline.py reloads the spaCy pipeline instead when
        # its vocabulary has grown, which keeps a long run's memory flat.
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=start_worker, initargs=(model,))

    def submit(self, function: Callable, *args):
        """Queue `function(*args)` for a worker."""
        return self.pool.submit(_call, function, *args)

    def close(self) -> None:
        """Drop what has not started and wait for the workers to finish and exit."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def start_worker(model: str) -> None:
    """Pool initializer: exit with the parent, leave Ctrl-C to it (it stops the pool), and load
    the spaCy pipeline before any batch."""
    parent = os.getppid()
    _killed_with_parent()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_model(model)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal the kernel sends this process when its parent dies


def _killed_with_parent() -> None:
    """On Linux, have the kernel kill this worker when its parent dies: a watcher thread needs
    the interpreter's lock, which a long call into compiled code may hold past any deadline."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # the watcher thread still sees the parent go


def _exit_with(parent: int) -> None:
    # An idle pool worker waits on its task queue forever; a parent killed with SIGKILL
    # cannot stop the pool, so the worker watches for itself and leaves when it is orphaned.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def load_model(model: str) -> None:
    """Load the spaCy pipeline into this process's cache (a missing one is reported by the
    first batch, in the parent's words)."""
    try:
        nlp.load(model)
    except ModelNotInstalled:
        pass


class DaskRunner:
    """Batches run as tasks on a Dask distributed cluster: the one whose scheduler is at
    `address`, or, for "local", a cluster of `workers` single-threaded processes here."""

    def __init__(self, address: str, workers: int, model: str) -> None:
        distributed = _import_distributed(address)
        from dask import config as dask_config  # importable once distributed is
        self.cluster = None
        try:
            if address == "local":
                with dask_config.set(LOCAL_CLUSTER_CONFIG):
                    self.cluster = distributed.LocalCluster(
                        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR)
            self.client = distributed.Client(self.cluster or address)
        except (OSError, ValueError, TimeoutError) as exc:
            self._close_cluster()
            raise ExecutorError(f"cannot reach the Dask scheduler at {address!r}: {exc}; "
                                f"{DASK_HINT}") from exc
        self.in_flight = IN_FLIGHT_PER_WORKER * max(1, sum(self.client.nthreads().values()))
        try:
            self.client.run(load_model, model)
        except Exception as exc:
            self.close()
            raise ExecutorError(f"the Dask workers at {address!r} cannot run newsprism ({exc}); "
                                f"install it, with its spaCy pipeline, where they run") from exc

    def submit(self, function: Callable, *args):
        """Send `function(*args)` to the cluster as one task."""
        return self.client.submit(_call, function, *args, pure=False)

    def close(self) -> None:
        """Disconnect, and stop the cluster if this runner started it."""
        self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()


def _import_distributed(address: str):
    try:
        import distributed
    except ImportError as exc:
        raise ExecutorError(f"--dask {address} needs the dask extra: "
                            f"pip install 'newsprism[dask]' ({exc})") from exc
    return distributed
