"""Sequences kept in a temporary file, so a run over 100,000 forms does not hold every
diagnostic and coverage record in memory until the report is written.

``SpillWriter`` appends batches of picklable items; ``SpillWriter.finish()`` gives a
``SpilledSequence`` that reads them back, in order, as often as it is iterated. The engine uses
these only for large runs; small runs keep plain tuples. Spill files are removed when their
sequence is collected or the interpreter exits (SIGINT, SIGTERM and SIGHUP unwind to that exit,
see checker.cli); a run killed outright leaves them, and the next run that spills removes them.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from checker.stale import remove_stale


SPILL_PREFIX, SPILL_SUFFIX = "jixiao-spill-", ".pickle"


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class SpillWriter:
    """Appends batches of items to a fresh temporary file."""

    def __init__(self) -> None:
        directory = tempfile.gettempdir()
        remove_stale(directory, SPILL_PREFIX, SPILL_SUFFIX)  # left by a run that was killed
        fd, self.path = tempfile.mkstemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-", suffix=SPILL_SUFFIX,
                                         dir=directory)
        self._file = os.fdopen(fd, "wb")
        self._finalizer = weakref.finalize(self, _remove, self.path)
        self.count = 0

    def add(self, items: Iterable[Any]) -> None:
        batch = list(items)
        if batch:
            pickle.dump(batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(batch)

    def finish(self, transform: Callable[[Any], Any] | None = None) -> SpilledSequence:
        """Close the file; the sequence now owns it (and removes it when garbage-collected)."""
        self._file.close()
        self._finalizer.detach()
        return SpilledSequence(self.path, self.count, transform)


class SpilledSequence(Sequence):
    """A read-only sequence backed by a spill file. Iteration streams; indexing scans."""

    def __init__(self, path: str, count: int, transform: Callable[[Any], Any] | None = None) -> None:
        self._path = path
        self._count = count
        self._transform = transform
        # Aggregates the writer computed while the items went by (e.g. counts per severity), so
        # a summary need not read the file again; empty when none were recorded.
        self.facts: dict[str, Any] = {}
        weakref.finalize(self, _remove, path)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        transform = self._transform
        with open(self._path, "rb") as fh:
            while True:
                try:
                    batch = pickle.load(fh)
                except EOFError:
                    return
                if transform is None:
                    yield from batch
                else:
                    yield from map(transform, batch)

    def __getitem__(self, index):  # type: ignore[override]
        return _item_at(self, index, self._count)

    def __repr__(self) -> str:
        return f"SpilledSequence({self._count} items)"


class StreamedSequence(Sequence):
    """A read-only sequence whose items ``produce()`` yields afresh on every iteration (e.g. a
    spilled sequence with a few in-memory items merged in), so they are never all in memory.
    Iteration streams; indexing scans."""

    def __init__(self, produce: Callable[[], Iterable[Any]], count: int) -> None:
        self._produce = produce
        self._count = count
        self.facts: dict[str, Any] = {}  # as SpilledSequence.facts

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        return iter(self._produce())

    def __getitem__(self, index):  # type: ignore[override]
        return _item_at(self, index, self._count)

    def __repr__(self) -> str:
        return f"StreamedSequence({self._count} items)"


def _item_at(items: Iterable[Any], index: Any, count: int) -> Any:
    """``items[index]`` for a sequence that can only be iterated: a slice is read whole, an
    index is found by scanning (rare: reporters iterate)."""
    if isinstance(index, slice):
        return list(items)[index]
    if index < 0:
        index += count
    if not 0 <= index < count:
        raise IndexError(index)
    for i, item in enumerate(items):
        if i == index:
            return item
    raise IndexError(index)  # pragma: no cover - fewer items than counted
