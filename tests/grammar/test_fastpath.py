"""The fast path's model of Lark: its terminal regexes and lexer states are those of the built
parser, and every real value Lark reads is read without Lark."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest
from grammar_strategies import grammar_strings
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token

from grammar import canonical, damage, fastpath
from grammar.api import MAX_STRUCTURED_LENGTH
from grammar.fastpath import END, NOT_A_VALUE, TERMINAL_REGEXES, fast_parse, read_value
from grammar.normalize import normalize
from grammar.parser import grammar_text, may_be_structured, parse_structured

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


@lru_cache(maxsize=1)
def _lark() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=False)


def _state_after(tokens: str) -> tuple[str, ...]:
    """The terminals Lark's lexer tries after feeding these token types, in its order, plus END
    when the parser state accepts the end of the text."""
    lark = _lark()
    interactive = lark.parse_interactive("")
    for name in tokens.split():
        interactive.feed_token(Token(name, "x"))
    state = interactive.parser_state.position
    lexer = lark.parser.lexer.lexers[state]
    order = tuple(t.name for t in lexer.terminals if not t.name.startswith("__IGNORE"))
    accepts_end = "$END" in lark.parser.parser.parser.parse_table.states[state]
    return order + ((END,) if accepts_end else ())


# Each state tuple of the fast path, with token paths that reach it in Lark.
STATES = {
    "START_IN_BRACKETS": ["LPAR"],
    "AFTER_OP": ["PREFIX_OP", "LPAR PREFIX_OP"],
    "AFTER_NUMBER": ["NUMBER", "CN_NUMBER", "PREFIX_OP NUMBER", "NUMBER RANGE_SEP NUMBER", "LPAR NUMBER",
                     "EVERY PERIOD_UNIT NUMBER", "EVERY_YEAR CN_NUMBER"],
    "AFTER_UNIT": ["NUMBER UNIT", "NUMBER MAGNITUDE UNIT", "NUMBER UNIT SLASH UNIT", "NUMBER SLASH MAGNITUDE UNIT",
                   "NUMBER UNIT SLASH UNIT TIMES UNIT", "EVERY PERIOD_UNIT NUMBER UNIT", "EVERY_YEAR NUMBER UNIT",
                   "NUMBER RANGE_SEP NUMBER UNIT", "LPAR PREFIX_OP CN_NUMBER UNIT"],
    "AFTER_MAGNITUDE": ["NUMBER MAGNITUDE", "NUMBER UNIT SLASH MAGNITUDE", "NUMBER UNIT SLASH UNIT TIMES MAGNITUDE",
                        "PREFIX_OP NUMBER MAGNITUDE"],
    "AFTER_PLAIN_MAGNITUDE": ["EVERY PERIOD_UNIT NUMBER MAGNITUDE", "EVERY_YEAR NUMBER MAGNITUDE"],
    "AFTER_SLASH": ["NUMBER SLASH", "NUMBER UNIT SLASH", "NUMBER UNIT SLASH UNIT TIMES",
                    "NUMBER UNIT SLASH UNIT SLASH", "NUMBER MAGNITUDE SLASH"],
    "AFTER_ALT_OPEN": ["NUMBER UNIT LPAR", "NUMBER UNIT SLASH UNIT LPAR", "NUMBER UNIT LPAR UNIT RPAR LPAR",
                       "EVERY PERIOD_UNIT NUMBER UNIT LPAR"],
    "AFTER_ALT_UNIT": ["NUMBER UNIT LPAR UNIT", "NUMBER UNIT SLASH UNIT LPAR UNIT"],
    "AFTER_ALT_CLOSE": ["NUMBER UNIT LPAR UNIT RPAR", "NUMBER UNIT SLASH UNIT LPAR UNIT RPAR",
                        "EVERY_YEAR NUMBER UNIT LPAR UNIT RPAR", "NUMBER MAGNITUDE UNIT LPAR UNIT RPAR"],
    "AFTER_RANGE_SEP": ["NUMBER RANGE_SEP", "NUMBER UNIT RANGE_SEP", "NUMBER UNIT LPAR UNIT RPAR RANGE_SEP"],
    "LAST": ["NUMBER UNIT SUFFIX_OP", "NUMBER SUFFIX_OP", "NUMBER RANGE_SEP MONTH", "YEAR DEADLINE",
             "YEAR MONTH DAY DEADLINE", "YEAR_END", "DOT_DATE", "DOT_PERIOD", "YEAR MONTH_NUMBER RANGE_SEP MONTH",
             "EVERY_YEAR MONTH DEADLINE", "EVERY_YEAR MONTH DAY DEADLINE", "PREFIX_OP NUMBER UNIT SUFFIX_OP"],
    "AFTER_BRACKETS": ["LPAR NUMBER RPAR", "LPAR YEAR RPAR"],
    "AFTER_YEAR": ["YEAR", "LPAR YEAR"],
    "AFTER_MONTH": ["MONTH", "YEAR MONTH", "LPAR MONTH", "YEAR RANGE_SEP MONTH", "YEAR RANGE_SEP YEAR MONTH"],
    "AFTER_DAY": ["YEAR DAY", "MONTH DAY", "YEAR MONTH DAY", "YEAR RANGE_SEP YEAR DAY", "MONTH RANGE_SEP MONTH DAY"],
    "AFTER_MONTH_NUMBER": ["YEAR MONTH_NUMBER"],
    "AFTER_MONTH_NUMBER_SEP": ["YEAR MONTH_NUMBER RANGE_SEP"],
    "AFTER_PERIOD_SEP": ["YEAR RANGE_SEP", "MONTH RANGE_SEP", "YEAR MONTH DAY RANGE_SEP", "MONTH DAY RANGE_SEP"],
    "AFTER_END_YEAR": ["YEAR RANGE_SEP YEAR", "MONTH RANGE_SEP YEAR"],
    "AFTER_EVERY": ["EVERY", "LPAR EVERY"],
    "AFTER_PERIOD_UNIT": ["EVERY PERIOD_UNIT"],
    "AFTER_EVERY_YEAR": ["EVERY_YEAR"],
    "AFTER_EVERY_MONTH": ["EVERY_YEAR MONTH"],
    "AFTER_EVERY_DAY": ["EVERY_YEAR MONTH DAY"],
}


@pytest.mark.parametrize("name", sorted(STATES))
def test_state_tuples_are_lark_lexer_states(name: str) -> None:
    for path in STATES[name]:
        assert getattr(fastpath, name) == _state_after(path), (name, path)


def test_start_state_is_lark_start_state() -> None:
    assert fastpath.START == _state_after("")


def test_every_state_tuple_is_checked() -> None:
    declared = {n for n in vars(fastpath) if (n.startswith("AFTER_") or n in ("LAST", "START_IN_BRACKETS"))
                and isinstance(getattr(fastpath, n), tuple)}
    assert declared == set(STATES)


def test_terminal_regexes_are_value_lark_regexes() -> None:
    by_name = {t.name: t.pattern for t in _lark().terminals}
    for name, regex in TERMINAL_REGEXES.items():
        assert by_name[name].type == "re" and by_name[name].value == regex, name


def _real_values() -> list[str]:
    values = []
    for line in (HERE / "expected_values.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            values.append(line.split("\t")[0])
    with (ROOT / "tests/data/public-forms/indicators.tsv").open(encoding="utf-8") as f:
        values += [row[4] for row in list(csv.reader(f, delimiter="\t"))[1:] if len(row) > 4]
    return sorted(set(values))


def test_no_real_value_needs_lark() -> None:
    """Every real value is read by the fast path, or turned away as text Lark cannot lex (the
    four damaged ones: "1OO%", "二100百分比", "≥95%（", "于6月30日前完成全部工作"), or is prose the
    pre-check turns away: none is left for Lark to decide."""
    to_lark, unlexable = set(), set()
    for value in _real_values():
        norm = normalize(value)
        if not norm or len(norm) > MAX_STRUCTURED_LENGTH:
            continue
        lark = parse_structured(norm)
        fast = read_value(norm)
        if fast is NOT_A_VALUE:
            assert lark is None, value
            unlexable.add(norm)
        elif fast is not None:
            assert fast == lark, value
        else:
            assert lark is None, value  # Lark reads nothing the fast path declines
            if damage.placeholder(norm) is None and may_be_structured(norm):  # as grammar.api did
                to_lark.add(norm)
    assert to_lark == set()
    assert {"1OO%", "二100百分比", "≥95%(", "于6月30日前完成全部工作"} <= unlexable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6000份(本)/年(次)", "6000份（本）/年（次）"),
        ("67.5元/份(册)", "67.5元/份（册）"),
        ("2021年1月-12月", "2021年1月~2021年12月"),
        ("1-12月", "1月~12月"),
        ("2023年1-12月", "2023年1月~2023年12月"),
        ("2023.07-2024.01", "2023年7月~2024年1月"),
        ("三次", "3次"),
        ("每季度1次", "1次/季度"),
        ("(≥200次)", "≥200次"),
        ("每年12月底前", "每年12月底前"),
        ("30日内", "≤30日"),
    ],
)
def test_shapes_that_needed_lark(text: str, expected: str) -> None:
    value = fast_parse(normalize(text), text)
    assert value is not None and canonical(value) == expected and value.source == text


def test_grammar_has_no_shift_reduce_conflict(caplog: pytest.LogCaptureFixture) -> None:
    """The fast path's argument (same tokens, same parse) needs an unambiguous LALR table: Lark
    resolves a shift/reduce conflict silently, logging it at debug level only."""
    import logging

    from lark import logger

    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG, logger="lark"):
            Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=False)
    finally:
        logger.setLevel(level)
    assert not [r for r in caplog.records if "conflict" in r.getMessage().lower()]


@lru_cache(maxsize=4096)
def _lark_state_after(history: tuple[str, ...]) -> tuple[str, ...]:
    return _state_after(" ".join(history))


def _states_used(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(token types read so far, state tuple lexed with) for every token the fast path reads."""
    used = []
    reader = fastpath._Reader
    original = reader.take

    def take(self, state):
        history = getattr(self, "_history", ())
        used.append((history, tuple(state)))
        kind, value = original(self, state)
        self._history = (*history, kind)
        return kind, value

    class Recording(reader):  # the slotted reader gets a slot for the history
        __slots__ = ("_history",)

    Recording.take = take
    try:
        fastpath._Reader = Recording
        fast_parse(normalize(text))
    finally:
        fastpath._Reader = reader
    return used


_SOUP_WORDS = ["1", "12", "2022年", "2023.07", "三", "万", "月", "日", "份", "个月", "%", "元", "-", "至", "/", "·",
               "(", ")", " ", "以上", "内", "前", "底", "每", "按", "每年", "全年底", "≥", "次", "人", "季度"]


_EVERY_SHAPE = ["2023年6月30日前", "2022年5日", "6月30号-9月", "2021年1月-12月", "2020年1月--2020年11月", "2023年1-12月",
                "6000份(本)/年(次)", "67.5元/份(册)", "5万/人·天", "3万元/人·月/年(次)", "≥95%(百分比)以上", "1-12月",
                "0.5-1月", "每年12月31日前", "每年6月底", "每年", "每年3次", "每年5万人(次)", "每季度", "每季度1次",
                "每半年一次", "按月", "(≥200次)", "(2023年)", "年底前", "全年内完成", "2020.1.1-2020.12.31",
                "2023.6.30", "十二期", "二十五人", "3-5天", "3天-5天(次)", "≤15万元", "10%以内", "2022年度"]


@settings(max_examples=300)
@given(st.one_of(grammar_strings(), st.sampled_from(_EVERY_SHAPE),
                 st.lists(st.sampled_from(_SOUP_WORDS), min_size=1, max_size=6).map("".join)))
def test_every_state_the_fast_path_lexes_in_is_lark_state_after_the_same_tokens(text: str) -> None:
    """Not only the listed paths: wherever the reader goes, the terminals it tries, and their
    order, are those of Lark's parser state after the same token types."""
    for history, state in _states_used(text):
        assert state == _lark_state_after(history), (text, history)


def test_every_shape_is_read_and_lexed_in_lark_states() -> None:
    for text in _EVERY_SHAPE:
        assert fast_parse(normalize(text)) == parse_structured(normalize(text)) is not None, text
        for history, state in _states_used(text):
            assert state == _lark_state_after(history), (text, history)
