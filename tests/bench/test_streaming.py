"""Large runs stream: past a threshold the engine spills diagnostics and coverage to disk and the
JSON reporter writes piece by piece. The report must be the same as an in-memory run's, in
every format, with suppressions, and the JSON text the same as json.dumps of its data."""

from __future__ import annotations

import io
import json

import pytest

from bench.corpusgen import write_corpus
from checker import engine
from checker.api import Config, check_paths
from checker.config import config_from_mapping
from checker.reporters import FORMATS, RenderOptions, render, write
from checker.reporters.json_format import encode
from checker.spill import SpillWriter


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("streaming")
    write_corpus(root, 45, formats=("text", "yaml"), per_file=10, seed=21)
    return [str(root / "text"), str(root / "yaml")]


def _run(paths, config, spill_after):
    saved = engine.Accumulator.spill_after_forms
    engine.Accumulator.spill_after_forms = spill_after
    try:
        return check_paths(paths, config)
    finally:
        engine.Accumulator.spill_after_forms = saved


def _suppressing(report):
    picked = [d for d in report.diagnostics if d.form and d.form.name][::7][:5]
    entries = [{"code": d.code, "form": d.form.name, "reason": "accepted", "count": 1 + i % 2}
               for i, d in enumerate(picked)]
    entries.append({"code": "S101", "form": "no such form", "reason": "stale"})
    return config_from_mapping({"suppress": entries})


def test_spilled_run_reports_exactly_what_an_in_memory_run_does(corpus):
    plain = _run(corpus, Config(), 10**9)
    config = _suppressing(plain)
    in_memory = _run(corpus, config, 10**9)
    spilled = _run(corpus, config, 0)
    assert isinstance(in_memory.diagnostics, tuple)
    assert not isinstance(spilled.diagnostics, tuple)  # the spill path really ran
    assert list(spilled.diagnostics) == list(in_memory.diagnostics)
    assert list(spilled.coverage) == list(in_memory.coverage)
    assert spilled.summary() == in_memory.summary()
    assert spilled.summary()["suppressed"] > 0
    assert spilled.notices == in_memory.notices and spilled.notices
    assert spilled.statistics() == in_memory.statistics()
    for fail_on in ("error", "warning", "info"):
        assert spilled.exit_code(fail_on) == in_memory.exit_code(fail_on)
    for fmt in FORMATS:
        for lang in ("zh", "en"):
            options = RenderOptions(lang=lang)
            assert render(spilled, fmt, options) == render(in_memory, fmt, options), (fmt, lang)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_streams_what_render_returns(corpus, fmt):
    report = _run(corpus, Config(), 0)
    out = io.StringIO()
    write(report, fmt, RenderOptions(lang="en"), out)
    assert out.getvalue() == render(report, fmt, RenderOptions(lang="en"))


def _reference_data(report, options):
    """The JSON report as plain data, in the documented key order (docs/output-formats.md)."""
    from checker import __version__

    lang = options.lang
    return {
        "tool": {"name": "jixiao", "version": __version__},
        "summary": report.summary(),
        "inputs": [i.to_json() for i in report.inputs],
        "diagnostics": [d.to_json(lang) for d in report.diagnostics],
        "coverage": [c.to_json(lang) for c in report.coverage],
        "unreadable": [f.to_json(lang) for f in report.failures],
        "rule_errors": [e.to_json(lang) for e in report.errors],
        "notices": [n.to_json(lang) for n in report.notices],
        "statistics": [{"code": c, "name": n, "count": k} for c, n, k in report.statistics()],
    }


def test_json_text_is_json_dumps_with_indent_2(corpus):
    report = _run(corpus, Config(), 10**9)
    options = RenderOptions(lang="zh")
    expected = json.dumps(_reference_data(report, options), ensure_ascii=False, indent=2) + "\n"
    assert render(report, "json", options) == expected


@pytest.mark.parametrize("value", [
    {}, [], "", 0, -3, 10**30, 1.5, -0.0, float("nan"), float("inf"), float("-inf"), True, None,
    {"a": [1, "x", None, {"b": []}], "c": {}}, ["引号\"", "\\", "\n\t", "\u2028", "\x1b"],
    {1: "int key", 2.5: "float key", None: "null key", False: "bool key"}, ("tuple", 1),
])
def test_encoder_matches_json_dumps(value):
    assert encode(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_encoder_rejects_what_json_rejects():
    with pytest.raises(TypeError):
        encode({"x": object()})
    with pytest.raises(TypeError):
        encode({(1, 2): "tuple key"})


def test_spilled_sequence_reads_back_in_order_as_often_as_asked():
    writer = SpillWriter()
    writer.add(range(3))
    writer.add([])
    writer.add(["a", ("b", 1)])
    seq = writer.finish(transform=lambda x: ("seen", x))
    assert len(seq) == 5
    assert list(seq) == [("seen", 0), ("seen", 1), ("seen", 2), ("seen", "a"), ("seen", ("b", 1))]
    assert list(seq) == list(seq)
    assert seq[3] == ("seen", "a") and seq[-1] == ("seen", ("b", 1)) and seq[1:3] == [("seen", 1), ("seen", 2)]
    with pytest.raises(IndexError):
        seq[5]
