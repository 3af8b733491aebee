"""Diagnostics on documents carry a place users can find: the table and cell of a DOCX, the
sheet and cell of a workbook — in JSON (``place``), in SARIF (a logical location, and no region
where there is no line) and in text (instead of a line that does not exist)."""

from __future__ import annotations

import contextlib
import io
import json
import re

from checker.cli import main
from bench.corpusgen.documents import to_docx, to_xlsx
from loaders.test_loader_grid_roundtrip import SAMPLE_FORM

# No 立项依据 ticked: A103 fires at a known cell.
FORM = dict(SAMPLE_FORM, attributes=dict(SAMPLE_FORM["attributes"], basis=[]))


def _run(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(argv)
    return out.getvalue()


def _write(tmp_path, name, writer) -> str:
    path = tmp_path / name
    path.write_bytes(writer([FORM], lambda options: list(options)[0]))
    return str(path)


def test_docx_findings_name_table_and_cell_in_json_sarif_and_text(tmp_path):
    path = _write(tmp_path, "form.docx", to_docx)
    records = json.loads(_run(["check", path, "--format", "json", "--lang", "en"]))["diagnostics"]
    basis = next(d for d in records if d["code"] == "A103")
    assert basis["line"] is None
    assert basis["place"] == "table 1!R4C2"  # 立项依据's value cell: the head table's 4th row
    sarif = json.loads(_run(["check", path, "--format", "sarif", "--lang", "en"]))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "A103")
    location = result["locations"][0]
    assert "region" not in location["physicalLocation"]
    assert location["logicalLocations"][0]["name"] == "table 1!R4C2"
    text = _run(["check", path, "--lang", "en"])
    assert re.search(r"form\.docx:table 1!R4C2: A103 ", text)


def test_workbook_findings_name_sheet_and_cell(tmp_path):
    path = _write(tmp_path, "form.xlsx", to_xlsx)
    records = json.loads(_run(["check", path, "--format", "json", "--lang", "en"]))["diagnostics"]
    basis = next(d for d in records if d["code"] == "A103")
    assert (basis["line"], basis["place"]) == (6, "绩效目标表!B6")
