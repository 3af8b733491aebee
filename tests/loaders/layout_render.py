"""Render canonical forms in the extracted-text layout with the damage the seed shows.

Used by the property test: a form drawn by Hypothesis is printed the way document extraction
prints the seed — the 一级 label in column 0 or 1, 二级 labels repeated in the left and right
column groups or given once, the annual cells drifting right by one or two columns, blank cells
between name and value, labels split by a space — and the loader must read the same form back.
The renderer only chooses among drifts the seed itself shows (see the corpus README); ``pick``
is the caller's chooser (Hypothesis ``data.draw`` in the property).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import zip_longest
from typing import Any

Pick = Callable[[Sequence[Any]], Any]

TITLE = "巴中市2022年市级部门预算项目支出绩效目标批复表"
HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值（含数字及文字描述）",
          "二级指标", "三级指标", "指标值（含数字及文字描述）"]
KIND_OPTIONS = ("新增项目", "延续项目")
TERM_OPTIONS = ("一次性", "经常性")
BASIS_OPTIONS = ("法律法规", "市委市政府决定", "上级文件要求", "市委市政府领导指示", "其他")
SOURCE_LABELS = {
    "合计": ("合计",),
    "一般公共预算收入": ("1.一般公共预算收入", "1.一般公共预算 收入"),
    "政府性基金预算收入": ("2.政府性基金预算收入", "2.政府性基金 预算收入"),
    "国有资本经营预算收入": ("3.国有资本经营预算收入", "3.国有资本经营预 算收入"),
    "社会保险基金收入": ("4.社会保险基金收入",),
    "其他收入": ("5.其他收入", "5.其他 收入"),
}
# Printed spellings of each canonical 二级 the seed and the published forms show.
LEVEL2_SPELLINGS = {
    "数量指标": ("数量指标", "数量"),
    "质量指标": ("质量指标",),
    "时效指标": ("时效指标",),
    "成本指标": ("成本指标",),
    "经济效益": ("经济效益", "经济效益指标", "经济效益 指标"),
    "社会效益": ("社会效益", "社会效益指标"),
    "生态效益": ("生态效益",),
    "可持续影响": ("可持续影响", "可持续影响指标"),
    "服务对象满意度": ("服务对象满意度", "服务对象 满意度"),
}
EMPTY_LEVEL2 = {"产出指标": "时效指标", "效益指标": "生态效益", "满意度指标": "服务对象满意度"}
AMBIGUOUS = {"成本指标", "满意度指标"}  # a 一级 and a 二级 spelling at once


def _box(options: Sequence[str], checked: Sequence[str]) -> str:
    parts = []
    for option in options:
        tick = '<input checked="" type="checkbox"/>' if option in checked else '<input type="checkbox"/>'
        parts.append(f"{tick} {option}")
    return " ".join(parts)


def _wan(yuan: str | None) -> str:
    if yuan is None:
        return " 万元"
    return format((Decimal(yuan) / 10000).normalize(), "f") + "万元"


def _row(cells: dict[int, str], width: int) -> str:
    out = [""] * max(width, max(cells) + 1 if cells else 0)
    for col, text in cells.items():
        out[col] = text
    return "\t".join(out)


def render_form(form: dict, pick: Pick) -> list[str]:
    """Lines of one form (the canonical mapping ``form``) in the seed's layout."""
    width = pick([8, 9, 11])
    gap = pick([0, 1])  # the seed's 实施单位/项目期限 columns sit at 3 or 4
    f = form["funding"]
    lines = ["", TITLE, ""]
    lines.append(_row({0: "项目名称", 1: form["name"]}, width))
    lines.append(_row({0: "预算单位", 1: form["budget_unit"], 3 + gap: "实施单位及责任人",
                       5 + gap: form["implementer"]}, width))
    kind = "新增项目" if form["attributes"]["kind"] == "新增" else "延续项目"
    lines.append(_row({0: "项目属性", 1: _box(KIND_OPTIONS, [kind]), 3 + gap: "项目期限",
                       5 + gap: _box(TERM_OPTIONS, [form["attributes"]["term"]])}, width))
    lines.append(_row({0: "立项依据", 1: _box(BASIS_OPTIONS, form["attributes"]["basis"])}, width))
    sep = pick(["： ", "：", " "])
    lines.append(_row({0: "项目资金", 1: "中长期资金总额： 万元", 3: f"年度资金总额{sep}{_wan(f['total'])}",
                       5: "年度资金中：政府采购 万元（政府购买服务 万 元）"}, width))
    lines.append(_row({1: "其中：财政拨款 万元", 3: f"其中：财政拨款{pick(['', ' '])}{_wan(f['fiscal'])}"}, width))
    lines.append(_row({1: "其他资金 万元", 3: f"其他资金 {_wan(f['other']).strip()}"}, width))
    lines.append(_row({1: f"延续项目以前年度预算安排{sep}{_wan(f['previous_years'])}"}, width))
    header = {0: "项目资金"}
    amounts = {0: "来源"}
    for col, (key, spellings) in enumerate(SOURCE_LABELS.items(), 1):
        header[col] = pick(spellings)
        if f["sources"].get(key) is not None:
            amounts[col] = _wan(f["sources"][key])
    lines.append(_row(header, width))
    lines.append(_row(amounts, width))
    goal_col = 4 + gap
    lines.append(_row({0: "总体目标", 1: form["goals"]["long_term_label"], goal_col: "年度目标"}, width))
    lines.append(_row({goal_col: form["goals"]["annual"]}, width))
    lines.extend(_render_table(form["indicators"], pick, width))
    return lines


def _render_table(indicators: list[dict], pick: Pick, width: int) -> list[str]:
    shift = pick([0, 0, 1])  # seed form 7: the first 一级 label inside the header row
    sections: list[tuple[str, list[tuple[str, list[dict]]]]] = []
    for ind in indicators:
        if not sections or sections[-1][0] != ind["level1"]:
            sections.append((ind["level1"], []))
        groups = sections[-1][1]
        if not groups or groups[-1][0] != ind["level2"]:
            groups.append((ind["level2"], []))
        if ind.get("name") is not None or ind.get("value") is not None:
            groups[-1][1].append(ind)
    header = list(HEADER)
    in_header = shift == 1 and sections and sections[0][0] not in AMBIGUOUS
    if in_header:
        header = [HEADER[0], sections[0][0]] + HEADER[1:]
    else:
        shift = 0
    lines = [_row(dict(enumerate(header)), width)]
    boundary = 5 + shift
    for s_index, (level1, groups) in enumerate(sections):
        level1_pending = not (in_header and s_index == 0)
        for level2, rows in groups:
            spelled = pick(LEVEL2_SPELLINGS[level2])
            cells: dict[int, str] = {}
            if level1_pending:
                cells[pick([0, 1 + shift])] = level1
                level1_pending = False
            has_level1 = bool(cells)
            long_term = [r for r in rows if r.get("period") == "long_term"]
            annual = [r for r in rows if r.get("period") != "long_term"]
            style = pick(["both", "right", "low"])
            if style == "low" and (has_level1 and 0 not in cells or level2 in AMBIGUOUS and not has_level1):
                style = "both"
            if long_term:  # the 中长期 group is filled: its 二级 label stands in its own column
                style = "both"
            if style == "both":
                cells[2 + shift] = spelled
                right = pick([boundary, boundary + 1])
            elif style == "right":
                right = pick([boundary, boundary + 1])
            else:  # the seed's rows 54/55: labels pushed left, the right 二级 in column 4 or 5
                cells[1 if has_level1 else 0] = spelled
                right = pick([boundary - 1, boundary])
            cells[right] = spelled
            pairs = list(zip_longest(long_term, annual))
            if pairs and pick([True, True, False]):
                left_row, right_row = pairs.pop(0)
                if left_row is not None:
                    _place(cells, left_row, 3 + shift, pick, spread=False)
                if right_row is not None:
                    _place(cells, right_row, right + 1, pick)
            lines.append(_row(cells, width))
            for left_row, right_row in pairs:
                cells = {}
                if left_row is not None:  # the 中长期 columns do not drift in the seed's layout
                    _place(cells, left_row, 3 + shift, pick, spread=False)
                if right_row is not None:
                    _place(cells, right_row, pick([boundary, boundary + 1, boundary + 2]), pick)
                lines.append(_row(cells, width))
        empty = EMPTY_LEVEL2.get(level1)
        if empty and pick([False, True]):  # the seed lists empty 二级 rows (经济效益 with nothing)
            lines.append(_row({2 + shift: empty, pick([boundary, boundary + 1]): empty}, width))
    return lines


def _place(cells: dict[int, str], ind: dict, start: int, pick: Pick, spread: bool = True) -> None:
    name, value = ind.get("name"), ind.get("value")
    if name is not None and value is not None:
        cells[start] = name
        cells[start + (pick([1, 1, 2]) if spread else 1)] = value
    elif name is not None:
        cells[start] = name
    else:
        cells[start + pick([0, 1])] = value


def render_file(forms: list[dict], pick: Pick, newline: str = "\n") -> str:
    lines: list[str] = []
    for form in forms:
        lines.extend(render_form(form, pick))
    return newline.join(lines) + newline
