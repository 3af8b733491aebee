"""Issue 13 item 5 (workbooks): cells read as Excel shows them, or reported."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from checker.loaders import load_bytes
from checker.loaders.xlsx import _scales_by_100

HEADER = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值及单位"]


def _book(value, number_format: str | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["单位", "项目甲", 1000, "目标", "满意度指标", "服务对象满意度", "满意度", value])
    if number_format is not None:
        sheet["H2"].number_format = number_format
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("fmt", "value", "shown"),
    [("0%", 0.95, "95%"), ("0.0%", 0.955, "95.5%"), ('0"%"', 95, "95%"), ("0\\%", 95, "95%"),
     ('0.00"%"', 95.5, "95.5%")],
)
def test_percent_sign_scales_only_when_it_is_the_percent_code(fmt, value, shown):
    document = load_bytes(_book(value, fmt), "p.xlsx")
    assert document.forms[0].indicators[0].value_text == shown


@pytest.mark.parametrize(("fmt", "scales"), [("0%", True), ('0"%"', False), ("0\\%", False),
                                             ("[$%-804]0", False), ('0%;"-"', True)])
def test_scales_by_100(fmt, scales):
    assert _scales_by_100(fmt) is scales


def test_formula_without_saved_result_is_reported_not_blank():
    document = load_bytes(_book("=90+5"), "f.xlsx")
    issues = [i for i in document.issues if i.message_id == "E108"]
    assert [(i.location.sheet, i.location.cell) for i in issues] == [("Sheet", "H2")]


def _with_saved_result(data: bytes, result: bytes) -> bytes:
    """The workbook as a spreadsheet program saves it: the formula keeps its computed result."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes the empty result as <v /> or <v/> (with lxml) or <v></v>
                body, n = re.subn(rb"<v ?/>|<v></v>", b"<v>" + result + b"</v>", body)
                assert n == 1
            zout.writestr(info, body)
    return out.getvalue()


def test_formula_with_saved_result_reads_its_result():
    document = load_bytes(_with_saved_result(_book("=90+5"), b"95"), "g.xlsx")
    assert not [i for i in document.issues if i.message_id == "E108"]
    assert document.forms[0].indicators[0].value_text == "95"
