"""A header field printed and left blank (项目名称, 预算单位, 实施单位) is read as blank, with the place
of its label, from every grid source, so S115 reports it; a field the reader did not see, or a
label whose value may stand on the next line, is never "blank"."""

from __future__ import annotations

import copy

import pytest

from checker.config import Config
from checker.engine import Engine
from checker.loaders import load_bytes
from bench.corpusgen.documents import to_docx, to_html, to_xlsx
from loaders.test_loader_grid_roundtrip import SAMPLE_FORM
from policy.registry import get_rule


def _s115(document) -> list:
    report = Engine(Config(), rules=[get_rule("S115")]).check_forms(document.forms)
    return [d for d in report.diagnostics if d.code == "S115"]


TEXT_HEAD = [
    "某市2023年部门预算项目支出绩效目标申报表",
    "项目名称\t乡村道路养护",
    "预算单位\t\t\t实施单位及责任人\t养护中心 张三",
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
    "\t产出指标\t数量指标\t养护里程\t50公里",
]


def test_a_text_label_followed_by_the_next_label_is_a_blank_field():
    document = load_bytes("\n".join(TEXT_HEAD).encode("utf-8"), "form.txt")
    form = document.forms[0]
    assert form.budget_unit is None
    assert (form.budget_unit_location.line, form.budget_unit_location.column) == (3, 1)
    assert form.implementer == "养护中心 张三"
    [finding] = _s115(document)
    assert finding.args["fields"] == "预算单位"
    assert (finding.line, finding.column) == (3, 1)


def test_a_text_label_ending_a_table_row_is_a_blank_field():
    lines = list(TEXT_HEAD)
    lines[2] = "预算单位\t某市交通运输局\t实施单位及责任人\t\t"
    document = load_bytes("\n".join(lines).encode("utf-8"), "form.txt")
    form = document.forms[0]
    assert form.implementer is None and form.implementer_location.line == 3
    assert [f.args["fields"] for f in _s115(document)] == ["实施单位"]


def test_a_text_label_alone_on_its_line_is_not_called_blank():
    # Excerpts print one cell per line: the value may follow on the next line.
    lines = list(TEXT_HEAD)
    lines[2:3] = ["预算单位", "某市交通运输局", "实施单位及责任人"]
    document = load_bytes("\n".join(lines).encode("utf-8"), "form.txt")
    assert document.forms[0].implementer_location is None
    assert _s115(document) == []


@pytest.mark.parametrize("suffix,writer", [("html", to_html), ("docx", to_docx), ("xlsx", to_xlsx)])
def test_a_document_cell_left_empty_is_a_blank_field(suffix, writer):
    drawn = copy.deepcopy(SAMPLE_FORM)
    drawn["budget_unit"] = drawn["implementer"] = ""
    document = load_bytes(writer([drawn], lambda options: list(options)[0]), f"form.{suffix}")
    form = document.forms[0]
    assert form.budget_unit is None and form.implementer is None
    assert form.budget_unit_location is not None and form.implementer_location is not None
    [finding] = _s115(document)
    assert finding.args["fields"] == "预算单位、实施单位"
    where = form.budget_unit_location
    assert (finding.line, finding.place) == (where.line, f"{where.sheet}!{where.cell}")
