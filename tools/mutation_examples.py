"""Re-check mutants of a rule module's own helpers against that rule's examples, in one process.

    python -m tools.mutation_examples NAME...     (run by tools/mutation.py, in mutants/)

A rule's examples are built when its module is imported (F112's ``_set``, R102's ``_score``), so
mutmut's forked workers, which imported the original already, never see such a mutant. Here each
mutant is made active (MUTANT_UNDER_TEST) and the rule's module re-imported, which rebuilds the
examples with the mutant; then the examples must still hold as tests/test_rule_examples.py,
tests/rules/test_findings_in_full.py and tests/rules/test_cases_r_t_a_v.py require: every example is
a well-formed form (tests/test_rule_examples.py), a self-evaluation example shows one defect, a good
example sits at its edge. Prints the names of the mutants that break them.
"""

from __future__ import annotations

import importlib
import os
import sys

from policy.api import Rule
from policy.testing import rule_outcome, rule_run
from tests.rules.test_cases_r_t_a_v import edges_hold, shows_one_defect
from tests.rules.test_findings_in_full import FULL
from tests.test_rule_examples import example_is_well_formed


def _forms(mapping):
    return mapping["forms"] if "forms" in mapping else [mapping]


def examples_hold(rule: type[Rule]) -> bool:
    """What the example tests check: bad examples report their ids (in full where FULL says
    what), good ones are clean for the reason they declare, at the edge they document; every one
    is a well-formed form, and none breaks the rest of a self-evaluation form."""
    if not all(example_is_well_formed(rule, e.form) for e in (*rule.bad, *rule.good)):
        return False
    if not edges_hold(rule) or not all(shows_one_defect(rule.code, e.form) for e in (*rule.bad, *rule.good)):
        return False
    for i, example in enumerate(rule.bad):
        findings, _ = rule_run(rule, *_forms(example.form))
        if not findings or not set(example.expect) <= {f.message_id for f in findings}:
            return False
        said = [(f.message_id, dict(f.args), dict(f.evidence), f.indicator.name if f.indicator else None)
                for f in findings]
        if (rule.code, i) in FULL and said != FULL[rule.code, i]:
            return False
    for example in rule.good:
        findings, _ = rule_run(rule, *_forms(example.form))
        if findings or rule_outcome(rule, *_forms(example.form)) != example.outcome:
            return False
    return True


def rule_class(module) -> type[Rule]:
    return next(v for v in vars(module).values()
                if isinstance(v, type) and issubclass(v, Rule) and v.__module__ == module.__name__)


def killed(names: list[str]) -> list[str]:
    out = []
    for name in names:
        module_name = name.split(".x_")[0]
        os.environ["MUTANT_UNDER_TEST"] = name
        try:
            module = importlib.reload(importlib.import_module(module_name))
            holds = examples_hold(rule_class(module))
        except Exception:  # noqa: BLE001 - a mutant that breaks the import or a rule is killed
            holds = False
        if not holds:
            out.append(name)
    return out


if __name__ == "__main__":
    print("\n".join(killed(sys.argv[1:])))
