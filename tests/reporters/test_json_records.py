"""The JSON record writer (checker/reporters/json_records.py) writes each diagnostic and coverage
record from a template; its text must be exactly what ``json.dumps(record.to_json(lang),
ensure_ascii=False, indent=2)`` gives for that record nested two levels deep — for any record,
including the odd values the template hands to the general encoder, and whatever its caches
already hold."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from policy.forms.model import Location
from checker.report import Diagnostic, FormCoverage, IndicatorRef, RuleOutcome
from checker.reporters.json_format import encode
from checker.reporters.json_records import RecordWriter
from checker.reporters.safety import _SURROGATE, _surrogate, encodable
from policy.api import FormRef

text = st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(["", "S101", "满意度指标", '"\\\n'])
maybe_text = st.none() | text
small_int = st.none() | st.integers(-3, 10**6)
arg_value = (text | st.integers(-10**20, 10**20) | st.booleans() | st.none()
             | st.decimals(allow_nan=False, allow_infinity=False, places=3)
             | st.lists(text | st.integers(), max_size=3) | st.tuples(text, st.integers())
             | st.dictionaries(text, text, max_size=2) | st.floats(allow_nan=False))
args = st.dictionaries(text, arg_value, max_size=4)
locations = st.builds(Location, path=text, line=small_int, column=small_int)
form_refs = st.builds(FormRef, path=text, index=st.integers(0, 99), name=maybe_text,
                      budget_unit=maybe_text, location=locations)
indicators = st.builds(IndicatorRef, level1=maybe_text, level2=maybe_text, name=maybe_text,
                       value=maybe_text)
codes = st.sampled_from(["S101", "C102", "F107", "V110", "W101", "A105"])
sources = st.sampled_from([{"kind": "official", "citation": "中发〔2018〕34号", "note": ""},
                           {"kind": "loader", "citation": "jixiao loader", "note": ""}]) | st.dictionaries(text, text, max_size=3)

diagnostics = st.builds(
    Diagnostic, code=codes | text, name=text, category=st.sampled_from(["structure", "value"]) | text,
    severity=st.sampled_from(["error", "warning", "info"]),
    message_id=st.sampled_from(["S101", "C102", "core.rule-error", "no.such.id"]) | text,
    args=args, path=text, line=small_int, column=small_int, form=st.none() | form_refs,
    indicator=st.none() | indicators,
    evidence=st.dictionaries(text, text, max_size=3) | st.dictionaries(text, text | st.integers(), max_size=2),
    source=sources, suppressed=maybe_text,
)
outcomes = st.builds(
    RuleOutcome, code=codes, outcome=st.sampled_from(["fail", "not_applicable", "insufficient_data", "error"]),
    reason_id=st.none() | st.sampled_from(["S.reason.no-weights", "C.reason.no-goal-quantities", "x.y"]),
    reason_args=st.just({}) | args, error=st.none() | text,
)
rule_sets = st.sampled_from([("A101", "C102", "F107", "S101", "V110", "W101"), ("S101",), ()])
coverages = st.builds(FormCoverage, form=form_refs, outcomes=st.lists(outcomes, max_size=6).map(tuple),
                      rules=rule_sets)


def _reference(record, lang: str) -> str:
    """The record as json.dumps writes it as an item of a top-level list of the report."""
    whole = json.dumps({"k": [record.to_json(lang)]}, ensure_ascii=False, indent=2)
    return whole[len('{\n  "k": [\n    '):-len("\n  ]\n}")]


@given(st.lists(diagnostics, min_size=1, max_size=5), st.sampled_from(["zh", "en"]))
def test_diagnostic_text_is_json_dumps_of_to_json(records, lang):
    writer = RecordWriter(lang, encode)
    for record in records * 2:  # the second round reads what the caches kept
        assert writer.diagnostic(record) == _reference(record, lang)


@given(st.lists(coverages, min_size=1, max_size=5), st.sampled_from(["zh", "en"]))
def test_coverage_text_is_json_dumps_of_to_json(records, lang):
    writer = RecordWriter(lang, encode)
    for record in records * 2:
        assert writer.coverage(record) == _reference(record, lang)


def test_equal_but_differently_typed_arguments_are_not_confused():
    writer = RecordWriter("zh", encode)
    base = {"code": "S101", "name": "n", "category": "structure", "severity": "error",
            "message_id": "no.such.id", "path": "p", "line": 1, "column": 1}
    for value in (1, True, "1", Decimal("1.0"), Decimal("1.00"), 1.0):
        d = Diagnostic(args={"n": value}, **base)
        assert writer.diagnostic(d) == _reference(d, "zh")


@given(st.text(st.characters(codec="utf-8") | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)))
def test_encodable_equals_replacing_every_surrogate(value):
    assert encodable(value) == _SURROGATE.sub(_surrogate, value)
