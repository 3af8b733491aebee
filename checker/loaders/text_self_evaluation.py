"""A 绩效自评表's indicator table in the extracted-text layout.

The text layout's ``TableParser`` reads a row by what its cells say: labels, then a 三级 name and
a value. A self-evaluation prints more columns to the right of the value (实际完成值, 分值, 得分,
偏差原因分析及改进措施) whose cells say nothing a reader could tell apart by meaning ("20", "100%",
"无"), so ``ScoredTableParser`` takes them by the header's column instead: from the first such
column on, a cell goes under the nearest header cell at or left of it (a 年度指标值 printed after
分值 stays the value), and a scored column's cell reaches the indicator as an extra column,
which ``SelfEvaluationPart.complete`` turns into its evaluation (as for every document format). The 总分 row and a 说明 note under the table go to the part, never become rows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

import attrs

from checker.loaders import issues as ids
from checker.loaders.cells import Cell
from checker.loaders.grid import GridCell
from checker.loaders.self_evaluation_grid import SelfEvaluationPart, evaluation_role
from checker.loaders.text_table import TableParser
from grammar.folding import squash
from policy.forms.model import LoadIssue, Location


# What every header naming a self-evaluation column holds (``evaluation_role``'s words).
_SCORED_WORDS = re.compile(r"原\s*因|偏\s*差|改\s*进|得\s*分|分\s*值|权\s*重|实\s*际|完\s*成\s*值")


def may_score(header: Sequence[Cell]) -> bool:
    """Whether a header row may name a self-evaluation column: one search over its text, so a
    target form's header is not split into roles."""
    return _SCORED_WORDS.search("".join([c.text for c in header])) is not None


def scored_columns(header: Sequence[Cell]) -> list[tuple[int, str]]:
    """(index, header text) of the header cells that name a self-evaluation column."""
    return [(c.index, c.text) for c in header if evaluation_role(c.text) is not None]


class ScoredTableParser(TableParser):
    """A text table whose self-evaluation columns are read by position, the rest by meaning."""

    def __init__(
        self,
        path: str,
        header: Sequence[Cell],
        report: Callable[[LoadIssue], None],
        max_indicators: int,
        part: SelfEvaluationPart,
    ):
        self.part = part
        self.starts: list[int] = []  # where each header cell from the first scored one on starts
        self.scored: list[str | None] = []  # its header text when it is a scored column, else None
        super().__init__(path, header, report, max_indicators)

    def read_header(self, header: Sequence[Cell]) -> None:
        super().read_header(header)
        self.header_columns = frozenset(c.index for c in header)
        self.c3 = next((c.index for c in header if squash(c.text) == "三级指标"), None)
        scored = {index for index, _ in scored_columns(header)}
        if not scored:
            return  # a repeated header without them keeps the columns read
        first = min(scored)
        right = [c for c in header if c.index >= first]
        self.starts = [c.index for c in right]
        self.scored = [c.text if c.index in scored else None for c in right]

    def feed(self, line: int, cells: Sequence[Cell]) -> None:
        if line == self.header_line or not cells:
            super().feed(line, cells)
            return
        if self.part.total_cells([self._placed(line, c) for c in cells]):
            return
        rest, extra, spare = self._split(cells)
        before = len(self.indicators)
        if not self._read_by_column(line, rest):
            super().feed(line, rest)
        for cell in spare:
            self.report(ids.cell_warning(ids.UNPLACED_CELL, Location(self.path, line, cell.column), text=cell.text))
        if not extra:
            return
        if len(self.indicators) == before:  # a row of scores only: nothing to give them to
            for cell in extra.values():
                self.report(ids.cell_warning(ids.UNPLACED_CELL, Location(self.path, line, cell.column), text=cell.text))
            return
        indicator = self.indicators[before]
        self.indicators[before] = attrs.evolve(
            indicator, extra={**indicator.extra, **{header: cell.text for header, cell in extra.items()}}
        )

    def _read_by_column(self, line: int, cells: list[Cell]) -> bool:
        """A row whose cells all stand under header cells is read by column, as a document's is: the
        一级 and 二级 columns are labels whatever they say ("项目决策", "履职效能"), the 三级 column a
        name even when it reads like a label ("成本"), the next cell its value. A row whose cells
        drifted off the header's columns is left to the reading by meaning (False)."""
        c3 = self.c3
        if c3 is None or not cells or any(c.index not in self.header_columns for c in cells):
            return False
        labels = [c for c in cells if c.index < c3]
        if any(c.index not in (self.c1, self.c2a) for c in labels):
            return False
        self.rows_seen += 1
        for cell in labels:
            if cell.index == self.c1:
                self.level1, self.level2 = cell.text, None
            else:
                self.level2 = cell.text
        body = [c for c in cells if c.index >= c3]
        if body:
            self._emit(line, body, self.periods["right"])
        return True

    def _split(self, cells: Sequence[Cell]) -> tuple[list[Cell], dict[str, Cell], list[Cell]]:
        """(the cells read by meaning, {header: cell} of the scored columns, the cells of a scored
        column that already has one). A cell belongs to the nearest header cell at or left of it."""
        starts = self.starts
        if not starts:
            return list(cells), {}, []
        rest: list[Cell] = []
        extra: dict[str, Cell] = {}
        spare: list[Cell] = []
        for cell in cells:
            at = bisect.bisect_right(starts, cell.index) - 1
            header = self.scored[at] if at >= 0 else None
            if header is None:
                rest.append(cell)
            elif header in extra:
                spare.append(cell)
            else:
                extra[header] = cell
        return rest, extra, spare

    def _placed(self, line: int, cell: Cell) -> GridCell:
        return GridCell(cell.text, line, cell.index, Location(self.path, line, cell.column))
