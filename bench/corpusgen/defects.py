"""Realistic defects, each modelled on something seen on published forms.

Every defect is a function that changes a ``GenForm`` in place and returns whether it applied
(a form without a cost row cannot get an inflated cost cap). The names are recorded in
``GenForm.defects`` and in the corpus manifest, so a run can be compared with what was put in.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from bench.corpusgen import vocab
from bench.corpusgen.spec import KIND_OPTIONS, GenForm, GenIndicator
from bench.corpusgen.values import amount_text, qualitative

Defect = Callable[[random.Random, GenForm], bool]


def _group(ind: GenIndicator) -> str:
    level2 = ind.level2
    stem = level2.removesuffix("指标")
    return stem if stem in vocab.BENEFIT_L2 + vocab.SATISFACTION_L2 else level2


def _pick(rng: random.Random, form: GenForm, *groups: str) -> GenIndicator | None:
    found = [i for i in _free(form) if (not groups or _group(i) in groups)]
    if not found:
        return None
    chosen = rng.choice(found)
    chosen.touched = True
    return chosen


def _free(form: GenForm) -> list[GenIndicator]:
    """Rows no earlier defect changed, so each recorded defect stays visible in the output."""
    return [i for i in form.indicators if not i.touched]


def _first(form: GenForm, test: Callable[[GenIndicator], bool]) -> GenIndicator | None:
    chosen = next((i for i in _free(form) if test(i)), None)
    if chosen is not None:
        chosen.touched = True
    return chosen


def _is_percent(ind: GenIndicator) -> bool:
    return ind.value is not None and ind.value.split[2] == "%"


def empty_value(rng: random.Random, form: GenForm) -> bool:
    """指标值不能为空: a named row with its value left blank."""
    ind = _pick(rng, form)
    if ind is None:
        return False
    ind.value = None
    return True


def missing_name(rng: random.Random, form: GenForm) -> bool:
    """A value with no 三级 name, as in rows of the seed."""
    ind = _pick(rng, form)
    if ind is None or ind.value is None:
        return False
    ind.name = None
    return True


def placeholder_value(rng: random.Random, form: GenForm) -> bool:
    """Template placeholders left in: ≥**%, **元/人·月, XX."""
    ind = _pick(rng, form)
    if ind is None:
        return False
    text = "≥**%" if _is_percent(ind) else rng.choice(("**元/人·月", "XX", "≥**个", "****000元"))
    ind.value = qualitative(text)
    return True


def missing_number(rng: random.Random, form: GenForm) -> bool:
    """≧ %: operator and unit, number left blank."""
    ind = _first(form, _is_percent)
    if ind is None:
        return False
    ind.value = qualitative(rng.choice(("≧ %", "≥%", "≥ %")))
    return True


def percent_over_100(rng: random.Random, form: GenForm) -> bool:
    """292%: ≥ read as 2 by OCR, or a rate written above 100."""
    ind = _first(form, _is_percent)
    if ind is None:
        return False
    number = ind.value.split[1] if ind.value else "95"
    text = rng.choice((f"2{number}%", f"≥{int(Decimal(number)) + 20}%"))
    ind.value = qualitative(text)
    return True


def missing_unit(rng: random.Random, form: GenForm) -> bool:
    """A quantity with no unit (≥40 under 数量指标)."""
    ind = _pick(rng, form, "数量指标")
    if ind is None:
        return False
    n = rng.randint(2, 400)
    ind.value = qualitative(rng.choice((f"≥{n}", str(n))))
    return True


def unit_mismatch(rng: random.Random, form: GenForm) -> bool:
    """A rate whose value is money: "28.8万元" with a 合格率 name."""
    ind = _first(form, lambda i: _is_percent(i) and bool(i.name) and "率" in i.name)
    if ind is None:
        return False
    ind.value = qualitative(f"{Decimal(rng.randint(11, 999)) / 10}万元")
    return True


def cost_over_total(rng: random.Random, form: GenForm) -> bool:
    """A cost cap above 年度资金总额."""
    ind = _first(form, lambda i: i.value is not None and i.value.split[2] == "万元" and _group(i) == "成本指标")
    if ind is None:
        return False
    over = (form.total * Decimal(rng.choice((16, 20, 30))) / 10).normalize()
    ind.value = qualitative(f"≤{amount_text(over)}万元")
    return True


def money_as_quantity(rng: random.Random, form: GenForm) -> bool:
    """The budget amount given as an output under 数量指标."""
    first = next((i for i, x in enumerate(form.indicators) if _group(x) == "数量指标"), None)
    if first is None:
        return False
    level1 = form.indicators[first].level1
    form.indicators.insert(first + 1, GenIndicator(level1, form.indicators[first].level2, "项目资金投入",
                                                   qualitative(f"{amount_text(form.total)}万元"), touched=True))
    return True


def funding_mismatch(rng: random.Random, form: GenForm) -> bool:
    """财政拨款 + 其他资金 ≠ 年度资金总额."""
    form.fiscal = (form.fiscal + Decimal(rng.randint(1, 9))).normalize()
    return True


def sources_mismatch(rng: random.Random, form: GenForm) -> bool:
    """Sources that do not add up to 合计."""
    form.sources["一般公共预算收入"] = (form.sources["一般公共预算收入"] * Decimal("0.8")).normalize()
    return True


def duplicate_name(rng: random.Random, form: GenForm) -> bool:
    """The same 三级 name twice in one form."""
    named = [i for i in _free(form) if i.name]
    if len(named) < 2:
        return False
    a, b = rng.sample(named, 2)
    b.name = a.name
    a.touched = b.touched = True
    return True


def vague_value(rng: random.Random, form: GenForm) -> bool:
    """进一步提高 in place of a measurable value."""
    ind = _pick(rng, form, "质量指标", "数量指标", "时效指标")
    if ind is None:
        return False
    ind.value = qualitative(rng.choice(("进一步提高", "明显改善", "有效促进", "适时完成")))
    return True


def late_deadline(rng: random.Random, form: GenForm) -> bool:
    """An annual deadline after the budget year."""
    ind = _pick(rng, form, "时效指标")
    if ind is None:
        return False
    ind.value = qualitative(f"{form.year + 1}年{rng.choice((3, 6, 9))}月底前")
    return True


def kind_not_single(rng: random.Random, form: GenForm) -> bool:
    """项目属性 with no box or both boxes ticked."""
    form.kind_checked = rng.choice(((), KIND_OPTIONS))
    return True


def satisfaction_wording(rng: random.Random, form: GenForm) -> bool:
    """A 满意度 row whose name does not say 满意 (社会认可度)."""
    ind = _pick(rng, form, "服务对象满意度")
    if ind is None:
        return False
    ind.name = rng.choice(("社会认可度", "群众认可程度", "社会关注度"))
    return True


def wrong_parent(rng: random.Random, form: GenForm) -> bool:
    """A 满意度 二级 filed under 效益指标."""
    ind = _pick(rng, form, "服务对象满意度")
    if ind is None:
        return False
    ind.level1 = "效益指标"
    return True


def missing_satisfaction(rng: random.Random, form: GenForm) -> bool:
    """No 满意度 indicator at all."""
    kept = [i for i in form.indicators if _group(i) != "服务对象满意度"]
    if len(kept) == len(form.indicators) or any(i.touched for i in form.indicators if i not in kept):
        return False
    form.indicators = kept
    return True


def weights_off(rng: random.Random, form: GenForm) -> bool:
    """Weights that do not add to 100 (shown only in formats with a weight column)."""
    weighted = [i for i in form.indicators if i.weight is not None]
    if not weighted:
        return False
    rng.choice(weighted).weight += rng.choice((-10, -5, 5, 10))
    return True


def implementer_drift(rng: random.Random, form: GenForm) -> bool:
    """Another person named for the same office (譙小涛 / 熊小涛 in the seed)."""
    _head, _, person = form.implementer.rpartition(" ")
    person = person or form.implementer
    if len(person) < 2:
        return False
    form.implementer = form.implementer.replace(person, rng.choice(vocab.SURNAMES) + person[1:])
    return True


def goal_count_mismatch(rng: random.Random, form: GenForm) -> bool:
    """年度目标 promises more issues than the indicators (全年共16期 vs 12期 + 4期)."""
    ind = _first(form, lambda i: i.value is not None and i.value.split[2] in ("次", "期")
                 and i.value.split[0] == "＝")
    if ind is None:
        return False
    promised = int(Decimal(ind.value.split[1].replace(",", ""))) + rng.randint(2, 6)
    form.annual_goal = form.annual_goal.rstrip("。") + f"，全年共{promised}{ind.value.split[2]}。"
    return True


DEFECTS: dict[str, Defect] = {
    f.__name__.replace("_", "-"): f
    for f in (empty_value, missing_name, placeholder_value, missing_number, percent_over_100,
              missing_unit, unit_mismatch, cost_over_total, money_as_quantity, funding_mismatch,
              sources_mismatch, duplicate_name, vague_value, late_deadline, kind_not_single,
              satisfaction_wording, wrong_parent, missing_satisfaction, weights_off,
              implementer_drift, goal_count_mismatch)
}


def inject_defects(rng: random.Random, form: GenForm, k: int = 1) -> None:
    """Apply up to ``k`` different defects that fit the form, recording their names."""
    names = list(DEFECTS)
    rng.shuffle(names)
    for name in names:
        if len(form.defects) >= k:
            break
        if DEFECTS[name](rng, form):
            form.defects.append(name)
