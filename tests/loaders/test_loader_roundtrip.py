"""dump → load gives the same forms: over every corpus file and over drawn canonical forms, in
JSON and YAML. Positions are not compared (they point into the file being read)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.commands.dump import render
from checker.loaders import SUPPORTED_SUFFIXES, load_bytes, load_path
from policy.forms.canonical import form_from_mapping, form_to_mapping
from loaders.tests_paths import CORPUS

CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)


def _comparable(mapping: dict) -> dict:
    out = {k: v for k, v in mapping.items() if k not in ("path", "line", "sheet")}
    out["indicators"] = [{k: v for k, v in r.items() if k not in ("line", "column", "sheet", "cell")}
                         for r in mapping["indicators"]]
    return out


def _reload(mappings: list[dict], fmt: str) -> list[dict]:
    text = render({"forms": mappings}, fmt)
    document = load_bytes(text.encode("utf-8"), f"dump.{fmt}")
    assert document.error is None, document.error
    return [form_to_mapping(f) for f in document.forms]


def test_the_corpus_is_not_empty():
    assert CORPUS_FILES


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_round_trips(path, fmt):
    first = [form_to_mapping(f) for f in load_path(path).forms]
    assert first
    again = _reload(first, fmt)
    assert [_comparable(m) for m in again] == [_comparable(m) for m in first]
    # Positions now point into the dump itself: each form and indicator has its own line there.
    assert all(m["line"] for m in again)
    assert all(r["line"] for m in again for r in m["indicators"])


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(str.strip)
AMOUNT = st.none() | st.decimals(0, 10**9, places=2).map(lambda d: format(d, "f")) | st.sampled_from(
    ["15万元", "1,500.50", "十五万元"])


@st.composite
def canonical_forms(draw):
    indicators = draw(st.lists(st.fixed_dictionaries({
        "level1": st.none() | st.sampled_from(["产出指标", "效益指标", "满意度", "成本指标", "產出指標"]),
        "level2": st.none() | st.sampled_from(["数量指标", "社会效益指标", "服务对象 满意度", "经济成本"]),
        "name": st.none() | TEXT,
        "value": st.none() | st.sampled_from(["≥95%", "12期", "≤20万元", "持续提升", "≥**%", ""]) | TEXT,
        "period": st.sampled_from(["annual", "long_term"]),
        "weight": st.none() | st.sampled_from(["10", "12.5"]),
    }), max_size=5))
    choice = st.none() | st.sampled_from(["新增", "延续"]) | st.lists(st.sampled_from(["新增", "延续"]), min_size=2, max_size=2)
    return {
        "name": draw(st.none() | TEXT),
        "budget_unit": draw(st.none() | TEXT),
        "implementer": draw(st.none() | TEXT),
        "year": draw(st.none() | st.integers(2015, 2030)),
        "amount_unit": draw(st.sampled_from(["元", "万元"])),
        "attributes": {"kind": draw(choice), "term": draw(st.none() | st.sampled_from(["一次性", "经常性"])),
                       "basis": draw(st.lists(st.sampled_from(["法律法规", "其他"]), unique=True))},
        "funding": {"total": draw(AMOUNT), "fiscal": draw(AMOUNT), "other": draw(AMOUNT),
                    "previous_years": draw(AMOUNT),
                    "sources": {"合计": draw(AMOUNT), "其他收入": draw(AMOUNT)}},
        "goals": {"annual": draw(st.none() | TEXT), "long_term": draw(st.none() | TEXT)},
        "indicators": indicators,
    }


@given(st.lists(canonical_forms(), min_size=1, max_size=3), st.sampled_from(["json", "yaml"]))
def test_drawn_forms_round_trip(mappings, fmt):
    first = [form_to_mapping(form_from_mapping(m, index=i)) for i, m in enumerate(mappings)]
    again = _reload(first, fmt)
    assert [_comparable(m) for m in again] == [_comparable(m) for m in first]
    twice = _reload(again, "json" if fmt == "yaml" else "yaml")
    assert [_comparable(m) for m in twice] == [_comparable(m) for m in first]
