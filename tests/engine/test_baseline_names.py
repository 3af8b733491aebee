"""A baseline written from forms whose names cannot be stored in TOML: a JSON form named with a
lone surrogate ("A\\udc80") is read by the JSON loader as is; the baseline must still be written
(without that form, which no TOML string can name) instead of failing with UnicodeEncodeError."""

from __future__ import annotations

import json

from checker.baseline import write_baseline
from checker.config import Config, load_baseline
from checker.engine import Engine
from checker.loaders import load_bytes
from engine.toyrules import ALL


def _document():
    # json.dumps escapes the surrogate as \udc80; json.loads gives back a lone surrogate.
    forms = [{"name": "A\udc80", "indicators": [{"name": "x"}]},
             {"name": "B", "indicators": [{"name": "y"}, {"name": "z"}]}]
    return load_bytes(json.dumps({"forms": forms}).encode("ascii"), "forms.json")


def test_lone_surrogate_form_name_does_not_break_the_baseline(tmp_path):
    document = _document()
    assert [f.name for f in document.forms] == ["A\udc80", "B"]
    report = Engine(Config(), rules=ALL[:1]).run([document])
    assert sorted(d.form.name for d in report.diagnostics) == ["A\udc80", "B", "B"]
    path = tmp_path / "base.toml"
    assert write_baseline(report, path) == 1
    path.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    [entry] = load_baseline(path)
    assert (entry.form, entry.code, entry.count) == ("B", "S901", 2)
    again = Engine(Config(baseline=str(path)), rules=ALL[:1]).run([_document()])
    assert [d.form.name for d in again.active] == ["A\udc80"]  # not listed, so still reported
    assert not again.notices
