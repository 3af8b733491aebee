"""Which template a form follows, so that every rule judges it by its own template.

Real forms follow different indicator tables, all in live use (see docs/sources.md):

- ``mof-2015`` — the 财预〔2015〕88号-era table: 成本指标 is a 二级 under 产出指标; weights, where
  printed, add up to 100;
- ``mof-2021`` — the 财预〔2021〕101号 table: 成本指标 is its own 一级 with 经济/社会/生态环境成本
  (社会 and 生态环境 costs are effects, not money);
- ``ndrc`` — the 中央预算内投资 table: 产出 and 效益 are 二级 under 实施效果指标, with no 数量/质量/
  时效 tier below them and no cost tier;
- ``provincial-90-10`` — a provincial variant: indicator weights add up to 90, the other 10 going
  to 预算执行率 (printed as its own weight).

The scheme is forced by the configuration (``scheme = "…"``, per run), else by the form itself
(the ``scheme`` key of a canonical file, per form or per file), else detected from the form's
labels, its printed 预算执行率 weight and its year. ``detect`` says why it chose what it chose.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from grammar.folding import fold
from policy.forms.hierarchy import COST_LEVEL2, NDRC_LEVEL1, canonical_level1, canonical_level2
from policy.forms.model import Form

MOF_2015 = "mof-2015"
MOF_2021 = "mof-2021"
NDRC = "ndrc"
PROVINCIAL_90_10 = "provincial-90-10"
AUTO = "auto"


@attrs.frozen
class Scheme:
    """One template: its name, how reports call it, and what its table has."""

    name: str
    title_zh: str
    title_en: str
    cost_tier: bool = True  # the table has a cost tier (成本指标)
    subtiers: bool = True  # 产出 and 效益 are broken down into 二级 (数量/质量/时效, 经济/社会…)
    weights_total: Decimal = Decimal(100)  # what the indicator weights add up to


SCHEMES: dict[str, Scheme] = {
    s.name: s
    for s in (
        Scheme(MOF_2015, "财预〔2015〕88号时期的绩效目标表", "the 财预〔2015〕88号-era target table"),
        Scheme(MOF_2021, "财预〔2021〕101号绩效目标表（成本指标为一级指标）",
               "the 财预〔2021〕101号 target table (成本指标 as a 一级)"),
        Scheme(NDRC, "中央预算内投资绩效目标表（实施效果指标）",
               "the 中央预算内投资 (NDRC) target table (实施效果指标)",
               cost_tier=False, subtiers=False),
        Scheme(PROVINCIAL_90_10, "省级绩效目标表（指标权重90分＋预算执行率10分）",
               "a provincial target table (indicator weights 90 + 预算执行率 10)",
               weights_total=Decimal(90)),
    )
}
NAMES: tuple[str, ...] = tuple(SCHEMES)


@attrs.frozen
class Detection:
    """The scheme a form was judged by and why (``reason``: a message id of policy/catalogue)."""

    scheme: Scheme
    reason: str
    forced: bool = False


def detect(form: Form) -> Detection:
    """The scheme the form's own labels, 预算执行率 weight and year point to."""
    level1 = {fold(i.level1_text) for i in form.indicators if i.level1_text}
    if any(label.startswith(NDRC_LEVEL1) for label in level1):
        return Detection(SCHEMES[NDRC], "core.scheme.ndrc")
    if form.execution_weight is not None:
        return Detection(SCHEMES[PROVINCIAL_90_10], "core.scheme.execution-weight")
    labels = {(canonical_level1(i.level1_text), canonical_level2(i.level2_text)) for i in form.indicators}
    if any(l2 in COST_LEVEL2 and l2 != "成本指标" or (l1 == "成本指标" and l2 is None)
           for l1, l2 in labels):
        return Detection(SCHEMES[MOF_2021], "core.scheme.cost-level1")
    if any(l2 == "成本指标" for _, l2 in labels):
        # a 成本指标 二级: under 产出 (extracted text may repeat the label as its 一级)
        return Detection(SCHEMES[MOF_2015], "core.scheme.cost-under-output")
    if form.year is not None and form.year < 2021:
        return Detection(SCHEMES[MOF_2015], "core.scheme.year")  # before 财预〔2021〕101号
    return Detection(SCHEMES[MOF_2015], "core.scheme.default")  # the table most forms still use


def resolve(form: Form, forced: str | None = None) -> Detection:
    """The scheme to judge ``form`` by: the run's forced scheme, else the form's own declaration,
    else what ``detect`` finds. Unknown names never reach here (configuration and schema check
    them)."""
    if forced and forced != AUTO:
        return Detection(SCHEMES[forced], "core.scheme.forced-config", forced=True)
    if form.scheme and form.scheme != AUTO:
        return Detection(SCHEMES[form.scheme], "core.scheme.forced-file", forced=True)
    return detect(form)
