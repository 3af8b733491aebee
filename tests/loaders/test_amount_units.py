"""Money in 千元 through the real loaders: a number under 金额单位：千元 (extracted text, flat
table, canonical YAML as a number and as text) and a cell written "5千元" are thousands of 元."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker import Config, check
from policy.forms.amounts import parse_amount
from checker.loaders import load_bytes
from tests.rules.facw_forms import load_text, load_yaml, text_form


def _load(text: str, path: str):
    doc = load_bytes(text.encode("utf-8"), path)
    assert doc.error is None, doc.error
    return list(doc.forms)


@pytest.mark.parametrize("text,unit,yuan", [
    ("5千元", "元", "5000"),
    ("1.25 千元", "万元", "1250"),
    ("5", "千元", "5000"),
    ("5元", "千元", "5"),         # a unit written in the cell wins over the declared one
    ("0.5万元", "千元", "5000"),
])
def test_parse_amount_reads_thousands(text, unit, yuan):
    assert parse_amount(text, unit) == Decimal(yuan)


def test_extracted_text_under_qianyuan():
    [form] = load_text(text_form(unit_line="金额单位：千元", total="800", fiscal="750", other="50",
                                 sources_total="800", sources_parts=("800",)))
    f = form.funding
    assert f.amount_unit == "千元"
    assert (f.total.yuan, f.fiscal.yuan, f.other.yuan) == (Decimal(800000), Decimal(750000), Decimal(50000))
    assert f.sources["合计"].yuan == Decimal(800000)


def test_flat_table_under_qianyuan():
    text = ("金额单位：千元\n单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标值\n"
            "某单位,某项目,1234.5,目标,产出指标,数量指标,培训人次,≥100人次\n")
    [form] = _load(text, "forms.csv")
    assert form.funding.total.yuan == Decimal("1234500")


def test_canonical_yaml_in_qianyuan_numbers_and_text():
    [form] = load_yaml("name: x\namount_unit: 千元\nfunding: {total: 800, fiscal: '750', other: 50.5}\n")
    f = form.funding
    assert (f.total.yuan, f.fiscal.yuan, f.other.yuan) == (Decimal(800000), Decimal(750000), Decimal(50500))


def test_qianyuan_total_against_a_wan_cell_is_consistent():
    """A rule sees the same money whichever unit it was written in: 800千元 = 80万元."""
    forms = load_yaml("name: x\namount_unit: 千元\nfunding: {total: 800, fiscal: 80万元, other: 0}\n")
    report = check(forms, Config(select=("F101",)))
    assert report.coverage[0].outcome("F101") == "pass"
    forms = load_yaml("name: x\namount_unit: 千元\nfunding: {total: 800, fiscal: 8万元, other: 0}\n")
    [d] = check(forms, Config(select=("F101",))).diagnostics
    assert d.args["total"] == "80万元"
