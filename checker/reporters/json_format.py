"""JSON for embedding tools. The names are a contract (issue #4): tool, summary, diagnostics
(code, category, severity, message, message_id, args, path, line, column, form, indicator,
evidence, source; plus name and suppressed), coverage per form."""

from __future__ import annotations

import json
from typing import Any

from checker.report import Report
from checker.reporters import RenderOptions


def to_data(report: Report, options: RenderOptions) -> dict[str, Any]:
    from checker import __version__

    lang = options.lang
    return {
        "tool": {"name": "jixiao", "version": __version__},
        "summary": report.summary(),
        "diagnostics": [d.to_json(lang) for d in report.diagnostics],
        "coverage": [c.to_json(lang) for c in report.coverage],
        "unreadable": [f.to_json(lang) for f in report.failures],
        "rule_errors": [e.to_json(lang) for e in report.errors],
        "notices": [n.to_json(lang) for n in report.notices],
        "statistics": [{"code": c, "name": n, "count": k} for c, n, k in report.statistics()],
    }


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(to_data(report, options), ensure_ascii=False, indent=2) + "\n"
