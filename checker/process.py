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


def freeze_for_exit() -> None:
    """Spare the interpreter's exit a last walk over everything the run left alive.

    At exit CPython collects every generation before and while it tears the modules down (~5 %
    of a one-form run). The report is written and flushed by then and the operating system
    frees the memory, so what is still alive is moved out of the collector's sight; objects are
    still freed by reference counting as the modules are cleared.
    """
    gc.freeze()
