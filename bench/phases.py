"""Where one form's time goes: load, rules, engine bookkeeping, report — in CPU ms per form.

    python bench/phases.py /tmp/corpus/text            # a generated corpus (bench/generate.py)
    python bench/phases.py /tmp/corpus/text --rules    # also each rule's own cost, slowest first

``bench/run.py`` gives the end-to-end figure the targets are set on; this splits it, so an
optimisation can be aimed at a phase and its effect read off without a profiler's overhead.
Times are ``time.process_time`` (CPU of this process), so a busy second core disturbs them less
than wall time. Every phase runs once, in the order a real check runs them (the value-parse cache
is cold for the loader, warm for the per-rule timing).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def measure(root: Path, per_rule: bool) -> dict:
    from checker.config import Config
    from checker.engine import Accumulator, DocumentChecker
    from checker.loaders import load_path
    from checker.reporters import RenderOptions, render

    clock = time.process_time
    checker = DocumentChecker(Config())
    t0 = clock()
    documents = [load_path(str(p)) for p in _files(root)]
    t_load = clock() - t0
    forms = sum(len(d.forms) for d in documents)
    acc = Accumulator(checker)
    t0 = clock()
    results = [checker.check_document(d) for d in documents]
    t_check = clock() - t0
    t0 = clock()
    for result in results:
        acc.add(result)
    report = acc.finish()
    t_finish = clock() - t0
    t0 = clock()
    text = render(report, "json", RenderOptions(lang="zh", color=False, quiet=True))
    t_render = clock() - t0
    out = {"forms": forms, "diagnostics": len(report.diagnostics), "json_bytes": len(text),
           "load": t_load, "check": t_check, "finish": t_finish, "render": t_render}
    if per_rule:
        out["rules"] = _per_rule(checker, [f for d in documents for f in d.forms])
    return out


def _per_rule(checker, forms) -> dict[str, float]:
    """Each form-scope rule alone over every form: its generator drained, nothing else."""
    clock = time.process_time
    costs = {}
    for rule in checker.active:
        inst = checker.instances[rule.code]
        scoped = rule.rule.scope == "unit"
        t0 = clock()
        for form in forms:
            ctx = checker._context(rule, form)
            try:
                if scoped:
                    inst.summarize(form, ctx)
                else:
                    for _ in inst.check(form, ctx):
                        pass
            except Exception:  # NotApplicable/InsufficientData end a rule early, as in the engine
                pass
        costs[rule.code] = clock() - t0
    return costs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a folder of one input format (e.g. /tmp/corpus/text)")
    parser.add_argument("--rules", action="store_true", help="also time each rule on its own")
    args = parser.parse_args(argv)
    result = measure(Path(args.corpus), args.rules)
    n = result["forms"] or 1
    total = sum(result[k] for k in ("load", "check", "finish", "render"))
    print(f"{result['forms']} forms, {result['diagnostics']} diagnostics, "
          f"{result['json_bytes'] / 1e6:.1f} MB JSON")
    for key in ("load", "check", "finish", "render"):
        print(f"  {key:<7} {1000 * result[key] / n:7.3f} ms/form")
    print(f"  {'total':<7} {1000 * total / n:7.3f} ms/form = {n / total:,.0f} forms/s (CPU)")
    if "rules" in result:
        rules = result["rules"]
        print(f"  rules alone: {1000 * sum(rules.values()) / n:.3f} ms/form")
        for code, seconds in sorted(rules.items(), key=lambda kv: -kv[1]):
            print(f"    {code} {1e6 * seconds / n:7.1f} us/form")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
