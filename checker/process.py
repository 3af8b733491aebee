"""Process-wide settings the command-line tool makes for itself, never the library.

CPython's cyclic collector runs after every 700 new container objects and, now and then, walks
every live one. A check creates millions of small objects that hold no reference cycle (cells,
locations, findings; reference counting frees them) while the modules, compiled patterns and
rule tables imported at start-up live for the whole run: those walks find next to nothing, and
on a large run they cost a tenth to a quarter of the time. So the tool moves what start-up made
out of the collector's sight (``gc.freeze``) and collects the youngest
generation less often. Cycles are still found and freed. An application that embeds jixiao calls
``checker.api`` and keeps its own collector policy: only the console entry point calls this.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000  # new container objects between collections of the youngest generation


def tune_collector() -> None:
    """Freeze what start-up made and collect the youngest generation less often."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
