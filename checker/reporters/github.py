"""GitHub Actions workflow commands: one ``::error file=…,line=…,col=…,title=CODE::message`` per
finding, so findings show up as annotations on the pull request."""

from __future__ import annotations

from checker.report import Report
from checker.reporters import RenderOptions, display_line

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, path: str, line: int | None, col: int | None, title: str, message: str) -> str:
    props = (f"file={escape_property(path)},line={display_line(line)},col={display_line(col)},"
             f"title={escape_property(title)}")
    return f"::{level} {props}::{escape_data(message)}"


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    lines = [
        command(LEVEL.get(d.severity, "warning"), d.path, d.line, d.column, d.code, d.message(lang))
        for d in report.active
    ]
    lines += [command("error", f.path, f.line, None, f.code, f.message(lang)) for f in report.failures]
    lines += [
        command("error", e.path, e.form.location.line if e.form else None, None, e.code, e.message(lang))
        for e in report.errors
    ]
    lines += [f"::warning::{escape_data(n.message(lang))}" for n in report.notices]
    return "\n".join(lines) + ("\n" if lines else "")
