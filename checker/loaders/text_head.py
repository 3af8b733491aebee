"""The project block above the indicator table of the extracted-text layout.

Anchored on labels (项目名称, 项目属性, 年度资金总额 …), never on column positions: a label's value
is the next non-label cell of its row, wherever the extraction put it. Cells that fit nowhere are
reported as E101, so nothing is silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from policy.forms.amounts import parse_amount, unit_declaration
from checker.loaders import issues as ids
from checker.loaders.cells import Cell, is_checkbox_cell, parse_checkboxes
from grammar.folding import squash
from policy.forms.model import (
    SOURCE_KEYS,
    Amount,
    Checkbox,
    LoadIssue,
    Location,
)

# Field labels (whitespace removed) → the field they introduce.
FIELD_LABELS = {
    "项目名称": "name",
    "预算单位": "budget_unit",
    "主管部门": "budget_unit",  # a target form printing 主管部门 without 预算单位 (11 public forms)
    "主管部门及代码": "budget_unit",
    "预算部门": "budget_unit",
    "单位名称": "budget_unit",
    "实施单位及责任人": "implementer",
    "实施单位及负责人": "implementer",
    "实施单位": "implementer",
    "项目实施单位": "implementer",
    "项目属性": "kind",
    "项目期限": "term",
    "立项依据": "basis",
    "项目资金": "funding",
    "项目资金来源": "sources",
    "资金来源": "sources",
    "来源": "sources",
    "总体目标": "goals",
    "绩效指标": "table",
}
TEXT_FIELDS = ("name", "budget_unit", "implementer")
TABLE_TITLES = frozenset({"中长期指标", "年度指标", "中长期绩效指标", "年度绩效指标", "绩效指标"})
CHECKBOX_FIELDS = ("kind", "term", "basis")

_SEP = "[:：]?"
_FUNDING = [
    ("long_term_total", re.compile(rf"^中长期资金总额{_SEP}(.*)$")),
    ("total", re.compile(rf"^(?:年度资金总额|资金总额){_SEP}(.*)$")),
    ("fiscal", re.compile(rf"^(?:其中{_SEP})?财政拨款{_SEP}(.*)$")),
    ("other", re.compile(rf"^其他资金{_SEP}(.*)$")),
    (
        "procurement",
        re.compile(rf"^(?:年度资金中{_SEP})?政府采购{_SEP}(.*?)(?:[（(]政府购买服务{_SEP}(.*?)[）)]?)?$"),
    ),
    ("purchase_services", re.compile(rf"^政府购买服务{_SEP}(.*)$")),
    ("previous_years", re.compile(rf"^(?:延续项目)?以前年度预算安排{_SEP}(.*)$")),
]
_SIDED = ("fiscal", "other")  # a long-term and an annual column
_HAS_NUMBER = re.compile(r"[0-9０-９]")
# A set, not a character class: compiling a class of Chinese characters costs ~0.7 ms of a cold
# start, and only "is one of them in the text" is asked.
_CJK_NUMBERS = frozenset("一二三四五六七八九十百千")
_SOURCE_STEMS = {
    "合计": "合计",
    "一般公共预算": "一般公共预算收入",
    "政府性基金预算": "政府性基金预算收入",
    "国有资本经营预算": "国有资本经营预算收入",
    "社会保险基金": "社会保险基金收入",
    "其他": "其他收入",
}
CACHED_LENGTH = 256  # longer cells (goals, prose) are read without keeping them in a cache
_NUMBERING_DIGITS = frozenset("0123456789一二三四五六七八九十")


def strip_numbering(text: str) -> str:
    """``re.sub(r"^[（(]?[0-9一二三四五六七八九十]+[.．、)）]", "", text)``: "1.一般公共预算" →
    "一般公共预算". Written out because compiling that class of Chinese characters costs ~0.8 ms of
    every cold start (equality: tests/test_character_sets.py)."""
    start = 1 if text[:1] in ("（", "(") else 0
    end = start
    while end < len(text) and text[end] in _NUMBERING_DIGITS:
        end += 1
    if end > start and text[end : end + 1] in (".", "．", "、", ")", "）"):
        return text[end + 1 :]
    return text


def source_key(text: str) -> str | None:
    """The SOURCE_KEYS entry a 项目资金来源 header cell names ("1.一般公共预算 收入"), or None."""
    stem = strip_numbering(squash(text))
    stem = stem.removesuffix("收入")
    key = _SOURCE_STEMS.get(stem)
    return key if key in SOURCE_KEYS else None


def _field_label(text: str) -> tuple[str, str] | None:
    """(field, inline value) for a label cell, also "项目名称：X" with its value in the cell."""
    sq = squash(text)
    field = FIELD_LABELS.get(sq.rstrip(":："))
    if field is not None:
        return field, ""
    for label, name in FIELD_LABELS.items():
        if name in TEXT_FIELDS and sq.startswith(label) and sq[len(label) : len(label) + 1] in (":", "："):
            rest = re.sub(r"^\s*[^:：]*[:：]\s*", "", text, count=1)
            return name, rest.strip()
    return None


def _goal_label(text: str) -> str | None:
    sq = squash(text)
    if sq.startswith(("中长期目标", "中长期绩效目标")):
        return "long_term"
    if sq.rstrip(":：") in ("年度目标", "年度绩效目标", "当年目标"):
        return "annual"
    return None


class HeadCell(NamedTuple):
    """Everything the project block asks of one cell's text, worked out once per spelling."""

    unit: str | None  # the unit a 金额单位：万元 / 单位：元 cell declares
    table_title: bool  # 年度指标, 绩效指标 … printed above the table
    label: tuple[str, str] | None  # _field_label
    goal: str | None  # _goal_label
    checkbox: bool
    funding: tuple[str, tuple[str, str | None]] | None  # _funding_cell
    source: str | None  # source_key
    has_number: bool


def _read_head_cell(text: str) -> HeadCell:
    sq = squash(text)
    return HeadCell(
        unit=unit_declaration(text),
        table_title=sq in TABLE_TITLES,
        label=_field_label(text),
        goal=_goal_label(text),
        checkbox=is_checkbox_cell(text),
        funding=_funding_cell(text),
        source=source_key(text),
        has_number=_HAS_NUMBER.search(text) is not None,
    )


_head_cell_cached = lru_cache(maxsize=8192)(_read_head_cell)  # labels recur on every form


def head_cell(text: str) -> HeadCell:
    """``_read_head_cell``, cached for cells short enough to be labels or amounts."""
    return _head_cell_cached(text) if len(text) <= CACHED_LENGTH else _read_head_cell(text)


class HeadRow(NamedTuple):
    """A row read for the project block: each cell's HeadCell, and what the row as a whole says."""

    kinds: tuple[HeadCell, ...]
    unit: str | None  # the last unit declaration of the row
    sources: int  # how many cells name a 项目资金来源 column
    goal: bool  # whether a cell is a goal label


def read_head_row(cells: Sequence[Cell]) -> HeadRow:
    """A pure function of the cells: identical lines may share one HeadRow."""
    kinds = tuple([head_cell(c.text) for c in cells])
    unit = None
    sources = 0
    goal = False
    for kind in kinds:
        if kind.unit:
            unit = kind.unit
        if kind.source:
            sources += 1
        if kind.goal:
            goal = True
    return HeadRow(kinds, unit, sources, goal)


class HeadParser:
    """Collects the project block of one form, row by row."""

    def __init__(self, path: str, report: Callable[[LoadIssue], None]):
        self.path = path
        self.report = report
        self.text: dict[str, tuple[str, Location]] = {}
        # 项目名称 / 预算单位 / 实施单位 labels printed with no value: where the label stands, so a
        # field left blank on the form is told from one the form does not have (S115).
        self.blank: dict[str, Location] = {}
        self.options: dict[str, tuple[tuple[Checkbox, ...], Location]] = {}
        self.amounts: dict[str, Amount] = {}
        self.sources: dict[str, Amount] = {}
        self.amount_unit: str | None = None
        self.goal_label: str | None = None
        self.goal_label_location: Location | None = None
        self.goal_text: dict[str, list[tuple[str, Location]]] = {"long_term": [], "annual": []}
        self._goal_columns: dict[str, int] = {}
        self._in_goals = False
        self._funding_columns: dict[str, int] = {}
        self._source_columns: dict[int, str] | None = None
        self._expect_source_amounts = False

    def loc(self, line: int, cell: Cell) -> Location:
        return Location(self.path, line, cell.column)

    def unplaced(self, line: int, cell: Cell) -> None:
        self.report(ids.cell_warning(ids.UNPLACED_CELL, self.loc(line, cell), text=cell.text))

    # -- one row ---------------------------------------------------------------------------
    def feed(self, line: int, cells: Sequence[Cell], row: HeadRow | None = None) -> None:
        """One row of the block; ``row`` is ``read_head_row(cells)`` when the caller has it."""
        if row is None:
            row = read_head_row(cells)
        kinds = row.kinds
        if self.amount_unit is None and row.unit:
            self.amount_unit = row.unit
        if self._feed_sources(line, cells, row):
            return
        if row.goal:
            self._in_goals = True
            self._goal_columns = {}
        pending: str | None = None  # the field a label opened and no value filled yet
        pending_cell: Cell | None = None  # the label that opened it
        pending_amount: str | None = None
        seen_sided: dict[str, int] = {}
        for cell, kind in zip(cells, kinds):
            if (self.amount_unit and kind.unit) or kind.table_title:
                continue  # the unit declaration; a title row above the 绩效指标 header
            label = kind.label
            if label is not None:
                field, inline = label
                self._left_blank(pending, line, pending_cell)
                pending, pending_cell, pending_amount = field, cell, None
                if field == "goals":
                    self._in_goals = True
                if field in TEXT_FIELDS and inline:
                    self._set_text(field, inline, line, cell)
                    pending = None
                continue
            goal = kind.goal
            if goal is not None:
                self._goal_columns[goal] = cell.index
                if goal == "long_term":
                    self.goal_label = cell.text
                    self.goal_label_location = self.loc(line, cell)
                self._left_blank(pending, line, pending_cell)
                pending = "goal:" + goal
                continue
            if kind.checkbox:
                self._set_checkboxes(pending, cell, line)
                self._left_blank(pending, line, pending_cell)
                pending = None
                continue
            # After 项目名称/预算单位/实施单位 the next cell is that field's value, even when it
            # reads like a funding label ("政府采购监管经费" is a project name).
            funding = None if pending in TEXT_FIELDS else kind.funding
            if funding is not None:
                key, amount_texts = funding
                self._record_funding_column(key, cell.index)
                if key in _SIDED:
                    seen_sided[key] = seen_sided.get(key, 0) + 1
                    key = self._side(key, cell.index, seen_sided[key], kinds)
                if key == "procurement":
                    self._set_amount("procurement", amount_texts[0], line, cell)
                    if amount_texts[1] is not None:
                        self._set_amount("purchase_services", amount_texts[1], line, cell)
                elif _HAS_NUMBER.search(amount_texts[0] or ""):
                    self._set_amount(key, amount_texts[0], line, cell)
                else:
                    pending_amount = key
                    self._set_amount(key, amount_texts[0], line, cell)
                pending = None
                continue
            if pending_amount is not None and kind.has_number:
                self._set_amount(pending_amount, cell.text, line, cell, force=True)
                pending_amount = None
                continue
            if pending in TEXT_FIELDS:
                self._set_text(pending, cell.text, line, cell)
                continue
            if pending and pending.startswith("goal:"):
                self._add_goal(pending[5:], cell.text, line, cell)
                continue
            if self._in_goals and self._goal_columns:
                self._add_goal(self._nearest_goal(cell.index), cell.text, line, cell)
                continue
            self.unplaced(line, cell)
        if len(cells) > 1:  # a label alone on its line may have its value on the next one
            self._left_blank(pending, line, pending_cell)

    def _left_blank(self, pending: str | None, line: int, label: Cell | None) -> None:
        """A text field's label whose row ended, or met the next label, with no value after it."""
        if pending in TEXT_FIELDS and label is not None and pending not in self.text:
            self.blank.setdefault(pending, self.loc(line, label))

    # -- fields ----------------------------------------------------------------------------
    def _set_text(self, field: str, text: str, line: int, cell: Cell) -> None:
        if field in self.text:
            prev, prev_loc = self.text[field]
            if prev_loc.line == line:  # the value spilled into a second cell of the row
                self.text[field] = (f"{prev} {text}", prev_loc)
                return
            self.unplaced(line, cell)
            return
        self.text[field] = (text, self.loc(line, cell))

    def _set_checkboxes(self, pending: str | None, cell: Cell, line: int) -> None:
        options = parse_checkboxes(cell.text)
        field = pending if pending in CHECKBOX_FIELDS else _infer_checkbox_field(options)
        if field in self.options:
            self.unplaced(line, cell)
            return
        self.options[field] = (options, self.loc(line, cell))

    def _record_funding_column(self, key: str, index: int) -> None:
        if key in ("long_term_total", "total") and key not in self._funding_columns:
            self._funding_columns[key] = index

    def _side(self, key: str, index: int, nth: int, kinds: Sequence[HeadCell]) -> str:
        """fiscal/other → long-term or annual: nearest of the two 资金总额 columns, else order."""
        lt = self._funding_columns.get("long_term_total")
        an = self._funding_columns.get("total")
        if lt is not None and an is not None and abs(index - lt) != abs(index - an):
            annual = abs(index - an) < abs(index - lt)
        else:
            same = sum(1 for kind in kinds if kind.funding and kind.funding[0] == key)
            annual = not (same >= 2 and nth == 1)
        return key if annual else "long_term_" + key

    def _set_amount(self, key: str, text: str | None, line: int, cell: Cell, force=False) -> None:
        text = (text or "").strip()
        if key in self.amounts and not force:
            self.unplaced(line, cell)
            return
        if not _HAS_NUMBER.search(text) and _CJK_NUMBERS.isdisjoint(text):
            self.amounts.pop(key, None)
            return  # a blank amount ("其他资金 万元") stays missing
        loc = self.loc(line, cell)
        yuan = parse_amount(text, self.amount_unit or "元")
        if yuan is None:
            self.report(ids.cell_warning(ids.BAD_AMOUNT, loc, field=key, text=text))
        self.amounts[key] = Amount(text, yuan, loc)

    def _feed_sources(self, line: int, cells: Sequence[Cell], row: HeadRow) -> bool:
        """The 项目资金来源 header row (合计 | 1.一般公共预算收入 | …) and the amounts row below."""
        kinds = row.kinds
        if row.sources >= 2:
            self._source_columns = {
                c.index: kind.source for c, kind in zip(cells, kinds) if kind.source
            }
            self._expect_source_amounts = True
            for cell, kind in zip(cells, kinds):
                if kind.source is None and kind.label is None:
                    self.unplaced(line, cell)
            return True
        if not self._expect_source_amounts or self._source_columns is None:
            return False
        self._expect_source_amounts = False
        columns = dict(self._source_columns)
        for cell, kind in zip(cells, kinds):
            label = kind.label
            if label is not None and label[0] in ("sources", "funding"):
                continue
            key = columns.pop(cell.index, None)
            if key is None:
                near = [i for i in columns if abs(i - cell.index) == 1]
                key = columns.pop(near[0]) if len(near) == 1 else None
            if key is None:
                self.unplaced(line, cell)
                continue
            loc = self.loc(line, cell)
            yuan = parse_amount(cell.text, self.amount_unit or "元")
            if yuan is None and kind.has_number:
                self.report(ids.cell_warning(ids.BAD_AMOUNT, loc, field=key, text=cell.text))
            if yuan is not None or kind.has_number:
                self.sources[key] = Amount(cell.text, yuan, loc)
        return True

    def _nearest_goal(self, index: int) -> str:
        cols = self._goal_columns
        if len(cols) == 1:
            return next(iter(cols))
        lt, an = cols["long_term"], cols["annual"]
        return "annual" if abs(index - an) <= abs(index - lt) else "long_term"

    def _add_goal(self, which: str, text: str, line: int, cell: Cell) -> None:
        self.goal_text[which].append((text, self.loc(line, cell)))


def _funding_cell(text: str) -> tuple[str, tuple[str, str | None]] | None:
    sq = squash(text)
    for key, pattern in _FUNDING:
        m = pattern.match(sq)
        if m:
            groups = m.groups()
            second = groups[1] if len(groups) > 1 else None
            return key, (groups[0], second)
    return None


def _infer_checkbox_field(options: tuple[Checkbox, ...]) -> str:
    labels = "".join(o.label for o in options)
    if "新增" in labels or "延续" in labels:
        return "kind"
    if "一次性" in labels or "经常性" in labels:
        return "term"
    return "basis"
