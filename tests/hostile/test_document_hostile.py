"""Documents that are broken or built to hurt: truncated and garbage DOCX/HTML, a zip bomb in a
DOCX, billion-laughs entities in HTML, spans that claim a million slots, a legacy .doc without
LibreOffice, and documents with tables but no form. A clean error each time (exit 2 for that
file, the other inputs still checked), bounded work."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest
from hostile_checks import assert_cli_clean, assert_document_clean, run_cli, write
from hostile_support import bounded
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders import load_path
from checker.loaders.limits import Limits

sys.path.insert(0, __file__.rsplit("/hostile/", 1)[0])
from bench.corpusgen.documents import to_docx, to_html  # noqa: E402

SAMPLE = {
    "title": "巴中市2022年市级部门预算项目支出绩效目标批复表", "year": 2022, "name": "市政府总值班室经费",
    "budget_unit": "巴中市人民政府办公室", "implementer": "市府办 譙小涛", "declared_amount_unit": None,
    "attributes": {"kind": "延续", "term": "经常性", "basis": ["其他"]},
    "funding": {"total": "150000", "fiscal": "150000", "other": None, "previous_years": None,
                "sources": {"合计": "150000", "一般公共预算收入": "150000"}},
    "goals": {"annual": "全天24小时值守。", "long_term_label": "中长期目标（20**年-20**年）"},
    "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "值班覆盖情况", "value": "≥99%", "period": "annual"},
        {"level1": "产出指标", "level2": "数量指标", "name": "群众满意度", "value": "12期", "period": "annual"},
        {"level1": "满意度指标", "level2": "服务对象满意度", "name": "满意度", "value": "≥90%", "period": "annual"},
    ],
}


def _first(options):
    return list(options)[0]


@pytest.fixture(scope="module")
def docx_bytes():
    return to_docx([SAMPLE], _first)


@pytest.fixture(scope="module")
def html_bytes():
    return to_html([SAMPLE], _first)


def _load(tmp_path, name: str, data: bytes, limits: Limits | None = None):
    path = write(tmp_path, name, data)
    with bounded(30):
        return assert_document_clean(load_path(path, limits), path)


@settings(max_examples=20, deadline=None)
@given(cut=st.floats(0.0, 0.999))
def test_truncated_docx_and_html_load_cleanly(tmp_path_factory, docx_bytes, html_bytes, cut):
    tmp = tmp_path_factory.mktemp("cut")
    for name, data in (("cut.docx", docx_bytes), ("cut.html", html_bytes)):
        _load(tmp, name, data[: int(len(data) * cut)])


def test_truncated_docx_is_an_error_not_an_empty_form(tmp_path, docx_bytes):
    document = _load(tmp_path, "cut.docx", docx_bytes[: len(docx_bytes) // 2])
    assert document.error is not None and document.error.message_id == "E024"


def test_zip_bomb_in_a_docx_is_refused_before_inflating(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (50 * 1024 * 1024) + b"/>")
    document = _load(tmp_path, "bomb.docx", out.getvalue(), Limits(max_xlsx_uncompressed_bytes=10 * 1024 * 1024))
    assert document.error.message_id == "E008"


def test_billion_laughs_in_html_expands_nothing(tmp_path):
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    page = f'<!DOCTYPE html [{entities}]><html><body><table><tr><td>项目名称</td><td>&j;</td></tr></table></body></html>'
    document = _load(tmp_path, "laughs.html", page.encode())
    assert all(len(f.name or "") < 100 for f in document.forms)


def test_spans_that_claim_a_million_slots_stay_bounded(tmp_path):
    row = '<tr><td rowspan="999999" colspan="999999">项目名称</td><td colspan="65534">x</td></tr>' * 50
    _load(tmp_path, "spans.html", f"<html><body><table>{row}</table></body></html>".encode())


def test_legacy_doc_without_libreoffice_names_the_conversion(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    document = _load(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert document.error.message_id == "E021"
    from policy.messages import render

    assert "soffice --headless --convert-to docx" in render(document.error.message_id, document.error.args, "en")


def test_a_document_with_no_form_exits_2_and_the_other_inputs_are_still_checked(tmp_path, html_bytes):
    empty = write(tmp_path, "budget.html", "<html><body><table><tr><td>科目</td><td>金额</td></tr></table>"
                  "<table><tr><td>收入</td></tr></table></body></html>".encode())
    good = write(tmp_path, "form.html", html_bytes)
    code, out, err = run_cli(["check", empty, good, "--format", "json", "--lang", "en"])
    assert_cli_clean(code, err)
    assert code == 2
    assert "no performance-target form found in 2 tables" in out + err
    assert "form.html" in out


def _blank_pdf(pages: int = 1) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_pdf_without_a_text_layer_says_it_is_a_scan(tmp_path):
    document = _load(tmp_path, "scan.pdf", _blank_pdf(3))
    assert (document.error.message_id, document.error.args) == ("E022", {"pages": 3})


@settings(max_examples=20, deadline=None)
@given(cut=st.floats(0.0, 0.999))
def test_truncated_pdf_loads_cleanly(tmp_path_factory, cut):
    data = _blank_pdf(2)
    document = _load(tmp_path_factory.mktemp("pdf"), "cut.pdf", data[: int(len(data) * cut)])
    assert document.forms == ()


def test_a_pdf_page_limit_is_a_limit_not_a_hang(tmp_path):
    document = _load(tmp_path, "long.pdf", _blank_pdf(50), Limits(max_pages=10))
    assert document.error.message_id == "E022"  # no text on the pages read; no more pages read


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice is not installed")
def test_an_encrypted_pdf_says_so(tmp_path, docx_bytes):
    import subprocess

    source = tmp_path / "form.docx"
    source.write_bytes(docx_bytes)
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", options, "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=120, capture_output=True)
    document = _load(tmp_path, "locked.pdf", (tmp_path / "form.pdf").read_bytes())
    assert document.error.message_id == "E023"
