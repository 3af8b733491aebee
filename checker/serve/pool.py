"""Bounded concurrency and a time limit for the work of a request.

At most ``workers`` checks run at once. A request waits up to ``queue_wait`` seconds for a free
worker, else it is answered 503. Its work runs on a worker thread and the request waits up to
``time_limit`` seconds, else it is answered 504. A thread cannot be stopped from outside, so a
check over its time keeps its worker until it ends (every loader stops at the input limits, so
it does end): the pool never holds more than ``workers`` checks, however many time out.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable, TypeVar

from checker.serve.errors import ApiError

T = TypeVar("T")


class WorkerPool:
    def __init__(self, workers: int, queue_wait: float, time_limit: float) -> None:
        self.workers = max(1, int(workers))
        self.queue_wait = queue_wait
        self.time_limit = time_limit
        self._slots = threading.BoundedSemaphore(self.workers)
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="jixiao-check")

    def acquire(self) -> None:
        """Take a worker for the coming ``run``, or answer 503 after ``queue_wait``."""
        if not self._slots.acquire(timeout=self.queue_wait):
            raise ApiError(503, "serve.busy", headers=[("Retry-After", "1")])

    def release(self) -> None:
        """Give back a worker taken by ``acquire`` that no ``run`` used."""
        self._slots.release()

    def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` on the worker taken by ``acquire``; its result, its exception, or 504."""
        try:
            future = self._executor.submit(work)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _f: self._slots.release())  # when the work really ends
        try:
            return future.result(timeout=self.time_limit)
        except FutureTimeout:
            raise ApiError(504, "serve.timeout", {"seconds": _seconds(self.time_limit)}) from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _seconds(value: float) -> Any:
    return int(value) if float(value).is_integer() else value
