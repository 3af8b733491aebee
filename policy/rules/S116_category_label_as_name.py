"""S116: a category label (质量指标, 经济效益指标, 数量指标 …) used as a 三级 indicator's name."""

from __future__ import annotations

from functools import lru_cache

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.authoring.values import name_head
from policy.forms.hierarchy import canonical_level1, canonical_level2
from policy.options import word_list


def is_category_label(name: str | None) -> bool:
    """Whether a name is only a 一级 or 二级 label of the indicator table (质量, 经济效益指标)."""
    return bool(name) and _is_label(name)


@lru_cache(maxsize=8192)  # names repeat across forms: each looked up once
def _is_label(name: str) -> bool:
    head = name_head(name)
    return bool(head) and (canonical_level1(head) is not None or canonical_level2(head) is not None)


class CategoryLabelAsName(Rule):
    code = "S116"
    name = "category-label-as-name"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "A 三级 indicator is named with a category label (质量指标, 经济效益指标)"
    summary_zh = "三级指标名称只是指标类别（如“质量指标”“经济效益指标”）"
    rationale = (
        "The 三级 indicator names what is measured; 一级 and 二级 only sort it. A row named "
        "质量指标 or 经济效益指标 repeats its category and says nothing about what is counted, "
        "rated or timed, so its value cannot be judged against anything. Several such rows on one "
        "form share one cause — the table was filled in without naming the indicators — and are "
        "reported once."
    )
    fix = "Name the measure itself: 质量指标 → 验收合格率; 经济效益指标 → 带动农户增收金额."
    source = Source(SourceKind.DERIVED, "derived: the form's own structure (a 三级 name repeats a 一级/二级 label)",
                    "A 三级 sits below its 一级 and 二级; a name equal to one of their labels names no measure.")
    options = {
        "exempt_words": Option(("满意",), "names containing one of these are real indicators (服务对象满意度)",
                               validate=word_list),
    }
    bad = (
        Example(form(row("产出指标", "质量指标", "质量指标", "100%")), note="the 二级 label repeated",
                expect=("S116",)),
        Example(form(row("效益指标", "经济效益", "经济效益指标", "显著"),
                     row("产出指标", "数量指标", "数量", "≥10个")),
                note="two labels, one finding", expect=("S116.many",)),
    )
    good = (
        Example(form(), note="named measures"),
        Example(form(row("满意度指标", "服务对象满意度", "服务对象满意度", "≥90%")),
                note="服务对象满意度 names the satisfaction measured"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        exempt = tuple(ctx.options["exempt_words"])
        hits = [r.ind for r in f.ordered
                if r.has_name and r.has_value and is_category_label(r.ind.name)
                and not folded_contains_any(r.name, exempt)]
        if not hits:
            return
        first = hits[0]
        names = "、".join(dict.fromkeys(i.name.strip() for i in hits))
        if len(hits) == 1:
            yield Finding("S116", {"name": first.name.strip()}, location=where(first, form), indicator=first,
                          evidence={"三级指标": first.name.strip()})
        else:
            yield Finding("S116.many", {"count": len(hits), "names": names}, location=where(first, form),
                          indicator=first, evidence={"三级指标": names})
