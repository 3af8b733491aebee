"""LoadIssue constructors: one place that knows the message ids of the loaders.

Ids ``E0xx`` are file-level errors (the file could not be read as a whole), ``E1xx`` are
cell-level warnings (a cell could not be placed or understood). Templates live in
``policy/catalogue/<lang>/load.toml``.
"""

from __future__ import annotations

from typing import Any

from policy.forms.model import LoadIssue, Location

# File-level (severity "error").
UNREADABLE = "E001"  # OS error reading the file
UNDECODABLE = "E002"  # bytes that are neither UTF-8/UTF-16 nor GB18030
UNKNOWN_FORMAT = "E003"  # suffix or content not a supported form format
TOO_LARGE = "E004"  # file larger than Limits.max_file_bytes
SYNTAX = "E005"  # YAML/JSON syntax error
SCHEMA = "E006"  # canonical file does not match the schema
BROKEN_ZIP = "E007"  # .xlsx that is not a readable workbook
ZIP_BOMB = "E008"  # too many members or too large uncompressed
TOO_MANY_FORMS = "E009"  # more forms than Limits.max_forms_per_file
NOT_FOUND = "E010"  # path does not exist
NO_HEADER = "E011"  # flat table without a recognisable header row
NO_FORM = "E012"  # a text file with no form title / form labels
TOO_MANY_ROWS = "E013"  # more rows than Limits.max_rows
SYMLINK_LOOP = "E014"  # a symbolic link that leads back to itself (or a directory above it)
NO_INPUT_FILES = "E015"  # a directory named on the command line holds no file to check
DANGLING_LINK = "E016"  # a symbolic link whose target does not exist
NO_FORM_IN_GRIDS = "E020"  # a PDF/DOCX/HTML/workbook whose tables hold no form (.pages: paged)
CANNOT_CONVERT = "E021"  # legacy .doc and no LibreOffice to convert it, or the conversion failed
NO_TEXT_LAYER = "E022"  # a PDF with pages and no text: a scan
ENCRYPTED = "E023"  # a password-protected PDF or Office file
BROKEN_DOCUMENT = "E024"  # a PDF/DOCX/HTML that its parser cannot read
TOO_MANY_PAGES = "E025"  # a PDF longer than Limits.max_pages

# Cell-level (severity "warning").
UNPLACED_CELL = "E101"
BAD_AMOUNT = "E102"
NO_TABLE = "E103"  # a form without (or with an empty) indicator table
CELL_TOO_LONG = "E104"
TOO_MANY_INDICATORS = "E105"
ROW_WITHOUT_PROJECT = "E106"  # flat-table indicator row before any 项目名称
DUPLICATE_KEY = "E107"  # a YAML/JSON mapping repeats a key: only the last value is read
SHEET_WITHOUT_HEADER = "E110"  # a workbook sheet with content but no header row: not read
ROW_TOO_WIDE = "E109"  # a CSV row with more cells than its header (an unquoted delimiter)
UNCACHED_FORMULA = "E108"  # an XLSX formula cell saved without its result: read as blank
SKIPPED_TABLES = "E111"  # tables of a document that belong to no form (a notice, counted)
DOUBTFUL_JOIN = "E113"  # a PDF row read as the rest of the row above on one cell's evidence
BLANK_LABEL_BEFORE_HEADER = "E114"  # blank label slots of a table without rules read as the label above
OVERRUN = "E115"  # a PDF cell's text ran up to the next cell's with no gap: split at the column's start
CENTRED_LABEL_ROWS = "E116"  # a vertically centred merged label of a PDF table without rules that other rows centre too
BROKEN_ROW = "E117"  # a browser broke a PDF table's row across the page: its rest reads as rows of their own


def file_error(message_id: str, location: Location, **args: Any) -> LoadIssue:
    return LoadIssue(message_id=message_id, args=args, location=location, severity="error")


def cell_warning(message_id: str, location: Location, **args: Any) -> LoadIssue:
    return LoadIssue(message_id=message_id, args=args, location=location, severity="warning")
