"""bench/generate.py's document formats: the generated forms, written in the round-trip layouts,
read back as the forms the manifest lists (a benchmark on documents the loaders misread would
measure the wrong thing)."""

from __future__ import annotations

import json

import pytest

from bench.corpusgen import write_corpus
from bench.corpusgen import document_corpus
from bench.corpusgen.document_corpus import layout_mapping
from bench.corpusgen.forms import generate_forms
from checker.loaders import load_bytes


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
