"""Render canonical forms as the 申报表 prints them: merged cells, tick glyphs, a table that may
break across pages — then write that layout as HTML, DOCX, XLSX or extracted text.

One layout, several writers: ``form_tables`` (or the ``layout`` a writer is given) lays a form out
as tables of placed cells (every slot covered, so each writer places cells exactly), and ``to_html`` / ``to_docx`` / ``to_xlsx`` write
them with the format's own merging (rowspan/colspan, gridSpan/vMerge, merged ranges). ``pick``
chooses among the variants a producer shows (Hypothesis' ``data.draw`` in the properties):
where a table breaks, and on which side of the break a merged label's text is printed.

It lives in ``bench`` because both use it: the round-trip tests render Hypothesis-drawn forms,
``bench/generate.py`` renders generated corpora (``bench/corpusgen/document_corpus.py``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import zip_longest
from typing import Any, NamedTuple

Pick = Callable[[Sequence[Any]], Any]

WIDTH = 8
KIND_OPTIONS = ("新增项目", "延续项目")
TERM_OPTIONS = ("一次性", "经常性")
BASIS_OPTIONS = ("法律法规", "市委市政府决定", "上级文件要求", "市委市政府领导指示", "其他")
SOURCE_LABELS = ("合计", "1.一般公共预算收入", "2.政府性基金预算收入", "3.国有资本经营预算收入",
                 "4.社会保险基金收入", "5.其他收入")
SOURCE_KEYS = ("合计", "一般公共预算收入", "政府性基金预算收入", "国有资本经营预算收入", "社会保险基金收入", "其他收入")
HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]
LABEL_COLUMNS = (1, 2, 5)  # an indicator table's 一级 and 二级 label columns


class Placed(NamedTuple):
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


class Table:
    """Placed cells of one table; ``add_row`` places a row's cells left to right, skipping slots
    a cell above spans into, and fills what is left with blank cells."""

    def __init__(self) -> None:
        self.cells: list[Placed] = []
        self.taken: set[tuple[int, int]] = set()
        self.height = 0

    def add_row(self, cells: Sequence[tuple[str, int, int]]) -> None:
        r = self.height
        c = 0
        for text, rowspan, colspan in cells:
            while (r, c) in self.taken:
                c += 1
            self._place(Placed(r, c, text, rowspan, colspan))
            c += colspan
        for col in range(WIDTH):
            if (r, col) not in self.taken:
                self._place(Placed(r, col, ""))
        self.height += 1

    def _place(self, cell: Placed) -> None:
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                self.taken.add((cell.row + dr, cell.col + dc))
        self.cells.append(cell)


def _ticks(options: Sequence[str], checked: Sequence[str], glyph: tuple[str, str]) -> str:
    on, off = glyph
    return " ".join(f"{on if o in checked else off}{o}" for o in options)


def _wan(yuan: str | None) -> str:
    return "" if yuan is None else format((Decimal(yuan) / 10000).normalize(), "f") + "万元"


def form_tables(form: dict, pick: Pick) -> tuple[list[str], list[Table]]:
    """(prose lines above the tables, the tables) of one canonical form mapping."""
    glyph = pick([("☑", "□"), ("√", "□"), ("■", "□")])
    f, a = form["funding"], form["attributes"]
    head = Table()
    head.add_row([("项目名称", 1, 1), (form["name"], 1, 7)])
    head.add_row([("预算单位", 1, 1), (form["budget_unit"], 1, 3), ("实施单位及责任人", 1, 1),
                  (form["implementer"], 1, 3)])
    kind = "新增项目" if a["kind"] == "新增" else "延续项目"
    head.add_row([("项目属性", 1, 1), (_ticks(KIND_OPTIONS, [kind], glyph), 1, 3), ("项目期限", 1, 1),
                  (_ticks(TERM_OPTIONS, [a["term"]], glyph), 1, 3)])
    head.add_row([("立项依据", 1, 1), (_ticks(BASIS_OPTIONS, a["basis"], glyph), 1, 7)])
    head.add_row([("项目资金", 4, 1), ("中长期资金总额：", 1, 3), (f"年度资金总额：{_wan(f['total'])}", 1, 4)])
    head.add_row([("其中：财政拨款", 1, 3), (f"其中：财政拨款 {_wan(f['fiscal'])}", 1, 4)])
    head.add_row([("其他资金", 1, 3), (f"其他资金 {_wan(f['other'])}", 1, 4)])
    head.add_row([(f"延续项目以前年度预算安排：{_wan(f['previous_years'])}", 1, 7)])
    head.add_row([("项目资金来源", 2, 1)] + [(label, 1, 1) for label in SOURCE_LABELS] + [("", 1, 1)])
    head.add_row([(_wan(f["sources"].get(key)), 1, 1) for key in SOURCE_KEYS] + [("", 1, 1)])
    g = form["goals"]
    head.add_row([("总体目标", 2, 1), (g["long_term_label"], 1, 3), ("年度目标", 1, 4)])
    head.add_row([(g.get("long_term") or "", 1, 3), (g["annual"], 1, 4)])
    tables = [head]
    rows = _indicator_rows(form["indicators"])
    split = pick([None, None] + list(range(1, len(rows)))) if len(rows) > 1 else None
    parts = [rows] if split is None else [rows[:split], rows[split:]]
    side = pick(["earlier", "later", "both"])
    for n, part in enumerate(parts):
        table = Table()
        table.add_row([(text, 1, 1) for text in HEADER])
        before = parts[n - 1][-1] if n > 0 else None
        after = parts[n + 1][0] if n + 1 < len(parts) else None
        _indicator_table(table, part, side, before, after)
        tables.append(table)
    return [form["title"], "单位：万元"], tables


class _Line(NamedTuple):
    level1: str
    level2: str
    left: dict | None
    right: dict | None


def _indicator_rows(indicators: list[dict]) -> list[_Line]:
    groups: list[tuple[str, str, list[dict], list[dict]]] = []
    for ind in indicators:
        if not groups or groups[-1][:2] != (ind["level1"], ind["level2"]):
            groups.append((ind["level1"], ind["level2"], [], []))
        (groups[-1][2] if ind.get("period") == "long_term" else groups[-1][3]).append(ind)
    lines = []
    for level1, level2, long_term, annual in groups:
        for left, right in zip_longest(long_term, annual):
            lines.append(_Line(level1, level2, left, right))
    return lines


def _indicator_table(table: Table, lines: list[_Line], side: str, before: _Line | None,
                     after: _Line | None) -> None:
    """Rows with the 一级 and both 二级 labels merged over their runs; a run cut by the table's
    edge prints its text on the ``side`` of the break a producer chose."""
    def run_length(i: int, key) -> int:
        n = 1
        while i + n < len(lines) and key(lines[i + n]) == key(lines[i]):
            n += 1
        return n

    def label(text: str, i: int, n: int, depth: int) -> str:
        """The text of a label run of ``depth`` (1: 一级, 2: 二级) starting at line i, n long."""
        cut_above = i == 0 and before is not None and before[:depth] == lines[i][:depth]
        cut_below = i + n == len(lines) and after is not None and after[:depth] == lines[i][:depth]
        if cut_below and side == "later" or cut_above and side == "earlier":
            return ""
        return text

    for i, line in enumerate(lines):
        cells: list[tuple[str, int, int]] = []
        if i == 0 or lines[i - 1].level1 != line.level1:
            n = run_length(i, lambda x: x.level1)
            cells.append((label(line.level1, i, n, 1), n, 1))
        new_level2 = i == 0 or lines[i - 1][:2] != line[:2]
        n2 = run_length(i, lambda x: x[:2]) if new_level2 else 0
        if new_level2:
            cells.append((label(line.level2, i, n2, 2), n2, 1))
        for j, ind in enumerate((line.left, line.right)):
            if j == 1 and new_level2:
                cells.append((label(line.level2, i, n2, 2), n2, 1))
            cells.append(((ind or {}).get("name") or "", 1, 1))
            cells.append(((ind or {}).get("value") or "", 1, 1))
        # The 绩效指标 column: its own blank cell on each row (the header names it).
        table.add_row([("", 1, 1)] + cells)


# -- writers ---------------------------------------------------------------------------------------


def to_html(forms: list[dict], pick: Pick, charset: str = "utf-8", layout=None, ruled: bool = True,
            inputs: bool = True, widths: Sequence[float] | None = None) -> bytes:
    """The layout as an HTML page: ruled tables (``border="1"``), or with ``ruled=False`` tables
    without any border (``border="0"``: a browser's default cell spacing and padding only).
    ``inputs``: ticks may be drawn as checkbox inputs (else always as glyphs). ``widths``: the
    indicator tables' column widths in em, fixed (``table-layout: fixed``), as a page saved by a
    word processor sets them: a browser then wraps a cell's text to its column, or, where the
    text cannot break ("6000份（本）/年（次）"), lets it run on over the next cell."""
    parts = [f'<html><head><meta charset="{charset}"><title>绩效目标表</title></head><body>']
    for form in forms:
        prose, tables = (layout or form_tables)(form, pick)
        parts.append(f"<h2>{prose[0]}</h2>" + "".join(f"<p>{line}</p>" for line in prose[1:]))
        for table in tables:
            fixed = widths is not None and _is_indicator_table(table)
            style = f' style="table-layout: fixed; width: {sum(widths)}em"' if fixed else ""
            parts.append(f'<table border="{1 if ruled else 0}"{style}>')
            if fixed:
                parts.append("".join(f'<col style="width: {w}em">' for w in widths))
            for r in range(table.height):
                parts.append("<tr>")
                for cell in sorted((c for c in table.cells if c.row == r), key=lambda c: c.col):
                    spans = ""
                    if cell.rowspan > 1:
                        spans += f' rowspan="{cell.rowspan}"'
                    if cell.colspan > 1:
                        spans += f' colspan="{cell.colspan}"'
                    parts.append(f"<td{spans}>{_html_text(cell.text, pick, inputs)}</td>")
                parts.append("</tr>")
            parts.append("</table>")
            parts.append('<p style="page-break-after: always">第 1 页，共 2 页</p>' if pick([False, True]) else "")
    parts.append("</body></html>")
    # Pages that declare GB2312 hold GBK/GB18030 bytes (譙, ☑ are not in GB2312): write them so.
    return "".join(parts).encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def _is_indicator_table(table: Table) -> bool:
    """Whether ``table`` is an indicator table: its first row is the indicator header."""
    first = sorted((c for c in table.cells if c.row == 0), key=lambda c: c.col)
    return [c.text for c in first] == HEADER


def _html_text(text: str, pick: Pick, inputs: bool = True) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if inputs and any(g in text for g in "☑√■") and pick([False, True]):  # ticks as checkbox inputs
        for on in "☑√■":
            escaped = escaped.replace(on, '<input type="checkbox" checked>')
        escaped = escaped.replace("□", '<input type="checkbox">')
    return escaped


def to_text(forms: list[dict], pick: Pick, layout=None) -> bytes:
    """The layout as the extracted-text layout prints a table: one line a row, each cell's text
    after as many TABs as its column (a merged cell at its first row and column only, the slots
    it covers blank), trailing blanks cut; a page-number line may stand between two tables."""
    lines: list[str] = []
    for form in forms:
        prose, tables = (layout or form_tables)(form, pick)
        lines.extend(prose)
        for n, table in enumerate(tables):
            if n and pick([False, True]):
                lines.append("第 1 页，共 2 页")
            texts = {(c.row, c.col): c.text for c in table.cells}
            for r in range(table.height):
                cells = [texts.get((r, c), "") for c in range(WIDTH)]
                while cells and not cells[-1]:
                    cells.pop()
                lines.append("\t".join(cells))
    return "\n".join(lines).encode("utf-8")


def _word_document(forms: list[dict], pick: Pick, layout=None, ruled: bool = False, whole_rows: bool = False,
                   centred_labels: bool = False):
    """The forms as a python-docx Document: prose paragraphs, then each table with its merged
    cells; ``ruled`` gives the tables 'Table Grid' rules, ``whole_rows`` keeps each row on one page,
    ``centred_labels`` centres the indicator tables' 一级/二级 label cells vertically
    (``w:vAlign`` center, as many a department's Word file sets them; else top, Word's default)."""
    import docx
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    document = docx.Document()
    for form in forms:
        prose, tables = (layout or form_tables)(form, pick)
        for line in prose:
            document.add_paragraph(line)
        for table in tables:
            out = document.add_table(rows=table.height, cols=WIDTH)
            labels = LABEL_COLUMNS if centred_labels and _is_indicator_table(table) else ()
            if ruled:
                out.style = "Table Grid"
            if whole_rows:
                for row in out.rows:
                    row._tr.get_or_add_trPr().append(_cant_split())
            for cell in table.cells:
                target = out.cell(cell.row, cell.col)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(out.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
                target.text = cell.text
                if cell.row > 0 and cell.col in labels:
                    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            document.add_paragraph("")
    return document


def to_docx(forms: list[dict], pick: Pick, layout=None) -> bytes:
    document = _word_document(forms, pick, layout)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_xlsx(forms: list[dict], pick: Pick, layout=None, printable: bool = False) -> bytes:
    """The layout on one sheet; ``printable``: as a 申报表 template is set up for printing (thin
    borders, wrapped text centred in its cell, columns wide enough), so Calc prints every cell."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "绩效目标表"
    side = Side(style="thin")
    if printable:
        for c in range(WIDTH):
            sheet.column_dimensions[chr(65 + c)].width = 14
        sheet.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide, as many long as it takes
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    row = 1
    for form in forms:
        prose, tables = (layout or form_tables)(form, pick)
        for line in prose:
            sheet.cell(row, 1, line)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=WIDTH)
            row += 1
        for table in tables:
            for cell in table.cells:
                if cell.rowspan > 1 or cell.colspan > 1:
                    sheet.merge_cells(start_row=row + cell.row, start_column=cell.col + 1,
                                      end_row=row + cell.row + cell.rowspan - 1,
                                      end_column=cell.col + cell.colspan)
                if printable:  # after merging: openpyxl's merge copies the corner's border to the edges
                    for dr in range(cell.rowspan):
                        for dc in range(cell.colspan):
                            target = sheet.cell(row + cell.row + dr, cell.col + 1 + dc)
                            target.border = Border(  # the merged region's outline only
                                left=side if dc == 0 else None, right=side if dc == cell.colspan - 1 else None,
                                top=side if dr == 0 else None, bottom=side if dr == cell.rowspan - 1 else None)
                            target.alignment = Alignment(wrap_text=True, vertical="center")
                if cell.text:
                    sheet.cell(row + cell.row, cell.col + 1, cell.text)
                if printable and cell.text:  # a row high enough for its wrapped text (7 CJK a column)
                    lines = -(-len(cell.text) // (6 * cell.colspan)) / cell.rowspan
                    height = sheet.row_dimensions[row + cell.row].height or 16
                    sheet.row_dimensions[row + cell.row].height = max(height, 16 * lines)
            row += table.height
        row += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cant_split():
    from docx.oxml import OxmlElement

    return OxmlElement("w:cantSplit")


def to_pdf(forms: list[dict], pick: Pick, directory, layout=None, ruled: bool = True,
           whole_rows: bool | None = None, centred_labels: bool = False) -> bytes:
    """The DOCX layout printed to PDF by LibreOffice Writer: with ruled tables ('Table Grid'), or
    as python-docx leaves them, without any rule. ``whole_rows``: each row kept on one page
    (default: for ruled tables); otherwise Writer breaks a row across pages where it falls.
    ``centred_labels``: the 一级/二级 label cells centred vertically (``_word_document``)."""
    import subprocess

    document = _word_document(forms, pick, layout, ruled, ruled if whole_rows is None else whole_rows, centred_labels)
    source = directory / "form.docx"
    document.save(str(source))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{directory}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(directory), str(source)],
                   check=True, timeout=120, capture_output=True)
    return (directory / "form.pdf").read_bytes()


def to_calc_pdf(forms: list[dict], pick: Pick, directory, layout=None) -> bytes:
    """The printable form-layout workbook printed to PDF by LibreOffice Calc."""
    import subprocess

    source = directory / "form.xlsx"
    source.write_bytes(to_xlsx(forms, pick, layout, printable=True))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{directory}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(directory), str(source)],
                   check=True, timeout=120, capture_output=True)
    return (directory / "form.pdf").read_bytes()


def to_chromium_pdf(forms: list[dict], pick: Pick, directory, executable: str, args: Sequence[str] = (),
                    layout=None, ruled: bool = True, inputs: bool = True,
                    widths: Sequence[float] | None = None) -> bytes:
    """The HTML layout printed to PDF by Chromium, A4: ruled tables, or without borders.
    ``inputs``: ticks may be checkbox inputs, as on some web pages (a browser prints one as drawn
    squares, with no text to read); else always glyphs. ``widths``: fixed indicator-table column
    widths (``to_html``)."""
    source = directory / "form.html"
    source.write_bytes(to_html(forms, pick, layout=layout, ruled=ruled, inputs=inputs, widths=widths))
    return print_page(source, executable, args)


def print_page(source, executable: str, args: Sequence[str] = ()) -> bytes:
    """The HTML file ``source`` printed to PDF by Chromium, A4."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=list(args))
        try:
            page = browser.new_page()
            page.goto(source.as_uri())
            return page.pdf(format="A4")
        finally:
            browser.close()
