"""T107 counts an actual that only stands in for one (a dash, a slash, XX) as missing, and only
such an actual: a word or a zero is what was achieved."""

from __future__ import annotations

import pytest

from policy.authoring.examples import evaluation_form, indicator_of
from policy.registry import get_rule
from policy.testing import run_rule


def _t107(actual):
    mapping = evaluation_form()
    indicator_of(mapping, "验收合格率")["actual"] = actual
    findings, stopped = run_rule(get_rule("T107"), mapping)
    assert stopped is None
    return findings


@pytest.mark.parametrize("actual", ["—", "/", "XX", "--", "**", "——"])
def test_a_placeholder_actual_is_reported_with_what_it_holds(actual):
    [finding] = _t107(actual)
    assert finding.message_id == "T107.placeholder"
    assert finding.args["actual"] == actual and finding.args["name"] == "验收合格率"
    assert finding.evidence == {"年度指标值": "100%", "实际完成值": actual}
    assert finding.indicator.name == "验收合格率"


@pytest.mark.parametrize("actual", ["无", "0", "0%", "未完成", "100%"])
def test_an_actual_with_content_is_not_reported(actual):
    assert _t107(actual) == []


def test_a_heading_row_without_a_target_does_not_end_the_check():
    # A ★ item scored over the rows under it prints no 指标值: skipped, and the rows after it
    # are still checked.
    mapping = evaluation_form()
    heading = dict(mapping["indicators"][0], name="★重点养护任务", target=None, actual=None, score=None)
    mapping["indicators"].insert(0, heading)
    indicator_of(mapping, "验收合格率")["actual"] = None
    findings, stopped = run_rule(get_rule("T107"), mapping)
    assert stopped is None
    assert [(f.message_id, f.args["name"]) for f in findings] == [("T107", "验收合格率")]
