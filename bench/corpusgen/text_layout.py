"""The extracted-text layout of the seed corpus: one table row per line, cells split by TAB.

What the seed shows and this writer reproduces: checkbox HTML before each option's label; the
long-term and annual 二级 labels repeated in two columns; two table widths (the annual columns
start at column 6 or at column 5); rows whose cells drift left (leading empty cells lost) or
right by a column; labels split by a space ("服务对象 满意度"); long cells cut off; empty
template rows (经济效益, 生态效益 …) kept; trailing TABs padding every row to the table width.
"""

from __future__ import annotations

import random
from typing import TextIO

from bench.corpusgen.spec import (
    BASIS_OPTIONS,
    KIND_OPTIONS,
    TERM_OPTIONS,
    GenForm,
    GenIndicator,
)
from bench.corpusgen.values import amount_text

SOURCE_HEADERS = (
    ("1.一般公共预算收入", "1.一般公共预算 收入"),
    ("2.政府性基金预算收入", "2.政府性基金 预算收入"),
    ("3.国有资本经营预算收入", "3.国有资本经营预 算收入"),
    ("4.社会保险基金收入", "4.社会保险基金收入"),
    ("5.其他收入", "5.其他 收入"),
)
SOURCE_KEYS = ("一般公共预算收入", "政府性基金预算收入", "国有资本经营预算收入", "社会保险基金收入", "其他收入")


def _boxes(options: tuple[str, ...], checked: tuple[str, ...]) -> str:
    return " ".join(
        f'<input checked="" type="checkbox"/> {o}' if o in checked else f'<input type="checkbox"/> {o}'
        for o in options
    )


class TextLayoutWriter:
    """Writes forms in the seed's layout. Layout noise is drawn from its own seeded random source
    so the same corpus seed always gives the same bytes."""

    def __init__(self, seed: int = 0, drift: float = 0.12) -> None:
        self.rng = random.Random(seed ^ 0x7E47)
        self.drift = drift

    def write(self, form: GenForm, out: TextIO, first: bool) -> None:
        out.write("\n".join(self.lines(form, first)))
        out.write("\n")

    def lines(self, form: GenForm, first: bool) -> list[str]:
        rng = self.rng
        wide = rng.random() < 0.5
        width = 9 if wide else 8
        sp = rng.choice((" ", ""))
        rows: list[list[str]] = []

        def row(*cells: str) -> None:
            rows.append(list(cells))

        row("项目名称", form.name)
        gap = ("", "") if wide else ("",)
        row("预算单位", form.budget_unit, *gap, "实施单位及责任人", "", form.implementer)
        row("项目属性", _boxes(KIND_OPTIONS, form.kind_checked), *gap, "项目期限", "",
            _boxes(TERM_OPTIONS, form.term_checked))
        row("立项依据", _boxes(BASIS_OPTIONS, form.basis_checked))
        wan = rng.choice((" 万元", " 万 元"))
        row("项目资金", "中长期资金总额： 万元", "", f"年度资金总额：{sp}{amount_text(form.total)}万元", "",
            f"年度资金中：政府采购 万元（政府购买服务{wan}）")
        row("", "其中：财政拨款 万元", "", f"其中：财政拨款{sp}{amount_text(form.fiscal)}万元")
        other = f"{amount_text(form.other)}万元" if form.other is not None else " 万元"
        row("", "其他资金 万元", "", f"其他资金 {other}".replace("  ", " "))
        prev = f"{sp}{amount_text(form.previous_years)}万元" if form.previous_years is not None else " 万元"
        row("", f"延续项目以前年度预算安排：{prev}")
        split = rng.random() < 0.5
        row("项目资金", "合计", *(h[1] if split else h[0] for h in SOURCE_HEADERS))
        row("来源", f"{amount_text(form.sources['合计'])}万元",
            *(f"{amount_text(form.sources[k])}万元" if k in form.sources else "" for k in SOURCE_KEYS))
        goal_col = 5 if wide else 4
        lt = [""] * goal_col
        lt[0], lt[1] = "总体目标", form.long_term_label
        row(*lt, "年度目标")
        row(*([""] * goal_col), self._cut(form.annual_goal, 90))
        row("绩效指标", "一级指标", "二级指标", "三级指标", "指标值（含数字及文字描述）", "二级指标", "三级指标",
            "指标值（含数字及文字描述）")
        split_label = rng.random() < 0.1
        for level1, level2, first_of_l1, inds in self._groups(form):
            shown2 = level2
            if split_label and level2.startswith("服务对象"):
                shown2 = level2.replace("服务对象", "服务对象 ")
            lead = ["", level1 if first_of_l1 else "", shown2, "", ""] + ([""] if wide else [])
            if not inds:
                rows.append(self._drift(lead + [shown2, "", ""], width))
            for i, ind in enumerate(inds):
                name = ind.name or ""
                value = self._cut(ind.value.text, 22) if ind.value is not None else ""
                if i == 0:
                    rows.append(self._drift(lead + [shown2, name, value], width))
                else:  # the seed drifts continuation rows by one column at most
                    rows.append(self._drift([""] * (len(lead) + 1) + [name, value], width, most=1))
        head = ["", ""] if first else [""]
        return head + [form.title, ""] + ["\t".join(self._pad(r, width)) for r in rows]

    def _groups(self, form: GenForm):
        """(一级, 二级, first row of its 一级?, indicators) in the template's order; a row filed
        under an unexpected 一级 (a defect) is printed after the last group of that 一级."""
        groups: list[tuple[str, str, list[GenIndicator]]] = [(l1, l2, []) for l1, l2 in form.template_rows]
        index = {(l1, l2): g for l1, l2, g in groups}
        for ind in form.indicators:
            key = (ind.level1, ind.level2)
            if key not in index:
                at = max((n for n, g in enumerate(groups) if g[0] == ind.level1), default=len(groups) - 1)
                groups.insert(at + 1, (ind.level1, ind.level2, []))
                index[key] = groups[at + 1][2]
            index[key].append(ind)
        seen: set[str] = set()
        out = []
        for l1, l2, inds in groups:
            out.append((l1, l2, l1 not in seen, inds))
            seen.add(l1)
        return out

    def _drift(self, cells: list[str], width: int, most: int = 2) -> list[str]:
        if self.rng.random() >= self.drift:
            return cells
        if self.rng.random() < 0.8:
            k = min(most, self.rng.choice((1, 1, 2)))
            if all(c == "" for c in cells[:k]):
                return cells[k:]
            return cells
        if cells[1] == "":  # the seed shifts rows right only where no 一级 label stands
            return [""] + cells
        return cells

    def _cut(self, text: str, limit: int) -> str:
        if len(text) > limit and self.rng.random() < 0.5:
            return text[:limit]
        return text

    @staticmethod
    def _pad(cells: list[str], width: int) -> list[str]:
        return cells + [""] * (width - len(cells))
