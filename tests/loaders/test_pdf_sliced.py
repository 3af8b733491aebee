"""A ruled table a browser sliced at the page's edge: the band to the edge is a row of its own,
and only the cells the page cut open go on to the next page, whatever their lines fill."""

from __future__ import annotations

import os

import pytest

from checker.loaders import load_path
from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.pdf import _tables
from checker.loaders.pdf_broken_row import Foot, FootCell, Head, HeadCell
from checker.loaders.pdf_sliced import finished, sliced_rows
from loaders.test_loader_grid_roundtrip import CHROMIUM
from policy.forms.canonical import form_from_mapping, form_to_mapping

COLS = [6.0, 53.0, 137.0, 200.0]
PAGE = 843.0


def test_sides_running_on_to_the_page_edge_add_the_edge_as_a_row_line():
    rows = [705.0, 745.5, 786.0, 826.5]
    vertical = sorted([(6.0, 700.0, PAGE), (200.0, 700.0, PAGE), (53.0, 705.0, 826.5)])
    assert sliced_rows(rows, COLS, vertical) == ([*rows, PAGE], True)


def test_a_table_closed_by_its_last_rule_keeps_its_rows():
    rows = [705.0, 745.5, 786.0, 826.5]
    vertical = [(6.0, 705.0, 826.5), (200.0, 705.0, 827.0)]
    assert sliced_rows(rows, COLS, vertical) == (rows, False)


def test_sides_starting_at_the_page_top_add_it_above_the_first_row_line():
    rows = [20.3, 69.8, 78.8]
    vertical = [(6.0, 0.0, 78.8), (200.0, 0.0, 78.8)]
    assert sliced_rows(rows, COLS, vertical) == ([0.0, *rows], False)


def test_a_label_open_at_the_foot_reaches_into_the_band_and_the_closed_cells_do_not():
    # Two rows; the first column's label merged over both, cut open by the page's edge (its
    # sides run on to the edge with the frame's).
    rows = [700.0, 740.0, 780.0]
    horizontal = sorted([(700.0, 6.0, 200.0)] + [(y, 53.0, 200.0) for y in (740.0, 780.0)])
    vertical = sorted([(6.0, 700.0, PAGE), (200.0, 700.0, PAGE), (53.0, 700.0, PAGE), (137.0, 700.0, 780.0)])
    (table,) = _tables(horizontal, vertical)
    assert table.rows == [*rows, PAGE] and table.cut
    label = table.slot_region[0 * table.m + 0]
    assert table.regions[label] == (0, 0, 3, 1)  # down through the band
    assert table.region_at(30.0, 820.0) == label  # its text below the last rule is its own
    assert table.region_at(100.0, 820.0) != table.slot_region[1 * table.m + 1]  # a closed cell ends


def _grid(name: str, texts: list[str]) -> Grid:
    return Grid(name, tuple(GridCell(t, 0, c, table_place("f", name, 0, c)) for c, t in enumerate(texts)))


def test_only_text_the_page_opened_finishes_the_cell_above_it():
    before = _grid("page 1 table 1", ["项目资金（万", "", ""])
    after = _grid("page 2 table 1", ["元）", "年度资金总额", "156"])
    foot = Foot(PAGE, [FootCell(0, 6.0, 53.0, 3.7, False, 12.0), FootCell(1, 53.0, 137.0, None, False, 0.0),
                       FootCell(2, 137.0, 200.0, None, False, 0.0)])
    head = Head(841.4, True, [HeadCell(0, 6.0, 53.0, 24.0), HeadCell(1, 53.0, 137.0, 72.0),
                              HeadCell(2, 137.0, 200.0, 18.0)])
    # Only the label's rest has no rule above it; the row beside it was moved whole, ruled.
    new_before, new_after = finished(before, foot, after, head, frozenset({0}))
    assert [c.text for c in new_before.cells] == ["项目资金（万元）", "", ""]
    assert [c.text for c in new_after.cells] == ["", "年度资金总额", "156"]
    assert finished(before, foot, after, head, frozenset()) == (before, after)


# Six drawn self-evaluations printed by Chromium (the drawing's picks from seed 4): a page break
# cuts a 年度总体目标 row, its text running on at the next page's top, open above; read as a
# row of its own (or under the fit test) only its last words stayed ("水平。", "89.00%。").
@pytest.mark.producer
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
def test_self_evaluations_printed_by_chromium_read_back_exactly(tmp_path):
    from bench.corpusgen import generate_forms
    from bench.corpusgen.document_corpus import DocumentWriter, document_mapping
    from bench.read_back import comparable

    drawn = list(generate_forms(6, seed=7, self_evaluation_share=1.0))
    writer = DocumentWriter("pdf-chromium", 4)
    try:
        writer.write(tmp_path / "forms.pdf", drawn)
    finally:
        writer.close()
    printed = [comparable(form_to_mapping(form_from_mapping(document_mapping(f), index=f.index)), False)
               for f in drawn]
    read = [comparable(form_to_mapping(f), False) for f in load_path(tmp_path / "forms.pdf").forms]
    assert read == printed
