"""HTML pages (government sites, pages saved by Word): tables → grids → forms.

The bytes are decoded by the page's declared charset *before* parsing (lxml given raw bytes cuts
a GB2312 page short at the first byte it does not expect); GB2312 and GBK are read as GB18030,
their superset. lxml's HTML parser defines no entities of a page's own (a billion-laughs DOCTYPE
expands nothing), never reaches the network, and keeps ``huge_tree`` off. Tables are expanded by
the HTML table model (rowspan/colspan into one grid, a span clamped to its table); checkbox inputs
become tick glyphs; headings and paragraphs outside tables are prose lines (a title, 单位：万元).
"""

from __future__ import annotations

import re

from checker.loaders import issues as ids
from checker.loaders.decoding import decode
from checker.loaders.grid import PROSE, Grid, GridCell, table_place
from checker.loaders.limits import Limits
from checker.loaders.recovery import document_from_grids
from policy.forms.model import Document, Location

MAX_SPAN = 1000  # HTML's own cap on colspan; rowspan is clamped to the rows of its table
MAX_COLUMNS = 256
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "csgb2312", "hz-gb-2312"}
_PROSE_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "li"}
_BLOCKS = _PROSE_TAGS | {"div", "table", "tr", "br"}
_TICKED, _UNTICKED = "☑", "☐"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (meta charset or http-equiv content)."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in _GB else name


def decode_html(data: bytes) -> tuple[str | None, str | None]:
    """(text, encoding): a BOM first, then the declared charset, then the text sniffing every
    text format uses. None when no encoding reads every byte."""
    declared = declared_charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode(data)
    return decoded.text, decoded.encoding


def load_html(data: bytes, path: str, limits: Limits) -> Document:
    """A Document from an HTML page's bytes; never raises."""
    text, encoding = decode_html(data)
    if text is None:
        return Document(path, error=ids.file_error(ids.UNDECODABLE, Location(path, 1), line=1), format="html")
    try:
        grids = html_grids(text, path, limits)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types on broken markup
        error = ids.file_error(ids.BROKEN_DOCUMENT, Location(path), kind="HTML", reason=type(exc).__name__)
        return Document(path, error=error, format="html", encoding=encoding)
    document = document_from_grids(grids, path, "html", limits)
    return Document(document.path, document.forms, document.issues, document.error, "html", encoding)


def html_grids(text: str, path: str, limits: Limits) -> list[Grid]:
    """The page's tables and prose lines as grids, in document order."""
    import lxml.html
    from lxml import etree

    # A declaration inside the text would make lxml refuse a str: the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(text or "<html></html>", parser=parser)
    for bad in list(root.iter("script", "style", "head")):
        if bad.getparent() is not None:
            bad.drop_tree()
    for box in root.iter("input"):
        if (box.get("type") or "").lower() in ("checkbox", "radio"):
            glyph = _TICKED if box.get("checked") is not None else _UNTICKED
            box.tail = glyph + (box.tail or "")
    grids: list[Grid] = []
    prose: list[GridCell] = []
    tables = 0
    rows_left = limits.max_rows

    def flush() -> None:
        nonlocal prose
        if prose:
            grids.append(Grid("text", tuple(prose), PROSE))
            prose = []

    for element in root.iter(etree.Element):
        if element.tag == "table" and not _inside(element, "table"):
            flush()
            tables += 1
            grid = _table_grid(element, path, f"table {tables}", rows_left)
            rows_left -= grid.height
            grids.append(grid)
        elif element.tag in _PROSE_TAGS and not _inside(element, "table") and not _inside_prose(element):
            line = _cell_text(element)
            if line:
                where = Location(path, element.sourceline)
                prose.append(GridCell(line, len(prose), 0, where))
        if rows_left <= 0:
            break
    flush()
    return grids


def _inside(element, tag: str) -> bool:
    return any(True for _ in element.iterancestors(tag))


def _inside_prose(element) -> bool:
    return any(a.tag in _PROSE_TAGS for a in element.iterancestors())


def _rows(table) -> list:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _span(value: str | None, cap: int) -> int:
    try:
        number = int((value or "1").strip() or "1")
    except ValueError:
        return 1
    return max(1, min(number, cap))


def _table_grid(table, path: str, name: str, rows_left: int) -> Grid:
    """The HTML table model: each cell placed at the first free slot of its row, its spans
    reserving the slots below and to the right."""
    rows = _rows(table)[: max(rows_left, 0)]
    taken: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            if c >= MAX_COLUMNS:
                break
            rowspan = _span(td.get("rowspan"), len(rows) - r)
            colspan = _span(td.get("colspan"), min(MAX_SPAN, MAX_COLUMNS - c))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            where = table_place(path, name, r, c)
            where = Location(path, td.sourceline, sheet=where.sheet, cell=where.cell)
            cells.append(GridCell(_cell_text(td), r, c, where, rowspan, colspan))
            c += colspan
    return Grid(name, tuple(cells))


def _cell_text(element) -> str:
    """The text a reader sees: whitespace runs collapsed, <br> and blocks as line breaks."""
    parts: list[str] = []

    def walk(el) -> None:
        if el.tag in _BLOCKS and parts:
            parts.append("\n")
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if el.tag in _BLOCKS and el is not element:
            parts.append("\n")

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
