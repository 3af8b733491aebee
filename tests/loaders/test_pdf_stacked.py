"""Ruled tables drawn one right on another (a browser's HTML tables, each in its own frame) are
read as two grids, each numbered on its own column lines; one table's rules, however drawn, stay
one grid."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders.pdf import _band_tables, _tables
from checker.loaders.pdf_continued import cluster
from checker.loaders.pdf_stacked import junctions
from loaders.test_loader_grid_roundtrip import CHROMIUM, SAMPLE_FORM, _reads_back_every_field

SPACING = 1.5  # a browser's cell spacing (2 px)


def _browser_table(top: float, cols: list[float], heights: list[float]):
    """(horizontal, vertical) rules as a browser prints a table with ``border="1"``: a frame of
    its own (each side one rule from top to bottom) and each cell's own box, a cell spacing in."""
    rows = [top]
    for h in heights:
        rows.append(rows[-1] + h)
    left, right, bottom = cols[0], cols[-1], rows[-1]
    horizontal = [(top, left, right), (bottom, left, right)]
    vertical = [(left, top, bottom), (right, top, bottom)]
    for r0, r1 in zip(rows, rows[1:]):
        for c0, c1 in zip(cols, cols[1:]):
            x0, y0, x1, y1 = c0 + SPACING, r0 + SPACING, c1 - SPACING, r1 - SPACING
            horizontal += [(y0, x0, x1), (y1, x0, x1)]
            vertical += [(x0, y0, y1), (x1, y0, y1)]
    return horizontal, vertical


def _stacked(*tables):
    horizontal, vertical = [], []
    for h, v in tables:
        horizontal += h
        vertical += v
    return sorted(horizontal), sorted(vertical)


WIDE = [6.0, 64.5, 192.0, 412.5, 587.2]  # a project block, sized to its long texts
NARROW = [6.0, 58.5, 111.0, 240.0, 357.0, 534.8]  # an indicator table of shorter texts


def _near(lines: list[float], drawn: list[float]) -> bool:
    """Column lines as drawn (a cell's side stands a cell spacing off the line it draws)."""
    return len(lines) == len(drawn) and all(abs(a - b) <= SPACING for a, b in zip(lines, drawn))


def _row_lines(horizontal):
    return cluster([y for y, _, _ in horizontal])


def test_two_tables_of_different_widths_drawn_one_on_another_are_two_tables():
    horizontal, vertical = _stacked(_browser_table(100.0, WIDE, [22.5] * 4),
                                    _browser_table(190.0, NARROW, [22.5] * 3))
    assert junctions(vertical, _row_lines(horizontal)) == [190.0]
    tables = _tables(horizontal, vertical)
    assert [len(t.cols) for t in tables] == [len(WIDE), len(NARROW)]
    assert _near(tables[1].cols, NARROW)
    assert [t.n for t in tables] == [4, 3]


def test_two_tables_as_wide_are_two_tables_too():
    same_edges = [6.0, 58.5, 111.0, 240.0, 357.0, 587.2]
    horizontal, vertical = _stacked(_browser_table(100.0, WIDE, [22.5] * 4),
                                    _browser_table(190.0, same_edges, [22.5] * 2))
    tables = _tables(horizontal, vertical)
    assert len(tables) == 2 and _near(tables[0].cols, WIDE) and _near(tables[1].cols, same_edges)


def test_without_the_split_both_tables_read_as_one_run_on_the_union_of_their_columns():
    # What the split prevents: no gap without a vertical rule lies between the two tables.
    horizontal, vertical = _stacked(_browser_table(100.0, WIDE, [22.5] * 4),
                                    _browser_table(190.0, NARROW, [22.5] * 3))
    (whole,) = _band_tables(horizontal, vertical)
    assert whole.n == 7 and whole.m == len(cluster(WIDE + NARROW)) - 1 > len(WIDE) - 1


def test_a_table_whose_sides_run_its_whole_height_is_one_table():
    # Writer and Calc draw each column line as one rule down the table.
    cols, rows = [84.6, 138.6, 300.0, 516.8], [121.7, 147.8, 186.7, 212.8, 238.8]
    horizontal = [(y, cols[0], cols[-1]) for y in rows]
    vertical = [(x, rows[0], rows[-1]) for x in cols]
    assert junctions(vertical, rows) == []
    assert len(_tables(horizontal, vertical)) == 1


def test_a_producer_that_draws_every_cell_alone_does_not_split_each_row():
    # Each cell a box of its own whose sides meet the next row's on the row line.
    cols, rows = [50.0, 120.0, 300.0], [100.0, 120.0, 140.0, 160.0]
    horizontal = [(y, c0, c1) for y in rows for c0, c1 in zip(cols, cols[1:])]
    vertical = [(x, r0, r1) for x in cols for r0, r1 in zip(rows, rows[1:])]
    assert junctions(sorted(vertical), rows) == []
    assert len(_tables(horizontal, vertical)) == 1


def test_a_row_alone_above_the_next_table_is_a_table_of_its_own():
    # The last row of a table continued at a page's top, the next table drawn right under it:
    # its sides cross no row line, but no cell's rule comes near the frames' meeting line.
    horizontal, vertical = _stacked(_browser_table(0.0, NARROW, [20.3]), _browser_table(20.3, WIDE, [22.5] * 3))
    assert junctions(vertical, _row_lines(horizontal)) == [20.3]
    assert [t.n for t in _tables(horizontal, vertical)] == [1, 3]


def test_a_row_alone_whose_cells_touch_the_next_tables_frame_stays_with_it():
    # Collapsed borders (cells on the frame): a row of one table or a table of one row, nothing
    # tells, and a rule per cell must not split every row.
    cols = [50.0, 120.0, 300.0]
    horizontal = [(y, cols[0], cols[-1]) for y in (100.0, 120.0, 140.0, 160.0)]
    vertical = [(x, 100.0, 120.0) for x in cols] + [(x, 120.0, 160.0) for x in (50.0, 200.0, 300.0)]
    assert junctions(sorted(vertical), [100.0, 120.0, 140.0, 160.0]) == []
    assert [t.n for t in _tables(horizontal, vertical)] == [3]  # one table of three rows


@settings(max_examples=25, deadline=None)
@given(
    heights=st.lists(st.lists(st.floats(12.0, 60.0), min_size=2, max_size=6), min_size=1, max_size=4),
    widths=st.lists(st.lists(st.floats(30.0, 150.0), min_size=1, max_size=5), min_size=4, max_size=4),
)
def test_stacked_tables_each_keep_their_own_rows_and_columns(heights, widths):
    top, drawn = 40.0, []
    for k, rows in enumerate(heights):
        cols = [6.0]
        for w in widths[k]:
            cols.append(cols[-1] + w)
        drawn.append((top, cols, rows))
        top += sum(rows)
    horizontal, vertical = _stacked(*(_browser_table(*d) for d in drawn))
    tables = _tables(horizontal, vertical)
    assert [t.n for t in tables] == [len(rows) for _, _, rows in drawn]
    assert [t.m for t in tables] == [len(cols) - 1 for _, cols, _ in drawn]


def _split_after_the_first_row(options):
    """The drawing's picks: the indicator table printed as two tables (a header each), the
    second right under the first; else the first option."""
    options = list(options)
    return 1 if None in options and 1 in options else options[0]


# The form's project block, its indicator table's first row and the rest are three HTML tables
# of three widths drawn one on another; read as one grid, the first part's values fell a column
# off their header (E101) and were lost.
@pytest.mark.producer
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
def test_a_form_printed_by_chromium_as_three_stacked_tables_reads_back(tmp_path):
    from bench.corpusgen.documents import to_chromium_pdf

    content = to_chromium_pdf([SAMPLE_FORM], _split_after_the_first_row, tmp_path, CHROMIUM, ["--no-sandbox"],
                              inputs=False)
    _reads_back_every_field(content, [SAMPLE_FORM])
