"""The S and V rules find exactly the reviewed defects of the seed corpus (expected_sv.yaml)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from checker import Config, check_paths
from tests.conftest import SEED

EXPECTED = Path(__file__).with_name("expected_sv.yaml")


def _subject(d) -> str:
    if d.indicator is not None:
        return d.indicator.name or d.indicator.value
    return d.args.get("level2") or d.args.get("level1") or ("成本指标" if d.message_id == "S101.cost" else "")


def test_seed_findings_of_structure_and_value_rules_are_exactly_the_reviewed_ones():
    report = check_paths([SEED], Config(select=("S", "V")))
    assert not report.errors and not report.failures  # no rule crashed, the seed loaded
    got = Counter((d.form.index, d.message_id, _subject(d), d.line) for d in report.diagnostics)
    entries = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    want = Counter((e["form"], e["id"], e["subject"], e["line"]) for e in entries)
    assert got == want, {"unexpected": got - want, "missing": want - got}


def test_seed_findings_carry_location_and_evidence():
    report = check_paths([SEED], Config(select=("S", "V")))
    assert report.diagnostics
    covered = {o.code: o.outcome for c in report.coverage for o in c.outcomes if c.form.index == 0}
    assert covered["V110"] == "not_applicable"  # the seed states no deadline: not "passed"
    for d in report.diagnostics:
        assert d.line is not None and d.path.endswith(SEED.name)
        assert d.category in ("structure", "value")
        assert d.source.get("citation")
