"""Cells of a million characters, thousands of indicators, and nesting deep enough to blow a
recursive parser's stack: bounded work, a result or a clean error, and the limit reported."""

from __future__ import annotations

import io
import json
import time

import pytest
from hostile_checks import assert_cli_clean, assert_document_clean, run_cli, write
from hostile_support import bounded

from checker.loaders import load_path

MILLION = 1_000_000


def _codes(document) -> set[str]:
    issues = list(document.issues) + [i for f in document.forms for i in f.issues]
    if document.error is not None:
        issues.append(document.error)
    return {issue.message_id.split(".")[0] for issue in issues}


def _form(indicators: list[dict], name: str = "测试项目") -> dict:
    return {
        "name": name,
        "budget_unit": "测试单位",
        "year": 2022,
        "attributes": {"kind": "新增", "term": "一次性", "basis": ["其他"]},
        "funding": {"total": "150000", "fiscal": "150000"},
        "goals": {"annual": "完成工作"},
        "indicators": indicators,
    }


def _row(name: str, value: str) -> dict:
    return {"level1": "产出指标", "level2": "数量指标", "name": name, "value": value}


def _flat(value: str) -> list[list[str]]:
    return [
        ["金额单位：元"],
        ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["测试单位", "测试项目", "150000", "完成工作", "产出指标", "数量指标", "印发数量", value],
    ]


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _huge_cell_inputs(cell: str) -> dict[str, bytes]:
    seed_like = (
        "巴中市2022年市级部门预算项目支出绩效目标批复表\n项目名称\t测试项目\n预算单位\t测试单位\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t印发数量\t" + cell + "\n"
    )
    mapping = {"forms": [_form([_row("印发数量", cell)])]}
    return {
        ".txt": seed_like.encode("utf-8"),
        ".json": json.dumps(mapping, ensure_ascii=False).encode("utf-8"),
        ".yaml": ("forms:\n- " + json.dumps(mapping["forms"][0], ensure_ascii=False)).encode("utf-8"),
        ".csv": "\n".join(",".join(r) for r in _flat(cell)).encode("utf-8"),
        ".xlsx": _xlsx(_flat(cell[:32_000])),  # a workbook cell holds at most 32,767 characters
    }


@pytest.mark.parametrize("suffix", [".txt", ".json", ".yaml", ".csv"])
def test_million_character_cell_is_reported_not_swallowed(tmp_path, suffix):
    data = _huge_cell_inputs("≥" + "9" * MILLION + "%")[suffix]
    path = write(tmp_path, "huge" + suffix, data)
    started = time.monotonic()
    with bounded(30):
        document = assert_document_clean(load_path(path), path)
    assert time.monotonic() - started < 30
    assert "E104" in _codes(document) or document.error is not None, _codes(document)


def test_long_workbook_cell_is_reported(tmp_path):
    from checker.loaders.limits import Limits

    path = write(tmp_path, "long.xlsx", _huge_cell_inputs("好" * 20_000)[".xlsx"])
    with bounded(30):
        document = assert_document_clean(load_path(path, Limits(max_cell_chars=1000)), path)
    assert "E104" in _codes(document), _codes(document)


def test_million_character_prose_value_through_check(tmp_path):
    """The grammar must not be quadratic (or recursive) on a huge value cell."""
    write(tmp_path, "huge.json", _huge_cell_inputs("（" * 200_000 + "≥95%" + "）" * 1000)[".json"])
    with bounded(60):
        code, _, err = run_cli(["check", str(tmp_path), "--format", "json"])
    assert_cli_clean(code, err)


def test_thousands_of_indicators(tmp_path):
    rows = [_row(f"指标{i}", f"≥{i % 100}%") for i in range(1500)]
    path = write(tmp_path, "many.json", json.dumps({"forms": [_form(rows)]}, ensure_ascii=False).encode())
    with bounded(60):
        document = assert_document_clean(load_path(path), path)
    assert "E105" in _codes(document), _codes(document)  # over the default 1,000 per form
    with bounded(90):
        code, _, err = run_cli(["check", path, "--format", "json"])
    assert_cli_clean(code, err)


DEPTH = 200_000


@pytest.mark.parametrize(
    "name,data",
    [
        ("deep-array.json", b"[" * DEPTH + b"]" * DEPTH),
        ("deep-object.json", b'{"a":' * DEPTH + b"1" + b"}" * DEPTH),
        ("deep-unclosed.json", b"[" * DEPTH),
        ("deep-flow.yaml", b"[" * DEPTH + b"]" * DEPTH),
        ("deep-mapping.yaml", b"{a: " * DEPTH + b"1" + b"}" * DEPTH),
        ("deep-block.yaml", b"".join(b" " * i + b"- \n" for i in range(0, 4000, 2))),
        ("deep-forms.json", b'{"forms": [' + b"[" * DEPTH + b"]" * DEPTH + b"]}"),
        ("deep-value.yaml", b"forms:\n- name: x\n  indicators:\n  - value: " + b"[" * DEPTH + b"\n"),
        ("deep-brackets.txt", "巴中市2022年市级部门预算项目支出绩效目标批复表\n项目名称\t测试\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t数量\t".encode() + "（".encode() * DEPTH + b"\n"),
        ("deep-cells.csv", "单位名称,项目名称,三级指标,指标值\n测试,测试,数量,".encode() + b"(" * DEPTH + b"\n"),
    ],
)
def test_deep_nesting_is_bounded(tmp_path, name, data):
    path = write(tmp_path, name, data)
    with bounded(60):
        assert_document_clean(load_path(path), path)
    with bounded(60):
        code, _, err = run_cli(["check", path, "--format", "json", "--quiet"])
    assert_cli_clean(code, err)


NUMBERS = [
    ("big-int.yaml", "forms:\n- name: x\n  year: {big}\n  funding: {{total: {big}}}\n  indicators: [{{name: a, value: '1', weight: {big}}}]\n"),
    ("big-int.json", '{{"forms": [{{"name": "x", "year": {big}, "funding": {{"total": {big}}}, "indicators": [{{"name": "a", "value": "1", "weight": {big}}}]}}]}}'),
    ("huge-exponent.json", '{{"forms": [{{"name": "x", "funding": {{"total": 1e999999999, "fiscal": -1e999999999}}, "indicators": [{{"name": "a", "value": "1", "weight": 1e-999999999}}]}}]}}'),
    ("huge-exponent.yaml", "forms:\n- name: x\n  funding: {{total: 1.0e+999999999, other: '1e999999999'}}\n  indicators: []\n"),
    ("special-floats.yaml", "forms:\n- name: x\n  funding: {{total: .nan, fiscal: .inf, other: -.inf}}\n  indicators: [{{name: a, value: '1', weight: .nan}}]\n"),
    ("special-floats.json", '{{"forms": [{{"name": "x", "funding": {{"total": NaN, "fiscal": Infinity}}, "indicators": [{{"name": "a", "value": "1", "weight": -Infinity}}]}}]}}'),
]


@pytest.mark.parametrize("name,template", NUMBERS, ids=[n for n, _ in NUMBERS])
def test_extreme_numbers_are_data_not_crashes(tmp_path, name, template):
    """5,000-digit integers (past Python's int-from-string limit), exponents past Decimal's
    range, NaN and infinities: a result or a clean error, and the run goes on."""
    path = write(tmp_path, name, template.format(big="9" * 5000).encode())
    with bounded(30):
        assert_document_clean(load_path(path), path)
    with bounded(60):
        code, out, err = run_cli(["check", path, "--format", "json", "--quiet"])
    assert_cli_clean(code, err)
    report = json.loads(out)
    assert report["rule_errors"] == [], report["rule_errors"][:2]
