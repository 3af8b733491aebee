"""Cases for the R, T, A and V rules at the edges mutation testing found unheld (docs/testing.md):
what a rule concludes on a small form — its findings with their arguments and place, or that
it passed, or the reason it could not check. Options are given as a user's configuration gives
them (through each option's validator)."""

from __future__ import annotations

import copy
import re

import attrs
import pytest

from checker import Config, check
from grammar.folding import TRADITIONAL, bare
from policy.authoring.examples import evaluation_form, indicator_of, only, row
from policy.authoring.values import NAME_DIMENSIONS
from policy.forms.canonical import form_from_mapping
from policy.forms.model import Checkbox, Location
from policy.registry import all_rules, get_rule
from policy.testing import rule_run
from tests.rules.facw_forms import load_text, text_form
from tests.rules.test_rule_cases import _checked, _scored


def _concluded(code, form, **options):
    """What ``code`` concludes on one form mapping: [(message id, args)], "pass", or the
    reason id it stopped with."""
    rule = get_rule(code)
    given = {name: rule.options[name].validate(value) for name, value in options.items()}
    findings, stop = rule_run(rule, form, **given)
    if findings:
        return [(f.message_id, dict(f.args)) for f in findings]
    return "pass" if stop is None else stop.message_id


# (case id, rule code, form, options, what the rule concludes)
VALUE_CASES = [
    # V104: under 时效指标 a name wanting a ratio keeps its want (only nouns give way to a time)
    ("V104-a-ratio-name-under-timeliness", "V104", only(row("产出指标", "时效指标", "审批提速倍数", "≥2天")), {},
     [("V104.ratio", {"name": "审批提速倍数", "value": "≥2天", "unit": "天", "keyword": "倍数"})]),
    ("V104-a-ratio-under-timeliness-is-a-ratio", "V104", only(row("产出指标", "时效指标", "审批提速倍数", "≥2倍")),
     {}, "pass"),
    # money under 数量/质量/时效 is a misfiled cost line, reported once by V107 — also when
    # V104's own name table is configured to make the name want a percent
    ("V104-configured-names-leave-a-misfiled-cost-to-V107", "V104",
     only(row("产出指标", "数量指标", "资金拨付进度", "≥50万元")),
     {"name_dimensions": {**NAME_DIMENSIONS, "进度": "percent"}}, "pass"),
    ("V107-reports-the-misfiled-cost", "V107", only(row("产出指标", "数量指标", "资金拨付进度", "≥50万元")), {},
     [("V107", {"name": "资金拨付进度", "value": "≥50万元"})]),
    # a name configured as "any" is exempt from every unit check, the head-count one too
    ("V104-a-head-count-in-the-wrong-counter", "V104", only(row("产出指标", "数量指标", "培训人数", "≥50个")), {},
     [("V104.counter", {"name": "培训人数", "value": "≥50个", "unit": "个", "keyword": "人数"})]),
    ("V104-a-name-configured-as-any-is-exempt", "V104", only(row("产出指标", "数量指标", "培训人数", "≥50个")),
     {"name_dimensions": {**NAME_DIMENSIONS, "人数": "any"}}, "pass"),
    # the counter of a head count is asked only of counts: 2倍 of 人数 is no counter mistake
    ("V104-a-multiple-of-a-head-count", "V104", only(row("产出指标", "数量指标", "培训人数", "≥2倍")), {}, "pass"),
    # the name states 230人, the value 230名: both person counters, however few are configured
    ("V104-two-person-counters-of-the-name-and-value", "V104",
     only(row("产出指标", "数量指标", "村组干部230人", "≥230名")), {"person_counters": ["人", "名"]}, "pass"),
    ("V104-a-non-person-counter-against-the-name", "V104",
     only(row("产出指标", "数量指标", "村组干部230人", "≥230个")), {"person_counters": ["人", "名"]},
     [("V104.name-unit", {"name": "村组干部230人", "value": "≥230个", "unit": "个", "other": "人"})]),
    # V111: a yes/no answer is V115's, not an unquantified value
    ("V111-a-yes-no-answer-is-V115s", "V111", only(row("产出指标", "质量指标", "验收合格", "是/否")), {}, "pass"),
    ("V115-reports-the-yes-no-answer", "V115", only(row("产出指标", "质量指标", "验收合格", "是/否")), {},
     [("V115", {"name": "验收合格", "value": "是/否"})]),
    # V116: a damaged value is V101's or V102's, even when it reads as a scale of the grades
    # configured (star ratings written with asterisks are placeholder marks to the grammar)
    ("V116-a-placeholder-scale-is-V102s", "V116", only(row("效益指标", "社会效益", "群众评价", "***、**、*")),
     {"grades": ["***", "**", "*"], "lower_grades": ["**", "*"]}, "pass"),
    ("V102-reports-the-placeholder-scale", "V102", only(row("效益指标", "社会效益", "群众评价", "***、**、*")), {},
     [("V102", {"name": "群众评价", "value": "***、**、*"})]),
    ("V116-a-star-scale-configured", "V116", only(row("效益指标", "社会效益", "群众评价", "★★★、★★、★")),
     {"grades": ["★★★", "★★", "★"], "lower_grades": ["★★", "★"]},
     [("V116", {"name": "群众评价", "value": "★★★、★★、★", "grades": "★★★、★★、★"})]),
]


@pytest.mark.parametrize("code,form,options,expected", [c[1:] for c in VALUE_CASES],
                         ids=[c[0] for c in VALUE_CASES])
def test_value_rule_case(code, form, options, expected):
    concluded = _concluded(code, form, **options)
    if isinstance(expected, list) and isinstance(concluded, list):
        # each finding's message id and the arguments the case names
        concluded = [(m, {k: args.get(k) for k in e}) for (m, args), (_, e) in zip(concluded, expected)] \
            + concluded[len(expected):]
    assert concluded == expected


# --- A rules: checkbox rows as a text form gives them (the real loader), and hand-built forms

_BASIS_BOXES = ('立项依据\t<input type="checkbox"/> 法律法规 <input checked="" type="checkbox"/> 上级文件要求 '
                '<input type="checkbox"/> 其他')


def _outcome(forms, code):
    report = check(forms, Config(select=(code,)))
    [outcome] = [o for o in report.coverage[0].outcomes if o.code == code]
    return report.diagnostics, outcome


def test_a103_basis_written_without_boxes_is_unread_not_missing():
    # the other rows print their boxes; 立项依据 is plain text the loader cannot read as ticks
    text = text_form()
    assert _BASIS_BOXES in text
    forms = load_text(text.replace(_BASIS_BOXES, "立项依据\t上级文件要求"))
    diagnostics, outcome = _outcome(forms, "A103")
    assert [d for d in diagnostics if d.code == "A103"] == []
    assert (outcome.outcome, outcome.reason_id, outcome.reason_args) == (
        "insufficient_data", "A.reason.row-unread", {"row": "立项依据"})


def test_a103_lists_the_options_the_form_prints():
    [form] = load_text(text_form(basis=()))
    [finding] = check([form], Config(select=("A103",))).diagnostics
    assert finding.args == {"options": "法律法规、上级文件要求、其他"}
    assert (finding.line, finding.column) == (6, 6)  # the 立项依据 row


def test_a102_nothing_ticked_in_printed_boxes():
    [form] = load_text(text_form(term=()))
    [finding] = check([form], Config(select=("A102",))).diagnostics
    assert (finding.message_id, finding.args) == ("A102.none", {"options": "一次性、经常性"})
    term = form.attributes.term_location
    assert (finding.line, finding.column) == (term.line, term.column) != (1, 1)  # the 项目期限 cell


def test_a102_lists_the_options_as_printed():
    built = form_from_mapping({"attributes": {"kind": "新增项目", "basis": ["其他"]}, "line": 3})
    boxes = (Checkbox("一次性项目", False), Checkbox("经常性项目", False))
    built = attrs.evolve(built, attributes=attrs.evolve(built.attributes, term_options=boxes, term_checked=()))
    [finding], _ = _checked("A102", built)
    assert (finding.message_id, dict(finding.args)) == ("A102.none", {"options": "一次性项目、经常性项目"})


def test_a103_a_ticked_basis_is_an_answer_without_its_boxes():
    """A Form whose 立项依据 was read as ticked options only (no boxes kept), beside rows with
    unticked boxes: the basis was given, nothing to report and nothing unread."""
    built = form_from_mapping({"attributes": {"kind": "新增项目", "term": "一次性"}, "line": 3})
    kind = (Checkbox("新增项目", True), Checkbox("延续项目", False))
    built = attrs.evolve(built, attributes=attrs.evolve(
        built.attributes, kind_options=kind, basis=("上级文件要求",), basis_options=()))
    assert _checked("A103", built) == ([], None)


def test_a105_points_at_the_previous_budget_cell():
    [form] = load_text(text_form(kind=("新增项目",), previous="500000"))
    [finding] = check([form], Config(select=("A105",))).diagnostics
    prev = form.funding.previous_years.location
    assert (finding.args["amount"], finding.line, finding.column) == ("50万元", prev.line, prev.column)
    assert (prev.line, prev.column) != (form.location.line, form.location.column)


def test_a105_without_the_cells_place_points_at_the_form():
    built = form_from_mapping({"attributes": {"kind": "新增项目", "term": "一次性", "basis": ["其他"]},
                               "funding": {"total": "15万元", "previous_years": "15万元"}, "line": 3})
    prev = attrs.evolve(built.funding.previous_years, location=None)
    built = attrs.evolve(built, funding=attrs.evolve(built.funding, previous_years=prev))
    [finding], _ = _checked("A105", built)
    assert (finding.args["amount"], finding.location) == ("15万元", built.location)


# --- R and T rules on the example self-evaluation (tests/rules/test_rule_cases.py's _scored:
# indicators 0 养护里程 ≥120公里 126公里 20/20, 1 验收合格率, 2 完工时间 (a date), 3 每公里养护成本,
# 4 通行时间缩短率 ≥10% 8% 24/30 with a reason, 5 群众满意度)

def _unscored(**cells):
    """The example self-evaluation with no indicator scored (T104's forms) and cells changed."""
    def change(form):
        for row in form["indicators"]:
            row["score"] = None
        for key, value in cells.items():
            column, _, i = key.rpartition("_")
            form["indicators"][int(i)][column] = value
    return evaluation_form(change)


def _goals(annual, actual):
    return evaluation_form(lambda form: form["goals"].update(annual=annual, annual_actual=actual))


# distinct characters that fold to themselves (no traditional form folded onto another): a goal
# and an actual that share exactly 904 of them
_SIMPLIFIED = frozenset(map(chr, TRADITIONAL.values()))
_RUN = "".join(c for c in map(chr, range(0x4E00, 0x5400)) if bare(c) == c and c not in _SIMPLIFIED)[:1105]
_SHARED, _GOAL_REST, _ACTUAL_REST = _RUN[:904], _RUN[904:1005], _RUN[1005:1105]
# a long goal made of a few characters only, each repeated
_LISTED = "完成道路养护，完成桥梁养护，完成涵洞养护。" * 12

SELF_EVALUATION_CASES = [
    # R106: full points are the proportional score when it rounds (half up, 四舍五入) to the weight
    ("R106-half-a-point-rounds-up-to-the-weight", "R106", _scored(weight_4="5", actual_4="9%", score_4="5"), {},
     "pass"),
    ("R106-below-half-a-point", "R106", _scored(weight_4="5", actual_4="8.9%", score_4="5"), {},
     [("R106", {"score": "5", "by": "1.1个百分点"})]),
    # a score written in exponent form (a JSON number) is still judged to whole points
    ("R106-a-score-in-exponent-form", "R106", _scored(actual_4="8.5%", score_4=3e16), {},
     [("R106", {"score": "3e+16", "by": "1.5个百分点"})]),
    # a grade missed (优 wanted, 良 reached) has no distance to show
    ("R106-a-grade-below-the-target-scored-in-full", "R106", _scored(target_4="优", actual_4="良", score_4="30"),
     {}, [("R106.grade", {"target": "优", "actual": "良", "by": None})]),
    # T104
    ("T104-a-grade-below-the-target", "T104", _unscored(target_4="优", actual_4="良", deviation_4=None), {},
     [("T104.grade", {"target": "优", "actual": "良", "by": None})]),
    ("T104-a-row-without-actual-does-not-end-the-check", "T104", _unscored(actual_0=None, deviation_4=None), {},
     [("T104", {"name": "通行时间缩短率", "by": "2个百分点"})]),
    # T105: far above an at-least target (≥, >, or a bare number that is not a cost)
    ("T105-a-row-without-ratio-does-not-end-the-check", "T105", _scored(actual_4="15%", deviation_4=None), {},
     [("T105", {"name": "通行时间缩短率", "percent": "150"})]),
    ("T105-more-than-the-target", "T105", _scored(target_0=">120公里", actual_0="180公里"), {},
     [("T105", {"target": ">120公里", "percent": "150"})]),
    ("T105-a-bare-target", "T105", _scored(target_0="120公里", actual_0="180公里"), {},
     [("T105", {"target": "120公里", "percent": "150"})]),
    ("T105-an-at-most-target-beaten-by-far", "T105", _scored(name_0="投诉件数", target_0="≤10件", actual_0="5件"), {},
     "pass"),
    ("T105-at-the-ratio", "T105", _scored(actual_0="156公里"), {}, [("T105", {"name": "养护里程", "percent": "130"})]),
    ("T105-just-below-the-ratio", "T105", _scored(actual_0="155.9公里"), {}, "pass"),
    # T106: the goal and the actual compared without numbering labels
    ("T106-labels-of-the-goal-are-not-text", "T106",
     _goals("1、完成农村道路养护120公里。2、群众满意度达到90%以上。", "完成农村道路养护120公里，群众满意度达到90%以上。"), {},
     [("T106", {"similarity": "100"})]),
    ("T106-no-actual", "T106", _goals("完成农村道路养护120公里。", None), {}, "T.reason.no-goal-pair"),
    ("T106-at-the-similarity", "T106", _goals(_RUN[:9] + "甲", _RUN[:9] + "乙"), {}, [("T106", {"similarity": "90"})]),
    # 904 of 2 009 characters in common: 89.995%, shown and counted as 90%
    ("T106-a-similarity-that-rounds-to-the-threshold", "T106",
     _goals(_SHARED + _GOAL_REST, _SHARED + _ACTUAL_REST), {}, [("T106", {"similarity": "90"})]),
    ("T106-a-long-repetitive-goal-copied", "T106", _goals("计划" + _LISTED, "实际" + _LISTED), {},
     [("T106", {"similarity": "99"})]),
]


@pytest.mark.parametrize("code,form", [
    ("R106", _scored(target_4="优", actual_4="良", score_4="30")),
    ("T104", _unscored(target_4="优", actual_4="良", deviation_4=None)),
])
def test_a_missed_grade_states_no_gap(code, form):
    """A grade is missed by no distance: its finding carries no 差 argument at all (a report
    would show an empty or null one)."""
    [finding], _ = rule_run(get_rule(code), form)
    assert finding.message_id == f"{code}.grade" and "by" not in finding.args


@pytest.mark.parametrize("code,form,options,expected", [c[1:] for c in SELF_EVALUATION_CASES],
                         ids=[c[0] for c in SELF_EVALUATION_CASES])
def test_self_evaluation_rule_case(code, form, options, expected):
    test_value_rule_case(code, form, options, expected)


def _with_actual_cell(mapping, cell):
    """The form of ``mapping`` with its 实际完成情况 read at ``cell`` (a loader's place)."""
    built = form_from_mapping(mapping)
    assert built.location != cell
    return attrs.evolve(built, goals=attrs.evolve(built.goals, annual_actual_location=cell))


_CELL = Location(path="<mapping>", line=9, column=3)


@pytest.mark.parametrize("code,change,expected", [
    ("T106", lambda form: form["goals"].update(annual_actual=form["goals"]["annual"]), "T106"),
    ("T108", lambda form: form["goals"].update(annual_actual=None), "T108.blank"),
    ("T108", lambda form: form["goals"].update(annual_actual="对照年度目标，说明相关任务目标的完成情况"), "T108.prompt"),
])
def test_goal_findings_point_at_the_actual_cell(code, change, expected):
    [finding], _ = _checked(code, _with_actual_cell(evaluation_form(change), _CELL))
    assert (finding.message_id, finding.location) == (expected, _CELL)


# --- Every self-evaluation example shows its one defect: the rest of the form holds (the
# execution table adds up and its printed rate is spent ÷ budget; every row has a target and an
# actual; no cell is a template placeholder), so what `explain` and docs/rules.md show is what
# the example's note says.

_EXECUTION_TABLE = {"F112", "R101"}  # rules about the execution table: each other's knock-on
_BYSTANDERS = ("F112", "R101", "T107", "S105", "V102")


def shows_one_defect(code: str, mapping) -> bool:
    """Whether an example of rule ``code`` leaves the rest of a self-evaluation form whole (any
    other example: True). tools/mutation_examples.py asks it of examples rebuilt under a mutant."""
    if "forms" in mapping or mapping.get("kind") != "self_evaluation":
        return True
    if code not in _EXECUTION_TABLE and not _execution_filled(mapping):
        return False
    bystanders = [b for b in _BYSTANDERS if b != code and not {b, code} <= _EXECUTION_TABLE]
    return all(_concluded(b, mapping) == "pass" for b in bystanders)


def _execution_filled(mapping) -> bool:
    """Every 项目资金 row states its budgets and its spending in plain digits (a blank part is
    allowed by F112, an amount wrapped in placeholder marks is read as its digits: neither would
    show in any rule's findings, only in the example's YAML)."""
    return all(re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", str(row.get(cell) or ""))
               for row in mapping.get("execution", ()) for cell in ("initial", "budget", "spent"))


# Good examples at the edge they document: one cell changed makes the rule report. (rule, good
# example, indicator, cells)
EDGES = [
    # T102: a described target answered 已完成 — the same answer to a number is reported
    ("T102", 1, "验收合格率", {"target": "100%"}),
    # R106: 30.0 is the proportional score of 9.999% printed to one place — not of 9.9%, and
    # not when printed to three places
    ("R106", 1, "通行时间缩短率", {"actual": "9.9%"}),
    ("R106", 1, "通行时间缩短率", {"score": "30.000"}),
]


def edges_hold(rule) -> bool:
    """Whether ``rule``'s good examples listed in EDGES pass and become bad with their change."""
    for code, i, name, cells in EDGES:
        if code != rule.code:
            continue
        mapping = copy.deepcopy(rule.good[i].form)
        if _concluded(code, mapping) != "pass":
            return False
        indicator_of(mapping, name).update(cells)
        if not isinstance(_concluded(code, mapping), list):
            return False
    return True


_SELF_EVALUATION_EXAMPLES = [
    (rule.code, kind, i, example.form)
    for rule in all_rules() for kind, examples in (("bad", rule.bad), ("good", rule.good))
    for i, example in enumerate(examples)
    if "forms" not in example.form and example.form.get("kind") == "self_evaluation"
]


@pytest.mark.parametrize("code,kind,i,mapping", _SELF_EVALUATION_EXAMPLES,
                         ids=[f"{c}-{k}{i}" for c, k, i, _ in _SELF_EVALUATION_EXAMPLES])
def test_a_self_evaluation_example_shows_one_defect(code, kind, i, mapping):
    bystanders = [b for b in _BYSTANDERS if b != code and not {b, code} <= _EXECUTION_TABLE]
    assert {b: _concluded(b, mapping) for b in bystanders} == {b: "pass" for b in bystanders}
    assert code in _EXECUTION_TABLE or _execution_filled(mapping)
    assert shows_one_defect(code, mapping)


@pytest.mark.parametrize("code", sorted({e[0] for e in EDGES}))
def test_a_good_example_sits_at_its_edge(code):
    assert edges_hold(get_rule(code))
