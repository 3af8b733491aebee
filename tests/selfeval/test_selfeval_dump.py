"""``jixiao dump`` prints the self-evaluation keys of a 绩效自评表 whatever the input: canonical
YAML, an HTML/DOCX/XLSX table layout, extracted text, a flat CSV/XLSX export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from bench.corpusgen.documents import to_docx, to_text, to_xlsx
from bench.corpusgen.self_evaluation_layout import selfeval_tables
from loaders.test_selfeval_flat import to_csv, to_xlsx as flat_xlsx
from policy.authoring.examples import evaluation_form

DOCUMENTS = Path(__file__).resolve().parents[1] / "judged" / "selfeval" / "documents"
SELF_EVALUATION_KEYS = {"kind", "execution", "level1_weights", "total_score"}
INDICATOR_KEYS = {"target", "actual", "score", "deviation", "attainment"}


def _form() -> dict:
    form = evaluation_form()
    form["title"] = "项目支出绩效自评表（2022年度）"
    form.update(budget_unit="某县交通运输局", implementer="某县公路养护中心")
    return form


def _first(pick_options):
    return list(pick_options)[0]


INPUTS = {
    "form.html": lambda tmp: (DOCUMENTS / "15_xiuning_wenwu_zhanchen_selfeval_2023.html").read_bytes(),
    "form.docx": lambda tmp: to_docx([_form()], _first, layout=selfeval_tables),
    "form.xlsx": lambda tmp: to_xlsx([_form()], _first, layout=selfeval_tables),
    "form.txt": lambda tmp: to_text([_form()], _first, layout=selfeval_tables),
    "export.csv": lambda tmp: to_csv([_form()]),
    "export.xlsx": lambda tmp: flat_xlsx([_form()]),
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_dump_prints_the_self_evaluation_keys(name, tmp_path, capsys):
    path = tmp_path / name
    path.write_bytes(INPUTS[name](tmp_path))
    assert main(["dump", str(path)]) == 0
    (form,) = json.loads(capsys.readouterr().out)["forms"]
    assert form["kind"] == "self_evaluation"
    assert SELF_EVALUATION_KEYS <= set(form)
    assert form["execution"] and form["execution"][0]["spent"] is not None
    assert form["goals"]["annual_actual"]
    assert all(INDICATOR_KEYS <= set(row) for row in form["indicators"])
    assert any(row["actual"] for row in form["indicators"])


def test_the_generated_layouts_carry_weights_and_total(tmp_path, capsys):
    path = tmp_path / "form.docx"
    path.write_bytes(INPUTS["form.docx"](tmp_path))
    main(["dump", str(path)])
    (form,) = json.loads(capsys.readouterr().out)["forms"]
    assert form["level1_weights"] == {"产出指标": "50", "效益指标": "30", "满意度指标": "10"}
    assert form["total_score"] == "93.6"
    assert form["execution"][0] == {"row": "年度资金总额", "initial": "500000", "budget": "500000",
                                    "spent": "480000", "weight": "10", "rate": "96%", "score": "9.6",
                                    "line": form["execution"][0]["line"]}
