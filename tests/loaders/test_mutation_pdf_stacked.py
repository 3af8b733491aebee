"""Where one ruled table's frame ends and the next one's begins (``pdf_stacked.py``), at the
edges the Chromium round trips do not reach: tables centred on the page (no side shared), frames
meeting a fraction of a point apart, a side beginning further off, cells touching their frame on
one side of the line only, a border drawn as a box, and stacked tables of a producer that draws
no cell spacing. Written for the survivors of the mutation run of 2026-12-05 (docs/testing.md)."""

from __future__ import annotations

from checker.loaders.pdf import _tables
from checker.loaders.pdf_stacked import junctions
from loaders.test_pdf_stacked import NARROW, WIDE, _browser_table, _row_lines, _stacked


def _framed(top: float, cols: list[float], heights: list[float], left=None, right=None):
    """``_browser_table`` with its frame's left and right sides replaced by the (top, bottom)
    given (None: as drawn)."""
    horizontal, vertical = _browser_table(top, cols, heights)
    for i, span in ((0, left), (1, right)):
        if span is not None:
            vertical[i] = (vertical[i][0], *span)
    return horizontal, vertical


def _read(*tables):
    horizontal, vertical = _stacked(*tables)
    return junctions(vertical, _row_lines(horizontal)), [(t.n, t.m) for t in _tables(horizontal, vertical)]


def test_two_tables_centred_on_the_page_share_no_side_and_are_two_tables():
    centred = [20.0, 80.0, 200.0, 400.0, 560.0]
    assert _read(_browser_table(100.0, WIDE, [22.5] * 4), _browser_table(190.0, centred, [22.5] * 3)) == \
        ([190.0], [(4, 4), (3, 4)])


def test_frames_meeting_half_a_point_apart_meet():
    upper = _browser_table(100.0, WIDE, [22.5] * 4)  # its frame ends at 190
    assert _read(upper, _framed(190.0, NARROW, [22.5] * 3, left=(190.5, 257.5), right=(190.5, 257.5)))[1] == \
        [(4, 4), (3, 5)]
    # One side ends half a point lower than the other (a rounding of the print).
    upper = _framed(100.0, WIDE, [22.5] * 4, right=(100.0, 190.5))
    assert _read(upper, _browser_table(190.0, NARROW, [22.5] * 3))[1] == [(4, 4), (3, 5)]
    lower = _framed(190.0, NARROW, [22.5] * 3, right=(190.5, 257.5))
    assert _read(_browser_table(100.0, WIDE, [22.5] * 4), lower)[1] == [(4, 4), (3, 5)]


def test_frames_meeting_a_fraction_of_a_point_apart_across_a_whole_point_meet():
    for end, begin in ((189.5, 189.2), (190.4, 190.6)):
        upper = _framed(100.0, WIDE, [22.5] * 4, left=(100.0, end), right=(100.0, end))
        lower = _framed(190.0, NARROW, [22.5] * 3, left=(begin, 257.5), right=(begin, 257.5))
        assert _read(upper, lower)[1] == [(4, 4), (3, 5)], (end, begin)


def test_a_side_beginning_further_than_half_a_point_off_the_line_does_not_meet_it():
    lower = _framed(190.0, NARROW, [22.5] * 3, left=(190.8, 257.5))
    found, tables = _read(_browser_table(100.0, WIDE, [22.5] * 4), lower)
    assert found == [] and len(tables) == 1


def _collapsed_row(top: float, cols: list[float], height: float):
    """One row whose cells touch its frame (collapsed borders): every line one rule."""
    return ([(top, cols[0], cols[-1]), (top + height, cols[0], cols[-1])],
            [(x, top, top + height) for x in cols])


def test_a_row_alone_and_a_table_with_cells_touching_the_line_between_them_stay_one_grid():
    """Cells touching the line where the frames meet, on either side of it: a row of one table
    or a table of one row, nothing tells (a rule per cell must not split every row)."""
    assert _read(_collapsed_row(0.0, NARROW, 20.3), _browser_table(20.3, WIDE, [22.5] * 3))[0] == []
    lower = _collapsed_row(20.3, WIDE, 22.5)
    assert _read(_browser_table(0.0, NARROW, [20.3]), lower)[0] == []


def test_a_frame_drawn_as_a_box_two_points_wide_is_still_one_side():
    """A thick border is drawn as a box: its inner line 2 pt in is that side, not a cell's."""
    horizontal, vertical = _browser_table(0.0, NARROW, [20.3])
    vertical += [(NARROW[0] + 2.0, 0.0, 20.3), (NARROW[-1] - 2.0, 0.0, 20.3)]
    assert _read((horizontal, vertical), _browser_table(20.3, WIDE, [22.5] * 3)) == ([20.3], [(1, 5), (3, 4)])


def test_stacked_tables_drawn_without_cell_spacing_keep_their_last_and_first_rows():
    """A producer drawing each line once (frames, row lines and column lines meeting): the
    upper table ends on the junction's line, not sliced by the page."""
    def table(top: float, cols: list[float], rows: int):
        lines = [top + 20.0 * r for r in range(rows + 1)]
        return ([(y, cols[0], cols[-1]) for y in lines], [(x, lines[0], lines[-1]) for x in cols])

    horizontal, vertical = _stacked(table(100.0, [50.0, 120.0, 300.0], 3), table(160.0, [50.0, 200.0, 300.0], 2))
    assert junctions(vertical, _row_lines(horizontal)) == [160.0]
    upper, lower = _tables(horizontal, vertical)
    assert (upper.rows, upper.cut, upper.cols) == ([100.0, 120.0, 140.0, 160.0], False, [50.0, 120.0, 300.0])
    assert (lower.rows, lower.cut, lower.cols) == ([160.0, 180.0, 200.0], False, [50.0, 200.0, 300.0])


def test_a_rule_a_point_or_less_from_the_meeting_line_counts_there():
    """The sides compared and the cells looked for are the rules reaching within a point of the
    line (inclusive): one ending or beginning exactly a point off it counts."""
    upper, lower = _browser_table(100.0, WIDE, [22.5] * 4), _browser_table(190.0, NARROW, [22.5] * 3)
    for stub in ((2.0, 150.0, 189.0), (2.0, 191.0, 240.0)):  # further out than the frames
        found, tables = _read(upper, lower, ([], [stub]))
        assert found == [] and len(tables) == 1, stub
    narrower = [20.0, 58.5, 111.0, 240.0, 357.0, 534.8]
    found, _ = _read(upper, _browser_table(190.0, narrower, [22.5] * 3), ([], [(10.0, 185.0, 191.0)]))
    assert found == [190.0]  # ends a point below the line: not a side beginning there
    wider = [2.0, 58.5, 111.0, 240.0, 357.0, 600.0]
    found, _ = _read(_browser_table(100.0, narrower, [22.5] * 4), _browser_table(190.0, wider, [22.5] * 3),
                     ([], [(10.0, 189.0, 230.0)]))
    assert found == [190.0]  # begins a point above the line, through it: not a side ending there
    row, table = _browser_table(0.0, NARROW, [20.3]), _browser_table(20.3, WIDE, [22.5] * 3)
    for cell_side in ((300.0, 21.3, 40.0), (300.0, 5.0, 19.3)):  # a cell a point off the line
        found, tables = _read(row, table, ([], [cell_side]))
        assert found == [] and [n for n, _ in tables] == [4], cell_side
