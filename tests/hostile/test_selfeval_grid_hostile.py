"""Hostile grids for the self-evaluation reading: the labels of a 绩效自评表 (项目资金 headers,
预期目标 | 实际完成情况, 总分, "(50分)" labels, 专项资金名称) shuffled among numbers, junk and
spans in any order never crash recovery, and every form it gives is a valid form of one kind."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.limits import Limits
from checker.loaders.recovery import document_from_grids
from policy.forms.canonical import form_to_mapping
from policy.forms.model import FORM_KINDS

WORDS = ("项目名称", "专项资金名称", "转移支付(项目)名称", "主管部门", "实施单位", "项目负责人及电话",
         "项目资金（万元）", "资金情况(万元)", "年初预算数", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
         "分值", "得分", "年度资金总额", "其中：财政拨款", "其他资金", "年度总体目标", "总体目标",
         "预期目标", "实际完成情况", "全年实际完成情况", "绩效指标", "一级指标", "二级指标", "三级指标",
         "年度指标值", "实际完成值", "偏差原因分析及改进措施", "产出指标（50分）", "效益指标(30分)",
         "数量指标", "总分", "合计", "项目支出绩效自评表", "(2023年度)", "单位：万元", "50", "48.2",
         "96.4%", "/", "——", "≥95%", "93%", "", "执行资金48.2万元", "(", "分）", "1e999", "-0")


@st.composite
def grids(draw):
    width = draw(st.integers(1, 9))
    height = draw(st.integers(1, 14))
    cells, taken = [], set()
    for r in range(height):
        for c in range(width):
            if (r, c) in taken or draw(st.integers(0, 5)) == 0:
                continue
            rowspan = draw(st.sampled_from((1, 1, 1, 2, 3)))
            colspan = draw(st.sampled_from((1, 1, 1, 2, 4)))
            rowspan = max(1, min(rowspan, height - r))
            colspan = max(1, min(colspan, width - c))
            if any((r + i, c + j) in taken for i in range(rowspan) for j in range(colspan)):
                rowspan = colspan = 1
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            cells.append(GridCell(draw(st.sampled_from(WORDS)), r, c, table_place("f.html", "table 1", r, c),
                                  rowspan, colspan))
    return Grid("table 1", tuple(cells))


@given(st.lists(grids(), min_size=1, max_size=3))
def test_any_grid_of_self_evaluation_labels_loads_cleanly(tables):
    document = document_from_grids(tables, "f.html", "html", Limits())
    for form in document.forms:
        assert form.kind in FORM_KINDS
        form_to_mapping(form)  # dump never fails on what was read
