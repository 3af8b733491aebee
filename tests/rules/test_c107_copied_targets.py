"""C107 across files and forms: one finding per copied pair, on the later form, naming both."""

from __future__ import annotations

import random

import yaml
from hypothesis import given, strategies as st

from checker import Config, check, check_paths
from policy.forms.canonical import form_from_mapping
from policy.authoring.similarity import jaccard

ROWS = [
    {"level1": "产出指标", "level2": "数量指标", "name": "培训农民人数", "value": "≥500人"},
    {"level1": "产出指标", "level2": "质量指标", "name": "培训合格率", "value": "≥95%"},
    {"level1": "产出指标", "level2": "时效指标", "name": "培训完成时间", "value": "2023年10月底前"},
    {"level1": "效益指标", "level2": "社会效益", "name": "农民增收技能掌握率", "value": "≥80%"},
    {"level1": "满意度指标", "level2": "服务对象满意度", "name": "参训农民满意度", "value": "≥90%"},
]
GOAL = "全年开展高素质农民培训500人，培训合格率达到95%以上，参训农民满意度达到90%以上。"
OWN_GOAL = "完成20个行政村生活垃圾收运体系建设，村庄保洁覆盖率达到100%，群众满意度90%以上。"


def _form(name, goal=GOAL, rows=ROWS, unit="某县农业农村局", year=2023):
    return {"name": name, "budget_unit": unit, "year": year, "goals": {"annual": goal},
            "indicators": [dict(r) for r in rows]}


def _own_rows(tag):
    return [{**r, "name": f"{tag}{r['name']}", "value": r["value"]} for r in ROWS]


def test_copied_form_in_a_second_file_is_reported_once_on_the_later_form(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(yaml.safe_dump({"forms": [_form("高素质农民培训项目"),
                                               _form("人居环境整治", OWN_GOAL, _own_rows("村"))]},
                                    allow_unicode=True), encoding="utf-8")
    second.write_text(yaml.safe_dump({"forms": [_form("农村实用人才培训项目")]}, allow_unicode=True),
                      encoding="utf-8")
    report = check_paths([second, first], Config(select=("C107",)))
    [d] = report.diagnostics
    assert d.message_id == "C107.both"
    assert (d.form.path, d.form.index) == (str(second), 0)  # the later form in path order
    assert d.args["other"] == "高素质农民培训项目" and d.args["other_ref"] == f"{first}#1"
    assert d.args["shared"] == 5 and d.args["goal_similarity"] == "100"
    assert "农村实用人才培训项目" in d.message("zh") and "高素质农民培训项目" in d.message("zh")


def test_three_copies_give_one_finding_per_pair():
    forms = [form_from_mapping(_form(n)) for n in ("甲项目", "乙项目", "丙项目")]
    forms = [f.__class__(**{**_fields(f), "index": i}) for i, f in enumerate(forms)]
    found = [(d.form.index, d.args["other"]) for d in check(forms, Config(select=("C107",))).diagnostics]
    assert sorted(found) == sorted([(1, "甲项目"), (2, "甲项目"), (2, "乙项目")])


def _fields(form):
    import attrs

    return attrs.asdict(form, recurse=False)


def test_not_compared_other_unit_other_year_same_name_or_short_goal():
    cases = [
        [_form("甲项目"), _form("乙项目", unit="某县教育局")],  # two units
        [_form("甲项目"), _form("乙项目", year=2024)],  # two budget years
        [_form("甲项目"), _form("甲项目")],  # the same name: C105's
        [_form("甲项目", "保障正常运转", _own_rows("甲")), _form("乙项目", "保障正常运转", _own_rows("乙"))],
    ]
    for case in cases:
        forms = [form_from_mapping(f) for f in case]
        assert not check(forms, Config(select=("C107",))).diagnostics, case


def test_indicator_copy_alone_and_thresholds_are_options():
    # the five rows plus one of its own: 5 shared of 6 distinct rows = 83%
    extended = [*ROWS, {"level1": "产出指标", "level2": "数量指标", "name": "培训期数", "value": "5期"}]
    forms = [form_from_mapping(_form("甲项目", GOAL)), form_from_mapping(_form("乙项目", OWN_GOAL, extended))]
    [d] = check(forms, Config(select=("C107",))).diagnostics
    assert d.message_id == "C107.indicators" and d.args["indicator_similarity"] == "83"
    assert d.args["shared"] == 5
    strict = Config(select=("C107",), rules={"C107": {"indicator_similarity": 90}})
    assert not check(forms, strict).diagnostics
    # one value changed: 4 shared of 6 distinct rows = 66%, below the default 70%
    changed = [dict(r) for r in ROWS]
    changed[0]["value"] = "≥300人"
    forms = [form_from_mapping(_form("甲项目", GOAL)), form_from_mapping(_form("乙项目", OWN_GOAL, changed))]
    assert not check(forms, Config(select=("C107",))).diagnostics
    loose = Config(select=("C107",), rules={"C107": {"indicator_similarity": 60}})
    assert [d.args["indicator_similarity"] for d in check(forms, loose).diagnostics] == ["66"]


@given(st.lists(st.sets(st.integers(0, 20)), min_size=2, max_size=2))
def test_jaccard_is_a_similarity(sets):
    a, b = (frozenset(s) for s in sets)
    j = jaccard(a, b)
    assert 0 <= j <= 1 and j == jaccard(b, a)
    assert (j == 1) == (a == b and bool(a))


def test_input_order_does_not_change_the_pairs():
    names = ["甲项目", "乙项目", "丙项目", "丁项目"]
    mappings = [_form(n) if n != "丙项目" else _form(n, OWN_GOAL, _own_rows("丙")) for n in names]
    base = None
    for seed in range(4):
        random.Random(seed).shuffle(mappings)
        forms = [form_from_mapping({**m}) for m in mappings]
        forms = [f.__class__(**{**_fields(f), "index": i}) for i, f in enumerate(forms)]
        pairs = {frozenset((d.args["name"], d.args["other"]))
                 for d in check(forms, Config(select=("C107",))).diagnostics}
        assert base is None or pairs == base
        base = pairs
    assert base == {frozenset(p) for p in (("甲项目", "乙项目"), ("甲项目", "丁项目"), ("乙项目", "丁项目"))}
