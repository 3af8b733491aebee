"""Flat tables (CSV, TSV, XLSX sheets): one indicator per row, as budget systems export them.

Sichuan: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 |
度量单位 | 权重 | 指标方向性, under a ``金额单位：元`` line; close variants (指标值类型 | 指标值 |
计量单位, or 指标值及单位 in one column) are recognised by their header labels, found anywhere in
the first rows. Project cells are filled only on a project's first row (or merged down, which
reads the same: blank), so a blank 项目名称 continues the project above, and blank 一级/二级 cells
continue the row above within the project.

Nothing is read in silence: a CSV row with more cells than its header (an unquoted comma) is
reported and not read shifted; a repeated 三级指标/指标值 column group gives one indicator per group;
a second header row starts a new block with its own declared amount unit (concatenated exports);
a project name filled again after rows that left it blank starts another form of the same name.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any

import attrs

from policy.forms.amounts import declared_unit, parse_amount
from checker.loaders import issues as ids
from grammar.folding import squash
from checker.loaders.limits import Limits
from checker.loaders import self_evaluation_flat as self_evaluation
from policy.forms.model import (
    ANNUAL,
    Amount,
    Document,
    Form,
    Funding,
    Goals,
    Indicator,
    LoadIssue,
    Location,
)
from grammar import parse_value

HEADER_SCAN_ROWS = 100

# Header label (whitespace and a trailing "(unit)" removed) → column role.
COLUMN_ROLES = {
    "单位名称": "budget_unit",
    "预算单位": "budget_unit",
    "预算部门": "budget_unit",
    "部门名称": "budget_unit",
    "项目名称": "name",
    "项目": "name",
    "预算数": "total",
    "预算金额": "total",
    "年度资金总额": "total",
    "资金总额": "total",
    "项目金额": "total",
    "年度目标": "annual_goal",
    "年度绩效目标": "annual_goal",
    "中长期目标": "long_term_goal",
    "实施单位": "implementer",
    "实施单位及责任人": "implementer",
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "指标名称": "level3",
    "指标性质": "op",
    "指标值类型": "op",
    "运算符号": "op",
    "指标值": "value",
    "目标值": "value",
    "年度指标值": "value",
    "度量单位": "unit",
    "计量单位": "unit",
    "指标单位": "unit",
    "指标值及单位": "value_with_unit",
    "指标值（含单位）": "value_with_unit",
    "权重": "weight",
    "分值": "weight",
    **self_evaluation.SELF_EVALUATION_COLUMNS,
}
PROJECT_ROLES = ("budget_unit", "total", "annual_goal", "long_term_goal", "implementer", *self_evaluation.PROJECT_ROLES)
# Roles of one indicator's columns: a header that repeats them side by side holds several
# indicators per row (三级指标 | 指标值 | 三级指标 | 指标值).
INDICATOR_ROLES = ("level1", "level2", "level3", "op", "value", "unit", "value_with_unit", "weight",
                   *self_evaluation.EVALUATION_ROLES)
COMPARATORS = ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", ">=", "<=", "≧", "≦")
_UNIT_SUFFIX = re.compile(r"[（(]\s*(万元|元|千元|亿元|%|％)\s*[)）]$")


@attrs.frozen
class Row:
    """One table row: its line (CSV physical line / XLSX row number) and its cell texts."""

    line: int
    cells: tuple[str, ...]
    sheet: str | None = None
    refs: tuple[str, ...] | None = None  # XLSX cell references, parallel to cells


@attrs.frozen
class Header:
    index: int  # position of the header row in the row list
    roles: dict  # role -> column index
    extra: dict  # column index -> header text (other columns, kept as Indicator.extra)
    total_unit: str | None
    groups: tuple = ()  # further indicator column groups (role -> column), left to right
    width: int = 0  # columns the header names: a CSV row with cells beyond them was shifted


def _role(text: str) -> tuple[str | None, str | None]:
    sq = squash(text)
    unit = None
    m = _UNIT_SUFFIX.search(sq)
    if m and sq[: m.start()] in COLUMN_ROLES:
        unit = m.group(1)
        sq = sq[: m.start()]
    return COLUMN_ROLES.get(sq), unit


def find_header(rows: Sequence[Row], start: int = 0, scan: int = HEADER_SCAN_ROWS) -> Header | None:
    """The header row among the first ``scan`` rows from ``start``: it names 项目名称, 三级指标
    and a value column."""
    for index in range(start, min(len(rows), start + scan)):
        header = _header_of(rows[index], index)
        if header is not None:
            return header
    return None


def _header_of(row: Row, index: int) -> Header | None:
    roles: dict[str, int] = {}
    extra: dict[int, str] = {}
    groups: list[dict[str, int]] = []
    total_unit = None
    for col, text in enumerate(row.cells):
        if not text or not text.strip():
            continue
        role, unit = _role(text)
        if role is None:
            extra[col] = text.strip()
        elif role not in roles:
            roles[role] = col
            if role == "total":
                total_unit = unit
        elif role in INDICATOR_ROLES:
            if not groups or role in groups[-1]:
                groups.append({})
            groups[-1][role] = col
        else:
            extra[col] = text.strip()  # a project column named twice: kept, not dropped
    if "name" in roles and "level3" in roles and ("value" in roles or "value_with_unit" in roles):
        width = max(col for col, text in enumerate(row.cells) if text and text.strip()) + 1
        return Header(index, roles, extra, total_unit, tuple(groups), width)
    return None


def text_rows(text: str, suffix: str, limits: Limits | None = None) -> list[Row]:
    """CSV/TSV text → rows with their starting physical line."""
    delimiter = "\t" if suffix == ".tsv" else _sniff_delimiter(text)
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 28))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    line = 1
    try:
        for cells in reader:
            rows.append(Row(line, tuple(cells)))
            line = reader.line_num + 1
            if limits is not None and len(rows) > limits.max_rows:
                break
    except csv.Error:
        rows.append(Row(line, ("\x00csv-error",)))
    return rows


def _sniff_delimiter(text: str) -> str:
    head = text[:20000].splitlines()[:30]
    counts = {d: sum(line.count(d) for line in head) for d in (",", "\t", ";", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def load_rows(rows: list[Row], path: str, limits: Limits, fmt: str, encoding: str | None) -> Document:
    """A Document from the rows of one CSV file."""
    forms, issues, error = forms_from_rows(rows, path, limits, index_start=0)
    return Document(path, tuple(forms), tuple(issues), error=error, format=fmt, encoding=encoding)


def forms_from_rows(
    rows: list[Row], path: str, limits: Limits, index_start: int = 0
) -> tuple[list[Form], list[LoadIssue], LoadIssue | None]:
    """Forms, file-level issues, and the error when there is no header row."""
    issues: list[LoadIssue] = []
    if rows and rows[-1].cells == ("\x00csv-error",):
        bad = rows.pop()
        issues.append(ids.file_error(ids.SYNTAX, Location(path, bad.line), reason="CSV"))
    if len(rows) > limits.max_rows:
        issues.append(ids.file_error(ids.TOO_MANY_ROWS, _loc(path, rows[limits.max_rows], 0), limit=limits.max_rows))
        rows = rows[: limits.max_rows]
    rows = _truncate_cells(rows, path, limits, issues)
    header = find_header(rows)
    if header is None:
        sheet = rows[0].sheet if rows else None
        return [], issues, ids.file_error(ids.NO_HEADER, Location(path, sheet=sheet))
    builder = None
    for block_header, preamble, data in _blocks(rows, header):
        unit = block_header.total_unit
        for row in preamble:
            for col, text in enumerate(row.cells):
                found = declared_unit(text) if text else None
                if found:
                    unit = unit or found
                elif text and text.strip():
                    issues.append(_unplaced(path, row, col, text))
        if builder is None:
            builder = _Builder(path, block_header, unit or "元", bool(unit), limits, issues, index_start)
        else:
            builder.start_block(block_header, unit or "元", bool(unit))
        for row in data:
            builder.feed(row)
    return builder.finish(), issues, None


def _known_columns(header: Header) -> frozenset[int]:
    """The columns a header gives a meaning to (a role, a repeated group, or a kept extra)."""
    return frozenset({*header.roles.values(), *header.extra, *(c for g in header.groups for c in g.values())})


def _maybe_header(row: Row) -> bool:
    """Cheap test before _header_of: a header row names 项目 and some 指标 column."""
    joined = "".join(c for c in row.cells if c)
    return "项目" in joined and "指标" in joined


def _blocks(rows: list[Row], first: Header) -> list[tuple[Header, list[Row], list[Row]]]:
    """(header, rows before it, rows under it) for every header row of a concatenated export.
    The one-cell rows just above a later header (its title, 金额单位：万元) are its preamble."""
    headers = [first] + [
        h for i in range(first.index + 1, len(rows))
        if _maybe_header(rows[i]) and (h := _header_of(rows[i], i)) is not None
    ]
    blocks = []
    start = 0
    for n, header in enumerate(headers):
        end = headers[n + 1].index if n + 1 < len(headers) else len(rows)
        if n + 1 < len(headers):
            while end - 1 > header.index and _is_preamble(rows[end - 1]):
                end -= 1
        blocks.append((header, rows[start: header.index], rows[header.index + 1: end]))
        start = end
    return blocks


def _is_preamble(row: Row) -> bool:
    texts = [c.strip() for c in row.cells if c and c.strip()]
    if not texts:
        return True
    return len(texts) == 1 and (declared_unit(texts[0]) is not None or "表" in texts[0])


def _truncate_cells(rows: list[Row], path: str, limits: Limits, issues: list[LoadIssue]) -> list[Row]:
    cap = limits.max_cell_chars
    out = []
    for row in rows:
        if any(c and len(c) > cap for c in row.cells):
            for col, c in enumerate(row.cells):
                if c and len(c) > cap:
                    issues.append(
                        ids.cell_warning(ids.CELL_TOO_LONG, _loc(path, row, col), length=len(c), limit=cap)
                    )
            row = attrs.evolve(row, cells=tuple(c[:cap] if c else c for c in row.cells))
        out.append(row)
    return out


def _loc(path: str, row: Row, col: int) -> Location:
    if row.refs is not None:
        ref = row.refs[col] if col < len(row.refs) else None
        return Location(path, row.line, sheet=row.sheet, cell=ref)
    return Location(path, row.line)


def _unplaced(path: str, row: Row, col: int, text: str) -> LoadIssue:
    return ids.cell_warning(ids.UNPLACED_CELL, _loc(path, row, col), text=text.strip())


def join_value(op: str | None, number: str | None, unit: str | None) -> str | None:
    """Operator, number and unit cells → one value text: (≥, 95, %) → "≥95%"; 定性 → the value."""
    op = (op or "").strip()
    number = (number or "").strip()
    unit = (unit or "").strip()
    if op.startswith("定性"):
        return number or None
    prefix = ""
    if op in COMPARATORS and not number.startswith(COMPARATORS):
        prefix = op
    elif op and op not in COMPARATORS and not op.startswith(("定量", "不适用", "其他")):
        prefix = op  # e.g. 大于等于: kept as written, the grammar reads it
    suffix = unit if unit and not number.endswith(unit) else ""
    text = prefix + number + suffix
    return text or None


class _Builder:
    def __init__(self, path, header: Header, unit: str, declared: bool, limits: Limits, issues, index_start):
        self.path = path
        self.h = header
        self.known = _known_columns(header)
        self.unit = unit
        self.declared = declared
        self.limits = limits
        self.issues: list[LoadIssue] = issues
        self.index = index_start
        self.forms: list[Form] = []
        self.current: dict[str, Any] | None = None
        self.last_budget_unit: tuple[str, Location] | None = None

    def start_block(self, header: Header, unit: str, declared: bool) -> None:
        """A later header row of a concatenated export: its columns and amount unit from here on
        (a project already open keeps the unit it was opened under)."""
        self.h, self.unit, self.declared = header, unit, declared
        self.known = _known_columns(header)

    def cell(self, row: Row, role: str, columns: dict | None = None) -> str | None:
        col = (self.h.roles if columns is None else columns).get(role)
        if col is None or col >= len(row.cells):
            return None
        text = row.cells[col].strip() if row.cells[col] else ""
        return text or None

    def _too_wide(self, row: Row) -> bool:
        """Cells beyond the header's columns: in a CSV the row was shifted by an unquoted
        delimiter (reported, not read into the wrong columns); in a sheet they are unplaced."""
        width = self.h.width
        if not width or len(row.cells) <= width:
            return False
        beyond = [(col, c) for col, c in enumerate(row.cells[width:], width) if c and c.strip()]
        if not beyond:
            return False
        if row.refs is not None:
            self.issues.extend(_unplaced(self.path, row, col, c) for col, c in beyond)
            return False
        self.issues.append(ids.cell_warning(ids.ROW_TOO_WIDE, _loc(self.path, row, 0),
                                            cells=len(row.cells), columns=width))
        return True

    def feed(self, row: Row) -> None:
        if not any(c and c.strip() for c in row.cells):
            return
        shifted = self._too_wide(row)
        name = self.cell(row, "name")
        unit = None if shifted else self.cell(row, "budget_unit")
        cur = self.current
        other_unit = cur is not None and unit is not None and unit != cur["project"].get("budget_unit", (None,))[0]
        again = cur is not None and name == cur["name"] and cur["gap"]  # same name, another project
        if name is not None and (cur is None or name != cur["name"] or other_unit or again):
            self._close()
            cur = self.current = self._open(row, name, shifted)
        elif cur is None:
            if not shifted:
                text = next(c.strip() for c in row.cells if c and c.strip())
                self.issues.append(ids.cell_warning(ids.ROW_WITHOUT_PROJECT, _loc(self.path, row, 0), text=text))
            return
        elif not shifted:
            named_rows = "exec_row" in self.h.roles  # execution cells differ from row to row
            for role in PROJECT_ROLES:
                if named_rows and role in self_evaluation.EXECUTION_ROLES:
                    continue
                text = self.cell(row, role)
                if text is not None and text != cur["project"].get(role, (None,))[0]:
                    cur["issues"].append(_unplaced(self.path, row, self.h.roles[role], text))
        if name is None:
            cur["gap"] = True
        if not shifted:
            if "exec_row" in self.h.roles:
                self._execution_row(row, cur)
            self._unnamed_columns(row, cur)
            before = len(cur["indicators"])
            self._indicator(row, cur)
            if len(cur["indicators"]) == before:
                self._unused_extra(row, cur)

    def _execution_row(self, row: Row, cur: dict[str, Any]) -> None:
        """A row's 项目资金 row in an export with a 资金项目 column: named there, or the project's
        first row (年度资金总额). Execution cells on a later row without a name are unplaced."""
        rows = cur.setdefault("execution", [])
        cells = {}
        for role in self_evaluation.EXECUTION_ROLES:
            text = self.cell(row, role)
            if text is not None:
                cells[role] = (text, _loc(self.path, row, self.h.roles[role]))
        label = self.cell(row, "exec_row")
        where = _loc(self.path, row, self.h.roles["exec_row"])
        if label is None and cells and not cur.get("execution_seen"):
            label = self_evaluation.EXECUTION_ROW  # the project's first row
        cur["execution_seen"] = True
        if label is not None:
            rows.append((label, cells, where))
            return
        for role, (text, _) in cells.items():
            cur["issues"].append(_unplaced(self.path, row, self.h.roles[role], text))

    def _unnamed_columns(self, row: Row, cur: dict[str, Any]) -> None:
        """Cells under a header cell left blank: no column role, so the model cannot hold them."""
        for col, text in enumerate(row.cells[: self.h.width or len(row.cells)]):
            if text and text.strip() and col not in self.known:
                cur["issues"].append(_unplaced(self.path, row, col, text))

    def _unused_extra(self, row: Row, cur: dict[str, Any]) -> None:
        """A row that gave no indicator keeps its other columns (指标方向性 …) nowhere: said."""
        for col in self.h.extra:
            text = row.cells[col] if col < len(row.cells) else None
            if text and text.strip():
                cur["issues"].append(_unplaced(self.path, row, col, text))

    def _open(self, row: Row, name: str, shifted: bool = False) -> dict[str, Any]:
        project = {}
        for role in () if shifted else PROJECT_ROLES:
            text = self.cell(row, role)
            if text is not None:
                project[role] = (text, _loc(self.path, row, self.h.roles[role]))
        if "budget_unit" not in project and self.last_budget_unit is not None:
            # 单位名称 merged over several projects reads as blank below its first row.
            project["budget_unit"] = self.last_budget_unit
        self.last_budget_unit = project.get("budget_unit")
        return {
            "name": name,
            "location": _loc(self.path, row, self.h.roles["name"]),
            "project": project,
            "indicators": [],
            "issues": [],
            "level1": None,
            "level2": None,
            "gap": False,  # a row without 项目名称 was read into this project
            "unit": self.unit,
            "declared": self.declared,
        }

    def _indicator(self, row: Row, cur: dict[str, Any]) -> None:
        level1 = self.cell(row, "level1")
        level2 = self.cell(row, "level2")
        if level1 is not None:
            cur["level1"], cur["level2"] = level1, None
        if level2 is not None:
            cur["level2"] = level2
        self._one_indicator(row, cur, self.h.roles, cur["level1"], cur["level2"], with_extra=True)
        for n, group in enumerate(self.h.groups):
            # A group with its own 一级/二级 columns carries them down like the first; one
            # without shares the row's.
            levels = cur.setdefault("group_levels", {}).setdefault(n, [None, None])
            own1, own2 = self.cell(row, "level1", group), self.cell(row, "level2", group)
            if own1 is not None:
                levels[:] = [own1, None]
            if own2 is not None:
                levels[1] = own2
            level1 = levels[0] if "level1" in group else cur["level1"]
            level2 = levels[1] if "level2" in group else cur["level2"]
            self._one_indicator(row, cur, group, level1, level2, with_extra=False)

    def _one_indicator(self, row: Row, cur: dict[str, Any], columns: dict, level1, level2,
                       with_extra: bool) -> None:
        name = self.cell(row, "level3", columns)
        if "value_with_unit" in columns and self.cell(row, "value_with_unit", columns) is not None:
            value = self.cell(row, "value_with_unit", columns)
            value_col = columns["value_with_unit"]
        else:
            value = join_value(self.cell(row, "op", columns), self.cell(row, "value", columns),
                               self.cell(row, "unit", columns))
            value_col = columns.get("value", columns.get("op", columns.get("value_with_unit")))
        if name is None and value is None:
            return
        if len(cur["indicators"]) >= self.limits.max_indicators_per_form:
            if not cur.get("overflow"):
                cur["overflow"] = True
                cur["issues"].append(
                    ids.cell_warning(ids.TOO_MANY_INDICATORS, _loc(self.path, row, 0), limit=self.limits.max_indicators_per_form)
                )
            return
        extra = {
            text: row.cells[col].strip()
            for col, text in self.h.extra.items()
            if with_extra and col < len(row.cells) and row.cells[col] and row.cells[col].strip()
        }
        weight_text = self.cell(row, "weight", columns)
        weight = None
        if weight_text is not None:
            weight = parse_amount(weight_text.rstrip("%％"), "元")
            if weight is None:
                extra["权重"] = weight_text
        name_col = columns.get("level3", value_col)
        indicator = Indicator(
                level1_text=level1,
                level2_text=level2,
                name=name,
                value_text=value,
                period=ANNUAL,
                location=_loc(self.path, row, name_col if name is not None else value_col),
                value=parse_value(value) if value is not None else None,
                weight=weight,
                extra=extra,
                value_location=_loc(self.path, row, value_col) if value is not None else None,
            )
        if self_evaluation.is_self_evaluation_header(self.h.roles):
            cells = {r: self.cell(row, r, columns) for r in self_evaluation.EVALUATION_ROLES}
            indicator = self_evaluation.evaluated(indicator, cells, weight_text if weight is None else None)
        cur["indicators"].append(indicator)

    def _close(self) -> None:
        cur = self.current
        if cur is None:
            return
        if len(self.forms) >= self.limits.max_forms_per_file:
            if len(self.forms) == self.limits.max_forms_per_file:
                self.issues.append(
                    ids.file_error(ids.TOO_MANY_FORMS, cur["location"], limit=self.limits.max_forms_per_file)
                )
                self.forms.append(None)  # type: ignore[arg-type]  # marker, removed in finish
            return
        project = cur["project"]
        total = None
        if "total" in project:
            text, loc = project["total"]
            yuan = parse_amount(text, cur["unit"])
            if yuan is None:
                cur["issues"].append(ids.cell_warning(ids.BAD_AMOUNT, loc, field="total", text=text))
            total = Amount(text=text, yuan=yuan, location=loc)

        def text_of(role: str) -> tuple[str | None, Location | None]:
            return project.get(role, (None, None))

        annual, annual_loc = text_of("annual_goal")
        long_term, lt_loc = text_of("long_term_goal")
        budget_unit, bu_loc = text_of("budget_unit")
        implementer, impl_loc = text_of("implementer")
        form = Form(
                location=cur["location"],
                index=self.index,
                name=cur["name"],
                budget_unit=budget_unit,
                implementer=implementer,
                funding=Funding(total=total, amount_unit=cur["unit"] if cur["declared"] else None),
                goals=Goals(long_term=long_term, annual=annual, long_term_location=lt_loc, annual_location=annual_loc),
                indicators=tuple(cur["indicators"]),
                issues=tuple(cur["issues"]),
                name_location=cur["location"],
                budget_unit_location=bu_loc,
                implementer_location=impl_loc,
            )
        if self_evaluation.is_self_evaluation_header(self.h.roles):
            form = self_evaluation.self_evaluation_form(form, project, cur["unit"], self.h.roles,
                                                        cur.get("execution"))
        self.forms.append(form)
        self.index += 1
        self.current = None

    def finish(self) -> list[Form]:
        self._close()
        return [f for f in self.forms if f is not None]
