"""The shared form facts (policy/rules/_facts.py) are a fast path: each fact must equal what
the general helpers compute from the form itself, for any rows, and the per-form cache must
never hand one form's facts to another."""

from __future__ import annotations

import gc

from hypothesis import given
from hypothesis import strategies as st

from checker.loaders.canonical import form_from_mapping
from policy.rules import _facts
from policy.rules._facts import facts
from policy.rules._structure import (
    clean,
    contains_any,
    has_name,
    has_value,
    is_cost_row,
    is_filled,
    is_placeholder_text,
    level1_of,
    name_key,
    name_parts,
    row_order,
)
from policy.rules._structure_names import same_name_pairs
from policy.rules._value import (
    NAME_DIMENSIONS,
    dimension_for_name,
    dimension_of,
    is_measure,
    kind,
)

LEVEL1 = [None, "", "产出指标", "产出", "成本指标", "效益指标", "满意度指标", "項目完成指標", "其他", "一、产出指标"]
LEVEL2 = [None, "", "数量指标", "质量", "时效指标", "成本指标", "经济成本指标", "社会效益", "可持续影响",
          "服务对象满意度", "满意度", "生态环境成本", "未知二级"]
NAMES = [None, "", " ", "-", "XX", "无", "培训人次", "培训人次。", "培训 人次", "满意度", "学员满意度",
         "网络故障响应时间、系统故障响应时间", "系统故障响应时间", "办公楼、宿舍楼维修面积", "預計經費",
         "合格率", "受益人数（人）", "人均培训成本"]
VALUES = [None, "", " ", "≥90%", "100%", "≤1小时", "≤2小时", "300人次", "≥280人次", "≤15万元", "50万元",
          "10-20人", "2025年9月底前", "进一步提高", "**", "好", "12abc个", "120%", "-5%"]


def _row(draw_tuple):
    level1, level2, name, value, period, line = draw_tuple
    return {"level1": level1, "level2": level2, "name": name, "value": value, "period": period,
            "line": line}


rows = st.lists(
    st.tuples(st.sampled_from(LEVEL1), st.sampled_from(LEVEL2), st.sampled_from(NAMES),
              st.sampled_from(VALUES), st.sampled_from(["annual", "long_term"]),
              st.integers(min_value=1, max_value=12)).map(_row),
    max_size=12,
)


def _form(row_maps):
    indicators = []
    for r in row_maps:
        m = {k: r[k] for k in ("level1", "level2", "name", "value", "period", "line") if r[k] is not None}
        indicators.append(m)
    form = form_from_mapping({"name": "测试项目", "indicators": indicators}, index=0)
    return form


@given(rows)
def test_row_facts_equal_the_general_helpers(row_maps):
    form = _form(row_maps)
    f = facts(form)
    assert [r.ind for r in f.rows] == list(form.indicators)
    for r, ind in zip(f.rows, form.indicators):
        assert r.ind is ind and r.period == ind.period
        assert (r.name, r.text) == (clean(ind.name), clean(ind.value_text))
        assert (r.has_name, r.has_value, r.filled) == (has_name(ind), has_value(ind), is_filled(ind))
        assert (r.level1, r.level2) == (ind.level1, ind.level2)
        assert r.level1_of == level1_of(ind)
        assert r.text_is_placeholder == is_placeholder_text(ind.value_text, ())
        assert r.is_cost == is_cost_row(ind)
        assert (r.value, r.kind) == (ind.value, kind(ind.value))
        assert r.measure == is_measure(ind.value)
        assert r.dimension == dimension_of(ind.value)
        assert r.damage == getattr(ind.value, "error", None)
    assert [r.ind for r in f.measures] == [i for i in form.indicators if is_measure(i.value)]
    assert [r.ind for r in f.damaged] == [i for i in form.indicators if getattr(i.value, "error", None)]
    assert f.any_filled == any(is_filled(i) for i in form.indicators)
    assert f.periods == {i.period for i in form.indicators}


@given(rows, st.randoms(use_true_random=False), st.sampled_from(["increasing", "ties", "shuffled"]))
def test_row_order_and_periods_equal_a_plain_sort(row_maps, rnd, lines):
    if lines == "increasing":  # lines strictly increasing: the path that keeps the given order
        for i, r in enumerate(row_maps):
            r["line"] = 10 + 2 * i
    elif lines == "ties":  # lines in order but repeated: the content decides between equal lines
        for i, r in enumerate(row_maps):
            r["line"] = 10 + i // 3
    else:  # lines shuffled and repeated
        rnd.shuffle(row_maps)
    form = _form(row_maps)
    f = facts(form)
    assert [r.ind for r in f.ordered] == sorted(form.indicators, key=row_order)
    expected = []
    for period in ("annual", "long_term"):
        chosen = [i for i in sorted(form.indicators, key=row_order) if i.period == period and is_filled(i)]
        if chosen:
            expected.append((period, chosen))
    assert [(p, [r.ind for r in rs]) for p, rs in f.by_period] == expected


def _reference_pairs(form, min_part_chars, whole_only, min_shared_suffix):
    """same_name_pairs as it was written before the facts: every period, every row, no shortcut."""
    out = []
    for period in ("annual", "long_term"):
        rows_ = [i for i in sorted(form.indicators, key=row_order) if i.period == period and is_filled(i)]
        seen = {}
        for ind in rows_:
            keys = (name_key(ind.name),) if whole_only else name_parts(ind.name, min_part_chars, min_shared_suffix)
            paired = set()
            for key in keys:
                if not key:
                    continue
                for first in seen.get(key, ()):
                    if id(first) not in paired:
                        paired.add(id(first))
                        out.append((key, first, ind))
            for key in keys:
                if key:
                    seen.setdefault(key, []).append(ind)
    return out


@given(rows, st.integers(min_value=1, max_value=5), st.booleans(), st.integers(min_value=1, max_value=3))
def test_same_name_pairs_equal_the_unshortened_search(row_maps, min_part_chars, whole_only, suffix):
    form = _form(row_maps)
    got = list(same_name_pairs(form, min_part_chars, whole_only, suffix))
    assert got == _reference_pairs(form, min_part_chars, whole_only, suffix)
    # asked again (another rule): the same answer
    assert list(same_name_pairs(form, min_part_chars, whole_only, suffix)) == got


def _plain_contains_any(text, words):
    folded = clean(text)
    return next((w for w in words if clean(w) in folded), None)


def _plain_placeholder(text, words):
    from policy.rules._structure import PLACEHOLDER_CHARS

    folded = clean(text)
    if not folded:
        return False
    return folded in {clean(w) for w in words} or all(ch in PLACEHOLDER_CHARS for ch in folded)


@given(st.sampled_from(NAMES + VALUES), st.lists(st.sampled_from(["满意", "滿意", "率", "X", "无", "人次", "（"]),
                                                   max_size=4))
def test_memoised_word_tests_equal_the_plain_ones(text, words):
    for arg in (tuple(words), list(words)):
        assert contains_any(text, arg) == _plain_contains_any(text, words)
        assert is_placeholder_text(text, arg) == _plain_placeholder(text, words)


def _plain_dimension_for_name(name, table):
    from policy.rules._value import name_head

    head = name_head(name)
    folded = {}
    for word in table:
        key = clean(word)
        if key and len(key) > len(clean(folded.get(key, ""))):
            folded[key] = word
    for start in range(len(head)):
        word = folded.get(head[start:])
        if word is not None:
            return word, table[word]
    return None


@given(st.sampled_from(NAMES + ["受益人数占比", "补助资金按时发放", "响应时长（小时）", "人均经费"]))
def test_dimension_for_name_memo_equals_the_plain_lookup(name):
    table = {"时长": "time", "人数": "count", "占比": "percent", "经费": "money"}
    for t in (NAME_DIMENSIONS, table):
        assert dimension_for_name(name, t) == _plain_dimension_for_name(name, t)
        assert dimension_for_name(name, t) == _plain_dimension_for_name(name, t)  # memo hit


def test_each_form_gets_its_own_facts_and_they_go_with_it():
    a = _form([{"level1": "产出指标", "level2": "数量指标", "name": "甲", "value": "1个",
                "period": "annual", "line": 1}])
    b = _form([{"level1": "效益指标", "level2": "社会效益", "name": "乙", "value": "好",
                "period": "annual", "line": 1}])
    fa, fb = facts(a), facts(b)
    assert facts(a) is fa and fa is not fb
    assert [r.name for r in fa.rows] == ["甲"] and [r.name for r in fb.rows] == ["乙"]
    before = len(_facts._FACTS)
    del a, fa
    gc.collect()
    assert len(_facts._FACTS) == before - 1  # the entry went with its form
    assert [r.name for r in facts(b).rows] == ["乙"]


def test_lazy_pattern_behaves_like_the_compiled_pattern():
    import re

    from policy.rules._patterns import LazyPattern

    source = r"[。.，,；;：:、]+$"
    lazy, compiled = LazyPattern(source), re.compile(source)
    for text in ("培训人次。", "培训人次", "", "a、b，"):
        assert lazy.sub("", text) == compiled.sub("", text)
        assert bool(lazy.search(text)) == bool(compiled.search(text))
    assert lazy.pattern == source
    assert "sub" in vars(lazy)  # compiled once: the method is kept on the instance


def test_a_form_like_object_without_weak_references_still_gets_its_facts():
    form = _form([{"level1": "产出指标", "level2": "数量指标", "name": "甲", "value": "1个",
                   "period": "annual", "line": 1}])

    class Plain:  # no __weakref__ slot, like a caller's own frozen stand-in for Form
        __slots__ = ("indicators",)

        def __init__(self, indicators):
            self.indicators = indicators

    plain = Plain(form.indicators)
    assert [r.name for r in facts(plain).rows] == ["甲"]


def _plain_promises(text, counters, approx):
    """promises() as written before: each approximate word tested on its own."""
    import unicodedata

    from grammar import parse_value
    from policy.rules._consistency import _CLAUSE_BREAK, _promise_pattern

    norm = unicodedata.normalize("NFKC", text)
    out = []
    for m in _promise_pattern(tuple(counters)).finditer(norm):
        if m.group("approx") or (m.start() > 0 and (norm[m.start() - 1].isdigit()
                                                     or norm[m.start() - 1] in "./-")):
            continue
        clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(norm, 0, m.start())), default=0)
        before, after = norm[clause_start:m.start()], norm[m.end():m.end() + 3]
        if any(w in before for w in approx) or any(after.startswith(w) for w in approx):
            continue
        value = parse_value(m.group(0))
        if value.kind != "quantity" or value.error is not None or value.per is not None or value.base_unit is None:
            continue
        out.append((m.group(0), value.base_value, value.base_unit))
    return out


@given(st.lists(st.sampled_from(["全年", "开展", "培训", "约", "余", "共", "其中", "左右", "以上", "(", "*",
                                 "16期", "20次", "150余次", "1.2万人次", "3个", "，", "。", "每月", "第"]),
                max_size=12),
       st.lists(st.sampled_from(["余", "约", "左右", "以上", "其中", "每", "第", "*", "("]), max_size=4))
def test_goal_promises_equal_the_word_by_word_reading(parts, approx):
    from grammar import parse_value
    from policy.rules._consistency import DEFAULT_COUNTERS, promises

    text = "".join(parts)
    got = [(p.fragment, p.number, p.unit)
           for p in promises(text, DEFAULT_COUNTERS, tuple(approx), parse_value)]
    assert got == _plain_promises(text, DEFAULT_COUNTERS, tuple(approx))


_NFKC_ALPHABET = st.sampled_from(
    list("培训人次，；：！？（）１２３ＡＢａｂ＊＊　 。、abcAB12.%％") +
    ["\u0301", "\u0308", "\u3099", "\uff76", "\uff9e", "\u2460", "\u00b2", "\u338f", "\u216b",
     "\ufb01", "\u1100", "\u1161", "\uac00", "\u212b", "\u00c5", "A\u030a", "\ufa10", "\u2f00"]
)


@given(st.one_of(st.lists(_NFKC_ALPHABET, max_size=20).map("".join), st.text(max_size=20)))
def test_fast_nfkc_equals_the_normaliser(text):
    import unicodedata

    from policy.rules._patterns import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)
