"""The form facts (policy/forms/facts.py) each rule reads must equal what the general helpers
compute from the form itself, for any rows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policy.forms.canonical import form_from_mapping
from grammar.folding import fold, is_placeholder
from policy.forms.facts import FormFacts, row_order
from policy.authoring.rows import (
    contains_any,
    has_name,
    has_value,
    is_cost_row,
    is_filled,
    level1_of,
    name_key,
    name_parts,
)
from policy.authoring.names import same_name_pairs
from policy.authoring.values import (
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
    f = FormFacts(form)
    assert [r.ind for r in f.rows] == list(form.indicators)
    for r, ind in zip(f.rows, form.indicators):
        assert r.ind is ind and r.period == ind.period
        assert (r.name, r.text) == (fold(ind.name), fold(ind.value_text))
        assert (r.has_name, r.has_value, r.filled) == (has_name(ind), has_value(ind), is_filled(ind))
        assert (r.level1, r.level2) == (ind.level1, ind.level2)
        assert r.level1_of == level1_of(ind)
        assert r.text_is_placeholder == is_placeholder(fold(ind.value_text))
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
    f = FormFacts(form)
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
    got = list(same_name_pairs(FormFacts(form), min_part_chars, whole_only, suffix))
    assert got == _reference_pairs(form, min_part_chars, whole_only, suffix)
    # asked again (another rule): the same answer
    assert list(same_name_pairs(FormFacts(form), min_part_chars, whole_only, suffix)) == got


def _plain_contains_any(text, words):
    folded = fold(text)
    return next((w for w in words if fold(w) in folded), None)


def _plain_placeholder(text, words):
    folded = fold(text)
    if not folded:
        return False
    marks = "-_*＊—－–~～/／\\.。·…xX×✕?？"
    return folded in {fold(w) for w in words} or all(ch in marks for ch in folded)


@given(st.sampled_from(NAMES + VALUES), st.lists(st.sampled_from(["满意", "滿意", "率", "X", "无", "人次", "（"]),
                                                   max_size=4))
def test_memoised_word_tests_equal_the_plain_ones(text, words):
    for arg in (tuple(words), list(words)):
        assert contains_any(text, arg) == _plain_contains_any(text, words)
        assert is_placeholder(fold(text), tuple(arg)) == _plain_placeholder(text, words)


def _plain_dimension_for_name(name, table):
    from policy.authoring.values import name_head

    head = name_head(name)
    folded = {}
    for word in table:
        key = fold(word)
        if key and len(key) > len(fold(folded.get(key, ""))):
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


def test_lazy_pattern_behaves_like_the_compiled_pattern():
    import re

    from policy.authoring.patterns import LazyPattern

    source = r"[。.，,；;：:、]+$"
    lazy, compiled = LazyPattern(source), re.compile(source)
    for text in ("培训人次。", "培训人次", "", "a、b，"):
        assert lazy.sub("", text) == compiled.sub("", text)
        assert bool(lazy.search(text)) == bool(compiled.search(text))
    assert lazy.pattern == source
    assert "sub" in vars(lazy)  # compiled once: the method is kept on the instance


def _plain_promises(text, counters, approx):
    """promises() as written before: each approximate word tested on its own."""
    import unicodedata

    from grammar import parse_value
    from policy.authoring.consistency import _CLAUSE_BREAK, _promise_pattern

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
    from policy.authoring.consistency import DEFAULT_COUNTERS, promises

    text = "".join(parts)
    got = [(p.fragment, p.number, p.unit)
           for p in promises(text, DEFAULT_COUNTERS, tuple(approx), parse_value)]
    assert got == _plain_promises(text, DEFAULT_COUNTERS, tuple(approx))
