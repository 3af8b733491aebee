"""A whole ruled row at a page's foot whose cells all end on full lines, printed by LibreOffice
Writer with rows kept whole: its geometry is a row the page broke (pdf_broken_row.py), and only
its value, complete above the break and complete below it, says the next page's first row is a
row of its own (value_halves.py). Seed-7 Writer form 185 read "巡查完成时间巡查按时完成率" /
"2023年9月底前100%" without a notice; these drawings put the same two rows at the same place,
in a ruled table and in one without rules (there the join was named, E113.room)."""

from __future__ import annotations

import shutil

import pytest

from loaders.test_loader_grid_roundtrip import SAMPLE_FORM, _reads_back_every_field

_NAMES = ["巡查完成时间", "巡查按时完成率", "值班覆盖情况", "突发事件及时处置率", "专项督查督办次数"]
_VALUES = ["2023年9月底前", "100%", "≥99%", "≥95%", "≥40次"]
_GROUPS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("效益指标", "社会效益指标")]


def _form() -> dict:
    return dict(SAMPLE_FORM, indicators=[
        {"level1": _GROUPS[i // 6][0], "level2": _GROUPS[i // 6][1], "name": _NAMES[i % 5], "value": _VALUES[i % 5],
         "period": "annual"} for i in range(24)])


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(("ruled", "lead"), [(True, 14), (False, 2)], ids=["ruled", "borderless"])
def test_a_whole_row_at_a_pages_foot_is_not_joined_with_the_next_pages_first(tmp_path, monkeypatch, ruled, lead):
    # ``lead`` blank paragraphs move the page's foot under 巡查完成时间's row: ruled, both its
    # cells end on full lines; without rules, the next row's text would not have fitted beside it.
    from bench.corpusgen.documents import form_tables, to_pdf
    from checker.loaders import load_bytes, pdf

    def layout(form, pick):
        prose, tables = form_tables(form, pick)
        return [""] * lead + prose, tables

    drawn = [_form()]
    content = to_pdf(drawn, lambda options: list(options)[-1], tmp_path, layout=layout, ruled=ruled, whole_rows=True)
    _reads_back_every_field(content, drawn)
    # The drawing is the case: without the value cells' word, the geometry joins the two rows.
    monkeypatch.setattr(pdf, "weigh_under", lambda grids: lambda above, below: None)
    names = [i.name for i in load_bytes(content, "drawn.pdf").forms[0].indicators]
    assert "巡查完成时间巡查按时完成率" in names
