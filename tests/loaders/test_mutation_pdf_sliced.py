"""A table a browser sliced at the page's edge (``pdf_sliced.py``): which side segments say so
(the frame's, not an inner line's nor a neighbouring table's; drawn a piece a row), and which
cell the text a page opened finishes when it is not the row's first or stands off the columns
above. Written for the survivors of the mutation run of 2026-12-05 (docs/testing.md)."""

from __future__ import annotations

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.pdf_broken_row import Foot, FootCell, Head, HeadCell
from checker.loaders.pdf_sliced import finished, sliced_rows

PAGE = 843.0


def _grid(name: str, texts: list[str]) -> Grid:
    return Grid(name, tuple(GridCell(t, 0, c, table_place("f", name, 0, c)) for c, t in enumerate(texts)))


def _foot(*edges: tuple[float, float]) -> Foot:
    return Foot(PAGE, [FootCell(i, left, right, None, False, 0.0) for i, (left, right) in enumerate(edges)])


def _head(*edges: tuple[float, float]) -> Head:
    return Head(841.4, True, [HeadCell(i, left, right, 12.0) for i, (left, right) in enumerate(edges)])


COLUMNS = ((6.0, 53.0), (53.0, 137.0), (137.0, 200.0))


def test_an_open_cell_after_closed_ones_finishes_the_cell_above_it():
    before = _grid("page 1 table 1", ["预算执行率", "100%", "全年预算执行率达到"])
    after = _grid("page 2 table 1", ["年度资金总额", "156", "100%。"])
    done, rest = finished(before, _foot(*COLUMNS), after, _head(*COLUMNS), frozenset({2}))
    assert [c.text for c in done.cells] == ["预算执行率", "100%", "全年预算执行率达到100%。"]
    assert [c.text for c in rest.cells] == ["年度资金总额", "156", ""]


def test_an_open_cell_a_little_off_the_columns_above_finishes_the_one_it_mostly_stands_under():
    """The next page's part drawn a few points off: the cell overlaps two cells above, one by
    far the most."""
    before = _grid("page 1 table 1", ["项目资金（万", "设备采购及"])
    after = _grid("page 2 table 1", ["", "安装"])
    foot = _foot((6.0, 60.0), (60.0, 200.0))
    head = _head((6.0, 53.0), (53.0, 137.0))
    done, rest = finished(before, foot, after, head, frozenset({1}))
    assert [c.text for c in done.cells] == ["项目资金（万", "设备采购及安装"]
    assert [c.text for c in rest.cells] == ["", ""]


def test_an_open_cell_standing_only_half_over_the_cell_above_finishes_nothing():
    """Half over an open cell and half past the table above: under no cell."""
    before = _grid("page 1 table 1", ["设备采购及"])
    after = _grid("page 2 table 1", ["安装"])
    done, rest = finished(before, _foot((6.0, 95.0)), after, _head((53.0, 137.0)), frozenset({0}))
    assert (done, rest) == (before, after)


# -- sliced_rows: which side segments say the page's edge sliced the table ------------------------

COLS = [6.0, 53.0, 137.0, 200.0]
ROWS = [705.0, 745.5, 786.0, 826.5]


def test_only_the_frames_sides_running_on_slice_the_table_not_an_inner_column_line():
    """A merged label's column line running past the last row (its cell open) with the frame
    closed: the page's edge is no row line of the table."""
    for x in (53.0, 137.0):
        vertical = sorted([(6.0, 705.0, 826.5), (x, 705.0, PAGE), (200.0, 705.0, 826.5)])
        assert sliced_rows(ROWS, COLS, vertical) == (ROWS, False), x


def test_another_tables_sides_at_the_same_edges_do_not_slice_this_one():
    below = [(6.0, 705.0, 826.5), (6.0, 830.0, 842.0), (200.0, 705.0, 826.5), (200.0, 830.0, 842.0)]
    above = [(6.0, 600.0, 690.0), (6.0, 705.0, 826.5), (200.0, 600.0, 690.0), (200.0, 705.0, 826.5)]
    assert sliced_rows(ROWS, COLS, below) == (ROWS, False)
    assert sliced_rows(ROWS, COLS, above) == (ROWS, False)


def test_a_frame_beginning_on_the_last_line_or_ending_on_the_first_is_a_neighbours():
    """Tables drawn one right on another (not told apart): the next one's sides begin on this
    one's last line, the one before's end on its first."""
    vertical = sorted([(6.0, 705.0, 826.5), (200.0, 705.0, 826.5), (6.0, 826.5, PAGE), (200.0, 826.5, PAGE),
                       (6.0, 600.0, 705.0), (200.0, 600.0, 705.0)])
    assert sliced_rows(ROWS, COLS, vertical) == (ROWS, False)


def test_sides_drawn_a_piece_a_row_slice_the_table_by_their_first_and_last_pieces():
    pieces = [(x, y0, y1) for x in (6.0, 200.0) for y0, y1 in ((705.0, 745.5), (745.5, 786.0), (786.0, PAGE))]
    assert sliced_rows(ROWS, COLS, sorted(pieces)) == ([*ROWS, PAGE], True)
    top_rows = [20.3, 69.8, 78.8]
    pieces = [(x, y0, y1) for x in (6.0, 200.0) for y0, y1 in ((0.0, 69.8), (69.8, 78.8))]
    assert sliced_rows(top_rows, COLS, sorted(pieces)) == ([0.0, *top_rows], False)


def test_a_table_without_sides_at_its_edges_is_not_sliced():
    assert sliced_rows(ROWS, COLS, []) == (ROWS, False)
    assert sliced_rows(ROWS, COLS, [(100.0, 600.0, PAGE)]) == (ROWS, False)


def test_sides_running_on_five_points_or_less_past_the_last_rule_do_not_slice():
    """A border drawn as a pair of lines about 4 pt apart ends a little past the last rule."""
    assert sliced_rows(ROWS, COLS, [(6.0, 705.0, 831.5), (200.0, 705.0, 831.5)]) == (ROWS, False)
    assert sliced_rows(ROWS, COLS, [(6.0, 705.0, 831.6), (200.0, 705.0, 831.6)]) == ([*ROWS, 831.6], True)
