"""The engine's shortcuts give what the general path gives: a rule that finds nothing skips
collect(); a large run with no suppression entries keeps its spilled diagnostics as they are
instead of reading them back; the unit rules' diagnostics are merged in as heapq.merge would."""

from __future__ import annotations

import datetime as dt
import heapq

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.corpusgen import write_corpus
from checker import engine
from checker.api import Config, check_paths
from checker.engine import Engine, _merged
from policy.forms.canonical import form_from_mapping
from checker.report import Diagnostic
from checker.reporters import FORMATS, RenderOptions, render
from engine.toyrules import ALL
from policy.api import Finding, FormRef, NotApplicable

TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("paths")
    write_corpus(root, 40, formats=("text",), per_file=8, seed=5)
    return [str(root / "text")]


def _run(paths, spill_after):
    saved = engine.Accumulator.spill_after_forms
    engine.Accumulator.spill_after_forms = spill_after
    try:
        return check_paths(paths, Config())
    finally:
        engine.Accumulator.spill_after_forms = saved


def test_unsuppressed_spilled_run_reports_exactly_what_an_in_memory_run_does(corpus):
    in_memory = _run(corpus, 10**9)
    spilled = _run(corpus, 0)
    assert type(spilled.diagnostics).__name__ == "StreamedSequence"  # the shortcut really ran
    assert any(d.code.startswith("C10") for d in in_memory.diagnostics)  # unit rules found things
    assert list(spilled.diagnostics) == list(in_memory.diagnostics)
    assert list(spilled.diagnostics) == list(spilled.diagnostics)  # read again: the same
    assert len(spilled.diagnostics) == len(in_memory.diagnostics)
    assert spilled.diagnostics[-1] == in_memory.diagnostics[-1]
    assert list(spilled.coverage) == list(in_memory.coverage)
    assert spilled.summary() == in_memory.summary()
    assert spilled.statistics() == in_memory.statistics()
    assert spilled.unchecked() == in_memory.unchecked()
    for fail_on in ("error", "warning", "info"):
        assert spilled.exit_code(fail_on) == in_memory.exit_code(fail_on)
    for fmt in FORMATS:
        assert render(spilled, fmt, RenderOptions(lang="en")) == render(in_memory, fmt, RenderOptions(lang="en"))


def _diag(path, line, code, arg):
    return Diagnostic(code=code, name="n", category="c", severity="error", message_id=code,
                      args={"a": arg}, path=path, line=line, column=None)


diags = st.builds(_diag, st.sampled_from(["a.txt", "b.txt", "c.txt"]), st.none() | st.integers(0, 4),
                  st.sampled_from(["S101", "C102"]), st.sampled_from(["x", "y", 1]))


@given(st.lists(diags, max_size=12), st.lists(diags, max_size=6))
def test_merge_equals_heapq_merge(spilled, extra):
    spilled = sorted(spilled, key=lambda d: d.sort_key)
    extra = sorted(extra, key=lambda d: d.sort_key)
    want = list(heapq.merge(spilled, extra, key=lambda d: d.sort_key))
    got = list(_merged(iter(spilled), extra))
    assert [id(d) for d in got] == [id(d) for d in want]  # ties: spilled items first, as heapq


class _Listing(ALL[0]):
    """Returns a list of findings instead of yielding them."""

    code = "S911"

    def check(self, form, ctx):
        return [Finding("S901", {"name": "a"}), Finding("S901", {"name": "b"})]


class _RaisingAtOnce(ALL[0]):
    """check() itself raises, before any generator exists."""

    code = "S912"

    def check(self, form, ctx):
        raise NotApplicable("F901.reason")


class _Crashing(ALL[0]):
    code = "S913"

    def check(self, form, ctx):
        return None  # not iterable: a bug in the rule


def test_rules_that_return_lists_raise_at_once_or_return_nonsense():
    form = form_from_mapping({"name": "A"}, path="a.yaml", index=0)
    report = Engine(Config(), rules=(_Listing, _RaisingAtOnce, _Crashing), today=TODAY).check_forms([form])
    assert [(d.code, d.args["name"]) for d in report.diagnostics] == [("S911", "a"), ("S911", "b")]
    cov = report.coverage[0]
    assert cov.outcome("S911") == "fail"
    assert cov.outcome("S912") == "not_applicable"
    assert cov.outcome("S913") == "error"
    assert [e.code for e in report.errors] == ["S913"]
    assert isinstance(report.coverage[0].form, FormRef)


def test_a_diagnostic_pickles_with_every_field():
    import pickle

    import attrs

    from policy.forms.model import Location
    from checker.report import IndicatorRef

    ref = FormRef("a.txt", 2, "表", "办", Location("a.txt", 3, 1))
    d = Diagnostic(code="S101", name="n", category="c", severity="warning", message_id="S101",
                   args={"a": 1}, path="a.txt", line=4, column=5, form=ref,
                   indicator=IndicatorRef("产出指标", "数量指标", "次数", "3次"),
                   evidence={"k": "v"}, source={"kind": "official"}, suppressed="accepted")
    assert len(d.__reduce__()[1]) == len(attrs.fields(Diagnostic))
    assert pickle.loads(pickle.dumps(d)) == d


@given(st.lists(diags, max_size=10))
def test_sorting_by_head_then_ties_equals_sorting_by_key(items):
    from checker.engine import _sorted_by_key

    want = sorted(items, key=lambda d: d.sort_key)
    assert [id(d) for d in _sorted_by_key(items)] == [id(d) for d in want]


def test_documents_out_of_path_order_spill_to_the_same_report(corpus):
    from checker.loaders import iter_documents, iter_files

    documents = list(iter_documents(list(iter_files(corpus))))
    saved = engine.Accumulator.spill_after_forms
    try:
        engine.Accumulator.spill_after_forms = 10**9
        in_memory = Engine(Config(), today=TODAY).run(reversed(documents))
        engine.Accumulator.spill_after_forms = 0
        spilled = Engine(Config(), today=TODAY).run(reversed(documents))
    finally:
        engine.Accumulator.spill_after_forms = saved
    assert not isinstance(spilled.diagnostics, tuple)
    assert list(spilled.diagnostics) == list(in_memory.diagnostics)
    assert spilled.summary() == in_memory.summary()
    assert render(spilled, "json", RenderOptions()) == render(in_memory, "json", RenderOptions())
