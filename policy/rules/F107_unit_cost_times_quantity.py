"""F107: unit cost × the matching quantity is above the annual budget by more than a stated tolerance."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from policy.forms.model import ANNUAL
from policy.api import (
    Category,
    Example,
    Finding,
    InsufficientData,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
    money_text,
)
from grammar.numbers import format_decimal
from policy.authoring.funding import UNIT, mentions, shown
from policy.options import level2_list, non_negative_decimal, word_list
from policy.authoring.examples import cost_form
from policy.authoring.funding import COST_LINE_OPTIONS, cost_lines_of

QUANTITY_LEVEL2 = ("数量指标",)
PER_IN_NAME_WORDS = ("均", "每")  # 人均补助 500元, 每户补助: the name states the per-unit
TOLERANCE_PERCENT = Decimal(10)  # a rounded unit cost (71.86元) or quantity; no document states one


def _units(unit, alternatives) -> list:
    return [u for u in (unit, *(alternatives or ())) if u is not None]


def in_per_units(unit_cost, quantity) -> Decimal | None:
    """The quantity counted in the unit cost's per-unit: 6000份（本） for 元/份（册） → 6000;
    120公里 for 元/米 → 120000. None when no unit of one matches a unit of the other."""
    pers = _units(unit_cost.per, getattr(unit_cost, "per_alternatives", ()))
    counted = _units(quantity.unit, getattr(quantity, "alternatives", ()))
    for per in pers:
        for unit in counted:
            if per.symbol == unit.symbol:
                return quantity.number
            if per.base and per.base == unit.base:  # 元/米 × 公里, 元/人 × 万人
                return quantity.number * unit.factor / per.factor
    return None


class UnitCostTimesQuantity(Rule):
    code = "F107"
    name = "unit-cost-times-quantity"
    category = Category.FUNDING
    severity = Severity.INFO
    summary = "Unit cost × quantity is above the annual budget by more than the tolerance"
    summary_zh = "单位成本乘以数量超出年度资金总额（超过容差）"
    rationale = (
        "When a form gives a unit cost (67.5元/份) and the quantity of the same unit (6000份), "
        "their product is what the output costs. A product above the annual budget cannot be "
        "paid for, so the unit cost, the quantity or the budget is wrong. A tolerance (10% by "
        "default, configurable; no document states one) allows for unit costs and quantities "
        "that are rounded. (A product below the budget is not reported: other costs may "
        "explain the rest, and a larger budget must never create a funding finding.) A unit "
        "cost named as one (补助标准, 单价) but given without its per-unit (≤120万元: per 公里? "
        "per 户?) cannot be checked at all, and is reported as such."
    )
    fix = "Check the unit cost, the quantity and the annual total against each other."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (unit cost × quantity against 年度资金总额)",
        "Unit cost times quantity is the cost of the output the budget pays for. The 10% "
        "tolerance is a configurable default, not a documented figure.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        **COST_LINE_OPTIONS,
        "tolerance": Option(
            TOLERANCE_PERCENT,
            "Percent by which unit cost × quantity may exceed 年度资金总额 before it is "
            "reported (rounded unit costs and quantities).",
            non_negative_decimal,
        ),
        "quantity_level2": Option(
            QUANTITY_LEVEL2, "二级 names whose rows give quantities (the scheme's names: 数量指标).",
            level2_list,
        ),
        "per_in_name_words": Option(
            PER_IN_NAME_WORDS,
            "Name words that state the per-unit of a unit cost (人均, 户均, 每): such a unit cost "
            "given without /unit is not reported as missing its per-unit.",
            word_list,
        ),
    }
    bad = (
        Example(
            cost_form(
                "10万元",
                ("产出指标", "数量指标", "印制资料", "6000份"),
                ("产出指标", "成本指标", "印制单价", "67.5元/份"),
            ),
            note="6000份 × 67.5元 = 40.5万元, four times the 10万元 budget",
            expect=("F107",),
        ),
        Example(
            cost_form(
                "50万元",
                ("产出指标", "数量指标", "资助学生", "≥2100人"),
                ("产出指标", "成本指标", "资助标准", "1000元/人"),
            ),
            note="at least 2100人 × 1000元 = 210万元 against 50万元",
            expect=("F107",),
        ),
        Example(
            cost_form(
                "10万元",
                ("产出指标", "数量指标", "印制资料", "1000份"),
                ("产出指标", "成本指标", "印制单价", "111元/份"),
            ),
            note="boundary: 1000份 × 111元 = 11.1万元 is 11% over the 10万元 budget",
            expect=("F107",),
        ),
        Example(
            cost_form(
                "500万元",
                ("产出指标", "数量指标", "新建水泥路", "4公里"),
                ("产出指标", "成本指标", "硬化水泥砼公路补助标准", "≤120万元"),
            ),
            note="regression (清涧 2021): a 补助标准 with no per-unit (万元/公里) cannot be multiplied",
            expect=("F107.no-per-unit",),
        ),
    )
    good = (
        Example(
            cost_form(
                "37万元",
                ("产出指标", "数量指标", "各类会议、文件资料等", "6000份"),
                ("产出指标", "成本指标", "工作信息汇编", "67.5元/份"),
                ("产出指标", "成本指标", "预计经费", "≤37万元"),
            ),
            note="40.5万元 against 37万元: 9.5% over, within the 10% tolerance",
        ),
        Example(
            cost_form(
                "10万元",
                ("产出指标", "数量指标", "印制资料", "1000份"),
                ("产出指标", "成本指标", "印制单价", "110元/份"),
            ),
            note="boundary: 1000份 × 110元 = 11万元 is exactly 10% over the 10万元 budget",
        ),
        Example(
            cost_form(
                "1938000元",
                ("产出指标", "数量指标", "补贴民办园租用面积", "26970.7平方米"),
                ("产出指标", "成本指标", "补贴标准", "71.86元/平方米"),
            ),
            note="regression (宁河 2020): 1938114.502元 against 1938000元, a rounded unit cost",
        ),
        Example(
            cost_form(
                "500万元",
                ("产出指标", "数量指标", "景点开发", "≥4个"),
                ("产出指标", "成本指标", "景观建设成本", "≤2875元/个"),
                ("产出指标", "成本指标", "工程建设成本", "≤3000元/平方米"),
            ),
            note="small next to the budget, but other cost lines explain the rest",
        ),
    )

    def check(self, form, ctx):
        lines = cost_lines_of(form, ctx.options)
        per_words = tuple(ctx.options["per_in_name_words"])
        unstated = [
            line
            for line in lines
            if line.kind == UNIT
            and line.quantity is not None
            and line.quantity.dimension == "money"
            and line.quantity.per is None
            and not mentions(line.indicator.name or "", per_words)
        ]
        for line in unstated:  # 补助标准 ≤120万元: per 公里? per 户? no product can be checked
            yield Finding(
                "F107.no-per-unit",
                {"name": line.indicator.name or "（无名称）", "value": line.indicator.value_text},
                location=line.indicator.location or form.location,
                indicator=line.indicator,
                evidence={"单位成本": line.indicator.value_text or ""},
            )
        units = [
            line
            for line in lines
            if line.kind == UNIT
            and line.quantity is not None
            and line.quantity.per is not None
            and line.quantity.dimension == "money"
        ]
        if not units:
            if unstated:
                return
            raise NotApplicable("F.reason.no-unit-costs")
        total = form.funding.total
        if total is None or total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        level2 = set(ctx.options["quantity_level2"])
        quantities = [
            r.ind
            for r in form.rows
            if r.period == ANNUAL
            and r.level2 in level2
            and r.kind == "quantity"
            and r.damage is None
            and r.value.op
            not in ("≤", "<")  # an upper bound on the quantity proves nothing
        ]
        compared = 0
        for line in units:
            matches = [
                (ind, n)
                for ind in quantities
                if ind.value.dimension != "money"
                and (ind.value.per is None or ind.value.per.symbol == "年")
                and (n := in_per_units(line.quantity, ind.value)) is not None
            ]
            if len(matches) != 1:
                continue  # none, or ambiguous: which quantity does the unit cost apply to?
            qty, count = matches[0]
            compared += 1
            product = line.quantity.number * line.quantity.unit.factor * count
            allowed = total.yuan * (100 + ctx.options["tolerance"]) / 100
            if product <= allowed:
                continue
            over = (product - total.yuan) * 100 / total.yuan if total.yuan else None
            quantity_name = qty.name or "（无名称）"
            yield Finding(
                "F107",
                {
                    "name": line.indicator.name or "（无名称）",
                    "unit_cost": line.indicator.value_text,
                    "quantity_name": quantity_name,
                    "quantity": qty.value_text,
                    "product": money_text(product),
                    "total": money_text(total.yuan),
                    "over": format_decimal(over.quantize(Decimal("0.01"))) if over is not None else "—",
                    "tolerance": format_decimal(ctx.options["tolerance"]),
                },
                location=line.indicator.location or form.location,
                indicator=line.indicator,
                evidence={
                    "单位成本": line.indicator.value_text or "",
                    "数量": f"{quantity_name}：{qty.value_text}",
                    "单位成本×数量": money_text(product),
                    "年度资金总额": shown(total),
                },
            )
        if not compared:
            raise NotApplicable("F.reason.no-unit-quantity-pair")
