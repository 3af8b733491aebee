"""A blank label at the top of a continued table with no label above it — the page broke right
under the table's first header — has nothing to go on from: it is a block whose label comes
further on (printed after the break, here after the next table's header), as at a table's foot.
Seed-7 Writer form 152 read 简报印发数量 with no 一级/二级 at all."""

from __future__ import annotations

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.recovery import recover

_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值")


def _grid(name: str, page: int, rows: list[tuple[str, ...]], continues: bool = False) -> Grid:
    cells = tuple(GridCell(text, r, c, table_place("f.pdf", name, r, c))
                  for r, row in enumerate(rows) for c, text in enumerate(row))
    return Grid(name, cells, page=page, continues=continues)


def test_a_blank_label_right_under_the_first_header_takes_the_label_printed_after_the_break():
    grids = [
        _grid("page 1 table 1", 1, [("项目名称", "甲项目", "", "", ""), ("预算单位", "某局", "", "", "")]),
        _grid("page 1 table 2", 1, [_HEADER]),  # the page ends under the header
        _grid("page 2 table 1", 2, [("", "", "", "简报印发数量", "2229册")], continues=True),
        _grid("page 2 table 2", 2, [_HEADER, ("", "产出指标", "数量指标", "面积", "≥118平方米"),
                                    ("", "效益指标", "社会效益", "知晓率", "100%")]),
    ]
    form = recover(grids, "f.pdf", DEFAULT_LIMITS).forms[0]
    levels = [(i.level1_text, i.level2_text, i.name) for i in form.indicators]
    assert levels == [("产出指标", "数量指标", "简报印发数量"), ("产出指标", "数量指标", "面积"),
                      ("效益指标", "社会效益", "知晓率")]
