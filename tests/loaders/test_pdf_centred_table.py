"""The reader of tables whose cells are centred in their rows (a browser's print without
borders), on glyphs placed by hand as Chromium places them at 12 pt: cells 3 pt apart, wrapped
lines 19.5 pt apart, rows 21 pt apart, each cell's text centred in its row."""

from __future__ import annotations

from types import SimpleNamespace

from checker.loaders.pdf_centred_table import is_centred
from checker.loaders.pdf_text_table import Glyph, text_grids

EM = 12.0


def _glyphs(y: float, x: float, text: str) -> list[Glyph]:
    return [Glyph(y, x + i * EM, x + (i + 1) * EM, EM, ch) for i, ch in enumerate(text)]


def _cells(grid) -> dict[tuple[int, int], tuple[str, int]]:
    return {(c.row, c.col): (c.text, c.rowspan) for c in grid.cells if c.text}


def _page(cells: list[tuple[float, float, str]]) -> list[Glyph]:
    glyphs: list[Glyph] = []
    for y, x, text in cells:
        glyphs += _glyphs(y, x, text)
    return glyphs


# Columns 4 em wide (filled by four glyphs), 3 pt apart; one-line rows 21 pt apart.
A, B, C = 10.0, 10.0 + 4 * EM + 3, 10.0 + 8 * EM + 6


def test_a_label_between_two_rows_covers_both_and_cells_three_points_apart_are_cells():
    glyphs = _page([(79, A, "一级指标"), (79, B, "二级指标"), (79, C, "三级指标"),
                    (100, B, "数量指标"), (100, C, "值班覆盖"),
                    (110.5, A, "产出指标"),  # centred between the rows it covers
                    (121, B, "质量指标"), (121, C, "出版合法")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert table.centred
    assert _cells(grids[-1]) == {(0, 0): ("一级指标", 1), (0, 1): ("二级指标", 1), (0, 2): ("三级指标", 1),
                                 (1, 0): ("产出指标", 2), (1, 1): ("数量指标", 1), (1, 2): ("值班覆盖", 1),
                                 (2, 1): ("质量指标", 1), (2, 2): ("出版合法", 1)}


def test_a_label_centred_on_the_middle_of_three_rows_starts_at_the_first():
    glyphs = _page([(79, A, "一级指标"), (79, B, "二级指标"), (79, C, "三级指标"),
                    (100, C, "值班覆盖"), (110.5, B, "数量指标"), (121, C, "出版合法"),
                    (121, A, "产出指标"), (142, B, "质量指标"), (142, C, "社会关注")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("产出指标", 3)  # a label word on the middle row: it covers all three
    assert cells[(1, 1)] == ("数量指标", 2) and cells[(3, 1)] == ("质量指标", 1)


def test_a_one_line_cell_beside_a_wrapped_one_is_of_its_row():
    # "一般公共" fills its column and wraps to "预算" 19.5 pt lower; "合计" sits between the two.
    glyphs = _page([(68.5, A, "一级指标"), (68.5, B, "二级指标"), (68.5, C, "三级指标"),
                    (100, A, "合计"), (90.25, B, "一般公共"), (109.75, B, "预算"), (100, C, "社会关注")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells == {(0, 0): ("一级指标", 1), (0, 1): ("二级指标", 1), (0, 2): ("三级指标", 1),
                     (1, 0): ("合计", 1), (1, 1): ("一般公共预算", 1), (1, 2): ("社会关注", 1)}


def test_a_space_the_text_layer_left_out_is_no_cell_gap():
    # "市府办 譙小涛" (its row's cells stand wider apart than a space): the space is missing and
    # leaves 3 pt, as a cell gap would; nothing else on the page starts where "譙小涛" does.
    # Columns 5, 7 and 4 em wide; the last one's cell wraps, so the second row is two lines tall.
    b = A + 5 * EM + 3
    c = b + 7 * EM + 3
    glyphs = _page([(79, A, "实施单位"), (79, b, "市府办"), (79, b + 3 * EM + 3, "譙小涛"), (79, c, "合计"),
                    (110.5, A, "预算单位"), (110.5, b, "巴中市政府"), (100.75, c, "一般公共"), (120.25, c, "预算")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells == {(0, 0): ("实施单位", 1), (0, 1): ("市府办 譙小涛", 1), (0, 2): ("合计", 1),
                     (1, 0): ("预算单位", 1), (1, 1): ("巴中市政府", 1), (1, 2): ("一般公共预算", 1)}


def test_lines_a_pitch_apart_or_a_superscript_over_its_line_are_not_centred():
    def line(y: float, *runs: tuple[float, float]):
        return SimpleNamespace(y=y, runs=[SimpleNamespace(left=a, right=b) for a, b in runs])

    assert is_centred([line(79, (A, A + 48)), line(88.5, (B, B + 48)), line(98, (A, A + 48))], EM)
    assert not is_centred([line(79, (A, A + 48)), line(100, (B, B + 48)), line(121, (A, A + 48))], EM)
    assert not is_centred([line(79, (A, A + 48)), line(84, (A + 40, A + 46)), line(98, (A, A + 48))], EM)


def _all_cells(grid) -> dict[tuple[int, int], tuple[str, int]]:
    """Every cell, blank ones too (a blank merged cell is a label printed elsewhere)."""
    return {(c.row, c.col): (c.text, c.rowspan) for c in grid.cells}


HEADER = [(79, A, "一级指标"), (79, B, "二级指标"), (79, C, "三级指标")]


def test_a_label_column_left_blank_above_a_repeated_header_is_one_blank_cell():
    # The 一级 label of the first table's rows is printed in the next table (a browser sizes each
    # table apart; the producer printed the label after the break): the blank over the first
    # table's rows is a cell of its own, which recovery fills back, not the label above going on.
    glyphs = _page(HEADER + [(100, C, "值班覆盖"), (110.5, B, "数量指标"), (121, C, "出版合法"),
                             (143, A, "一级指标"), (143, B, "二级指标"), (143, C, "三级指标"),
                             (164, A, "产出指标"), (164, B, "质量指标"), (164, C, "社会关注")])
    cells = _all_cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("", 2)
    assert cells[(1, 1)] == ("数量指标", 2) and cells[(4, 0)] == ("产出指标", 1)


def test_cells_of_successive_rows_in_a_column_as_wide_as_the_upper_one_are_two_cells():
    # "持续提升" fills its column; "100%" 20.1 pt below it (a taller glyph box moves its line up)
    # could be its wrapped rest, but it stands on the centre of "调研成果" beside it, and the two
    # lines' middle on no cell's centre: a wrapped cell is centred in its row.
    glyphs = _page(HEADER + [(100, C, "持续提升"), (110.5, A, "产出指标"), (121, B, "调研成果")])
    glyphs += [Glyph(120.1, C + i * EM, C + (i + 1) * EM, EM, ch) for i, ch in enumerate("100%")]
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 2)] == ("持续提升", 1)
    assert cells[(2, 1)] == ("调研成果", 1) and cells[(2, 2)] == ("100%", 1)


def test_a_cell_whose_first_line_stands_beside_a_cell_ends_there():
    # The mirror case: the upper row's cell stands beside "2022年底" and the row below holds only
    # "≥99%", a wrap's pitch under it.
    glyphs = _page(HEADER + [(100, B, "调研成果"), (100, C, "2022年底"), (110.5, A, "产出指标")])
    glyphs += [Glyph(119, C + i * EM, C + (i + 1) * EM, EM, ch) for i, ch in enumerate("≥99%")]
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 1)] == ("调研成果", 1) and cells[(1, 2)] == ("2022年底", 1)
    assert cells[(2, 2)] == ("≥99%", 1)


def test_a_label_covers_no_row_past_the_table_below_it():
    # "社会效益" is centred between the last two rows; centred as well on the rows from the first
    # through the next form's title lines under the table, which have nothing right of it.
    d = C + 4 * EM + 3
    glyphs = _page(HEADER + [(100, C, "调研成果"), (100, d, "≥99"), (121, C, "网络运行"), (121, d, "≥98"),
                             (142, C, "群众满意"), (142, d, "≥97"), (152.5, B, "社会效益"),
                             (163, C, "突发事件"), (163, d, "≥96"), (184, A, "巴中市某"), (205, A, "单位万元")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(3, 1)] == ("社会效益", 2)


def test_a_label_starts_where_the_labels_right_of_it_do():
    # The first row's 一级 and 二级 cells are blank (their labels went on from the table above);
    # "成本指标" centred on the second row is also centred on the first three, but then the blank
    # 二级 cell of the first row would stand under it and over no 二级 label.
    glyphs = _page(HEADER + [(100, C, "开展调研"),
                             (121, A, "成本指标"), (121, B, "成本指标"), (121, C, "网络运行"),
                             (142, B, "经济效益"), (142, C, "处置突发"), (163, B, "社会效益"), (163, C, "值班覆盖"),
                             (173.5, A, "效益指标"), (184, C, "出版合法"), (194.5, B, "生态效益"), (205, C, "群众满意")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(2, 0)] == ("成本指标", 1) and cells[(2, 1)] == ("成本指标", 1)
    assert cells[(3, 0)] == ("效益指标", 4) and cells[(5, 1)] == ("生态效益", 2)


def test_a_label_wrapped_over_two_one_line_rows_stays_one_label():
    # Columns fixed narrower than the label (a page saved by a word processor): "数量指标"
    # wraps to "数量指" / "标", and the two one-line rows it covers share its height, so each
    # of its lines stands on the centre of another row's cell. A label word is still one cell.
    glyphs = _page(HEADER + [(100, B, "数量指"), (100, C, "持续"), (118, B, "标"), (118, C, "≥99%"),
                             (109, A, "产出指标"), (139, B, "质量指标"), (139, C, "网络运行")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("产出指标", 2)
    assert cells[(1, 1)] == ("数量指标", 2) and cells[(1, 2)] == ("持续", 1)
    assert cells[(2, 2)] == ("≥99%", 1) and cells[(3, 1)] == ("质量指标", 1)


def test_a_line_past_another_tables_column_start_leaves_only_its_columns_room():
    # The project block above sets a column start inside the value column (each HTML table is
    # sized apart) and another far right. "网站、电视" runs past the first: its room is what the
    # widest line of its own column leaves (none), not the room to the far one ("电台" fits there).
    glyphs = _page([(40, A, "项目名称"), (40, C + 30, "某单位"), (40, C + 9 * EM, "其他"),
                    (61, A, "预算单位"), (61, C + 30, "某单位"), (61, C + 9 * EM, "其他")] + [
                    (82, A, "一级指标"), (82, B, "二级指标"), (82, C, "三级指标"),
                    (109, B, "调研成果"), (100, C, "网站、电视"), (118, C, "电台"),
                    (139, B, "群众满意"), (139, C, "持续提升")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert ("网站、电视电台", 1) in cells.values()
    assert ("电台", 1) not in cells.values()


def test_text_run_up_to_the_next_columns_start_is_split_there_and_named():
    # "≥35000" cannot break and runs on over its column, ending 0.9 pt before "持续提升" (cells
    # stand 2.25 pt apart at least): the text after the gap starts where column C does on
    # other lines, so it is the next cell's. A gap as narrow inside "社会效益", 0.4 pt off the
    # start of a column the row above sets (an ideograph boxed by its ink), parts nothing; nor
    # does a gap of 0.4 pt right at column B's start, inside a cell over two columns.
    d = C + 2 * EM + 1 - 0.4
    glyphs = _page([(58, B, "款项"), (58, d, "某单位")] + HEADER + [(100, A, "调研成果"), (100, C, "持续提升"),
                             (121, A, "群众满意"), (121, B, "≥99%"), (121, C + 2 * EM + 1, "效益"),
                             (142, A, "网络运行"), (161.5, A, "情况"), (151.75, B, "12期"), (151.75, C, "网站直播")])
    glyphs += _glyphs(121, C, "社会")
    glyphs += [Glyph(58, A + i * (B - 0.4 - A) / 4, A + (i + 1) * (B - 0.4 - A) / 4, EM, ch) for i, ch in enumerate("项目名称")]
    width = (C - 0.9 - B) / 6
    glyphs += [Glyph(100, B + i * width, B + (i + 1) * width, EM, ch) for i, ch in enumerate("≥35000")]
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    cells = _cells(grids[-1])
    assert cells[(2, 1)] == ("≥35000", 1) and cells[(2, 2)] == ("持续提升", 1)
    assert cells[(3, 2)] == ("社会效益", 1) and cells[(0, 0)] == ("项目名称款项", 1)
    assert [(where.cell, text, after) for where, text, after in table.overruns] == [("R3C2", "≥35000", "持续提升")]


def test_the_room_a_line_left_is_to_its_own_tables_next_column():
    # "指标" / "值" wraps in the indicator table's last column; the project block above sets a
    # column start further right (each HTML table is sized apart), but no run near this line
    # starts there: the room "指标" left is its column's widest line's (none), so "值" goes on.
    d = C + 5 * EM
    glyphs = _page([(40, A, "项目名称"), (40, d, "某单位"), (61, A, "预算单位"), (61, d, "某单位"),
                    (109, A, "一级指标"), (109, B, "三级指标"), (100, C, "指标"), (118, C, "值"),
                    (139, B, "调研成果"), (139, C, "持续")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(2, 2)] == ("指标值", 1) and cells[(3, 2)] == ("持续", 1)


# Columns fixed narrower than their text (a page saved by a word processor): names 4 em wide in
# column A, values two ideographs wide in column B, the table's last.
NARROW = [(79, A, "三级指标"), (79, B, "指标")]


def _latin(y: float, x: float, text: str) -> list[Glyph]:
    """Glyphs of the Latin font, half an em wide (digits)."""
    return [Glyph(y, x + i * EM / 2, x + (i + 1) * EM / 2, EM, ch) for i, ch in enumerate(text)]


def test_cells_of_three_rows_in_a_narrow_column_are_cut_at_each_rows_centre():
    # Each row's value fills its column and wraps, and rows stand 19.5 pt apart where a taller
    # row follows, so the three cells' ten lines read as one block. Its first two lines centre
    # on "出版合法", the next four on "调研成果"; the last row has no name. Cut once under the
    # first row's, the rest (whose centre is on no cell) still holds two rows' cells. (A row of
    # two one-line cells closes the table.)
    glyphs = _page(NARROW + [(109, A, "出版合法"), (100, B, "预算"), (118, B, "执行"),
                             (164.5, A, "调研成果"), (137.5, B, "全天"), (155.5, B, "值守"), (173.5, B, "主岗"),
                             (191.5, B, "副岗"), (211, B, "适时"), (229, B, "印发"), (247, B, "持续"), (265, B, "提升"),
                             (286, A, "群众满意"), (286, B, "良好")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("出版合法", 1) and cells[(1, 1)] == ("预算执行", 1)
    assert cells[(2, 0)] == ("调研成果", 1) and cells[(2, 1)] == ("全天值守主岗副岗", 1)
    assert cells[(3, 1)] == ("适时印发持续提升", 1)


def test_a_line_of_digits_stands_closer_to_the_row_above_than_a_wrapped_line_would():
    # "2022" is the next row's cell (its name blank), 17.8 pt under "提升": a line of the Latin
    # font has a shorter line box, so one cell's line would stand 14.8 pt under it. "适时" is the
    # row after, 19.7 pt under "2022" (one cell's line: 16.7). No cell beside the first two rows
    # tells them apart.
    glyphs = _page(NARROW + [(100, B, "持续"), (118, B, "提升"), (155.5, B, "适时"), (173.5, B, "印发"),
                             (164.5, A, "网络运行"), (194.5, A, "群众满意"), (194.5, B, "良好")]) + _latin(135.76, B, "2022")
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 1)] == ("持续提升", 1) and cells[(2, 1)] == ("2022", 1)
    assert cells[(3, 0)] == ("网络运行", 1) and cells[(3, 1)] == ("适时印发", 1)


def test_a_line_that_cannot_break_and_runs_over_the_last_column_sets_no_room():
    # "（本）/" cannot break and runs 3.3 pt past the two ideographs the column holds: the room
    # "持续" left is what the lines that could break show (none), so "提升" is its wrapped rest.
    glyphs = _page(NARROW + [(109, A, "调研成果"), (100, B, "持续"), (118, B, "提升"),
                             (139, A, "网络运行"), (139, B, "（本）")])
    glyphs.append(Glyph(139, B + 3 * EM, B + 3 * EM + 3.3, EM, "/"))
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("调研成果", 1) and cells[(1, 1)] == ("持续提升", 1)
    assert cells[(2, 1)] == ("（本）/", 1)


def test_a_label_column_blank_under_a_label_over_sparse_rows_is_one_blank_cell():
    # "产出指标" covers three rows whose names are blank after the first (tall cells under merged
    # labels hold few cells each); the row after it has no 一级 label on this page (printed on
    # the next, where the rest of its rows are). Its row of three cells shares only the value
    # column with the two cells above it, but the labels cover the 二级 column there too: it
    # goes on in the same table, and its 一级 slot is a blank cell of its own, which recovery
    # fills back, not the label above going on.
    d = C + 4 * EM + 3
    glyphs = _page(HEADER + [(79, d, "指标"), (100, C, "值班覆盖"), (100, d, "持续"), (121, d, "适时"), (139, d, "印发"),
                             (130, A, "产出指标"), (130, B, "数量指标"), (160, d, "良好"),
                             (181, B, "质量指标"), (181, C, "网络运行"), (181, d, "提升")])
    cells = _all_cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("产出指标", 3) and cells[(1, 1)] == ("数量指标", 3)
    assert cells[(2, 3)] == ("适时印发", 1) and cells[(3, 3)] == ("良好", 1)
    assert cells[(4, 0)] == ("", 1) and cells[(4, 1)] == ("质量指标", 1)


D = C + 4 * EM + 3  # a fourth column, for the values
HEADER4 = HEADER + [(79, D, "指标值")]


def test_a_label_over_short_rows_and_a_tall_one_overlapping_only_the_tall_one_is_a_label():
    # "产出指标" covers two one-line rows and a four-line one: centred on the three, its text
    # stands inside the tall row's (and clear of the row above), off that row's middle.
    glyphs = _page(HEADER4 + [(50.94 + 50, D, "持续提升"), (61.44 + 50, B, "数量指标"), (72.45 + 50, D, "适时印发"),
                              (98.94 + 50, A, "产出指标"), (92.94 + 50, D, "网站电视"), (110.94 + 50, D, "电台新媒"),
                              (128.94 + 50, D, "体等全媒"), (146.94 + 50, D, "体直播"), (119.94 + 50, B, "质量指标"),
                              (110.94 + 50, C, "值班覆盖"), (128.94 + 50, C, "情况"),
                              (217.94, B, "社会效益"), (217.94, C, "群众满意"), (217.94, D, "良好")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("产出指标", 3) and cells[(1, 1)] == ("数量指标", 2)
    assert cells[(3, 1)] == ("质量指标", 1) and cells[(3, 2)] == ("值班覆盖情况", 1)
    assert cells[(3, 3)] == ("网站电视电台新媒体等全媒体直播", 1) and cells[(4, 1)] == ("社会效益", 1)


def test_a_label_set_on_the_first_of_its_rows_covers_the_label_right_of_it():
    # A page break splits "效益指标"'s rows: the browser sets its text on the first row, not on
    # the middle of the rows on this page. "生态效益" right of it starts there and covers the
    # next row too, so "效益指标" covers both; the last row's 一级 slot, beside a new 二级
    # label, is blank (its label may be printed on the next page).
    glyphs = _page(HEADER4 + [(100, A, "效益指标"), (100, C, "网络运行"), (100, D, "持续"), (110.5, B, "生态效益"),
                              (121, C, "出版合法"), (121, D, "良好"),
                              (142, B, "社会效益"), (142, C, "群众满意"), (142, D, "提升")])
    cells = _all_cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("效益指标", 2) and cells[(1, 1)] == ("生态效益", 2)
    assert cells[(3, 0)] == ("", 1) and cells[(3, 1)] == ("社会效益", 1)


def test_the_rest_of_a_label_the_page_cut_goes_back_to_it():
    # "服务对象满意" ends page 1 (wrapped in its column, beside the last row's name); "度" starts
    # page 2 beside a new row's first line: it finishes the label's word, so it is carried back
    # to the label, and the new row's 二级 slot is blank (the label above goes on).
    page1 = _page(HEADER4 + [(110, C, "值班覆盖"), (101, D, "持续"), (119, D, "提升"), (143, B, "服务对象"), (161, B, "满意"),
                             (143, C, "专项督查"), (161, C, "督办次数"), (152, D, "良好")])
    _, before, _ = text_grids(page1, "f.pdf", 1)
    assert before.centred and before.texts[1] == "服务对象满意"
    page2 = _page([(12, B, "度"), (12, C, "网络运行"), (12, D, "提升"), (33, C, "群众满意"), (33, D, "适时")])
    grids, _, carried = text_grids(page2, "f.pdf", 2, before)
    assert carried == {1: "度"}
    assert "度" not in {c.text for c in grids[-1].cells}


def test_a_page_of_one_rows_cells_and_its_number_goes_on_with_the_table():
    # The page holds one row (its name and value wrapped, their lines interleaved: no line of
    # two cells) and the page's number in the margin under it: the table above goes on.
    page1 = _page(HEADER4 + [(110, C, "值班覆盖"), (101, D, "持续"), (119, D, "提升"), (143, B, "服务对象"), (161, B, "满意度"),
                             (143, C, "专项督查"), (161, C, "督办次数"), (152, D, "良好")])
    _, before, _ = text_grids(page1, "f.pdf", 1)
    page2 = _page([(20, C, "网络系统"), (38, C, "软件正常"), (56, C, "运行率"), (29, D, "全天"), (47, D, "值守"),
                   (95, A - 1.6, "第1页")])
    grids, _, _ = text_grids(page2, "f.pdf", 2, before)
    texts = {c.text for c in grids[0].cells}
    assert grids[0].kind != "prose" and {"网络系统软件正常运行率", "全天值守"} <= texts


def test_a_name_centred_between_a_row_and_a_label_below_is_a_row():
    # "出版合法" (its value blank) stands between "适时印发" (a row of its own, its name blank)
    # and the labels over those rows and the next, which overlap the next row: its centre falls
    # on the middle of the row above and the labels, as a label's between a short row and a tall
    # one would, but labels are no row for it to be centred in.
    glyphs = _page(HEADER4 + [(99.7, D, "适时印发"), (119.44, C, "出版合法"),
                              (121.69, A, "产出指"), (139.69, A, "标"), (121.69, B, "质量指"), (139.69, B, "标"),
                              (140.44, C, "网络系统"), (158.44, C, "运行率"), (149.44, D, "良好"),
                              (180, B, "成本指标"), (180, C, "群众满意"), (180, D, "提升")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 3)] == ("适时印发", 1) and cells[(2, 2)] == ("出版合法", 1)
    assert cells[(1, 0)] == ("产出指标", 3) and cells[(1, 1)] == ("质量指标", 3)
    assert cells[(3, 2)] == ("网络系统运行率", 1) and cells[(4, 1)] == ("成本指标", 1)


def test_a_column_without_a_cell_on_the_next_page_is_one_blank_cell_down_to_its_first():
    # The 二级 label of page 1's last row goes on over page 2's first two rows, which print
    # nothing in its column: one blank cell covers both (the label in force goes on), as far
    # as the column's first cell.
    page1 = _page(HEADER4 + [(110, C, "值班覆盖"), (101, D, "持续"), (119, D, "提升"), (143, B, "服务对象"), (161, B, "满意度"),
                             (143, C, "专项督查"), (161, C, "督办次数"), (152, D, "良好")])
    _, before, _ = text_grids(page1, "f.pdf", 1)
    page2 = _page([(12, C, "突发事件"), (12, D, "持续"), (33, C, "专项督查"), (33, D, "良好"),
                   (54, B, "质量指标"), (54, C, "群众满意"), (54, D, "提升")])
    cells = _all_cells(text_grids(page2, "f.pdf", 2, before)[0][-1])
    assert cells[(0, 1)] == ("", 2) and cells[(2, 1)] == ("质量指标", 1)


def test_a_row_whose_cells_start_on_one_line_at_the_pages_foot_is_named_as_broken():
    # The last row's name (two lines) and value (four, the page's last) start on one line: a
    # browser centres the cells of a row it did not break, so it broke this one across the page.
    # (Not read yet: its value is cut where its first lines centre on the name, and named as read.)
    glyphs = _page(HEADER4 + [(100, C, "值班覆盖"), (100, D, "持续"), (130, B, "质量指标"),
                              (121, C, "网络系统"), (139, C, "运行率"), (121, D, "全天"), (139, D, "值守"),
                              (157, D, "主岗"), (175, D, "副岗")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert [(where.cell, text) for where, text in table.broken] == [("R3C4", "全天值守")]


def test_a_last_row_whose_cells_are_centred_is_not_named():
    glyphs = _page(HEADER4 + [(100, C, "值班覆盖"), (100, D, "持续"), (148, B, "质量指标"),
                              (139, C, "网络系统"), (157, C, "运行率"), (121, D, "全天"), (139, D, "值守"),
                              (157, D, "主岗"), (175, D, "副岗")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert _cells(grids[-1])[(2, 3)] == ("全天值守主岗副岗", 1) and table.broken == ()


def test_a_one_line_label_over_the_last_row_and_the_one_above_is_no_broken_row():
    # "总体目标" covers the page's last two rows: centred on them, it stands on the last row's
    # first line, beside a two-line cell ending the page, as a broken row's name would.
    glyphs = _page(HEADER4 + [(100, C, "年度目标"), (91, D, "持续"), (109, D, "提升"),
                              (119.5, A, "总体目标"), (121, C, "全天值守覆盖"), (139, C, "到位")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert table.centred and table.broken == ()


def test_a_row_after_a_line_of_digits_stands_further_than_that_lines_wrap():
    # "2022" and "适时印发" are the values of two rows with blank names: "适时" stands 19.7 pt
    # under "2022", where one cell's next line would stand 16.7 pt (the Latin font's shorter line
    # box); no cell beside them tells the rows apart.
    glyphs = _page(NARROW + [(130, A, "调研成果"), (121, B, "持续"), (139, B, "提升"), (185.5, B, "适时"),
                             (203.5, B, "印发"), (224.5, A, "群众满意"), (224.5, B, "良好")]) + _latin(165.76, B, "2022")
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 1)] == ("持续提升", 1) and cells[(2, 1)] == ("2022", 1) and cells[(3, 1)] == ("适时印发", 1)


def test_a_top_aligned_pair_above_the_last_row_or_cells_ending_together_are_no_broken_row():
    # Two cells start on one line, one ending lower, but another row follows them; and a last
    # row whose two cells hold as many lines each (they start and end together).
    above = _page(HEADER4 + [(100, C, "值班覆盖"), (100, D, "持续"), (130, B, "质量指标"),
                             (121, C, "网络系统"), (139, C, "运行率"), (121, D, "全天"), (139, D, "值守"),
                             (157, D, "主岗"), (175, D, "副岗"), (196, C, "群众满意"), (196, D, "良好")])
    together = _page(HEADER4 + [(100, C, "值班覆盖"), (100, D, "持续"), (130, B, "质量指标"),
                                (121, C, "网络系统"), (139, C, "运行率"), (121, D, "全天"), (139, D, "值守")])
    for glyphs in (above, together):
        _, table, _ = text_grids(glyphs, "f.pdf", 1)
        assert table.centred and table.broken == ()


def test_a_page_holding_only_its_number_is_no_part_of_the_table():
    page1 = _page(HEADER4 + [(110, C, "值班覆盖"), (101, D, "持续"), (119, D, "提升"), (143, B, "服务对象"), (161, B, "满意度"),
                             (143, C, "专项督查"), (161, C, "督办次数"), (152, D, "良好")])
    _, before, _ = text_grids(page1, "f.pdf", 1)
    grids, table, _ = text_grids(_page([(95, A - 1.6, "第2页")]), "f.pdf", 2, before)
    assert [g.kind for g in grids] == ["prose"] and table is None
