"""Rewrite 指标值 cells in a CSV file, keeping its dialect, quoting and encoding.

The csv module gives no positions, so a small scanner splits the decoded text into records and
fields with their spans. It is checked against ``csv.reader`` on the same text (same dialect): if
the two disagree on any field, the file is not rewritten. Only the value fields' characters are
replaced; a field that was quoted stays quoted, and a new value that needs quoting gets it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import attrs

from checker.fixer.edits import Span, apply_spans
from checker.fixer.table import ValueColumns, find_value_columns
from checker.loaders.flat_table import _sniff_delimiter


class UnsafeEdit(Exception):
    """The CSV could not be rewritten without risking other cells."""


@attrs.frozen
class Field:
    value: str
    start: int
    end: int
    quoted: bool


def sniff_delimiter(text: str, tab_separated: bool = False) -> str:
    """The delimiter the loader reads this table with (TSV: a tab)."""
    return "\t" if tab_separated else _sniff_delimiter(text)


def scan(text: str, delimiter: str, quote: str = '"') -> list[list[Field]]:
    """Records and fields with spans, following csv's default (excel-like) rules."""
    records: list[list[Field]] = []
    pos, size = 0, len(text)
    while pos < size:
        record: list[Field] = []
        while True:
            start = pos
            if text.startswith(quote, pos):
                pos += 1
                parts = []
                while True:
                    close = text.find(quote, pos)
                    if close < 0:
                        raise UnsafeEdit("unterminated quoted field")
                    parts.append(text[pos:close])
                    if text.startswith(quote, close + 1):
                        parts.append(quote)
                        pos = close + 2
                        continue
                    pos = close + 1
                    break
                # csv keeps characters between the closing quote and the delimiter
                tail = pos
                while pos < size and text[pos] not in delimiter + "\r\n":
                    pos += 1
                record.append(Field("".join(parts) + text[tail:pos], start, pos, tail == pos))
            else:
                while pos < size and text[pos] not in delimiter + "\r\n":
                    pos += 1
                record.append(Field(text[start:pos], start, pos, False))
            if pos < size and text[pos] == delimiter:
                pos += 1
                continue
            break
        if text.startswith("\r\n", pos):
            pos += 2
        elif pos < size:
            pos += 1
        if len(record) == 1 and record[0].value == "" and not record[0].quoted:
            record = []  # csv.reader yields [] for a blank line
        records.append(record)
    return records


def _reader_rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))


def _field_text(new: str, field: Field, delimiter: str, quote: str = '"') -> str:
    needs_quotes = any(c in new for c in (delimiter, quote, "\r", "\n")) or new != new.strip()
    if field.quoted or needs_quotes:
        return quote + new.replace(quote, quote * 2) + quote
    return new


def plan(
    text: str, rewrite: Callable[[str], str | None], tab_separated: bool = False
) -> tuple[list[Span], list[tuple[int, int]], ValueColumns | None, str]:
    """Spans, their (record, column) cells, the value columns found, and the delimiter."""
    delimiter = sniff_delimiter(text, tab_separated)
    records = scan(text, delimiter)
    rows = _reader_rows(text, delimiter)
    if [[f.value for f in record] for record in records] != rows:
        raise UnsafeEdit("the CSV scanner and csv.reader disagree on this file")
    columns = find_value_columns(rows)
    spans: list[Span] = []
    cells: list[tuple[int, int]] = []
    if columns is None or columns.split:
        return spans, cells, columns, delimiter
    for number, record in enumerate(records[columns.header_row + 1:], columns.header_row + 1):
        if columns.width and any(f.value.strip() for f in record[columns.width:]):
            continue  # shifted by an unquoted delimiter (the loader's E109): its cells are not values
        for column in columns.columns:
            if column >= len(record):
                continue
            field = record[column]
            new = rewrite(field.value)
            if new is None:
                continue
            spans.append(
                Span(field.start, field.end, _field_text(new, field, delimiter), field.value, new)
            )
            cells.append((number, column))
    return spans, cells, columns, delimiter


def apply(text: str, spans: list[Span], cells: list[tuple[int, int]], delimiter: str) -> str:
    """``text`` with the spans applied, verified by reading both versions with csv.reader."""
    new_text = apply_spans(text, spans)
    expected = _reader_rows(text, delimiter)
    for span, (row, column) in zip(spans, cells):
        expected[row][column] = span.new
    if _reader_rows(new_text, delimiter) != expected:
        raise UnsafeEdit("the rewritten CSV does not read back as expected")
    return new_text
