"""pytest plugin for mutation runs, loaded by [tool.mutmut] pytest_add_cli_args (docs/testing.md).

mutmut forks each mutant's test run from the process that ran the clean suite, so the parse
and rule caches (``functools.lru_cache``) would answer with the original code's results and a
mutant under a cached function would survive: they are emptied before a mutant's tests run.

While mutmut records which tests reach which function it sets MUTANT_UNDER_TEST=stats; a test
that starts a real ``python -m checker`` subprocess passes that on, and the subprocess then looks
for mutmut's configuration in its own working directory (a tmp_path) and fails. mutmut keeps
the mode in-process too, so the variable is dropped for that run: the subprocesses run the
original code there (and run the mutant in mutant runs).

A mutant's tests run with ``-x``, so the first failure ends the run: they are put in the order
most likely to fail fast — the rule examples first, then the per-family rule tests, then the
corpus and loader suites (pytest would otherwise run them in the order mutmut listed them,
which is a set's).
"""

from __future__ import annotations

import os
import sys

PACKAGES = ("grammar", "policy", "checker")

# Test files by how quickly and how surely they kill a mutant of a rule (cheap, targeted first).
FIRST = ("tests/test_rule_examples.py", "tests/rules/", "tests/reporters/test_golden.py", "tests/grammar/")


def pytest_configure(config):
    mode = os.environ.get("MUTANT_UNDER_TEST", "")
    if mode == "stats":
        del os.environ["MUTANT_UNDER_TEST"]
    elif mode:
        clear_caches()


def pytest_collection_modifyitems(session, config, items):
    """Run the targeted tests first: with -x a killed mutant stops at its first failure."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        items.sort(key=_rank)


def _rank(item) -> int:
    path = item.nodeid.split("::")[0]
    return next((i for i, prefix in enumerate(FIRST) if path.startswith(prefix)), len(FIRST))


def clear_caches() -> None:
    """Empty every cache of a module-level function of the project's packages."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in PACKAGES or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
