"""Rows shuffled, repeated, dropped and cells moved: what copy-and-paste between spreadsheets and
a bad export do to a form. The loader must still give a result or a clean error, and whatever it
reads must stay inside the file it came from."""

from __future__ import annotations

import csv
import io
import tempfile

from hostile_checks import assert_document_clean, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_path

ROW_OPS = st.lists(
    st.tuples(st.sampled_from(["swap", "repeat", "drop", "shift", "split", "join"]),
              st.integers(0, 1 << 20), st.integers(0, 1 << 20)),
    min_size=1, max_size=15,
)


def _mangle(rows: list[list[str]], ops) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for op, a, b in ops:
        if not rows:
            break
        i, j = a % len(rows), b % len(rows)
        if op == "swap":
            rows[i], rows[j] = rows[j], rows[i]
        elif op == "repeat":
            rows.insert(j, list(rows[i]))
        elif op == "drop":
            del rows[i]
        elif op == "shift":  # move the row's cells right by up to three columns
            rows[i] = [""] * (b % 4) + rows[i]
        elif op == "split" and rows[i]:  # half the cells go to a row of their own
            cut = b % len(rows[i])
            rows[i:i + 1] = [rows[i][:cut], rows[i][cut:]]
        elif op == "join" and i + 1 < len(rows):
            rows[i:i + 2] = [rows[i] + rows[i + 1]]
    return rows


def _load(path: str, test: str) -> None:
    count_input(test)
    with bounded():
        assert_document_clean(load_path(path), path)


@examples(ci=50)
@given(fmt=st.sampled_from(["seed", "text"]), ops=ROW_OPS, crlf=st.booleans())
def test_extracted_text_rows_mangled(samples, fmt, ops, crlf):
    rows = [line.split("\t") for line in samples[fmt].read_text(encoding="utf-8").splitlines()]
    text = ("\r\n" if crlf else "\n").join("\t".join(r) for r in _mangle(rows, ops))
    with tempfile.TemporaryDirectory() as directory:
        _load(write(directory, "mangled.txt", text.encode("utf-8")), "text_rows_mangled")


@examples(ci=50)
@given(ops=ROW_OPS, delimiter=st.sampled_from([",", "\t", ";"]))
def test_flat_table_rows_mangled(samples, ops, delimiter):
    rows = list(csv.reader(io.StringIO(samples["csv"].read_text(encoding="utf-8-sig"))))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(_mangle(rows, ops))
    with tempfile.TemporaryDirectory() as directory:
        _load(write(directory, "mangled.csv", out.getvalue().encode("utf-8")), "csv_rows_mangled")


@examples(ci=10)
@given(ops=ROW_OPS)
def test_workbook_rows_mangled(samples, ops):
    import openpyxl

    source = openpyxl.load_workbook(samples["xlsx"], read_only=True)
    rows = [["" if v is None else v for v in row] for row in source.active.iter_rows(values_only=True)]
    source.close()
    book = openpyxl.Workbook()
    for row in _mangle(rows, ops):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with tempfile.TemporaryDirectory() as directory:
        _load(write(directory, "mangled.xlsx", buffer.getvalue()), "xlsx_rows_mangled")


@examples(ci=20)
@given(
    fmt=st.sampled_from(["yaml", "json"]),
    ops=st.lists(st.tuples(st.sampled_from(["shuffle", "repeat", "drop", "retype"]),
                           st.integers(0, 1 << 20)), min_size=1, max_size=10),
    junk=st.sampled_from([None, 0, -1, 1e308, "", "≥**%", [], {}, [[[]]], True, "9" * 500,
                          float("inf"), float("-inf"), float("nan"), 10 ** 4000, 2 ** 64, -0.0]),
)
def test_canonical_indicators_mangled(samples, fmt, ops, junk):
    """Indicator entries shuffled, repeated, dropped or replaced by values of the wrong type."""
    import json

    import yaml

    data = yaml.safe_load(samples[fmt].read_text(encoding="utf-8"))
    for form in data["forms"]:
        indicators = form["indicators"]
        for op, n in ops:
            if not indicators:
                break
            i = n % len(indicators)
            if op == "shuffle":
                indicators.insert(0, indicators.pop(i))
            elif op == "repeat":
                indicators.append(indicators[i])
            elif op == "drop":
                del indicators[i]
            else:
                key = sorted(indicators[i])[n % len(indicators[i])] if isinstance(indicators[i], dict) and indicators[i] else None
                if key is None:
                    indicators[i] = junk
                else:
                    indicators[i] = dict(indicators[i], **{key: junk})
    text = (json.dumps(data, ensure_ascii=False) if fmt == "json"
            else yaml.safe_dump(data, allow_unicode=True))
    with tempfile.TemporaryDirectory() as directory:
        _load(write(directory, "mangled." + fmt, text.encode("utf-8")), "canonical_mangled")
