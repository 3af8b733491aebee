"""Builders of whole forms for the F/A/C/W rule tests, in layouts the rules were not written
against: extracted text with 金额单位：元 and other label spellings, and canonical YAML.

Forms go through the real loaders (``load_bytes``), so a test exercises what a user's file would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from checker.loaders import load_bytes
from policy.forms.model import Form


def _box(label: str, checked: bool) -> str:
    mark = (
        '<input checked="" type="checkbox"/>' if checked else '<input type="checkbox"/>'
    )
    return f"{mark} {label}"


def _boxes(options: Sequence[str], ticked: Iterable[str]) -> str:
    ticked = set(ticked)
    return " ".join(_box(o, o in ticked) for o in options)


def text_form(
    *,
    title: str = "某县2023年县级部门预算项目支出绩效目标申报表",
    unit_line: str | None = "金额单位：元",
    name: str = "乡村道路养护经费",
    budget_unit: str = "某县交通运输局",
    implementer: str = "县公路中心 王海",
    kind: Iterable[str] = ("新增项目",),
    term: Iterable[str] = ("一次性",),
    basis: Iterable[str] = ("上级文件要求",),
    long_term_total: str = "",
    total: str = "800000",
    fiscal: str = "800000",
    other: str = "",
    procurement: str = "",
    previous: str = "",
    sources_total: str = "800000",
    sources_parts: Sequence[str] = ("800000",),
    long_term_label: str = "中长期目标（2023年-2025年）",
    long_term_goal: str = "",
    goal: str = "养护农村公路120公里。",
    indicators: Sequence[tuple[str, str, str, str]] = (
        ("产出指标", "数量指标", "养护里程", "≥120公里"),
        ("产出指标", "质量指标", "养护合格率", "≥95%"),
        ("产出指标", "成本指标", "每公里养护成本", "≤6000元/公里"),
        ("效益指标", "社会效益", "群众出行时间缩短", "≥10%"),
        ("满意度指标", "服务对象满意度", "群众满意度", "≥90%"),
    ),
) -> str:
    """One form as extracted text, one row per line, cells separated by TAB."""
    rows = [title]
    if unit_line:
        rows.append(unit_line)
    rows += [
        f"项目名称\t{name}",
        f"预算单位\t{budget_unit}\t实施单位及责任人\t{implementer}",
        (
            f"项目属性\t{_boxes(('新增项目', '延续项目'), kind)}\t项目期限\t"
            f"{_boxes(('一次性', '经常性'), term)}"
        ),
        f"立项依据\t{_boxes(('法律法规', '上级文件要求', '其他'), basis)}",
        (
            f"项目资金\t中长期资金总额：{long_term_total}\t年度资金总额：{total}\t"
            f"年度资金中：政府采购 {procurement}"
        ),
        f"\t其中：财政拨款\t其中：财政拨款 {fiscal}",
        f"\t其他资金\t其他资金 {other}",
        f"\t延续项目以前年度预算安排：{previous}",
        (
            "项目资金\t合计\t1.一般公共预算收入\t2.政府性基金预算收入\t3.国有资本经营预算收入\t"
            "4.社会保险基金收入\t5.其他收入"
        ),
        "来源\t" + "\t".join((sources_total, *sources_parts)),
        f"总体目标\t{long_term_label}\t年度目标",
        f"\t{long_term_goal}\t{goal}",
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
    ]
    last1 = last2 = None
    for level1, level2, ind_name, value in indicators:
        cells = [
            "",
            level1 if level1 != last1 else "",
            level2 if level2 != last2 else "",
            ind_name,
            value,
        ]
        rows.append("\t".join(cells))
        last1, last2 = level1, level2
    return "\n".join(rows) + "\n"


def load_text(*forms: str, path: str = "forms.txt") -> list[Form]:
    """Forms of one extracted-text file holding ``forms`` one after the other."""
    doc = load_bytes("\n".join(forms).encode("utf-8"), path)
    assert doc.error is None, doc.error
    return list(doc.forms)


def load_yaml(text: str, path: str = "forms.yaml") -> list[Form]:
    doc = load_bytes(text.encode("utf-8"), path)
    assert doc.error is None, doc.error
    return list(doc.forms)


SICHUAN_HEADER = (
    "单位名称",
    "项目名称",
    "预算数",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
    "指标方向性",
)


def sichuan_export(
    unit: str, project: str, budget: str, goal: str, rows: Sequence[tuple[str, ...]]
) -> str:
    """A Sichuan budget-system export (TSV): one indicator per row, operator, number and unit
    in separate columns, project cells only on the first row, under 金额单位：元."""
    lines = ["金额单位：元", "\t".join(SICHUAN_HEADER)]
    for k, (level1, level2, name, op, number, measure) in enumerate(rows):
        head = (unit, project, budget, goal) if k == 0 else ("", "", "", "")
        lines.append(
            "\t".join((*head, level1, level2, name, op, number, measure, "20", "正向"))
        )
    return "\n".join(lines) + "\n"


def load_tsv(text: str, path: str = "export.tsv") -> list[Form]:
    doc = load_bytes(text.encode("utf-8"), path)
    assert doc.error is None, doc.error
    return list(doc.forms)
