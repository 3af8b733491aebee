"""Where a writer may break a line: text that breaks nowhere may run on past its cell's edge."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders.line_breaks import breaks_nowhere


@pytest.mark.parametrize("text", ["2022", "100%", "（本）/", "（次）", "≥35000", "≥**%", "前"])
def test_one_word_number_or_bracketed_unit_breaks_nowhere(text):
    assert breaks_nowhere(text)


@pytest.mark.parametrize("text", ["持续提升", "12期", "1小时内", "≥35000次/天", "（本）/年", "", " "])
def test_text_with_a_break_between_its_parts_or_none_at_all_is_not_one_unit(text):
    assert not breaks_nowhere(text)


ideographs = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(before=st.text(alphabet="0123456789%≥（）/", max_size=6), first=ideographs, second=ideographs)
def test_two_ideographs_side_by_side_may_always_break(before, first, second):
    assert not breaks_nowhere(before + first + second)
