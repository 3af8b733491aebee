"""``format`` refuses what it cannot rewrite safely: HTML, DOCX and workbooks in the form's own
layout are checked as they are, never rewritten (exit 2, file byte for byte unchanged)."""

from __future__ import annotations

import contextlib
import io

import pytest

from checker.cli import main
from bench.corpusgen.documents import to_docx, to_html, to_xlsx
from loaders.test_loader_grid_roundtrip import SAMPLE_FORM

WRITERS = {"form.html": to_html, "form.docx": to_docx, "form.xlsx": to_xlsx}


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("name", list(WRITERS))
def test_format_in_place_refuses_a_document_and_leaves_it_alone(tmp_path, name):
    form = dict(SAMPLE_FORM, indicators=[dict(SAMPLE_FORM["indicators"][0], value="不低于40次")])
    path = tmp_path / name
    data = WRITERS[name]([form], lambda options: list(options)[0])
    path.write_bytes(data)
    code, text = _run(["format", "--in-place", "--lang", "en", str(path)])
    assert code == 2
    assert "cannot be rewritten safely" in text
    assert path.read_bytes() == data
    code, _ = _run(["check", "--lang", "en", str(path)])
    assert code in (0, 1) and path.read_bytes() == data
