"""Every real value of the corpus against its hand-written expectation (expected_values.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from grammar import canonical, parse_value
from grammar.numbers import format_decimal

TABLE = Path(__file__).with_name("expected_values.tsv")
ROOT = Path(__file__).resolve().parents[2]


def _rows() -> list[list[str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip("\n"):
            continue
        cols = line.split("\t")
        cols += [""] * (8 - len(cols))
        rows.append(cols[:8])
    return rows


ROWS = _rows()


def _opt(text: str) -> str | None:
    return None if text == "-" else text


@pytest.mark.parametrize("row", ROWS, ids=[r[0] or "<empty>" for r in ROWS])
def test_expected_value(row: list[str]) -> None:
    text, kind, op, value, unit, per, error, extra = row
    v = parse_value(text)
    assert v.kind == kind
    assert (v.error.code if v.error else None) == _opt(error)
    if kind == "quantity":
        assert v.op == op
        assert format_decimal(v.base_value) == value
        assert v.base_unit == _opt(unit)
        assert (v.per.symbol if v.per else None) == _opt(per)
    elif kind == "range":
        assert v.base_unit == _opt(unit)
    for item in filter(None, extra.split(";")):
        key, _, want = item.partition("=")
        if key == "normalized":
            assert canonical(v) == want
        elif key in ("grade", "vague", "form"):
            assert getattr(v, key) == want
        elif key == "quantities":
            assert [canonical(q) for q in v.quantities] == want.split(",")
        elif key == "latest":
            assert str(v.latest(2022)) == want
        elif key in ("lo", "hi"):
            assert format_decimal(getattr(v, key).base_value) == want
        else:  # pragma: no cover - a typo in the table must fail loudly
            raise AssertionError(f"unknown check {key!r}")


def test_table_covers_every_public_value() -> None:
    """The table has a row for every distinct 指标值 of indicators.tsv."""
    tsv = ROOT / "tests" / "data" / "public-forms" / "indicators.tsv"
    values = {line.split("\t")[4] for line in tsv.read_text(encoding="utf-8").splitlines()[1:] if line.count("\t") >= 4}
    covered = {r[0] for r in ROWS}
    assert values - covered == set()


def test_text_grade_and_vague_are_none_unless_listed() -> None:
    assert parse_value("一次性通过省文物局验收").grade is None
    assert parse_value("一次性通过省文物局验收").vague is None
    assert parse_value("≥99%").error is None
