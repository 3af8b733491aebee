"""The value halves at their edges: a list separator followed by a blank still says the list goes
on, and a grid with no cells among those read names no value column and hides none (the
survivors of the mutation run of 2026-12-05)."""

from __future__ import annotations

from checker.loaders.grid import Grid
from checker.loaders.value_halves import Reading, reading, two_values, value_spans
from tests.loaders.test_value_halves import HEADER, _grid


def test_a_value_ending_in_a_separator_and_a_blank_goes_on_below():
    # Cell text may keep the blank a line ended with: "≥95%； " still goes on to the next value.
    assert not two_values("≥95%； ", "≥98%") and not two_values("≥95%，\n", "≥98%")
    assert reading("≥95%； ", "≥98%") is not Reading.TWO_ROWS
    assert two_values("≥95% ", "≥98%")  # without the separator: two rows' values


def test_a_grid_without_cells_is_passed_over_for_the_header_before_it():
    table = _grid("page 1 table 1", [HEADER, ["产出指标", "数量指标", "巡查次数", "≥4次"]])
    empty = Grid("page 2 table 1", (), page=2)
    assert empty.height == 0
    assert value_spans([table, empty]) == [range(3, 4)]
    assert value_spans([empty]) == []
