"""Mutation testing on chosen modules, and the kill rate per module.

    pip install -e '.[test,mutation]'
    python tools/mutation.py grammar/numbers.py grammar/units.py   # run, then summarise
    python tools/mutation.py policy/rules/ --jobs 2
    python tools/mutation.py --report policy/rules/ grammar/        # summarise the last runs only
    python tools/mutation.py --recheck grammar/units.py   # survivors again, in a fresh interpreter
    python tools/mutation.py --survivors grammar/units.py # after writing tests: survivors only

mutmut ([tool.mutmut] in pyproject.toml) copies the packages into mutants/, mutates every
module it is allowed to, collects once which tests reach which function, and then runs, for
each mutant of the modules named here, only the tests that reach it. The Hypothesis
"mutation" profile (tests/conftest.py) makes those runs deterministic and short. Results stay
in mutants/ and later runs reuse them; delete mutants/ to start afresh. See docs/testing.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"

# mutmut's exit-code meaning (mutmut/stats.py), reduced to what a kill rate needs.
KILLED = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout",
          255: "timeout", 37: "killed"}
SURVIVED = {0: "survived"}
UNTESTED = {5: "no tests", 33: "no tests", None: "not checked", 34: "skipped"}


def module_glob(target: str) -> str:
    """A mutant-name pattern for a module path or folder: grammar/numbers.py -> grammar.numbers.*"""
    path = target.rstrip("/")
    if path.endswith(".py"):
        path = path[: -len(".py")]
    if "/" not in path and "." in path:  # already dotted
        return path if path.endswith("*") else path + ".*"
    return path.replace("/", ".") + ".*"


def meta_files(target: str) -> list[Path]:
    """mutmut's per-module result files (mutants/<module>.py.meta) under a module or folder."""
    path = MUTANTS / target.rstrip("/")
    if target.endswith(".py"):
        return [Path(str(path) + ".meta")] if Path(str(path) + ".meta").exists() else []
    return sorted(path.rglob("*.py.meta"))


def module_counts(meta: Path) -> Counter:
    data = json.loads(meta.read_text(encoding="utf-8"))
    counts: Counter = Counter()
    for code in data["exit_code_by_key"].values():
        if code in KILLED:
            counts["killed"] += 1
        elif code in SURVIVED:
            counts["survived"] += 1
        elif code in UNTESTED:
            counts[UNTESTED[code]] += 1
        else:
            counts["suspicious"] += 1
    return counts


def kill_rate(counts: Counter) -> float | None:
    """Killed / (killed + survived + no tests): a mutant no test reaches is not a kill."""
    tried = counts["killed"] + counts["survived"] + counts["no tests"] + counts["suspicious"]
    return None if not tried else counts["killed"] / tried


def report(targets: list[str]) -> str:
    lines = [f"{'module':60} {'mutants':>7} {'killed':>6} {'surv.':>5} {'no test':>7} {'rate':>6}"]
    for target in targets:
        total: Counter = Counter()
        for meta in meta_files(target):
            counts = module_counts(meta)
            total += counts
            name = meta.relative_to(MUTANTS).as_posix()[: -len(".meta")]
            lines.append(_row(name, counts))
        lines.append(_row(f"= {target}", total))
    return "\n".join(lines)


def _row(name: str, c: Counter) -> str:
    rate = kill_rate(c)
    shown = "-" if rate is None else f"{rate:.1%}"
    return (f"{name:60} {sum(c.values()):7} {c['killed']:6} {c['survived']:5} {c['no tests']:7} "
            f"{shown:>6}")


def mutation_env() -> dict[str, str]:
    env = dict(os.environ)
    env["HYPOTHESIS_PROFILE"] = "mutation"
    # The parser and message caches of the mutated copies stay in mutants/, not in the user's.
    env["JIXIAO_CACHE_DIR"] = str(MUTANTS / ".cache")
    return env


def survivors(targets: list[str]) -> list[str]:
    """The names of the mutants of the targets that survived the last runs or that no test
    reached then (a test written since may reach them)."""
    names = []
    for target in targets:
        for meta in meta_files(target):
            data = json.loads(meta.read_text(encoding="utf-8"))
            names += [name for name, code in data["exit_code_by_key"].items()
                      if code in SURVIVED or UNTESTED.get(code) == "no tests"]
    return names


def run(targets: list[str], jobs: int, names: list[str] | None = None) -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    if not mutmut.exists():
        print("mutmut is not installed: pip install -e '.[test,mutation]'", file=sys.stderr)
        return 2
    if names == []:
        return 0  # no survivors left to try again
    cmd = [str(mutmut), "run", "--max-children", str(jobs), *(names or map(module_glob, targets))]
    print("+", " ".join(cmd), flush=True)
    code = subprocess.call(cmd, cwd=ROOT, env=mutation_env())
    if (MUTANTS / "mutmut-stats.json").exists():
        print("re-checking survivors in a fresh interpreter", flush=True)
        recheck_survivors(targets, mutation_env())
    return code


# Tests a survivor is re-run against in a fresh interpreter. The tests mutmut recorded for its
# function passed on it already; what differs is the import, and a function called at import
# time (grammar/units.py builds its tables then) is recorded only for whichever test imported
# it first, so the module's own direct tests are run.
HOME_TESTS = {
    "grammar": ["tests/grammar/test_numbers_units.py", "tests/grammar/test_expected_values.py"],
    "policy": ["tests/test_rule_examples.py"],
    "checker": ["tests/loaders/test_amount_units.py"],
}
# Modules that call none of their functions at import (constants and classes only at module
# level): a survivor there is not re-run, its mutmut verdict stands.
NOTHING_AT_IMPORT = ("checker.loaders.pdf.", "checker.loaders.pdf_")


def _method_of_a_rule(name: str) -> bool:
    return name.startswith("policy.rules.") and "\u01c1" in name  # mutmut's xǁClassǁmethod


def recheck_survivors(targets: list[str], env: dict[str, str]) -> None:
    """Run each surviving mutant's tests again in a fresh interpreter, and record a kill.

    mutmut forks every mutant from a process that has imported the code already, so a mutant
    in code that runs at import time (module-level tables) is never active there and always
    "survives". A fresh ``python -m pytest`` with MUTANT_UNDER_TEST set imports the mutant.
    A rule module's own helpers build its examples at import: their survivors are re-checked
    all in one process by tools/mutation_examples.py, which re-imports the module under each
    mutant and checks the rebuilt examples. A rule's methods run only when it checks, never
    at import, and are not re-checked.
    """
    pytest_args = _pytest_args()
    for target in targets:
        for meta in meta_files(target):
            data = json.loads(meta.read_text(encoding="utf-8"))
            # "No tests" too: a function that runs only at import (a helper added since the
            # tests' coverage was recorded) is reached by no recorded test, yet by the examples.
            names = [name for name, code in data["exit_code_by_key"].items()
                     if (code in SURVIVED or UNTESTED.get(code) == "no tests") and not _method_of_a_rule(name)
                     and not name.startswith(NOTHING_AT_IMPORT)]
            rule_helpers = [name for name in names if name.startswith("policy.rules.")]
            killed = set()
            if rule_helpers:
                done = subprocess.run([sys.executable, "-m", "tools.mutation_examples", *rule_helpers],
                                      cwd=MUTANTS, env=env, capture_output=True, text=True, check=False)
                killed |= set(done.stdout.split()) & set(rule_helpers)
            for name in names:
                if name in rule_helpers:
                    continue
                # The recorded tests passed on it in mutmut's run already; only the import differs.
                tests = HOME_TESTS.get(name.split(".")[0], [])
                cmd = [sys.executable, "-m", "pytest", "--rootdir=.", "-x", "-q", *tests, *pytest_args]
                done = subprocess.run(cmd, cwd=MUTANTS, env={**env, "MUTANT_UNDER_TEST": name},
                                      capture_output=True, check=False)
                if done.returncode != 0:
                    killed.add(name)
            for name in sorted(killed):
                print(f"  killed in a fresh interpreter: {name}", flush=True)
                data["exit_code_by_key"][name] = 1
            if killed:
                meta.write_text(json.dumps(data, indent=4), encoding="utf-8")


def _pytest_args() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"].get("pytest_add_cli_args", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", help="module paths or folders, e.g. grammar/numbers.py policy/rules/")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="mutants tested at once")
    parser.add_argument("--report", action="store_true", help="only summarise the results in mutants/")
    parser.add_argument("--recheck", action="store_true",
                        help="only re-run the survivors in a fresh interpreter, then summarise")
    parser.add_argument("--survivors", action="store_true",
                        help="run only the mutants that survived or had no test last time "
                             "(after adding tests)")
    args = parser.parse_args(argv)
    if args.recheck:
        recheck_survivors(args.targets, mutation_env())
    names = survivors(args.targets) if args.survivors else None
    code = 0 if args.report or args.recheck else run(args.targets, args.jobs, names)
    print(report(args.targets))
    return code


if __name__ == "__main__":
    sys.exit(main())
