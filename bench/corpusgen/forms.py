"""Draw whole forms: a budget unit's projects, their funding, goals and indicator table.

``generate_forms`` is a generator: it yields one form at a time and keeps nothing, so a corpus of
any size is written in constant memory. Forms come in runs of one 预算单位 (3–12 projects), as a
department's forms do in a published batch, so unit-level rules have something to compare.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

from bench.corpusgen import vocab
from bench.corpusgen.defects import inject_defects
from bench.corpusgen.indicators import ROW_COUNTS, Setting, build
from bench.corpusgen.self_evaluation import evaluate, inject_self_defect
from bench.corpusgen.spec import BASIS_OPTIONS, GenForm, GenIndicator
from bench.corpusgen.values import ValueStyle


def _person(rng: random.Random) -> str:
    return rng.choice(vocab.SURNAMES) + rng.choice(vocab.GIVEN) + rng.choice(("", "", rng.choice(vocab.GIVEN)))


def _total(rng: random.Random) -> Decimal:
    # Project budgets from a few 万元 to several hundred, sometimes with one decimal.
    wan = Decimal(round(2 * (600 / 2) ** rng.random()))
    if rng.random() < 0.15:
        wan += Decimal(5) / 10
    return wan


def _goal(rng: random.Random, setting: Setting) -> str:
    claims = rng.sample(vocab.GOAL_CLAIMS, k=rng.randint(1, 3))
    parts = [
        c.format(activity=setting.activity, thing=setting.thing, people=setting.people,
                 n=rng.randint(2, 200), p=rng.choice((90, 95, 98)))
        for c in claims
    ]
    return rng.choice(vocab.GOAL_OPENERS) + "；".join(parts) + "。"


def _template_rows(cost_as_level1: bool, l2_suffix: bool) -> list[tuple[str, str, str]]:
    """(一级, canonical 二级, 二级 as printed) for every template row of the table."""
    rows = [("产出指标", l2) for l2 in vocab.OUTPUT_L2]
    rows.append(("成本指标", "成本指标") if cost_as_level1 else ("产出指标", "成本指标"))
    rows += [("效益指标", l2) for l2 in vocab.BENEFIT_L2]
    rows += [("满意度指标", l2) for l2 in vocab.SATISFACTION_L2]
    return [(l1, l2, l2 + "指标" if l2_suffix and not l2.endswith("指标") else l2) for l1, l2 in rows]


def _weights(rng: random.Random, count: int) -> list[int]:
    """Integer weights summing to 100, roughly equal, as Sichuan's forms give them."""
    if count == 0:
        return []
    base, extra = divmod(100, count)
    weights = [base + (1 if i < extra else 0) for i in range(count)]
    for _ in range(count // 2):  # move a few points around so not every form is uniform
        i, j = rng.randrange(count), rng.randrange(count)
        step = min(rng.randint(0, 5), weights[i] - 1)
        weights[i] -= step
        weights[j] += step
    return weights


def _form(rng: random.Random, index: int, unit: dict, year: int) -> GenForm:
    _dept, _short, topics = unit["dept"]
    total = _total(rng)
    other = None
    fiscal = total
    if rng.random() < 0.15:
        other = (total * Decimal(rng.randint(1, 4)) / 10).quantize(Decimal("0.1")).normalize()
        fiscal = total - other
    sources = {"合计": total, "一般公共预算收入": fiscal}
    if other:
        sources["政府性基金预算收入" if rng.random() < 0.5 else "其他收入"] = other
    continuing = rng.random() < 0.7
    setting = Setting(year=year, total=total, thing=rng.choice(vocab.THINGS),
                      people=rng.choice(vocab.PEOPLE), activity=rng.choice(vocab.ACTIVITIES))
    style = unit["style"]
    cost_as_level1 = unit["cost_as_level1"]
    rows = _template_rows(cost_as_level1, unit["l2_suffix"])
    indicators: list[GenIndicator] = []
    names: set[str] = set()
    for level1, level2, printed in rows:
        choices, weights = ROW_COUNTS[level2]
        for _ in range(rng.choices(choices, weights=weights)[0]):
            # A clean form never repeats a 三级 name (that is a defect of its own); retry a
            # few times and drop the row if the builder keeps drawing a used name.
            for _attempt in range(6):
                name, value = build(level2, rng, style, setting)
                if name not in names:
                    names.add(name)
                    indicators.append(GenIndicator(level1=level1, level2=printed, name=name, value=value))
                    break
    for ind, weight in zip(indicators, _weights(rng, len(indicators))):
        ind.weight = weight
    basis = tuple(b for b in BASIS_OPTIONS if rng.random() < 0.35) or ("其他",)
    project = _project_name(rng, topics, year, unit["projects"])
    return GenForm(
        index=index,
        year=year,
        city=unit["city"],
        title=f"{unit['title_prefix']}{year}年{unit['level']}部门预算项目支出绩效目标批复表",
        name=project,
        budget_unit=unit["budget_unit"],
        implementer=unit["implementer"],
        kind_checked=("延续项目",) if continuing else ("新增项目",),
        term_checked=("经常性",) if continuing or rng.random() < 0.3 else ("一次性",),
        basis_checked=basis,
        total=total,
        fiscal=fiscal,
        other=other,
        previous_years=total if continuing else None,
        sources=sources,
        long_term_label=rng.choice(("中长期目标（20**年 - 20**年）", "中长期目标（20**年-20**年）",
                                    f"中长期目标（{year}年-{year + 2}年）")),
        annual_goal=_goal(rng, setting),
        template_rows=[(l1, printed) for l1, _, printed in rows],
        indicators=indicators,
    )


def _project_name(rng: random.Random, topics: tuple[str, ...], year: int, used: set[str]) -> str:
    """A project name not yet used by this unit: one unit never files two projects of one name."""
    project = ""
    for attempt in range(20):
        project = rng.choice(topics) + rng.choice(vocab.PROJECT_SUFFIXES)
        if rng.random() < 0.3:
            project = f"{year}年{project}"
        if attempt >= 10:
            project += f"（{rng.choice(('一', '二', '三', '四'))}期）"
        if project not in used:
            break
    used.add(project)
    return project


def _unit(rng: random.Random, known: dict[str, dict] | None = None) -> dict:
    """The next budget unit to file a batch of forms. A unit drawn again keeps its responsible
    person and its project names (``known`` remembers them), as one unit does across a corpus."""
    dept = rng.choice(vocab.DEPARTMENTS)
    city = rng.choice(vocab.CITIES)
    county = rng.choice(vocab.COUNTIES) if rng.random() < 0.8 else ""
    level = "县级" if county else "市级"
    budget_unit = f"{county or city}{dept[0]}"
    identity = known.get(budget_unit) if known is not None else None
    if identity is None:
        short = dept[1].replace("市", "县", 1) if county and not county.endswith("市") else dept[1]
        identity = {"implementer": f"{short}{rng.choice((' ', ' ', ''))}{_person(rng)}", "projects": set()}
        if known is not None:
            known[budget_unit] = identity
    return {
        "dept": dept,
        "city": city,
        "budget_unit": budget_unit,
        "title_prefix": county or city,
        "level": level,
        "implementer": identity["implementer"],
        "style": ValueStyle.draw(rng),
        "cost_as_level1": rng.random() < 0.4,
        "l2_suffix": rng.random() < 0.3,
        "size": rng.randint(3, 12),
        "projects": identity["projects"],
    }


def generate_forms(count: int, seed: int = 0, defect_rate: float = 0.3,
                   self_evaluation_share: float = 0.0) -> Iterator[GenForm]:
    """Yield ``count`` forms, the same ones for the same seed. ``defect_rate`` is the share of
    forms that get one to three injected defects (recorded in ``GenForm.defects``);
    ``self_evaluation_share`` the share that are year-end self-evaluations (绩效自评表), of which
    ``defect_rate`` also get one self-evaluation defect. With the share 0 the corpus is the one
    earlier versions wrote for the seed."""
    rng = random.Random(seed)
    year = rng.choice((2021, 2022, 2023, 2024))
    known: dict[str, dict] = {}
    unit = _unit(rng, known)
    left = unit["size"]
    for index in range(count):
        if left == 0:
            unit = _unit(rng, known)
            left = unit["size"]
        form = _form(rng, index, unit, year)
        if rng.random() < defect_rate:
            inject_defects(rng, form, k=rng.choices((1, 2, 3), weights=(6, 3, 1))[0])
        if self_evaluation_share and rng.random() < self_evaluation_share:
            evaluate(rng, form)
            if rng.random() < defect_rate:
                inject_self_defect(rng, form)
        left -= 1
        yield form


def distinct_values(count: int, seed: int = 0) -> list[str]:
    """``count`` different 指标值 strings in the corpus's styles, for the parser benchmark."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    attempts = 0
    while len(seen) < count and attempts < count * 50:
        attempts += 1
        form = _form(rng, 0, _unit(rng), rng.choice((2021, 2022, 2023)))
        for ind in form.indicators:
            if ind.value is not None:
                seen.setdefault(ind.value.text)
    return list(seen)[:count]
