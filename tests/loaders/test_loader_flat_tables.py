"""Flat tables (CSV and XLSX) written in the test from canonical forms, in the Sichuan export
layout and its variants, read back by the loader and compared with the forms they came from."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes
from policy.forms.canonical import form_from_mapping, form_to_mapping
from checker.loaders.flat_table import join_value

# (operator cell, number cell, unit cell) and the one value text they mean.
SPLIT_VALUES = (
    (("≥", "99", "%"), "≥99%"),
    (("≤", "15", "万元"), "≤15万元"),
    (("＝", "12", "期"), "＝12期"),
    (("≥", "35000", "次/天"), "≥35000次/天"),
    (("定性", "持续提升", ""), "持续提升"),
    (("定性", "优", ""), "优"),
    (("≤", "1", "小时"), "≤1小时"),
)
LAYOUTS = {
    "sichuan": ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标",
                "指标性质", "指标值", "度量单位", "权重", "指标方向性"],
    "hunan": ["预算单位", "项目名称", "预算金额", "年度绩效目标", "一级指标", "二级指标", "三级指标",
              "指标值类型", "指标值", "计量单位"],
    "combined": ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标",
                 "指标值及单位"],
}
PAIRS = (("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益"),
         ("满意度指标", "服务对象满意度"), ("成本指标", "经济成本指标"))


@st.composite
def projects(draw):
    rows = []
    for level1, level2 in sorted(draw(st.lists(st.sampled_from(PAIRS), min_size=1, max_size=4, unique=True)),
                                 key=PAIRS.index):
        for _ in range(draw(st.integers(1, 3))):
            split, text = draw(st.sampled_from(SPLIT_VALUES))
            rows.append({"level1": level1, "level2": level2,
                         "name": draw(st.sampled_from(["处置及时率", "政务访谈期数", "社会认可度", "群众满意度"])),
                         "split": split, "value": text,
                         "weight": draw(st.sampled_from([None, "10", "20"]))})
    return {
        "name": draw(st.sampled_from(["市政府总值班室经费", "政务访谈经费", "应急指挥中心经费"])),
        "budget_unit": "巴中市人民政府办公室",
        "total": draw(st.integers(1, 5000)),
        "annual": draw(st.sampled_from(["全天24小时值守", "每月举办一期《政务访谈》"])),
        "rows": rows,
    }


def _table(projects_: list[dict], layout: str, unit: str, fill_down: bool) -> list[list]:
    header = LAYOUTS[layout]
    out: list[list] = [[f"金额单位：{unit}"], [], header]
    for p in projects_:
        for i, r in enumerate(p["rows"]):
            first = i == 0 or fill_down
            op, number, unit_cell = r["split"]
            if layout == "hunan" and op != "定性":
                op = "定量" if op == "＝" else op
            cells = {
                "单位名称": p["budget_unit"] if first else "", "预算单位": p["budget_unit"] if first else "",
                "项目名称": p["name"] if first else "",
                "预算数": str(p["total"]) if first else "", "预算金额": str(p["total"]) if first else "",
                "年度目标": p["annual"] if first else "", "年度绩效目标": p["annual"] if first else "",
                "一级指标": r["level1"], "二级指标": r["level2"], "三级指标": r["name"],
                "指标性质": op, "指标值类型": op, "指标值": number, "度量单位": unit_cell, "计量单位": unit_cell,
                "指标值及单位": r["value"], "权重": r["weight"] or "", "指标方向性": "正向",
            }
            out.append([cells[h] for h in header])
    return out


def _expected(projects_: list[dict], layout: str, unit: str) -> list[dict]:
    factor = Decimal(10000) if unit == "万元" else Decimal(1)
    forms = []
    for p in projects_:
        indicators = []
        for r in p["rows"]:
            value = r["value"]
            if layout == "hunan" and r["split"][0] == "＝":
                value = value[1:]  # 定量 carries no operator: the number and unit alone
            row = {"level1": r["level1"], "level2": r["level2"], "name": r["name"], "value": value}
            if layout == "sichuan":
                if r["weight"]:
                    row["weight"] = r["weight"]
                row["extra"] = {"指标方向性": "正向"}
            indicators.append(row)
        forms.append({
            "name": p["name"], "budget_unit": p["budget_unit"],
            "funding": {"total": str(p["total"] * factor)},
            "goals": {"annual": p["annual"]},
            "declared_amount_unit": unit,
            "indicators": indicators,
        })
    return forms


def _comparable(mapping: dict) -> dict:
    out = {k: v for k, v in mapping.items() if k not in ("path", "line", "sheet")}
    out["indicators"] = [{k: v for k, v in r.items() if k not in ("line", "column", "sheet", "cell")}
                         for r in mapping["indicators"]]
    return out


def _csv_bytes(table: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(table)
    return buf.getvalue().encode("utf-8")


def _xlsx_bytes(table: list[list], merge: bool) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效目标"
    for row in table:
        sheet.append([c if c != "" else None for c in row])
    if merge:  # project cells merged down over each project's rows, as exported workbooks do
        start = None
        for r in range(4, len(table) + 2):
            value = sheet.cell(r, 2).value if r <= len(table) else "end"
            if value is not None and start is not None and r - 1 > start:
                for col in (1, 2, 3, 4):
                    sheet.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
            if value is not None:
                start = r
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@given(
    st.lists(projects(), min_size=1, max_size=3, unique_by=lambda p: p["name"]),
    st.sampled_from(sorted(LAYOUTS)),
    st.sampled_from(["元", "万元"]),
    st.booleans(),
    st.sampled_from(["csv", "xlsx"]),
)
def test_flat_table_reads_back_the_forms_it_was_written_from(projects_, layout, unit, fill_down, fmt):
    table = _table(projects_, layout, unit, fill_down)
    data = _csv_bytes(table) if fmt == "csv" else _xlsx_bytes(table, merge=not fill_down)
    document = load_bytes(data, f"export.{fmt}")
    assert document.error is None, document.error
    assert document.format == fmt
    got = [_comparable(form_to_mapping(f)) for f in document.forms]
    want = [_comparable(form_to_mapping(form_from_mapping(m, index=i)))
            for i, m in enumerate(_expected(projects_, layout, unit))]
    assert got == want
    assert list(document.issues) == [] and [i for f in document.forms for i in f.issues] == []


def test_xlsx_locations_name_sheet_and_cell():
    table = [["金额单位：元"], LAYOUTS["sichuan"],
             ["单位", "项目甲", "1000", "目标", "产出指标", "数量指标", "期数", "≥", "12", "期", "", ""]]
    document = load_bytes(_xlsx_bytes(table, merge=False), "a.xlsx")
    indicator = document.forms[0].indicators[0]
    assert (indicator.location.sheet, indicator.location.cell, indicator.location.line) == ("绩效目标", "G3", 3)
    assert indicator.value_location.cell == "I3"
    assert indicator.value_text == "≥12期"


def test_percent_formatted_number_cell_is_read_as_shown():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(LAYOUTS["combined"])
    sheet.append(["单位", "项目甲", 1000, "目标", "满意度指标", "服务对象满意度", "满意度", 0.95])
    sheet["H2"].number_format = "0%"
    buf = io.BytesIO()
    book.save(buf)
    document = load_bytes(buf.getvalue(), "p.xlsx")
    assert document.forms[0].indicators[0].value_text == "95%"
    assert document.forms[0].funding.total.yuan == Decimal(1000)


@pytest.mark.parametrize(
    "op,number,unit,expected",
    [("≥", "95", "%", "≥95%"), ("定性", "优良", "", "优良"), ("定量", "100", "%", "100%"),
     ("≥", "≥95", "%", "≥95%"), ("≥", "95%", "%", "≥95%"), ("≧", "", "%", "≧%"), ("", "", "", None),
     ("大于等于", "90", "%", "大于等于90%")],
)
def test_join_value(op, number, unit, expected):
    assert join_value(op, number, unit) == expected


def test_csv_without_header_is_a_file_error():
    document = load_bytes(b"a,b,c\n1,2,3\n", "x.csv")
    assert document.error is not None and document.error.message_id == "E011"


def test_indicator_row_before_any_project_is_reported():
    text = "单位名称,项目名称,三级指标,指标值\n单位,,孤立指标,≥1个\n单位,项目甲,期数,12期\n"
    document = load_bytes(text.encode(), "x.csv")
    assert [f.name for f in document.forms] == ["项目甲"]
    assert [(i.message_id, i.location.line) for i in document.issues] == [("E106", 2)]


def test_same_project_name_in_two_units_is_two_forms():
    text = ("单位名称,项目名称,三级指标,指标值\n"
            "甲局,办公经费,期数,12期\n,,次数,≥2次\n乙局,办公经费,期数,4期\n")
    document = load_bytes(text.encode(), "x.csv")
    assert [(f.budget_unit, f.name, len(f.indicators)) for f in document.forms] == [
        ("甲局", "办公经费", 2), ("乙局", "办公经费", 1)]
