"""The extracted-text layout as a grid source: TAB-separated lines → one ``TextGrid`` for form
recovery.

Each non-blank line is a grid row, each non-empty TAB-separated cell a cell at its TAB index,
placed by the file's line and 1-based character column, exactly where a reader finds it.
Extraction lets cells drift between columns from row to row, so recovery reads a text grid's
indicator rows by what their cells say (``text_table``), not by column position; where forms
start and end and which rows are never indicators it decides as for every other grid.

Identical lines (label rows, blank amounts, repeated indicators) share one ``TextLine`` through a
bounded cache, so what a line says is worked out once, not once per form.
"""

from __future__ import annotations

from checker.loaders import issues as ids
from checker.loaders.cells import Cell, split_cells
from checker.loaders.grid import TEXT, GridCell
from checker.loaders.limits import Limits
from checker.loaders.recovery import recover
from checker.loaders.text_layout import is_title_text
from grammar import parse_value
from grammar.ast import DateValue, Quantity, Range
from policy.forms.model import Form, LoadIssue, Location


class TextLine:
    """One line's non-empty cells and what they say, worked out once. Identical lines share one
    TextLine: it holds no path and no line number. ``head`` (the project-block reading) and
    ``facts`` (what recovery asks of a row) are filled by the first reader that needs them."""

    __slots__ = ("cells", "facts", "head", "maybe_header", "text")

    def __init__(self, cells: tuple[Cell, ...], line: str):
        self.cells = cells
        self.text = line
        # The 绩效指标 header needs a cell reading 一级指标: a line without 级 is not it.
        self.maybe_header = "级" in line
        self.head = None
        self.facts = None


def glued_title(cells: tuple[Cell, ...]) -> tuple[tuple[Cell, ...], tuple[Cell, ...]] | None:
    """A form title glued onto the end of a table row when the line break was lost ("…\t≥90%2023
    年度项目支出绩效目标表"): (the row with its value, the title as a row of its own), or None.
    The title starts at a Chinese character or a year right after a cell text that reads as a
    value (a quantity, range or date); the longest such value wins."""
    if len(cells) < 2:
        return None
    last = cells[-1]
    text = last.text
    if "绩效" not in text or not text.endswith(("表", "）", ")")) or not is_title_text(text):
        return None
    for cut in range(len(text) - 6, 0, -1):
        rest = text[cut:]
        year = rest[:4].isdigit() and rest[4:5] == "年" and rest[:2] in ("19", "20")
        if not (year or "\u4e00" <= rest[0] <= "\u9fff") or not is_title_text(rest):
            continue
        if year and text[cut - 1 : cut].isdigit():
            continue  # inside a longer number
        if isinstance(parse_value(text[:cut]), (Quantity, Range, DateValue)):
            value = Cell(text[:cut], last.index, last.column)
            return cells[:-1] + (value,), (Cell(rest, 0, last.column + cut),)
    return None


# Lines seen recently, by their text. Bounded: emptied when full (one dict, no LRU bookkeeping).
# Buys 7.6% end to end (callgrind, 300 text forms: 2,926 M instructions without it, 2,719 M with it).
_LINES: dict[str, tuple[TextLine, ...]] = {}
LINE_CACHE_SIZE = 4096
CACHED_LINE_LENGTH = 1000


class TextGrid:
    """A text file as one grid: ``lines`` are (line number, TextLine) for the non-blank lines.

    It answers ``row``/``covering`` like a ``Grid`` (no cell spans two columns or rows in text);
    recovery reads ``lines`` directly, the cheap path for the benchmark's hot loop."""

    kind = TEXT
    page = None

    def __init__(self, path: str, lines: list[tuple[int, TextLine]], issues: list[LoadIssue]):
        self.name = path
        self.path = path
        self.lines = lines
        self.issues = issues  # cells cut to the cell-length limit

    @property
    def height(self) -> int:
        return len(self.lines)

    @property
    def width(self) -> int:
        return max((c.index + 1 for _, info in self.lines for c in info.cells[-1:]), default=0)

    def row(self, index: int) -> tuple[GridCell, ...]:
        number, info = self.lines[index]
        return tuple(
            GridCell(c.text, index, c.index, Location(self.path, number, c.column)) for c in info.cells
        )

    def covering(self, row: int, col: int) -> GridCell | None:
        return next((c for c in self.row(row) if c.col == col), None)


def text_grid(lines: list[str], path: str, limits: Limits) -> TextGrid:
    """The grid of a file's lines; cells longer than the limit are cut and reported (E1xx)."""
    rows: list[tuple[int, TextLine]] = []
    issues: list[LoadIssue] = []
    max_chars = limits.max_cell_chars
    cacheable = min(CACHED_LINE_LENGTH, max_chars)  # a line this short has no cut cell
    known = _LINES
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        infos = known.get(line) if len(line) <= cacheable else None
        if infos is None:
            cells, cut = split_cells(line, max_chars)
            for c in cut:
                issues.append(
                    ids.cell_warning(
                        ids.CELL_TOO_LONG, Location(path, number, c.column), length=len(c.text), limit=max_chars
                    )
                )
            glued = glued_title(tuple(cells))
            if glued is None:
                infos = (TextLine(tuple(cells), line),)
            else:  # two rows on one line: the table row, then the next form's title
                infos = tuple(TextLine(part, "\t".join(c.text for c in part)) for part in glued)
            if len(line) <= cacheable:
                if len(known) >= LINE_CACHE_SIZE:
                    known.clear()
                known[line] = infos
        for info in infos:
            if info.cells:
                rows.append((number, info))
    return TextGrid(path, rows, issues)


def parse_text_layout(lines: list[str], path: str, limits: Limits) -> tuple[list[Form], list[LoadIssue]]:
    """The forms of a text file and its file-level issues (cut cells, cells outside any form)."""
    grid = text_grid(lines, path, limits)
    recovered = recover([grid], path, limits)
    return list(recovered.forms), grid.issues + list(recovered.issues)
