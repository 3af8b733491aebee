"""The checker on published forms it was not built from (tests/judged/, see its README.md).

Each form's findings must be exactly the reviewed ones: the right findings, plus the known false
positives and unjudgeable findings while they are listed. A fix that removes a false positive, or a
change that adds or loses a finding, fails here until the reviewed file says so.

``python -m tests.test_judged_corpus`` prints precision and recall.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from checker import Config, check_paths

JUDGED = Path(__file__).with_name("judged")
FORMS = sorted(p for p in JUDGED.glob("*.yaml") if not p.name.endswith(".expected.yaml"))
VERDICTS = ("right", "wrong", "unjudged")


def expected_of(form: Path) -> dict:
    return yaml.safe_load(form.with_name(form.stem + ".expected.yaml").read_text(encoding="utf-8"))


def subject(d) -> str:
    """What a finding is about: the indicator's name (its value when unnamed), else the 一级/二级
    or field it names, else nothing."""
    if d.indicator is not None:
        return d.indicator.name or d.indicator.value or ""
    return d.args.get("level2") or d.args.get("level1") or d.args.get("field") or ""


def findings_of(form: Path) -> Counter:
    report = check_paths([form], Config())
    assert not report.errors and not report.failures, (report.errors, report.failures)
    return Counter((d.message_id, subject(d)) for d in report.diagnostics)


def test_the_judged_corpus_has_at_least_ten_target_forms():
    assert len(FORMS) >= 10
    assert not [f for f in FORMS if "selfeval" in f.name]


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem)
def test_findings_are_exactly_the_reviewed_ones(form):
    entries = expected_of(form)["findings"] or []
    assert all(e["verdict"] in VERDICTS for e in entries)
    assert all(e.get("problem") for e in entries if e["verdict"] == "right")
    want = Counter((e["id"], e["subject"]) for e in entries)
    got = findings_of(form)
    assert got == want, {"not reviewed (new finding)": got - want,
                         "reviewed but not reported (fixed or lost)": want - got}


def metrics(held_out_only: bool = False) -> dict[str, float | int]:
    """Precision and recall over the reviewed forms (``held_out_only``: only the forms reviewed
    before the checker was run on them and never tuned against)."""
    forms = [f for f in FORMS if not held_out_only or expected_of(f).get("held_out")]
    right = wrong = unjudged = 0
    found: set[tuple[str, str]] = set()
    later: set[tuple[str, str]] = set()  # problems the first review missed and a rule showed
    missed = 0
    for form in forms:
        expected = expected_of(form)
        for e in expected["findings"] or ():
            if e["verdict"] == "right":
                right += 1
                found.add((form.stem, e["problem"]))
                if e.get("first_review") is False:
                    later.add((form.stem, e["problem"]))
            elif e["verdict"] == "wrong":
                wrong += 1
            else:
                unjudged += 1
        missed += len(expected.get("missed") or ())
    return {
        "forms": len(forms), "right": right, "wrong": wrong, "unjudged": unjudged,
        "problems_found": len(found), "problems_missed": missed,
        "problems_not_in_first_review": len(later),
        "precision": right / (right + wrong) if right + wrong else float("nan"),
        "recall": len(found) / (len(found) + missed),
        # the same, counting only the problems the first review listed
        "recall_first_review": len(found - later) / (len(found - later) + missed),
    }


def test_metrics_are_computed_from_the_reviews():
    m = metrics()
    assert m["right"] > 0 and 0 < m["precision"] <= 1 and 0 < m["recall"] <= 1
    held_out = metrics(held_out_only=True)
    assert 0 < held_out["forms"] < m["forms"] and held_out["right"] <= m["right"]


if __name__ == "__main__":
    for title, held_out in (("all judged forms", False), ("held-out forms only", True)):
        print(f"# {title}")
        for key, value in metrics(held_out).items():
            print(f"{key}: {value:.1%}" if isinstance(value, float) else f"{key}: {value}")
