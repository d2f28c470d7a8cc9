"""Run per-item work on all cores when there is enough of it to pay for the workers.

Workers are forked after the parent has loaded what they need (the word segmenter),
so they start at once and share that memory; small runs stay in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 48


def worker_count() -> int:
    env = os.environ.get("BRIEFING_WORKERS")
    if env and env.isdigit():
        return max(1, int(env))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parallel_map(func: Callable[[T], R], items: Iterable[T],
                 on_result: Callable[[], None] | None = None) -> list[R]:
    """``[func(x) for x in items]``, in order, on several processes where it helps.

    ``on_result`` is called as each result comes in (for a progress bar).
    """
    items = list(items)
    tick = on_result or (lambda: None)
    workers = min(worker_count(), len(items) // (MIN_ITEMS_FOR_POOL // 2) or 1)
    if workers < 2 or len(items) < MIN_ITEMS_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for x in items:
            results.append(func(x))
            tick()
        return results
    chunk = max(1, len(items) // (workers * 8))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker)
    try:
        results = []
        for result in pool.map(func, items, chunksize=chunk):
            results.append(result)
            tick()
    except BaseException:
        # Ctrl-C or a failure: stop at once; the parent reports it in one line.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
