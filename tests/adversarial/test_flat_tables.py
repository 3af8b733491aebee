"""Issue 13 item 3: flat tables read every row, column group, sheet and block, or say why not."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes

HEAD = "单位名称,项目名称,预算数,一级指标,二级指标,三级指标,指标值\n"


def _csv(text: str):
    return load_bytes(text.encode("utf-8"), "x.csv")


def _ids(document) -> list[tuple[str, int | None]]:
    return [(i.message_id, i.location.line) for i in document.issues]


def test_row_wider_than_its_header_is_reported_not_shifted():
    document = _csv(HEAD + "甲局,项目甲,10,产出指标,数量指标,期数,12期\n"
                    ",,,产出指标,质量指标,合格率,≥95%,含1,000份\n"
                    ",,,效益指标,社会效益,满意度,≥90%\n")
    [form] = document.forms
    assert [i.name for i in form.indicators] == ["期数", "满意度"]
    assert ("E109", 3) in _ids(document)


def test_wide_row_that_opens_a_project_still_opens_it():
    document = _csv(HEAD + "甲局,项目甲,10,产出指标,数量指标,期数,12期\n"
                    "乙局,项目乙,5,产出指标,数量指标,期数,1,2期\n"
                    ",,,效益指标,社会效益,满意度,≥90%\n")
    assert [(f.name, [i.name for i in f.indicators]) for f in document.forms] == [
        ("项目甲", ["期数"]), ("项目乙", ["满意度"])]
    assert ("E109", 3) in _ids(document)


def test_repeated_indicator_column_group_is_read():
    document = _csv("项目名称,一级指标,二级指标,三级指标,指标值,三级指标,指标值\n"
                    "项目甲,产出指标,数量指标,期数,12期,份数,≥100份\n"
                    ",,质量指标,合格率,≥95%,,\n")
    [form] = document.forms
    assert [(i.level2_text, i.name, i.value_text) for i in form.indicators] == [
        ("数量指标", "期数", "12期"), ("数量指标", "份数", "≥100份"), ("质量指标", "合格率", "≥95%")]


def test_concatenated_exports_keep_each_blocks_unit():
    document = _csv("金额单位：万元\n" + HEAD + "甲局,项目甲,10,产出指标,数量指标,期数,12期\n"
                    "金额单位：元\n" + HEAD + "乙局,项目乙,5000,产出指标,数量指标,期数,4期\n")
    assert [(f.name, f.funding.total.yuan) for f in document.forms] == [
        ("项目甲", Decimal(100000)), ("项目乙", Decimal(5000))]
    assert all(f.name != "项目名称" for f in document.forms)


def test_same_name_filled_again_after_a_gap_is_another_form():
    document = _csv(HEAD + "甲局,办公经费,10,产出指标,数量指标,期数,12期\n"
                    ",,,效益指标,社会效益,满意度,≥90%\n"
                    "甲局,办公经费,20,产出指标,数量指标,次数,≥2次\n")
    assert [(f.name, f.funding.total.text, len(f.indicators)) for f in document.forms] == [
        ("办公经费", "10", 2), ("办公经费", "20", 1)]


def test_name_repeated_on_every_row_is_one_form():
    document = _csv(HEAD + "甲局,办公经费,10,产出指标,数量指标,期数,12期\n"
                    "甲局,办公经费,10,效益指标,社会效益,满意度,≥90%\n")
    assert [len(f.indicators) for f in document.forms] == [2]


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


ROWS = [["项目名称", "三级指标", "指标值"], ["项目甲", "期数", "12期"]]


def test_every_sheet_is_read_or_reported():
    late = [["说明"]] * 30 + ROWS
    spelled = [["项目", "三级指标", "指标值"], ["项目丙", "份数", "4份"]]
    notes = [["填表说明"], ["请按要求填写"]]
    document = load_bytes(_workbook({"一": ROWS, "二": late, "三": spelled, "说明": notes}), "w.xlsx")
    assert [f.name for f in document.forms] == ["项目甲", "项目甲", "项目丙"]
    [missing] = [i for i in document.issues if i.message_id == "E110"]
    assert missing.location.sheet == "说明" and missing.args["sheet"] == "说明"


@given(st.lists(st.sampled_from(["万元", "元", "千元"]), min_size=1, max_size=4))
def test_any_number_of_blocks_keeps_its_units(units):
    factor = {"万元": 10000, "元": 1, "千元": 1000}
    text = "".join(f"金额单位：{u}\n" + HEAD + f"局{n},项目{n},7,产出指标,数量指标,期数,1期\n"
                   for n, u in enumerate(units))
    document = _csv(text)
    assert [f.funding.total.yuan for f in document.forms] == [Decimal(7 * factor[u]) for u in units]


def test_cells_the_model_cannot_hold_are_said():
    document = _csv("项目名称,三级指标,指标值,,指标方向性\n"
                    "项目甲,期数,12期,备注一,正向\n"
                    ",,,,反向\n")
    [form] = document.forms
    assert [i.name for i in form.indicators] == ["期数"]
    assert form.indicators[0].extra == {"指标方向性": "正向"}
    unplaced = [(i.location.line, i.args["text"]) for i in form.issues if i.message_id == "E101"]
    assert unplaced == [(2, "备注一"), (3, "反向")]


def test_format_leaves_a_shifted_row_alone_and_rewrites_repeated_groups(tmp_path):
    from checker.fixer import plan_document
    from checker.loaders import load_path

    path = tmp_path / "t.csv"
    path.write_text("项目名称,三级指标,指标值,三级指标,指标值\n"
                    "项目甲,合格率,不低于95%,满意度,不低于90%\n"
                    ",完成率,不低于80%,多出,一列,不低于70%\n", encoding="utf-8")
    result = plan_document(load_path(str(path)))
    assert result.error is None
    assert result.data.decode("utf-8").splitlines()[1:] == [
        "项目甲,合格率,≥95%,满意度,≥90%",
        ",完成率,不低于80%,多出,一列,不低于70%",
    ]
