"""The extracted-text layout: forms as published, converted to TAB-separated text.

Many forms per file, each starting at a title line (…绩效目标…表, which also gives the budget
year), then the project block (``text_head``) and the 绩效指标 table (``text_table``). See the
corpus README for what the extraction does to the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.loaders import issues as ids
from checker.loaders.cells import Cell, split_cells
from grammar.folding import squash
from checker.loaders.limits import Limits
from checker.loaders.text_head import HeadParser, HeadRow, read_head_row
from checker.loaders.text_table import TableParser, is_table_header
from policy.forms.model import (
    Amount,
    Attributes,
    Checkbox,
    Form,
    Funding,
    Goals,
    LoadIssue,
    Location,
)

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_KIND = {"新增": "新增", "延续": "延续"}


def is_title(cells: Sequence[Cell]) -> bool:
    """A title row: …绩效目标…表 in the first cell, alone or with one more (e.g. （2022年度）)."""
    if not 1 <= len(cells) <= 2:
        return False
    first = cells[0].text
    if len(first) > 120 or "目" not in first:  # cheap test: most rows have no 目 at all
        return False
    text = squash(first)
    pos = text.find("绩效目标")
    return pos >= 0 and "表" in text[pos:]


def has_form_title(lines: list[str]) -> bool:
    return any(is_title(split_cells(line, 1000)[0]) for line in lines if "绩效目标" in line)


def has_text_layout(lines: list[str]) -> bool:
    """Whether the lines look like extracted forms: a form title or a 项目名称 label cell."""
    for line in lines:
        cells, _ = split_cells(line, 1000)
        if is_title(cells) or any(squash(c.text) == "项目名称" for c in cells):
            return True
    return False


class Line:
    """One line's non-empty cells and what they say, worked out once. Identical lines (label
    rows, blank amounts, repeated indicators) share one Line: it holds no path and no line
    number, and ``head`` is filled by the first form that reads the line in the project block."""

    __slots__ = ("cells", "head", "maybe_header", "title")

    def __init__(self, cells: tuple[Cell, ...], line: str):
        self.cells = cells
        self.title = is_title(cells)
        # The 绩效指标 header needs a cell reading 一级指标: a line without 级 is not it.
        self.maybe_header = "级" in line
        self.head: HeadRow | None = None


# Lines seen recently, by their text. Bounded: emptied when full (one dict, no LRU bookkeeping).
_LINES: dict[str, Line] = {}
LINE_CACHE_SIZE = 4096
CACHED_LINE_LENGTH = 1000


def parse_text_layout(
    lines: list[str], path: str, limits: Limits
) -> tuple[list[Form], list[LoadIssue]]:
    """The forms of a file and the file-level issues (cells outside any form, limits)."""
    return _parse_lines(lines, path, limits)


def _parse_lines(
    lines: list[str], path: str, limits: Limits
) -> tuple[list[Form], list[LoadIssue]]:
    rows: list[tuple[int, Line]] = []
    file_issues: list[LoadIssue] = []
    max_chars = limits.max_cell_chars
    cacheable = min(CACHED_LINE_LENGTH, max_chars)  # a line this short has no cut cell
    known = _LINES
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        info = known.get(line) if len(line) <= cacheable else None
        if info is None:
            cells, cut = split_cells(line, max_chars)
            for c in cut:
                file_issues.append(
                    ids.cell_warning(
                        ids.CELL_TOO_LONG,
                        Location(path, number, c.column),
                        length=len(c.text),
                        limit=max_chars,
                    )
                )
            info = Line(tuple(cells), line)
            if len(line) <= cacheable:
                if len(known) >= LINE_CACHE_SIZE:
                    known.clear()
                known[line] = info
        if info.cells:
            rows.append((number, info))
    starts = [i for i, (_, info) in enumerate(rows) if info.title]
    if not starts:
        first = next(
            (
                i
                for i, (_, info) in enumerate(rows)
                if any(squash(c.text) == "项目名称" for c in info.cells)
            ),
            None,
        )
        starts = [first] if first is not None else []
    if not starts:
        return [], file_issues
    for number, info in rows[: starts[0]]:
        for c in info.cells:
            file_issues.append(
                ids.cell_warning(ids.UNPLACED_CELL, Location(path, number, c.column), text=c.text)
            )
    if len(starts) > limits.max_forms_per_file:
        number = rows[starts[limits.max_forms_per_file]][0]
        file_issues.append(
            ids.file_error(
                ids.TOO_MANY_FORMS, Location(path, number), limit=limits.max_forms_per_file
            )
        )
        starts = starts[: limits.max_forms_per_file]
        ends = starts[1:] + [starts[-1] + 1 + _form_len(rows, starts[-1])]
    else:
        ends = starts[1:] + [len(rows)]
    forms = [
        _parse_form(rows[start:end], path, index, limits)
        for index, (start, end) in enumerate(zip(starts, ends))
    ]
    return forms, file_issues


def _form_len(rows: list[tuple[int, Line]], start: int) -> int:
    for offset, (_, info) in enumerate(rows[start + 1 :]):
        if info.title:
            return offset
    return len(rows) - start - 1


def _parse_form(rows: list[tuple[int, Line]], path: str, index: int, limits: Limits) -> Form:
    issues: list[LoadIssue] = []
    first_line, first = rows[0]
    first_cells = first.cells
    titled = first.title
    title = " ".join(c.text for c in first_cells) if titled else None
    location = Location(path, first_line, first_cells[0].column)
    head = HeadParser(path, issues.append)
    table: TableParser | None = None
    feed_head = head.feed
    body = rows[1:] if titled else rows
    for position, (number, info) in enumerate(body):
        cells = info.cells
        if info.maybe_header and is_table_header(cells):
            table = TableParser(path, cells, issues.append, limits.max_indicators_per_form)
            table.feed_header(number, cells)
            feed_table = table.feed
            for number, info in body[position + 1 :]:
                feed_table(number, info.cells)
            break
        row = info.head
        if row is None:
            row = info.head = read_head_row(cells)
        feed_head(number, cells, row)
    if table is None:
        issues.append(ids.cell_warning(ids.NO_TABLE, location))
    elif table.rows_seen == 0:  # the file (or the form) stops right after the header row
        where = Location(path, table.header_line)
        issues.append(ids.cell_warning(ids.NO_TABLE + ".empty", where))
    year_match = _YEAR.search(title) if title else None
    return Form(
        location=location,
        index=index,
        name=_text(head, "name"),
        budget_unit=_text(head, "budget_unit"),
        implementer=_text(head, "implementer"),
        attributes=_attributes(head, location),
        funding=_funding(head),
        goals=_goals(head),
        indicators=tuple(table.indicators) if table is not None else (),
        title=title,
        year=int(year_match.group(1)) if year_match else None,
        issues=tuple(sorted(issues, key=_issue_order)) if len(issues) > 1 else tuple(issues),
        name_location=_text_loc(head, "name"),
        budget_unit_location=_text_loc(head, "budget_unit"),
        implementer_location=_text_loc(head, "implementer"),
    )


def _issue_order(issue: LoadIssue) -> tuple[int, int]:
    return (issue.location.line or 0, issue.location.column or 0)


def _text(head: HeadParser, field: str) -> str | None:
    return head.text[field][0] if field in head.text else None


def _text_loc(head: HeadParser, field: str) -> Location | None:
    return head.text[field][1] if field in head.text else None


def _checked(options: tuple[Checkbox, ...]) -> tuple[str, ...]:
    return tuple(o.label for o in options if o.checked)


def _attributes(head: HeadParser, fallback: Location) -> Attributes:
    def get(field: str) -> tuple[tuple[Checkbox, ...], Location | None]:
        return head.options.get(field, ((), None))

    kind, kind_loc = get("kind")
    term, term_loc = get("term")
    basis, basis_loc = get("basis")
    return Attributes(
        kind_checked=_checked(kind),
        term_checked=_checked(term),
        basis=_checked(basis),
        kind_options=kind,
        term_options=term,
        basis_options=basis,
        kind_location=kind_loc,
        term_location=term_loc,
        basis_location=basis_loc,
    )


def _funding(head: HeadParser) -> Funding:
    a = head.amounts
    sources: dict[str, Amount] = dict(head.sources)
    return Funding(
        total=a.get("total"),
        fiscal=a.get("fiscal"),
        other=a.get("other"),
        long_term_total=a.get("long_term_total"),
        long_term_fiscal=a.get("long_term_fiscal"),
        long_term_other=a.get("long_term_other"),
        previous_years=a.get("previous_years"),
        procurement=a.get("procurement"),
        purchase_services=a.get("purchase_services"),
        sources=sources,
        amount_unit=head.amount_unit,
    )


def _goals(head: HeadParser) -> Goals:
    def joined(which: str) -> tuple[str | None, Location | None]:
        parts = head.goal_text[which]
        if not parts:
            return None, None
        return "\n".join(p for p, _ in parts), parts[0][1]

    long_term, lt_loc = joined("long_term")
    annual, an_loc = joined("annual")
    return Goals(
        long_term=long_term,
        annual=annual,
        long_term_label=head.goal_label,
        long_term_location=lt_loc or head.goal_label_location,
        annual_location=an_loc,
    )
