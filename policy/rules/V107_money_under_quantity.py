"""V107: an input (money amount, or a spending rate) filed under 数量指标."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row
from policy.authoring.values import name_wants_other_than_money


class MoneyUnderQuantity(Rule):
    code = "V107"
    name = "money-under-quantity"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A money amount or a spending rate (资金支出率) is filed under 数量指标"
    summary_zh = "数量指标中填写了资金金额或资金支出类比率"
    rationale = (
        "数量指标 states how much the project delivers (people served, kilometres built). Money "
        "spent and the rate at which it is spent are inputs, not outputs; filed as quantities they "
        "make the form look measured while saying nothing about what is produced."
    )
    fix = "State the delivered quantity instead; move cost caps to 成本指标."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十三条: the products and services (一) are distinct from the resources they need (二)")
    options = {
        "money_words": Option(("资金", "经费", "预算", "款"), "a spending rate names the money …",
                              validate=word_list),
        "payout_words": Option(("发放", "兑付", "奖补", "补贴", "补助", "救助", "抚恤"),
                               "a money amount whose name says it is paid out to recipients (补贴发放金额) "
                               "is a programme's output, not an input",
                               validate=word_list),
        "rate_words": Option(("支出率", "执行率", "到位率", "拨付率", "使用率", "兑付率"), "… and how it is spent",
                             validate=word_list),
    }
    bad = (
        Example(form(row("产出指标", "数量指标", "资金支出率", "95%")), note="spending rate",
                expect=("V107.rate",)),
        Example(form(row("产出指标", "数量指标", "完成投资", "≥500万元")), note="money amount",
                expect=("V107",)),
    )
    good = (
        Example(form(), note="counts only"),
        Example(form(row("产出指标", "数量指标", "适龄儿童疫苗接种率", "≥90%")), note="a coverage rate is an output"),
        Example(form(row("产出指标", "质量指标", "资金支出率", "95%")), note="not under 数量指标"),
        Example(form(row("产出指标", "数量指标", "设备覆盖率", "24.9万元")), note="a unit mismatch: V104's"),
        Example(form(row("产出指标", "数量指标", "补贴发放金额", "≥1200万元")),
                note="regression: what a subsidy fund delivers is the money paid to its recipients"),
        Example(form(row("产出指标", "数量指标", "奖补资金兑付额", "≥300万元")),
                note="regression: an award fund's standard 数量 indicator"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        for r in f.measures:  # money and percent values are measures
            if r.level2 != "数量指标":
                continue
            dim = r.dimension
            ind = r.ind
            if dim == "money":
                if name_wants_other_than_money(ind.name):
                    continue  # 覆盖率 28.8万元: a unit mismatch, V104's
                if folded_contains_any(r.name, tuple(ctx.options["payout_words"])):
                    continue  # money paid out to recipients is what a subsidy programme delivers
                message = "V107"
            elif (dim == "percent" and folded_contains_any(r.name, tuple(ctx.options["money_words"]))
                  and folded_contains_any(r.name, tuple(ctx.options["rate_words"]))):
                message = "V107.rate"
            else:
                continue
            yield Finding(message, {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip()},
                          location=where(ind, form), indicator=ind,
                          evidence={"二级指标": ind.level2_text or "数量指标", "指标值": ind.value_text.strip()})
