"""With the real catalogue on the seed: the order of forms and of indicator rows changes no finding."""

from __future__ import annotations

import random

from pathlib import Path

import attrs
from hypothesis import given, settings, strategies as st

from checker.config import Config
from checker.engine import Engine
from checker.loaders import load_path
from checker.report import json_value

SEED = "corpus/bazhong-2022-city-government-office.txt"


def _findings(report):
    return sorted(
        (d.path, d.form.index if d.form else -1, d.line or 0, d.column or 0, d.code, d.message_id,
         repr(sorted((k, json_value(v)) for k, v in d.args.items())))
        for d in report.diagnostics
    )


def _outcomes(report):
    return sorted((c.form.index, code, c.outcome(code)) for c in report.coverage for code in c.rules)


@settings(max_examples=8)
@given(st.randoms(use_true_random=False))
def test_shuffled_seed_gives_the_same_findings(rnd: random.Random):
    path = str(Path(__file__).resolve().parents[2] / SEED)
    doc = load_path(path)
    assert doc.error is None and len(doc.forms) == 8
    engine = Engine(Config())
    base = engine.run([doc])
    forms = []
    for form in doc.forms:
        rows = list(form.indicators)
        rnd.shuffle(rows)
        forms.append(attrs.evolve(form, indicators=tuple(rows)))
    rnd.shuffle(forms)
    shuffled = Engine(Config()).run([attrs.evolve(doc, forms=tuple(forms))])
    assert _findings(shuffled) == _findings(base)
    assert _outcomes(shuffled) == _outcomes(base)
