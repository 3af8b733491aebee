"""Every input-size limit, when exceeded, is a diagnostic naming the file — not a crash, not a
silent truncation — and the limits come from configuration."""

from __future__ import annotations

import io
import json
import zipfile

import attrs
from hostile_checks import assert_cli_clean, assert_document_clean, run_cli, write

from checker.loaders import load_path
from checker.loaders.limits import DEFAULT_LIMITS, Limits


def _codes(document) -> set[str]:
    issues = list(document.issues) + [i for f in document.forms for i in f.issues]
    if document.error is not None:
        issues.append(document.error)
    return {issue.message_id.split(".")[0] for issue in issues}


def _forms_json(forms: int, indicators: int, value: str = "≥95%") -> bytes:
    rows = [{"level1": "产出指标", "level2": "数量指标", "name": f"指标{i}", "value": value}
            for i in range(indicators)]
    data = {"forms": [{"name": f"项目{n}", "budget_unit": "单位", "indicators": rows} for n in range(forms)]}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _flat_csv(rows: int) -> bytes:
    lines = ["金额单位：元", "单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标值"]
    lines += [f"单位,项目,100,目标,产出指标,数量指标,指标{i},≥{i}个" for i in range(rows)]
    return "\n".join(lines).encode("utf-8")


def _workbook(extra_members: int = 0) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["单位名称", "项目名称", "三级指标", "指标值"])
    book.active.append(["单位", "项目", "数量", "≥1个"])
    out = io.BytesIO()
    book.save(out)
    if not extra_members:
        return out.getvalue()
    with zipfile.ZipFile(out, "a") as archive:
        for i in range(extra_members):
            archive.writestr(f"xl/extra/{i}.bin", b"")
    return out.getvalue()


def _blank_pdf(pages: int) -> bytes:
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


CASES = [
    # (limit field, small value, file name, content, expected code)
    ("max_file_bytes", 100, "big.json", _forms_json(1, 5), "E004"),
    ("max_cell_chars", 50, "cell.json", _forms_json(1, 1, value="≥" + "9" * 100 + "%"), "E104"),
    ("max_forms_per_file", 3, "forms.json", _forms_json(4, 1), "E009"),
    ("max_indicators_per_form", 10, "rows.json", _forms_json(1, 11), "E105"),
    ("max_rows", 20, "rows.csv", _flat_csv(50), "E013"),
    ("max_zip_members", 10, "members.xlsx", _workbook(extra_members=20), "E008"),
    ("max_xlsx_uncompressed_bytes", 2000, "inflated.xlsx", _workbook(), "E008"),
    ("max_pages", 2, "pages.pdf", _blank_pdf(5), "E025"),
]


def test_every_limit_field_is_covered():
    assert {c[0] for c in CASES} == {f.name for f in attrs.fields(Limits)}


def test_each_limit_exceeded_is_a_diagnostic(tmp_path):
    for field, small, name, content, code in CASES:
        path = write(tmp_path, name, content)
        within = assert_document_clean(load_path(path, DEFAULT_LIMITS), path)
        assert code not in _codes(within), (field, "the default limit should not trip")
        document = assert_document_clean(load_path(path, Limits(**{field: small})), path)
        assert code in _codes(document), (field, _codes(document))


def test_limits_come_from_the_configuration(tmp_path):
    write(tmp_path, "forms.json", _forms_json(4, 1))
    write(tmp_path, "jixiao.toml", b"[limits]\nmax_forms_per_file = 3\n")
    code, out, err = run_cli(["check", str(tmp_path), "--format", "json", "--quiet"])
    assert_cli_clean(code, err)
    report = json.loads(out)
    codes = {d["code"] for d in report["diagnostics"]} | {f["code"] for f in report["unreadable"]}
    assert "E009" in codes, codes
