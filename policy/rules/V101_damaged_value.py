"""V101: a value the grammar marks as damaged (letter in a number, number left blank …)."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row
from policy.authoring.grouping import name_and_value, one_per_root_cause

DAMAGE_CODES = ("missing-number", "letter-in-number", "unbalanced-bracket", "bad-number", "impossible-date")


class DamagedValue(Rule):
    code = "V101"
    name = "damaged-value"
    category = Category.VALUE
    severity = Severity.ERROR
    summary = "An indicator value is damaged: a letter in the number, the number left blank, an unbalanced bracket"
    summary_zh = "指标值残缺或有误（数字中有字母、缺少数字、括号不配对等）"
    rationale = (
        "A quantitative value has an operator, a number and a unit; the budget system rejects a "
        "value whose number is missing or unreadable. Damage like '≧ %' (number never filled in) "
        "or '1OO%' (letters O for zeros) means the target cannot be evaluated as written."
    )
    fix = "Write the value again as operator, number and unit (e.g. ≥95%)."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (a quantitative value has an operator, a number and a unit)")
    options = {"damage_codes": Option(DAMAGE_CODES, "grammar damage codes reported by this rule "
                                      "(placeholders are V102's; unknown units are not damage)",
                                      validate=word_list)}
    bad = (
        Example(form(row("产出指标", "质量指标", "工程验收合格率", "≧ %")), note="number left blank",
                expect=("V101.missing-number",)),
        Example(form(row("产出指标", "质量指标", "验收合格率", "1OO%")), note="letters O for zeros",
                expect=("V101.letter-in-number",)),
        Example(form(row("产出指标", "质量指标", "验收合格率", "≥(95%")), note="unbalanced bracket",
                expect=("V101.unbalanced-bracket",)),
        Example(form(row("产出指标", "时效指标", "完成时间", "2022年2月30日前")), note="a day no calendar has",
                expect=("V101.impossible-date",)),
        Example(form(row("产出指标", "数量指标", "新建堤防、护岸长度", "公里"),
                     row("产出指标", "数量指标", "灌区节水改造面积", "万亩"),
                     row("产出指标", "质量指标", "工程验收合格率", "≧ %")),
                note="regression (陈仓 2020): a column of values never filled in is one finding listing them",
                expect=("V101.missing-number.many",)),
    )
    good = (
        Example(form(), note="clean values"),
        Example(form(row("产出指标", "质量指标", "设备完好率", "≥95％")), note="full-width percent"),
        Example(form(row("产出指标", "数量指标", "印发资料", "6000份（本）/年（次）")), note="bracketed alternatives"),
    )

    def check(self, form, ctx):
        # the same damage on many rows (a column of values never filled in) is one root cause
        return one_per_root_cause(self._damaged(form, ctx), lambda f: f"{f.message_id}.many",
                                  name=name_and_value)

    def _damaged(self, form, ctx):
        f = require_rows(form, "V")
        codes = set(ctx.options["damage_codes"])
        for r in f.damaged:
            d = r.damage
            if d is None or d.code not in codes:
                continue
            ind = r.ind
            detail = "，".join(f"{k}={v}" for k, v in sorted((d.args or {}).items()))
            yield Finding(
                f"V101.{d.code}",
                {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(), "damage": d.code,
                 "detail": detail or "—"},
                location=where(ind, form), indicator=ind,
                evidence={"指标值": ind.value_text.strip(), "问题": d.code},
            )
