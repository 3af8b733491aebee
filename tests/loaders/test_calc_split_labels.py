"""Generated forms printed by LibreOffice Calc with page breaks through their indicator tables.

The first 20 seed-7 forms put a break through a merged label twice (forms 9 and 18): Calc draws
the label on both pages, each part clipped to its page, and on one page the glyphs lie hidden
beyond the table (pdf_clip.py; without it form 9's third 数量指标 indicator read 二级 None and
form 18's 预计经费 the 二级 above it). The first 10 put a break right under form 3's first
header, its first row run cut by the table's edge, the label printed after the next header (read
with no 一级/二级 before a blank label with no label above was taken as a block)."""

from __future__ import annotations

import shutil

import pytest

from bench.corpusgen import generate_forms
from bench.corpusgen.document_corpus import DocumentWriter, document_mapping
from bench.read_back import comparable
from checker.loaders import load_path
from policy.forms.canonical import form_from_mapping, form_to_mapping


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("count", [10, 20])
def test_calc_forms_with_labels_split_by_a_page_break_read_back(tmp_path, count):
    forms = list(generate_forms(count, seed=7))
    writer = DocumentWriter("pdf-calc", seed=7)
    path = tmp_path / "forms.pdf"
    try:
        writer.write(path, forms)
    finally:
        writer.close()
    printed = [comparable(form_to_mapping(form_from_mapping(document_mapping(f), index=f.index)), False)
               for f in forms]
    read = [comparable(form_to_mapping(f), False) for f in load_path(path).forms]
    assert len(read) == len(printed)
    for got, want in zip(read, printed):
        assert [tuple(i.values()) for i in got["indicators"]] == [tuple(i.values()) for i in want["indicators"]]
        assert got == want
