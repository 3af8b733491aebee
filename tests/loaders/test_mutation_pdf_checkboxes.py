"""The size and shape a drawn square must have to be read as a checkbox (``pdf_checkboxes.py``),
at its edges: written for the survivors of the mutation run of 2026-12-05 (docs/testing.md)."""

from __future__ import annotations

from checker.loaders.pdf_checkboxes import Box, Checkbox, Mark, is_square, read_squares
from tests.loaders.pdf_bytes import HEIGHT, read_page


def test_a_checkbox_side_runs_from_5_to_20_points_both_included():
    assert is_square(10, 10, 15, 15)
    assert not is_square(10, 10, 14.9, 14.9)
    assert is_square(10, 10, 30, 30)
    assert not is_square(10, 10, 30.1, 30.1)


def test_a_box_out_of_square_by_up_to_15_percent_of_its_side_is_a_square():
    """A print scaled to the page rounds the two sides apart (10.9 by 10.2 pt)."""
    assert is_square(10, 10, 20.9, 20.2)
    assert is_square(10, 10, 20, 18.5)  # 1.5 of 10: exactly 15%
    assert not is_square(10, 10, 20, 18.4)


def _y(top: float) -> float:
    return HEIGHT - top


# A ruled table of one row (y 100-130 from the top) and two columns (x 50-150-250), labelled.
_TABLE = "".join(f"50 {_y(y)} m 250 {_y(y)} l S " for y in (100, 130)) + \
    "".join(f"{x} {_y(100)} m {x} {_y(130)} l S " for x in (50, 150, 250)) + \
    f"BT /F1 10 Tf 60 {_y(118)} Td (Kind) Tj ET BT /F1 10 Tf 175 {_y(118)} Td (New) Tj ET"


def _row(drawn: str) -> list[str]:
    read = read_page(_TABLE + drawn)
    return [c.text for g in read.grids for c in g.cells]


def test_a_box_a_little_out_of_square_reads_as_a_checkbox_in_its_cell():
    assert _row(f"q 0.7 w 160 {_y(120)} 10.9 10.2 re S Q") == ["Kind", "□New"]
    tick = f"q 1 w 162 {_y(115)} m 165 {_y(118)} l 169 {_y(111)} l S Q"
    assert _row(f"q 0.7 w 160 {_y(120)} 10.9 10.2 re S Q " + tick) == ["Kind", "☑New"]


# -- read_squares: boxes drawn together, check marks, text, rules ---------------------------------

NO_RULES: tuple[list, list] = ([], [])


def _box(left: float, top: float, side: float = 10.0, stroked: bool = True) -> Box:
    return Box(left, top, left + side, top + side, stroked, False)


def test_squares_side_by_side_sharing_a_side_are_a_row_of_small_cells():
    """Two small cells of one row, each drawn as a square: the top and bottom sides run on from
    one square into the next, so they are a table's rules (not two checkboxes)."""
    row = [_box(10, 10), _box(20, 10)]
    assert read_squares(row, [], NO_RULES, []) == ([], row)


def test_boxes_up_to_a_quarter_side_apart_are_one_checkbox_drawn_twice():
    """A browser draws a checkbox as a filled square and an outline over it: their centres may
    differ a little (up to a quarter of a side), and it is still one checkbox."""
    for dx, dy in ((2.0, 0.0), (0.0, 2.0), (2.5, 0.0), (0.0, 2.5)):
        found = read_squares([_box(10, 10), _box(10 + dx, 10 + dy)], [], NO_RULES, []).checkboxes
        assert found == [Checkbox(10, 10, 20 + dx, 20 + dy, False)], (dx, dy)
    for dx, dy in ((3.0, 0.0), (0.0, 3.0)):  # further apart: two squares, each side running on the other's
        assert read_squares([_box(10, 10), _box(10 + dx, 10 + dy)], [], NO_RULES, []).checkboxes == []


def test_a_check_mark_may_reach_three_tenths_of_a_side_past_its_box_and_no_further():
    box = [_box(10, 10)]
    for mark in (Mark(7, 12, 23, 18), Mark(12, 7, 18, 23)):  # 3 of 10 past both sides: ticked
        assert read_squares(box, [mark], NO_RULES, []).checkboxes == [Checkbox(10, 10, 20, 20, True)]
    for mark in (Mark(5, 12, 25, 18), Mark(12, 5, 18, 25), Mark(6.9, 12, 18, 18), Mark(12, 12, 23.1, 18),
                 Mark(12, 6.9, 18, 18), Mark(12, 12, 18, 23.1)):
        assert read_squares(box, [mark], NO_RULES, []).checkboxes == [Checkbox(10, 10, 20, 20, False)], mark


def test_a_check_mark_centred_on_the_boxs_side_is_not_inside_it():
    box = [_box(10, 10)]
    for mark in (Mark(8, 12, 12, 18), Mark(18, 12, 22, 18), Mark(12, 8, 18, 12), Mark(12, 18, 18, 22)):
        assert read_squares(box, [mark], NO_RULES, []).checkboxes == [Checkbox(10, 10, 20, 20, False)], mark


def test_a_glyph_centred_on_the_squares_side_is_beside_it_not_in_it():
    """A label set tight against the box: the square is still a checkbox, not a cell."""
    for glyph in ((10.0, 15.0), (20.0, 15.0), (15.0, 10.0), (15.0, 20.0)):
        assert len(read_squares([_box(10, 10)], [], NO_RULES, [glyph]).checkboxes) == 1, glyph


# A rule along a side of the square (10, 10)-(20, 20) continues it when it lies within 1 pt of
# the side's line, reaches the square (within 1 pt) and runs on more than 1 pt past it.
_CONTINUES = [
    ([(11.0, 10.0, 30.0)], []),  # 1 pt off the top side's line, running on right
    ([(10.0, 0.0, 20.0)], []),  # running on left from the top side
    ([(10.0, 21.0, 40.0)], []),  # starting 1 pt right of the square
    ([(10.0, 0.0, 9.0)], []),  # ending 1 pt left of it
    ([(10.0, 0.0, 9.5)], []),  # ending half a point short of it
    ([], [(11.0, 0.0, 20.0)]),  # 1 pt off the left side's line, running on up
    ([], [(10.0, 10.0, 30.0)]),  # running on down from the left side
    ([], [(20.0, 21.0, 40.0)]),  # starting 1 pt below the square
    ([], [(20.0, 20.5, 40.0)]),  # starting half a point below it
    ([], [(20.0, 0.0, 9.0)]),  # ending 1 pt above it
]
_STANDS_ALONE = [
    ([(11.1, 10.0, 30.0)], []),  # more than 1 pt off the side's line
    ([(10.0, 9.0, 20.0)], []),  # running on only 1 pt
    ([(10.0, 10.0, 21.0)], []),
    ([], [(11.1, 0.0, 20.0)]),
    ([], [(10.0, 9.0, 20.0)]),
    ([], [(10.0, 10.0, 21.0)]),
]


def test_a_rule_continues_a_side_within_a_point_of_its_line_and_reaching_it():
    for rules in _CONTINUES:
        assert read_squares([_box(10, 10)], [], rules, []).checkboxes == [], rules
    for rules in _STANDS_ALONE:
        assert len(read_squares([_box(10, 10)], [], rules, []).checkboxes) == 1, rules
