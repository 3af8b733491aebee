"""max_indicators_per_form at its edge, in each loader that counts rows: a form with exactly the
limit keeps every row and says nothing; one row more keeps the limit and reports E105 once."""

from __future__ import annotations

import json

import pytest

from checker.loaders import load_bytes
from checker.loaders.limits import Limits
from tests.rules.facw_forms import text_form

ROWS = [("产出指标", "数量指标", f"指标{i}", f"≥{i + 1}个") for i in range(6)]


def _text(n: int) -> bytes:
    return text_form(indicators=ROWS[:n]).encode("utf-8")


def _csv(n: int) -> bytes:
    lines = ["金额单位：元", "单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标值"]
    lines += [f"单位,项目,100,目标,{a},{b},{c},{d}" for a, b, c, d in ROWS[:n]]
    return "\n".join(lines).encode("utf-8")


def _json(n: int) -> bytes:
    rows = [dict(zip(("level1", "level2", "name", "value"), r)) for r in ROWS[:n]]
    return json.dumps({"name": "项目", "indicators": rows}, ensure_ascii=False).encode("utf-8")


FORMATS = [(_text, "forms.txt"), (_csv, "forms.csv"), (_json, "forms.json")]


def _e105(document) -> list:
    issues = list(document.issues) + [i for f in document.forms for i in f.issues]
    return [i for i in issues if i.message_id.startswith("E105")]


@pytest.mark.parametrize("build,path", FORMATS)
@pytest.mark.parametrize("limit", [1, 4])
def test_exactly_the_limit_is_kept_whole(build, path, limit):
    document = load_bytes(build(limit), path, Limits(max_indicators_per_form=limit))
    [form] = document.forms
    assert [i.name for i in form.indicators] == [r[2] for r in ROWS[:limit]]
    assert _e105(document) == []


@pytest.mark.parametrize("build,path", FORMATS)
@pytest.mark.parametrize("limit", [1, 4])
def test_one_row_over_the_limit_is_cut_and_reported(build, path, limit):
    document = load_bytes(build(limit + 1), path, Limits(max_indicators_per_form=limit))
    [form] = document.forms
    assert [i.name for i in form.indicators] == [r[2] for r in ROWS[:limit]]
    [issue] = _e105(document)
    assert issue.args["limit"] == limit
