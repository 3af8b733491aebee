"""`jixiao format` is an entry point too: on random, mutated and generated inputs it exits 0, 1
or 2 without a traceback; whatever it writes loads as the same forms with only values rewritten
into their canonical form; and formatting again changes nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

from hostile_checks import assert_cli_clean, run_cli, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

from checker.fixer.values import canonical_rewrite
from checker.loaders import load_path

ROOT = Path(__file__).resolve().parents[2]


def _real_values() -> list[str]:
    with open(ROOT / "tests" / "data" / "public-forms" / "indicators.tsv", encoding="utf-8") as fh:
        return sorted({row[-1] for row in list(csv.reader(fh, delimiter="\t"))[1:] if row})


VALUES = st.sampled_from(_real_values()) | st.sampled_from(
    ["不低于95%", "＞＝90％", ">= 98 %(百分比)", "1小时内", "＝100%", "-5%", "≥**%", "年底前", ">95%",
     "'", '"', "#", ": x", "- y", "|", "&a", "*a", "!!str", "{}", "[", "\\u0000", "\t", "\u3000≥95%"]
) | st.text(max_size=12)


def _shape(document) -> list:
    return [
        (f.name, f.budget_unit, [(i.level1_text, i.level2_text, i.name, i.period) for i in f.indicators])
        for f in document.forms
    ]


def _assert_format_safe(path: str, test: str, must_succeed: bool = False) -> None:
    """Format a copy in place; check the invariants against the original."""
    count_input(test)
    before_bytes = Path(path).read_bytes()
    before = load_path(path)
    with bounded():
        code, _, err = run_cli(["format", path, "--in-place", "--quiet"])
    assert_cli_clean(code, err)
    after_bytes = Path(path).read_bytes()
    if must_succeed and before.error is None:
        assert code == 0, f"a well-formed file was refused: {err}"
    if code != 0 or before.error is not None:
        assert after_bytes == before_bytes, "a refused or broken input must stay untouched"
        return
    after = load_path(path)
    assert after.error is None
    assert _shape(after) == _shape(before)
    spreadsheet = path.endswith((".csv", ".tsv", ".xlsx"))
    for old_form, new_form in zip(before.forms, after.forms):
        for old, new in zip(old_form.indicators, new_form.indicators):
            if new.value_text != old.value_text:
                assert new.value_text == canonical_rewrite(old.value_text, spreadsheet=spreadsheet)
    with bounded():
        code, out, err = run_cli(["format", path, "--check"])
    assert_cli_clean(code, err)
    assert code == 0, f"second format would still change: {out}"


@examples(ci=25)
@given(
    values=st.lists(VALUES, min_size=1, max_size=12),
    style=st.sampled_from(
        ["yaml-block", "yaml-flow", "yaml-quoted", "json", "json-ascii", "csv", "csv-semicolon", "xlsx"]
    ),
)
def test_format_generated_forms(values, style):
    rows = [{"level1": "产出指标", "level2": "数量指标", "name": f"指标{i}", "value": v} for i, v in enumerate(values)]
    forms = {"forms": [{"name": "项目", "budget_unit": "单位", "indicators": rows}]}
    if style == "yaml-block":
        name, text = "f.yaml", _yaml(forms, flow=False)
    elif style == "yaml-flow":
        name, text = "f.yaml", _yaml(forms, flow=True)
    elif style == "yaml-quoted":
        name, text = "f.yaml", _yaml(forms, flow=False, style="'")
    elif style.startswith("json"):
        name, text = "f.json", json.dumps(forms, ensure_ascii=style == "json-ascii", indent=1)
    else:
        table = [["单位名称", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"]] + [
            ["单位" if n == 0 else "", "项目" if n == 0 else "", row["level1"], row["level2"], row["name"],
             row["value"]]
            for n, row in enumerate(rows)
        ]
        if style == "xlsx":
            name, text = "f.xlsx", _workbook(table)
        else:
            out = io.StringIO()
            csv.writer(out, delimiter=";" if style == "csv-semicolon" else ",").writerows(table)
            name, text = "f.csv", out.getvalue()
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with tempfile.TemporaryDirectory() as directory:
        _assert_format_safe(write(directory, name, data), "format_generated", True)


def _workbook(rows) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value):
        if not isinstance(value, str):
            return value
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # a workbook cannot hold control characters
        # a cell holding text that looks like a formula is stored as text, the way exports do
        return "'" + value if value.startswith("=") else value

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _yaml(data, flow: bool, style: str | None = None) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, default_style=style, sort_keys=False)


@examples(ci=40)
@given(
    fmt=st.sampled_from(["seed", "text", "yaml", "json", "csv", "xlsx"]),
    ops=st.lists(st.tuples(st.integers(0, 1 << 30), st.binary(min_size=1, max_size=4)), max_size=6),
)
def test_format_mutated_real_files(samples, fmt, ops):
    data = bytearray(samples[fmt].read_bytes())
    for position, insert in ops:
        at = position % (len(data) + 1)
        data[at:at + len(insert)] = insert
    with tempfile.TemporaryDirectory() as directory:
        _assert_format_safe(write(directory, "m" + samples[fmt].suffix, bytes(data)), "format_mutated")


@examples(ci=30)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".yaml", ".json", ".csv", ".xlsx"]))
def test_format_random_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as directory:
        _assert_format_safe(write(directory, "r" + suffix, data), "format_random_bytes")


def test_format_every_sample_and_the_seed(samples):
    with tempfile.TemporaryDirectory() as directory:
        for fmt, source in samples.items():
            target = os.path.join(directory, fmt + source.suffix)
            shutil.copy(source, target)
            _assert_format_safe(target, "format_samples", True)
