"""Properties: grammar strings parse, ASTs round-trip through the printer, any text is safe,
units convert exactly, intervals order correctly, and the fast path agrees with Lark."""

from __future__ import annotations

import itertools
import time
from decimal import Decimal

import pytest
from grammar_strategies import chinese_numeral, grammar_strings, quantities, values
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from grammar import (
    GrammarError,
    Interval,
    Quantity,
    Text,
    canonical,
    lexicon,
    parse_value,
)
from grammar.api import MAX_STRUCTURED_LENGTH, parse_uncached
from grammar.fastpath import NOT_A_VALUE, fast_parse, read_value
from grammar.normalize import normalize
from grammar.parser import alphabet, lark_parser, may_be_structured, parse_structured
from grammar.units import MAGNITUDES, UNITS, lookup


@given(grammar_strings())
def test_grammar_strings_parse_without_damage(s: str) -> None:
    assume(len(normalize(s)) <= MAX_STRUCTURED_LENGTH)  # longer values are prose by design
    v = parse_value(s)
    assert v.kind != "text", (s, v)
    assert v.error is None


@given(values)
def test_print_parse_round_trip(v) -> None:
    assert parse_value(canonical(v)) == v


@given(st.text(max_size=60))
@example("≥**%")
@example("\x00\x1f\u200b１００％")
@example("(" * 50)
def test_any_text_parses_to_a_value_whose_canonical_form_is_stable(s: str) -> None:
    v = parse_uncached(s)
    assert v.kind in ("quantity", "range", "date", "text")
    assert parse_value(canonical(v)) == v


@given(st.text(alphabet=st.characters(categories=["Lo", "Nd", "Po", "Ps", "Pe", "Sm", "Zs", "Cc"]), max_size=40))
def test_cjk_fullwidth_and_controls_never_raise(s: str) -> None:
    assert parse_uncached(s).kind


@pytest.mark.parametrize("size", [10**4, 10**6])
def test_huge_input_is_bounded(size: int) -> None:
    text = ("提升服务水平20次，" * (size // 10))[:size]
    start = time.process_time()  # CPU time: a loaded machine must not fail it (wall time did)
    v = parse_uncached(text)
    assert time.process_time() - start < 2.0
    assert isinstance(v, Text)


def test_non_str_is_misuse() -> None:
    with pytest.raises(GrammarError):
        parse_value(b"95%")  # type: ignore[arg-type]
    with pytest.raises(GrammarError):
        parse_value(None)  # type: ignore[arg-type]


@given(st.sampled_from(sorted(UNITS)), st.sampled_from(sorted(MAGNITUDES)), st.integers(0, 10**6))
def test_magnitude_multiplies_exactly(symbol: str, magnitude: str, n: int) -> None:
    plain, scaled = lookup(symbol), lookup(symbol, magnitude)
    assert scaled.base == plain.base and scaled.dimension == plain.dimension
    assert scaled.factor == plain.factor * MAGNITUDES[magnitude]


@given(st.decimals(0, 10**6, places=2, allow_nan=False))
def test_wanyuan_is_ten_thousand_yuan(n: Decimal) -> None:
    a, b = parse_value(f"≤{n}万元"), parse_value(f"≤{n * 10000}元")
    assert a.base_value == b.base_value == n * 10000
    assert a.base_unit == b.base_unit == "元"
    assert a.interval == b.interval


@given(st.decimals(0, 10**6, places=2, allow_nan=False), st.decimals(0, 10**6, places=2, allow_nan=False))
def test_le_within_le_iff_ordered(a: Decimal, b: Decimal) -> None:
    qa, qb = parse_value(f"≤{a}万元"), parse_value(f"≤{b}万元")
    assert qa.interval.within(qb.interval) == (a <= b)
    ga, gb = parse_value(f"≥{a}%"), parse_value(f"≥{b}%")
    assert ga.interval.within(gb.interval) == (a >= b)
    assert parse_value(f"={a}%").interval.within(qb.interval) == (a <= b * 10000)


@given(quantities(), st.decimals(-(10**9), 10**9, places=2, allow_nan=False))
def test_interval_contains_matches_the_comparator(q: Quantity, x: Decimal) -> None:
    base = q.base_value
    expected = {"≥": x >= base, ">": x > base, "≤": x <= base, "<": x < base, "=": x == base}[q.op]
    assert q.interval.contains(x) == expected


def test_interval_edges() -> None:
    assert Interval(Decimal(1), Decimal(0)).is_empty
    assert Interval(Decimal(1), Decimal(1), True, False).is_empty
    assert not parse_value("<5%").interval.within(parse_value("<4%").interval)
    assert parse_value("<5%").interval.within(parse_value("≤5%").interval)
    assert not parse_value("≤5%").interval.within(parse_value("<5%").interval)
    assert parse_value("90%-95%").interval.within(parse_value("≥90%").interval)
    assert not parse_value("90%-95%").interval.within(parse_value(">90%").interval)


@given(st.integers(0, 9999))
def test_chinese_numerals_read_as_written(n: int) -> None:
    assert parse_value(chinese_numeral(n) + "次").number == n


# The fast path must build exactly what the Lark path builds, wherever it answers.
_CORPUS_LIKE = st.builds(
    lambda op, n, mag, unit, per, suffix: f"{op}{n}{mag}{unit}{per}{suffix}",
    st.sampled_from(["", "≥", ">=", "≧", "不低于", "≤", "<", "=", "大于", "至少", "控制在", " ≥ "]),
    st.sampled_from(["0", "5", "12", "99.5", "2022", "8,827,620.53", "-3", "1", "9", "10"]),
    st.sampled_from(["", "万", "亿", "百", "千", "百万"]),
    st.sampled_from(["", "%", "元", "百分比", "次", "年", "月", "日", "个月", "M", "m2", "千克", "分", "分钟", "米", "号"]),
    st.sampled_from(["", "/天", "/年", "/月", "/万人", "/ 个"]),
    st.sampled_from(["", "以上", "以内", "内", "以下"]),
)


_RANGE_LIKE = st.builds(
    lambda a, u1, sep, b, u2: f"{a}{u1}{sep}{b}{u2}",
    st.sampled_from(["0", "3", "12", "1.5", "2023", "-2", "1,000"]),
    st.sampled_from(["", "%", "万", "万元", "天", "月", "个月", "年"]),
    st.sampled_from(["-", "--", "~", "至", "到", " - ", "—"]),
    st.sampled_from(["5", "12", "7", "2024", "+3", "01"]),
    st.sampled_from(["", "%", "万元", "天", "月", "月份", "个工作日", "元"]),
)


_DATE_LIKE = st.builds(
    lambda y, du, m, d, rest: f"{y}年{du}{m}{d}{rest}",
    st.sampled_from(["2022", "2025", "1999", "0000"]),
    st.sampled_from(["", "度"]),
    st.sampled_from(["", "1月", "9月", "01月", "10月", "12月", "13月", "0月", "6月份", "1-12月", " 9月"]),
    st.sampled_from(["", "1日", "30日", "31号", "32日", "09日", "0日", "15"]),
    st.sampled_from(["", "前", "底前", "底", "末", "之前", "前完成", "内", "到位", "到", "完成", "以内",
                     "底前完成", "-2026年", "至12月", " 前", "前 ", "x", "(", "年"]),
)


# Shapes that needed Lark before the fast path read the whole grammar: bracketed alternative
# units, rates with products, periods and month spans, Chinese numerals, 每/按 frequencies,
# bracketed values, dotted dates; written with and without spaces, and slightly broken.
_UNIT_SPEC_LIKE = st.builds(
    lambda n, mag, unit, alts, per, per_alts, suffix: f"{n}{mag}{unit}{alts}{per}{per_alts}{suffix}",
    st.sampled_from(["6000", "67.5", "三", "十二", "两", "一百", "二十五", "一千克", "0", "1,000"]),
    st.sampled_from(["", "万", "百", " 万 ", "千"]),
    st.sampled_from(["", "份", "元", "%", "个", "人次", "天", "米", "克", "年", "月"]),
    st.sampled_from(["", "(本)", "(册)", "(百分比)", "(本)(册)", " ( 本 ) ", "(", "(本", "(万)", "()"]),
    st.sampled_from(["", "/年", "/ 年", "/份", "/人·月", "/万人", "/万", "/年/人", "/人•天", "/", "/·", "/人·"]),
    st.sampled_from(["", "(次)", "(册)(次)", "(人)", "(次"]),
    st.sampled_from(["", "以上", "内", "-", ")", "-5", "/天"]),
)

_PERIOD_LIKE = st.builds(
    lambda a, sep, b, tail: f"{a}{sep}{b}{tail}",
    st.sampled_from(["2021年1月", "2020年1月", "2023年", "1", "3", "0.5", "2023年1", "9月", "2023.07", "2020.1.1",
                     "12月31日", "2022年5日", "每年12月", "1月1号", "十二", "13"]),
    st.sampled_from(["-", "--", "—", "~", "至", " - ", "到", ""]),
    st.sampled_from(["12月", "2020年11月", "2024.01", "2020.12.31", "2024年", "11月30日", "5月份", "12个月",
                     "13月", "12", "三月", ""]),
    st.sampled_from(["", "底前", "前", "份", " ", "x", "日"]),
)

_WORDY_LIKE = st.builds(
    lambda lead, body, tail: f"{lead}{body}{tail}",
    st.sampled_from(["", "(", "每", "按", "每年", "每个", "每 ", "全", "≥", "不少于"]),
    st.sampled_from(["季度", "月", "年", "半年", "周2次", "季度1次", "半年一次", "月一期", "年底前", "12月底前",
                     "9月前", "6月30日前", "三次", "两个", "年内完成", "年度", "200次", "个工作日3天", "5万",
                     "2023/6/30", "2023-6-30", "2023.6.30", "2023.13.1", "1OO%"]),
    st.sampled_from(["", ")", "以上", " ", "(次)", "/人", "前"]),
)

# Soup of the grammar's own words: the lexer's choices between overlapping terminals.
_SOUP = st.lists(
    st.sampled_from(["1", "12", "2022", "2022年", "5.5", "三", "十", "两", "千", "百", "万", "月", "日", "号", "年",
                     "份", "个月", "天", "%", "元", "克", "米", "分", "百分比", "-", "~", "至", "/", "·", "(", ")",
                     " ", "以上", "内", "前", "底", "度", "每", "按", "全", "≥", "不少于", ".", "次", "人"]),
    min_size=1, max_size=7,
).map("".join)


@settings(max_examples=600)
@given(st.one_of(grammar_strings(), _CORPUS_LIKE, _RANGE_LIKE, _DATE_LIKE, _UNIT_SPEC_LIKE, _PERIOD_LIKE,
                 _WORDY_LIKE, _SOUP))
def test_fast_path_agrees_with_lark(s: str) -> None:
    norm = normalize(s)
    fast = read_value(norm)
    if fast is NOT_A_VALUE:  # the fast path says Lark cannot lex it: Lark must reject it
        assert parse_structured(norm) is None, s
    elif fast is not None:
        assert fast == parse_structured(norm), s


@given(grammar_strings())
def test_fast_path_reads_every_grammar_string(s: str) -> None:
    """The fast path reads the whole grammar: a string generated from it is never declined."""
    norm = normalize(s)
    assume(len(norm) <= MAX_STRUCTURED_LENGTH and parse_structured(norm) is not None)
    assert fast_parse(norm) == parse_structured(norm), s


def test_date_fast_path_agrees_with_lark_on_every_year_shape() -> None:
    answered = 0
    for parts in itertools.product(
        ["2022", "0000"], ["", "度"], ["", "1月", "01月", "10月", "12月", "13月", "0月", "6月份", "1-12月", " 9月"],
        ["", "1日", "31号", "32日", "09日", "0日", "15"],
        ["", *sorted(lexicon.DEADLINE_SUFFIXES), "-2026年", "至12月", " 前", "x", "(", "年", "到"],
    ):
        norm = normalize("{}年{}{}{}{}".format(*parts))
        fast = fast_parse(norm)
        if fast is not None:
            answered += 1
            assert fast == parse_structured(norm), norm
    assert answered > 500  # the plain dates and deadlines do take the fast path


# The cheap pre-check before Lark may only turn away text Lark would reject too.
@given(grammar_strings())
def test_every_grammar_string_passes_the_pre_check(s: str) -> None:
    assert may_be_structured(normalize(s)), s


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(sorted(alphabet() - set("0123456789零〇一二两三四五六七八九十年"))), max_size=12))
def test_text_the_pre_check_turns_away_never_parses(s: str) -> None:
    from lark.exceptions import LarkError

    from grammar.transform import NotAValue

    norm = normalize(s)
    if not may_be_structured(norm):
        with pytest.raises((LarkError, NotAValue, ValueError, ArithmeticError)):
            lark_parser().parse(norm)


def test_pre_check_turns_away_corpus_prose_and_keeps_frequencies() -> None:
    for prose in ("按时完成", "达到预期", "持续提升", "按期", "每人", "按需"):
        assert not may_be_structured(prose), prose
    for value in ("每季度", "按月", "每 个月", "每个 工作日", "年底前", "每年6月", "三次"):
        assert may_be_structured(normalize(value)), value
        assert parse_structured(normalize(value)) is not None, value


# Guards that let prose skip compiling the big damage and prose-quantity patterns must only skip
# text those patterns cannot match.
_PIECES = st.sampled_from(
    [*lexicon.PREFIX_OPS, *lexicon.SUFFIX_OPS, *sorted(UNITS)[:60], "万", "亿", "/", " ", "5", "12.5", "1,000",
     "达到", "按时", "完成", "率", "全天", "a", "O", "(", "。", ",", "5,", "pct", "吨位", "个体户"]
)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=6).map("".join))
def test_prose_guards_only_skip_what_cannot_match(s: str) -> None:
    from grammar import damage, text

    missing, unknown = damage._patterns()
    found = missing.match(s)
    if found and (found.group("op") or found.group("unit") or found.group("mag")):
        assert damage._may_miss_number(s), s
    if unknown.match(s):
        assert damage._may_have_unknown_unit(s), s
    if text._scanner().search(s):
        assert text._HAS_DIGIT.search(s), s


# The prose scanner runs by hand (grammar.text._scan) instead of compiling its regex at start-up;
# it must find exactly the regex's matches.
_PROSE_PIECES = st.sampled_from(
    [*list(lexicon.PREFIX_OPS)[::2], *lexicon.SUFFIX_OPS, *sorted(UNITS)[::4], "万", "亿", "百", "千", "百万", "萬",
     "m", "mm", "km", "m2", "kg", "kWh", "/", " ", "5", "12", "12.5", "1,000", "1,0000", "2022", ",", ".", "x", "A",
     "开展", "培训", "次", "年", "月", "日", "号", "、", "，", "全天", "达到", "不", "大", "分比", "个月"]
)


@settings(max_examples=400)
@given(st.lists(_PROSE_PIECES, max_size=10).map("".join))
def test_hand_scanner_finds_what_the_regex_finds(s: str) -> None:
    from grammar import text

    expected = [
        (m.start(), m.end(), m.group("op"), m.group("number"), m.group("mag"), m.group("unit"), m.end("unit"),
         m.group("per"), m.group("suffix"))
        for m in text._scanner().finditer(s)
    ]
    assert [tuple(m) for m in text._scan(s)] == expected, s


def test_hand_scanner_premises() -> None:
    """What lets grammar.text._match_at skip backtracking (see its docstring)."""
    from grammar.units import MAGNITUDE_SPELLINGS, SPELLINGS

    for op in lexicon.PREFIX_OPS:
        assert not any(c.isdigit() or c.isspace() for c in op), op
    for word in (*SPELLINGS, *MAGNITUDE_SPELLINGS):
        assert word[0] not in "0123456789.,/ ", word
