"""Property: a form printed in the extracted-text layout with the seed's damage (drifting
columns, repeated labels, blank cells, split labels, misplaced 一级 labels) reads back as the
same form. The drawn forms are canonical mappings; the renderer is ``layout_render``."""

from __future__ import annotations

from itertools import zip_longest

from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_bytes
from policy.forms.canonical import form_from_mapping, form_to_mapping
from checker.loaders.text_table import looks_like_value
from loaders.layout_render import BASIS_OPTIONS, TITLE, render_file

NAMES = ("值班覆盖情况", "突发事件及时处置率", "处置突发事件时效", "主页社会点击", "出版物合法性",
         "专项督查督办次数", "调研成果运用", "群众满意度", "社会关注度", "开展调研工作差旅费",
         "网络、系统软件正常运行率", "对巴中营商环境认可度")
# Names that are label words: a name column may hold its own 二级 ("满意度" under 服务对象满意度,
# as real forms print it). A label word naming another 二级 on a row of its own is ambiguous (it
# may open that 二级 with no name) and is tested on its own in test_loader_text_layout.py; one
# beside prose is a 二级 and its name, so label names are drawn with values the grammar reads.
LABEL_NAMES = {"服务对象满意度": ("满意度", "服务对象满意度"), "社会效益": ("社会效益",),
               "质量指标": ("质量指标",), "经济效益": ("经济效益",)}
# Values that the grammar recognises on their own (a lone value cell must be read as a value).
VALUES = ("≥99%", "100%", "≤15万元", "12期", "≥35000次/天", "持续提升", "≤1小时", "1小时内",
          "2022年12月底前", "≥40次", "适时印发", "6000份（本）/年（次）", "≥**%")
# Any text is a value when it stands next to its name.
PAIRED_VALUES = VALUES + ("全天24小时，实行主岗副岗制度", "网站、电视、电台、新媒体等全媒体直播")
PAIRS = (
    ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
    ("产出指标", "成本指标"), ("成本指标", "成本指标"), ("效益指标", "经济效益"),
    ("效益指标", "社会效益"), ("效益指标", "生态效益"), ("效益指标", "可持续影响"),
    ("满意度指标", "服务对象满意度"),
)
WAN = st.integers(1, 999).map(lambda n: str(n * 10000))


def test_the_pools_are_what_the_grammar_says():
    assert not [n for n in NAMES if looks_like_value(n)]
    assert [v for v in VALUES if not looks_like_value(v)] == []


@st.composite
def rows(draw, level2):
    shape = draw(st.sampled_from(["both", "both", "both", "name", "value"]))
    names = NAMES + LABEL_NAMES.get(level2, ()) if shape == "both" else NAMES
    name = draw(st.sampled_from(names)) if shape != "value" else None
    value = None
    if shape == "both":
        value = draw(st.sampled_from(VALUES if name in LABEL_NAMES.get(level2, ()) else PAIRED_VALUES))
    elif shape == "value":
        value = draw(st.sampled_from(VALUES))
    return name, value


@st.composite
def forms(draw):
    pairs = draw(st.lists(st.sampled_from(range(len(PAIRS))), min_size=1, max_size=6, unique=True))
    indicators = []
    with_long_term = draw(st.booleans())  # the seed leaves the 中长期 group empty; others do not
    for i in sorted(pairs):
        level1, level2 = PAIRS[i]
        annual = draw(st.lists(rows(level2), min_size=1, max_size=3))
        long_term = draw(st.lists(rows(level2), max_size=2)) if with_long_term else []
        # The loader reads a row left to right: the 中长期 cell before the 年度 cell.
        for lt, an in zip_longest(long_term, annual):
            for row, period in ((lt, "long_term"), (an, "annual")):
                if row is not None:
                    indicators.append({"level1": level1, "level2": level2, "name": row[0],
                                       "value": row[1], "period": period})
    total = draw(WAN)
    return {
        "title": TITLE,
        "year": 2022,
        "name": draw(st.sampled_from(["市政府总值班室经费", "政务访谈经费（含市长访谈）", "应急指挥中心经费"])),
        "budget_unit": "巴中市人民政府办公室",
        "implementer": draw(st.sampled_from(["市府办 譙小涛", "市府办譙小涛"])),
        "declared_amount_unit": None,
        "attributes": {
            "kind": draw(st.sampled_from(["新增", "延续"])),
            "term": draw(st.sampled_from(["一次性", "经常性"])),
            "basis": draw(st.lists(st.sampled_from(BASIS_OPTIONS), unique=True).map(
                lambda xs: [b for b in BASIS_OPTIONS if b in xs])),
        },
        "funding": {
            "total": total,
            "fiscal": total,
            "other": draw(st.none() | WAN),
            "previous_years": draw(st.none() | WAN),
            "sources": {"合计": total, "一般公共预算收入": total},
        },
        "goals": {
            "annual": draw(st.sampled_from(["1.全天24小时值守；2.处置突发事件信息的上传下达。",
                                            "每月举办一期《政务访谈》，全年共16期。"])),
            "long_term_label": draw(st.sampled_from(["中长期目标（20**年 - 20**年）",
                                                     "中长期目标（20**年-20**年）"])),
        },
        "indicators": indicators,
    }


def _comparable(mapping: dict) -> dict:
    out = {k: v for k, v in mapping.items() if k not in ("path", "line", "sheet")}
    out["indicators"] = [
        {k: v for k, v in row.items() if k not in ("line", "column", "sheet", "cell", "level1_text", "level2_text")}
        for row in mapping["indicators"]
    ]
    return out


@given(st.lists(forms(), min_size=1, max_size=3), st.data(), st.sampled_from(["\n", "\r\n"]))
def test_drifted_layout_reads_back_the_same_forms(drawn, data, newline):
    text = render_file(drawn, lambda options: data.draw(st.sampled_from(list(options))), newline)
    document = load_bytes(text.encode("utf-8"), "drawn.txt")
    assert document.error is None
    got = [_comparable(form_to_mapping(f)) for f in document.forms]
    expected = [_comparable(form_to_mapping(form_from_mapping(m, index=i))) for i, m in enumerate(drawn)]
    assert got == expected, text
    assert [i for f in document.forms for i in f.issues] == []
