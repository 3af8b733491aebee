"""Blank label slots above a repeated header in a table without rules (glyphs placed by hand, read
by the borderless reader, then recovered): the label above goes on, and where the next part
prints another label the rows are named (E114), since a label cut by the split and printed after
the header prints the same glyphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.pdf_text_table import Glyph, text_grids
from checker.loaders.recovery import recover

SIZE = 10.0
COLUMNS = (50.0, 110.0, 170.0, 230.0, 290.0, 350.0, 410.0)  # cells 60 wide
HEADER = ("一级指标", "二级指标", "三级指标", "指标值")
NAME = ("项目名称", "甲项目")


def _page(rows: list[tuple[str, ...]], number: int = 1, before=None, top: float = 50.0):
    """The grids of a page whose rows stand 25 apart from ``top``, and its table for the next."""
    glyphs = []
    for i, texts in enumerate(rows):
        for x, text in zip(COLUMNS, texts):
            glyphs += [Glyph(top + 25 * i, x + k * SIZE, x + (k + 1) * SIZE, SIZE, ch) for k, ch in enumerate(text)]
    grids, table, _ = text_grids(glyphs, "f.pdf", number, before, height=800.0)
    return grids, table


def _read(*pages):
    recovered = recover([g for grids in pages for g in grids], "f.pdf", DEFAULT_LIMITS)
    labels = [(i.level1_text, i.level2_text, i.name) for f in recovered.forms for i in f.indicators]
    return labels, [i for i in recovered.issues if i.message_id == "E114"]


def test_blank_labels_above_a_header_whose_next_part_prints_another_label_are_named():
    grids, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次"),
                      HEADER, ("效益指标", "社会效益", "覆盖率", "90%")])
    labels, named = _read(grids)
    assert labels == [("产出指标", "数量指标", "人数"), ("产出指标", "数量指标", "次数"),
                      ("效益指标", "社会效益", "覆盖率")]
    assert [(i.location.sheet, i.location.cell, i.args) for i in named] == [
        ("page 1 table 1", "R4C1", {"above": "产出指标 / 数量指标", "after": "效益指标 / 社会效益"})]


def test_the_rows_are_named_on_the_page_they_went_on_to():
    # The label's last row at the top of page 2, blank there, then the repeated header.
    first, table = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人")])
    second, _ = _page([("", "", "次数", "5次"), HEADER, ("效益指标", "数量指标", "覆盖率", "90%")], 2, table, top=40.0)
    labels, named = _read(first, second)
    assert [label[:2] for label in labels] == [("产出指标", "数量指标")] * 2 + [("效益指标", "数量指标")]
    assert [(i.location.sheet, i.location.cell, i.args) for i in named] == [
        ("page 2 table 1", "R1C1", {"above": "产出指标", "after": "效益指标"})]


def test_a_label_printed_on_the_parts_last_row_or_the_same_label_after_is_not_in_doubt():
    printed_last, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "天数", "3天"),
                             ("效益指标", "社会效益", "次数", "5次"), HEADER, ("满意度指标", "服务对象满意度", "满意度", "90%")])
    same_after, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次"),
                           HEADER, ("产出指标", "数量指标", "天数", "3天")])
    assert _read(printed_last)[1] == [] and _read(same_after)[1] == []


def test_a_level1_left_blank_under_the_header_shows_no_label_was_printed_after_the_split():
    # Its 一级 left blank under the header: the 一级 printed above goes on, so the split cut no
    # label printed after it (which would have left that 一级 blank above as well).
    grids, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次"),
                      HEADER, ("", "质量指标", "合格率", "100%")])
    labels, named = _read(grids)
    assert labels[1] == ("产出指标", "数量指标", "次数") and named == []


def test_a_level1_printed_above_and_again_after_shows_the_level2_was_not_cut():
    # A 二级 cut by the split and printed after the header would have cut its 一级 too (left
    # blank above): 产出指标 printed above and after, so 数量指标 went on to the header.
    grids, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次"),
                      HEADER, ("产出指标", "质量指标", "合格率", "100%")])
    labels, named = _read(grids)
    assert labels[1] == ("产出指标", "数量指标", "次数") and named == []
    # Another 一级 printed after: the 二级 may be the later one's.
    grids, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次"),
                      HEADER, ("效益指标", "质量指标", "合格率", "100%")])
    assert [i.args for i in _read(grids)[1]] == [{"above": "产出指标 / 数量指标", "after": "效益指标 / 质量指标"}]


def test_merged_cells_a_document_says_are_never_in_doubt():
    # The same rows as an HTML table: the merged cell says where its rows end.
    def row(*cells):
        return "<tr>" + "".join(cells) + "</tr>"

    head = row(*(f"<td>{t}</td>" for t in HEADER))
    page = ("<table>" + row("<td>项目名称</td>", "<td colspan=3>甲项目</td>") + head
            + row('<td rowspan="2">产出指标</td>', '<td rowspan="2">数量指标</td>', "<td>人数</td>", "<td>10人</td>")
            + row("<td>次数</td>", "<td>5次</td>") + head
            + row("<td>效益指标</td>", "<td>社会效益</td>", "<td>覆盖率</td>", "<td>90%</td>") + "</table>")
    document = load_bytes(f'<html><head><meta charset="utf-8"></head><body>{page}</body></html>'.encode(), "f.html")
    assert [i.level1_text for i in document.forms[0].indicators] == ["产出指标", "产出指标", "效益指标"]
    assert [i for i in document.issues if i.message_id == "E114"] == []


@given(blank=st.integers(1, 4), after=st.sampled_from([("效益指标", "社会效益"), ("产出指标", "数量指标"),
                                                      ("成本指标", "经济成本指标"), ("", "质量指标")]))
def test_blank_rows_read_as_the_label_above_named_only_when_another_is_printed_after(blank, after):
    rows = [NAME, HEADER, ("产出指标", "数量指标", "人数", "10人")]
    rows += [("", "", f"名{i}", f"{i}次") for i in range(blank)]
    rows += [HEADER, (*after, "覆盖率", "90%")]
    labels, named = _read(_page(rows)[0])
    assert labels[1:1 + blank] == [("产出指标", "数量指标", f"名{i}") for i in range(blank)]
    in_doubt = after[0] not in ("", "产出指标")
    assert [(i.location.cell, i.args["above"]) for i in named] == (
        [(f"R{3 + blank}C1", "产出指标 / 数量指标")] if in_doubt else [])


def test_a_level1_going_on_from_a_part_before_shows_nothing():
    # 产出指标 printed in the first part only: in the second its 一级 slots are blank, as a 一级
    # the next split cuts would leave them, so 数量指标's rows may be 质量指标's.
    grids, _ = _page([NAME, HEADER, ("产出指标", "时效指标", "时限", "1天"), HEADER,
                      ("", "数量指标", "人数", "10人"), ("", "", "次数", "5次"), HEADER, ("产出指标", "质量指标", "合格率", "100%")])
    labels, named = _read(grids)
    assert labels[2] == ("产出指标", "数量指标", "次数")
    assert [(i.location.cell, i.args) for i in named] == [("R6C2", {"above": "数量指标", "after": "质量指标"})]


def test_a_blank_block_waiting_for_its_label_ends_the_label_above():
    # Page 2's 一级 slot under a 二级 that never stands under 产出指标 waits for the label printed
    # after the header (filled back): no label went on there, so none is in doubt.
    first, table = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次")])
    second, _ = _page([("", "经济效益", "增收", "5万元"), HEADER, ("效益指标", "经济效益", "节支", "2万元")], 2, table,
                      top=40.0)
    labels, named = _read(first, second)
    assert [label[0] for label in labels] == ["产出指标", "产出指标", "效益指标", "效益指标"] and named == []


def test_each_label_is_named_once_over_both_level2_columns():
    header = ("一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值")
    grids, _ = _page([NAME, header, ("产出指标", "数量指标", "人数", "10人", "数量指标", "次数", "5次"),
                      ("", "", "天数", "3天", "", "户数", "4户"), header,
                      ("效益指标", "社会效益", "覆盖率", "90%", "社会效益", "知晓率", "80%")])
    assert [i.args for i in _read(grids)[1]] == [{"above": "产出指标 / 数量指标", "after": "效益指标 / 社会效益"}]
