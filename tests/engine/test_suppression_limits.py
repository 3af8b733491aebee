"""A suppression's two limits at their edges: it applies through its expiry date (not a day less),
and a baseline entry's ``count`` covers exactly that many findings, no more and no fewer."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.config import Config, ConfigError, Suppression, load_config
from checker.engine import Engine
from policy.forms.canonical import form_from_mapping
from engine.toyrules import ALL

EXPIRES = dt.date(2026, 6, 30)


def _form(findings: int):
    """A form on which the toy rule S901 finds ``findings`` indicators without a value."""
    return form_from_mapping({"name": "A", "indicators": [{"name": f"n{i}"} for i in range(findings)]})


def _run(entry: Suppression, findings: int = 1, today: dt.date = EXPIRES):
    return Engine(Config(suppress=(entry,)), rules=ALL[:1], today=today).check_forms([_form(findings)])


@pytest.mark.parametrize("today", [EXPIRES - dt.timedelta(days=1), EXPIRES])
def test_suppression_applies_through_its_expiry_date(today):
    report = _run(Suppression(form="A", code="S901", reason="accepted", expires=EXPIRES), today=today)
    assert [d.suppressed for d in report.diagnostics] == ["accepted"]
    assert not list(report.active)
    assert not report.notices


def test_suppression_lapses_the_day_after_its_expiry_date():
    report = _run(Suppression(form="A", code="S901", reason="accepted", expires=EXPIRES),
                  today=EXPIRES + dt.timedelta(days=1))
    assert [d.suppressed for d in report.diagnostics] == [None]
    [notice] = report.notices
    assert notice.message_id == "core.suppress.expired" and notice.args["expires"] == "2026-06-30"


@pytest.mark.parametrize("count,findings,suppressed,notice", [
    (2, 2, 2, None),                       # exactly as many findings as the count: all covered
    (2, 3, 2, None),                       # one more than the count: that one stays active
    (3, 2, 2, "core.suppress.partial"),    # fewer than the count: all covered, and said
    (1, 1, 1, None),
])
def test_baseline_count_covers_exactly_count_findings(count, findings, suppressed, notice):
    report = _run(Suppression(form="A", code="S901", reason="baseline", count=count), findings=findings)
    assert sum(1 for d in report.diagnostics if d.suppressed) == suppressed
    assert len(list(report.active)) == findings - suppressed
    assert [n.message_id for n in report.notices] == ([notice] if notice else [])
    if notice:
        assert (report.notices[0].args["count"], report.notices[0].args["found"]) == (count, findings)


@pytest.mark.parametrize("count,ok", [(0, False), (-1, False), (1, True), (2, True)])
def test_baseline_count_must_be_positive(tmp_path, count, ok):
    path = tmp_path / "jixiao.toml"
    path.write_text(f'[[suppress]]\nform = "A"\ncode = "S901"\nreason = "r"\ncount = {count}\n',
                    encoding="utf-8")
    if ok:
        [entry] = load_config(path).suppress
        assert entry.count == count
    else:
        with pytest.raises(ConfigError) as info:
            load_config(path)
        assert info.value.message_id == "core.config.bad-type"
        assert info.value.args_["key"] == "suppress[0].count"
