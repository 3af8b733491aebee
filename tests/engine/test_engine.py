"""The engine: outcomes per rule and form, internal errors recorded, unit rules, ordering."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, strategies as st

from checker.config import Config, Suppression
from checker.engine import Engine
from policy.forms.canonical import form_from_mapping
from policy.forms.model import Document, LoadIssue, Location
from engine.toyrules import ALL

TODAY = dt.date(2026, 1, 1)


def form(path="a.yaml", index=0, **data):
    return form_from_mapping(data, path=path, index=index)


def run(*forms, config=None, rules=ALL):
    return Engine(config or Config(), rules=rules, today=TODAY).check_forms(forms)


def outcome(report, path, index, code):
    cov = next(c for c in report.coverage if c.form.path == path and c.form.index == index)
    return cov.outcome(code)


def test_pass_fail_not_applicable_insufficient_are_distinguished():
    bad = form(name="A", indicators=[{"name": "次数", "line": 3}], funding={"total": "5万元"})
    empty = form(index=1, name="B")
    report = run(bad, empty)
    assert outcome(report, "a.yaml", 0, "S901") == "fail"
    assert outcome(report, "a.yaml", 0, "F901") == "pass"
    assert outcome(report, "a.yaml", 1, "S901") == "not_applicable"
    assert outcome(report, "a.yaml", 1, "F901") == "insufficient_data"
    cov = next(c for c in report.coverage if c.form.index == 1)
    reason = next(o for o in cov.outcomes if o.code == "F901")
    assert reason.reason_id == "F901.reason"
    assert cov.outcome("F901") == "insufficient_data"  # a reason is not a pass


def test_findings_before_a_raise_are_kept():
    from policy.api import Finding, InsufficientData

    class Partial(ALL[0]):
        code = "S902"

        def check(self, form, ctx):
            yield Finding("S901", {"name": "x"})
            raise InsufficientData("F901.reason")

    report = run(form(name="A"), rules=(Partial,))
    assert [d.code for d in report.diagnostics] == ["S902"]
    cov = report.coverage[0]
    assert cov.outcome("S902") == "fail"
    assert cov.outcomes[0].reason_id == "F901.reason"


def test_a_crashing_rule_is_an_error_outcome_not_a_crash():
    report = run(form(name="boom"), form(index=1, name="fine"))
    assert outcome(report, "a.yaml", 0, "V902") == "error"
    assert outcome(report, "a.yaml", 1, "V902") == "pass"
    assert len(report.errors) == 1
    assert "ZeroDivisionError" in report.errors[0].error
    assert report.exit_code() == 2


def test_severity_override_and_options_from_config():
    f = form(name="A", funding={"total": "50万元"})
    assert not run(f).diagnostics  # default cap 1,000,000 元
    report = run(f, config=Config(rules={"F901": {"cap_yuan": 100000, "severity": "info"}}))
    [d] = report.diagnostics
    assert d.code == "F901" and d.severity == "info"
    assert d.args["cap"] == 100000 and d.evidence == {"年度资金总额": "50万元"}
    assert report.exit_code("error") == 0 and report.exit_code("info") == 1


def test_practice_rule_is_capped_at_warning_by_the_profile_unless_configured():
    f = form(name="会议经费")
    [d] = run(f, rules=(ALL[2],)).diagnostics
    assert d.severity == "warning"
    [d] = run(f, rules=(ALL[2],), config=Config(rules={"W901": {"severity": "error"}})).diagnostics
    assert d.severity == "error"


def test_select_ignore_prefixes_most_specific_wins():
    f = form(name="会议经费", indicators=[{"name": "次数"}], funding={"total": "500万元"})
    codes = lambda cfg: sorted({d.code for d in run(f, config=cfg).diagnostics})
    assert codes(Config(select=("F",))) == ["F901"]
    assert codes(Config(ignore=("S", "W"))) == ["F901"]
    assert codes(Config(select=("F", "S901"), ignore=("S",))) == ["F901", "S901"]
    assert codes(Config(select=("F",), extend_select=("W",))) == ["F901", "W901"]
    assert run(f, config=Config(select=("F",))).rules == ("F901",)


def test_unit_rule_compares_forms_of_one_unit_only():
    forms = [
        form("a.yaml", 0, name="p1", budget_unit="办公室", implementer="甲"),
        form("a.yaml", 1, name="p2", budget_unit="办公室", implementer="甲"),
        form("b.yaml", 0, name="p3", budget_unit="办 公室", implementer="乙"),
        form("b.yaml", 1, name="p4", budget_unit="财政局", implementer="丙"),
        form("b.yaml", 2, name="p5", implementer="丁"),
    ]
    report = run(*forms, rules=(ALL[4],))
    [d] = report.diagnostics
    assert (d.form.path, d.form.index) == ("b.yaml", 0)
    assert outcome(report, "a.yaml", 0, "C901") == "pass"
    assert outcome(report, "b.yaml", 0, "C901") == "fail"
    assert outcome(report, "b.yaml", 1, "C901") == "not_applicable"  # alone in its unit
    assert outcome(report, "b.yaml", 2, "C901") == "insufficient_data"  # no unit named


def test_a_unit_finding_without_its_form_is_the_rules_error_not_a_guess():
    from policy.api import Finding

    class Formless(ALL[4]):
        code = "C902"

        def check_unit(self, items, ctx):
            second = items[1][0]
            yield Finding("C901", {"other": "p1"}, location=second.location)

    forms = [form("a.xlsx", 0, name="p1", budget_unit="办公室", implementer="甲"),
             form("a.xlsx", 1, name="p2", budget_unit="办公室", implementer="乙")]
    report = run(*forms, rules=(Formless,))
    [d] = report.diagnostics
    assert (d.form.path, d.form.index) == ("a.xlsx", 0)  # kept, on the unit's first form
    [error] = report.errors
    assert error.code == "C902" and "C901" in error.error and "Finding.form" in error.error
    assert outcome(report, "a.xlsx", 0, "C902") == "error"
    assert report.exit_code() == 2


def test_load_issues_become_input_diagnostics():
    loc = Location("x.txt", 7, 3)
    doc = Document(
        "x.txt",
        forms=(form("x.txt", 0, name="A"),),
        issues=(LoadIssue("E101.cell", {"text": "?"}, loc),),
    )
    broken = Document("y.txt", error=LoadIssue("E002", {"error": "bad"}, Location("y.txt")))
    report = Engine(Config(), rules=ALL, today=TODAY).run([doc, broken])
    [d] = [d for d in report.diagnostics if d.code == "E101"]
    assert (d.category, d.source["kind"], d.line, d.column) == ("input", "loader", 7, 3)
    assert [f.path for f in report.failures] == ["y.txt"]
    assert report.files == 2 and report.exit_code() == 2
    assert not run(form(name="A"), config=Config(ignore=("E1",))).diagnostics


def test_suppressions_mark_expire_and_report_stale_entries():
    f = form(name="A", indicators=[{"name": "x"}, {"name": "y"}])
    entries = (
        Suppression(form="A", code="S9", reason="accepted in review", count=1),
        Suppression(form="B", code="S901", reason="gone"),
        Suppression(form="A", code="F901", reason="old", expires=dt.date(2025, 1, 1)),
    )
    report = run(f, config=Config(suppress=entries))
    suppressed = [d for d in report.diagnostics if d.suppressed]
    assert [d.suppressed for d in suppressed] == ["accepted in review"]
    assert len(report.active) == 1 and report.exit_code() == 1
    ids = sorted(n.message_id for n in report.notices)
    assert ids == ["core.suppress.expired", "core.suppress.unmatched"]
    both = Suppression(form="A", code="S901", reason="ok")
    assert run(f, config=Config(suppress=(both,))).exit_code() == 0


FORMS = [
    dict(name="会议经费", budget_unit="u", implementer="甲",
         indicators=[{"name": f"n{i}", "line": 10 + i} for i in range(4)], funding={"total": "300万元"}),
    dict(name="B", budget_unit="u", implementer="乙", indicators=[{"name": "x", "value": "1次"}]),
    dict(name="C", budget_unit="u", implementer="甲"),
]


@given(st.randoms(use_true_random=False))
def test_shuffling_forms_and_indicators_changes_no_finding(rnd: random.Random):
    def build(order, shuffle_rows):
        out = []
        for k in order:
            data = dict(FORMS[k])
            rows = list(data.get("indicators", []))
            if shuffle_rows:
                rnd.shuffle(rows)
            data["indicators"] = rows
            out.append(form(f"f{k}.yaml", 0, **data))
        return out

    base = run(*build([0, 1, 2], False))
    order = [0, 1, 2]
    rnd.shuffle(order)
    shuffled = run(*build(order, True))
    key = lambda r: sorted((d.path, d.line or 0, d.code, d.message_id, repr(d.args)) for d in r.diagnostics)
    assert key(base) == key(shuffled)
    assert [d.sort_key for d in shuffled.diagnostics] == sorted(d.sort_key for d in shuffled.diagnostics)
