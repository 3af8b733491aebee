"""Issue 13 item 5: a value is read as what it says, in every spelling, or marked damaged."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grammar import parse_value
from grammar.printer import canonical

INVISIBLE = ["\u200b", "\u00ad", "\ufeff", "\u200d", "\u2060"]


@pytest.mark.parametrize(
    ("text", "reads_as"),
    [
        ("≤1\u200b50万元", "≤150万元"),
        ("≤1\u00ad50万元", "≤150万元"),
        ("\ufeff≥95%", "≥95%"),
        ("≥150%（含）", "≥150%"),
        (">150%（含）", "≥150%"),
        ("150%以上（含）", "≥150%"),
        ("150%%", "150%"),
        ("≥1 5 0%", "≥150%"),
    ],
)
def test_spellings_read_as_what_they_say(text, reads_as):
    value = parse_value(text)
    assert value.kind == "quantity"
    assert canonical(value) == reads_as


@given(st.sampled_from(INVISIBLE), st.integers(1, 3), st.integers(10, 9999))
def test_an_invisible_character_inside_a_number_never_cuts_it(mark, at, number):
    digits = str(number)
    at = min(at, len(digits) - 1)
    value = parse_value("≤" + digits[:at] + mark + digits[at:] + "万元")
    assert value.kind == "quantity"
    assert value.number == number


@pytest.mark.parametrize("text", ["2022年2月30日", "2023年2月29日前", "2023.4.31", "2022年1月1日-2月30日",
                                  "每年2月30日前"])
def test_impossible_dates_are_damaged(text):
    value = parse_value(text)
    assert value.kind == "text"
    assert value.error is not None and value.error.code == "impossible-date"


def test_leap_day_is_a_date():
    assert parse_value("2024年2月29日").kind == "date"


@pytest.mark.parametrize(("a", "b"), [("2023年1月1日前", "2023年1月前"), ("2022年7月1日前", "2022年7月前")])
def test_first_of_month_deadline_is_the_month_deadline(a, b):
    assert parse_value(a).latest(2022) == parse_value(b).latest(2022)


def test_first_of_next_year_is_within_the_budget_year():
    assert parse_value("2023年1月1日前").latest(2022) == datetime.date(2022, 12, 31)


@pytest.mark.parametrize("mark", INVISIBLE)
def test_folded_names_ignore_invisible_characters(mark):
    from grammar.folding import bare, fold

    assert fold(f"满意{mark}度") == fold("满意度") and bare(f"满意度{mark}。") == bare("满意度")
