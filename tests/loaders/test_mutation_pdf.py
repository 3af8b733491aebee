"""The whole PDF loader (``load_pdf``) on PDFs of several pages written by hand: what a user gets
from a document — its forms, their indicators and places, the notices and the errors.

Written for the mutants of ``checker/loaders/pdf.py`` that only the producer round trips reached
(LibreOffice and Chromium print the forms there, seconds a test, and are left out of mutation
runs): these draw the same situations in a few hundred bytes (``pdf_form_bytes.py``)."""

from __future__ import annotations

import pytest

from checker.loaders import pdf as pdf_loader
from checker.loaders.limits import DEFAULT_LIMITS, Limits
from checker.loaders.pdf import load_pdf
from tests.loaders.pdf_form_bytes import form_pdf, ruled_table, text
from tests.loaders.pdf_bytes import pages_pdf

XS = [10, 70, 130, 220, 290]  # a form's four columns: 一级, 二级, 三级指标, 指标值
HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]
TITLE = text(10, 30, "项目支出绩效目标表", 10)


def _rows(top: float, count: int, pitch: float = 20.0) -> list[float]:
    return [top + pitch * k for k in range(count + 1)]


def _first_page(*indicators: list[str]) -> str:
    """A form's title, its 项目名称 row, its header and ``indicators`` in one ruled table."""
    rows = [["项目名称", "甲项目", "<", "<"], HEADER, *indicators]
    return TITLE + ruled_table(XS, _rows(40, len(rows)), rows)


def _page(*indicators: list[str], top: float = 20.0) -> str:
    """A page going on with ``indicators`` in a table of the same columns."""
    return ruled_table(XS, _rows(top, len(indicators)), list(indicators))


def _indicators(document) -> list[tuple[str, str, str, str, str | None, str | None]]:
    return [(i.level1_text, i.level2_text, i.name, i.value_text, i.location.sheet, i.location.cell)
            for form in document.forms for i in form.indicators]


def _issues(document) -> list[tuple[str, str | None, str | None, dict]]:
    return [(i.message_id, i.location.sheet, i.location.cell, dict(i.args)) for i in document.issues]


OUTPUT = ["产出指标", "数量指标", "培训人数", "≥100人"]
QUALITY = ["产出指标", "质量指标", "合格率", "100%"]
BENEFIT = ["效益指标", "社会效益指标", "覆盖率", "≥90%"]
SATISFACTION = ["满意度指标", "服务对象满意度", "满意度", "≥95%"]


# --- a form over pages ---------------------------------------------------------------------------


def test_a_form_over_two_pages_is_one_form_with_every_indicator_in_its_place():
    document = load_pdf(form_pdf([_first_page(OUTPUT, QUALITY), _page(BENEFIT, SATISFACTION)]), "f.pdf",
                        DEFAULT_LIMITS)
    assert (document.error, document.issues, document.format) == (None, (), "pdf")
    assert [(f.name, f.title) for f in document.forms] == [("甲项目", "项目支出绩效目标表")]
    assert _indicators(document) == [
        (*OUTPUT, "page 1 table 1", "R3C3"), (*QUALITY, "page 1 table 1", "R4C3"),
        (*BENEFIT, "page 2 table 1", "R1C3"), (*SATISFACTION, "page 2 table 1", "R2C3"),
    ]
    assert {i.location.path for f in document.forms for i in f.indicators} == {"f.pdf"}


def test_a_form_over_three_pages_keeps_going_on_each_page():
    pages = [_first_page(OUTPUT), _page(QUALITY), _page(BENEFIT, SATISFACTION)]
    document = load_pdf(form_pdf(pages), "f.pdf", DEFAULT_LIMITS)
    assert [(i[2], i[4]) for i in _indicators(document)] == [
        ("培训人数", "page 1 table 1"), ("合格率", "page 2 table 1"), ("覆盖率", "page 3 table 1"),
        ("满意度", "page 3 table 1")]


# --- errors and limits ---------------------------------------------------------------------------


def test_bytes_that_are_no_pdf_are_an_error_naming_the_file_and_pdfiums_reason():
    document = load_pdf(b"%PDF-1.4 not a document", "bad.pdf", DEFAULT_LIMITS)
    assert (document.path, document.forms, document.format) == ("bad.pdf", (), "pdf")
    error = document.error
    assert (error.message_id, error.severity, error.location.path) == ("E024", "error", "bad.pdf")
    assert error.args == {"kind": "PDF", "reason": "Failed to load document (PDFium: Data format error)."}


def test_a_long_reason_is_cut_to_120_characters(monkeypatch):
    import pypdfium2 as pdfium

    def refuse(data):
        raise pdfium.PdfiumError("x" * 200)

    monkeypatch.setattr(pdfium, "PdfDocument", refuse)
    document = load_pdf(b"%PDF", "bad.pdf", DEFAULT_LIMITS)
    assert document.error.args == {"kind": "PDF", "reason": "x" * 120}


def _encrypted(data: bytes) -> bytes:
    """``data`` with an encryption dictionary whose user key no empty password opens."""
    keys = b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b">"
    return data.replace(b"trailer\n<< ", b"trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 "
                        + keys + b" /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ")


def test_a_password_protected_pdf_says_so():
    document = load_pdf(_encrypted(form_pdf([_first_page(OUTPUT)])), "locked.pdf", DEFAULT_LIMITS)
    assert (document.error.message_id, document.error.location.path, document.error.args) == ("E023", "locked.pdf", {})
    assert (document.path, document.forms, document.format) == ("locked.pdf", (), "pdf")


def test_an_error_named_password_in_capitals_is_still_a_password(monkeypatch):
    import pypdfium2 as pdfium

    def refuse(data):
        raise pdfium.PdfiumError("PASSWORD required")

    monkeypatch.setattr(pdfium, "PdfDocument", refuse)
    assert load_pdf(b"%PDF", "locked.pdf", DEFAULT_LIMITS).error.message_id == "E023"


def test_pages_without_text_are_a_scan_counting_the_pages_read():
    rules = ruled_table(XS, _rows(20, 2), [["", "", "", ""], ["", "", "", ""]])
    document = load_pdf(form_pdf([rules] * 3), "scan.pdf", DEFAULT_LIMITS)
    assert (document.error.message_id, document.error.location.path, document.error.args) == ("E022", "scan.pdf", {"pages": 3})
    assert (document.path, document.issues, document.format) == ("scan.pdf", (), "pdf")
    # With a page limit, the pages read are counted, and the pages left unread are said too.
    document = load_pdf(form_pdf([rules] * 3), "scan.pdf", Limits(max_pages=2))
    assert (document.error.message_id, document.error.args) == ("E022", {"pages": 2})
    assert _issues(document) == [("E025", "page 3", None, {"limit": 2})]


def test_a_page_that_shows_one_character_is_no_scan():
    document = load_pdf(form_pdf(["", text(10, 30, "甲乙", 10)]), "one.pdf", DEFAULT_LIMITS)
    assert (document.error.message_id, document.error.args) == ("E020.pages", {"tables": 0, "pages": 2})


def test_pages_past_the_limit_are_not_read_and_the_report_says_where_reading_stopped():
    pages = [_first_page(OUTPUT), _page(QUALITY), _page(BENEFIT)]
    document = load_pdf(form_pdf(pages), "long.pdf", Limits(max_pages=2))
    assert [i[2] for i in _indicators(document)] == ["培训人数", "合格率"]
    assert _issues(document) == [("E025", "page 3", None, {"limit": 2})]
    assert document.issues[0].severity == "error" and document.issues[0].location.path == "long.pdf"
    assert (document.path, document.format) == ("long.pdf", "pdf")
    # At the limit exactly, nothing is left unread.
    document = load_pdf(form_pdf(pages), "long.pdf", Limits(max_pages=3))
    assert [i[2] for i in _indicators(document)] == ["培训人数", "合格率", "覆盖率"]
    assert document.issues == ()


def test_a_document_of_tables_without_a_form_says_how_many_pages_and_tables_were_read():
    latin = ruled_table(XS, _rows(20, 2), [["A", "B", "C", "D"], ["E", "F", "G", "H"]])
    document = load_pdf(form_pdf([latin, latin]), "other.pdf", DEFAULT_LIMITS)
    assert (document.error.message_id, document.error.args) == ("E020.pages", {"tables": 2, "pages": 2})
    assert (document.format, document.error.location.path) == ("pdf", "other.pdf")


def test_a_page_pdfium_fails_on_is_an_error_naming_what_failed(monkeypatch):
    def fail(*args, **kwargs):
        raise ValueError("a page object cannot be read")

    monkeypatch.setattr(pdf_loader, "_page_grids", fail)
    document = load_pdf(form_pdf([_first_page(OUTPUT)]), "damaged.pdf", DEFAULT_LIMITS)
    assert (document.error.message_id, document.error.args) == ("E024", {"kind": "PDF", "reason": "ValueError"})
    assert (document.path, document.error.location.path, document.forms, document.format) == (
        "damaged.pdf", "damaged.pdf", (), "pdf")


def test_without_pypdfium2_a_pdf_is_an_error_naming_what_is_missing(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails
    document = load_pdf(form_pdf([_first_page(OUTPUT)]), "f.pdf", DEFAULT_LIMITS)
    error = document.error
    assert (error.message_id, error.severity, error.location.path, error.args) == (
        "E024", "error", "f.pdf", {"kind": "PDF", "reason": "pypdfium2 missing"})
    assert (document.path, document.forms, document.format) == ("f.pdf", (), "pdf")


def test_a_producer_pdfium_cannot_give_as_text_is_no_producer():
    # A lone surrogate: pdfium hands it on, and Python cannot decode it.
    data = form_pdf([_first_page(OUTPUT)], info=b"<< /Producer <FEFFD800> >>")
    document = load_pdf(data, "f.pdf", DEFAULT_LIMITS)
    assert [i[2] for i in _indicators(document)] == ["培训人数"]


@pytest.mark.parametrize("producer", ["LibreOffice 7.4", "Skia/PDF m120", None])
def test_the_producer_named_is_the_one_read(producer, monkeypatch):
    seen = []
    real = pdf_loader.is_browser_print
    monkeypatch.setattr(pdf_loader, "is_browser_print", lambda name: seen.append(name) or real(name))
    load_pdf(form_pdf([_first_page(OUTPUT)], producer=producer), "f.pdf", DEFAULT_LIMITS)
    assert seen == [producer or ""]


# --- a ruled row the page broke ------------------------------------------------------------------
# Page 1 ends its form's table at y 380, the page's foot (the next page's table starts 20 pt below
# its top, so the body ends 20 pt above the foot); the last row's cells end on full lines.

LONG_NAME = "社会公众满意度问卷调"  # 10 glyphs of 8 pt: its line leaves 6 pt of the cell's 88


def _foot_page(last: list[str], producer_cut: bool = False) -> str:
    rows = [["项目名称", "甲项目", "<", "<"], HEADER, OUTPUT, last]
    ys = [300, 320, 340, 360, 380]
    if producer_cut:  # a browser's slice: the last row runs open to the page's edge
        ys = [300, 320, 340, 360, 400]
    return text(10, 290, "项目支出绩效目标表", 10) + ruled_table(XS, ys, rows, open_bottom=producer_cut)


def _head_page(first: list[str], *rest: list[str], open_top: bool = False, above: str = "") -> str:
    return above + ruled_table(XS, _rows(20, 1 + len(rest)), [first, *rest], open_top=open_top)


def _read(pages: list[str], producer: str = "LibreOffice 7.4"):
    document = load_pdf(form_pdf(pages, producer=producer), "f.pdf", DEFAULT_LIMITS)
    assert document.error is None
    return document


def test_a_row_the_page_broke_in_one_cell_is_joined_and_named_where_its_rest_was_read():
    document = _read([_foot_page(["满意度指标", "服务对象满意度", LONG_NAME, "≥95%"]),
                      _head_page(["", "", "查率", ""], QUALITY)])
    assert _indicators(document) == [
        (*OUTPUT, "page 1 table 1", "R3C3"),
        ("满意度指标", "服务对象满意度", LONG_NAME + "查率", "≥95%", "page 1 table 1", "R4C3"),
        (*QUALITY, "page 2 table 1", "R2C3"),
    ]
    # Joined on one cell's evidence: a whole row ending on a full line reads the same.
    assert _issues(document) == [("E113", "page 2 table 1", "R1C3", {"text": "查率"})]


def test_a_row_the_page_broke_in_two_cells_of_qualitative_text_is_joined_and_named_at_its_first():
    document = _read([_foot_page(["满意度指标", "服务对象满意度", LONG_NAME, "群众满意程度逐步"]),
                      _head_page(["", "", "查率", "提高"], QUALITY)])
    assert [(i[2], i[3]) for i in _indicators(document)] == [
        ("培训人数", "≥100人"), (LONG_NAME + "查率", "群众满意程度逐步提高"), ("合格率", "100%")]
    assert _issues(document) == [("E113.text", "page 2 table 1", "R1C3", {"text": "查率"})]


def test_a_value_the_page_split_joins_its_row_without_a_notice():
    document = _read([_foot_page(["满意度指标", "服务对象满意度", LONG_NAME, "≤1259.2万"]),
                      _head_page(["", "", "查率", "元"], QUALITY)])
    assert [(i[2], i[3]) for i in _indicators(document)] == [
        ("培训人数", "≥100人"), (LONG_NAME + "查率", "≤1259.2万元"), ("合格率", "100%")]
    assert document.issues == ()


def test_two_whole_values_on_either_side_of_the_break_are_two_rows():
    document = _read([_foot_page(["满意度指标", "服务对象满意度", LONG_NAME, "2023年9月"]),
                      _head_page(["", "", "查率", "100%"], QUALITY)])
    assert [(i[2], i[3], i[5]) for i in _indicators(document)] == [
        ("培训人数", "≥100人", "R3C3"), (LONG_NAME, "2023年9月", "R4C3"), ("查率", "100%", "R1C3"),
        ("合格率", "100%", "R2C3")]
    assert document.issues == ()


def test_a_browser_print_joins_no_row_its_frame_closed():
    document = _read([_foot_page(["满意度指标", "服务对象满意度", LONG_NAME, "≥95%"]),
                      _head_page(["", "", "查率", ""], QUALITY)], producer="Skia/PDF m120")
    assert [(i[2], i[4], i[5]) for i in _indicators(document)] == [
        ("培训人数", "page 1 table 1", "R3C3"), (LONG_NAME, "page 1 table 1", "R4C3"),
        ("查率", "page 2 table 1", "R1C3"), ("合格率", "page 2 table 1", "R2C3")]
    assert document.issues == ()


def test_a_browser_print_joins_the_cells_it_cut_open_whatever_their_lines():
    short = "社会公众"  # far from full: the drawing alone says it goes on
    document = _read([_foot_page(["满意度指标", "服务对象满意度", short, "≥95%"], producer_cut=True),
                      _head_page(["", "", "满意度", ""], QUALITY, open_top=True)], producer="Skia/PDF m120")
    assert [(i[2], i[3], i[4], i[5]) for i in _indicators(document)] == [
        ("培训人数", "≥100人", "page 1 table 1", "R3C3"), ("社会公众满意度", "≥95%", "page 1 table 1", "R4C3"),
        ("合格率", "100%", "page 2 table 1", "R2C3")]
    assert document.issues == ()


def test_text_above_the_next_pages_table_says_the_page_broke_no_row():
    document = _read([_foot_page(["满意度指标", "服务对象满意度", LONG_NAME, "≥95%"]),
                      _head_page(["", "", "查率", ""], QUALITY, above=text(10, 15, "续表续表", 8))])
    assert [i[2] for i in _indicators(document)] == ["培训人数", LONG_NAME, "查率", "合格率"]
    assert document.issues == ()


def test_a_page_that_breaks_right_under_the_header_joins_nothing_into_it():
    rows = [["项目名称", "甲项目", "<", "<"], HEADER]
    first = text(10, 290, "项目支出绩效目标表", 10) + ruled_table(XS, [340, 360, 380], rows)
    document = _read([first, _head_page(["", "", "查率", ""], QUALITY)])
    assert [(i[2], i[4], i[5]) for i in _indicators(document)] == [
        ("查率", "page 2 table 1", "R1C3"), ("合格率", "page 2 table 1", "R2C3")]


# --- a row without rules the page broke ----------------------------------------------------------


def _borderless(rows: list[list[str]], top: float, pitch: float = 15.0) -> str:
    """Rows of a table without rules: each row's texts at the form's column starts, one line a row,
    ``pitch`` apart from the baseline ``top``."""
    return "".join(text(XS[c] + 2, top + pitch * r, words) for r, row in enumerate(rows)
                   for c, words in enumerate(row) if words)


def _borderless_pages(last: list[str]) -> list[str]:
    """A form without rules whose last row on page 1 stands at the page's foot, its 三级指标 line
    as long as the column's longest; page 2 starts with "查率" under that column."""
    rows = [["项目名称", "甲项目"], HEADER, OUTPUT, ["效益指标", "社会效益指标", "覆盖率", "≥90%"], last]
    first = text(10, 305, "项目支出绩效目标表", 10) + _borderless(rows, 322)
    return [first, _borderless([["", "", "查率", ""], QUALITY], 20)]


def test_a_borderless_row_the_page_broke_gets_its_rest_back():
    document = _read(_borderless_pages(["", "", LONG_NAME, "≥95%"]))
    assert _indicators(document)[2:] == [
        ("效益指标", "社会效益指标", LONG_NAME + "查率", "≥95%", "page 1 table 1", "R5C3"),
        (*QUALITY, "page 2 table 1", "R1C3")]
    assert document.issues == ()


def test_a_borderless_row_of_one_cell_joined_with_the_next_pages_first_line_is_named_there():
    document = _read(_borderless_pages(["", "", LONG_NAME, ""]))
    assert [(i[2], i[5]) for i in _indicators(document)] == [
        ("培训人数", "R3C3"), ("覆盖率", "R4C3"), (LONG_NAME + "查率", "R5C3"), ("合格率", "R1C3")]
    # Named by the cell it was joined to, on page 1: a new row of one cell would read the same.
    assert _issues(document) == [("E113", "page 1 table 1", "R5C3", {"text": "查率"})]


# --- several tables on a page, and the text between them -----------------------------------------


def _form(top: float, name: str, indicator: list[str]) -> str:
    """A form's title 8 pt above ``top`` and its table from there: 项目名称 row, header, one indicator."""
    rows = [["项目名称", name, "<", "<"], HEADER, indicator]
    return text(10, top - 8, "项目支出绩效目标表", 10) + ruled_table(XS, _rows(top, 3), rows)


def test_two_forms_on_a_page_each_start_at_their_own_title():
    page = _form(30, "甲项目", OUTPUT) + _form(140, "乙项目", QUALITY) + text(10, 230, "填报人：张三", 8)
    document = _read([page])
    assert [(f.name, f.title, f.location.path, f.location.sheet, f.location.cell) for f in document.forms] == [
        ("甲项目", "项目支出绩效目标表", "f.pdf", "page 1", "L1"), ("乙项目", "项目支出绩效目标表", "f.pdf", "page 1", "L1")]
    assert _indicators(document) == [(*OUTPUT, "page 1 table 1", "R3C3"), (*QUALITY, "page 1 table 2", "R3C3")]
    assert document.issues == ()


def test_a_label_merged_over_two_rows_and_a_long_name_over_three_columns_read_whole():
    rows = [["项目名称", "甲项目（二〇二三年度城乡社区治理专项）", "<", "<"], HEADER,
            ["产出指标", "数量指标", "培训人数", "≥100人"], ["", "质量指标", "合格率", "100%"]]
    ys = _rows(40, len(rows))
    drawn = ruled_table(XS, ys, rows)
    # No rule between the last two rows in the 一级 column: one cell over both.
    drawn = drawn.replace(f"{XS[0]} {400 - ys[3]} m {XS[-1]} {400 - ys[3]} l S ",
                          f"{XS[1]} {400 - ys[3]} m {XS[-1]} {400 - ys[3]} l S ")
    document = _read([TITLE + drawn])
    assert [f.name for f in document.forms] == ["甲项目（二〇二三年度城乡社区治理专项）"]
    assert [(i[0], i[1], i[2], i[3], i[5]) for i in _indicators(document)] == [
        ("产出指标", "数量指标", "培训人数", "≥100人", "R3C3"), ("产出指标", "质量指标", "合格率", "100%", "R4C3")]


def test_a_row_ending_well_above_the_pages_foot_is_whole():
    """The fragment must reach the body's end (the page height less the next page's top margin,
    380 here) within 2.5 glyph heights (20 pt at 8 pt): one ending at 350 is a whole row."""
    rows = [["项目名称", "甲项目", "<", "<"], HEADER, OUTPUT, ["满意度指标", "服务对象满意度", LONG_NAME, "≥95%"]]
    first = text(10, 260, "项目支出绩效目标表", 10) + ruled_table(XS, [270, 290, 310, 330, 350], rows)
    document = _read([first, _head_page(["", "", "查率", ""], QUALITY)])
    assert [i[2] for i in _indicators(document)] == ["培训人数", LONG_NAME, "查率", "合格率"]
    assert document.issues == ()


def test_tables_of_different_columns_on_one_page_keep_their_own_columns():
    """A form's table and, below it, a table of two columns (a 备注 table): the other table's
    column line stands in no cell of the form's."""
    other = ruled_table([10, 150, 290], [200, 220, 240], [["备注", "无"], ["审核", "同意"]])
    document = _read([_first_page(OUTPUT, QUALITY) + other])
    assert [(i[2], i[5], i[6].cell if len(i) > 6 else None) for i in _indicators(document)] == [
        ("培训人数", "R3C3", None), ("合格率", "R4C3", None)]
    assert [i.value_location.cell for f in document.forms for i in f.indicators] == ["R3C4", "R4C4"]


def test_a_borderless_row_the_page_broke_gets_its_rest_back_past_the_pages_number():
    """Page 1 prints its number below the table: the rest of its last row, at the top of page 2,
    still goes back into that row (it was dropped: the page's last grid was the number's)."""
    rows = [["项目名称", "甲项目"], HEADER, OUTPUT, ["效益指标", "社会效益指标", "覆盖率", "≥90%"], ["", "", LONG_NAME, "≥95%"]]
    first = text(10, 290, "项目支出绩效目标表", 10) + _borderless(rows, 307) + text(150, 392, "1", 8)
    document = _read([first, _borderless([["", "", "查率", ""], QUALITY], 20)])
    assert [(i[2], i[4], i[5]) for i in _indicators(document)] == [
        ("培训人数", "page 1 table 1", "R3C3"), ("覆盖率", "page 1 table 1", "R4C3"),
        (LONG_NAME + "查率", "page 1 table 1", "R5C3"), ("合格率", "page 2 table 1", "R1C3")]



def test_a_ruled_form_after_a_page_without_rules_is_read():
    """Page 1 holds only prose (a cover page); the ruled table on page 2 goes on from nothing."""
    cover = text(10, 100, "绩效目标申报材料", 10) + text(10, 130, "某单位财务处编制", 10)
    document = _read([cover, _first_page(OUTPUT), _page(QUALITY)])
    assert [(i[2], i[4]) for i in _indicators(document)] == [("培训人数", "page 2 table 1"), ("合格率", "page 3 table 1")]


def test_an_ideographic_space_in_a_cell_is_kept():
    document = _read([_first_page(["产出指标", "数量指标", "培训　人数", "≥100人"])])
    assert [i[2] for i in _indicators(document)] == ["培训　人数"]


def test_a_blank_last_page_leaves_the_forms_before_it():
    document = _read([_first_page(OUTPUT), ""])
    assert [i[2] for i in _indicators(document)] == ["培训人数"]


def test_two_whole_values_either_side_of_a_borderless_break_are_two_rows():
    document = _read(_borderless_pages(["", "", LONG_NAME, "2023年9月"])[:1]
                     + [_borderless([["", "", "查率", "100%"], QUALITY], 20)])
    assert [(i[2], i[3], i[4]) for i in _indicators(document)][2:] == [
        (LONG_NAME, "2023年9月", "page 1 table 1"), ("查率", "100%", "page 2 table 1"), ("合格率", "100%", "page 2 table 1")]


def test_a_pdf_of_no_pages_has_no_form_also_after_an_encrypted_one():
    """pdfium's last error outlives the load that set it: an empty PDF read after a locked one was
    reported as password protected, and in a fresh process as "PDFium: Success"."""
    empty = pages_pdf([])
    first = load_pdf(empty, "empty.pdf", DEFAULT_LIMITS).error
    assert load_pdf(_encrypted(form_pdf([_first_page(OUTPUT)])), "locked.pdf", DEFAULT_LIMITS).error.message_id == "E023"
    again = load_pdf(empty, "empty.pdf", DEFAULT_LIMITS).error
    for error in (first, again):
        assert (error.message_id, error.args, error.location.path) == ("E020.pages", {"pages": 0, "tables": 0}, "empty.pdf")
