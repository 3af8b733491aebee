"""The web page and the review workbook show each finding's citation in the chosen language: the
page prints ``source.citation`` of the report /api/review answers (app.js, 依据), the workbook
has a citation column."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.citation import citation_text
from policy.messages import catalogue
from policy.registry import get_rule

ROOT = Path(__file__).resolve().parents[2]
SEED_NAME = "corpus/bazhong-2022-city-government-office.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return (ROOT / SEED_NAME).read_bytes()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_report_cites_in_its_language(client, seed_bytes, lang):
    answer = client.post("/api/review", seed_bytes, f"name={SEED_NAME}&lang={lang}")
    assert answer.status == 200
    diagnostics = answer.json()["report"]["diagnostics"]
    assert diagnostics
    for d in diagnostics:
        assert d["source"]["citation"] == citation_text(get_rule(d["code"]), lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_workbook_cites_in_its_language(client, seed_bytes, lang):
    from openpyxl import load_workbook

    answer = client.post("/api/check", seed_bytes, f"name={SEED_NAME}&format=xlsx&lang={lang}")
    assert answer.status == 200
    sheet = load_workbook(io.BytesIO(answer.body)).worksheets[0]
    header = [c.value for c in sheet[1]]
    code_col = header.index(catalogue(lang)["serve.xlsx.col.code"])
    citation_col = header.index(catalogue(lang)["serve.xlsx.col.citation"])
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows
    for row in rows:
        assert row[citation_col] == citation_text(get_rule(row[code_col]), lang)
