"""Run per-item work on all cores when there is enough of it to pay for the workers.

Workers are forked after the parent has loaded what they need (the word segmenter)
and the items themselves, so they start at once and share that memory: a worker is
sent only an item's number and sends back only its result. Small runs stay in one
process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 48
# The items of the map in progress, as the forked workers inherit them.
_ITEMS: Sequence[Any] = ()


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
    global _ITEMS
    items = items if isinstance(items, Sequence) else list(items)
    tick = on_result or (lambda: None)
    workers = min(worker_count(), len(items) // (MIN_ITEMS_FOR_POOL // 2) or 1)
    if workers < 2 or len(items) < MIN_ITEMS_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for x in items:
            results.append(func(x))
            tick()
        return results
    chunk = max(1, len(items) // (workers * 8))
    _ITEMS = items  # set before the workers are forked (at the first job), read by them
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker)
    try:
        results = []
        for result in pool.map(_run_item, ((func, i) for i in range(len(items))), chunksize=chunk):
            results.append(result)
            tick()
    except BaseException:
        # Ctrl-C or a failure: stop at once; the parent reports it in one line.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        _ITEMS = ()
    pool.shutdown()
    return results


def _run_item(job: tuple[Callable[[Any], Any], int]) -> Any:
    func, i = job
    return func(_ITEMS[i])


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and says so once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
