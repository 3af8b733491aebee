"""Issue 13 item 4: an amount is read exactly as written, or reported unreadable; never truncated."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy.forms.amounts import declared_unit, parse_amount

EXACT = [
    ("-3万元", Decimal(-30000)),
    ("－3万元", Decimal(-30000)),  # full-width minus
    ("−3万元", Decimal(-30000)),  # U+2212 MINUS SIGN
    ("100.万元", Decimal(1000000)),
    ("1 000 000.00", Decimal(1000000)),
    ("1\u00a0000\u00a0000", Decimal(1000000)),  # NBSP grouping
    ("1\u202f000", Decimal(1000)),  # narrow NBSP grouping
    ("1,000,000", Decimal(1000000)),
    ("1，000", Decimal(1000)),
    ("1.5e6", Decimal(1500000)),
    ("1.5E6万元", Decimal(15000000000)),
    ("1\u200b50万元", Decimal(1500000)),  # a ZWSP inside is dropped, not a cut
    ("其中：财政拨款 15万元", Decimal(150000)),
    ("15 万元", Decimal(150000)),
    ("15万元（含税）", Decimal(150000)),
    ("15 万元 XX", Decimal(150000)),  # a mark apart from the number is not glued to it
    ("其中：财政拨款15万元", Decimal(150000)),
    ("1.5e6万元", Decimal(15000000000)),
    ("1e20", Decimal(10) ** 20),  # the largest magnitude read (MAX_MAGNITUDE)
    ("-1e20", -(Decimal(10) ** 20)),
    ("1e-20", Decimal("1e-20")),
    ("15，其中财政拨款10", Decimal(15)),  # a comma after the number ends it
    (".5万元", Decimal(5000)),
    ("A 40万元", Decimal(400000)),  # a letter apart from the number is not glued to it
]

UNREADABLE = [
    "15,5万元",  # decimal comma: report, don't guess
    "1,5000",
    "12.5.3万元",
    "15万5千元",
    "15 5万元",
    "1 000 0",
    "10-15万元",
    "2022-2024年 30万元",
    "1e999999999",
    "1:30",  # YAML 1.1 sexagesimal, kept as text: not 1, not 90
    "15/20万元",
    "XX40XX",  # an unfilled template around a number
    "40XX万元",
    "XX40",
    "4O",  # the letter O for a zero
    "1O0万元",
    "40**",
    "**40",
    "4l",  # the letter l for a one
    "15×",
    "1e21",  # past the largest magnitude: damage
    "1e-21",
    "0.1e21万元",  # read as 1e20, but 1e24 元
    "15万元 5",  # a second number after the unit
    "10-1万元",
]


@pytest.mark.parametrize(("text", "yuan"), EXACT)
def test_amount_read_exactly(text, yuan):
    assert parse_amount(text, "元") == yuan


@pytest.mark.parametrize("text", UNREADABLE)
def test_amount_that_cannot_be_read_exactly_is_unreadable(text):
    assert parse_amount(text, "元") is None


def test_exponent_prints_as_plain_number():
    assert str(parse_amount("1.5e6", "元")) == "1500000"
    assert str(parse_amount("1e1", "元")) == "10"
    assert str(parse_amount("0e5", "元")) == "0"  # a zero with an exponent is a plain zero


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("金额单位：人民币万元", "万元"),
        ("（单位：万元）", "万元"),
        ("2022年项目支出绩效目标表（单位：万元）", "万元"),
        ("单位（万元）", "万元"),
        ("金额单位:元", "元"),
        ("预算单位：元宝区财政局", None),
        ("计量单位：万元", None),
    ],
)
def test_declared_unit_wherever_forms_put_it(text, unit):
    assert declared_unit(text) == unit


GROUPINGS = ["", ",", "，", " ", "\u00a0"]


def _grouped(integer: int, sep: str) -> str:
    plain = str(integer)
    if not sep:
        return plain
    head = len(plain) % 3 or 3
    return sep.join([plain[:head]] + [plain[i : i + 3] for i in range(head, len(plain), 3)])


@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(GROUPINGS),
    st.booleans(),
    st.sampled_from([("", 1), ("元", 1), ("万元", 10000), ("万", 10000), ("亿元", 10**8)]),
)
def test_any_grouped_signed_amount_reads_exactly(integer, cents, sep, negative, unit):
    text = ("-" if negative else "") + _grouped(integer, sep) + f".{cents:02d}" + unit[0]
    expected = (Decimal(integer) + Decimal(cents) / 100) * unit[1]
    assert parse_amount(text, "元") == (-expected if negative else expected)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=99))
def test_decimal_comma_is_never_guessed(whole, fraction):
    assert parse_amount(f"{whole},{fraction}万元", "元") is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("金额单位：人民币万元", "万元"),
        ("（单位：万元）", "万元"),
        ("(单位:元)", "元"),
        ("2022年项目支出绩效目标表（单位：万元）", "万元"),
        ("2022年项目支出绩效目标表（单位： 万元）", "万元"),  # a space inside the cell
        ("单位 万元", "万元"),
        ("备注：本项目单位：元，另附说明", None),  # prose mentioning a unit declares nothing
        ("预算单位：元宝区财政局", None),
    ],
)
def test_unit_declaration_cells(text, unit):
    from policy.forms.amounts import unit_declaration

    assert unit_declaration(text) == unit
