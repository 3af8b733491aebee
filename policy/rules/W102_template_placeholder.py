"""W102: unfilled template placeholders (20**年, **, XX) in the form's text fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from grammar.folding import fold, is_placeholder
from policy.api import (
    Category,
    Example,
    Finding,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from policy.authoring.grouping import one_per_root_cause
from policy.authoring.wording import (
    DEFAULT_PLACEHOLDER_PATTERNS,
    first_match,
    regex_list,
)


class TemplatePlaceholder(Rule):
    code = "W102"
    name = "template-placeholder"
    category = Category.WORDING
    severity = Severity.WARNING
    summary = "A text field still holds a template placeholder (20**年, **, XX)"
    summary_zh = "文字栏目中留有未填写的模板占位符（20**年、**、XX）"
    rationale = (
        "Templates mark what the filer must replace with 20**年, ** or XX. A placeholder left in "
        "the project name, the goals, the 中长期目标 period or an indicator name means the "
        "template was not completed: the period, the amount or the subject is unknown. The "
        "budget system rejects placeholder values; this rule covers the text around them "
        "(values are V102's)."
    )
    fix = (
        "Replace the placeholder with the real text (e.g. 中长期目标（2022年-2024年）)."
    )
    source = Source(
        SourceKind.SYSTEM, "预算管理一体化系统 (placeholders are rejected); practice: template hints left in 2 of 24 published forms"
    )
    options: ClassVar[Mapping[str, Option]] = {
        "patterns": Option(
            DEFAULT_PLACEHOLDER_PATTERNS,
            "Regular expressions of placeholders.",
            regex_list,
        )
    }
    bad = (
        Example(
            {
                "goals": {
                    "long_term_label": "中长期目标（20**年-20**年）",
                    "annual": "全天24小时值守。",
                }
            },
            note="the period of the long-term goal was never filled in",
            expect=("W102.label",),
        ),
        Example(
            {
                "name": "XX局信息化运维经费",
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "旅游景点开发数量( ≥**个 )",
                        "value": ">=4个",
                    }
                ],
            },
            note="placeholders in the project name and in an indicator name",
            expect=("W102.field", "W102.indicator"),
        ),
        Example(
            {
                "indicators": [
                    {"level1": "产出指标", "level2": "数量指标", "name": "旅游景点开发数量( ≥**个 )", "value": ">=4个"},
                    {"level1": "产出指标", "level2": "时效指标", "name": "按期完成率(≥**%)", "value": ">=95%"},
                    {"level1": "满意度指标", "level2": "服务对象满意度", "name": "游客满意度(≥**%)", "value": ">=90%"},
                ],
            },
            note="regression (南岳 2018): template hints left in many names are one finding listing them",
            expect=("W102.indicators",),
        ),
    )
    good = (
        Example(
            {
                "name": "OA系统运维经费",
                "goals": {
                    "long_term_label": "中长期目标（2022年-2024年）",
                    "annual": "保障OA、XXL-Job等系统正常运行",
                },
            },
            note="Latin words containing X are not placeholders",
        ),
        Example(
            {
                "implementer": "市府办 譙小涛",
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "**",
                        "value": "1项",
                    }
                ],
            },
            note="a name that is only a placeholder is S106's finding",
        ),
    )

    def check(self, form, ctx):
        patterns = tuple(ctx.options["patterns"])
        g = form.goals
        label_hit = first_match(g.long_term_label, patterns)
        if label_hit:
            yield Finding(
                "W102.label",
                {"text": g.long_term_label, "placeholder": label_hit},
                location=g.long_term_location or form.location,
                evidence={"中长期目标栏": g.long_term_label},
            )
        fields = (
            ("表名", form.title, form.location),
            ("项目名称", form.name, form.name_location),
            ("预算单位", form.budget_unit, form.budget_unit_location),
            ("实施单位及责任人", form.implementer, form.implementer_location),
            ("中长期目标", g.long_term, g.long_term_location),
            ("年度目标", g.annual, g.annual_location),
        )
        yield from one_per_root_cause(  # placeholders left in several fields: one template left unfilled
            _field_hits(fields, patterns, form), lambda f: "W102.fields", key=lambda f: "W102.field",
            name=lambda f: f"「{f.args['field']}」", label="栏目")
        hits = [(r.ind, hit) for r in form.ordered
                if r.ind.name and (hit := _name_hit(r.ind.name, patterns))]
        if len(hits) == 1:
            ind, hit = hits[0]
            yield Finding(
                "W102.indicator",
                {"name": ind.name, "placeholder": hit},
                location=ind.location or form.location,
                indicator=ind,
                evidence={"三级指标": ind.name},
            )
        elif hits:  # one root cause — the template's hints were never removed — one finding
            ind, hit = hits[0]
            names = "、".join(i.name.strip() for i, _ in hits)
            yield Finding(
                "W102.indicators",
                {"count": len(hits), "names": names, "placeholder": hit},
                location=ind.location or form.location,
                indicator=ind,
                evidence={"三级指标": names},
            )


def _field_hits(fields, patterns, form):
    for label, text, loc in fields:
        hit = first_match(text, patterns)
        if hit:
            yield Finding(
                "W102.field",
                {"field": label, "placeholder": hit},
                location=loc or form.location,
                evidence={label: text},
            )


def _name_hit(name: str, patterns: tuple[str, ...]) -> str | None:
    """The placeholder in a 三级 name; a name that is nothing but placeholders is S106's."""
    return None if is_placeholder(fold(name)) else first_match(name, patterns)
