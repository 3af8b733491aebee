"""F (funding) rules on whole forms in layouts they were not written against, their options, and
the property that a larger annual budget never adds a funding finding."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from checker import Config, check
from policy.forms.canonical import form_from_mapping
from policy.registry import get_rule
from policy.testing import run_rule
from tests.rules.facw_forms import load_text, load_yaml, text_form


def _diags(forms, select=("F",), **rules):
    return check(forms, Config(select=select, rules=rules)).diagnostics


def _ids(forms, select=("F",), **rules):
    return sorted(d.message_id for d in _diags(forms, select, **rules))


def _outcome(forms, code):
    report = check(forms, Config(select=(code,)))
    return report.coverage[0].outcome(code), report


# ---------------------------------------------------------------- a clean form stays clean


def test_clean_text_form_has_no_funding_finding():
    assert _ids(load_text(text_form())) == []


# ---------------------------------------------------------------- F101


def test_f101_fiscal_plus_other_in_yuan_layout():
    forms = load_text(
        text_form(
            total="800000",
            fiscal="700000",
            other="50000",
            sources_total="800000",
            sources_parts=("800000",),
        )
    )
    d = [d for d in _diags(forms) if d.code == "F101"]
    assert len(d) == 1
    assert d[0].args == {
        "total": "80万元",
        "fiscal": "70万元",
        "other": "5万元",
        "sum": "75万元",
    }
    assert d[0].line == 7  # the 年度资金总额 cell
    assert d[0].evidence["财政拨款+其他资金"] == "75万元"


def test_f101_tolerance_option_absorbs_rounding():
    form = form_from_mapping({"funding": {"total": "15.33万元", "fiscal": "153301元"}})
    assert [
        f.message_id
        for f in run_rule(
            get_rule("F101"), {"funding": {"total": "15.33万元", "fiscal": "153301元"}}
        )[0]
    ] == ["F101"]
    assert _ids([form], select=("F101",), F101={"tolerance_yuan": 1}) == []


def test_f101_both_parts_blank_is_insufficient_data_not_pass():
    outcome, report = _outcome(
        [form_from_mapping({"funding": {"total": "15万元", "fiscal": "万元"}})], "F101"
    )
    assert outcome == "insufficient_data"
    assert report.coverage[0].outcomes[0].reason_id == "F.reason.no-fiscal-other"


def test_f101_only_other_funds_given_and_equal_is_fine():
    assert (
        _ids(
            [form_from_mapping({"funding": {"total": "30万元", "other": "30万元"}})],
            select=("F101",),
        )
        == []
    )


# ---------------------------------------------------------------- F102 / F103


def test_f102_sources_do_not_add_up_in_yuan_layout():
    forms = load_text(
        text_form(sources_total="800000", sources_parts=("500000", "200000"))
    )
    d = [d for d in _diags(forms) if d.code == "F102"]
    assert (
        len(d) == 1 and d[0].args["sum"] == "70万元" and d[0].args["total"] == "80万元"
    )


def test_f103_sources_total_differs_from_annual_total():
    forms = load_text(text_form(sources_total="850000", sources_parts=("850000",)))
    assert _ids(forms) == ["F103"]


# ---------------------------------------------------------------- F104 / F105 / F106


def test_f104_cap_in_wan_against_total_in_yuan():
    forms = load_text(
        text_form(
            indicators=(
                ("产出指标", "数量指标", "养护里程", "≥120公里"),
                ("成本指标", "经济成本指标", "路面修补费用", "≤85万元"),
                ("成本指标", "经济成本指标", "每公里养护成本", "≤6000元/公里"),
            )
        )
    )
    d = [d for d in _diags(forms) if d.code == "F104"]
    assert len(d) == 1
    assert d[0].args == {"name": "路面修补费用", "cap": "85万元", "total": "80万元"}
    assert d[0].indicator.name == "路面修补费用"
    assert "F105" not in _ids(forms)  # one cap and a unit cost: nothing to add up


def test_f105_caps_sum_and_a_missing_cost_value():
    indicators = (
        ("产出指标", "数量指标", "养护里程", "≥120公里"),
        ("产出指标", "成本指标", "材料费", "≤500000元"),
        ("产出指标", "成本指标", "人工费", "≤40万元"),
    )
    forms = load_text(text_form(indicators=indicators))
    d = [d for d in _diags(forms) if d.code == "F105"]
    assert len(d) == 1 and d[0].args == {"sum": "90万元", "count": 2, "total": "80万元"}
    # The seed's defect in another layout: a cost line with no readable amount → not "passed".
    yaml_form = load_yaml(
        "name: 会务保障经费\n"
        "funding: {total: 300000, fiscal: 300000}\n"
        "indicators:\n"
        "  - {level1: 成本指标, level2: 经济成本指标, name: 场地租赁费, value: ≤20万元}\n"
        "  - {level1: 成本指标, level2: 经济成本指标, name: 资料印刷费, value: 按实结算}\n"
    )
    outcome, report = _outcome(yaml_form, "F105")
    assert outcome == "insufficient_data"
    reason = report.coverage[0].outcomes[0]
    assert reason.reason_id == "F.reason.cost-value-unreadable"
    assert reason.reason_args["name"] == "资料印刷费"


def test_f105_needs_more_than_one_cap_to_add_up():
    # Below the boundary: one cap alone above the total is F104's finding, not a sum.
    one_cap = form_from_mapping(
        {
            "funding": {"total": "10万元"},
            "indicators": [
                {"level1": "成本指标", "level2": "经济成本指标", "name": "设备购置费", "value": "≤12万元"},
            ],
        }
    )
    report = check([one_cap], Config(select=("F104", "F105")))
    assert [d.code for d in report.diagnostics] == ["F104"]
    assert report.coverage[0].outcome("F105") == "pass"
    # An aggregate line and one item: the item is all that is summed, still one cap.
    aggregate = form_from_mapping(
        {
            "funding": {"total": "10万元"},
            "indicators": [
                {"level1": "成本指标", "level2": "经济成本指标", "name": "项目总成本", "value": "≤11万元"},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "设备购置费", "value": "≤11万元"},
            ],
        }
    )
    assert check([aggregate], Config(select=("F105",))).coverage[0].outcome("F105") == "pass"
    # At the boundary: exactly two caps, each within the total, one 元 over together.
    two_caps = form_from_mapping(
        {
            "funding": {"total": "100000元"},
            "indicators": [
                {"level1": "成本指标", "level2": "经济成本指标", "name": "设备购置费", "value": "≤50000元"},
                {"level1": "成本指标", "level2": "经济成本指标", "name": "运维费", "value": "≤50001元"},
            ],
        }
    )
    [d] = check([two_caps], Config(select=("F105",))).diagnostics
    assert d.code == "F105" and d.args["count"] == 2 and d.args["sum"] == "100001元"


def test_f105_finding_in_full_and_its_reasons():
    """Everything F105 says: the finding's place, evidence and arguments, and why it did not run."""
    rule = get_rule("F105")

    def cost(name, value):
        return {"level1": "成本指标", "level2": "经济成本指标", "name": name, "value": value}

    form = {"funding": {"total": "10万元"}, "indicators": [
        cost("差旅费", "≤6万元"), cost("差旅费", "≤5万元"), cost(None, "≤1万元")]}
    [f], _ = run_rule(rule, form)
    assert f.args == {"sum": "12万元", "count": 3, "total": "10万元"}
    assert f.evidence == {"差旅费": "5万元", "第3项": "1万元", "成本上限合计": "12万元", "年度资金总额": "10万元"}
    assert f.indicator.value_text == "≤1万元"  # the unnamed line sorts first
    form["indicators"] = form["indicators"][:2]
    [f], _ = run_rule(rule, form)
    assert f.indicator.value_text == "≤5万元" and f.location == f.indicator.location  # ties: by value
    assert f.location is not None
    assert run_rule(rule, {"funding": {"total": "10万元"}}) == ([], "F.reason.no-cost-caps")
    assert run_rule(rule, {"indicators": [cost("差旅费", "≤6万元")]}) == ([], "F.reason.no-annual-total")
    unreadable = {"funding": {"total": "10万元"}, "indicators": [cost(None, "按实结算"), cost("会务费", "≤1万元")]}
    report = check([form_from_mapping(unreadable)], Config(select=("F105",)))
    [outcome] = report.coverage[0].outcomes
    assert outcome.reason_id == "F.reason.cost-value-unreadable"
    assert outcome.reason_args == {"name": "（无名称）", "value": "按实结算"}
    blank = {"funding": {"total": "10万元"}, "indicators": [cost("印刷费", None), cost("会务费", "≤1万元")]}
    [outcome] = check([form_from_mapping(blank)], Config(select=("F105",))).coverage[0].outcomes
    assert outcome.reason_args == {"name": "印刷费", "value": "（空）"}


def test_f106_cost_line_restating_the_budget_other_wording_and_units():
    # The seed's 预算额度 ≤50万元 = 50万元, here as 项目支出总额 in 元 under 成本指标 as 一级.
    forms = load_yaml(
        "name: 档案数字化经费\n"
        "amount_unit: 万元\n"
        "funding: {total: 12.5, fiscal: 12.5}\n"
        "indicators:\n"
        "  - {level1: 产出指标, level2: 数量指标, name: 数字化档案, value: ≥3000卷}\n"
        "  - {level1: 成本指标, level2: 经济成本指标, name: 项目支出总额, value: 不超过125000元}\n"
    )
    d = [d for d in _diags(forms) if d.code == "F106"]
    assert len(d) == 1 and d[0].args["cap"] == d[0].args["total"] == "125000元"
    assert d[0].severity == "info"


def test_f106_not_reported_when_unit_costs_are_given():
    forms = load_text(
        text_form(
            indicators=(
                ("产出指标", "数量指标", "养护里程", "≥120公里"),
                ("产出指标", "成本指标", "养护总费用", "≤800000元"),
                ("产出指标", "成本指标", "每公里养护成本", "≤6000元/公里"),
            )
        )
    )
    assert "F106" not in _ids(forms)


def test_cost_lines_ignore_rates_cumulative_amounts_and_unit_standards():
    form = form_from_mapping(
        {
            "funding": {"total": "10万元", "fiscal": "10万元"},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "成本控制率",
                    "value": "100%",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "累计投入",
                    "value": "≤50万元",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "补助标准",
                    "value": "≤12万元",
                },
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "资金拨付",
                    "value": "10万元",
                },
            ],
        }
    )
    # never compared with the total; the 补助标准 without a per-unit is only F107's note on that
    assert _ids([form]) == ["F107.no-per-unit"]


# ---------------------------------------------------------------- F107 … F110


def test_f107_unit_cost_times_quantity_with_bracketed_alternatives():
    forms = load_text(
        text_form(
            total="100000",
            fiscal="100000",
            sources_total="100000",
            sources_parts=("100000",),
            indicators=(
                ("产出指标", "数量指标", "编印资料", "8000册（本）"),
                ("产出指标", "成本指标", "编印单价", "≤45元/册"),
            ),
        )
    )
    d = [d for d in _diags(forms) if d.code == "F107"]
    assert len(d) == 1 and d[0].args["product"] == "36万元"
    assert d[0].evidence["年度资金总额"] == "100000"


def test_f107_ambiguous_quantities_are_not_multiplied():
    form = form_from_mapping(
        {
            "funding": {"total": "1万元"},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "印制手册",
                    "value": "5000份",
                },
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "印制海报",
                    "value": "3000份",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "印制单价",
                    "value": "10元/份",
                },
            ],
        }
    )
    assert "F107" not in _ids([form])


def test_f108_and_f109_in_text_layout():
    forms = load_text(text_form(long_term_total="600000", procurement="900000"))
    assert _ids(forms) == ["F108", "F109"]


def test_funding_findings_point_at_the_cell_they_are_about():
    text = text_form(long_term_total="600000", total="800000", fiscal="700000",
                     procurement="900000", sources_total="750000")
    # the long-term column's 财政拨款 filled in: 500000 of 1000000, for F111
    long_term = text_form(long_term_total="1000000", total="800000", fiscal="800000").replace(
        "\t其中：财政拨款\t", "\t其中：财政拨款 500000\t", 1)
    at = {}
    for form_text in (text, long_term):
        lines = form_text.splitlines()
        at |= {d.code: lines[d.line - 1][d.column - 1:] for d in _diags(load_text(form_text))}
    assert at["F108"].startswith("中长期资金总额：600000")
    assert at["F111"].startswith("中长期资金总额：1000000")
    assert at["F101"].startswith("年度资金总额：800000")
    assert at["F109"].startswith("年度资金中：政府采购 900000")
    assert at["F102"].startswith("750000") and at["F103"].startswith("750000")


def test_f110_blank_total_and_dependent_rules_say_insufficient():
    forms = load_text(text_form(total="", sources_total="800000"))
    ids = _ids(forms)
    assert "F110.blank" in ids
    report = check(forms, Config(select=("F101", "F103", "F104")))
    assert report.coverage[0].outcome("F101") == "insufficient_data"
    assert report.coverage[0].outcome("F103") == "insufficient_data"


def test_rule_options_are_validated():
    rule = get_rule("F104")
    assert rule.options["tolerance_yuan"].validate("0.5") == Decimal("0.5")
    for bad in (-1, "abc", True):
        try:
            rule.options["tolerance_yuan"].validate(bad)
        except (ValueError, TypeError):
            continue
        raise AssertionError(f"accepted {bad!r}")
    try:
        rule.options["unit_cost_words"].validate("标准")
    except ValueError:
        pass
    else:
        raise AssertionError("a bare string is not a word list")


# ---------------------------------------------------------------- property


_money = st.integers(min_value=0, max_value=5_000_000).map(Decimal)
_cost_value = st.one_of(
    st.integers(1, 3_000_000).map(lambda n: f"≤{n}元"),
    st.integers(1, 300).map(lambda n: f"{n}万元"),
    st.integers(1, 500).map(lambda n: f"{n}元/人"),
    st.sampled_from(["按实结算", "", "100%"]),
)


@st.composite
def _funding_forms(draw):
    fiscal = draw(_money)
    other = draw(st.one_of(st.none(), _money))
    total = fiscal + (other or 0) + draw(st.sampled_from([0, 0, 1, -1, 10000]))
    parts = [draw(_money) for _ in range(draw(st.integers(0, 2)))]
    costs = draw(st.lists(_cost_value, max_size=4))
    return {
        "total": max(total, Decimal(0)),
        "fiscal": fiscal,
        "other": other,
        "sources_parts": parts,
        "sources_total": draw(st.one_of(st.none(), _money)),
        "long_term_total": draw(st.one_of(st.none(), _money)),
        "long_term_fiscal": draw(st.one_of(st.none(), _money)),
        "procurement": draw(st.one_of(st.none(), _money)),
        "costs": costs,
        "people": draw(st.integers(1, 5000)),
    }


def _mapping(spec, raise_by):
    def up(x):
        return None if x is None else x + raise_by

    funding = {
        "total": up(spec["total"]),
        "fiscal": up(spec["fiscal"]),
        "other": spec["other"],
        # The budget year is part of the project period: its total and fiscal part rise too.
        "long_term_total": up(spec["long_term_total"]),
        "long_term_fiscal": up(spec["long_term_fiscal"]),
        "procurement": spec["procurement"],
    }
    sources = {}
    if spec["sources_total"] is not None:
        sources["合计"] = up(spec["sources_total"])
    if spec["sources_parts"]:
        sources["一般公共预算收入"] = up(spec["sources_parts"][0])
        if len(spec["sources_parts"]) > 1:
            sources["其他收入"] = spec["sources_parts"][1]
    funding["sources"] = sources
    indicators = [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "服务人数",
            "value": f"{spec['people']}人",
        }
    ]
    indicators += [
        {"level1": "产出指标", "level2": "成本指标", "name": f"费用{i}", "value": v}
        for i, v in enumerate(spec["costs"])
    ]
    return {"funding": funding, "indicators": indicators}


def _funding_findings(mapping):
    report = check([form_from_mapping(mapping)], Config(select=("F",)))
    return {
        (d.message_id, d.indicator.name if d.indicator else None)
        for d in report.diagnostics
    }


@given(spec=_funding_forms(), raise_by=st.integers(1, 10_000_000).map(Decimal))
def test_raising_the_annual_budget_never_adds_a_funding_finding(spec, raise_by):
    before = _funding_findings(_mapping(spec, Decimal(0)))
    after = _funding_findings(_mapping(spec, raise_by))
    assert after <= before, after - before


# ---------------------------------------------------------------- robustness

# Cells drawn from generated text and from values seen in real forms.
_seen_cells = st.sampled_from(
    [
        "≤15万元",
        "67.5元/份（册）",
        "≥**%",
        "万元",
        "12期",
        "每月一期",
        "20**年",
        "1.2万人次",
        "≤620万/月",
        "10-15万元",
        "按实结算",
        "0",
        "-5万元",
    ]
)
_cell = st.one_of(st.none(), st.text(max_size=12), _seen_cells)
# A filled cell drawn directly, not as _cell.filter(bool): a third of _cell is None and some of
# its text is empty, so filtering a list of them tripped Hypothesis' filter_too_much health
# check on about one seed in 60 (9 inputs kept, 50 filtered) — the test's occasional failure.
_filled_cell = st.one_of(st.text(min_size=1, max_size=12), _seen_cells)
_level1 = st.sampled_from(["产出指标", "成本指标", "效益指标", "满意度指标", None, "x"])
_level2 = st.sampled_from(
    [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济成本指标",
        "社会效益",
        "服务对象满意度",
        None,
        "y",
    ]
)


@st.composite
def _arbitrary_form(draw):
    return {
        "name": draw(_cell),
        "budget_unit": "某单位",
        "implementer": draw(_cell),
        "attributes": {
            "kind": draw(st.lists(st.sampled_from(["新增项目", "延续项目"]))),
            "term": draw(_cell),
            "basis": draw(st.lists(_filled_cell)),
        },
        "funding": {
            k: draw(_cell)
            for k in (
                "total",
                "fiscal",
                "other",
                "long_term_total",
                "previous_years",
                "procurement",
            )
        }
        | {"sources": {"合计": draw(_cell), "一般公共预算收入": draw(_cell)}},
        "goals": {
            "annual": draw(_cell),
            "long_term": draw(_cell),
            "long_term_label": draw(_cell),
        },
        "indicators": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "level1": _level1,
                        "level2": _level2,
                        "name": _cell,
                        "value": _cell,
                        "period": st.sampled_from(["annual", "long_term"]),
                    }
                ),
                max_size=6,
            )
        ),
    }


@given(forms=st.lists(_arbitrary_form(), min_size=1, max_size=3))
def test_facw_rules_never_crash_on_arbitrary_cells(forms):
    report = check(
        [form_from_mapping(m, index=i) for i, m in enumerate(forms)],
        Config(select=("F", "A", "C", "W")),
    )
    assert not report.errors, report.errors
    for c in report.coverage:
        assert all(o.outcome != "error" for o in c.outcomes), c.outcomes


def test_cost_cap_above_budget_in_a_sichuan_export():
    from tests.rules.facw_forms import load_tsv, sichuan_export

    forms = load_tsv(
        sichuan_export(
            "某县民政局",
            "特困人员救助供养",
            "1200000",
            "为全县特困人员提供基本生活保障。",
            [
                ("产出指标", "数量指标", "救助人数", "≥", "300", "人"),
                ("产出指标", "成本指标", "救助标准", "≤", "400", "元/人·月"),
                ("产出指标", "成本指标", "项目总成本", "≤", "1500000", "元"),
            ],
        )
    )
    d = [d for d in _diags(forms) if d.code == "F104"]
    assert [(x.args["name"], x.args["cap"], x.args["total"]) for x in d] == [
        ("项目总成本", "150万元", "120万元")
    ]


def test_dash_and_wu_in_funding_cells_mean_nothing_filled():
    form = form_from_mapping(
        {
            "funding": {
                "total": "50万元",
                "fiscal": "50万元",
                "other": "—",
                "procurement": "无",
            }
        }
    )
    report = check([form], Config(select=("F101", "F109", "F110")))
    assert not report.diagnostics
    assert report.coverage[0].outcome("F101") == "pass"
    assert report.coverage[0].outcome("F109") == "not_applicable"
    blank_total = form_from_mapping({"funding": {"total": "/", "fiscal": "50万元"}})
    assert _ids([blank_total], select=("F110",)) == ["F110.blank"]


def test_a_lower_bound_cost_line_is_not_a_cap():
    form = form_from_mapping(
        {
            "funding": {"total": "30万元", "fiscal": "30万元"},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "村级配套投入",
                    "value": "≥50万元",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "材料费",
                    "value": "≤20万元",
                },
            ],
        }
    )
    assert _ids([form]) == []


def test_a_rate_without_a_money_unit_does_not_block_the_cost_sum():
    form = form_from_mapping(
        {
            "funding": {"total": "800万元", "fiscal": "800万元"},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "人工成本",
                    "value": "≤620万/月",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "设备购置",
                    "value": "≤100万元",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "耗材",
                    "value": "≤50万元",
                },
            ],
        }
    )
    report = check([form], Config(select=("F105", "F107")))
    assert report.coverage[0].outcome("F105") == "pass"
    assert report.coverage[0].outcome("F107") == "not_applicable"
    bare = form_from_mapping(
        {
            "funding": {"total": "800万元", "fiscal": "800万元"},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "控制在预算成本内",
                    "value": "250万",
                },
                {
                    "level1": "产出指标",
                    "level2": "成本指标",
                    "name": "耗材",
                    "value": "≤50万元",
                },
            ],
        }
    )
    assert check([bare], Config(select=("F105",))).coverage[0].outcome("F105") == (
        "insufficient_data"
    )


def test_f110_finding_place_and_evidence():
    rule = get_rule("F110")
    assert run_rule(rule, {"name": "x"}) == ([], "F.reason.no-funding")
    # A blank cell ("万元" with no number) and a missing one: both blank, evidence says what is there.
    [form] = load_yaml("name: x\nfunding: {total: 万元, fiscal: 5万元}\n")
    total = form.funding.total
    assert total.text == "万元" and total.yuan is None
    [d] = check([form], Config(select=("F110",))).diagnostics
    assert d.message_id == "F110.blank" and d.args == {}
    assert d.evidence == {"年度资金总额": "万元"}
    assert (d.line, d.column) == (total.location.line, total.location.column)
    [form] = load_text(text_form(total="", fiscal="800000"))
    [d] = check([form], Config(select=("F110",))).diagnostics
    assert d.message_id == "F110.blank" and d.evidence == {"年度资金总额": "（空）"}
    assert d.line is not None
    # Text with no amount in it: unreadable, quoted, and pointed at.
    [form] = load_yaml("name: x\nfunding: {total: 按实结算, fiscal: 5万元}\n")
    total = form.funding.total
    [d] = check([form], Config(select=("F110",))).diagnostics
    assert d.message_id == "F110.unreadable" and d.args == {"text": "按实结算"}
    assert d.evidence == {"年度资金总额": "按实结算"}
    assert (d.line, d.column) == (total.location.line, total.location.column)


def test_f110_and_a104_point_at_the_cell_itself():
    """The YAML loader places every amount at its form, and the text loaders give no amount for
    a blank cell; a form whose cells have places of their own shows the findings use them."""
    import attrs

    from policy.forms.model import Location
    from policy.api import Context
    from policy.forms.facts import FormFacts
    from policy.testing import default_options

    def placed(mapping, key, line):
        form = form_from_mapping(mapping)
        amount = attrs.evolve(getattr(form.funding, key), location=Location("f.yaml", line, 4))
        return attrs.evolve(form, funding=attrs.evolve(form.funding, **{key: amount}))

    def found(code, form):
        rule = get_rule(code)
        return list(rule().check(FormFacts(form), Context(options=default_options(rule))))

    for total in ("万元", "按实结算"):  # blank, unreadable
        [f] = found("F110", placed({"funding": {"total": total, "fiscal": "5万元"}}, "total", 7))
        assert f.location == Location("f.yaml", 7, 4), total
    continuing = {"kind": "延续项目", "term": "经常性", "basis": ["其他"]}
    form = placed({"attributes": continuing, "funding": {"total": "5万元", "previous_years": "万元"}},
                  "previous_years", 9)
    [f] = found("A104", form)
    assert f.location == Location("f.yaml", 9, 4)


def test_f107_tolerance_is_stated_and_configurable():
    # 宁河 2020: 26970.7平方米 × 71.86元 = 1938114.502元 against 1938000元, a rounded unit cost.
    form = form_from_mapping(
        {
            "funding": {"total": "1938000元"},
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "补贴民办园租用面积",
                 "value": "26970.7平方米"},
                {"level1": "产出指标", "level2": "成本指标", "name": "补贴标准",
                 "value": "71.86元/平方米"},
            ],
        }
    )
    assert not check([form], Config(select=("F107",))).diagnostics
    exact = check([form], Config(select=("F107",), rules={"F107": {"tolerance": 0}})).diagnostics
    assert [(d.args["over"], d.args["tolerance"]) for d in exact] == [("0.01", "0")]
    assert "超出年度资金总额 1938000元 的 0.01%（容差 0%）" in exact[0].message("zh")
