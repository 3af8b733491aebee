"""C106: a self-evaluation evaluates the approved targets — no indicator added, dropped or with a
changed 指标值 — when the run holds both forms of the project (same 预算单位 and 项目名称)."""

from __future__ import annotations

from collections import defaultdict

from grammar import canonical
from grammar.folding import bare, fold
from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.rows import name_key
from policy.forms.model import ANNUAL, SELF_EVALUATION, TARGET

UNIT = "某县交通运输局"


def _pair(change=None):
    """The approved target form of the example self-evaluation, and the self-evaluation."""
    evaluation = evaluation_form(change)
    evaluation["budget_unit"] = UNIT
    target = {"name": evaluation["name"], "year": evaluation["year"], "budget_unit": UNIT,
              "goals": {"annual": evaluation["goals"]["annual"]},
              "indicators": [{"level1": r["level1"], "level2": r["level2"], "name": r["name"],
                              "value": r["target"]} for r in evaluation_form()["indicators"]]}
    return {"forms": [target, evaluation]}


def _changed(form):
    indicator_of(form, "养护里程")["target"] = "≥100公里"


def _dropped_and_added(form):
    form["indicators"] = [r for r in form["indicators"] if r["name"] != "群众满意度"]
    form["indicators"].append({"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "沿线村民满意度",
                               "target": "≥95%", "actual": "96%", "weight": "10", "score": "10"})


def _respelled(form):
    indicator_of(form, "群众满意度")["target"] = "≥ 90 %"


def _value_key(text: str | None, value) -> str:
    """What a 指标值 means, for comparing the two forms: the printer's canonical text; a value the
    grammar cannot read, its folded text without a closing full stop or comma (a decimal point
    or a sign inside it is part of the figure, so not ``bare``)."""
    if value is not None and value.error is None:
        return canonical(value)
    return fold(text).rstrip("。，,；;")


class SelfEvaluationDiffersFromTarget(Rule):
    code = "C106"
    name = "self-evaluation-differs-from-target"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    summary = "A self-evaluation's indicators differ from the approved target form's"
    summary_zh = "自评表的绩效指标与批复的绩效目标表不一致（增、删或改了指标值）"
    rationale = (
        "A self-evaluation scores the year against the targets approved with the budget. An "
        "indicator added, dropped, or with a 年度指标值 different from the approved one evaluates "
        "something else than what was approved — often an easier target."
    )
    fix = ("Evaluate exactly the approved indicators with their approved 指标值; explain changes "
           "approved during the year.")
    source = Source(SourceKind.PRACTICE, "practice: seen in 1 of 7 published self-evaluation forms printing the approved 年度指标值 (萧县 2023); a self-evaluation is scored against the approved target form's indicators",
                    "Forms are paired by 预算单位 and 项目名称 (and year when both state one); "
                    "values are compared by meaning.")
    scope = "unit"
    form_kinds = (SELF_EVALUATION,)  # findings and outcomes on the self-evaluations only
    reads_kinds = (TARGET,)
    bad = (
        Example(_pair(_changed), note="≥120公里 approved, ≥100公里 evaluated", expect=("C106.changed",)),
        Example(_pair(_dropped_and_added), note="群众满意度 dropped, 沿线村民满意度 added",
                expect=("C106.dropped", "C106.added")),
    )
    good = (
        Example(_pair(), note="the approved indicators, evaluated"),
        Example(_pair(_respelled), note="“≥ 90 %” is the approved “≥90%”"),
        Example({"forms": _pair(_changed)["forms"][1:]}, note="no target form in the run"),
    )

    def summarize(self, form, ctx):
        key = bare(form.name)
        if not key or form.kind not in (TARGET, SELF_EVALUATION):
            return None
        rows = {}
        for ind in form.indicators:
            name = name_key(ind.name)
            if ind.period != ANNUAL or not name or not ind.value_text or name in rows:
                continue
            location = ind.location or form.location
            rows[name] = (ind.name, ind.value_text, _value_key(ind.value_text, ind.value), location)
        return (form.kind, key, form.year, rows, form.name_location or form.location)

    def check_unit(self, items, ctx):
        groups = defaultdict(lambda: ([], []))
        for ref, summary in items:
            if summary is not None:
                groups[summary[1]][summary[0] == SELF_EVALUATION].append((ref, summary))
        for targets, evaluations in groups.values():
            for ref, (_, _, year, rows, where) in evaluations:
                approved = [(r, s) for r, s in targets if year is None or s[2] is None or s[2] == year]
                if len(approved) != 1:
                    continue  # none, or several (C105's duplicate): nothing certain to compare with
                target_ref, (_, _, _, target_rows, _) = approved[0]
                yield from self._differences(ref, rows, where, target_ref, target_rows)

    def _differences(self, ref, rows, where, target_ref, target_rows):
        shown = f"{target_ref.path}#{target_ref.index + 1}"
        for key, (name, text, meaning, location) in rows.items():
            found = target_rows.get(key)
            if found is None:
                yield Finding("C106.added", {"name": name, "target": text, "target_form": shown},
                              location=location, form=ref, evidence={"自评表指标值": text})
            elif found[2] != meaning:
                yield Finding("C106.changed", {"name": name, "evaluated": text, "approved": found[1],
                                               "target_form": shown},
                              location=location, form=ref,
                              evidence={"批复指标值": found[1], "自评表指标值": text})
        for key, (name, text, _, _) in target_rows.items():
            if key not in rows:
                yield Finding("C106.dropped", {"name": name, "target": text, "target_form": shown},
                              location=where, form=ref, evidence={"批复指标值": text})
