"""The self-evaluation rules on the eight public self-evaluation forms transcribed by hand
(tests/judged/selfeval): exactly the findings reviewed in tests/judged/selfeval.expected.yaml, and at least 90% of them
judged right (the issue's target)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.config import Config
from checker.engine import Engine
from checker.loaders import load_path

JUDGED = Path(__file__).resolve().parents[1] / "judged" / "selfeval"
EXPECTED = yaml.safe_load((JUDGED.parent / "selfeval.expected.yaml").read_text(encoding="utf-8"))
ENGINE = Engine(Config(select=("F112", "R", "T")))


def _found(name: str) -> list[tuple[str, int]]:
    document = load_path(JUDGED / name)
    assert document.error is None and not document.issues, (document.error, document.issues)
    (form,) = document.forms
    assert form.is_self_evaluation
    report = ENGINE.check_forms(list(document.forms))
    return sorted((d.message_id, d.line) for d in report.diagnostics)


def test_every_transcribed_form_is_judged():
    assert sorted(EXPECTED) == sorted(p.name for p in JUDGED.glob("*.yaml"))
    assert len(EXPECTED) == 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_are_the_reviewed_ones(name):
    want = sorted((e["id"], e["line"]) for e in EXPECTED[name])
    assert _found(name) == want


def test_precision_on_the_public_forms():
    verdicts = [e["verdict"] for entries in EXPECTED.values() for e in entries]
    assert set(verdicts) <= {"right", "wrong"}
    assert verdicts.count("right") / len(verdicts) >= 0.9


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_survive_dump_and_load(name):
    """Dumping a self-evaluation and loading the dump gives the same findings, in both formats."""
    from checker.commands.dump import render
    from checker.loaders import load_bytes
    from policy.forms.canonical import form_to_mapping

    def findings(forms):
        report = ENGINE.check_forms(list(forms))
        return sorted((d.message_id, d.line, repr(sorted(d.args.items()))) for d in report.diagnostics)

    document = load_path(JUDGED / name)
    before = [(m, a) for m, _, a in findings(document.forms)]
    for fmt in ("yaml", "json"):
        text = render({"forms": [form_to_mapping(f) for f in document.forms]}, fmt)
        again = load_bytes(text.encode("utf-8"), f"dumped.{fmt}")
        assert again.error is None and not again.issues, (again.error, again.issues)
        assert [(m, a) for m, _, a in findings(again.forms)] == before, fmt
