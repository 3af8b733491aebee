"""The loader's fast paths build exactly what the general code builds.

``split_cells`` walks ``line.split("\\t")``; the reference here is the specification it replaced
(regex runs of non-TAB characters, TABs counted before each). ``new_location``/``new_indicator``/
``new_amount`` fill the slots of the model's frozen attrs classes directly; they must equal the
constructors field for field, and only stay exact while the classes have no validators,
converters or post-init hooks, which is checked too. Identical lines share one reading (the
line cache): a warm cache must read a file exactly as a cold one.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes, text_layout
from checker.loaders.cells import Cell, split_cells
from checker.loaders.limits import Limits
from policy.forms.model import (
    ANNUAL,
    LONG_TERM,
    Amount,
    Indicator,
    Location,
    new_amount,
    new_indicator,
    new_location,
)
from loaders.tests_paths import SEED

_NON_TAB = re.compile(r"[^\t]+")


def reference_split(line: str, max_chars: int) -> tuple[list[Cell], list[Cell]]:
    """Cells as first specified: each run of non-TAB characters, stripped of every kind of blank
    (U+3000 included); index = TABs before it, column = 1-based offset of its first non-blank."""
    cells, cut = [], []
    for m in _NON_TAB.finditer(line):
        raw = m.group()
        text = raw.strip().strip("\u3000").strip()
        if not text:
            continue
        index = line.count("\t", 0, m.start())
        column = m.start() + 1 + (len(raw) - len(raw.lstrip()))
        cells.append(Cell(text[:max_chars], index, column))
        if len(text) > max_chars:
            cut.append(Cell(text, index, column))
    return cells, cut


# Blanks of every kind around and inside cells, TAB runs, CJK text and long cells.
_CHARS = st.sampled_from(["\t", "\t", "\t", " ", "\u3000", "\xa0", "\r", "\x0b", "a", "指标", "≥9%"])
LINES = st.lists(_CHARS, max_size=40).map("".join)


@given(LINES, st.integers(1, 12))
def test_split_cells_equals_the_reference(line, max_chars):
    assert split_cells(line, max_chars) == reference_split(line, max_chars)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("", []),
        ("\t\t", []),
        ("项目名称\t 乡村道路 \t\t", [("项目名称", 0, 1), ("乡村道路", 1, 7)]),
        ("\u3000\t\u3000年度目标", [("年度目标", 1, 4)]),
    ],
)
def test_split_cells_examples(line, cells):
    assert [tuple(c) for c in split_cells(line, 100)[0]] == cells


def test_split_cells_reports_cut_cells_whole():
    cells, cut = split_cells("ab\tabcdef ", 3)
    assert cells == [Cell("ab", 0, 1), Cell("abc", 1, 4)]
    assert cut == [Cell("abcdef", 1, 4)]


@pytest.mark.parametrize("cls", [Location, Indicator, Amount])
def test_fast_constructors_stay_exact(cls):
    """A validator, converter or post-init hook would be skipped by the fast constructors."""
    assert attrs.has(cls) and "__slots__" in cls.__dict__
    assert not hasattr(cls, "__attrs_post_init__") and not hasattr(cls, "__attrs_pre_init__")
    for field in attrs.fields(cls):
        assert field.validator is None and field.converter is None, field.name


TEXTS = st.none() | st.text(max_size=8)
LINES_OR_NONE = st.none() | st.integers(1, 10**6)


@given(st.text(max_size=8), LINES_OR_NONE, LINES_OR_NONE)
def test_new_location_equals_the_constructor(path, line, column):
    fast, slow = new_location(path, line, column), Location(path, line, column)
    assert type(fast) is Location and fast == slow and hash(fast) == hash(slow)
    assert repr(fast) == repr(slow) and attrs.asdict(fast) == attrs.asdict(slow)


@given(
    TEXTS, TEXTS, TEXTS, TEXTS, st.sampled_from([ANNUAL, LONG_TERM]),
    st.none() | st.builds(Location, st.just("f.txt"), LINES_OR_NONE, LINES_OR_NONE),
    st.none() | st.integers(),
    st.none() | st.builds(Location, st.just("f.txt"), LINES_OR_NONE, LINES_OR_NONE),
)
def test_new_indicator_equals_the_constructor(l1, l2, name, value_text, period, loc, value, vloc):
    fast = new_indicator(l1, l2, name, value_text, period, loc, value, vloc)
    slow = Indicator(
        level1_text=l1, level2_text=l2, name=name, value_text=value_text, period=period,
        location=loc, value=value, value_location=vloc,
    )
    assert type(fast) is Indicator and fast == slow and repr(fast) == repr(slow)
    assert attrs.asdict(fast, recurse=False) == attrs.asdict(slow, recurse=False)
    assert fast.level1 == slow.level1 and fast.level2 == slow.level2


def test_new_indicator_gets_its_own_extra_mapping():
    a = new_indicator(None, None, "a", None, ANNUAL, None, None, None)
    b = new_indicator(None, None, "b", None, ANNUAL, None, None, None)
    assert a.extra == {} and a.extra is not b.extra


@given(TEXTS, st.none() | st.decimals(allow_nan=False, allow_infinity=False), st.booleans())
def test_new_amount_equals_the_constructor(text, yuan, located):
    loc = Location("f.txt", 3, 4) if located else None
    fast, slow = new_amount(text, yuan, loc), Amount(text=text, yuan=yuan, location=loc)
    assert type(fast) is Amount and fast == slow and repr(fast) == repr(slow)


# -- The line cache: a line read before gives the same cells, title and head reading ----------

_SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
_FILES = st.lists(
    st.sampled_from(_SEED_LINES)
    | st.lists(st.sampled_from(["", " ", "一级指标", "项目名称", "≥9%", "x" * 30]), max_size=5).map(
        "\t".join
    ),
    min_size=1,
    max_size=60,
).map(lambda lines: "\n".join(lines).encode("utf-8"))


def _fresh(data: bytes, limits: Limits | None = None):
    text_layout._LINES.clear()
    return load_bytes(data, "form.txt", limits)


@given(_FILES, _FILES, st.sampled_from([None, Limits(max_cell_chars=12)]))
def test_a_warm_line_cache_reads_like_a_cold_one(data, other, limits):
    cold = _fresh(data, limits)
    load_bytes(other, "other.txt")  # fills the cache with other lines, under other limits
    warm = load_bytes(data, "form.txt", limits)
    assert warm == cold


def test_the_line_cache_stays_bounded():
    text_layout._LINES.clear()
    lines = "\n".join(f"项目名称\t项目{i}" for i in range(text_layout.LINE_CACHE_SIZE + 10))
    load_bytes(lines.encode("utf-8"), "form.txt")
    assert 0 < len(text_layout._LINES) <= text_layout.LINE_CACHE_SIZE
