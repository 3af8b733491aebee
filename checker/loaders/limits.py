"""Input-safety limits: how much a loader reads before it stops and reports.

Every exceedance becomes a LoadIssue, never an exception. The engine passes these from the
``[tool.jixiao.limits]`` config table; the defaults fit any real form with a wide margin.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Limits:
    """Upper bounds applied while loading one input file."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_cell_chars: int = 10_000
    max_forms_per_file: int = 2_000
    max_indicators_per_form: int = 1_000
    max_rows: int = 200_000
    max_zip_members: int = 2_000
    max_xlsx_uncompressed_bytes: int = 200 * 1024 * 1024
    max_pages: int = 10_000  # PDF pages read; the rest are reported (E025)


DEFAULT_LIMITS = Limits()
