"""Character-class searches replaced by set tests (cold start: a class of Chinese characters costs
~0.7 ms to compile) must answer exactly what the regular expressions answered."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from grammar import folding
from checker.loaders import text_head
from grammar import damage
from policy.authoring import consistency as _consistency

NUMERALS = re.compile(r"[0-9零〇一二两三四五六七八九十百千]")
CJK_NUMBERS = re.compile(r"[一二三四五六七八九十百千]")
CN_NEXT_TO_DIGIT = re.compile(r"[零〇一二两三四五六七八九][0-9]+|[0-9]+[零〇一二两三四五六七八九]")

TEXT = st.text(alphabet=st.one_of(st.sampled_from("0123456789０１零〇一二两三四五六七八九十百千万亿年月 .,"),
                                  st.characters()), max_size=12)


@given(TEXT)
def test_numeral_sets_equal_the_classes(text: str) -> None:
    assert (not _consistency._NUMERALS.isdisjoint(text)) == bool(NUMERALS.search(text))
    assert (not text_head._CJK_NUMBERS.isdisjoint(text)) == bool(CJK_NUMBERS.search(text))


@given(TEXT)
def test_chinese_digit_next_to_digit_is_found_as_before(text: str) -> None:
    expected = CN_NEXT_TO_DIGIT.search(text)
    found = None if damage._CN_DIGITS.isdisjoint(text) else damage._cn_next_to_digit().search(text)
    assert (found and found.group(0)) == (expected and expected.group(0))


def test_every_character_of_the_classes_alone() -> None:
    for char in map(chr, range(0x20, 0xA000)):
        assert (not _consistency._NUMERALS.isdisjoint(char)) == bool(NUMERALS.search(char))
        assert (not text_head._CJK_NUMBERS.isdisjoint(char)) == bool(CJK_NUMBERS.search(char))
        assert (char in damage._CN_DIGITS) == bool(CN_NEXT_TO_DIGIT.search(char + "1"))


def test_examples() -> None:
    assert damage.diagnose("1二3") == damage.Damage("bad-number", {"number": "1二"})
    assert not _consistency._NUMERALS.isdisjoint("培训八百人次") and _consistency._NUMERALS.isdisjoint("持续提升")
    assert damage._cn_next_to_digit().search("共1二0人").group(0) == "1二"


SOURCE_NUMBERING = re.compile(r"^[（(]?[0-9一二三四五六七八九十]+[.．、)）]")
LEVEL_NUMBERING = re.compile(r"^[一二三四五六七八九十\d]+[、.．)）]")
NUMBERED = st.text(alphabet=st.one_of(st.sampled_from("（()）0129一二十百.．、,٣ 产出"), st.characters()), max_size=8)


@given(NUMBERED)
def test_numbering_is_stripped_as_the_expressions_strip_it(text: str) -> None:
    assert text_head.strip_numbering(text) == SOURCE_NUMBERING.sub("", text)
    assert folding.strip_numbering(text) == LEVEL_NUMBERING.sub("", text)


def test_numbering_each_character() -> None:
    for char in map(chr, range(0x20, 0xA000)):
        for text in (char + "、x", "1" + char + "x", "（" + char + ")x"):
            assert text_head.strip_numbering(text) == SOURCE_NUMBERING.sub("", text)
            assert folding.strip_numbering(text) == LEVEL_NUMBERING.sub("", text)
    assert text_head.strip_numbering("1.一般公共预算") == "一般公共预算"
    assert folding.strip_numbering("一、产出指标") == "产出指标"


def test_compound_separators_are_the_pattern_characters() -> None:
    # folded_name_parts returns a name without one of these as one part, without splitting.
    from policy.authoring import rows as _structure

    pattern = re.compile(_structure._COMPOUND.source)
    for char in map(chr, range(0x20, 0x10000)):
        assert (char in _structure._COMPOUND_CHARS) == bool(pattern.search(char))
    assert _structure.folded_name_parts("培训人次", 2) == ("培训人次",)
    assert _structure.folded_name_parts("培训人次、宣传人次", 2) == ("培训人次、宣传人次", "培训人次", "宣传人次")
