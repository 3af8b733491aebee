"""grammar/numbers.py and grammar/units.py one function at a time: the readings, the refusals
and the edges that the whole-value tests reach only by chance (found by mutation testing)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from grammar.numbers import BadNumber, format_decimal, parse_arabic, parse_chinese
from grammar.units import MAGNITUDES, UNITS, Unit, canonical_symbol, compound, lookup


@pytest.mark.parametrize("text,number", [
    ("0", "0"), ("12", "12"), ("8,827,620.53", "8827620.53"), ("-5", "-5"), ("+3.5", "3.5"), (".5", "0.5"),
])
def test_parse_arabic_reads(text, number):
    assert parse_arabic(text) == Decimal(number)


@pytest.mark.parametrize("text", ["", "X1", "1x", "١٢", "12%", " 12"])
def test_parse_arabic_refuses_what_is_not_ascii_digits(text):
    with pytest.raises(BadNumber) as info:
        parse_arabic(text)
    assert info.value.args == (text,)  # the damage report quotes it


@pytest.mark.parametrize("text,number", [
    ("零", 0), ("〇", 0), ("两", 2), ("九", 9), ("十", 10), ("十二", 12), ("一十二", 12), ("二十", 20),
    ("二十五", 25), ("一百", 100), ("一百零五", 105), ("三千", 3000), ("三千零五十", 3050),
    ("九千九百九十九", 9999), ("两百", 200),
])
def test_parse_chinese_reads(text, number):
    assert parse_chinese(text) == Decimal(number)


@pytest.mark.parametrize("text", [
    "", "万", "二三", "二一", "三二", "十百", "百", "千", "一百十", "二十二十", "十十", "三千三千", "五a",
])
def test_parse_chinese_refuses(text):
    with pytest.raises(BadNumber) as info:
        parse_chinese(text)
    assert info.value.args == (text,)  # the damage report quotes it


@pytest.mark.parametrize("value,text", [
    ("1.20E+4", "12000"), ("100", "100"), ("1.500", "1.5"), ("2.0", "2"), ("0.0", "0"), ("-0", "0"),
    ("-0.000", "0"), ("-1.50", "-1.5"), ("0.05", "0.05"), ("1E-3", "0.001"), ("10", "10"),
])
def test_format_decimal_is_plain_and_short(value, text):
    assert format_decimal(Decimal(value)) == text


def test_unit_table_factors_and_bases():
    assert (UNITS["元"].dimension, UNITS["元"].factor, UNITS["元"].base) == ("money", 1, "元")
    assert (UNITS["‰"].dimension, UNITS["‰"].factor, UNITS["‰"].base) == ("percent", Decimal("0.1"), "%")
    assert UNITS["百分点"].base == "个百分点"
    counters = [u for u in UNITS.values() if u.dimension == "count"]
    assert counters and all(u.counter == u.symbol == u.base and u.factor == 1 for u in counters)
    assert all(isinstance(u.factor, Decimal) for u in UNITS.values())
    assert str(UNITS["元"]) == "元"


def test_lookup_with_and_without_magnitude():
    assert lookup("元") == UNITS["元"]
    assert lookup("") is None and lookup("不是单位") is None
    wan = lookup("元", "万")
    assert (wan.symbol, wan.dimension, wan.factor, wan.base) == ("万元", "money", Decimal(10000), "元")
    assert lookup("元", "萬") == wan  # a traditional magnitude alias
    assert lookup("元", "亿").factor == Decimal(10**8)
    assert lookup("元", "千").factor == MAGNITUDES["千"] == Decimal(1000)
    assert lookup("元", "打") is None  # not a magnitude
    assert lookup("不是单位", "万") is None
    bare = lookup("", "万")
    assert (bare.symbol, bare.dimension, bare.factor, bare.base, bare.counter) == ("万", "other", Decimal(10000), "", None)
    people = lookup("人", "万")
    assert (people.symbol, people.dimension, people.counter) == ("万人", "count", "人")


def test_canonical_symbol_and_compound():
    assert canonical_symbol("噸") == "吨" and canonical_symbol("元") == "元"
    one = UNITS["元"]
    assert compound((one,), "·") is one
    both = compound((UNITS["人"], UNITS["月"]), "·")
    assert both == Unit("人·月", "other", Decimal(1), "人·月", None)
    assert compound((UNITS["人"], UNITS["月"]), "/").symbol == "人/月"
