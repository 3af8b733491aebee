"""A generated 绩效自评表 in the extracted-text layout: the lines a document extractor prints of its
tables, each cell after as many TABs as its column (the layout the text loader reads, see
docs/canonical-format.md): the head, the 项目资金 block with every row, 预期目标 | 实际完成情况, the
indicator table with its 实际完成值 | 分值 | 得分 | 偏差原因 columns and the 总分 row. Written from
the canonical mapping, so the text and the YAML of one form read back the same."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from bench.corpusgen.self_evaluation import to_mapping
from bench.corpusgen.self_evaluation_layout import EXECUTION_HEADER, INDICATOR_HEADER
from bench.corpusgen.spec import GenForm


def _line(cells) -> str:
    texts = ["" if c is None else str(c) for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return "\t".join(texts)


def self_evaluation_lines(form: GenForm) -> Iterator[str]:
    m = to_mapping(form)
    yield m["title"]
    yield _line(["项目名称", m["name"]])
    yield _line(["主管部门", m["budget_unit"], "", "", "实施单位", m["implementer"]])
    yield _line(["项目资金（万元）", "", *EXECUTION_HEADER])
    for e in m["execution"]:
        yield _line(["", e["row"], *(e.get(k) for k in ("initial", "budget", "spent", "weight", "rate", "score"))])
    yield _line(["年度总体目标", "预期目标", "", "", "实际完成情况"])
    yield _line(["", m["goals"]["annual"], "", "", m["goals"]["annual_actual"]])
    yield _line(INDICATOR_HEADER)
    previous = (None, None)
    for ind in m["indicators"]:
        level1 = ind["level1"] if ind["level1"] != previous[0] else ""
        level2 = ind["level2"] if (ind["level1"], ind["level2"]) != previous else ""
        previous = (ind["level1"], ind["level2"])
        yield _line([level1, level2, *(ind.get(k) for k in ("name", "target", "actual", "weight", "score",
                                                             "deviation"))])
    weights = sum((Decimal(i["weight"]) for i in m["indicators"]), Decimal(0))
    yield _line(["总分", "", "", "", "", weights, m["total_score"]])
