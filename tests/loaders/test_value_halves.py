"""A page break between two rows is told from one inside a row by what the 指标值 column holds on
either side of it: two complete values that read as no value together are two rows' values; a
value the page split ("≤259.2万" / "元") is one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.value_halves import Reading, is_complete, reading, two_values, value_spans, weigh_under
from grammar import parse_value

# A value cell's text on either side of a break in rows the page really broke (Writer wraps a
# cell where a line is full, wherever that falls in the value).
SPLIT_VALUES = [("≤259.2万", "元"), ("6000份（本）/年", "（次）"), ("≥3500", "0次/天"), ("2022年12月", "底前"),
                ("2023年", "9月底前"), ("≥95", "%"), ("≥95%", "以上"), ("≤5", "个工作日"), ("每季度", "1次")]
# A whole row's value at a page's foot and the next row's value.
TWO_ROWS = [("2023年9月底前", "100%"), ("≥90%", "≥95%"), ("≤5个工作日", "≥1次/年"), ("100%", "2023年12月31日前"),
            ("≤259.2万元", "≥98%")]


def test_a_value_the_page_split_is_one_value():
    assert [two_values(a, b) for a, b in SPLIT_VALUES] == [False] * len(SPLIT_VALUES)


def test_two_complete_values_that_read_as_none_together_are_two_rows():
    assert [two_values(a, b) for a, b in TWO_ROWS] == [True] * len(TWO_ROWS)


def test_qualitative_values_and_bare_numbers_say_nothing():
    # A phrase may go on anywhere; a number without its unit, or with a magnitude only, may be
    # the first part of one value.
    assert not two_values("按时完成", "有效提升")
    assert not two_values("100%", "有效提升") and not two_values("有效提升", "100%")
    assert not two_values("100", "95%") and not two_values("≤259.2万", "≥95%")
    assert not two_values("≥95%；", "≥98%")  # a list of values goes on after its separator
    assert [is_complete(t) for t in ("≥95%", "2023年9月底前", "3~5天", "每季度", "100", "≤259.2万", "元", "")] \
        == [True, True, True, True, False, False, False, False]


_OPS = st.sampled_from(["", "≥", "≤", "＜", "＞", "="])
_UNITS = st.sampled_from(["%", "万元", "元", "次/天", "个工作日", "人次", "份（本）/年（次）", "天", "分"])
_NUMBERS = st.integers(0, 10**6).map(str) | st.decimals(0, 1000, places=2).map(str)
_DATES = st.builds(lambda y, m, word: f"{y}年{m}月{word}", st.integers(2000, 2099), st.integers(1, 12),
                   st.sampled_from(["底前", "前", "", "底"]))
_VALUES = st.builds(lambda op, n, unit: f"{op}{n}{unit}", _OPS, _NUMBERS, _UNITS) | _DATES


@given(value=_VALUES, data=st.data())
def test_no_split_of_one_value_reads_as_two_rows(value, data):
    # Whatever the grammar reads as one value, cut anywhere, is one row's value: a right join
    # is never refused for it.
    cut = data.draw(st.integers(1, max(len(value) - 1, 1)))
    assert parse_value(value).kind != "text"
    assert not two_values(value[:cut], value[cut:])


@given(first=_VALUES, second=_VALUES)
def test_two_values_that_join_into_no_value_are_two_rows(first, second):
    if is_complete(first) and is_complete(second) and parse_value(first + second).kind == "text":
        assert two_values(first, second)
    else:
        assert not two_values(first, second)


def _grid(name: str, rows: list[list[str]]) -> Grid:
    return Grid(name, tuple(GridCell(text, r, c, table_place("f.pdf", name, r, c))
                            for r, row in enumerate(rows) for c, text in enumerate(row)))


HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]


def test_the_value_column_is_the_one_the_last_header_names():
    table = _grid("page 1 table 1", [["项目名称", "某经费", "", ""], HEADER, ["产出指标", "数量指标", "巡查次数", "≥4次"]])
    continued = _grid("page 2 table 1", [["效益指标", "社会效益", "巡查按时完成率", "100%"]])
    assert value_spans([table, continued]) == [range(3, 4)]
    # A header with the value left of the names (any column order) and one over two groups.
    swapped = _grid("t", [["一级指标", "二级指标", "指标值", "三级指标"]])
    assert value_spans([table, swapped]) == [range(2, 3)]
    assert value_spans([continued]) == []
    # The next form's project block, at a page's foot, is under no header yet.
    block = _grid("page 3 table 1", [["项目名称", "某经费", "", ""], ["实施单位", "某单位", "2023年9月底前", ""]])
    assert value_spans([table, continued, block]) == []
    title = Grid("page 3", (GridCell("2023年项目支出绩效目标表", 0, 0, table_place("f.pdf", "page 3", 0, 0)),), "prose")
    assert value_spans([table, continued, title]) == []
    # Also where a page's one borderless grid holds both the form's rows and the next one's block.
    page = _grid("page 3 table 1", [["效益指标", "社会效益", "巡查按时完成率", "100%"], ["项目名称", "某经费", "", ""],
                                    ["实施单位", "某单位", "2023年9月底前", ""]])
    assert value_spans([table, page]) == []


def test_a_join_is_two_rows_only_where_the_value_column_holds_two_values():
    table = _grid("page 1 table 1", [HEADER, ["产出指标", "时效指标", "巡查完成时间", "2023年9月底前"]])
    weigh = weigh_under(lambda: [table])
    assert weigh({2: "巡查完成时间", 3: "2023年9月底前"}, {2: "巡查按时完成率", 3: "100%"}) is Reading.TWO_ROWS
    assert weigh({2: "巡查完成时间", 3: "≤259.2万"}, {2: "率", 3: "元"}) is Reading.ONE_VALUE
    assert weigh({2: "巡查", 3: "全天24小时，实行主"}, {2: "完成", 3: "岗副岗制度"}) is Reading.UNSURE
    # The same texts in the name column say nothing: only the header's value column is weighed,
    # and a value column blank on either side says nothing either.
    assert weigh({2: "2023年9月底前", 3: "按时"}, {2: "100%"}) is None
    assert weigh_under(lambda: [])({3: "2023年9月底前"}, {3: "100%"}) is None  # no header, no test


def test_what_the_value_halves_read_as():
    assert reading("2023年9月底前", "100%") is Reading.TWO_ROWS
    assert reading("2022年12月底", "前") is Reading.ONE_VALUE
    assert reading("按时完成", "有效提升") is Reading.UNSURE
    assert reading("100%", "有效提升") is Reading.UNSURE  # a phrase may follow a number in one cell
    assert reading("100%", " ") is None and reading("", "100%") is None


def test_a_value_over_several_columns_and_two_groups_are_each_weighed():
    # 指标值 printed over three cells (operator | number | unit), and two groups side by side
    # (中长期 | 年度): any group's value that says two rows does; else any unsure says unsure.
    header = Grid("t", (GridCell("一级指标", 0, 0, table_place("f.pdf", "t", 0, 0)),
                        GridCell("三级指标", 0, 1, table_place("f.pdf", "t", 0, 1)),
                        GridCell("指标值", 0, 2, table_place("f.pdf", "t", 0, 2), colspan=3)))
    assert value_spans([header]) == [range(2, 5)]
    weigh = weigh_under(lambda: [header])
    assert weigh({2: "≥", 3: "90", 4: "%"}, {2: "≥", 3: "95", 4: "%"}) is Reading.TWO_ROWS
    groups = _grid("t", [["一级指标", "二级指标", "三级指标", "中长期指标值", "二级指标", "三级指标", "年度指标值"]])
    assert value_spans([groups]) == [range(3, 4), range(6, 7)]
    weigh = weigh_under(lambda: [groups])
    assert weigh({3: "提升服务", 6: "2023年9月底前"}, {3: "水平", 6: "100%"}) is Reading.TWO_ROWS
    assert weigh({3: "提升服务", 6: "2023年9月"}, {3: "水平", 6: "底前"}) is Reading.UNSURE
    assert weigh({3: "≤15万", 6: "2023年9月"}, {3: "元", 6: "底前"}) is Reading.ONE_VALUE
