"""Blank labels above a repeated header at their edges: where the notice points (file included),
what it names when the next part leaves a label column blank, a guess undone by a label going on
over a merged cell, and a 一级 with no label in force on either side (the survivors of the
mutation run of 2026-12-05)."""

from __future__ import annotations

from checker.loaders.blank_labels import BlankLabels
from checker.loaders.grid import Grid, GridCell, table_place
from tests.loaders.test_blank_labels import HEADER, NAME, _page, _read


def test_the_notice_names_the_file_and_only_the_labels_printed_after():
    # The next part prints a new 一级 and leaves its 二级 blank: the 二级 adds no " / " of nothing.
    grids, _ = _page([NAME, HEADER, ("产出指标", "数量指标", "人数", "10人"), ("", "", "次数", "5次"),
                      HEADER, ("效益指标", "", "覆盖率", "90%")])
    _, named = _read(grids)
    assert [(i.location.path, i.location.sheet, i.location.cell, i.args) for i in named] == [
        ("f.pdf", "page 1 table 1", "R4C1", {"above": "产出指标 / 数量指标", "after": "效益指标"})]


def _grid(guessed: bool) -> Grid:
    name = "page 1 table 1"
    return Grid(name, tuple(GridCell(t, 3, c, table_place("f.pdf", name, 3, c)) for c, t in enumerate(["", "", "次数"])),
                page=1, spans_guessed=guessed)


def test_a_label_going_on_over_a_merged_cell_undoes_the_guess_before_it():
    # A blank slot guessed to be the label above, then, in the same column, the label going on
    # over a cell the document merged: the part's last row is not in doubt.
    blanks = BlankLabels()
    blanks.start_row(_grid(True), 3)
    blanks.went_on(_grid(True), 1, "数量指标")
    blanks.start_row(_grid(False), 3)
    blanks.went_on(_grid(False), 1, "数量指标")
    blanks.header({0: "产出指标", 1: "数量指标"}, lambda c: c)
    assert blanks.first_row({0: "产出指标", 1: "社会效益"}, 0) is None
    # Without it, the guess stands and the rows are named.
    blanks = BlankLabels()
    blanks.start_row(_grid(True), 3)
    blanks.went_on(_grid(True), 1, "数量指标")
    blanks.header({0: "产出指标", 1: "数量指标"}, lambda c: c)
    issue = blanks.first_row({0: "产出指标", 1: "社会效益"}, 0)
    assert issue is not None and issue.message_id == "E114"
    assert (issue.location.path, issue.location.cell, issue.args) == (
        "f.pdf", "R4C2", {"above": "数量指标", "after": "社会效益"})


def test_a_level1_printed_in_the_part_with_none_in_force_on_either_side_shows_no_cut():
    # The 一级 column printed in the part, and no 一级 label in force above the header or after
    # it: the same (none) on both sides, so the split cut no label there, as for a label kept.
    blanks = BlankLabels()
    blanks.start_row(_grid(True), 3)
    blanks.printed(0)
    blanks.went_on(_grid(True), 1, "数量指标")
    blanks.header({0: None, 1: "数量指标"}, lambda c: c)
    assert blanks.first_row({0: None, 1: "社会效益"}, 0) is None
