"""Reporters: a Report → text in one output format. They format; they never decide or print.

Each module has ``render(report, options) -> str``. Modules are imported only when chosen.
"""

from __future__ import annotations

import importlib
from typing import Any, Sequence

import attrs

from checker.reporters.safety import encodable, printable

FORMATS: dict[str, str] = {
    "text": "checker.reporters.text",
    "json": "checker.reporters.json_format",
    "sarif": "checker.reporters.sarif",
    "github": "checker.reporters.github",
    "junit": "checker.reporters.junit",
}


@attrs.frozen
class RenderOptions:
    """How to render: language, colour (text only), statistics instead of findings, quiet
    (findings only), and the rule catalogue (SARIF lists every rule)."""

    lang: str = "zh"
    color: bool = False
    statistics: bool = False
    quiet: bool = False
    rules: Sequence[Any] | None = None  # rule classes; None = the registry's
    docs_url: str = "docs/rules.md"


def render(report: Any, fmt: str, options: RenderOptions | None = None) -> str:
    """The report in ``fmt``, safe to write as UTF-8 and to show on a terminal (see safety.py)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    text = importlib.import_module(FORMATS[fmt]).render(report, options or RenderOptions())
    if fmt in ("json", "sarif"):
        return encodable(text)  # json.dumps escapes C0 controls itself
    if fmt == "text":
        return encodable(text)  # fields were made visible one by one (colour codes stay)
    return printable(text)


def display_line(value: int | None) -> int:
    """Line/column for formats that need a number: unknown is shown as 1."""
    return value if value is not None and value > 0 else 1


def write(report: Any, fmt: str, options: RenderOptions | None, out: Any) -> None:
    """Write exactly what ``render`` returns to the text stream ``out``. Formats that can stream
    (JSON) write piece by piece, so a large report is never one string in memory; the safety
    filters act on single characters, so filtering each piece equals filtering the whole."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[fmt])
    options = options or RenderOptions()
    safe = encodable if fmt in ("json", "sarif", "text") else printable
    if hasattr(module, "write"):
        module.write(report, options, _Filtered(out, safe))
    else:
        out.write(safe(module.render(report, options)))


class _Filtered:
    """A text stream that passes every piece through a safety filter first."""

    def __init__(self, out: Any, safe: Any) -> None:
        self.out = out
        self.safe = safe

    def write(self, text: str) -> int:
        return self.out.write(self.safe(text))