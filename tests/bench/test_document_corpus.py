"""bench/generate.py's document formats: the generated forms, written in the round-trip layouts,
read back as the forms the manifest lists (a benchmark on documents the loaders misread would
measure the wrong thing); self-evaluations among them read as their YAML, and the defects
injected into them are found."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.corpusgen import write_corpus
from bench.corpusgen import document_corpus
from bench.corpusgen.document_corpus import layout_mapping
from bench.corpusgen.forms import generate_forms
from checker.config import Config
from checker.engine import Engine
from checker.loaders import load_bytes, load_path
from policy.forms.canonical import form_to_mapping
from test_corpusgen import SELF_DEFECT_RULES


@pytest.mark.parametrize("fmt", ["docx", "html", "html-gb2312", "xlsx-layout"])
def test_generated_documents_read_back_every_form(tmp_path, fmt):
    summary = write_corpus(tmp_path, 6, formats=(fmt,), per_file=3, seed=5)
    files = [p for p in summary["files"][fmt]]
    assert len(files) == 2
    manifest = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    got = []
    for path in files:
        document = load_bytes(open(path, "rb").read(), path)
        assert document.error is None, document.error
        got += [(f.name, f.budget_unit) for f in document.forms]
    assert got == [(m["name"], m["budget_unit"]) for m in manifest]


def test_html_gb2312_declares_gb2312(tmp_path):
    summary = write_corpus(tmp_path, 2, formats=("html-gb2312",), per_file=2, seed=1)
    data = open(summary["files"]["html-gb2312"][0], "rb").read()
    assert b'charset="gb2312"' in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_the_layout_mapping_keeps_funding_in_yuan_and_the_ticks():
    form = next(f for f in generate_forms(40, seed=2) if f.other is not None and f.defects == [])
    mapping = layout_mapping(form)
    assert mapping["funding"]["total"] == str(form.total * 10000)
    assert mapping["attributes"]["kind"] == ("延续" if form.kind_checked == ("延续项目",) else "新增")
    assert mapping["attributes"]["term"] in form.term_checked
    assert [i["name"] for i in mapping["indicators"]] == [i.name or "" for i in form.indicators]


def test_a_producer_that_is_not_installed_is_said_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(document_corpus.shutil, "which", lambda name: None)
    with pytest.raises(ValueError, match="soffice"):
        write_corpus(tmp_path / "out", 2, formats=("pdf-writer",))
    assert not (tmp_path / "out").exists()


# --- self-evaluations (绩效自评表) among the target forms ---------------------------------------

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
needs_chromium = pytest.mark.skipif(document_corpus.unavailable("pdf-chromium") is not None,
                                    reason=str(document_corpus.unavailable("pdf-chromium")))
SELF_RULES = ("R", "T", "F112", "C108")


def _forms(directory: Path) -> list:
    forms = []
    for path in sorted(directory.iterdir()):
        document = load_path(path)
        assert document.error is None, document.error
        forms += document.forms
    return forms


def _comparable(form, squash_spaces: bool) -> dict:
    """A form's mapping without the places, which differ between formats by nature; the unit a
    layout declares (项目资金（万元）) is not in the YAML. ``squash_spaces``: a PDF's text layer
    does not tell a space typed between two words of Chinese from one the reader infers (a
    number the line broke must not gain one), so "县文广旅局 林凯" reads "县文广旅局林凯"."""
    m = form_to_mapping(form)
    m["execution"] = [{k: v for k, v in r.items() if k != "line"} for r in m["execution"]]
    m["indicators"] = [{k: v for k, v in r.items() if k not in ("line", "column", "sheet", "cell", "level1_text",
                                                                "level2_text")} for r in m["indicators"]]
    m = {k: v for k, v in m.items() if k not in ("path", "line", "sheet", "declared_amount_unit")}
    if squash_spaces:
        m["implementer"] = (m["implementer"] or "").replace(" ", "")
    return m


def _self_evaluations_read_back(root: Path, fmt: str) -> set[str]:
    """The generated corpus under ``root`` in ``fmt`` holds the forms its manifest lists, in
    order; each self-evaluation reads as its YAML does, with the same self-evaluation findings,
    and each self-evaluation defect injected is found by its rule. Returns the defects seen."""
    manifest = [json.loads(line) for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    want, got = _forms(root / "yaml"), _forms(root / fmt)
    assert [(f.is_self_evaluation, f.name) for f in got] == [(m.get("kind") == "self_evaluation", m["name"])
                                                            for m in manifest]
    engine = Engine(Config(select=SELF_RULES))
    seen = set()
    for entry, expected, read in zip(manifest, want, got):
        if not read.is_self_evaluation:
            continue
        assert read.issues == (), (entry["name"], read.issues)
        assert _comparable(read, fmt.startswith("pdf")) == _comparable(expected, fmt.startswith("pdf")), entry["name"]
        found = {d.code for d in engine.check_forms([read]).diagnostics}
        assert found == {d.code for d in engine.check_forms([expected]).diagnostics}, entry["name"]
        for defect in entry["defects"]:
            if defect in SELF_DEFECT_RULES:
                seen.add(defect)
                assert SELF_DEFECT_RULES[defect] & found, (entry, found)
    return seen


@pytest.mark.parametrize("fmt", ["docx", "html", "html-gb2312", "xlsx-layout", pytest.param("xls", marks=needs_soffice)])
def test_self_evaluations_in_the_documents_read_back_with_their_defects(tmp_path, fmt):
    summary = write_corpus(tmp_path, 12, formats=("yaml", fmt), per_file=6, seed=16, defect_rate=1.0,
                           self_evaluation_share=0.6)
    assert 6 <= summary["self_evaluations"] < 12 and len(summary["files"][fmt]) == 2
    assert _self_evaluations_read_back(tmp_path, fmt) == set(SELF_DEFECT_RULES)


# One file of a few forms per producer (each print costs seconds). Chromium's known gaps (a page's
# tables of different widths read as one grid; README, Performance) do not arise on these four
# forms (of 200 generated self-evaluations printed by Chromium, 147 read exactly as their YAML).
@pytest.mark.parametrize("fmt", [pytest.param("pdf-writer", marks=needs_soffice),
                                 pytest.param("pdf-calc", marks=needs_soffice),
                                 pytest.param("pdf-chromium", marks=needs_chromium)])
def test_self_evaluations_printed_to_pdf_read_back_with_their_defects(tmp_path, fmt):
    summary = write_corpus(tmp_path, 4, formats=("yaml", fmt), per_file=4, seed=9, defect_rate=1.0,
                           self_evaluation_share=0.6)
    assert summary["self_evaluations"] >= 2
    assert _self_evaluations_read_back(tmp_path, fmt)
