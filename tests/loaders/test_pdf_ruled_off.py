"""A blank label at the top of a page under a rule: Calc draws each cell's own borders, so a
merged cell the page splits is left open at the cut (no rule over it on either page) and a new
cell is ruled off. Where a document shows open cuts, a blank label under a closed one is a block
of its own — its label printed further on, after a repeated header — not the label above going
on (seed-7 Calc form 115 read 群众获得感和幸福感 under 产出指标/成本指标). Below a header repeated
at the page's foot, a blank label still goes on from the label printed before that header."""

from __future__ import annotations

import pypdfium2 as pdfium

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.pdf import _Cuts, _opened, _segments, _tables
from checker.loaders.recovery import recover
from tests.loaders.pdf_bytes import HEIGHT, one_page_pdf, read_page

_HEADER = ("一级指标", "二级指标", "三级指标", "指标值")


def _cells(page: int, rows: list[tuple[str, ...]]) -> tuple[GridCell, ...]:
    return tuple(GridCell(text, r, c, table_place("f.pdf", f"page {page} table 1", r, c))
                 for r, row in enumerate(rows) for c, text in enumerate(row))


def _levels(second_page, ruled_off: frozenset[int], first_page_foot=()) -> list:
    first = Grid("page 1 table 1", _cells(1, [
        ("项目名称", "甲项目", "", ""), _HEADER,
        ("产出指标", "数量指标", "人数", "10人"),
        ("产出指标", "成本指标", "经费", "≤5万元"), *first_page_foot,
    ]), page=1)
    cells = second_page if isinstance(second_page[0], GridCell) else _cells(2, second_page)
    second = Grid("page 2 table 1", tuple(cells), page=2, continues=True, ruled_off=ruled_off)
    form = recover([first, second], "f.pdf", DEFAULT_LIMITS).forms[0]
    return [(i.level1_text, i.level2_text, i.name) for i in form.indicators]


_AFTER_A_DATA_ROW = [("", "", "获得感", "提升"), _HEADER, ("效益指标", "社会效益", "覆盖率", "90%")]


def test_a_blank_label_ruled_off_from_the_page_before_takes_the_label_printed_after_the_header():
    levels = _levels(_AFTER_A_DATA_ROW, frozenset({0, 1, 2, 3}))
    assert ("效益指标", "社会效益", "获得感") in levels


def test_without_the_rule_evidence_it_goes_on_from_the_label_above():
    levels = _levels(_AFTER_A_DATA_ROW, frozenset())
    assert ("产出指标", "成本指标", "获得感") in levels


def test_below_a_header_repeated_at_the_pages_foot_a_blank_label_goes_on_from_before_it():
    def cell(text, r, c, rowspan=1):
        return GridCell(text, r, c, table_place("f.pdf", "page 2 table 1", r, c), rowspan)

    second = [cell("", 0, 0, 2), cell("", 0, 1, 2), cell("次数", 0, 2), cell("3次", 0, 3),  # labels over two rows
              cell("天数", 1, 2), cell("5天", 1, 3),
              cell("效益指标", 2, 0), cell("社会效益", 2, 1), cell("覆盖率", 2, 2), cell("90%", 2, 3)]
    levels = _levels(second, frozenset({0, 1, 2, 3}), first_page_foot=(_HEADER,))
    assert ("产出指标", "成本指标", "次数") in levels and ("产出指标", "成本指标", "天数") in levels


def _part(name: str) -> Grid:
    return Grid(name, _cells(2, [("", "", "获得感", "提升")]), page=2, continues=True)


def test_parts_are_ruled_off_only_where_the_document_shows_a_producer_leaving_cuts_open():
    closed_only = [_part("a"), _part("b")]
    cuts = _Cuts()
    assert cuts.ruled_off(0, closed_only[0], frozenset()) == frozenset()  # every cut closed (Writer)
    assert cuts.ruled_off(1, closed_only[1], frozenset()) == frozenset()
    cuts.finish(closed_only)
    assert [g.ruled_off for g in closed_only] == [frozenset(), frozenset()]

    grids = [_part("a"), _part("b"), _part("c")]
    cuts = _Cuts()
    assert cuts.ruled_off(0, grids[0], frozenset()) == frozenset()  # nothing shown yet: marked at the end
    assert cuts.ruled_off(1, grids[1], frozenset({0, 1})) == frozenset({2, 3})  # cells 0 and 1 open
    assert cuts.ruled_off(2, grids[2], frozenset()) == frozenset({0, 1, 2, 3})
    cuts.finish(grids)
    assert grids[0].ruled_off == frozenset({0, 1, 2, 3})


def test_a_ruled_off_cell_spanning_columns_rules_off_each_of_them():
    wide = Grid("c", (GridCell("", 0, 0, table_place("f.pdf", "c", 0, 0), 1, 2),
                      GridCell("x", 0, 2, table_place("f.pdf", "c", 0, 2))), page=2, continues=True)
    cuts = _Cuts()
    cuts.ruled_off(1, _part("d"), frozenset({0}))
    assert cuts.ruled_off(0, wide, frozenset()) == frozenset({0, 1, 2})
    assert cuts.ruled_off(0, wide, frozenset({0})) == frozenset({2})


def test_a_cell_with_no_rule_over_it_at_the_tables_top_is_open():
    # Three columns (x 50-100-150-200), two rows (y 100-130-160 down the page); the top line is
    # drawn over the first and last columns only, as Calc leaves the middle one's cut open.
    top, rows = HEIGHT - 100, (HEIGHT - 130, HEIGHT - 160)
    content = f"50 {top} m 100 {top} l S 150 {top} m 200 {top} l S " + \
        "".join(f"50 {y} m 200 {y} l S " for y in rows) + \
        "".join(f"{x} {top} m {x} {rows[-1]} l S " for x in (50, 100, 150, 200))
    pdf = pdfium.PdfDocument(one_page_pdf(content))
    try:
        page = pdf[0]
        horizontal, vertical, _, _ = _segments(page)
        table = _tables(horizontal, vertical)[0]
        page.close()
    finally:
        pdf.close()
    middle = next(i for i, (r, c, _, _) in enumerate(table.regions) if (r, c) == (0, 1))
    assert _opened(table, horizontal) == {middle}


def test_a_page_says_its_table_is_sliced_and_which_top_cells_are_open():
    """What the page reader hands on: the last table sliced at the page's edge (its sides run on
    to it) and the first table's top cells left open, each under its own name (a positional
    mix-up once set the one from the other, and no join took the sliced path)."""
    top, rows = HEIGHT - 100, (HEIGHT - 130, HEIGHT - 160)
    content = f"50 {top} m 100 {top} l S 150 {top} m 200 {top} l S " + \
        "".join(f"50 {y} m 200 {y} l S " for y in rows) + \
        "".join(f"{x} {top} m {x} {rows[-1]} l S " for x in (100, 150)) + \
        "".join(f"{x} {top} m {x} 0 l S " for x in (50, 200))  # the frame's sides run on to the edge
    read = read_page(content)
    assert read.cut is True and read.doubt is None
    [grid] = read.grids
    [middle] = [i for i, cell in enumerate(grid.cells) if (cell.row, cell.col) == (0, 1)]
    assert read.opened == {middle}


def test_a_parts_ruled_off_columns_survive_a_join_and_follow_a_renumbering():
    """A part marked ruled off keeps the mark when a row the page broke is joined into it, and
    its columns are numbered anew with its cells when a later page adds a column line."""
    from checker.loaders.pdf_continued import _renumbered
    from checker.loaders.pdf_text_table import carry_back

    part = Grid("p2", _cells(2, [("", "质量指标", "合格率"), ("", "", "验收率")]), page=2, continues=True,
                ruled_off=frozenset({0, 2}))
    assert carry_back(part, {2: "（%）"}).ruled_off == frozenset({0, 2})
    # column lines 0, 50, 100, 150 → a line added at 75: the third column is now the fourth
    moved = _renumbered(part, [0.0, 50.0, 100.0, 150.0], [0.0, 50.0, 75.0, 100.0, 150.0])
    assert [c.col for c in moved.cells if c.row == 0] == [0, 1, 3]
    assert moved.ruled_off == frozenset({0, 3})
