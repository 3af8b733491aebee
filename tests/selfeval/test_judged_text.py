"""The public self-evaluation forms in the extracted-text layout give the findings of their YAML.

Two text renderings, since the published pages are not in the TAB layout:

- the three HTML transcriptions (tests/judged/selfeval/documents/) written out as an extractor
  that keeps table columns prints them: a line per table row, each cell after as many TABs as its
  column. Read as text, they give the HTML's findings and the same unplaced cells.
- every one of the seven YAML transcriptions laid out by the generator's renderer (``self_evaluation_layout``)
  and written as text: the same findings as the YAML, every self-evaluation key read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.config import Config
from checker.engine import Engine
from checker.loaders import load_bytes, load_path
from checker.loaders.grid import PROSE
from checker.loaders.html import decode_html, html_grids
from checker.loaders.limits import Limits
from bench.corpusgen.documents import to_text
from bench.corpusgen.self_evaluation_layout import selfeval_tables
from policy.forms.canonical import form_to_mapping
from selfeval.test_judged_documents import UNPLACED

JUDGED = Path(__file__).resolve().parents[1] / "judged" / "selfeval"
ENGINE = Engine(Config())
KEYS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation", "attainment")


def _findings(document) -> list:
    assert document.error is None, document.error
    report = ENGINE.check_forms(list(document.forms))
    return sorted((d.code, d.message_id, sorted(map(str, d.args.items()))) for d in report.diagnostics
                  if not d.code.startswith("E"))


def _html_as_text(path: Path) -> bytes:
    """The HTML page's tables as TAB-separated lines (a merged cell at its first row and column)."""
    text, _ = decode_html(path.read_bytes())
    lines = []
    for grid in html_grids(text, str(path), Limits()):
        for r in range(grid.height):
            cells = {c.col: c.text.replace("\n", " ").strip() for c in grid.row(r)}
            if grid.kind == PROSE:
                lines.append(" ".join(t for t in cells.values() if t))
                continue
            width = max(cells, default=-1) + 1
            lines.append("\t".join(cells.get(c, "") for c in range(width)).rstrip("\t"))
    return "\n".join(line for line in lines if line).encode("utf-8")


@pytest.mark.parametrize("name", sorted(UNPLACED))
def test_the_html_tables_as_text_give_the_yaml_findings(name):
    from_yaml = _findings(load_path(JUDGED / f"{name}.yaml"))
    document = load_bytes(_html_as_text(JUDGED / "documents" / f"{name}.html"), f"{name}.txt")
    assert _findings(document) == from_yaml
    assert len(from_yaml) >= 5
    unplaced = [i.args["text"] for f in document.forms for i in f.issues if i.message_id == "E101"]
    assert unplaced == UNPLACED[name]
    assert [i.message_id for f in document.forms for i in f.issues if i.message_id != "E101"] == []


@pytest.mark.parametrize("name", sorted(UNPLACED))
def test_the_html_tables_as_text_read_the_self_evaluation_keys(name):
    (text_form,) = load_bytes(_html_as_text(JUDGED / "documents" / f"{name}.html"), f"{name}.txt").forms
    (yaml_form,) = load_path(JUDGED / f"{name}.yaml").forms
    got, want = form_to_mapping(text_form), form_to_mapping(yaml_form)
    for key in ("kind", "name", "budget_unit", "implementer", "level1_weights", "total_score", "goals"):
        assert got[key] == want[key], key
    assert [{k: v for k, v in r.items() if k != "line"} for r in got["execution"]] == \
        [{k: v for k, v in r.items() if k != "line"} for r in want["execution"]]
    assert [[r.get(k) for k in KEYS] for r in got["indicators"]] == \
        [[r.get(k) for k in KEYS] for r in want["indicators"]]


def _rendered(name: str) -> tuple[bytes, dict]:
    """The YAML transcription laid out by the test renderer as text, and the mapping it prints:
    under the renderer's title line (the transcribed titles are not all a form's title line), with
    the 项目资金（万元） it declares over execution rows."""
    mapping = yaml.safe_load((JUDGED / name).read_text(encoding="utf-8"))
    year = mapping.get("year")
    mapping = {**mapping, "title": f"项目支出绩效自评表（{year}年度）" if year else "项目支出绩效自评表",
               "amount_unit": "万元"}
    if mapping.get("execution"):
        mapping["declared_amount_unit"] = "万元"
    mapping["indicators"] = [{"level1": None, "level2": None, **r} for r in mapping["indicators"]]
    return to_text([mapping], lambda options: list(options)[0], layout=selfeval_tables), mapping


@pytest.mark.parametrize("name", sorted(p.name for p in JUDGED.glob("*.yaml")))
def test_the_rendered_text_gives_the_yaml_findings(name, tmp_path):
    content, mapping = _rendered(name)
    source = tmp_path / "form.yaml"
    source.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    (yaml_form,) = load_path(source).forms
    document = load_bytes(content, "form.txt")
    (text_form,) = document.forms
    assert [i for i in text_form.issues] == []
    assert _findings(document) == _findings(load_path(source))
    got, want = form_to_mapping(text_form), form_to_mapping(yaml_form)
    assert [[r.get(k) for k in KEYS] for r in got["indicators"]] == \
        [[r.get(k) for k in KEYS] for r in want["indicators"]]
    assert (got["level1_weights"], got["total_score"], got["goals"]) == \
        (want["level1_weights"], want["total_score"], want["goals"])
