"""bench/run_documents.py's bookkeeping: a child's CPU time and report summary, and the table's
verdicts against the issue's targets (the install and the documents themselves take minutes;
bench/run.py --only documents,disclosure runs them)."""

from __future__ import annotations

import sys

from bench.run_documents import _run, table_rows


def test_a_child_is_timed_and_its_report_summary_kept(tmp_path):
    code = "import json, sys; print(json.dumps({'summary': {'forms': 3}})); sys.exit(1)"
    result = _run([sys.executable, "-c", code], tmp_path)
    assert result["exit_code"] == 1 and result["summary"] == {"forms": 3}
    assert 0 < result["cpu_seconds"] and 0 < result["seconds"]
    broken = _run([sys.executable, "-c", "print('Traceback: not a report')"], tmp_path)
    assert "summary" not in broken and "not a report" in broken["output"]


def _pdf(rate: float, read: int = 200) -> dict:
    return {"forms_read": read, "forms_per_second": 10.0, "forms_per_cpu_second": 20.0, "pages": 100,
            "files": 10, "pages_per_cpu_second": rate}


def test_the_table_says_which_target_is_met():
    results = {
        "documents": {"forms": 200, "formats": {
            "pdf-writer": _pdf(97.8), "pdf-chromium": _pdf(29.9), "pdf-calc": _pdf(50.0, read=190),
            "xls": {"unavailable": "LibreOffice (soffice) is not installed"}}},
        "disclosure": {
            "plain": {"median_seconds": 0.8, "exit_code": 2, "pages": 20},
            "project_list": {"median_seconds": 0.8, "exit_code": 0, "pages": 21}},
    }
    rows = {label: (value, status) for label, value, _, status in table_rows(results)}
    status = {label.split(", ")[1].split(" ")[0]: s for label, (_, s) in rows.items() if "pages/s" in label}
    assert status == {"pdf-writer": "meets", "pdf-chromium": "MISSES", "pdf-calc": "meets"}
    assert any(s == "read 190 forms!" for _, s in rows.values())  # a misread corpus is said
    assert any(v == "n/a" and "soffice" in s for v, s in rows.values())
    disclosure = [s for label, (_, s) in rows.items() if label.startswith("budget disclosure")]
    assert disclosure == ["meets", "MISSES"]  # fast is not enough: the answer must be exit 2


def test_self_evaluation_documents_have_rows_of_their_own():
    results = {"documents": {"forms": 200, "formats": {"docx": _pdf(0.0) | {"forms_per_second": 120.0}}},
               "selfeval_documents": {"forms": 200, "formats": {
                   "docx": {"forms_read": 200, "forms_per_second": 90.0, "forms_per_cpu_second": 95.0},
                   "pdf-calc": _pdf(41.0, read=199)}}}
    rows = [(label, value, status) for label, value, _, status in table_rows(results)]
    own = [r for r in rows if r[0].startswith("self-evaluations checked/s")]
    assert [(label.split(", ")[1].split(" ")[0], value, status) for label, value, status in own] == [
        ("docx", "90 (95)", ""), ("pdf-calc", "10 (20)", "read 199 forms!")]
    assert [r for r in rows if r[0].startswith("forms checked/s")][0][1] == "120 (20)"
    assert any("pdf-calc" in label and status == "meets" for label, _, status in rows)
