"""S110: a satisfaction indicator filed under a 效益 (or another non-满意度) 二级."""

from __future__ import annotations

from policy.forms.hierarchy import BENEFIT_LEVEL2
from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row


class SatisfactionMisfiled(Rule):
    code = "S110"
    name = "satisfaction-misfiled"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "A satisfaction indicator (…满意度) is filed outside 满意度指标, e.g. as a 效益 indicator"
    summary_zh = "满意度类指标未列在满意度指标下（如列为效益指标）"
    rationale = (
        "Filing guides forbid using a satisfaction indicator in place of a benefit indicator: "
        "benefits are the project's effects, satisfaction is what the people served say of it. "
        "Filed under 效益 or 质量 it both misstates the benefit and hides the satisfaction target."
    )
    fix = "Move the satisfaction indicator to 满意度指标/服务对象满意度 and state a real benefit under 效益指标."
    source = Source(SourceKind.PRACTICE, "practice: seen in 10 of the 11 published forms with a satisfaction row (filed under a 满意度 tier, not under 效益)")
    options = {
        "satisfaction_words": Option(("满意度", "满意率", "满意程度"), "words that make a name a satisfaction indicator",
                                     validate=word_list),
        "exempt_words": Option(("调查", "测评", "不满意"), "names with these words are about the survey, not satisfaction",
                               validate=word_list),
    }
    bad = (
        Example(form(row("效益指标", "社会效益", "服务周期内市民对空气质量改善的满意程度", "≥85%")),
                note="满意程度 as a social benefit", expect=("S110",)),
        Example(form(row("产出指标", "质量指标", "资助对象满意度", "95%以上")),
                note="satisfaction as an output quality", expect=("S110.other",)),
    )
    good = (
        Example(form(), note="satisfaction under 满意度指标"),
        Example(form(row("产出指标", "数量指标", "满意度调查问卷发放份数", "≥500份")),
                note="a count of survey questionnaires is an output"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        satisfaction = tuple(ctx.options["satisfaction_words"])
        exempt = tuple(ctx.options["exempt_words"])
        for r in f.rows:
            if not r.has_name or r.level2 == "服务对象满意度" or r.level1_of == "满意度指标":
                continue
            if r.level1_of is None and r.level2 is None:
                continue  # nowhere filed: nothing to say about its placement
            if not folded_contains_any(r.name, satisfaction):
                continue
            if folded_contains_any(r.name, exempt):
                continue
            ind = r.ind
            benefit = r.level2 in BENEFIT_LEVEL2 or r.level1_of == "效益指标"
            yield Finding("S110" if benefit else "S110.other",
                          {"name": ind.name.strip(), "level2": ind.level2_text or ind.level1_text or "—"},
                          location=where(ind, form), indicator=ind,
                          evidence={"三级指标": ind.name.strip(),
                                    "所在指标": " / ".join(t for t in (ind.level1_text, ind.level2_text) if t)})
