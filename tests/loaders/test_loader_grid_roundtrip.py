"""Round trips through the document formats: a generated canonical form, laid out as the 申报表
prints it (merged 一级/二级 labels, tick glyphs, a table broken across two tables with the
header repeated and a cut label printed before, after or on both sides of the break), written as
HTML, DOCX or XLSX, reads back as the same form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders import load_bytes
from loaders.grid_render import to_docx, to_html, to_xlsx
from loaders.test_loader_layout_property import _comparable, forms
from policy.forms.canonical import form_from_mapping, form_to_mapping

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
        assert {k: v for k, v in g.items() if v != e.get(k)} == {k: v for k, v in e.items() if v != g.get(k)}
    assert [i for f in document.forms for i in f.issues] == []
