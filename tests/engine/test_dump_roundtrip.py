"""Checking a form gives the same findings after `jixiao dump` and loading the dump back — so a
clean form stays clean, and a defect is not an artefact of one input format."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given, settings, strategies as st

from checker.commands.dump import render as render_dump
from checker.config import Config
from checker.engine import Engine
from checker.loaders import iter_documents, load_bytes
from policy.forms.canonical import form_from_mapping, form_to_mapping
from checker.report import json_value

ROOT = Path(__file__).resolve().parents[2]
ENGINE = Engine(Config(ignore=("E",)))


def _findings(forms):
    report = ENGINE.check_forms(forms)
    return sorted(
        (d.form.index if d.form else -1, d.code, d.message_id,
         repr(sorted((k, json_value(v)) for k, v in d.args.items() if not k.endswith("line") and k not in ("path", "where"))))
        for d in report.diagnostics
    )


def _round_trip(forms, fmt):
    text = render_dump({"forms": [form_to_mapping(f) for f in forms]}, fmt)
    doc = load_bytes(text.encode("utf-8"), f"dumped.{fmt}")
    assert doc.error is None, doc.error
    return list(doc.forms)


def test_seed_forms_keep_their_findings_through_dump():
    docs = [d for d in iter_documents([ROOT / "corpus"]) if d.forms]
    assert sum(len(d.forms) for d in docs) >= 8
    for doc in docs:
        for fmt in ("yaml", "json"):
            assert _findings(_round_trip(doc.forms, fmt)) == _findings(doc.forms), (doc.path, fmt)


def _values():
    with (ROOT / "tests" / "data" / "public-forms" / "indicators.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t")][1:]
    return [(r[1], r[2], r[3], r[4]) for r in rows if len(r) >= 5 and r[3] and r[4]]


ROWS = _values()
rows = st.lists(st.sampled_from(ROWS), min_size=0, max_size=8)
amount = st.sampled_from(["15万元", "150000", "8,827,620.53", "50万元", None])


@settings(max_examples=25)
@given(rows, amount, amount, st.sampled_from(["延续", "新增", None]), st.sampled_from(["其他", None]))
def test_generated_forms_keep_their_findings_through_dump(picked, total, fiscal, kind, basis):
    mapping = {
        "name": "生成的项目",
        "budget_unit": "某单位",
        "implementer": "某处 张三",
        "year": 2022,
        "attributes": {"kind": kind, "term": "经常性", "basis": basis},
        "funding": {"total": total, "fiscal": fiscal, "other": None},
        "goals": {"annual": "完成年度工作"},
        "indicators": [{"level1": l1, "level2": l2, "name": name, "value": value, "line": 10 + i}
                       for i, (l1, l2, name, value) in enumerate(picked)],
    }
    form = form_from_mapping(mapping, path="gen.yaml")
    assert _findings(_round_trip([form], "yaml")) == _findings([form])
