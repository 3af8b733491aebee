"""Hostile input never raises: random bytes under every suffix, truncated files, huge cells,
broken and bomb zips — each gives a Document with an error or warnings naming the place."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes, load_path
from checker.loaders.limits import Limits
from loaders.tests_paths import SEED

SUFFIXES = [".txt", ".yaml", ".yml", ".json", ".csv", ".tsv", ".xlsx", ".dat"]


@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(data, suffix):
    document = load_bytes(data, "random" + suffix)
    assert document.path == "random" + suffix
    if document.error is not None:
        assert document.error.message_id.startswith("E0") and document.forms == ()


_SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()


@st.composite
def _seed_with_noise(draw):
    """A run of the seed's lines with random lines written over some of them, so forms,
    indicators and amounts come out of the loader too (random text alone gives almost none)."""
    start = draw(st.integers(0, len(_SEED_LINES) - 1))
    lines = _SEED_LINES[start : start + draw(st.integers(1, 60))]
    for _ in range(draw(st.integers(0, 4))):
        lines[draw(st.integers(0, len(lines) - 1))] = draw(st.text(max_size=30))
    return "\n".join(lines)


_texts = st.one_of(st.text(max_size=400), _seed_with_noise())


@given(_texts, st.sampled_from(SUFFIXES[:6]))
def test_random_text_loads_to_a_well_formed_document(text, suffix):
    path = "random" + suffix
    document = load_bytes(text.encode("utf-8"), path)
    _assert_well_formed(document, path)
    assert load_bytes(text.encode("utf-8"), path) == document  # loading is deterministic


def _assert_well_formed(document, path):
    """What every consumer of a Document relies on, whatever the input was."""
    from decimal import Decimal

    from policy.messages import render

    assert document.path == path
    if document.error is not None:
        assert document.error.message_id.startswith("E0") and document.forms == ()
        assert document.error.location.path == path
    assert [f.index for f in document.forms] == list(range(len(document.forms)))
    issues = list(document.issues)
    for form in document.forms:
        assert form.location.path == path
        issues += form.issues
        for ind in form.indicators:
            assert ind.location is None or (ind.location.path == path and (ind.location.line or 1) >= 1)
        f = form.funding
        amounts = [f.total, f.fiscal, f.other, f.long_term_total, f.long_term_fiscal, f.long_term_other,
                   f.previous_years, f.procurement, f.purchase_services, *f.sources.values()]
        for amount in amounts:
            assert amount is None or amount.yuan is None or (
                isinstance(amount.yuan, Decimal) and amount.yuan.is_finite()), amount
    for issue in issues:
        assert issue.message_id.startswith("E") and issue.location.path == path, issue
        assert issue.severity in ("error", "warning")
        assert render(issue.message_id, issue.args, "zh") and render(issue.message_id, issue.args, "en")


@given(st.integers(0, len(SEED.read_bytes())))
def test_truncated_seed_never_raises(cut):
    document = load_bytes(SEED.read_bytes()[:cut], "cut.txt")
    for form in document.forms:
        assert form.location.line is not None


def test_huge_cell_is_cut_and_reported():
    text = SEED.read_text(encoding="utf-8").replace("≥99%", "≥" + "9" * 200_000 + "%", 1)
    document = load_bytes(text.encode(), "huge.txt", Limits(max_cell_chars=1000))
    issues = [i for i in document.issues if i.message_id == "E104"]
    assert len(issues) == 1 and issues[0].location.line == 19
    assert len(document.forms) == 8
    assert len(document.forms[0].indicators[1].value_text) == 1000


def test_file_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(SEED.read_bytes())
    document = load_path(path, Limits(max_file_bytes=1000))
    assert document.error.message_id == "E004" and document.error.args["limit"] == 1000


def test_form_and_indicator_limits():
    document = load_bytes(SEED.read_bytes(), "seed.txt", Limits(max_forms_per_file=2, max_indicators_per_form=3))
    assert len(document.forms) == 2
    assert [i.message_id for i in document.issues] == ["E009"]
    assert document.issues[0].location.line == 57  # the third form's title
    assert all(len(f.indicators) == 3 for f in document.forms)
    assert [i.message_id for i in document.forms[0].issues] == ["E105"]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data,code",
    [
        (b"PK\x03\x04 not really a zip", "E007"),
        (_zip({"hello.txt": b"hi"}), "E007"),
        (_zip({"xl/workbook.xml": b"<workbook/>"}), "E007"),
        (_zip({"xl/workbook.xml": b"0" * (3 * 1024 * 1024)}), "E008"),
        (_zip({f"m{i}": b"" for i in range(30)} | {"xl/workbook.xml": b""}), "E008"),
    ],
    ids=["not-zip", "no-workbook", "bad-workbook", "bomb-size", "bomb-members"],
)
def test_broken_and_bomb_workbooks_are_clean_errors(data, code):
    limits = Limits(max_zip_members=20, max_xlsx_uncompressed_bytes=2 * 1024 * 1024)
    document = load_bytes(data, "book.xlsx", limits)
    assert document.error is not None and document.error.message_id == code


def test_truncated_workbook_is_a_clean_error():
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["项目名称", "三级指标", "指标值"])
    buf = io.BytesIO()
    book.save(buf)
    data = buf.getvalue()
    for cut in range(0, len(data), max(1, len(data) // 40)):
        document = load_bytes(data[:cut], "cut.xlsx")
        assert document.error is not None


def test_input_is_never_modified(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_path(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _patched_sheet(extra_rows: bytes) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["单位名称", "项目名称", "三级指标", "指标值"])
    book.active.append(["单位", "项目甲", "期数", "12期"])
    buf = io.BytesIO()
    book.save(buf)
    source = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", extra_rows + b"</sheetData>")
            target.writestr(info, data)
    return out.getvalue()


def test_a_far_away_cell_neither_hangs_nor_is_dropped_silently():
    import time

    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    started = time.monotonic()
    document = load_bytes(_patched_sheet(far), "sparse.xlsx", Limits(max_rows=100_000))
    assert time.monotonic() - started < 10
    assert [f.name for f in document.forms] == ["项目甲"]
    assert [(i.message_id, i.location.line) for i in document.issues] == [("E013", 100_001)]


def test_rows_beyond_the_declared_dimension_are_read():
    beyond = (
        '<row r="40"><c r="C40" t="inlineStr"><is><t>里程</t></is></c>'
        '<c r="D40" t="inlineStr"><is><t>50公里</t></is></c></row>'
    ).encode()
    document = load_bytes(_patched_sheet(beyond), "dim.xlsx")
    assert [(i.name, i.value_text, i.location.cell) for i in document.forms[0].indicators] == [
        ("期数", "12期", "C2"), ("里程", "50公里", "C40")]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    document = load_path(fifo)
    assert document.error is not None and document.error.message_id == "E003"
