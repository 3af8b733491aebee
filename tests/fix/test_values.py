"""Which values the fixer rewrites, and into what: hand-written expectations, then properties."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.fixer.values import canonical_rewrite, same_meaning
from grammar import parse_value

ROOT = Path(__file__).resolve().parents[2]

# (as written, expected rewrite or None = left alone). Written by reading each value.
REWRITES = [
    ("不低于95%", "≥95%"),
    ("＞＝90％", "≥90%"),
    (">= 98 %(百分比)", "≥98%"),
    ("大于等于 95 百分比", "≥95%"),
    ("≥ | 95 | %", "≥95%"),  # split cells joined by the flat-table loader
    ("不超过15万元", "≤15万元"),
    ("98%以上", "≥98%"),
    ("1小时内", "≤1小时"),
    ("3～5天", "3~5天"),
    ("年底前", "12月底前"),
    # already canonical
    ("≥95%", None),
    ("100%", None),
    ("≤15万元", None),
    ("≥35000次/天", None),
    ("2022年12月底前", None),
    # prose, grades and vague phrases are never reworded
    ("持续提升", None),
    ("优良", None),
    ("及时处置突发事件，并上报处置情况。", None),
    ("全天24小时，实行主岗副岗制度", None),
    # damaged values are left exactly as written, for the rules to report
    ("≥**%", None),
    ("≧ %", None),
    ("1OO%", None),
    ("XX", None),
    ("****000元", None),
    ("（≥95%", None),
    # nothing to rewrite
    ("", None),
    ("   ", None),
    (None, None),
]


@pytest.mark.parametrize("text,expected", REWRITES)
def test_hand_written_rewrites(text, expected):
    assert canonical_rewrite(text) == expected


@pytest.mark.parametrize("text", ["＝100%", "=100%", "-5%"])
def test_spreadsheets_never_get_a_cell_starting_like_a_formula(text):
    new = canonical_rewrite(text, spreadsheet=True)
    assert new is None or not new.startswith(("=", "+", "-", "@"))


def test_full_width_equals_is_rewritten_outside_spreadsheets():
    assert canonical_rewrite("＝100%") == "=100%"
    assert canonical_rewrite("＝100%", spreadsheet=True) is None


def _real_values() -> list[str]:
    path = ROOT / "tests" / "data" / "public-forms" / "indicators.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return sorted({row[-1] for row in rows[1:] if row and row[-1].strip()})


REAL = _real_values()


def test_real_values_rewrites_keep_their_meaning():
    """Every real published value: a rewrite, if any, means the same and is a fixed point."""
    rewritten = 0
    for text in REAL:
        new = canonical_rewrite(text)
        if new is None:
            continue
        rewritten += 1
        assert same_meaning(parse_value(text), parse_value(new)), (text, new)
        assert canonical_rewrite(new) is None, (text, new)
        assert parse_value(new).error is None
    assert rewritten >= 5  # the corpus does hold non-canonical spellings


_PIECES = st.sampled_from(
    ["≥", "≤", ">", "<", "=", "＞", "＝", "不低于", "不超过", "以上", "以内", "大于等于", " ", "|",
     "95", "100", "1.5", "３", "十二", "万", "%", "％", "百分比", "元", "万元", "人次", "次", "天",
     "/", "年", "月", "底前", "2022", ".", "-", "～", "至", "（", "）", "(", ")", "**", "X", "O"]
)


@given(text=st.lists(_PIECES, max_size=8).map("".join) | st.sampled_from(REAL) | st.text(max_size=20))
def test_rewrite_is_idempotent_and_meaning_preserving(text):
    new = canonical_rewrite(text)
    if new is None:
        return
    assert new != text
    assert canonical_rewrite(new) is None
    before, after = parse_value(text), parse_value(new)
    assert before.error is None and after.error is None
    assert before.kind == after.kind and before.kind in ("quantity", "range", "date")
    assert same_meaning(before, after)


def test_same_meaning_tells_different_values_apart():
    assert not same_meaning(parse_value("≥95%"), parse_value("≥96%"))
    assert not same_meaning(parse_value("≥95%"), parse_value(">95%"))
    assert not same_meaning(parse_value("15万元"), parse_value("15元"))
    assert same_meaning(parse_value("不低于95%"), parse_value("≥95%"))
