"""A ruled row the page broke is joined back only on strong evidence: the fragment reaches the
page body's end, and every cell of the next page's first row finishes a cell of the fragment
whose text ran to its foot on a line too full for the next word."""

from __future__ import annotations

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.pdf_broken_row import Foot, Head, Ink, Join, foot_cell, head_cell, joined

SIZE = 10.0
BODY_END = 770.0  # a page 842 high whose next page's table starts at 72


def _ink(y: float, x: float, text: str) -> list[Ink]:
    return [Ink(y, x + i * SIZE, x + (i + 1) * SIZE, SIZE, ch) for i, ch in enumerate(text)]


def _grids(last_row: list[str], first_row: list[str]) -> tuple[Grid, Grid]:
    before = Grid("page 1 table 1", tuple(GridCell(t, 3, c, table_place("f", "page 1 table 1", 3, c))
                                          for c, t in enumerate(last_row)), page=1)
    after = Grid("page 2 table 1", tuple(GridCell(t, 0, c, table_place("f", "page 2 table 1", 0, c))
                                         for c, t in enumerate(first_row)), page=2)
    return before, after


# Two cells 54 wide (rules at 100, 154, 208) with 5 of padding: four glyphs fit on a line.
def _foot(bottom: float, name_lines: list[str], value_lines: list[str]) -> Foot:
    top = bottom - 4 - SIZE / 2 - (max(len(name_lines), len(value_lines)) - 1) * 14  # lines from the row's top

    def lines(x, texts):
        return [g for i, t in enumerate(texts) for g in _ink(top + i * 14, x, t)]

    return Foot(bottom, [foot_cell(0, 100, 154, bottom, lines(105, name_lines)),
                         foot_cell(1, 154, 208, bottom, lines(159, value_lines))])


def _head(name: str, value: str = "") -> Head:
    cells = [head_cell(0, 100, 154, _ink(80, 105, name)), head_cell(1, 154, 208, _ink(80, 159, value))]
    return Head(BODY_END, True, [c for c in cells if c is not None])


def test_the_rest_of_a_cut_cell_is_joined_back():
    before, after = _grids(["突发事件及时处置", "≥90%"], ["率", ""])
    foot = _foot(766, ["突发事件", "及时处置"], ["≥90%"])  # a full last line at the foot
    assert foot.cells[0].at_foot and foot.cells[0].room < SIZE
    new_before, new_after, doubtful, _ = joined(before, foot, after, _head("率"))
    assert [c.text for c in new_before.cells] == ["突发事件及时处置率", "≥90%"]
    assert [c.text for c in new_after.cells] == ["", ""]
    assert doubtful == 0  # one cell (the first of the next page's row) carried the whole row on


def test_a_row_kept_whole_above_the_foot_is_not_joined():
    # The next row did not fit, so the fragment stops more than a line or two above the body's end.
    before, after = _grids(["突发事件及时", "≥90%"], ["处置率", ""])
    foot = _foot(700, ["突发事件", "及时处置"], ["≥90%"])
    assert joined(before, foot, after, _head("处置率")) == Join(before, after)


def test_a_line_with_room_for_the_next_word_ends_its_cell():
    before, after = _grids(["突发事件及时", "≥90%"], ["处置率", ""])
    foot = _foot(766, ["突发事件", "及时"], ["≥90%"])  # room for two more glyphs
    assert joined(before, foot, after, _head("处置率")) == Join(before, after)


def test_text_under_a_cell_that_ended_above_the_foot_is_a_new_row():
    # The value cell's one line is far above the foot: "≥95%" starts a row of its own.
    before, after = _grids(["突发事件及时", "≥90%"], ["处置率", "≥95%"])
    foot = _foot(766, ["突发事件", "及时处置"], ["≥90%"])
    assert not foot.cells[1].at_foot
    assert joined(before, foot, after, _head("处置率", "≥95%")) == Join(before, after)


def test_a_table_below_prose_on_the_next_page_is_not_a_continuation():
    before, after = _grids(["突发事件及时", "≥90%"], ["处置率", ""])
    foot = _foot(766, ["突发事件", "及时处置"], ["≥90%"])
    head = _head("处置率")._replace(alone=False)
    assert joined(before, foot, after, head) == Join(before, after)


def test_a_merged_label_cut_by_the_page_is_finished_while_the_row_beside_it_is_new():
    # "项目资金来源" over two rows, cut after "项目资金"; beside it the next page's row starts afresh.
    before = Grid("page 1 table 1", (
        GridCell("项目资金", 3, 0, table_place("f", "page 1 table 1", 3, 0), rowspan=2),
        GridCell("合计", 3, 1, table_place("f", "page 1 table 1", 3, 1)),
    ), page=1)
    _, after = _grids([], ["来源", "25万元"])
    foot = Foot(766, [foot_cell(0, 100, 154, 766, _ink(757, 105, "项目资金")),
                      foot_cell(1, 154, 208, 766, _ink(757, 159, "合计"))])
    head = Head(BODY_END, True, [head_cell(0, 100, 154, _ink(80, 105, "来源")),
                                 head_cell(1, 154, 208, _ink(80, 159, "25万元"))])
    assert foot.cells[0].room < SIZE and foot.cells[1].room > 2 * SIZE
    new_before, new_after, doubtful, _ = joined(before, foot, after, head)
    assert [c.text for c in new_before.cells] == ["项目资金来源", "合计"]
    assert [c.text for c in new_after.cells] == ["", "25万元"]
    assert doubtful is None  # the row stays: nothing of it is merged away
    # Whatever the value cells say: the row is not joined, so no row was merged to name.
    from checker.loaders.value_halves import Reading

    assert joined(before, foot, after, head, lambda above, below: Reading.UNSURE)[:3] == (*joined(before, foot, after, head)[:2], None)
    # A cell of one row cut alone does not make the row a continuation.
    plain = Grid(before.name, (GridCell("项目资金", 3, 0, before.cells[0].location), before.cells[1]), page=1)
    assert joined(plain, foot, after, head) == Join(plain, after)


def _narrow_label(em: float) -> list[Ink]:
    """ "5.其他收" on one line, its ideographs drawn 6 wide (the Latin font's .notdef box, as Writer
    prints an ideograph after a Latin run) where the writer laid them out one em (10) wide."""
    widths = [("5", 5.0), (".", 3.0), ("其", 6.0), ("他", 6.0), ("收", 6.0)]
    ink, x = [], 105.0
    for ch, width in widths:
        ink.append(Ink(757, x, x + width, SIZE, ch, em if ch != "5" and ch != "." else 0.0))
        x += width
    return ink


def test_an_ideograph_drawn_narrow_counts_its_full_width_in_the_room_left():
    # Laid out: 5 + 3 + 3 × 10 = 38 of the 44 a line holds, so "入" (10) went to the next page;
    # the boxes alone (26) would leave room for it and the row would read as two.
    before, after = _grids(["5.其他收", ""], ["入", ""])
    head = Head(BODY_END, True, [head_cell(0, 100, 154, _ink(80, 105, "入"))])
    foot = Foot(766, [foot_cell(0, 100, 154, 766, _narrow_label(SIZE)), foot_cell(1, 154, 208, 766, [])])
    assert foot.cells[0].room == 6.0
    new_before = joined(before, foot, after, head).before
    assert [c.text for c in new_before.cells] == ["5.其他收入", ""]
    unmeasured = Foot(766, [foot_cell(0, 100, 154, 766, _narrow_label(0.0)), foot.cells[1]])
    assert unmeasured.cells[0].room == 18.0
    assert joined(before, unmeasured, after, head) == Join(before, after)


# A whole row at the page's foot whose name ended on a full line, and the next row (a name, its
# value left blank) read the same as one row the page broke (2 of 30 drawn Writer documents): the
# join stands, and the row it rested on is named so that a merged indicator is never silent.
def test_a_row_joined_on_one_cell_is_named_and_one_joined_on_every_cell_is_not():
    before, after = _grids(["开展调研工作差旅", "≥99%"], ["群众满意度", ""])
    foot = _foot(766, ["开展调研", "工作差旅"], ["≥99%"])
    result = joined(before, foot, after, _head("群众满意度"))
    assert [c.text for c in result.before.cells] == ["开展调研工作差旅群众满意度", "≥99%"]
    assert result.doubtful == 0
    # Both cells cut at the foot on full lines and both carried on: a whole row would have had to
    # end on a full line in each, so the join is not named.
    before, after = _grids(["突发事件及时处置", "2022年12月"], ["率", "底前"])
    foot = _foot(766, ["突发事件", "及时处置"], ["2022", "年12月"])
    result = joined(before, foot, after, _head("率", "底前"))
    assert [c.text for c in result.before.cells] == ["突发事件及时处置率", "2022年12月底前"]
    assert result.doubtful is None


def _weigh_value_column(above: dict[int, str], below: dict[int, str]):
    """What column 1, the value column of these grids, says of the join (value_halves.py)."""
    from checker.loaders.value_halves import reading

    return reading(above.get(1, ""), below.get(1, ""))


# A whole row at the page's foot whose two cells both ended on full lines, and the next page's
# first row (Writer, rows kept whole: 1 of 200 generated forms): the geometry says the page
# broke it, and only what the value cells hold says otherwise.
def test_a_whole_row_whose_value_is_complete_above_a_complete_value_is_not_joined():
    before, after = _grids(["巡查完成时间", "2023年9月底前"], ["巡查按时完成率", "100%"])
    foot = _foot(766, ["巡查完成", "时间"], ["2023", "年9月底前"])
    foot = foot._replace(cells=[c._replace(room=0.0) for c in foot.cells])  # both lines full
    head = _head("巡查按时完成率", "100%")
    merged = joined(before, foot, after, head)
    assert [c.text for c in merged.before.cells] == ["巡查完成时间巡查按时完成率", "2023年9月底前100%"]
    assert joined(before, foot, after, head, _weigh_value_column) == Join(before, after)


def test_a_value_the_page_split_is_joined_whatever_its_halves_read_as():
    # "≤259.2万" reads as a bound, but "元" alone is no value: the rest of one.
    for value in (("≤259.2万", "元"), ("6000份（本）/年", "（次）"), ("2022年12月", "底前")):
        before, after = _grids(["开展调研工作差旅", value[0]], ["费用", value[1]])
        foot = _foot(766, ["开展调研", "工作差旅"], ["", value[0]])
        foot = foot._replace(cells=[c._replace(room=0.0) for c in foot.cells])
        result = joined(before, foot, after, _head("费用", value[1]), _weigh_value_column)
        assert [c.text for c in result.before.cells] == ["开展调研工作差旅费用", "".join(value)]


def test_a_row_joined_on_its_value_cell_alone_is_refused_when_the_value_was_whole():
    # The next page's first row holds only a value, under a value cell that ended on a full line.
    before, after = _grids(["巡查完成时间", "2023年9月底前"], ["", "100%"])
    foot = _foot(766, ["巡查完成时间"], ["2023", "年9月底前"])
    foot = foot._replace(cells=[foot.cells[0], foot.cells[1]._replace(room=0.0)])
    head = _head("", "100%")
    assert joined(before, foot, after, head).doubtful == 1
    assert joined(before, foot, after, head, _weigh_value_column) == Join(before, after)


def test_a_row_joined_on_several_cells_whose_values_are_text_is_named():
    # Both cells cut on full lines and carried on, but the value is a phrase: its rest and a new
    # row's phrase read alike, so the join is named by the first cell it rests on (E113.text).
    before, after = _grids(["突发事件及时处置", "全天值守实行"], ["率", "主岗副岗"])
    foot = _foot(766, ["突发事件", "及时处置"], ["全天值守", "实行"])
    foot = foot._replace(cells=[c._replace(room=0.0) for c in foot.cells])
    result = joined(before, foot, after, _head("率", "主岗副岗"), _weigh_value_column)
    assert [c.text for c in result.before.cells] == ["突发事件及时处置率", "全天值守实行主岗副岗"]
    assert (result.doubtful, result.variant) == (0, ".text")
    # A quantitative value the page split says it was one row: not named.
    before, after = _grids(["突发事件及时处置", "≤259.2万"], ["率", "元"])
    result = joined(before, foot, after, _head("率", "元"), _weigh_value_column)
    assert [c.text for c in result.before.cells] == ["突发事件及时处置率", "≤259.2万元"]
    assert (result.doubtful, result.variant) == (None, "")
