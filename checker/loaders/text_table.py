"""The 绩效指标 table of the extracted-text layout.

Cells drift between columns from row to row, labels repeat in both column groups and 一级 labels
land in odd places, so rows are read by what their cells say: 一级 and 二级 labels (via
``policy.forms.hierarchy``) set the current context, the rest are 三级 names and values. Which column
group (中长期 or 年度) a cell belongs to comes from the row's repeated 二级 label when there is
one, else from its position against the header's second 二级 column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from policy.forms.hierarchy import canonical_level1, canonical_level2
from checker.loaders import issues as ids
from checker.loaders.cells import Cell
from grammar.folding import squash
from policy.forms.model import (
    ANNUAL,
    LONG_TERM,
    Indicator,
    LoadIssue,
    Location,
)
from grammar import parse_value

HEADER_WORDS = ("绩效指标", "一级指标", "二级指标", "三级指标", "中长期指标", "年度指标")
CACHED_LENGTH = 256  # longer cells (prose) are classified without keeping them in a cache
_VALUE_DAMAGE = frozenset(
    {"placeholder", "missing-number", "letter-in-number", "bad-number", "unknown-unit"}
)


def is_table_header(cells: Sequence[Cell]) -> bool:
    words = [squash(c.text) for c in cells]
    return "一级指标" in words and ("二级指标" in words or "三级指标" in words)


def _is_header_word(sq: str) -> bool:
    return sq in HEADER_WORDS or sq.startswith("指标值") or sq in ("年度指标值", "中长期指标值")


_PLAIN = (None, None)


# Labels repeat on every row and form, names and values often do: the cache buys 2.5% of the
# per-form work (callgrind, 300 text forms; share of the per-form work, i.e. the run less its ~700 M start-up).
@lru_cache(maxsize=8192)
def cell_kind(text: str) -> tuple[str | None, str | None] | None:
    """What a table cell says: None for a header word (一级指标, 指标值…), else its canonical
    (一级, 二级) names, ``(None, None)`` for a 三级 name or a value. One lookup per cell."""
    sq = squash(text)
    if _is_header_word(sq):
        return None
    kind = (canonical_level1(sq), canonical_level2(sq))
    return _PLAIN if kind == _PLAIN else kind


def looks_like_value(text: str) -> bool:
    """Whether a lone cell is an 指标值 rather than a 三级 name, by the value grammar: a quantity,
    range or date, a known grade or vague phrase, or a damaged value (``≥**%``)."""
    value = parse_value(text)
    if value is None:
        return False
    error = getattr(value, "error", None)
    if error is not None:
        return getattr(error, "code", None) in _VALUE_DAMAGE
    kind = getattr(value, "kind", None)
    if kind in ("quantity", "range", "date"):
        return True
    if getattr(value, "grade", None):
        return True
    # A vague phrase inside a noun ("会议召开的及时性") is a name; a value opens with it
    # ("适时印发", "不断增强…").
    vague = getattr(value, "vague", None)
    return bool(vague) and text.strip().startswith(vague)


class TableParser:
    """Turns the rows below the 绩效指标 header into Indicators."""

    def __init__(
        self,
        path: str,
        header: Sequence[Cell],
        report: Callable[[LoadIssue], None],
        max_indicators: int,
    ):
        self.path = path
        self.report = report
        self.max_indicators = max_indicators
        self.indicators: list[Indicator] = []
        self.level1: str | None = None
        self.level2: str | None = None
        self._last_group: str | None = None
        self._overflow = False
        self.read_header(header)
        self.header_line: int | None = None
        self.rows_seen = 0

    def read_header(self, header: Sequence[Cell]) -> None:
        """The columns and periods a header row gives; again at a header repeated further down
        (a page break, or a 年度 table under a 中长期 one), keeping the labels in force."""
        words = [(squash(c.text), c.index) for c in header]
        self.c1 = next((i for w, i in words if w == "一级指标"), 1)
        level2_cols = [i for w, i in words if w == "二级指标"]
        self.c2a = level2_cols[0] if level2_cols else self.c1 + 1
        self.boundary = level2_cols[1] if len(level2_cols) >= 2 else None
        self.name_cols = frozenset(i for w, i in words if w == "三级指标")
        self.value_cols = frozenset(i for w, i in words if w.startswith(("指标值", "年度指标值", "中长期指标值")))
        header_text = "".join(w for w, _ in words)
        if self.boundary is not None:
            self.periods = {"left": LONG_TERM, "right": ANNUAL}
        elif "中长期" in header_text and "年度" not in header_text:
            self.periods = {"left": LONG_TERM, "right": LONG_TERM}
        else:
            self.periods = {"left": ANNUAL, "right": ANNUAL}

    def use_period(self, period: str) -> None:
        """A period heading (年度绩效指标) over a table of one column group names its period."""
        if self.boundary is None:
            self.periods = {"left": period, "right": period}

    def feed_header(self, line: int, cells: Sequence[Cell]) -> None:
        """The header row itself may carry a 一级 label (seed form 7: 绩效指标 | 产出指标 | 一级指标)."""
        self.header_line = line
        # Other header cells (权重, 备注 …) are column titles, not indicators.
        self.feed(line, [c for c in cells if canonical_level1(squash(c.text))])

    def feed(self, line: int, cells: Sequence[Cell]) -> None:
        if line != self.header_line:
            self.rows_seen += 1
        leftovers: list[Cell] = []
        level2_cells: list[Cell] = []
        row_has_level1 = False
        kinds = [cell_kind(c.text) if len(c.text) <= CACHED_LENGTH else cell_kind.__wrapped__(c.text)
                 for c in cells]
        for position, cell in enumerate(cells):
            text = cell.text
            kind = kinds[position]
            if kind is _PLAIN:
                leftovers.append(cell)
                continue
            if kind is None:  # a header word
                continue
            if self._is_name(cells, kinds, position, level2_cells):
                leftovers.append(cell)  # "满意度 | ≥90%" in the name column: a 三级 name
                continue
            l1, l2 = kind
            if l1 and l2:  # 成本指标, 满意度指标: a 一级 only in the 一级 column
                index = cell.index
                near_l1 = index <= self.c1 or index - self.c1 < self.c2a - index
                if row_has_level1 or level2_cells or not near_l1:
                    l1 = None
                else:
                    l2 = None
            if l1:
                self.level1 = text
                self.level2 = None
                row_has_level1 = True
            elif l2:
                self.level2 = text
                level2_cells.append(cell)
            else:
                leftovers.append(cell)
        if level2_cells:
            self._last_group = self._position_group(level2_cells[-1].index) or "right"
            if len(level2_cells) >= 2:
                self._last_group = "right"
        if not leftovers:
            return
        groups = self._assign_groups(leftovers, level2_cells)
        side = groups[0]
        if groups.count(side) == len(groups):  # the usual row: all in one group
            self._emit(line, leftovers, self.periods[side])
            return
        # The 中长期 group's cells first, then the 年度 group's.
        self._emit(line, [c for c, g in zip(leftovers, groups) if g == "left"], self.periods["left"])
        self._emit(line, [c for c, g in zip(leftovers, groups) if g == "right"], self.periods["right"])

    def _is_name(self, cells: Sequence[Cell], kinds: list, position: int, level2_cells: list[Cell]) -> bool:
        """Whether a label word (满意度, 社会效益) is the row's 三级 name, as the form printed it in
        the name column.

        After the row's own 二级 cell, its value follows it: an odd run of plain cells comes after
        it (the value, then the next group's name-value pairs), where a 二级 is followed by pairs.
        Rows repeat their 二级 in the 中长期 and 年度 groups, columns apart, so there the word is
        a name in a table of one group, or when it names another 二级, or stands right after that
        二级, or more cells follow its value; a lone repeat of the same 二级 further on stays a
        label.

        In a row with no 二级 cell it is a name when it names the 二级 already in force and a
        value by the grammar follows (a row repeating its 二级 before a name has no value beside
        the label). A word naming another 二级 there is ambiguous ("社会效益 | ≥90%" may open
        社会效益 with no name) and stays a label."""
        end = position + 1
        while end < len(cells) and kinds[end] is _PLAIN:
            end += 1
        run = end - position - 1
        level2 = kinds[position][1]
        if not level2_cells:
            return (run > 0 and self.level2 is not None and level2 is not None
                    and cell_kind(self.level2)[1] == level2 and looks_like_value(cells[position + 1].text))
        if run % 2 == 0:
            return False
        previous = level2_cells[-1]
        return (self.boundary is None or end < len(cells) or run > 1
                or cell_kind(previous.text)[1] != level2 or cells[position].index == previous.index + 1)

    def _position_group(self, index: int) -> str | None:
        if self.boundary is None:
            return "right"
        if index >= self.boundary:
            return "right"
        if index >= self.c2a:
            return "left"
        return None

    def _assign_groups(self, cells: list[Cell], level2_cells: list[Cell]) -> list[str]:
        """"left" or "right" for each cell: by the row's two 二级 labels when it repeats them,
        else by position; a cell neither places goes where the row's others went."""
        if len(level2_cells) >= 2:
            first, divider = level2_cells[0].index, level2_cells[-1].index
            groups = [
                "right" if c.index > divider else "left" if c.index > first else None
                for c in cells
            ]
        elif self.boundary is None:
            return ["right"] * len(cells)
        else:  # _position_group, inlined: this runs for nearly every row
            boundary, c2a = self.boundary, self.c2a
            groups = [
                "right" if c.index >= boundary else "left" if c.index >= c2a else None
                for c in cells
            ]
        if None not in groups:
            return groups
        known = {g for g in groups if g is not None}
        fallback = known.pop() if len(known) == 1 else (self._last_group or "right")
        return [g or fallback for g in groups]

    def _emit(self, line: int, cells: list[Cell], period: str) -> None:
        if len(cells) == 1:
            cell = cells[0]
            name_cell, value_cell = (None, cell) if looks_like_value(cell.text) else (cell, None)
        else:
            name_cell, value_cell = cells[0], cells[1]
            for extra in cells[2:]:
                self.report(
                    ids.cell_warning(ids.UNPLACED_CELL, self._loc(line, extra), text=extra.text)
                )
        if len(self.indicators) >= self.max_indicators:
            if not self._overflow:
                self._overflow = True
                self.report(
                    ids.cell_warning(
                        ids.TOO_MANY_INDICATORS, self._loc(line, cells[0]), limit=self.max_indicators
                    )
                )
            return
        path = self.path
        if value_cell is None:
            self.indicators.append(
                Indicator(self.level1, self.level2, name_cell.text, None, period,
                          Location(path, line, name_cell.column))
            )
            return
        value_text = value_cell.text
        value_location = Location(path, line, value_cell.column)
        if name_cell is None:
            name, location = None, value_location
        else:
            name, location = name_cell.text, Location(path, line, name_cell.column)
        self.indicators.append(
            Indicator(self.level1, self.level2, name, value_text, period, location,
                      parse_value(value_text), value_location=value_location)
        )

    def _loc(self, line: int, cell: Cell) -> Location:
        return Location(self.path, line, cell.column)
