"""Issue 13 item 6: YAML scalars keep their text; YAML 1.1 resolvers never turn 015 into 13."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes

FORM = """\
name: {name}
amount_unit: 万元
funding:
  total: {total}
indicators:
  - {{level1: 产出指标, level2: 数量指标, name: 期数, value: {value}}}
"""


def _form(name="项目甲", total="15", value="≥12期"):
    document = load_bytes(FORM.format(name=name, total=total, value=value).encode(), "f.yaml")
    assert document.error is None, document.error
    return document.forms[0]


@pytest.mark.parametrize("written", ["015", "0o17", "1:30", "0x1F", "1_000", "yes", "off", "1:30.5", "012.5"])
def test_value_scalar_is_the_text_written(written):
    assert _form(value=written).indicators[0].value_text == written


@pytest.mark.parametrize("written", ["015", "1:30", "0x1F", "yes"])
def test_name_scalar_is_the_text_written(written):
    assert _form(name=written).name == written


@pytest.mark.parametrize(("written", "yuan"), [("015", Decimal(150000)), ("15", Decimal(150000)),
                                               ("1.5", Decimal(15000)), ("-3", Decimal(-30000))])
def test_amount_is_read_from_the_text_written(written, yuan):
    total = _form(total=written).funding.total
    assert total.text == written and total.yuan == yuan


def test_sexagesimal_amount_is_unreadable_not_ninety():
    total = _form(total="1:30").funding.total
    assert total.text == "1:30" and total.yuan is None


@given(st.from_regex(r"0[0-7]{1,6}", fullmatch=True))
def test_leading_zero_numbers_are_never_octal(digits):
    assert _form(value=digits).indicators[0].value_text == digits


@pytest.mark.parametrize("written", ['"15,5万元"', "1:30", '"10-15万元"'])
def test_unreadable_amount_is_reported_with_its_line(written):
    document = load_bytes(FORM.format(name="项目甲", total=written, value="12期").encode(), "f.yaml")
    [issue] = [i for i in document.forms[0].issues if i.message_id == "E102"]
    assert issue.location.line == 4 and issue.args["field"] == "total"


def test_blank_amount_is_not_an_unreadable_amount():
    document = load_bytes(FORM.format(name="项目甲", total="万元", value="12期").encode(), "f.yaml")
    assert not [i for i in document.forms[0].issues if i.message_id == "E102"]
