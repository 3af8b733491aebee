"""Checking paths serially or in worker processes, with the same report either way.

Workers load and check whole files (the expensive part) and send back small DocumentResults;
the parent merges them in input order and runs the unit-scope rules at the end.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from itertools import islice
from typing import Callable, Sequence

from checker.config import Config
from checker.engine import DocumentChecker, DocumentResult, Engine
from checker.loaders import iter_documents, iter_files, load_path

_WORKER: tuple[DocumentChecker, object] | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = (DocumentChecker(config), config.loader_limits())


def _check_file(path: str) -> DocumentResult:
    assert _WORKER is not None
    checker, limits = _WORKER
    return checker.check_document(load_path(path, limits))


def run_paths(paths: Sequence[str], config: Config, *, jobs: int = 1,
              progress: Callable[[int, int], None] | None = None,
              today: dt.date | None = None, exclude: Sequence[str] = ()):
    """Check ``paths``; ``jobs`` > 1 uses a process pool (results merged in input order).
    ``exclude``: files a directory walk must not take as inputs (the run's own report)."""
    engine = Engine(config, today=today)
    limits = config.loader_limits()
    if jobs <= 1:
        return engine.run(iter_documents(list(paths), limits, exclude), progress=progress)

    from concurrent.futures import ProcessPoolExecutor


    files = list(iter_files(paths, exclude))
    acc = engine.accumulator()
    workers = max(1, min(jobs, len(files), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(engine.config,)) as pool:
        # A bounded window of files in flight: results are merged in input order, and a pool
        # ahead of the merge by thousands of files would hold all their results in memory.
        window = workers * 4
        queued = iter(files)
        pending = deque((f, pool.submit(_check_file, f)) for f in islice(queued, window))
        while pending:
            path, future = pending.popleft()
            following = next(queued, None)
            if following is not None:
                pending.append((following, pool.submit(_check_file, following)))
            try:
                result = future.result()
            except Exception:  # a worker died or a result did not pickle: redo it here
                result = engine.checker.check_document(load_path(path, limits))
            acc.add(result)
            if progress is not None:
                progress(acc.files, acc.forms)
    return acc.finish()
