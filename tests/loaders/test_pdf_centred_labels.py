"""Merged labels a Word document centres vertically, printed by Writer in a table without rules,
on glyphs placed by hand as Writer places them at 10 pt: cells at their row's top, wrapped lines
14 pt apart, rows 25 pt apart, and each centred label in the middle of the rows it covers."""

from __future__ import annotations

import shutil

import pytest

from checker.loaders.pdf_centred_labels import Slack, Span, first_rows
from checker.loaders.pdf_text_table import Glyph, _lines, text_grids

SIZE = 10.0
LABEL, NAME, VALUE = 50.0, 110.0, 170.0  # columns 60 wide: five glyphs fill one
SLACK = Slack(1.2, 1.5)


def _glyphs(y: float, x: float, text: str) -> list[Glyph]:
    return [Glyph(y, x + i * SIZE, x + (i + 1) * SIZE, SIZE, ch) for i, ch in enumerate(text)]


def _page(cells: list[tuple[float, float, str]]) -> list[Glyph]:
    glyphs: list[Glyph] = []
    for y, x, text in cells:
        glyphs += _glyphs(y, x, text)
    return glyphs


def _cells(grid) -> dict[tuple[int, int], tuple[str, int]]:
    return {(c.row, c.col): (c.text, c.rowspan) for c in grid.cells if c.text}


HEADER = [(50, LABEL, "一级指标"), (50, NAME, "三级指标"), (50, VALUE, "指标值")]


# -- placing a column's labels by their middles ----------------------------------------------------

def test_a_label_centred_on_three_rows_starts_at_the_first():
    rows = [Span(75, 89), Span(114, 114), Span(139, 139)]  # a two-line row, then two of one line
    assert first_rows([Span(107, 107)], rows, SLACK).rows == [0]


def test_labels_follow_one_another_down_their_column():
    rows = [Span(75, 75), Span(100, 100), Span(125, 125), Span(150, 150), Span(175, 175)]
    # the first over rows 0-1 (middle 87.5), the next over rows 2-4 (middle 150, on row 3's line)
    assert first_rows([Span(87.5, 87.5), Span(150, 150)], rows, SLACK).rows == [0, 2]


def test_a_label_taller_than_its_row_starts_on_its_line():
    # "产出指" / "标" over a row of one line: Writer grows the row to hold it
    rows = [Span(75, 75), Span(114, 114)]
    assert first_rows([Span(75, 89), Span(114, 128)], rows, SLACK).rows == [0, 1]


def test_rows_above_the_first_label_go_on_from_the_label_above():
    # at a page's top: row 0 is the page before's label's; the label centres on rows 1-2 only
    rows = [Span(75, 89), Span(114, 114), Span(139, 139)]
    placing = first_rows([Span(126.5, 126.5)], rows, SLACK)
    assert placing.rows == [1] and placing.others == []


def test_a_label_a_page_splits_inside_a_row_is_at_its_top_only_at_the_foot():
    rows = [Span(75, 75), Span(100, 128)]  # the last row runs on on the next page
    assert first_rows([Span(75, 75), Span(100, 114)], rows, SLACK) is None
    assert first_rows([Span(75, 75), Span(100, 114)], rows, SLACK, foot=True).rows == [0, 1]


def test_another_run_of_rows_centring_a_label_as_well_is_reported():
    # rows of equal heights either side: the label centres rows 0-2 and row 1 alike
    rows = [Span(75, 89), Span(114, 142), Span(167, 181)]
    placing = first_rows([Span(121, 135)], rows, SLACK)
    assert placing.rows == [0] and placing.others == [[1]]


def test_no_placing_fits_a_label_centred_on_no_rows():
    assert first_rows([Span(80, 80)], [Span(75, 75), Span(100, 100)], SLACK) is None


# -- a page's table ----------------------------------------------------------------------------------

def test_a_centred_label_covers_the_rows_around_it_and_starts_none():
    # 产出指标 centred on three rows (the first wraps), 成本指标 on the next two
    glyphs = _page(HEADER + [(75, NAME, "值班覆盖情"), (75, VALUE, "1"), (89, NAME, "况"),
                             (114, NAME, "出版物"), (114, VALUE, "2"),
                             (139, NAME, "社会关注度"), (139, VALUE, "3"),
                             (107, LABEL, "产出指标"),
                             (164, NAME, "群众满意度"), (164, VALUE, "4"), (189, NAME, "时效"), (189, VALUE, "5"),
                             (176.5, LABEL, "成本指标")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert _cells(grids[-1]) == {
        (0, 0): ("一级指标", 1), (0, 1): ("三级指标", 1), (0, 2): ("指标值", 1),
        (1, 0): ("产出指标", 3), (1, 1): ("值班覆盖情况", 1), (1, 2): ("1", 1),
        (2, 1): ("出版物", 1), (2, 2): ("2", 1), (3, 1): ("社会关注度", 1), (3, 2): ("3", 1),
        (4, 0): ("成本指标", 2), (4, 1): ("群众满意度", 1), (4, 2): ("4", 1), (5, 1): ("时效", 1), (5, 2): ("5", 1)}
    assert table.centred_labels == frozenset({0}) and table.texts[0] == "成本指标"


def test_a_label_beside_a_wrapped_names_later_line_is_no_row_of_its_own():
    # "产出指标" on the second line of a three-line name, centred on that row alone
    glyphs = _page(HEADER + [(75, NAME, "开展调研工"), (89, NAME, "作差旅费用"), (103, NAME, "支出"),
                             (75, VALUE, "1"), (89, LABEL, "产出指标"), (128, NAME, "出版物"), (128, VALUE, "2"),
                             (128, LABEL, "成本指标")])
    cells = _cells(text_grids(glyphs, "f.pdf", 1)[0][-1])
    assert cells[(1, 0)] == ("产出指标", 1) and cells[(1, 1)] == ("开展调研工作差旅费用支出", 1)
    assert cells[(2, 0)] == ("成本指标", 1) and len({r for r, _ in cells}) == 3


def test_a_name_that_is_a_label_word_alone_on_its_row_stays_a_name():
    # "满意度" starts its row with nothing beside it: nothing stands on a line less than a row above it
    glyphs = _page(HEADER + [(75, LABEL, "产出指标"), (75, NAME, "出版物"), (75, VALUE, "1"),
                             (100, NAME, "满意度"), (125, NAME, "时效"), (125, VALUE, "2")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    cells = _cells(grids[-1])
    assert cells[(2, 1)] == ("满意度", 1) and cells[(1, 0)] == ("产出指标", 3)
    assert table.centred_labels == frozenset()


def test_labels_of_a_column_the_page_before_showed_centred_are_placed_by_their_middles():
    first = _page(HEADER + [(75, NAME, "出版物"), (75, VALUE, "1"), (100, NAME, "时效"), (100, VALUE, "2"),
                            (87.5, LABEL, "产出指标")])
    _, table, _ = text_grids(first, "f.pdf", 1)
    # on the next page a label centred on three one-line rows stands on the middle one's line
    second = _page([(40, NAME, "群众"), (40, VALUE, "3"), (65, NAME, "社会"), (65, VALUE, "4"),
                    (65, LABEL, "成本指标"), (90, NAME, "网络"), (90, VALUE, "5")])
    cells = _cells(text_grids(second, "f.pdf", 2, table)[0][-1])
    assert cells[(0, 0)] == ("成本指标", 3)


def test_a_label_on_a_rows_line_that_centred_would_start_under_the_header_is_named():
    # no label of the column stands off its rows' lines: read where it stands (on row 2), and
    # named, since centred on rows 1-3 it would stand there as well, its column blank under the header
    glyphs = _page(HEADER + [(75, NAME, "出版物"), (75, VALUE, "1"), (100, NAME, "时效"), (100, VALUE, "2"),
                             (100, LABEL, "产出指标"), (125, NAME, "网络"), (125, VALUE, "3")])
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert _cells(grids[-1])[(2, 0)] == ("产出指标", 2)
    assert [(where.cell, text, other) for where, text, other in table.doubted_labels] == [("R3C1", "产出指标", "R2")]
    # a 三级 name that is a label word, blank under a 三级指标 header, is none
    names = _page([(50, LABEL, "一级指标"), (50, NAME, "三级指标"), (50, VALUE, "指标值"),
                   (75, LABEL, "产出指标"), (75, VALUE, "1"), (100, NAME, "质量指标"), (100, VALUE, "2"),
                   (125, VALUE, "3")])
    assert text_grids(names, "f.pdf", 1)[1].doubted_labels == ()


def test_a_centred_labels_rest_on_the_next_page_goes_back_to_it():
    # "产出指" on a page's last row, its "标" centred on the next page's rows under it
    first = _page(HEADER + [(75, NAME, "出版物"), (75, VALUE, "1"), (100, NAME, "时效"), (100, VALUE, "2"),
                            (87.5, LABEL, "成本指标"), (125, NAME, "网络"), (125, VALUE, "3"), (125, LABEL, "产出指")])
    _, table, _ = text_grids(first, "f.pdf", 1, height=150.0)
    second = _page([(40, NAME, "群众"), (40, VALUE, "4"), (65, NAME, "社会"), (65, VALUE, "5"),
                    (52.5, LABEL, "标")])
    grids, _, carried = text_grids(second, "f.pdf", 2, table, height=300.0)
    assert carried == {0: "标"}
    assert (0, 0) not in _cells(grids[-1]) and _cells(grids[-1])[(0, 1)] == ("群众", 1)


def test_a_word_processors_line_is_not_cut_by_a_label_half_a_line_above_it():
    # a glyph of one word 0.1 pt lower than the others, 5 pt under a label's line
    glyphs = _glyphs(95, LABEL, "标") + _glyphs(100, NAME, "调研") + [Glyph(100.1, NAME + 20, NAME + 30, SIZE, "成")]
    tight = _lines(glyphs, tight=True)
    assert [[r.text for r in line.runs] for line in tight] == [["标", "调研成"]]
    assert [r.y for r in tight[0].runs] == [95, 100]


def test_a_writer_page_is_never_read_as_a_browsers_centred_table():
    # three lines less than two em apart, the middle one beside the others: a browser's
    # centred cells, unless the producer sets cells at their rows' top (a centred label)
    glyphs = _page(HEADER + [(75, NAME, "开展调研工"), (89, NAME, "作差旅费"), (82, LABEL, "产出指标"),
                             (75, VALUE, "1"), (114, NAME, "出版物"), (114, VALUE, "2"), (114, LABEL, "成本指标")])
    assert text_grids(glyphs, "f.pdf", 1)[1].centred
    grids, table, _ = text_grids(glyphs, "f.pdf", 1, top_aligned=True)
    assert not table.centred and _cells(grids[-1])[(1, 0)] == ("产出指标", 1)


# -- printed by Writer -------------------------------------------------------------------------------

@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_docx_whose_labels_are_centred_reads_back_printed_by_writer(tmp_path):
    from bench.corpusgen.documents import to_pdf
    from checker.loaders import load_bytes
    from loaders.test_loader_grid_roundtrip import SAMPLE_FORM, _comparable, _expected, _squashed
    from policy.forms.canonical import form_to_mapping

    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")]
    content = to_pdf(drawn, lambda options: list(options)[0], tmp_path, ruled=False, centred_labels=True)
    document = load_bytes(content, "drawn.pdf")
    assert document.error is None, document.error
    assert [_squashed(_comparable(form_to_mapping(f))) for f in document.forms] == [_squashed(e) for e in _expected(drawn)]
    assert [i for f in document.forms for i in f.issues] == []
