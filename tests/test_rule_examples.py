"""Every rule's declared bad examples fail and good examples pass, and its messages exist."""

from __future__ import annotations

import pytest

from checker.loaders.structured import validate
from policy.api import Category
from policy.forms.canonical import form_from_mapping
from policy.messages import catalogue, template_fields
from policy.registry import all_rules
from policy.api import Outcome
from policy.testing import rule_outcome, run_rule

RULES = all_rules()
BAD = [(r, i) for r in RULES for i in range(len(r.bad))]
GOOD = [(r, i) for r in RULES for i in range(len(r.good))]


def test_catalogue_has_enough_rules():
    assert len(RULES) >= 30, [r.code for r in RULES]


@pytest.mark.parametrize("rule,i", BAD, ids=[f"{r.code}-bad{i}" for r, i in BAD])
def test_bad_example_is_reported(rule, i):
    example = rule.bad[i]
    findings, _ = run_rule(rule, *_forms(example.form))
    assert findings, f"{rule.code} reported nothing on bad example {i}: {example.note}"
    ids = {f.message_id for f in findings}
    assert set(example.expect) <= ids, (example.expect, ids)
    for f in findings:
        for lang in ("zh", "en"):
            template = catalogue(lang)[f.message_id]
            assert template_fields(template) <= set(f.args), (lang, f.message_id, f.args)


@pytest.mark.parametrize("rule,i", GOOD, ids=[f"{r.code}-good{i}" for r, i in GOOD])
def test_good_example_is_clean(rule, i):
    example = rule.good[i]
    findings, _ = run_rule(rule, *_forms(example.form))
    assert not findings, f"{rule.code} reported {findings} on good example {i}"
    # Clean for the reason it declares: a rule that did not apply is not a rule that passed.
    assert rule_outcome(rule, *_forms(example.form)) == example.outcome, (rule.code, i, example.note)


def test_good_examples_mostly_exercise_the_rule():
    """Each rule has at least one good example on which it runs and passes."""
    assert [r.code for r in RULES if all(e.outcome != Outcome.PASS for e in r.good)] == []


def _forms(mapping):
    """An example is one form mapping, or {"forms": [...]} for unit-scope rules."""
    return mapping["forms"] if "forms" in mapping else [mapping]


# -- the examples: valid forms that show one defect ----------------------------------------------

EXAMPLES = [(r, kind, i) for r in RULES for kind in ("bad", "good") for i in range(len(getattr(r, kind)))]


def example_is_well_formed(rule, form) -> bool:
    """A rule's example is a canonical form a user can copy from docs/rules.md into a file and
    check (it matches the schema), and, outside the structure rules, whose examples are about
    the labels, its indicator table is well formed: every row's 一级 and 二级 are labels the
    hierarchy knows, so the example shows the one defect it is about."""
    if validate(form, "<example>", lambda at: None):
        return False
    if rule.category is Category.STRUCTURE:
        return True
    forms = form["forms"] if "forms" in form else [form]
    return all(ind.level1 is not None and ind.level2 is not None
               for mapping in forms for ind in form_from_mapping(mapping).indicators)


@pytest.mark.parametrize("rule,kind,i", EXAMPLES, ids=[f"{r.code}-{kind}{i}" for r, kind, i in EXAMPLES])
def test_example_is_well_formed(rule, kind, i):
    assert example_is_well_formed(rule, getattr(rule, kind)[i].form)
