"""bench/read_back.py says how many generated forms a format reads back exactly, and which fields
differ when one does not."""

from __future__ import annotations

import json

import attrs

from bench.read_back import comparable, main, read_back
from checker import loaders


def test_every_form_of_a_mixed_html_corpus_reads_back_exactly(tmp_path):
    result = read_back(tmp_path, 8, "html", per_file=4, seed=3, self_evaluation_share=0.5)
    assert result == {"forms": 8, "read": 8, "exact": 8, "fields": {}}


def test_a_misread_field_is_counted_and_named(tmp_path, monkeypatch):
    real = loaders.load_path

    def misread(path):  # a loader that reads each file's first 项目名称 with one character too many
        document = real(path)
        first = attrs.evolve(document.forms[0], name=document.forms[0].name + "x")
        return attrs.evolve(document, forms=(first, *document.forms[1:]))

    monkeypatch.setattr(loaders, "load_path", misread)
    result = read_back(tmp_path, 6, "docx", per_file=3, seed=3, self_evaluation_share=0.5)
    assert result == {"forms": 6, "read": 6, "exact": 4, "fields": {"name": 2}}


def test_places_and_units_are_left_out_and_pdf_texts_lose_their_spaces():
    mapping = {"name": "甲 项目", "line": 3, "amount_unit": "万元", "goals": {"annual": "a b", "annual_location": 1},
               "indicators": [{"name": "x", "cell": "B2", "level1_text": "产出指标"}]}
    assert comparable(mapping) == {"name": "甲 项目", "goals": {"annual": "a b"}, "indicators": [{"name": "x"}]}
    assert comparable(mapping, spaces=False)["name"] == "甲项目"


def test_cli_prints_one_result_per_format(tmp_path, capsys):
    assert main(["--forms", "3", "--per-file", "3", "--format", "docx", "--out", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out) == {"docx": {"forms": 3, "read": 3, "exact": 3, "fields": {}}}


def test_spaces_in_pdf_texts_are_compared_when_asked(tmp_path, monkeypatch):
    """A PDF reader that reads a space into each 项目名称 reads back exactly without spaces
    compared, and not with them."""
    import bench.read_back as read_back_module

    real_write, real_load = read_back_module.write_corpus, loaders.load_path

    def as_pdf(out, forms, formats, **options):  # a DOCX corpus standing for a PDF one: no printer needed
        summary = real_write(out, forms, formats=("docx",), **options)
        return {**summary, "files": {formats[0]: summary["files"]["docx"]}}

    def spaced_name(path):
        document = real_load(path)
        forms = tuple(attrs.evolve(f, name=f.name[:2] + " " + f.name[2:]) for f in document.forms)
        return attrs.evolve(document, forms=forms)

    monkeypatch.setattr(read_back_module, "write_corpus", as_pdf)
    monkeypatch.setattr(loaders, "load_path", spaced_name)
    assert read_back(tmp_path / "a", 4, "pdf-calc", per_file=4, seed=3)["exact"] == 4
    spaced = read_back(tmp_path / "b", 4, "pdf-calc", per_file=4, seed=3, pdf_spaces=True)
    assert spaced == {"forms": 4, "read": 4, "exact": 0, "fields": {"name": 4}}


def test_ticks_are_checkbox_inputs_only_when_asked(tmp_path):
    """The web formats may print a tick as a checkbox input (the default) or always as a glyph, and
    both read back exactly."""
    def pages(ticks):
        out = tmp_path / ticks
        assert main(["--forms", "6", "--per-file", "6", "--format", "html", "--out", str(out), "--ticks", ticks]) == 0
        return "".join(p.read_text(encoding="utf-8") for p in (out / "html" / "html").glob("*.html"))

    assert 'type="checkbox"' in pages("inputs")
    glyphs = pages("glyphs")
    assert "<input" not in glyphs and "☑" in glyphs
