"""The F, A, C and W rules find exactly the reviewed defects of the seed corpus (expected_facw.yaml)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from checker import Config, check_paths
from tests.conftest import SEED

EXPECTED = Path(__file__).with_name("expected_facw.yaml")
FAMILIES = ("F", "A", "C", "W")


def _subject(d) -> str:
    if d.indicator is not None:
        return d.indicator.name or d.indicator.value
    return next(iter(d.evidence), "")


def _report():
    return check_paths([SEED], Config(select=FAMILIES))


def test_seed_findings_of_facw_rules_are_exactly_the_reviewed_ones():
    report = _report()
    assert not report.errors and not report.failures
    got = Counter(
        (d.form.index, d.message_id, _subject(d), d.line) for d in report.diagnostics
    )
    entries = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    want = Counter((e["form"], e["id"], e["subject"], e["line"]) for e in entries)
    assert got == want, {"unexpected": got - want, "missing": want - got}


def test_seed_outcomes_say_what_could_not_be_checked():
    report = _report()
    outcomes = {(c.form.index, o.code): o for c in report.coverage for o in c.outcomes}
    coverage = {c.form.index: c for c in report.coverage}
    # Form 3's second cost line (开展调研工作差旅费) has no value: the cost sum is not "passed".
    f105 = outcomes[(3, "F105")]
    assert f105.outcome == "insufficient_data"
    assert f105.reason_id == "F.reason.cost-value-unreadable"
    assert f105.reason_args["name"] == "开展调研工作差旅费"
    # Funding arithmetic was really checked (pass), not skipped, on every form.
    for index in range(8):
        for code in ("F101", "F102", "F103", "F104", "A101", "A102", "A103", "A104"):
            assert coverage[index].outcome(code) == "pass", (index, code)
    # 16期 = 12期 + 4期 was compared and agreed; forms whose goal states no exact count are n/a.
    assert coverage[5].outcome("C101") == "pass"
    assert coverage[6].outcome("C101") == "not_applicable"
    # 67.5元/份（册） × 6000份（本）/年（次） = 40.5万元 was compared with 37万元 (close: no finding).
    assert coverage[2].outcome("F107") == "pass"
    assert coverage[0].outcome("F107") == "not_applicable"


def test_seed_findings_carry_evidence_and_source():
    report = _report()
    by_code = {}
    for d in report.diagnostics:
        assert d.line is not None and d.path.endswith(SEED.name)
        assert d.source.get("citation")
        by_code.setdefault(d.message_id, d)
    c102 = by_code["C102"]
    assert c102.args["person"] == "熊小涛" and c102.args["majority"] == "譙小涛"
    assert c102.args["count"] == 7
    f106 = by_code["F106"]
    assert f106.evidence["年度资金总额"] and f106.args["cap"] == f106.args["total"]
