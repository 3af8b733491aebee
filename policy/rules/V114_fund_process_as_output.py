"""V114: a fund-process indicator (资金到位率, 拨付率, 执行率, 经费支出合规性) used as output quality or timeliness."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.grouping import one_per_root_cause
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import word_list

MONEY_WORDS = ("资金", "经费", "预算", "款项", "配套")
PROCESS_WORDS = ("到位", "拨付", "下达", "执行", "支出", "使用", "合规", "结算")
# Money paid out to recipients is what a subsidy programme delivers (补贴发放及时率): an output.
PAYOUT_WORDS = ("发放", "兑付", "补贴到户", "救助")


class FundProcessAsOutput(Rule):
    code = "V114"
    name = "fund-process-as-output"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A fund-process indicator (资金到位率, 拨付率, 支出合规性) is used as output quality or timeliness"
    summary_zh = "资金管理过程类指标（资金到位率、拨付率、支出合规性等）被当作产出质量或时效指标"
    rationale = (
        "质量指标 and 时效指标 describe the products and services the money buys: how good they are and "
        "when they are delivered. How the money itself arrives, is transferred, executed or spent "
        "(资金到位率, 资金拨付率, 预算执行率, 经费支出合规性) is the budget's own process, checked by "
        "budget execution, not an output of the project."
    )
    fix = "Replace it with the quality or timeliness of what the project delivers (验收合格率, 完成时限)."
    source = Source(SourceKind.OFFICIAL_SECONDARY,
                    "财政支出绩效评价管理暂行办法 第十三条: 质量 and 时效 describe the products "
                    "and services (一), not the resources they need (二)")
    options = {
        "money_words": Option(MONEY_WORDS, "a fund-process name names the money …", validate=word_list),
        "process_words": Option(PROCESS_WORDS, "… and what happens to it", validate=word_list),
        "payout_words": Option(PAYOUT_WORDS, "money paid out to recipients: an output, not reported",
                               validate=word_list),
    }
    bad = (
        Example(form(row("产出指标", "质量指标", "人才驿站补助资金到位率", "100%")),
                note="regression (宁德 2023): a funds-arrival rate as quality", expect=("V114",)),
        Example(form(row("产出指标", "质量指标", "经费支出合规性", "较高")),
                note="regression (太和 2023): spending compliance as quality", expect=("V114",)),
        Example(form(row("产出指标", "质量指标", "经费支出合规性", "较高"),
                     row("产出指标", "时效指标", "经费支出时效性", "及时支出")),
                note="regression (太和 2023): one root cause under 质量 and 时效, one finding", expect=("V114.many",)),
    )
    good = (
        Example(form(), note="outputs only"),
        Example(form(row("产出指标", "时效指标", "补贴发放及时率", "≥95%")),
                note="paying a subsidy on time is the programme's own service"),
        Example(form(row("产出指标", "数量指标", "资金支出率", "95%")),
                note="under 数量 it is V107's finding, not repeated here"),
    )

    def check(self, form, ctx):
        # the budget's own process filed as outputs on many rows is one root cause
        return one_per_root_cause(self._process_rows(form, ctx), lambda f: "V114.many", key=lambda f: "V114")

    def _process_rows(self, form, ctx):
        f = require_rows(form, "V")
        money, process = tuple(ctx.options["money_words"]), tuple(ctx.options["process_words"])
        payout = tuple(ctx.options["payout_words"])
        for r in f.rows:
            if r.level2 not in ("质量指标", "时效指标") or not r.has_name:
                continue
            if not (folded_contains_any(r.name, money) and folded_contains_any(r.name, process)):
                continue
            if folded_contains_any(r.name, payout):
                continue
            ind = r.ind
            yield Finding("V114", {"name": ind.name.strip(), "level2": ind.level2_text or r.level2},
                          location=where(ind, form), indicator=ind,
                          evidence={"三级指标": ind.name.strip(), "二级指标": ind.level2_text or r.level2})
