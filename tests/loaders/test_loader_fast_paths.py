"""The loader's fast paths build exactly what the general code builds.

``split_cells`` walks ``line.split("\\t")``; the reference here is the specification it replaced
(regex runs of non-TAB characters, TABs counted before each). Identical lines share one reading
(the line cache): a warm cache must read a file exactly as a cold one.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes, text_grid
from checker.loaders.cells import Cell, split_cells
from checker.loaders.limits import Limits
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
    text_grid._LINES.clear()
    return load_bytes(data, "form.txt", limits)


@given(_FILES, _FILES, st.sampled_from([None, Limits(max_cell_chars=12)]))
def test_a_warm_line_cache_reads_like_a_cold_one(data, other, limits):
    cold = _fresh(data, limits)
    load_bytes(other, "other.txt")  # fills the cache with other lines, under other limits
    warm = load_bytes(data, "form.txt", limits)
    assert warm == cold


def test_the_line_cache_stays_bounded():
    text_grid._LINES.clear()
    lines = "\n".join(f"项目名称\t项目{i}" for i in range(text_grid.LINE_CACHE_SIZE + 10))
    load_bytes(lines.encode("utf-8"), "form.txt")
    assert 0 < len(text_grid._LINES) <= text_grid.LINE_CACHE_SIZE
