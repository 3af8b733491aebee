"""The borderless-table reader of PDF pages on glyphs placed by hand: columns from left edges
that line up, wrapped cells joined, rows told apart by spacing or by a line that did not fill its
column, and a row broken by a page finished from the next page."""

from __future__ import annotations

from checker.loaders.pdf_text_table import Glyph, carry_back, doubtful_join, text_grids

SIZE = 10.0
COLUMNS = (50.0, 110.0, 170.0)  # cells 60 wide: five glyphs fill one


def _glyphs(y: float, x: float, text: str) -> list[Glyph]:
    return [Glyph(y, x + i * SIZE, x + (i + 1) * SIZE, SIZE, ch) for i, ch in enumerate(text)]


def _page(rows: list[tuple[float, tuple[str, ...]]], title: str | None = None) -> list[Glyph]:
    glyphs = _glyphs(20, 80, title) if title else []
    for y, texts in rows:
        for x, text in zip(COLUMNS, texts):
            glyphs += _glyphs(y, x, text)
    return glyphs


def _rows(grid) -> list[list[tuple[int, str]]]:
    return [[(c.col, c.text) for c in grid.row(r)] for r in range(grid.height)]


def test_columns_come_from_left_edges_and_a_centred_title_is_prose():
    grids, table, carried = text_grids(_page([(50, ("一级指标", "二级指标", "三级")), (75, ("产出", "数量", "x")),
                                              (100, ("", "质量", "y"))], title="绩效目标表"), "f.pdf", 1)
    assert [g.kind for g in grids] == ["prose", "table"]
    assert grids[0].cells[0].text == "绩效目标表"
    assert _rows(grids[1]) == [[(0, "一级指标"), (1, "二级指标"), (2, "三级")], [(0, "产出"), (1, "数量"), (2, "x")],
                               [(1, "质量"), (2, "y")]]
    assert table.columns == list(COLUMNS) and carried == {}
    assert grids[1].cells[-1].location.sheet == "page 1 table 1" and grids[1].cells[-1].location.cell == "R3C3"


def test_a_space_inside_a_cell_does_not_split_it():
    glyphs = _glyphs(50, 50, "☑新增") + [Glyph(50, 80, 80, SIZE, " ")] + _glyphs(50, 83.5, "□延续")
    glyphs += _glyphs(50, 170, "期限") + _glyphs(75, 50, "属性") + _glyphs(75, 170, "一次")
    grid = text_grids(glyphs, "f.pdf", 1)[0][-1]
    assert _rows(grid)[0] == [(0, "☑新增 □延续"), (1, "期限")]


def test_spaced_rows_join_wrapped_lines_one_pitch_apart():
    # Rows 25 apart, wrapped lines 14 apart: the short "标" line continues its cell.
    grid = text_grids(_page([(50, ("一级指", "名称", "值")), (64, ("标",)), (89, ("产出", "名", "1")),
                             (114, ("成本", "名二", "2"))]), "f.pdf", 1)[0][-1]
    assert _rows(grid)[0] == [(0, "一级指标"), (1, "名称"), (2, "值")]
    assert grid.height == 3


def test_unspaced_rows_join_only_after_a_line_that_filled_its_column():
    rows = [(50, ("专项督查督", "x", "1")), (64, ("办次数",)), (78, ("短", "y", "2")), (92, ("新行",))]
    grid = text_grids(_page(rows), "f.pdf", 1)[0][-1]
    assert [[t for _, t in row] for row in _rows(grid)] == [["专项督查督办次数", "x", "1"], ["短", "y", "2"], ["新行"]]


def test_a_row_broken_by_the_page_is_finished_from_the_next_page():
    first, table, _ = text_grids(_page([(50, ("一级", "名", "指标值的说明")), (70, ("产出", "开展调研工", "≤15"))]),
                                 "f.pdf", 1)
    # The room each column's last line left before the column's widest line ends.
    assert table.open_row == {0: 0.0, 1: 0.0, 2: 30.0}
    second, _, carried = text_grids(_page([(40, ("", "作差旅费")), (60, ("", "费用")), (85, ("成本", "名", "1")),
                                           (110, ("效益", "名", "2"))]), "f.pdf", 2, table)
    assert carried == {1: "作差旅费费用"}
    assert _rows(second[-1])[0] == [(0, "成本"), (1, "名"), (2, "1")]
    joined = carry_back(first[-1], carried)
    assert _rows(joined)[-1] == [(0, "产出"), (1, "开展调研工作差旅费费用"), (2, "≤15")]


def test_a_new_row_at_the_top_of_a_page_is_not_carried_back():
    _, table, _ = text_grids(_page([(50, ("一级", "名", "值")), (70, ("产出", "开展调研工", "≤15"))]), "f.pdf", 1)
    second, _, carried = text_grids(_page([(40, ("成本", "名", "1")), (65, ("效益", "名", "2"))]), "f.pdf", 2, table)
    assert carried == {} and second[-1].height == 2


def test_a_page_of_prose_is_prose():
    glyphs = _glyphs(20, 50, "第一章 总则") + _glyphs(40, 50, "预算编制说明")
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert [g.kind for g in grids] == ["prose"] and table is None


def test_an_opening_bracket_carries_the_glyph_after_it_to_the_next_page():
    # "（" may not end a line: "（次）" moved whole, though the room left would take two glyphs.
    first, table, _ = text_grids(_page([(50, ("一级", "名", "指标值说明")), (75, ("产出", "名称", "60份"))]),
                                 "f.pdf", 1)
    assert table.open_row[2] == 20.0  # room for "（次" but not for "（次）"
    second, _, carried = text_grids(_page([(40, ("", "", "（次）")), (65, ("成本", "名", "1")),
                                           (90, ("效益", "名", "2"))]), "f.pdf", 2, table)
    assert carried == {2: "（次）"}
    assert _rows(carry_back(first[-1], carried))[-1][-1] == (2, "60份（次）")


def test_a_line_wider_than_the_cell_above_left_room_for_is_a_new_row():
    # The label "年度目标" fills its column but its cell is merged wider: the next page's line
    # runs past the column, so the row above had room for its first word.
    _, table, _ = text_grids(_page([(50, ("一级", "名", "值")), (70, ("总体", "目标", "年度目"))]), "f.pdf", 1)
    long_line = _glyphs(40, COLUMNS[1], "全年举办十六期访谈节目")
    second, _, carried = text_grids(long_line + _page([(65, ("成本", "名", "1")), (90, ("效益", "名", "2"))]),
                                    "f.pdf", 2, table)
    assert carried == {}
    assert [cell for cell in _rows(second[0])[0] if cell[1]] == [(1, "全年举办十六期访谈节目")]


def test_rows_of_one_cell_at_the_top_of_a_page_go_on_in_the_table():
    # "2" would have fitted after "1": a row of its own, which was read as prose above the header.
    _, table, _ = text_grids(_page([(50, ("一级", "名", "指标值说明")), (70, ("产出", "名", "1"))]), "f.pdf", 1)
    second, _, carried = text_grids(_page([(40, ("", "", "2")), (65, ("成本", "名", "3")), (90, ("效益", "名", "4"))]),
                                    "f.pdf", 2, table)
    assert carried == {} and [g.kind for g in second] == ["table"]
    assert _rows(second[0])[0] == [(0, ""), (1, ""), (2, "2")]


def test_a_page_number_in_the_margin_below_the_table_is_prose():
    glyphs = _page([(50, ("一级", "名", "值")), (75, ("产出", "名", "1")), (100, ("成本", "名", "2"))])
    glyphs += _glyphs(180, 125, "3")  # centred under the table, at no column's edge
    grids, _, _ = text_grids(glyphs, "f.pdf", 1)
    assert [g.kind for g in grids] == ["table", "prose"] and grids[-1].cells[0].text == "3"
    assert grids[0].height == 3
    # A lone number at a column's edge is a value of the table's last row.
    value = text_grids(_page([(50, ("一级", "名", "值")), (75, ("产出", "名", "1")), (100, ("", "", "2"))]),
                       "f.pdf", 1)[0]
    assert [g.kind for g in value] == ["table"] and _rows(value[0])[-1][-1] == (2, "2")


def test_a_row_ending_well_above_the_body_end_is_not_continued_on_the_next_page():
    # The next page's body starts at 35, so (margins as wide above as below) the body ends 35
    # above the page's foot: a row the page broke reaches about there, a row kept whole need not.
    _, table, _ = text_grids(_page([(50, ("一级", "名", "指标值的说明")), (70, ("产出", "开展调研工", "≤15"))]),
                             "f.pdf", 1)
    rest = _page([(40, ("", "作差旅费")), (60, ("", "费用")), (85, ("成本", "名", "1")), (110, ("效益", "名", "2"))])
    assert text_grids(rest, "f.pdf", 2, table, height=110.0)[2] == {1: "作差旅费费用"}
    second, _, carried = text_grids(rest, "f.pdf", 2, table, height=200.0)
    assert carried == {} and _rows(second[-1])[0] == [(0, ""), (1, "作差旅费费用"), (2, "")]


def test_a_page_holding_one_row_of_one_cell_goes_on_with_the_table_before():
    _, table, _ = text_grids(_page([(50, ("一级", "名", "指标值的说明")), (75, ("产出", "名", "1"))]), "f.pdf", 1)
    grids, _, carried = text_grids(_glyphs(40, COLUMNS[1], "网络运行率"), "f.pdf", 2, table, height=400.0)
    assert carried == {} and [g.kind for g in grids] == ["table"]
    assert [cell for cell in _rows(grids[0])[0] if cell[1]] == [(1, "网络运行率")]


def test_a_merged_labels_rest_beside_a_new_row_at_the_top_of_a_page_goes_back():
    # Rows kept whole still let a merged label's text run past the page's last row: "产出指" /
    # "标", the rest on the next page's first line beside a new row's cells. Only "标" finishes
    # a label ("产出指标"); the new row's cells would have fitted above ("2" after "1").
    first, table, _ = text_grids(_page([(50, ("一级指", "名", "指标值说明")), (75, ("产出指", "名称", "1"))]),
                                 "f.pdf", 1)
    second, _, carried = text_grids(_page([(40, ("标", "社会关注", "2")), (65, ("", "名二", "3"))]), "f.pdf", 2,
                                    table, height=400.0)
    assert carried == {0: "标"}
    assert [cell for cell in _rows(second[-1])[0] if cell[1]] == [(1, "社会关注"), (2, "2")]
    assert _rows(carry_back(first[-1], carried))[-1][0] == (0, "产出指标")


def test_rows_under_a_label_rest_before_the_next_forms_title_go_on_in_the_table():
    # The page before's last row ended on a merged label the page cut; a row of one cell follows
    # its rest, then the next form's title at the margin: that row is the table's, not prose.
    _, table, _ = text_grids(_page([(50, ("一级指", "名", "指标值说明")), (75, ("产出指", "名称", "1"))]), "f.pdf", 1)
    rest = _page([(40, ("标", "", "适时印")), (55, ("", "", "发"))]) + _glyphs(100, COLUMNS[0], "巴中市绩效目标表")
    rest += _page([(125, ("项目名", "某经费")), (150, ("预算单", "某单位", "某人"))])
    grids, _, carried = text_grids(rest, "f.pdf", 2, table, height=400.0)
    assert carried == {0: "标"} and grids[0].kind == "table"
    assert [cell for cell in _rows(grids[0])[0] if cell[1]] == [(2, "适时印发")]


def test_a_merged_labels_last_line_beside_a_new_rows_first_goes_on():
    # Rows 24.7 apart, a cell's lines 14.7: "服务对象满意度" runs on past its row's last line,
    # its "度" on the line of the next row's first ("突发事", 4.7 higher).
    rows = [(50, ("一级指", "二级指", "三级指")), (75, ("满意度", "服务对", "主页社")), (89.7, ("指标", "象满意", "会点击")),
            (99.7, ("", "", "突发事")), (114.4, ("", "", "件及时"))]
    glyphs = _page(rows) + _glyphs(104.4, COLUMNS[1], "度")
    grid = text_grids(glyphs, "f.pdf", 1)[0][-1]
    assert _rows(grid)[1] == [(0, "满意度指标"), (1, "服务对象满意度"), (2, "主页社会点击")]
    assert [cell for cell in _rows(grid)[2] if cell[1]] == [(2, "突发事件及时")]


def test_a_row_of_two_cells_alone_at_a_pages_foot_is_a_table():
    # A form's 项目名称 row, the last thing on its page, wraps "项目名" / "称": its table goes on
    # on the next page. A paragraph's lines past the few of a row stay prose.
    row = _glyphs(20, 80, "绩效目标表") + _page([(50, ("项目名", "某经费")), (64.7, ("称",))])
    grids = text_grids(row, "f.pdf", 1)[0]
    assert [g.kind for g in grids] == ["prose", "table"]
    assert _rows(grids[1]) == [[(0, "项目名称"), (1, "某经费")]]
    prose = _page([(50, ("第一", "章")), (64.7, ("总则",)), (79.4, ("说明",)), (94.1, ("预算",)), (108.8, ("编制",))])
    assert [g.kind for g in text_grids(prose, "f.pdf", 1)[0]] == ["prose"]


def test_a_row_of_one_cell_goes_on_under_a_row_of_one_cell_and_is_named():
    # "开展调研工" filled its column, alone on its row; "作差旅费" alone at the next page's top
    # could be its rest or a new row of one cell: it is joined, and the join is said to rest on
    # one cell (the loader names it, E113).
    _, table, _ = text_grids(_page([(50, ("一级", "名", "值")), (70, ("产出", "名", "1")), (90, ("", "开展调研工", ""))]),
                             "f.pdf", 1)
    assert table.open_row.keys() == {1}
    # Its foot (95) 25 above the body's end (155 less the next page's top margin, 35): more
    # than a line pitch, as for many a row the page cut.
    second, _, carried = text_grids(_page([(40, ("", "作差旅费")), (65, ("成本", "名", "1")), (90, ("效益", "名", "2"))]),
                                    "f.pdf", 2, table, height=155.0)
    assert carried == {1: "作差旅费"} and doubtful_join(table, carried, 35.0, 155.0) == (1, "")
    assert _rows(second[-1])[0] == [(0, "成本"), (1, "名"), (2, "1")]


def test_a_row_joined_though_it_ended_with_room_for_a_line_is_named():
    # One of three cells went on: a join, but the row above ended 45 above the body's end (a
    # whole row whose cell ended on a full line looks the same); 0 above it, the page cut it.
    _, wide, _ = text_grids(_page([(50, ("一级", "名", "值")), (70, ("产出", "开展调研工", "≤15"))]), "f.pdf", 1)
    assert doubtful_join(wide, {1: "作差旅费"}, 35.0, 155.0) == (1, ".room")
    assert doubtful_join(wide, {1: "作差旅费"}, 35.0, 110.0) is None
    # A merged label's rest finishes its word: never doubtful.
    _, label, _ = text_grids(_page([(50, ("一级指", "名", "值")), (75, ("产出指", "名称", "1"))]), "f.pdf", 1)
    assert doubtful_join(label, {0: "标"}, 35.0, 400.0) is None


def _weigh_value_column(above: dict[int, str], below: dict[int, str]):
    """What column 2, the value column here, says of text carried back (value_halves.py)."""
    from checker.loaders.value_halves import reading

    return reading(above.get(2, ""), below.get(2, ""))


def test_a_row_whose_value_is_whole_above_a_whole_value_is_not_carried_back():
    # "巡查完成时" filled its column and "≥90%" left no room for "100%": the geometry carries the
    # next page's first line back, but two complete values that read as none together are two
    # rows' values. A value the page split ("≤15万" / "元") still goes on.
    _, table, _ = text_grids(_page([(50, ("一级", "名", "指标值说明")), (70, ("产出", "巡查完成时", "≥90%"))]), "f.pdf", 1)
    rest = _page([(40, ("", "巡查按时", "100%")), (65, ("成本", "名", "1"))])
    assert text_grids(rest, "f.pdf", 2, table)[2] == {1: "巡查按时", 2: "100%"}
    second, _, carried = text_grids(rest, "f.pdf", 2, table, weigh=_weigh_value_column)
    assert carried == {} and _rows(second[-1])[0] == [(0, ""), (1, "巡查按时"), (2, "100%")]
    _, split, _ = text_grids(_page([(50, ("一级", "名", "指标值说明")), (70, ("产出", "巡查完成时", "≤15万"))]), "f.pdf", 1)
    rest = _page([(40, ("", "费用", "元")), (65, ("成本", "名", "1"))])
    assert text_grids(rest, "f.pdf", 2, split, weigh=_weigh_value_column)[2] == {1: "费用", 2: "元"}
