"""A budget-disclosure document (部门预算公开: prose and 收支/支出/三公 tables over 20+ pages, with
or without a list of projects, no performance-target form) printed to PDF by LibreOffice Writer:
one clear notice naming the pages and tables looked at, exit 2 for that file, the other inputs
still checked — and quickly."""

from __future__ import annotations

import shutil
import time

import pytest

from bench.corpusgen.disclosure import disclosure_docx, write_disclosure_pdf
from checker.cli import main
from checker.loaders import load_bytes

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

FORM = """forms:
  - name: 应急指挥中心经费
    budget_unit: 巴中市人民政府办公室
    funding:
      total: 15万元
"""


# With and without a 项目支出预算表, whose 项目名称 column header reads like a form's 项目名称 row.
@pytest.fixture(scope="module", params=[False, True], ids=["prose-and-tables", "with-a-project-list"])
def disclosure(tmp_path_factory, request):
    path = tmp_path_factory.mktemp("disclosure") / "部门预算公开.pdf"
    write_disclosure_pdf(path, sections=18, seed=3, project_list=request.param)
    return path


@pytest.mark.producer
def test_a_disclosure_without_forms_says_so_naming_pages_and_tables(disclosure, request):
    import pypdfium2

    data = disclosure.read_bytes()
    pdf = pypdfium2.PdfDocument(data)
    pages = len(pdf)
    pdf.close()
    assert pages >= 20
    started = time.process_time()
    document = load_bytes(data, str(disclosure))
    seconds = time.process_time() - started
    assert document.forms == ()
    error = document.error
    with_list = "project-list" in request.node.callspec.id
    assert error is not None
    assert error.message_id == ("E020.pages.lists" if with_list else "E020.pages")
    assert ("lists" in error.args) == with_list
    assert error.args["pages"] == pages
    assert error.args["tables"] >= 18  # every section shows one or two tables, all looked at
    # The bound is 2 s for the whole answer; loading is measured at ~0.3 s of CPU here
    # (bench/run.py --only disclosure times the installed command): this catches a reader that
    # turns slow on pages of prose, with room for a slow machine.
    assert seconds < 2.0


@pytest.mark.producer
def test_the_cli_answers_exit_2_for_it_and_still_checks_the_other_files(disclosure, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "form.yaml").write_text(FORM, encoding="utf-8")
    code = main(["check", "--lang", "en", str(disclosure), "form.yaml"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out + err
    notice = next(line for line in out.splitlines() if "E020" in line)
    assert "no performance-target form found in" in notice and " pages / " in notice
    assert "form.yaml" in out  # the YAML form was read and checked
    assert "1 form" in out.strip().splitlines()[-1]


def test_the_document_is_prose_and_tables_only():
    import io

    import docx

    document = docx.Document(io.BytesIO(disclosure_docx(sections=4, seed=1)))
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert headers and all("项目名称" not in h and "一级指标" not in h for h in headers)
    assert sum(len(p.text) for p in document.paragraphs) > 2000
