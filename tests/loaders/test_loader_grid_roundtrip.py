"""Round trips through the document formats: a generated canonical form, laid out as the 申报表
prints it (merged 一级/二级 labels, tick glyphs, a table broken across two tables with the
header repeated and a cut label printed before, after or on both sides of the break), written as
HTML, DOCX or XLSX, reads back as the same form."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checker.loaders import load_bytes
from bench.corpusgen.documents import to_docx, to_html, to_xlsx
from loaders.test_loader_layout_property import _comparable, forms
from policy.forms.canonical import form_from_mapping, form_to_mapping

CHROMIUM = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")

SAMPLE_FORM = {
    "title": "巴中市2022年市级部门预算项目支出绩效目标批复表", "year": 2022, "name": "应急指挥中心经费",
    "budget_unit": "巴中市人民政府办公室", "implementer": "市府办譙小涛", "declared_amount_unit": None,
    "attributes": {"kind": "新增", "term": "一次性", "basis": ["法律法规", "其他"]},
    "funding": {"total": "250000", "fiscal": "200000", "other": "50000", "previous_years": None,
                "sources": {"合计": "250000", "一般公共预算收入": "250000"}},
    "goals": {"annual": "每月举办一期《政务访谈》，全年共16期。", "long_term_label": "中长期目标（20**年-20**年）"},
    "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "专项督查督办次数", "value": "≥40次", "period": "long_term"},
        {"level1": "产出指标", "level2": "数量指标", "name": "值班覆盖情况", "value": "≥99%", "period": "annual"},
        {"level1": "成本指标", "level2": "成本指标", "name": "开展调研工作差旅费", "value": "≤15万元", "period": "annual"},
        {"level1": "满意度指标", "level2": "服务对象满意度", "name": "社会效益", "value": None, "period": "annual"},
    ],
}

WRITERS = {
    "html": lambda drawn, pick: to_html(drawn, pick),
    "gb2312.html": lambda drawn, pick: to_html(drawn, pick, charset="gb2312"),
    "docx": to_docx,
    "xlsx": to_xlsx,
}


def _expected(drawn: list[dict]) -> list[dict]:
    out = []
    for i, mapping in enumerate(drawn):
        got = _comparable(form_to_mapping(form_from_mapping(mapping, index=i)))
        got["declared_amount_unit"] = "万元"  # the layout declares 单位：万元 above each form
        out.append(got)
    return out


@pytest.mark.parametrize("suffix", list(WRITERS))
@settings(max_examples=15, deadline=None)
@given(drawn=st.lists(forms(), min_size=1, max_size=3), data=st.data())
def test_document_layout_reads_back_the_same_forms(suffix, drawn, data):
    content = WRITERS[suffix](drawn, lambda options: data.draw(st.sampled_from(list(options))))
    document = load_bytes(content, "drawn." + suffix.split(".")[-1])
    assert document.error is None, document.error
    got = [_comparable(form_to_mapping(f)) for f in document.forms]
    expected = _expected(drawn)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert [tuple(i.values()) for i in g.pop("indicators")] == [tuple(i.values()) for i in e.pop("indicators")]
        assert {k: v for k, v in g.items() if v != e.get(k)} == {k: v for k, v in e.items() if v != g.get(k)}
    assert [i for f in document.forms for i in f.issues] == []


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_doc_is_read_through_libreoffice(tmp_path):
    drawn = [SAMPLE_FORM]
    source = tmp_path / "form.docx"
    source.write_bytes(to_docx(drawn, lambda options: list(options)[0]))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=120, capture_output=True)
    document = load_bytes((tmp_path / "form.doc").read_bytes(), "form.doc")
    assert document.error is None and document.format == "doc"
    got = [_comparable(form_to_mapping(f)) for f in document.forms]
    assert got == _expected(drawn)


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_xls_in_the_form_layout_reads_back(tmp_path):
    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")]
    source = tmp_path / "form.xlsx"
    source.write_bytes(to_xlsx(drawn, lambda options: list(options)[-1]))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=120, capture_output=True)
    document = load_bytes((tmp_path / "form.xls").read_bytes(), "form.xls")
    assert document.error is None and document.format == "xls-layout"
    assert [_comparable(form_to_mapping(f)) for f in document.forms] == _expected(drawn)
    first = document.forms[0].indicators[0].location
    assert (first.sheet, first.cell[0]) == ("绩效目标表", "D")  # the 中长期 三级 column


def test_workbook_cells_are_located_as_sheet_and_cell():
    content = to_xlsx([SAMPLE_FORM], lambda options: list(options)[0])
    form = load_bytes(content, "form.xlsx").forms[0]
    assert form.name_location.sheet == "绩效目标表" and form.name_location.cell == "B3"
    assert [i.location.cell for i in form.indicators] == ["D16", "G16", "G17", "G18"]
    assert [i.value_location.cell if i.value_location else None for i in form.indicators] == ["E16", "H16", "H17", None]


def _squashed(value):
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, dict):
        return {k: _squashed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_squashed(v) for v in value]
    return value


# One fixed document, not a property: each example costs a LibreOffice print (~5 s), and drawn
# forms still fail where a table breaks across pages (a known gap, see the PDF notes in
# docs/canonical-format.md).
@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_printed_by_libreoffice_reads_back(tmp_path):
    from bench.corpusgen.documents import to_pdf

    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")]
    content = to_pdf(drawn, lambda options: list(options)[0], tmp_path)
    document = load_bytes(content, "drawn.pdf")
    assert document.error is None, document.error
    # A line wrapped at a space shows no space in the text layer (LibreOffice draws none, and
    # pdfium infers one at every wrap, also inside "≥35000次/天"): spaces are compared squashed.
    got = [_squashed(_comparable(form_to_mapping(f))) for f in document.forms]
    expected = [_squashed(e) for e in _expected(drawn)]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert [tuple(i.values()) for i in g.pop("indicators")] == [tuple(i.values()) for i in e.pop("indicators")]
        assert {k: v for k, v in g.items() if v != e.get(k)} == {k: v for k, v in e.items() if v != g.get(k)}


# The case a new user meets first: a DOCX whose tables have no rules (python-docx's default, and
# many a 申报表 saved from WPS) printed to PDF. The first form's cost row breaks across pages 1-2.
@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_without_ruling_lines_reads_back(tmp_path):
    from bench.corpusgen.documents import to_pdf

    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")]
    content = to_pdf(drawn, lambda options: list(options)[0], tmp_path, ruled=False)
    document = load_bytes(content, "drawn.pdf")
    assert document.error is None, document.error
    got = [_squashed(_comparable(form_to_mapping(f))) for f in document.forms]
    assert got == [_squashed(e) for e in _expected(drawn)]
    assert [i for f in document.forms for i in f.issues] == []
    first = document.forms[0].indicators[0].location
    assert first.sheet == "page 1 table 1" and first.cell.startswith("R")


def _as_doubted(indicators: list[dict], doubted: set[str]) -> list[dict]:
    """The drawn rows as the loader says it may have read them: a name-only row whose name an
    E113 notice quotes joined to the row above (a whole row at a page's foot and the next page's
    name-only row look like one row broken across the pages; docs/canonical-format.md)."""
    out: list[dict] = []
    for row in indicators:
        if out and row["name"] in doubted and row["value"] is None:
            out[-1] = dict(out[-1], name=(out[-1]["name"] or "") + row["name"])
        else:
            out.append(row)
    return out


def _reads_back_every_field(content: bytes, drawn: list[dict]) -> None:
    """Every field reads back as drawn, except where the loader says (E113, naming the text) that
    it joined a row to the one above on one cell's evidence: there the joined reading is what it
    must have read, and nothing else may differ."""
    document = load_bytes(content, "drawn.pdf")
    assert document.error is None, document.error
    got = [_squashed(_comparable(form_to_mapping(f))) for f in document.forms]
    expected = [_squashed(e) for e in _expected(drawn)]
    doubted = {"".join(i.args["text"].split()) for i in document.issues if i.message_id == "E113"}
    for e in expected:
        e["indicators"] = _as_doubted(e["indicators"], doubted)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):  # indicators row by row, then the other fields: a readable diff
        assert [tuple(i.values()) for i in g.pop("indicators")] == [tuple(i.values()) for i in e.pop("indicators")]
        assert {k: v for k, v in g.items() if v != e.get(k)} == {k: v for k, v in e.items() if v != g.get(k)}
    assert [i for f in document.forms for i in f.issues] == []


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_printed_by_calc_from_the_form_layout_workbook_reads_back(tmp_path):
    from bench.corpusgen.documents import to_calc_pdf

    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")]
    _reads_back_every_field(to_calc_pdf(drawn, lambda options: list(options)[0], tmp_path), drawn)


# Chromium draws a border per cell, so each page sees only the column lines of its own rows: the
# second form's funding-source row, alone at the top of page 2, must keep the columns of its
# labels on page 1.
@pytest.mark.producer
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
def test_pdf_printed_by_chromium_reads_back(tmp_path):
    from bench.corpusgen.documents import to_chromium_pdf

    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")]
    content = to_chromium_pdf(drawn, lambda options: list(options)[0], tmp_path, CHROMIUM, ["--no-sandbox"])
    _reads_back_every_field(content, drawn)


# Drawn forms printed by Writer in ruled tables (rows kept whole), page breaks wherever they
# fall. Each example costs a LibreOffice print (~3 s): a few in the ci profile, more in dev/fuzz.
# Rows Writer breaks across pages are measured by tests/loaders/pagebreak_rate.py rather than
# here, since some drawn documents still fail: ruled 2 of 30 (a whole row at a page's foot whose
# name cell ended on a full line, joined with the next page's row that has only a name, and named
# by E113), borderless 1 of 30 and 2 of 30 with rows kept whole (a merged label printed after
# the break, named by E114; a whole row joined with the next page's: told apart only by guesses,
# see pdf_text_table.py and blank_labels.py).
# Names are distinct: a second form of the open form's name whose 项目名称 row is not followed by
# its project block on the same page reads as the first form's page head (a known gap).
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
# The same drawings on every run (derandomized): with a few examples a run, random ones made CI
# red now and then on the page-break cases above, which are known, measured and documented; a
# change that breaks these drawings still fails, and the dev/fuzz profiles draw more.
@pytest.mark.producer
@settings(max_examples=max(3, settings.default.max_examples // 15), deadline=None, derandomize=True)
@given(drawn=st.lists(forms(), min_size=1, max_size=2, unique_by=lambda f: f["name"]), data=st.data())
def test_pdf_printed_by_writer_reads_back_drawn_forms(tmp_path_factory, drawn, data):
    from bench.corpusgen.documents import to_pdf

    directory = tmp_path_factory.mktemp("writer")
    pick = lambda options: data.draw(st.sampled_from(list(options)))  # noqa: E731
    content = to_pdf(drawn, pick, directory)
    # Writer sometimes leaves rows out of the PDF (rows kept whole under a merged label at a page
    # break: seen once in many runs, the last three rows missing from every page's text). What
    # is not printed cannot be read back; such a drawing is no test of the reader.
    assume(_prints_every_indicator(content, drawn))
    _reads_back_every_field(content, drawn)


def _prints_every_indicator(content: bytes, drawn: list[dict]) -> bool:
    """Whether the PDF's text holds each drawn indicator's name and value as often as drawn (the
    two column groups print side by side, so the order is not the drawing's)."""
    from collections import Counter

    import pypdfium2

    pdf = pypdfium2.PdfDocument(content)
    try:
        text = "".join("".join(page.get_textpage().get_text_range().split()) for page in pdf)
    finally:
        pdf.close()
    wanted = Counter("".join(part.split()) for form in drawn for indicator in form["indicators"]
                     for part in (indicator.get("name"), indicator.get("value")) if part)
    return all(text.count(part) >= n for part, n in wanted.items())


def _long_form() -> dict:
    """The sample form with forty indicators: its table runs over three pages."""
    names = ["专项督查督办次数", "值班覆盖情况", "突发事件及时处置率", "网络、系统软件正常运行率", "社会关注度"]
    values = ["≥40次", "≥99%", "100%", "6000份（本）/年（次）", "1小时内"]
    groups = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("成本指标", "经济成本指标"),
              ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    indicators = []
    for i in range(40):
        group = i * len(groups) // 40
        within = i - next(k for k in range(40) if k * len(groups) // 40 == group)
        indicators.append({"level1": groups[group][0], "level2": groups[group][1], "name": f"{names[i % 5]}{i + 1}",
                           "value": values[(i * 3) % 5], "period": "annual" if within % 2 else "long_term"})
    return dict(SAMPLE_FORM, indicators=indicators)


# Rows kept whole, and ruled rows Writer breaks where the page ends (three of them here: a name,
# a value "（次）" and a number cut off, each joined back to its row on the page before).
@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(("ruled", "whole_rows"), [(True, True), (False, True), (True, False)],
                         ids=["ruled", "borderless", "ruled-rows-broken"])
def test_a_form_over_three_pages_reads_back(tmp_path, ruled, whole_rows):
    import pypdfium2

    from bench.corpusgen.documents import to_pdf

    drawn = [_long_form()]
    content = to_pdf(drawn, lambda options: list(options)[-1], tmp_path, ruled=ruled, whole_rows=whole_rows)
    assert len(pypdfium2.PdfDocument(content)) >= 3
    _reads_back_every_field(content, drawn)


# Three blank paragraphs before the form move the page break onto a row whose value Writer cut
# before "（次）": that rest alone carries the row on, which a whole row at the page's foot
# followed by a row holding only "（次）" would show as well. The row is joined, and named (E113)
# where it stands: the first row of a page's table.
@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_row_joined_on_one_cell_is_named_where_it_stands(tmp_path):
    from bench.corpusgen.documents import form_tables, to_pdf

    def layout(form, pick):
        prose, tables = form_tables(form, pick)
        return ["", "", ""] + prose, tables

    drawn = [_long_form()]
    content = to_pdf(drawn, lambda options: list(options)[-1], tmp_path, layout=layout, ruled=True, whole_rows=False)
    _reads_back_every_field(content, drawn)
    named = [i for i in load_bytes(content, "drawn.pdf").issues if i.message_id == "E113"]
    assert len(named) == 1
    assert named[0].location.sheet.startswith("page ") and named[0].location.cell.startswith("R1C")
    assert any(str(i["value"]).endswith(named[0].args["text"]) for i in drawn[0]["indicators"])


# HTML tables without borders printed by Chromium: no rule to read, cells as close as 3 pt apart,
# and each cell centred vertically in its row (a merged label between the rows it covers). Fixed
# documents, each costing a Chromium print (~3 s): the sample forms; two forms whose second
# indicator table's header ends page 1 and its row starts page 2; a form whose funding-source
# labels wrap beside a one-line 合计 and whose labels span odd and even numbers of rows (the last
# two found by Hypothesis). Drawn forms still fail now and then (the rate is measured by
# ``tests/loaders/pagebreak_rate.py --chromium``; see the PDF notes in docs/canonical-format.md).
_ONE_ROW = dict(SAMPLE_FORM, implementer="市府办 譙小涛", attributes={"kind": "新增", "term": "一次性", "basis": []},
                funding={"total": "10000", "fiscal": "10000", "other": None, "previous_years": None,
                         "sources": {"合计": "10000", "一般公共预算收入": "10000"}},
                goals={"annual": "1.全天24小时值守；2.处置突发事件信息的上传下达。", "long_term_label": "中长期目标（20**年 - 20**年）"},
                indicators=[{"level1": "产出指标", "level2": "数量指标", "name": "值班覆盖情况", "value": "≥99%", "period": "annual"}])
_SPANS = dict(_ONE_ROW, attributes={"kind": "延续", "term": "经常性", "basis": []},
              funding={"total": "20000", "fiscal": "20000", "other": "10000", "previous_years": "10000",
                       "sources": {"合计": "20000", "一般公共预算收入": "20000"}},
              indicators=[{"level1": "产出指标", "level2": "数量指标", "name": "突发事件及时处置率", "value": "≥99%", "period": "annual"},
                          {"level1": "成本指标", "level2": "成本指标", "name": "值班覆盖情况", "value": "100%", "period": "annual"},
                          {"level1": "效益指标", "level2": "可持续影响", "name": "值班覆盖情况", "value": "持续提升", "period": "annual"},
                          {"level1": "效益指标", "level2": "可持续影响", "name": "值班覆盖情况", "value": "≥35000次/天",
                           "period": "annual"}])
BORDERLESS_PAGES = {
    "sample": [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费")],
    "header-ends-page": [dict(_ONE_ROW, name="市政府总值班室经费"), dict(_ONE_ROW, name="政务访谈经费（含市长访谈）")],
    "spans": [dict(_SPANS, name="市政府总值班室经费")],
}


@pytest.mark.producer
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
@pytest.mark.parametrize("drawn", list(BORDERLESS_PAGES.values()), ids=list(BORDERLESS_PAGES))
def test_pdf_printed_by_chromium_without_borders_reads_back(tmp_path, drawn):
    from bench.corpusgen.documents import to_chromium_pdf

    content = to_chromium_pdf(drawn, lambda options: list(options)[0], tmp_path, CHROMIUM, ["--no-sandbox"], ruled=False, inputs=False)
    _reads_back_every_field(content, drawn)


# Fixed column widths (a page saved by a word processor): "≥35000次/天" cannot break before
# "次" and runs on over its 3 em column up to the 二级 label beside it, 0.9 pt apart; the
# names and values wrap over two lines beside a two-line label and one-line cells.
_OVERRUN = dict(SAMPLE_FORM, name="市政府总值班室经费", indicators=[
    {"level1": "效益指标", "level2": "经济效益", "name": None, "value": "≥35000次/天", "period": "long_term"},
    {"level1": "效益指标", "level2": "经济效益", "name": "调研成果运用", "value": "持续提升", "period": "annual"}])


@pytest.mark.producer
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")
def test_pdf_printed_by_chromium_with_fixed_widths_reads_back_and_names_text_run_over(tmp_path):
    from bench.corpusgen.documents import to_chromium_pdf

    content = to_chromium_pdf([_OVERRUN], lambda options: list(options)[0], tmp_path, CHROMIUM, ["--no-sandbox"],
                              ruled=False, inputs=False, widths=(3, 4, 4, 6, 3, 4, 6, 3))
    _reads_back_every_field(content, [_OVERRUN])
    named = [(i.location.cell, i.args) for i in load_bytes(content, "drawn.pdf").issues if i.message_id == "E115"]
    # The first indicator row (12 rows of the project block and the header above it), in the
    # column of the 中长期 values among the page's columns (the project block's count too).
    assert named == [("R14C8", {"text": "≥35000次/天", "next": "经济效"})]
