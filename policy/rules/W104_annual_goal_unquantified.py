"""W104: the 年度目标 states no quantity although the indicators have numbers."""

from __future__ import annotations

from grammar.folding import fold, is_placeholder
from policy.api import Category, Example, Finding, NotApplicable, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.patterns import LazyPattern
from policy.forms.model import ANNUAL

# Numbers that are not quantities of the year's results: document titles, years and dates,
# list numbering ("1." "（2）" "目标1"), ordinals, and the money asked for ("预算申请400万元财政资金":
# a funding sentence, not a result; 村集体收入达6万元 stays a result).
_NOT_QUANTITIES = LazyPattern(
    r"《[^》]*》"
    r"|(?:预算|申请|安排|投入|拨款|下达|用于)[^，,。；;：:]{0,8}?\d+(?:\.\d+)?\s*[万亿千]?元(?:财政)?(?:资金|经费|预算)?"
    r"|目标\s*\d+"
    r"|\d{4}\s*[-—~～至到]\s*\d{4}\s*年?"
    r"|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?"
    r"|\d{4}[./\-]\d{1,2}(?:[./\-]\d{1,2})?(?!\d)"
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
    r"|(?:^|(?<=[\s。；;，,：:]))[（(]?\d{1,2}\s*[)）.、．]"
    r"|第[一二三四五六七八九十\d]+"
)
_QUANTITY = LazyPattern(
    r"\d|[一二两三四五六七八九十百千万]+\s*(?:个|座|条|人|次|项|所|台|套|批|期|场|户|家|村|亩|公里|千米|米|吨|辆|本|份|篇|处|间|栋|名)"
)


def states_quantity(goal: str) -> bool:
    """Whether the goal text names any quantity once dates, titles and numbering are set aside."""
    return bool(_QUANTITY.search(_NOT_QUANTITIES.sub(" ", goal)))


class AnnualGoalUnquantified(Rule):
    code = "W104"
    name = "annual-goal-unquantified"
    category = Category.WORDING
    severity = Severity.WARNING
    summary = "The 年度目标 states no quantity although the indicators have numbers"
    summary_zh = "年度目标没有数量表述，而绩效指标有量化目标"
    rationale = (
        "The 年度目标 says what the year's money achieves. Written as a programme description "
        "('…促进基本公共卫生服务均等化'), a process ('做好日常运转保障工作') or an attitude "
        "('增强服务意识'), with no number while the indicators below have numbers, it states no "
        "result the year can be checked against."
    )
    fix = "State the year's main results with their quantities, as the indicators do (全年资助63人…)."
    source = Source(SourceKind.OFFICIAL_SECONDARY,
                    "财政支出绩效评价管理暂行办法 第十四条（二）（三）: targets are quantified "
                    "where possible and result-oriented")
    bad = (
        Example(form(goals={"annual": "针对当前城乡居民存在的主要健康问题，面向全体居民免费提供最基本的"
                                      "公共卫生服务，促进基本公共卫生服务均等化。"}),
                note="regression (蒙城 2024): a programme description", expect=("W104",)),
        Example(form(goals={"annual": "1.根据《大力发展学前教育两年行动方案(2019-2020年)》要求，给予房租补贴。"
                                      "2.保证补贴资金及时、足额、合规发放。"}),
                note="years, a title and list numbers are no quantities", expect=("W104",)),
        Example(form(goals={"annual": "2021年度预算申请400万元财政资金，目标1：继续保持打击高压态势；"
                                      "目标2：加强宣传教育，形成群防群治良好社会氛围。"}),
                note="regression (蜀山 2021): the money asked for is no result", expect=("W104",)),
    )
    good = (
        Example(form(), note="全年举办主体班培训280人次"),
        Example(form(goals={"annual": "新建中药材晾晒房一座，硬化室外晒坝420平方米。"}), note="quantities"),
        Example(form(goals={"annual": "为水濂村带来观光游客不少于6万人，村集体收入达6万元。"}),
                note="money as a result (收入达6万元) is a quantity"),
        Example(form(row("产出指标", "数量指标", "培训人次", "较多"), drop=("培训人次", "培训完成率",
                "培训完成时间", "人均培训成本", "学员履职能力提升率", "学员满意度"),
                goals={"annual": "做好干部培训工作。"}),
                note="no indicator has a number either: nothing to compare (V111's ground)"),
    )

    def check(self, form, ctx):
        if "年度目标" in form.not_on_form:
            raise NotApplicable("W.reason.no-annual-goal")
        goal = form.goals.annual
        if not fold(goal) or is_placeholder(fold(goal), ("无",)):
            raise NotApplicable("W.reason.no-annual-goal")  # blank: S112's finding
        measured = [r for r in form.ordered if r.period == ANNUAL and r.measure and r.has_name]
        if not measured or states_quantity(goal):
            return
        example = measured[0].ind
        shown = f"{example.name.strip()} {example.value_text.strip()}"
        yield Finding("W104", {"example": shown},
                      location=form.goals.annual_location or form.location,
                      evidence={"年度目标": goal.strip(), "量化指标": shown})
