"""Issue 13: on the adversarial corpus the model holds exactly what each file holds, or the
loader says what it could not read. The truth for every file is in corpus/truth.yaml."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checker.loaders import load_path
from grammar.printer import canonical

CORPUS = Path(__file__).resolve().parent / "corpus"
TRUTH = yaml.safe_load((CORPUS / "truth.yaml").read_text(encoding="utf-8"))


def _reading(value) -> str | None:
    if value is None:
        return None
    if value.kind != "text":
        return "v:" + canonical(value)
    return "damage:" + value.error.code if value.error is not None else "text"


def _form(form, truth: dict) -> dict:
    out = {"name": form.name,
           "indicators": [[i.name, i.value_text, _reading(i.value)] for i in form.indicators]}
    if form.funding.total is not None:
        out["total"] = form.funding.total.yuan
    if "periods" in truth:  # the truth names each indicator's period where the file says it
        out["periods"] = [i.period for i in form.indicators]
    return out


def _expected(form: dict) -> dict:
    out = {"name": form["name"], "indicators": [list(i) for i in form["indicators"]]}
    if "total" in form:
        out["total"] = None if form["total"] is None else Decimal(form["total"])
    if "periods" in form:
        out["periods"] = form["periods"]
    return out


def test_every_corpus_file_has_its_truth():
    files = {p.name for p in CORPUS.iterdir() if p.name != "truth.yaml"}
    assert files == set(TRUTH)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_model_holds_what_the_file_holds(name):
    truth = TRUTH[name]
    document = load_path(CORPUS / name)
    assert document.error is None, document.error
    expected = truth["forms"]
    read = [_form(f, t) for f, t in zip(document.forms, expected + [{}] * len(document.forms))]
    assert read == [_expected(f) for f in expected]
    notices = Counter(i.message_id for i in document.issues)
    notices.update(i.message_id for f in document.forms for i in f.issues)
    assert dict(notices) == truth["issues"]
