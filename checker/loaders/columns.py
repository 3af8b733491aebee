"""The 绩效指标 header of a grid table: which columns hold 一级, 二级, 三级 and 指标值, and the
period of each column group.

Read by meaning and column span, never by fixed position: the header may come in any column
order, be split over two rows (一级 / 指标), sit under a row naming the groups (中长期指标 |
年度指标), or carry extra columns (权重, 备注) that are kept as an indicator's extra fields.
"""

from __future__ import annotations

import re

import attrs

from checker.loaders.grid import Grid, clean
from grammar.folding import squash
from policy.forms.hierarchy import canonical_level1, canonical_level2
from policy.forms.model import ANNUAL, LONG_TERM

_TITLE_WORDS = ("绩效指标",)
_LEVEL_WORD = re.compile("[一二三]级")
_SENTENCE_MARKS = re.compile("[，。；,;]")


@attrs.frozen
class Group:
    """One column group (中长期 or 年度): the 二级, 三级 and 指标值 column spans."""

    level2: int | None
    level3: range | None
    value: range | None
    period: str


@attrs.frozen
class TableColumns:
    level1: int | None
    groups: tuple[Group, ...]
    width: int
    rows: int  # how many grid rows the header takes
    extras: tuple[tuple[int, str], ...] = ()  # (column, header text) of other named columns
    title_columns: frozenset[int] = frozenset()  # 绩效指标 merged down the table's side

    @property
    def level2_columns(self) -> tuple[int, ...]:
        return tuple(g.level2 for g in self.groups if g.level2 is not None)

    @property
    def data_columns(self) -> tuple[int, ...]:
        """Columns that hold 三级 names and 指标值."""
        cols: list[int] = []
        for g in self.groups:
            for span in (g.level3, g.value):
                if span is not None:
                    cols.extend(span)
        return tuple(cols)

    def with_period(self, period: str) -> TableColumns:
        return attrs.evolve(self, groups=tuple(attrs.evolve(g, period=period) for g in self.groups))

    def extra_name(self, col: int) -> str | None:
        for c, name in self.extras:
            if c == col:
                return name
        return None

    def ignored(self, col: int) -> bool:
        return col in self.title_columns

    @staticmethod
    def is_label(text: str) -> bool:
        sq = squash(text)
        return canonical_level1(sq) is not None or canonical_level2(sq) is not None


def _role(sq: str) -> str | None:
    if "一级指标" in sq:
        return "level1"
    if "二级指标" in sq:
        return "level2"
    if "三级指标" in sq:
        return "level3"
    if sq == "指标值类型":  # the operator column of a value printed over three (split_value.py)
        return None
    if sq.startswith("指标值") or sq in ("年度指标值", "中长期指标值") or sq.endswith("指标值"):
        return "value"
    return None


def _period_word(sq: str) -> str | None:
    if "中长期" in sq:
        return LONG_TERM
    if "年度" in sq or "当年" in sq:
        return ANNUAL
    return None


def read_header(grid: Grid, r: int) -> TableColumns | None:
    """The header starting at row ``r`` (one row, or two when the words are split over two)."""
    cells = grid.row(r)
    if not cells or not any("级" in c.text or "指标" in c.text for c in cells):
        return None
    width = grid.width
    texts = _column_texts(grid, r, width)
    rows = 1
    if not _is_header(texts):
        if r + 1 >= grid.height or not _is_header_fragment(texts):
            return None
        below = _column_texts(grid, r + 1, width)
        texts = [a + b if b and b not in a else a for a, b in zip(texts, below)]
        if not _is_header(texts):
            return None
        rows = 2
    if not any(_role(t) == "level1" and _starts_in(grid, c, r, rows) for c, t in enumerate(texts) if t):
        return None  # a header's cells merged down over the row below it (borderless: printed once)
    above = _column_texts(grid, r - 1, width) if r > 0 else [""] * width
    return _columns(grid, r, texts, above, width, rows)


def _starts_in(grid: Grid, col: int, r: int, rows: int) -> bool:
    """Whether a cell of column ``col`` starts on one of the ``rows`` rows from ``r``."""
    return any((cell := grid.covering(k, col)) is not None and cell.row == k for k in range(r, r + rows))


def _is_header_fragment(texts: list[str]) -> bool:
    """Whether a row can be the upper half of a header split over two rows: column titles
    (一级 | 二级 | 指标值, 中长期指标 | 年度指标), never a row of 一级/二级 labels nor of prose
    (a 年度目标 right above the header, in a sheet or a page that holds both, may say 上级 or
    年度: it is a sentence, not a title)."""
    words = [t for t in texts if t]
    if any(canonical_level1(t) or canonical_level2(t) or _SENTENCE_MARKS.search(t) for t in words):
        return False
    return any(_LEVEL_WORD.search(t) or "指标值" in t or "中长期" in t or "年度" in t for t in words)


def _is_header(texts: list[str]) -> bool:
    """一级指标 and a 二级 or 三级 column: what ``text_table.is_table_header`` asks of a text row."""
    roles = {_role(t) for t in texts if t}
    return "level1" in roles and ("level2" in roles or "level3" in roles)


def _column_texts(grid: Grid, r: int, width: int) -> list[str]:
    out = []
    for c in range(width):
        cell = grid.covering(r, c)
        out.append(squash(clean(cell.text)) if cell is not None and cell.text else "")
    return out


def _columns(grid: Grid, r: int, texts: list[str], above: list[str], width: int, rows: int) -> TableColumns:
    spans: list[tuple[str, range, str]] = []  # (role, columns, header text)
    extras: list[tuple[int, str]] = []
    titles: set[int] = set()
    c = 0
    while c < width:
        text = texts[c]
        end = c + 1
        while end < width and texts[end] == text and text and _same_cell(grid, r, c, end):
            end += 1
        role = _role(text) if text else None
        if role is not None:
            spans.append((role, range(c, end), text))
        elif text and text not in _TITLE_WORDS and canonical_level1(text) is None:
            extras.extend((col, text) for col in range(c, end))
        elif text:
            titles.update(range(c, end))
        c = end
    level1 = next((s.start for role, s, _ in spans if role == "level1"), None)
    level2s = [(s, t) for role, s, t in spans if role == "level2"]
    level3s = [(s, t) for role, s, t in spans if role == "level3"]
    values = [(s, t) for role, s, t in spans if role == "value"]
    anchors = level2s or level3s
    groups = []
    if len(level2s) <= 1 and len(level3s) <= 1 and len(values) <= 1:  # one group, any order
        texts_of_group = "".join(t for _, t in level2s + level3s + values)
        period = _period_word(texts_of_group)
        groups.append(Group(level2s[0][0].start if level2s else None, level3s[0][0] if level3s else None,
                            values[0][0] if values else None, period or ""))
        anchors = []
    for i, (span, text) in enumerate(anchors):
        stop = anchors[i + 1][0].start if i + 1 < len(anchors) else width
        l3 = next((s for s, _ in level3s if span.start <= s.start < stop), None)
        val = next((s for s, _ in values if span.start <= s.start < stop), None)
        val_text = next((t for s, t in values if s == val), "")
        period = _period_word(val_text) or _period_word(text) or _period_word(above[span.start])
        groups.append(Group(span.start if level2s else None, l3, val, period or ""))
    header_text = "".join(texts) + "".join(above)
    for i, g in enumerate(groups):
        if g.period:
            continue
        if len(groups) >= 2:
            period = LONG_TERM if i < len(groups) - 1 else ANNUAL
        elif "中长期" in header_text and "年度" not in header_text:
            period = LONG_TERM
        else:
            period = ANNUAL
        groups[i] = attrs.evolve(g, period=period)
    return TableColumns(level1, tuple(groups), width, rows, tuple(extras), frozenset(titles))


def _same_cell(grid: Grid, r: int, a: int, b: int) -> bool:
    return grid.covering(r, a) is grid.covering(r, b)
