"""C102's person-name test (policy/rules/_consistency._is_person) is written out instead of compiled
as a regular expression (cold start); it must accept exactly what the expression accepts."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from policy.authoring.consistency import _is_person, split_implementer

PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")

# Around the class's edges (U+4DFF, U+4E00, U+9FFF, U+A000), the middle dot, ASCII and other CJK.
EDGE = st.sampled_from(["\u4dff", "\u4e00", "\u4e01", "\u9ffe", "\u9fff", "\ua000", "·", "•", "a", " ", "张", "〇"])
WORD = st.text(alphabet=st.one_of(EDGE, st.characters()), max_size=6)


@given(WORD)
def test_is_person_equals_the_regular_expression(word: str) -> None:
    assert _is_person(word) == (PERSON.fullmatch(word) is not None)


def test_is_person_on_examples() -> None:
    assert _is_person("张三") and _is_person("欧阳·娜娜"[:4]) and _is_person("\u4e00\u9fff")
    assert not _is_person("张") and not _is_person("张三李四王") and not _is_person("张3")
    assert not _is_person("\u4dff\u4e00") and not _is_person("\u9fff\ua000")


def test_split_implementer_still_finds_the_person() -> None:
    assert split_implementer("市政府办公室 张三") == ("市政府办公室", "张三")
    assert split_implementer("市政府办公室张三") == ("市政府办公室", "张三")
    assert split_implementer("市政府办公室 Zhang") is None
