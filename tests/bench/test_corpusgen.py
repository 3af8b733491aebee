"""The corpus generator writes what it promises: deterministic, every format, the seed's shapes,
the real mix of repeated values, injected defects recorded, and forms the loaders read back."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench.corpusgen import FORMATS, distinct_values, generate_forms, write_corpus
from bench.corpusgen.defects import DEFECTS
from bench.generate import main as generate_main

TITLE = "部门预算项目支出绩效目标批复表"


def _texts(root: Path, fmt: str) -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in sorted((root / fmt).iterdir())]


def _xlsx_rows(root: Path) -> list[list]:
    from openpyxl import load_workbook

    rows = []
    for path in sorted((root / "xlsx").iterdir()):
        wb = load_workbook(path, read_only=True)
        rows += [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        wb.close()
    return rows


def test_same_seed_same_corpus_and_other_seed_differs(tmp_path):
    a = write_corpus(tmp_path / "a", 25, formats=FORMATS, per_file=10, seed=4)
    b = write_corpus(tmp_path / "b", 25, formats=FORMATS, per_file=10, seed=4)
    c = write_corpus(tmp_path / "c", 25, formats=("text",), per_file=10, seed=5)
    assert a["defects"] == b["defects"]
    for fmt in ("text", "yaml", "json", "csv"):
        assert _texts(tmp_path / "a", fmt) == _texts(tmp_path / "b", fmt), fmt
    assert _xlsx_rows(tmp_path / "a") == _xlsx_rows(tmp_path / "b")
    assert (tmp_path / "a" / "manifest.jsonl").read_bytes() == (tmp_path / "b" / "manifest.jsonl").read_bytes()
    assert _texts(tmp_path / "a", "text") != _texts(tmp_path / "c", "text")
    assert c["forms"] == 25


def test_files_split_per_file_and_manifest_lists_every_form(tmp_path):
    summary = write_corpus(tmp_path, 23, formats=("text", "json"), per_file=10, seed=1)
    assert [len(summary["files"][f]) for f in ("text", "json")] == [3, 3]
    lines = [json.loads(x) for x in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [m["index"] for m in lines] == list(range(23))
    assert [m["file"] for m in lines] == [1] * 10 + [2] * 10 + [3] * 3
    text = _texts(tmp_path, "text")
    assert [t.count(TITLE) for t in text] == [10, 10, 3]
    forms = json.loads((tmp_path / "json" / "forms-00003.json").read_text(encoding="utf-8"))["forms"]
    assert [f["name"] for f in forms] == [m["name"] for m in lines[20:]]


def test_defect_rate_controls_injection():
    clean = list(generate_forms(200, seed=2, defect_rate=0.0))
    dirty = list(generate_forms(200, seed=2, defect_rate=1.0))
    assert not any(f.defects for f in clean)
    assert all(f.defects for f in dirty)
    seen = Counter(d for f in dirty for d in f.defects)
    assert set(seen) <= set(DEFECTS)
    assert len(seen) >= len(DEFECTS) - 2, seen  # nearly every kind shows up in 200 forms
    some = list(generate_forms(1000, seed=2, defect_rate=0.3))
    share = sum(bool(f.defects) for f in some) / len(some)
    assert 0.2 < share < 0.4


def test_defects_change_the_form_the_way_they_say():
    forms = list(generate_forms(300, seed=9, defect_rate=1.0))
    for form in forms:
        names = [i.name for i in form.indicators if i.name]
        if "duplicate-name" in form.defects:
            assert len(names) != len(set(names))
        else:
            assert len(names) == len(set(names)), form.name  # clean forms never repeat a name
        if "funding-mismatch" in form.defects:
            assert form.fiscal + (form.other or 0) != form.total
        if "missing-satisfaction" in form.defects:
            assert not any("满意度" in i.level2 for i in form.indicators)
        if "cost-over-total" in form.defects:
            caps = [i.value.text for i in form.indicators if i.value and i.value.text.startswith("≤")
                    and i.value.text.endswith("万元")]
            assert any(float(c[1:-2]) > float(form.total) for c in caps)


def test_values_keep_the_real_mix_of_repeated_and_distinct():
    values = Counter(i.value.text for f in generate_forms(400, seed=3) for i in f.indicators if i.value)
    total = sum(values.values())
    top = [v for v, _ in values.most_common(3)]
    assert top[0] == "100%"
    assert "≥95%" in top
    assert values["100%"] / total > 0.08  # real corpora: about one value in six is 100%
    assert len(values) / total > 0.3  # and many values occur once


def test_distinct_values_are_distinct_and_varied():
    values = distinct_values(3000, seed=1)
    assert len(values) == len(set(values)) == 3000
    assert any(v.endswith("万元") for v in values) and any("/" in v for v in values)
    assert any(v.startswith((">=", "≧")) for v in values)


def test_text_layout_has_the_seed_shapes(tmp_path):
    write_corpus(tmp_path, 120, formats=("text",), per_file=120, seed=6, drift=0.3)
    text = _texts(tmp_path, "text")[0]
    lines = text.split("\n")
    assert text.startswith("\n\n") and lines[2].endswith(TITLE)
    assert '<input checked="" type="checkbox"/> ' in text and '<input type="checkbox"/> ' in text
    widths = Counter(len(line.split("\t")) for line in lines if line.startswith("项目名称\t"))
    assert set(widths) == {8, 9}  # both table widths of the seed
    rows = [line.split("\t") for line in lines if "\t" in line]
    # drifted rows: a 二级 label in the first column, as in the seed's "可持续影响\t\t\t\t可持续影响…"
    assert any(r[0] in ("可持续影响", "社会效益", "生态效益", "经济效益") for r in rows)
    assert "服务对象 满意度" in text  # labels split by a space
    assert "年度资金总额" in text and "延续项目以前年度预算安排" in text


def test_flat_tables_fill_project_cells_on_first_row_only(tmp_path):
    write_corpus(tmp_path, 12, formats=("csv", "xlsx"), per_file=12, seed=8)
    rows = _xlsx_rows(tmp_path)
    assert rows[0][0] == "金额单位：元"
    assert rows[1][:4] == ["单位名称", "项目名称", "预算数", "年度目标"]
    body = rows[2:]
    projects = [r for r in body if r[1]]
    assert len(projects) == 12
    assert all(r[2] is None and not r[0] for r in body if not r[1])
    assert {r[7] for r in body if r[7]} <= {"≥", "≤", "＝", "＞", "＜", "定性"}
    csv_text = _texts(tmp_path, "csv")[0]
    assert csv_text.splitlines()[1].startswith("单位名称,项目名称,预算数")


def test_text_corpus_reads_back_through_the_loader(tmp_path):
    from checker.loaders import load_path

    summary = write_corpus(tmp_path, 60, formats=("text",), per_file=60, seed=11, defect_rate=0.0)
    doc = load_path(summary["files"]["text"][0])
    assert doc.error is None
    made = list(generate_forms(60, seed=11, defect_rate=0.0))
    assert len(doc.forms) == len(made)
    for want, got in zip(made, doc.forms):
        assert (got.name, got.budget_unit, got.implementer) == (want.name, want.budget_unit, want.implementer)
        assert got.funding.total.yuan == want.total * 10000
        expected = [i.value.text for i in want.indicators]
        loaded = [i.value_text for i in got.indicators if i.value_text]
        # long prose cells are cut off in the text layout, as in the seed
        assert len(loaded) == len(expected), (want.index, expected, loaded)
        assert all(e == v or e.startswith(v) for e, v in zip(expected, loaded)), (want.index, expected, loaded)


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "xlsx"])
def test_other_formats_read_back_through_the_loader(tmp_path, fmt):
    from checker.loaders import load_path

    summary = write_corpus(tmp_path, 15, formats=(fmt,), per_file=15, seed=12, defect_rate=0.0)
    doc = load_path(summary["files"][fmt][0])
    assert doc.error is None, doc.error
    made = list(generate_forms(15, seed=12, defect_rate=0.0))
    assert [f.name for f in doc.forms] == [m.name for m in made]
    for want, got in zip(made, doc.forms):
        assert got.funding.total.yuan == want.total * 10000
        assert [i.name for i in got.indicators] == [i.name for i in want.indicators]


def test_generate_cli(tmp_path, capsys):
    assert generate_main(["-n", "7", "--per-file", "3", "--format", "text,csv", "-o", str(tmp_path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["forms"] == 7 and summary["files"] == {"text": 3, "csv": 3}
    with pytest.raises(SystemExit) as bad:
        generate_main(["-n", "7", "--format", "pptx", "-o", str(tmp_path)])
    assert bad.value.code == 2
    with pytest.raises(SystemExit):
        generate_main(["-n", "7", "--defect-rate", "1.5", "-o", str(tmp_path)])


# --- self-evaluations (绩效自评表) ----------------------------------------------------------------

SELF_DEFECT_RULES = {"selfeval-score-over-weight": {"R103"}, "selfeval-rate-mismatch": {"R101"},
                     "selfeval-total-mismatch": {"R105"}, "selfeval-missing-reason": {"R107", "T104"},
                     "selfeval-goal-text-funding": {"C108"}}


def _self_evaluation_codes(paths) -> list[set[str]]:
    """Per loaded self-evaluation, in file order: the codes of the self-evaluation rules found."""
    from checker.config import Config
    from checker.engine import Engine
    from checker.loaders import load_path

    engine = Engine(Config(select=("R", "T", "F112", "C108")))
    out = []
    for path in paths:
        for form in load_path(path).forms:
            assert form.is_self_evaluation, path
            report = engine.check_forms([form])
            out.append({d.code for d in report.diagnostics})
    return out


def test_a_share_of_self_evaluations_in_every_format(tmp_path):
    summary = write_corpus(tmp_path, 60, formats=("text", "yaml", "csv", "xlsx"), per_file=20, seed=3,
                           self_evaluation_share=0.4)
    lines = [json.loads(x) for x in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    evaluated = [m for m in lines if m.get("kind") == "self_evaluation"]
    assert 10 < len(evaluated) == summary["self_evaluations"] < 40
    from checker.loaders import load_path

    kinds = [f.is_self_evaluation for p in sorted((tmp_path / "yaml").iterdir()) for f in load_path(p).forms]
    assert kinds == [m.get("kind") == "self_evaluation" for m in lines]
    for fmt in ("csv", "xlsx", "text"):
        apart = sorted(p for p in (tmp_path / fmt).iterdir() if p.name.startswith("selfeval-"))
        assert len(_self_evaluation_codes(apart)) == len(evaluated), fmt
    targets = [f for p in sorted((tmp_path / "text").glob("forms-*")) for f in load_path(p).forms]
    assert len(targets) == len(lines) - len(evaluated) and not any(f.is_self_evaluation for f in targets)


def test_text_self_evaluations_read_as_their_yaml(tmp_path):
    from checker.loaders import load_path
    from policy.forms.canonical import form_to_mapping

    write_corpus(tmp_path, 12, formats=("yaml", "text"), per_file=12, seed=8, self_evaluation_share=1.0)
    (yaml_file,) = (tmp_path / "yaml").iterdir()
    (text_file,) = (tmp_path / "text").iterdir()
    text_forms = load_path(text_file).forms
    assert all(f.issues == () for f in text_forms)

    def comparable(form) -> dict:
        m = form_to_mapping(form)
        m["execution"] = [{k: v for k, v in r.items() if k != "line"} for r in m["execution"]]
        m["indicators"] = [{k: v for k, v in r.items() if k not in ("line", "column", "level1_text", "level2_text")}
                           for r in m["indicators"]]
        return {k: v for k, v in m.items() if k not in ("path", "line", "declared_amount_unit")}

    assert [comparable(f) for f in text_forms] == [comparable(f) for f in load_path(yaml_file).forms]


def test_clean_self_evaluations_have_no_self_evaluation_finding(tmp_path):
    write_corpus(tmp_path, 40, formats=("yaml", "csv", "text"), per_file=20, seed=5, defect_rate=0.0,
                 self_evaluation_share=1.0)
    for fmt in ("yaml", "csv", "text"):
        codes = _self_evaluation_codes(sorted((tmp_path / fmt).iterdir()))
        assert len(codes) == 40 and all(c == set() for c in codes), (fmt, codes)


def test_each_self_evaluation_defect_is_found_by_its_rule(tmp_path):
    write_corpus(tmp_path, 60, formats=("yaml",), per_file=60, seed=6, defect_rate=1.0, self_evaluation_share=1.0)
    lines = [json.loads(x) for x in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    codes = _self_evaluation_codes(sorted((tmp_path / "yaml").iterdir()))
    seen = set()
    for entry, found in zip(lines, codes):
        for defect in entry["defects"]:
            if defect in SELF_DEFECT_RULES:
                seen.add(defect)
                assert SELF_DEFECT_RULES[defect] & found, (entry, found)
    assert seen == set(SELF_DEFECT_RULES)


def test_a_target_defect_never_makes_the_actual_restate_the_target(tmp_path):
    """The filer of a self-evaluation writes what was reached, even for a target a defect left
    without its unit (≥40): no actual is the target written again (T101) on any form."""
    write_corpus(tmp_path, 200, formats=("yaml",), per_file=200, seed=3, defect_rate=1.0,
                 self_evaluation_share=1.0)
    lines = [json.loads(x) for x in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum("missing-unit" in entry["defects"] for entry in lines) > 5
    codes = _self_evaluation_codes(sorted((tmp_path / "yaml").iterdir()))
    assert len(codes) == 200 and not [c for c in codes if "T101" in c]


def test_no_self_evaluation_share_is_the_corpus_of_before():
    default = list(generate_forms(30, seed=4))
    explicit = list(generate_forms(30, seed=4, self_evaluation_share=0.0))
    assert [f.name for f in default] == [f.name for f in explicit]
    assert all(f.evaluation is None for f in default)
