"""The rest of a merged cell a browser drew shorter than its rows (``pdf_short_box.py``).

Chromium printed the rest of a merged 一级 label at the next page's top as a box ending 3 pt into
the row under it, and gave that row's label slot no box: the row read a blank label, filled from
the next table's label (seed-7 form 155, ticks as glyphs). The drawings here are that case cut
down: separate borders (each cell's box 1.5 pt from its neighbours' and from the frame)."""

from __future__ import annotations

import pytest

from checker.loaders.pdf_short_box import without_short_boxes
from tests.loaders.pdf_bytes import HEIGHT, read_page

# Down the page (y from the top): a table part at the page's top, its frame's sides from 10 to
# 70 (open above: the page cut it); row 0's boxes 11.5-38, row 1's 39.5-68.5; columns: label
# 11.5-60, name 61.5-130, value 131.5-188.5 (frame sides at 10 and 190).
_FRAME = [(10, 70, 190, 70), (10, 10, 10, 70), (190, 10, 190, 70)]


def _box(left: float, top: float, right: float, bottom: float):
    return [(left, top, right, top), (left, bottom, right, bottom), (left, top, left, bottom),
            (right, top, right, bottom)]


def _cut_box(left: float, right: float, bottom: float, start: float = 10):
    """The rest of a cell the page cut: its sides start at the part's top, with the frame's."""
    return [(left, bottom, right, bottom), (left, start, left, bottom), (right, start, right, bottom)]


def _rows(label_bottom: float, label_below: bool = False):
    """The table's lines: the label's box the rest of a cell the page cut, ending at
    ``label_bottom``; a box of its own in row 1's label slot when ``label_below``."""
    lines = [*_FRAME, *_cut_box(11.5, 60, label_bottom)]
    for top, bottom in ((11.5, 38), (39.5, 68.5)):
        lines += _box(61.5, top, 130, bottom) + _box(131.5, top, 188.5, bottom)
    if label_below:
        lines += _box(11.5, label_bottom + 1.5, 60, 68.5)
    return lines


def _content(lines, texts) -> str:
    strokes = "".join(f"{x0} {HEIGHT - y0} m {x1} {HEIGHT - y1} l S " for x0, y0, x1, y1 in lines)
    words = "".join(f"BT /F1 8 Tf {x} {HEIGHT - y} Td ({text}) Tj ET " for x, y, text in texts)
    return "0.75 w " + strokes + words


_TEXTS = [(20, 27, "L"), (70, 27, "a"), (140, 27, "1"), (70, 57, "b"), (140, 57, "2")]


def _grid(lines):
    [grid] = [g for g in read_page(_content(lines, _TEXTS)).grids if g.kind != "prose"]
    return grid


def test_a_box_ending_inside_the_row_below_runs_on_over_the_row_that_has_no_box():
    grid = _grid(_rows(label_bottom=44))
    assert grid.height == 2  # no sliver row between the label's bottom and row 1's top
    label = grid.covering(0, 0)
    assert (label.text, label.rowspan) == ("L", 2)
    assert grid.covering(1, 0) is label
    assert [c.text for c in grid.row(1)] == ["b", "2"]


def test_a_box_ending_on_the_row_line_above_a_row_without_a_box_runs_on_too():
    # Chromium also ends the rest of a cut cell right on a row line (2 of 200 seed-7 forms).
    grid = _grid(_rows(label_bottom=38))
    assert grid.covering(1, 0) is grid.covering(0, 0)


def test_a_row_with_a_label_box_of_its_own_keeps_it():
    grid = _grid(_rows(label_bottom=38, label_below=True))
    assert grid.height == 2
    assert grid.covering(1, 0) is not grid.covering(0, 0)
    assert grid.covering(0, 0).rowspan == 1


# The same test on rule lists (y downwards): horizontal (y, left, right), vertical (x, top, bottom).

def _segments(lines):
    horizontal = sorted((y0, min(x0, x1), max(x0, x1)) for x0, y0, x1, y1 in lines if y0 == y1)
    vertical = sorted((x0, min(y0, y1), max(y0, y1)) for x0, y0, x1, y1 in lines if x0 == x1)
    return horizontal, vertical


def test_only_the_short_boxs_bottom_is_dropped():
    horizontal, vertical = _segments(_rows(label_bottom=44))
    assert set(horizontal) - set(without_short_boxes(horizontal, vertical)) == {(44, 11.5, 60)}


_COLLAPSED = [(x0, y, x1, y) for y in (10, 38, 70) for x0, x1 in ((10, 60), (60, 130), (130, 190))] + \
    [(x, top, x, bottom) for x in (10, 60, 130, 190) for top, bottom in ((10, 38), (38, 70))]


@pytest.mark.parametrize("beside", [
    [],  # Calc and Writer: each cell's rules meet the sides beside it
    [(131.5, 10, 131.5, 70)],  # a side standing off one end only
    [(58.5, 10, 58.5, 70)],
    [(58.5, 200, 58.5, 250), (131.5, 200, 131.5, 250)],  # sides standing off, far down the page
])
def test_collapsed_borders_lose_no_rule(beside):
    # A cell's bottom is the next cell's top: nothing else is under it, a rule closes it further
    # down, and its own sides come down to it; only a neighbour's side standing off both its ends
    # near it (separate borders) makes it a box's bottom with no box under it.
    horizontal, vertical = _segments(_COLLAPSED + beside)
    assert without_short_boxes(horizontal, vertical) == horizontal


def test_a_box_with_no_rule_under_it_down_to_the_pages_edge_is_kept():
    # A table the page's edge cut: the cells' boxes end, the row goes on to the next page.
    lines = [(10, 10, 10, HEIGHT), (190, 10, 190, HEIGHT),
             *_cut_box(11.5, 60, 30), *_cut_box(61.5, 130, HEIGHT), *_cut_box(131.5, 188.5, HEIGHT)]
    horizontal, vertical = _segments(lines)
    assert (30, 11.5, 60) in without_short_boxes(horizontal, vertical)


def test_a_short_box_lower_on_the_page_is_not_the_rest_of_a_cut_cell():
    # Row 1's label box ending inside its row, nothing under it: not a cell the page cut (its
    # sides start a row down), asked no further.
    lines = [line for line in _rows(label_bottom=38) if line not in _cut_box(11.5, 60, 38)]
    horizontal, vertical = _segments(lines + _box(11.5, 11.5, 60, 38) + _box(11.5, 39.5, 60, 50))
    assert without_short_boxes(horizontal, vertical) == horizontal


@pytest.mark.parametrize("sides_to", [44, 44.75])
def test_a_border_drawn_as_two_edges_loses_both(sides_to):
    # Chromium draws a 1 px border as a band, its two edges 0.75 pt apart; the box's sides come
    # down to one of them (its outer side to the outer edge, its inner side to the inner one).
    lines = [line for line in _rows(label_bottom=44) if line not in _cut_box(11.5, 60, 44)]
    edges = [(11.5, 44, 60, 44), (11.5, 44.75, 60, 44.75)]
    horizontal, vertical = _segments(lines + _cut_box(11.5, 60, sides_to) + edges)
    dropped = set(horizontal) - set(without_short_boxes(horizontal, vertical))
    assert dropped == {(44, 11.5, 60), (44.75, 11.5, 60)}


def test_the_rest_of_a_cut_cell_may_start_a_cell_spacing_under_the_frames_top():
    # Chromium drew the rest of a cut 二级 label from 1.5 pt under the frame's open top, the rest
    # of the 一级 label beside it from the top itself (a page of the 200 seed-7 forms).
    lines = [line for line in _rows(label_bottom=44) if line not in _cut_box(11.5, 60, 44)]
    horizontal, vertical = _segments(lines + _cut_box(11.5, 60, 44, start=11.5))
    assert set(horizontal) - set(without_short_boxes(horizontal, vertical)) == {(44, 11.5, 60)}


def test_a_box_with_a_box_under_it_keeps_its_bottom():
    horizontal, vertical = _segments(_rows(label_bottom=38, label_below=True))
    assert without_short_boxes(horizontal, vertical) == horizontal


def test_a_rule_wider_than_the_cut_box_is_not_its_bottom():
    # At the cut box's bottom, but running on across the name column: no box's side at its end.
    lines = [line for line in _rows(label_bottom=44) if line != (11.5, 44, 60, 44)] + [(11.5, 44, 130, 44)]
    horizontal, vertical = _segments(lines)
    assert without_short_boxes(horizontal, vertical) == horizontal


def test_a_page_of_horizontal_rules_only_is_left_as_it_is():
    assert without_short_boxes([(10, 0, 100), (40, 0, 100)], []) == [(10, 0, 100), (40, 0, 100)]


def test_a_cut_cells_box_ending_just_under_the_parts_top_leaves_its_slot_open():
    # The page reader asks which first-row cells have no rule over them (a cell the page cut) of
    # the same rules it built the grid from: the short box's bottom, 2.5 pt under the row's top
    # line, closed the label's slot before.
    lines = [*_FRAME, *_cut_box(11.5, 60, 14), *_box(11.5, 39.5, 60, 68.5)]
    for top, bottom in ((11.5, 38), (39.5, 68.5)):
        lines += _box(61.5, top, 130, bottom) + _box(131.5, top, 188.5, bottom)
    read = read_page(_content(lines, _TEXTS))
    [grid] = [g for g in read.grids if g.kind != "prose"]
    assert {(grid.cells[i].row, grid.cells[i].col) for i in read.opened} == {(0, 0)}


def test_a_short_box_whose_bottom_is_the_parts_first_rule_keeps_it():
    # Every cell on the part's first row cut open (a goals row the page sliced, seed-7
    # self-evaluations 6 a file of 4): the short label box's bottom is all that bounds the row
    # from above; dropped, the part lost its first row and the goal's rest with it.
    lines = [(10, 40, 190, 40), (10, 10, 10, 40), (190, 10, 190, 40),
             *_cut_box(11.5, 60, 25), *_cut_box(61.5, 130, 38), *_cut_box(131.5, 188.5, 38)]
    horizontal, vertical = _segments(lines)
    assert (25, 11.5, 60) in without_short_boxes(horizontal, vertical)
