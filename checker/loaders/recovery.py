"""Form recovery: any document's grids → forms, by meaning and column position.

Every adapter (HTML, DOCX, form-layout XLSX, PDF) turns a document into ``Grid``s; this module is
the one place that turns grids into ``Form``s. The document is read as one stream of rows, grid
after grid, so a form may span several tables or pages and a table may hold several forms:

- a form starts at its 项目名称 row (with or without a title above it, with extra cells, with
  invisible characters inside the label); a title row just before it gives the title and year;
- the project block above the indicator table is read by the extracted-text layout's label
  reader (``text_head.HeadParser``): 项目名称, 项目属性 ticks, 项目资金, 资金来源, 总体目标 are
  known in one place;
- the indicator table is read by its header's columns (``columns.py``): a cell in the 三级 column
  is a name whatever it says, a cell in the 指标值 column a value; merged 一级/二级 labels cover
  their rows, and a merged label that a producer printed on the later page of a page break is
  filled back into the rows above it; in a table without rules, blank label slots above a
  repeated header whose next part prints another label are read as the label above and named
  (``blank_labels.py``: nothing on the page tells them from a label printed after the header);
- a repeated title or header on a continued page continues the same table; page numbers,
  signature/审核意见/date rows and 项目名称/预算单位 rows inside a table are never indicators;
  a period heading row (年度绩效指标) switches the period of the table that follows;
- a table that belongs to no form (a budget table between two forms) is skipped and counted in
  one notice, never turned into a form.

The extracted-text layout is one more grid source (``text_grid``): its rows go through the same
decisions, but its indicator rows are read by what their cells say (``text_table.TableParser``),
since extraction lets cells drift between columns.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from checker.loaders import issues as ids
from checker.loaders.blank_labels import BlankLabels
from checker.loaders.cells import Cell
from checker.loaders.columns import TableColumns, read_header
from checker.loaders.grid import PROSE, TEXT, Grid, GridCell, clean
from checker.loaders.limits import Limits
from checker.loaders.project_block import attributes_of, field_location, field_text, funding_of, goals_of
from checker.loaders.self_evaluation_grid import (
    SelfEvaluationPart,
    BLOCK_WORDS,
    is_head_label,
    is_name_label,
    is_self_evaluation_title,
)
from checker.loaders.text_head import FIELD_LABELS, TABLE_TITLES, HeadParser, head_cell, read_head_row
from checker.loaders.text_layout import is_title_text
from checker.loaders.split_value import joined_value
from checker.loaders.text_self_evaluation import ScoredTableParser, may_score, scored_columns
from checker.loaders.text_table import TableParser, is_table_header
from grammar import parse_value
from grammar.folding import squash
from policy.forms.hierarchy import PARENTS, canonical_level1, canonical_level2
from policy.forms.model import (
    ANNUAL,
    LONG_TERM,
    Document,
    Form,
    Indicator,
    LoadIssue,
    Location,
)

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PAGE_NUMBER = re.compile(
    r"^(?:第\d+页[,，]?(?:共\d+页)?|共\d+页第\d+页|[-—–]?\d+[-—–]?|page\d+(?:of\d+)?|\d+/\d+)$",
    re.IGNORECASE,
)
# Rows after a table that a reviewer signs: never indicators.
_SIGNATURE_WORDS = (
    "审核意见", "审批意见", "审核人", "填报人", "填表人", "经办人", "联系人", "联系电话",
    "单位负责人", "财务负责人", "部门负责人", "负责人签字", "签字", "签章", "盖章", "填报日期",
    "填表日期", "审核日期", "日期", "备注",
)
_PERIOD_HEADINGS = {
    "中长期指标": LONG_TERM, "中长期绩效指标": LONG_TERM, "中长期绩效目标": LONG_TERM,
    "年度指标": ANNUAL, "年度绩效指标": ANNUAL, "年度绩效目标": ANNUAL, "当年绩效指标": ANNUAL,
}
_TICKED = "☑☒■✓✔√▣"
_UNTICKED = "☐□"
_BOX = re.compile(f"[{_TICKED}{_UNTICKED}]")


def checkbox_markup(text: str) -> str:
    """Tick glyphs as the extracted-text layout spells checkboxes, so one parser reads both:
    "☑新增项目 □延续项目" → '<input checked="" type="checkbox"/> 新增项目 <input type="checkbox"/> 延续项目'."""
    if not _BOX.search(text):
        return text
    out = []
    for part in re.split(f"([{_TICKED}{_UNTICKED}])", text):
        if not part:
            continue
        if part in _TICKED:
            out.append('<input checked="" type="checkbox"/>')
        elif part in _UNTICKED:
            out.append('<input type="checkbox"/>')
        else:
            out.append(part.strip())
    return " ".join(p for p in out if p)


@attrs.frozen
class Recovered:
    """Forms read from a document's grids, the file-level issues, and what was looked at."""

    forms: tuple[Form, ...]
    issues: tuple[LoadIssue, ...]
    tables: int  # table grids in the document
    skipped: int  # tables that belong to no form
    lists: int = 0  # of those, lists of projects (a 项目名称 column header, names below it)


class _Row:
    """One grid row as recovery sees it: cleaned non-empty origin cells, and their kind."""

    __slots__ = ("cells", "grid", "index", "seq")

    def __init__(self, grid: Grid, index: int, seq: int, cells: list[GridCell]):
        self.grid = grid
        self.index = index
        self.seq = seq
        self.cells = cells

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


def _name_label(text: str) -> str | None:
    """The value part when ``text`` is a 项目名称 label cell: "" for the bare label, the value for
    "项目名称：X", None when it is not the label. A label glued after other text (a title line
    without its line break) counts: "…绩效目标表项目名称"."""
    sq = squash(text).rstrip(":：")
    if is_name_label(sq):  # a self-evaluation's 专项资金名称, 转移支付(项目)名称
        return ""
    if sq == "项目名称" or sq.endswith("项目名称") and is_title_text(sq[: -len("项目名称")]):
        return ""
    if sq.startswith(("项目名称:", "项目名称：")):
        return re.sub(r"^\s*[^:：]*[:：]\s*", "", text, count=1).strip()
    return None


def _is_name_row(row: _Row) -> bool:
    return any(_name_label(c.text) is not None for c in row.cells)


def opens_a_table(grid: Grid) -> bool:
    """Whether a grid's first row with text heads a table of its own: an indicator header, a
    项目名称 row or a form's title. A ruled table that begins so at the top of a page is a new
    table, not the page before's going on, however alike the two tables' frames are."""
    for r in range(grid.height):
        texts = [text for cell in grid.row(r) if (text := clean(cell.text))]
        if texts:
            return read_header(grid, r) is not None or begins_a_form(texts)
    return False


def begins_a_form(texts: Sequence[str]) -> bool:
    """Whether a row's cell texts are a 项目名称 row or a form's title."""
    return any(_name_label(t) is not None for t in texts) or _is_title_texts(texts)


def _same_label_column(old: TableColumns, new: TableColumns, col: int) -> int:
    """The column of ``new`` that holds the label ``col`` held under ``old``: a table continued
    with its header repeated may stand in other columns (a browser sizes each table apart)."""
    if col == old.level1 and new.level1 is not None:
        return new.level1
    for before, after in zip(old.groups, new.groups):
        if col == before.level2 and after.level2 is not None:
            return after.level2
    return col


def is_page_number(text: str) -> bool:
    """Whether ``text`` is shaped as a page number ("第3页", "- 3 -", "3/12", or a bare "3")."""
    return bool(_PAGE_NUMBER.match(squash(text)))


def _is_page_number(row: _Row) -> bool:
    """A row that marks a page. A bare number is not one: a grid is what lies inside a table, and
    a lone number there is a value the page or a wrap cut off ("100" of "100%"), not a page's
    number; adapters leave a page number printed in the page's margin outside their tables
    (the PDF readers make it prose)."""
    texts = row.texts
    return len(texts) <= 2 and not all(t.isdigit() for t in texts) and all(is_page_number(t) for t in texts)


def _is_signature(row: _Row) -> bool:
    first = squash(row.cells[0].text)
    return first.startswith(_SIGNATURE_WORDS) or bool(re.match(r"^\d{4}年\d{1,2}月\d{1,2}日$", first))


def _period_heading(row: _Row) -> str | None:
    words = {squash(t).rstrip(":：") for t in row.texts}
    if len(words) == 1:
        return _PERIOD_HEADINGS.get(words.pop())
    return None


def _is_inner_label_row(row: _Row) -> bool:
    """A 项目名称/预算单位 row inside a table (a repeated page head): not an indicator."""
    return any(FIELD_LABELS.get(squash(c.text).rstrip(":：")) in ("name", "budget_unit") for c in row.cells)


class _Pending:
    """A merged label whose text a producer printed further down (on the next page); until then
    (and when no continued table gives it) the label above, for a block at a table's foot."""

    __slots__ = ("fallback", "text")

    def __init__(self, fallback: str | None) -> None:
        self.text: str | None = None
        self.fallback = fallback


class _FormBuilder:
    """One form being read: the project block through HeadParser, then the indicator table."""

    def __init__(self, path: str, limits: Limits, title: tuple[str, Location] | None, start: Location):
        self.path = path
        self.limits = limits
        self.issues: list[LoadIssue] = []
        self.places: dict[tuple[int, int], Location] = {}
        self.head = HeadParser(path, self.issues.append)
        self.title = title
        self.start = start
        self.columns: TableColumns | None = None
        self.table_grid: Grid | None = None
        self.data_start: tuple[Grid, int] | None = None  # the grid and row below the last header read
        self.heading_period: str | None = None
        self.rows: list[dict] = []
        self.rows_seen = 0
        self.header_place: Location | None = None
        self.level1: str | _Pending | None = None
        self.level2: dict[int, str | _Pending | None] = {}
        self.pending: list[tuple[int, _Pending]] = []  # (column, block) still waiting for text
        self.blanks = BlankLabels()  # label slots a table without rules left blank
        self.doubts: list[LoadIssue] = []  # the document's notices about this form's reading
        self.overflow = False
        self.name: str | None = None
        self.text = False  # a text grid's form: HeadParser gets the file's lines, TableParser the table
        self.table: TableParser | None = None
        self.titled_only = False  # started at its title, no 项目名称 row read yet
        self.self_evaluation = SelfEvaluationPart(path, title[0] if title else None, self.issues.append)
        # Whether a text line of the project block may be a self-evaluation's: False once the
        # block was looked through to its table and showed none (``_Reader._look_ahead``).
        self.scored_head = True

    # -- the project block ---------------------------------------------------------------------
    def feed_head(self, row: _Row) -> None:
        if self.text:  # a text row: its index is the line, its cells keep their columns
            cells = row.cells
            part = self.self_evaluation
            if part.titled or part.evidence:
                cells = part.feed_head(cells, self.head.amount_unit)
            if cells:
                self.head.feed(row.index, [Cell(c.text, c.col, c.location.column) for c in cells])
            if self.name is None and "name" in self.head.text:
                self.name = self.head.text["name"][0]
            return
        cells = []
        for c in self.self_evaluation.feed_head(row.cells, self.head.amount_unit):
            self.places[(row.seq, c.col + 1)] = c.location
            cells.append(Cell(checkbox_markup(c.text), c.col, c.col + 1))
        if cells:
            self.head.feed(row.seq, cells)
        if self.name is None and "name" in self.head.text:
            self.name = self.head.text["name"][0]

    def feed_text_head(self, number: int, info) -> None:
        """A text line of the project block; its reading is kept on the shared TextLine. (Tick
        glyphs are not read as checkboxes here: in extracted text they also stand inside prose
        and flattened cells, where reading them would invent ticks.) A line with invisible
        characters is read without them, so "预算\u200b单位" is still the label."""
        cells = info.facts.cells or info.cells
        if self.scored_head and self.self_evaluation_line(number, cells, info.text):
            return
        row = info.head
        if row is None:
            row = info.head = read_head_row(cells)
        self.head.feed(number, cells, row)

    def self_evaluation_line(self, number: int, cells, text: str) -> bool:
        """Whether a text line of the project block was a self-evaluation's (a 项目资金 header or
        row, 预期目标 | 实际完成情况 and the texts under them, 主管部门 …): read by the form's
        ``SelfEvaluationPart`` as in every document format, what it leaves fed to the head reader.
        A line of a form not yet seen to be one is only looked at when it could open such a block."""
        part = self.self_evaluation
        known = part.titled or part.evidence
        if not known and ("执" not in text and "完" not in text or BLOCK_WORDS.search(text) is None):
            return False
        path = self.path
        placed = [GridCell(c.text, number, c.index, Location(path, number, c.column)) for c in cells]
        if not known and not part.opens_block(placed):
            return False
        left = part.feed_head(placed, self.head.amount_unit)
        if len(left) == len(placed):
            return False  # nothing of the part's: the usual reading
        if left:
            self.head.feed(number, [Cell(c.text, c.col, c.location.column) for c in left])
        return True

    # -- the indicator table ---------------------------------------------------------------
    def start_text_table(self, number: int, cells) -> None:
        """A text table's header row: a new TableParser, or the open one re-read (a repeated
        header goes on with the labels in force). A self-evaluation's table (its title says so,
        its project block showed it, or its header names 实际完成值/得分) reads its scored
        columns by position (``ScoredTableParser``)."""
        table = self.table
        if table is None:
            part = self.self_evaluation
            if may_score(cells):
                part.start_table(scored_columns(cells))
            if part.evidence or part.titled:
                table = ScoredTableParser(self.path, cells, self.issues.append,
                                          self.limits.max_indicators_per_form, part)
            else:
                table = TableParser(self.path, cells, self.issues.append, self.limits.max_indicators_per_form)
            self.table = table
        else:
            table.read_header(cells)
        if self.heading_period is not None:
            table.use_period(self.heading_period)
        table.feed_header(number, cells)

    def start_table(self, grid: Grid, row: int, columns: TableColumns) -> None:
        if self.columns is None:
            self.header_place = grid.row(row)[0].location if grid.row(row) else None
        if self.heading_period is not None and len(columns.groups) == 1:
            columns = columns.with_period(self.heading_period)
        if self.columns is not None and self.pending:  # a label to fill back, under the new header's columns
            self.pending = [(_same_label_column(self.columns, columns, c), b) for c, b in self.pending]
        if self.columns is not None:  # a header repeated where the table goes on
            old = self.columns
            self.blanks.header(self._labels_in_force(), lambda c: _same_label_column(old, columns, c))
        self.columns = columns
        self.table_grid = grid
        self.data_start = (grid, row + columns.rows)
        self.self_evaluation.start_table(columns.extras)

    def continue_on(self, grid: Grid) -> None:
        """A table continued in a new grid (next page, next table) without a repeated header."""
        self.table_grid = grid

    def feed_row(self, grid: Grid, r: int, top: bool) -> None:
        """One data row of the table; ``top``: the first row of a continued table."""
        cols = self.columns
        assert cols is not None
        self.rows_seen += 1
        if self.self_evaluation.total_row(grid, r):
            return
        self.blanks.start_row(grid, r)
        self.level1 = self._label(grid, r, cols.level1, self.level1, top, reset=True)
        used: set[int] = set()
        if cols.level1 is not None:
            used.update(_span_cols(grid.covering(r, cols.level1)))
        for g, group in enumerate(cols.groups):
            if group.level2 is not None:
                self.level2[g] = self._label(grid, r, group.level2, self.level2.get(g), top)
                used.update(_span_cols(grid.covering(r, group.level2)))
        if self.blanks.after_header:  # the labels in force are gathered only then, not on every row
            doubt = self.blanks.first_row(self._labels_in_force(), cols.level1)
            if doubt is not None:
                self.doubts.append(doubt)
        emitted = []
        for g, group in enumerate(cols.groups):
            name_cells = _origin_cells(grid, r, group.level3, used)
            value_cells = _origin_cells(grid, r, group.value, used)
            if not name_cells and not value_cells:
                continue
            level2 = self.level2.get(g)
            if level2 is None:  # a group without its own 二级 label: the row's other one
                level2 = next((v for k, v in self.level2.items() if k != g and v is not None), None)
            emitted.append((group.period, name_cells, value_cells, level2))
        for cell in grid.row(r):
            if cell.col in used or not cell.text or cols.ignored(cell.col):
                continue
            # A cell under a column of its own (指标解释, 评分标准 …) is kept with the row's
            # indicator; on a row that yields none it has nowhere to go, and is reported.
            if cols.extra_name(cell.col) is None or not emitted:
                self.issues.append(ids.cell_warning(ids.UNPLACED_CELL, cell.location, text=cell.text))
        for period, name_cells, value_cells, level2 in emitted:
            extra = {}
            for cell in grid.row(r):
                header = cols.extra_name(cell.col)
                if header and cell.text and cell.col not in used:
                    extra[header] = cell.text
            self._emit(period, name_cells, value_cells, level2, extra)

    def _label(self, grid: Grid, r: int, col: int | None, current, top: bool, reset: bool = False):
        """The label in force on row ``r`` of a label column. A merged cell covers its rows; a
        blank cell of one row continues the label above (producers that print a label once); a
        blank merged cell, or a blank cell at the foot of a table, is a block whose text may come
        at the top of the continued table (filled back), else it continues the label above."""
        if col is None:
            return current
        if top and r == 0 and col in grid.ruled_off and not self._header_before(grid):
            top = False  # under a rule the producer leaves out where a cell goes on over the page
        cell = grid.covering(r, col)
        over = cell is not None and cell.row != r and self._header_over(grid, r, cell)
        if cell is not None and cell.row != r and not over:
            self.blanks.went_on(grid, col, current)
            return current  # the same merged block: the label above goes on
        if cell is not None and cell.text and not over:
            self.blanks.printed(col)
            if top:
                for c, block in self.pending:
                    if c == col:
                        block.text = cell.text
            self.pending = [(c, b) for c, b in self.pending if c != col]
            if reset:
                self.level2 = {}
            return cell.text
        if top and current is not None and not (reset and self._level2_elsewhere(grid, r, current)):
            self.blanks.went_on(grid, col, current)
            return current  # a merged label continued from the page before (none: nothing goes on)
        # A blank cell (a workbook leaves blank cells out: no cell is a blank one).
        last_row, rowspan = (cell.last_row, cell.last_row - max(cell.row, r) + 1) if cell is not None else (r, 1)
        at_foot = last_row >= _last_data_row(grid, self.columns, r)
        if not at_foot and rowspan == 1:
            return current
        self.blanks.forget(col)
        block = _Pending(_label_text(current) if at_foot else None)
        self.pending.append((col, block))
        if reset:
            self.level2 = {}
        return block

    def _labels_in_force(self) -> dict[int, str | None]:
        """Label column → the label in force (a block still waiting for its text: its fallback)."""
        cols = self.columns
        labels = {cols.level1: _label_text(self.level1)} if cols.level1 is not None else {}
        for g, group in enumerate(cols.groups):
            if group.level2 is not None:
                labels[group.level2] = _label_text(self.level2.get(g))
        return labels

    def _header_before(self, grid: Grid) -> bool:
        """Whether the header was the last row read before ``grid``: a header repeated at a page's
        foot is ruled off from the next page whatever goes on, and a blank label under it goes on
        from the label before that header (printed on the earlier side)."""
        start = self.data_start
        return start is not None and start[0] is not grid and start[1] >= start[0].height

    def _level2_elsewhere(self, grid: Grid, r: int, level1) -> bool:
        """Whether row ``r`` starts a 二级 label that never stands under the 一级 ``level1``: at
        the top of a continued table, its blank 一级 cell is then a label printed further on (the
        later side of the break), not the one above going on."""
        col = self.columns.groups[0].level2 if self.columns and self.columns.groups else None
        cell = grid.covering(r, col) if col is not None else None
        level2 = canonical_level2(cell.text) if cell is not None and cell.row == r else None
        above = canonical_level1(_label_text(level1))
        return level2 is not None and above is not None and above not in PARENTS.get(level2, frozenset())

    def _header_over(self, grid: Grid, r: int, cell: GridCell) -> bool:
        """Whether ``cell`` is a header cell reaching down to the first data row ``r``: a label
        column left blank under the header (a borderless table prints the header once and the
        rows below it take it over), which is a blank block, not the header's text going on."""
        return self.data_start is not None and self.data_start[0] is grid and self.data_start[1] == r and cell.row < r

    def _emit(self, period, name_cells, value_cells, level2, extra) -> None:
        if len(self.rows) >= self.limits.max_indicators_per_form:
            if not self.overflow:
                self.overflow = True
                first = (name_cells or value_cells)[0]
                self.issues.append(
                    ids.cell_warning(ids.TOO_MANY_INDICATORS, first.location, limit=self.limits.max_indicators_per_form)
                )
            return
        name = " ".join(c.text for c in name_cells) or None
        value = " ".join(c.text for c in value_cells) or None
        if extra:
            value, extra = joined_value(value, extra)  # 指标性质 | 指标值 | 度量单位
        location = (name_cells or value_cells)[0].location
        value_location = value_cells[0].location if value_cells else None
        self.rows.append({
            "level1": self.level1, "level2": level2, "name": name, "value": value,
            "period": period, "location": location, "value_location": value_location,
            "extra": extra,
        })

    # -- the form ------------------------------------------------------------------------------
    def build(self, index: int) -> Form:
        if self.text:
            return self._build_text(index)
        if self.columns is None:
            self.issues.append(ids.cell_warning(ids.NO_TABLE, self.start))
        elif self.rows_seen == 0:
            self.issues.append(ids.cell_warning(ids.NO_TABLE + ".empty", self.header_place or self.start))
        form = self._assemble(index, tuple(_indicator(row) for row in self.rows), tuple(self.issues))
        return self.self_evaluation.complete(relocate(form, self.places))

    def _build_text(self, index: int) -> Form:
        """A text grid's form: its places are already the file's lines and columns."""
        table, issues = self.table, self.issues
        if table is None:
            issues.append(ids.cell_warning(ids.NO_TABLE, self.start))
        elif table.rows_seen == 0:  # the form stops right after the header row
            issues.append(ids.cell_warning(ids.NO_TABLE + ".empty", Location(self.path, table.header_line)))
        indicators = tuple(table.indicators) if table is not None else ()
        ordered = tuple(sorted(issues, key=_issue_order)) if len(issues) > 1 else tuple(issues)
        return self.self_evaluation.complete(self._assemble(index, indicators, ordered))

    def _assemble(self, index: int, indicators: tuple[Indicator, ...], issues: tuple[LoadIssue, ...]) -> Form:
        """The Form of the project block read by ``head``, its title, and the given rows and issues."""
        head = self.head
        title = self.title[0] if self.title else None
        year = _YEAR.search(title) if title else None
        return Form(
            location=self.start,
            index=index,
            name=field_text(head, "name"),
            budget_unit=field_text(head, "budget_unit"),
            implementer=field_text(head, "implementer"),
            attributes=attributes_of(head),
            funding=funding_of(head),
            goals=goals_of(head),
            indicators=indicators,
            title=title,
            year=int(year.group(1)) if year else None,
            issues=issues,
            name_location=field_location(head, "name"),
            budget_unit_location=field_location(head, "budget_unit"),
            implementer_location=field_location(head, "implementer"),
        )


def _issue_order(issue: LoadIssue) -> tuple[int, int]:
    return (issue.location.line or 0, issue.location.column or 0)


def _label_text(label) -> str | None:
    if isinstance(label, _Pending):
        return label.text if label.text is not None else label.fallback
    return label


def _last_data_row(grid: Grid, columns: TableColumns | None, start: int) -> int:
    """The last row from ``start`` on with text in an indicator column before the table's part
    ends: at a repeated header (a page break inside one sheet), the next form's 项目名称 row, or
    the grid's end. Page numbers and signature rows below it do not count."""
    if columns is None:
        return grid.height - 1
    ends, data_rows = _segments(grid, columns.data_columns)
    end = ends[bisect.bisect_right(ends, start)]
    before = bisect.bisect_left(data_rows, end) - 1
    return max(start, data_rows[before]) if before >= 0 else start


_SEGMENTS: dict[tuple[int, tuple[int, ...]], tuple[Grid, list[int], list[int]]] = {}


def _segments(grid: Grid, data_cols: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """(rows where a table part ends — headers, 项目名称 rows, the grid's end —, rows with text
    in the data columns), worked out once per grid: a sheet of many forms would otherwise be
    scanned again for every blank label cell."""
    key = (id(grid), data_cols)
    found = _SEGMENTS.get(key)
    if found is not None and found[0] is grid:
        return found[1], found[2]
    cols = set(data_cols)
    ends, data_rows = [], []
    for r in range(grid.height):
        cells = grid.row(r)
        if any(c.text and c.col in cols for c in cells):
            data_rows.append(r)
        if any(_name_label(clean(c.text)) is not None for c in cells if c.text) or read_header(grid, r) is not None:
            ends.append(r)
    ends.append(grid.height)
    if len(_SEGMENTS) > 64:
        _SEGMENTS.clear()
    _SEGMENTS[key] = (grid, ends, data_rows)
    return ends, data_rows


def _indicator(row: dict) -> Indicator:
    value = row["value"]
    return Indicator(
        level1_text=_label_text(row["level1"]),
        level2_text=_label_text(row["level2"]),
        name=row["name"],
        value_text=value,
        period=row["period"],
        location=row["location"],
        value=parse_value(value) if value is not None else None,
        extra=row["extra"],
        value_location=row["value_location"],
    )


def _span_cols(cell: GridCell | None) -> range:
    return range(cell.col, cell.col + cell.colspan) if cell is not None else range(0)


def _origin_cells(grid: Grid, r: int, span: range | None, used: set[int]) -> list[GridCell]:
    """The cells starting on row ``r`` inside a header column's span, left to right."""
    if span is None:
        return []
    found = []
    for cell in grid.row(r):
        if cell.col in span and cell.text and cell.col not in used:
            found.append(cell)
            used.add(cell.col)
    return found


def relocate(obj, places: dict[tuple[int, int], Location]):
    """``obj`` with every text-layout Location (line = row sequence, column = col + 1) replaced
    by the grid cell's place. HeadParser locates cells by line and column; grids by place."""
    if isinstance(obj, Location):
        return places.get((obj.line, obj.column), obj) if obj.line is not None else obj
    if isinstance(obj, tuple):
        return tuple(relocate(o, places) for o in obj)
    if isinstance(obj, dict):
        return {k: relocate(v, places) for k, v in obj.items()}
    if attrs.has(type(obj)):
        changes = {}
        for field in attrs.fields(type(obj)):
            if not field.init:
                continue
            value = getattr(obj, field.name)
            new = relocate(value, places)
            if new is not value:
                changes[field.alias or field.name] = new
        return attrs.evolve(obj, **changes) if changes else obj
    return obj


def recover(grids: Sequence[Grid], path: str, limits: Limits) -> Recovered:
    """Forms from the grids of one document, in document order."""
    return _Reader(path, limits).read(grids)


class _Reader:
    def __init__(self, path: str, limits: Limits):
        self.path = path
        self.limits = limits
        self.forms: list[Form] = []
        self.issues: list[LoadIssue] = []
        self.form: _FormBuilder | None = None
        self.title: tuple[str, Location] | None = None
        self.seq = 0
        self.tables = 0
        self.skipped: list[str] = []
        self.lists: set[str] = set()  # skipped tables headed like a list of projects
        self.too_many = False
        self.unit_rows: list[_Row] = []  # 单位：万元 above a form, read into its project block
        self.title_unit: str | None = None  # the unit a title row declares (…表（单位：万元）)
        self.text = False  # reading a text grid

    def read(self, grids: Sequence[Grid]) -> Recovered:
        previous: Grid | None = None
        for grid in grids:
            if grid.kind == TEXT:
                self._read_text(grid)
                continue
            if grid.kind == PROSE:
                self._read_prose(grid)
                continue
            self.tables += 1
            if not self._belongs(grid, previous):
                self.skipped.append(grid.name)
                continue
            self._read_table(grid, continued=previous is not None and self._in_table())
            previous = grid
        self._close()
        if self.skipped:
            first = Location(self.path, sheet=self.skipped[0])
            self.issues.append(ids.cell_warning(
                ids.SKIPPED_TABLES, first, count=len(self.skipped), tables=", ".join(self.skipped[:5])
            ))
        lists = sum(1 for name in self.skipped if name in self.lists)
        return Recovered(tuple(self.forms), tuple(self.issues), self.tables, len(self.skipped), lists)

    # -- which tables belong to a form -------------------------------------------------------------
    def _in_table(self) -> bool:
        return self.form is not None and self.form.columns is not None

    def _belongs(self, grid: Grid, previous: Grid | None) -> bool:
        for r in range(grid.height):
            row = self._row(grid, r, count=False)
            if row is None:
                continue
            if _is_name_row(row) and _heads_a_list(grid, row):
                self.lists.add(grid.name)
                continue  # a list of projects (its 单位名称 is no budget unit either)
            if _is_name_row(row) or read_header(grid, r) is not None or self._is_head_row(row):
                return True
            if _is_title_row(row) and self.form is None:
                return True
        if grid.continues and self.form is not None and previous is not None and self._in_table():
            return True  # the reader matched its column lines to the table before (pdf_continued)
        if self.form is None or previous is None or grid.width != previous.width:
            return False
        # A continuation: the open form's table (or project block) on the next page, or a
        # table of the open indicator table's columns with its labels.
        if grid.page is not None and previous.page is not None and grid.page == previous.page + 1:
            return True
        if not self._in_table():
            return False
        cols = self.form.columns
        return any(
            cell.col in (cols.level1, *cols.level2_columns) and cell.text and cols.is_label(cell.text)
            for cell in grid.cells
        )

    def _is_head_row(self, row: _Row) -> bool:
        for c in row.cells:
            if FIELD_LABELS.get(squash(c.text).rstrip(":：")) in ("name", "budget_unit", "kind", "funding", "goals"):
                return True
        return False

    # -- rows ---------------------------------------------------------------------------------
    def _row(self, grid: Grid, r: int, count: bool = True) -> _Row | None:
        cells = []
        for cell in grid.row(r):
            text = clean(cell.text)
            if text:
                if len(text) > self.limits.max_cell_chars:
                    self.issues.append(ids.cell_warning(
                        ids.CELL_TOO_LONG, cell.location, length=len(text), limit=self.limits.max_cell_chars
                    )) if count else None
                    text = text[: self.limits.max_cell_chars]
                cells.append(cell if text == cell.text else attrs.evolve(cell, text=text))
        if not cells:
            return None
        if count:
            self.seq += 1
        return _Row(grid, r, self.seq, cells)

    def _read_prose(self, grid: Grid) -> None:
        for r in range(grid.height):
            row = self._row(grid, r)
            if row is None:
                continue
            if self._year_line(row):
                pass
            elif _is_title_row(row):
                self._title(row)
            elif _is_name_row(row):
                self._start(row)
                self.form.feed_head(row)
            elif _declares_unit(row):
                if self.form is not None and self.form.columns is None and self.form.head.amount_unit is None:
                    self.form.feed_head(row)
                else:
                    self.unit_rows.append(row)
            elif self.form is not None and self.form.columns is None and _period_heading(row) is not None:
                self.form.heading_period = _period_heading(row)

    def _read_table(self, grid: Grid, continued: bool) -> None:
        r = 0
        top = continued
        while r < grid.height:
            row = self._row(grid, r)
            if row is None or _is_page_number(row):
                r += 1
                continue
            form = self.form
            header = read_header(grid, r)
            if header is not None and form is not None:
                self._drop_pending()
                repeated = form.columns is not None  # a header repeated where a table goes on
                form.start_table(grid, r, header)
                r += header.rows
                top = continued or repeated
                continue
            if self._year_line(row):
                r += 1
                continue
            if _is_title_row(row):
                # The next form's title, or a title repeated on a continued page: which one, the
                # next row says (a 项目名称 row takes it; table rows drop it).
                self._title(row)
                r += 1
                continue
            if _is_name_row(row) and not _heads_a_list(grid, row):
                name = self._row_name(row)
                if (form is not None and form.columns is not None and name is not None
                        and name == form.name and not self._head_follows(grid, r)):
                    r += 1  # a page head repeating the project: the same form goes on
                    continue
                self._start(row)
                self.form.feed_head(row)
                continued = top = False  # a new form's table continues nothing of the page before
                r += 1
                continue
            if form is None or form.columns is not None and _declares_unit(row):
                if _declares_unit(row):
                    self.unit_rows.append(row)
                    r += 1
                    continue
                for cell in row.cells:
                    self.issues.append(ids.cell_warning(ids.UNPLACED_CELL, cell.location, text=cell.text))
                r += 1
                continue
            heading = _period_heading(row)
            if heading is not None:
                form.heading_period = heading
                if form.columns is not None and len(form.columns.groups) == 1:
                    form.columns = form.columns.with_period(heading)
                r += 1
                continue
            if form.columns is None:
                form.feed_head(row)
            elif _is_signature(row) or _is_inner_label_row(row):
                pass
            else:
                self._drop_pending()
                if grid is not form.table_grid:
                    form.continue_on(grid)
                form.feed_row(grid, r, top)
                top = False
            r += 1

    def _read_text(self, grid) -> None:
        """A text grid, line by line, deciding as ``_read_table`` does. What a line says is worked
        out once per distinct line (``_text_facts``); its indicator rows go to a TableParser."""
        self.text = True
        lines = grid.lines
        for position, (number, info) in enumerate(lines):
            facts = info.facts
            if facts is None:
                facts = info.facts = _text_facts(info.cells, info.text, info.maybe_header)
            form = self.form
            if facts is _PLAIN_LINE and self.title is None and form is not None:
                # The usual line: an indicator row of an open table, or a project-block row.
                table = form.table
                if table is not None:
                    if self.unit_rows:
                        self.unit_rows = []
                    table.feed(number, info.cells)
                elif not (form.scored_head and form.self_evaluation_line(number, info.cells, info.text)):
                    row = info.head
                    if row is None:
                        row = info.head = read_head_row(info.cells)
                    form.head.feed(number, info.cells, row)
                continue
            if facts is _NOTHING or facts.page:
                continue
            if facts.name:
                row = self._text_row(number, info)
                if form is not None and form.titled_only and form.table is None:
                    form.titled_only = False  # the 项目名称 row of a form begun at its title
                    form.feed_head(row)
                    continue
                name = self._row_name(row)
                if (form is not None and form.table is not None and name is not None and name == form.name
                        and not _text_head_follows(lines, position)):
                    continue  # a page head repeating the project: the same form goes on
                self._start(row)
                self._look_ahead(lines, position)
                self.form.feed_head(row)
                continue
            if facts.title:
                if self.title is not None:
                    self._start(None)  # a title with no 项目名称 row under it: a form all the same
                self._title(self._text_row(number, info))
                continue
            if self.title is not None and len(info.cells) == 1 and self._year_line(self._text_row(number, info)):
                continue
            if self.title is not None:
                # A title followed by something other than a 项目名称 row: a form without that
                # row, or (inside a table, before table rows or a header) a repeated page head;
                # so is the open form's own title over the header of its table to come (the
                # page broke between the project block and the table).
                if form is not None and form.table is None and facts.header and _repeats_title(form, self.title):
                    self._drop_pending()
                elif form is None or form.table is None or facts.head:
                    self._start(None)
                    self._look_ahead(lines, position - 1)
                    form = self.form
                elif facts.unit or facts.period:
                    pass
                else:
                    self._drop_pending()
            if facts.header:
                if form is None:
                    self._unplaced(self._text_row(number, info))
                    continue
                self._drop_pending()
                form.start_text_table(number, facts.cells)
                continue
            if form is None or form.table is not None and (facts.unit or facts.period):
                if facts.unit:
                    self.unit_rows.append(self._text_row(number, info))
                elif form is not None:
                    form.heading_period = facts.period
                    form.table.use_period(facts.period)
                else:
                    self._unplaced(self._text_row(number, info))
                continue
            if form.table is None:
                if facts.period and facts.table_title:  # 年度指标 over the table
                    form.heading_period = facts.period
                form.feed_text_head(number, info)
            elif not (facts.signature or facts.inner):
                self._drop_pending()
                form.table.feed(number, info.cells)

    def _look_ahead(self, lines, position: int) -> None:
        """A text form begun at line ``position`` whose project block opens a 项目资金 block with
        全年执行数 or a 预期目标 | 实际完成情况 header before its table is a self-evaluation from
        its first line, as a document's would be: its 主管部门 or 项目负责人 rows above that block
        are read as a self-evaluation's."""
        form = self.form
        part = form.self_evaluation
        if part.titled:
            return
        opens = BLOCK_WORDS.search
        for _, info in lines[position + 1 : position + 1 + _LOOK_AHEAD]:
            text = info.text
            if info.maybe_header and is_table_header(info.cells) or "名称" in text and any(
                    _name_label(c.text) is not None for c in info.cells):
                form.scored_head = False  # the table, or the next form, and no such block
                return
            if ("执" in text or "完" in text) and opens(text) is not None and part.opens_block(info.cells):
                part.evidence = True
                return

    def _text_row(self, number: int, info) -> _Row:
        """A text line as a row of grid cells placed by line and column (invisible characters
        gone), for the decisions that need places: titles, 项目名称 rows, stray cells."""
        path = self.path
        cells = [
            GridCell(text, number, c.index, Location(path, number, c.column))
            for c in info.cells
            if (text := clean(c.text))
        ]
        return _Row(None, number, number, cells)

    def _unplaced(self, row: _Row) -> None:
        for cell in row.cells:
            self.issues.append(ids.cell_warning(ids.UNPLACED_CELL, cell.location, text=cell.text))

    def _drop_pending(self) -> None:
        """A title or unit row followed by table rows was a page head, not a new form's."""
        self.title = None
        self.title_unit = None
        self.unit_rows = []

    def _head_follows(self, grid: Grid, r: int) -> bool:
        """Whether a project block (项目属性, 项目资金, 总体目标 …) follows row ``r``: then a
        项目名称 row that repeats the open form's name starts a second form of the same name."""
        for below in range(r + 1, min(r + 5, grid.height)):
            for cell in grid.row(below):
                field = FIELD_LABELS.get(squash(clean(cell.text)).rstrip(":："))
                if field in ("kind", "term", "basis", "funding", "sources", "goals") or is_head_label(cell.text):
                    return True
        return False

    def _row_name(self, row: _Row) -> str | None:
        for i, c in enumerate(row.cells):
            value = _name_label(c.text)
            if value:
                return value
            if value == "" and i + 1 < len(row.cells):
                return row.cells[i + 1].text
        return None

    def _year_line(self, row: _Row) -> bool:
        """A title's second line that only gives the year ("(2023年度)"): joined to the title."""
        if self.title is None or not _is_year_row(row):
            return False
        self.title = (f"{self.title[0]}{row.texts[0]}", self.title[1])
        return True

    def _title(self, row: _Row) -> None:
        self.title = (" ".join(row.texts), row.cells[0].location)
        self.title_unit = next((u for t in row.texts if (u := head_cell(t).unit)), None)

    def _start(self, row: _Row | None) -> None:
        """A new form at its 项目名称 row, or (``row`` None, text grids) at the pending title."""
        self._close()
        where = self.title[1] if self.title is not None else row.cells[0].location
        if len(self.forms) >= self.limits.max_forms_per_file:
            if not self.too_many:
                self.too_many = True
                self.issues.append(ids.file_error(
                    ids.TOO_MANY_FORMS, where, limit=self.limits.max_forms_per_file
                ))
            self.form = _FormBuilder(self.path, self.limits, None, where)
            self.form.discard = True
            self.form.text = self.text
            self.title = None
            return
        title = self.title
        unit = self.title_unit
        start = title[1] if title else where
        # A title glued to the 项目名称 label ("…绩效目标表项目名称") is the title.
        first = squash(row.cells[0].text).rstrip(":：") if row is not None else ""
        if first.endswith("项目名称") and first != "项目名称":
            title = (row.cells[0].text.strip()[: -len("项目名称")].strip(), row.cells[0].location)
            unit = head_cell(title[0]).unit
            row.cells[0] = attrs.evolve(row.cells[0], text="项目名称")
            start = row.cells[0].location
        self.form = _FormBuilder(self.path, self.limits, title, start)
        self.form.text = self.text
        self.form.titled_only = row is None
        if unit is not None:
            self.form.head.amount_unit = unit
        self.title = None
        self.title_unit = None
        for unit_row in self.unit_rows[-1:]:
            self.form.feed_head(unit_row)
        self.unit_rows = []

    def _close(self) -> None:
        form = self.form
        if form is not None and not getattr(form, "discard", False):
            self.forms.append(form.build(len(self.forms)))
            self.issues.extend(form.doubts)  # named with the document's, as a PDF row's join (E113)
        self.form = None


def _is_year_row(row: _Row) -> bool:
    """One cell that only gives a year: "(2023年度)", "（2022年）"."""
    return len(row.cells) == 1 and re.fullmatch(r"[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]", squash(row.texts[0])) is not None


def _declares_unit(row: _Row) -> bool:
    """A 单位：万元 / 金额单位：元 row (alone or beside a date)."""
    return any(head_cell(t).unit is not None for t in row.texts) and len(row.cells) <= 3


def _heads_a_list(grid: Grid, row: _Row) -> bool:
    """A 项目名称 label heading a column of a list, not a form's 项目名称 row: the header row of a
    budget disclosure's 项目支出表 (单位名称 | 项目名称 | 预算数 | 备注). There the names stand below
    the label, not beside it; so the row is all labels (three or more, no digit), and the first
    cell under the label holds a name — not a field label (预算单位, 项目属性 …), not an indicator
    table's header, not blank."""
    label = next((c for c in row.cells if _name_label(c.text) == ""), None)
    if label is None or len(row.cells) < 3 or any(ch.isdigit() for t in row.texts for ch in t):
        return False
    below = grid.covering(label.last_row + 1, label.col)
    if below is None or below.row != label.last_row + 1 or read_header(grid, below.row) is not None:
        return False
    text = squash(clean(below.text)).rstrip(":：")
    return bool(text) and text not in FIELD_LABELS and not is_head_label(text) and _name_label(text) is None


def _repeats_title(form: _FormBuilder, title: tuple[str, Location]) -> bool:
    """Whether a title line repeats the open form's title (a page head), not a new form's."""
    return form.title is not None and squash(form.title[0]) == squash(title[0])


def _is_title_row(row: _Row) -> bool:
    return _is_title_texts(row.texts)


def _is_title_texts(texts: Sequence[str]) -> bool:
    """A form's title row: …绩效目标…表 first, perhaps with a few more cells (（2022年度）, a unit,
    a date), none a field label or a table word; a title glued to its 项目名称 label is a
    项目名称 row."""
    if not 1 <= len(texts) <= 4:
        return False
    if not is_title_text(texts[0]):
        return is_self_evaluation_title(texts)
    if any(_name_label(t) is not None for t in texts):
        return False
    return len(texts) <= 2 or all(head_cell(t).label is None and "指标" not in t for t in texts[1:])



class _TextFacts(NamedTuple):
    """What recovery asks of one text line, worked out once per distinct line."""

    cells: tuple  # the line's cells, invisible characters removed
    page: bool
    title: bool
    name: bool
    header: bool
    unit: bool
    period: str | None
    table_title: bool  # 年度指标 / 绩效指标 …: skipped in a project block
    signature: bool
    inner: bool  # a 项目名称/预算单位 row: never an indicator
    head: bool  # a project-block label: after a title, a new form's block


_NOTHING = object()  # a line of invisible characters only
_LOOK_AHEAD = 16  # lines of a project block searched for a self-evaluation's blocks
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # what grid.clean removes
_SIGNATURE_STARTS = frozenset(w[0] for w in _SIGNATURE_WORDS) | frozenset("0123456789")
_LABEL_ENDS = frozenset("称位门人性限据金源")  # the last character of the FIELD_LABELS keys but 目标/指标
# What a line needs for any test below to fit, as one search: 项目名称 and 单位名称 (称), 预算单位 and
# 单位：万元, 预算部门, 项目属性, 项目资金/资金来源, 总体目标 and a title's 绩效目标. Page numbers and
# signature rows are told by their first character; period headings stand alone on their line.
_MAYBE_SPECIAL = re.compile(r"称|单\s*位|部\s*门|属\s*性|资\s*金|目\s*标|自\s*评")
_SPECIAL_STARTS = _SIGNATURE_STARTS | frozenset("第共-—–pP")


def _text_facts(cells, line: str, maybe_header: bool):
    """``_TextFacts`` of a line's cells. Most lines are indicator rows that none of the tests
    fits: one search over the line tells them (tests/loaders/test_text_grid.py holds the
    shortcut to the full tests)."""
    if _INVISIBLE_RE.search(line):
        cells = tuple(Cell(t, c.index, c.column) for c in cells if (t := clean(c.text)))
        if not cells:
            return _NOTHING
        line = "\t".join([c.text for c in cells])
        return _full_text_facts(cells, line, maybe_header, cleaned=True)
    if not (
        maybe_header
        or cells[0].text[:1] in _SPECIAL_STARTS
        or len(cells) == 1 and ("指" in line or "目" in line)
        or _MAYBE_SPECIAL.search(line)
    ):
        return _PLAIN_LINE
    return _full_text_facts(cells, line, maybe_header)


def _full_text_facts(cells, line: str, maybe_header: bool, cleaned: bool = False):
    texts = [c.text for c in cells]
    count = len(texts)
    row = _Row(None, 0, 0, list(cells))
    name = "称" in line and _is_name_row(row)
    title = not name and ("目" in line or "评" in line) and _is_title_texts(texts)
    header = maybe_header and is_table_header(cells)
    page = count <= 2 and len(line) <= 24 and _is_page_number(row)
    unit = count <= 3 and "单位" in line and _declares_unit(row)
    period = None
    table_title = False
    if count == 1:
        period = _period_heading(row)
        table_title = squash(texts[0]).rstrip(":：") in TABLE_TITLES
    signature = texts[0][:1] in _SIGNATURE_STARTS and _is_signature(row)
    inner = head = False
    for t in texts:
        if len(t) <= 16:
            tail = t.rstrip(":： ")
            if tail[-1:] in _LABEL_ENDS or tail.endswith("目标"):
                field = FIELD_LABELS.get(squash(t).rstrip(":："))
                if field in ("name", "budget_unit"):
                    inner = head = True
                elif field in ("kind", "funding", "goals"):
                    head = True
    if not (cleaned or name or title or header or page or unit or period or table_title or signature or head):
        return _PLAIN_LINE
    return _TextFacts(cells, page, title, name, header, unit, period, table_title, signature, inner, head)


_PLAIN_LINE = _TextFacts((), False, False, False, False, False, None, False, False, False, False)


def _text_head_follows(lines, position: int) -> bool:
    """``_Reader._head_follows`` for text lines: a project block under a 项目名称 row."""
    for _, info in lines[position + 1 : position + 5]:
        for cell in info.cells:
            field = FIELD_LABELS.get(squash(clean(cell.text)).rstrip(":："))
            if field in ("kind", "term", "basis", "funding", "sources", "goals") or is_head_label(cell.text):
                return True
    return False


def document_from_grids(grids: Sequence[Grid], path: str, fmt: str, limits: Limits, pages: int | None = None) -> Document:
    """A Document from a document's grids: its forms, or E020 naming how much was looked at (and,
    when some tables head a 项目名称 column, that those are lists of projects, not forms: a user
    who sees "no 项目名称" beside a table headed 项目名称 would think the reader blind)."""
    recovered = recover(grids, path, limits)
    if not recovered.forms:
        message_id, args = ids.NO_FORM_IN_GRIDS, {"tables": recovered.tables}
        if pages is not None:
            message_id, args = message_id + ".pages", {**args, "pages": pages}
        if recovered.lists:
            message_id, args = message_id + ".lists", {**args, "lists": recovered.lists}
        error = ids.file_error(message_id, Location(path), **args)
        return Document(path, error=error, format=fmt)
    return Document(path, recovered.forms, recovered.issues, format=fmt)


__all__ = ["Recovered", "TABLE_TITLES", "checkbox_markup", "clean", "document_from_grids", "recover"]
