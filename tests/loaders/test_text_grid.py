"""The extracted-text layout read as one more grid source (issue 12 item 1, issue 13 items 1–2).

Where a text form starts and which lines are never indicators is decided by the one form
recovery; these tests hold the text grid's shortcut to recovery's full tests, and check that
page numbers, signature rows and a repeated title + header between the rows of a form change
nothing in what is read.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.loaders import load_bytes
from checker.loaders.cells import Cell, split_cells
from checker.loaders.recovery import _PLAIN_LINE, _full_text_facts, _text_facts
from checker.loaders.text_grid import glued_title
from checker.loaders.text_layout import has_text_layout
from policy.forms.canonical import form_to_mapping
from policy.forms.model import Location
from loaders.tests_paths import SEED

_SEED_LINES = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
_WORDS = [
    "项目名称", "项目 名称", "项目\u200b名称", "预算单位", "单位：万元", "（金额单位：万元）", "项目属性",
    "项目资金", "总体目标", "年度绩效指标", "中长期指标", "第 1 页，共 2 页", "- 3 -", "3", "12/30",
    "审核意见：", "填报人：张三", "2023年1月5日", "日期", "一级指标", "二级指标", "三级指标", "指标值",
    "2023年度项目支出绩效目标表", "产出指标", "数量指标", "≥95%", "培训人次", "资金到位率", "",
]
_LINES = st.sampled_from(_SEED_LINES) | st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map("\t".join)


@given(_LINES)
def test_the_plain_line_shortcut_misses_nothing(line):
    """A line the one search calls plain is one every full test calls plain."""
    cells = tuple(split_cells(line, 1000)[0])
    if not cells:
        return
    maybe_header = "级" in line
    if _text_facts(cells, line, maybe_header) is _PLAIN_LINE:
        assert _full_text_facts(cells, line, maybe_header) == _PLAIN_LINE


def _model(document) -> list:
    """What a form holds, without places (inserted lines move every line number below them)."""
    return [
        (
            form.name, form.title, form.year, form.budget_unit, form.funding.amount_unit,
            form.funding.total.yuan if form.funding.total else None,
            [(i.level1_text, i.level2_text, i.name, i.value_text, i.period) for i in form.indicators],
            sorted(i.message_id for i in form.issues),
        )
        for form in document.forms
    ]


def _table_spans(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first table row, end, the form's title) of each form's indicator table in the seed."""
    spans, title, start = [], "", None
    for n, line in enumerate(lines):
        if "绩效目标" in line and "\t" not in line.strip():
            if start is not None:
                spans.append((start, n, title))
            title, start = line.strip(), None
        elif line.startswith("绩效指标\t一级指标"):
            start = n + 1
    if start is not None:
        spans.append((start, len(lines), title))
    return spans


_SEED_TEXT = SEED.read_text(encoding="utf-8").splitlines()
_SPANS = _table_spans(_SEED_TEXT)
_HEADER = next(line for line in _SEED_TEXT if line.startswith("绩效指标\t一级指标"))
_NOISE = ["第 1 页，共 2 页", "- 2 -", "page 3 of 4", "审核意见：\t同意", "填报人：张三\t联系电话：12345678",
          "2023年1月5日", "repeat"]


@given(st.lists(st.tuples(st.integers(0, len(_SPANS) - 1), st.integers(0, 40), st.sampled_from(_NOISE)),
                min_size=1, max_size=6))
# A page number closing one form, and the next form's page broken between its project block and its
# table (title and header repeated before the header): found by this test once; a form was begun.
@example([(1, 28, "第 1 页，共 2 页"), (2, 0, "repeat")])
@example([(1, 28, "第 1 页，共 2 页"), (1, 28, "repeat"), (2, 0, "审核意见：\t同意")])
def test_stray_lines_inside_a_table_change_nothing(insertions):
    """Page numbers, signature/date rows and a page break's repeated title + header, put between
    the rows of any form's indicator table, leave every form as it was read without them."""
    lines = list(_SEED_TEXT)
    places = []
    for form, offset, noise in insertions:
        start, end, title = _SPANS[form]
        places.append((min(start + offset, end), [title, _HEADER] if noise == "repeat" else [noise]))
    # From the last place up, so that no insertion moves a place still to come (sorted by the
    # place itself: one clamped to its table's end once moved a later form's into its project block).
    for at, block in sorted(places, key=lambda place: -place[0]):
        lines[at:at] = block
    plain = load_bytes("\n".join(_SEED_TEXT).encode("utf-8"), "seed.txt")
    noisy = load_bytes("\n".join(lines).encode("utf-8"), "seed.txt")
    assert _model(noisy) == _model(plain)
    assert [i.message_id for i in noisy.issues] == [i.message_id for i in plain.issues]


def test_detection_sees_a_label_behind_an_invisible_character():
    assert has_text_layout(["项目\u200b名称\t甲项目"])
    assert not has_text_layout(["名称\t甲项目", "说明"])


def test_a_title_line_unit_reaches_the_amounts():
    text = "2023年度项目支出绩效目标表（金额单位：万元）\n项目名称\t甲\n项目资金\t年度资金总额：\t15\n"
    form = load_bytes(text.encode("utf-8"), "a.txt").forms[0]
    assert form.funding.amount_unit == "万元"
    assert form.funding.total.yuan == 150000


def test_a_title_without_a_name_row_is_still_a_form():
    """Forms printed without a 项目名称 row start at their title, as before recovery read text."""
    text = "2023年度项目支出绩效目标表\n预算单位\t某局\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n" \
           "\t产出指标\t数量指标\t培训人次\t≥280人次\n2024年度项目支出绩效目标表\n预算单位\t某局\n"
    document = load_bytes(text.encode("utf-8"), "a.txt")
    assert [f.budget_unit for f in document.forms] == ["某局", "某局"]
    assert [i.name for i in document.forms[0].indicators] == ["培训人次"]
    assert [f.year for f in document.forms] == [2023, 2024]


def test_a_label_with_an_invisible_character_is_still_the_label():
    text = "2023年度项目支出绩效目标表\n项目名称\t甲\n预算\u200b单位\t某局\n"
    form = load_bytes(text.encode("utf-8"), "a.txt").forms[0]
    assert form.budget_unit == "某局"
    assert form.budget_unit_location.line == 3 and form.budget_unit_location.column == 7  # 预算, ZWSP, 单位, TAB
    assert not form.issues or [i.message_id for i in form.issues] == ["E103"]


def _selfeval_text() -> str:
    from bench.corpusgen.documents import to_text
    from bench.corpusgen.self_evaluation_layout import selfeval_tables
    from selfeval.test_selfeval_dump import _first, _form

    return to_text([_form()], _first, layout=selfeval_tables).decode("utf-8")


def test_a_self_evaluation_in_text_reads_its_scores():
    """A 绩效自评表 printed as text reads its 项目资金 rows, 实际完成情况, 一级 weights, 总分 and
    each indicator's 实际完成值/分值/得分/偏差原因, with nothing left unplaced and no 总分 row
    read as an indicator."""
    from selfeval.test_selfeval_dump import _form

    text = _selfeval_text()
    document = load_bytes(text.encode("utf-8"), "form.txt")
    (form,) = document.forms
    assert form.issues == ()
    got = form_to_mapping(form)
    assert got["kind"] == "self_evaluation"
    assert [r["row"] for r in got["execution"]] == ["年度资金总额", "其中：财政拨款", "其他资金"]
    assert got["execution"][0]["spent"] == "480000" and got["execution"][0]["score"] == "9.6"
    assert got["level1_weights"] == {"产出指标": "50", "效益指标": "30", "满意度指标": "10"}
    assert got["total_score"] == "93.6"
    want = _form()["indicators"]
    keys = ("name", "target", "actual", "weight", "score", "deviation")
    assert [[r.get(k) for k in keys] for r in got["indicators"]] == [[r.get(k) for k in keys] for r in want]
    header_line = text.split("\n").index(next(l for l in text.split("\n") if l.startswith("一级指标"))) + 1
    assert got["indicators"][0]["line"] == header_line + 1


def test_a_text_target_form_with_a_weight_column_stays_a_target_form():
    """权重 alone is a target form's column: no self-evaluation is made of it."""
    text = ("2023年度项目支出绩效目标表\n项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\t权重\n"
            "产出指标\t数量指标\t培训人次\t≥280人次\t20\n")
    (form,) = load_bytes(text.encode("utf-8"), "a.txt").forms
    assert form.kind != "self_evaluation"
    assert [i.name for i in form.indicators] == ["培训人次"]


def test_a_target_form_in_text_stays_a_target_form():
    document = load_bytes(SEED.read_bytes(), SEED.name)
    assert document.forms and all(f.kind != "self_evaluation" for f in document.forms)


_GLUED = [
    "2023年度项目支出绩效目标表", "项目名称\t甲项目", "项目资金\t年度资金总额：\t10万元",
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
    "\t产出指标\t数量指标\t培训人次\t≥280人次",
    "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%{title}",
    "项目名称\t乙项目", "项目资金\t年度资金总额：\t20万元",
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
    "\t产出指标\t数量指标\t印发手册\t6000份",
]


@pytest.mark.parametrize("title", ["2024年度项目支出绩效目标表", "某县2024年度项目支出绩效目标表（批复）"])
def test_a_title_glued_onto_the_last_row_starts_the_next_form(title):
    """The line break before a form's title was lost: the row keeps its value, and the title (with
    its year) goes to the form below, placed at the column where it starts."""
    lines = [line.format(title=title) for line in _GLUED]
    document = load_bytes("\n".join(lines).encode("utf-8"), "glued.txt")
    first, second = (form_to_mapping(f) for f in document.forms)
    assert first["indicators"][-1]["value"] == "≥90%"
    assert (second["title"], second["year"], second["name"]) == (title, 2024, "乙项目")
    glued_line = lines[5]
    assert document.forms[1].location == Location("glued.txt", 6, len(glued_line) - len(title) + 1)


@pytest.mark.parametrize("cells", [
    ("培训内容", "详见2023年度项目支出绩效目标表"),  # prose naming a form: no value before it
    ("2023年度项目支出绩效目标表", "（2023年度）"),  # a title line with one more cell
    ("依据", "≥90%2023年度项目支出绩效目标"),  # no 表: not a title
])
def test_text_that_only_mentions_a_form_title_is_not_split(cells):
    assert glued_title(tuple(Cell(t, i, 1 + 10 * i) for i, t in enumerate(cells))) is None
