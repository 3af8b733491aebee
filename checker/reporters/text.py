"""Human output: findings grouped by form under a header, ``path:line:col: CODE message``,
what could not be checked, and a summary line. Colour only when asked (the CLI asks on a tty)."""

from __future__ import annotations

from checker.report import Diagnostic, Report, safe_render
from checker.reporters import RenderOptions, display_line
from checker.reporters.safety import visible
from policy.forms.schemes import SCHEMES

_RESET = "\x1b[0m"
_STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m",
          "path": "\x1b[1m", "dim": "\x1b[2m", "header": "\x1b[1;4m"}


def _paint(text: str, style: str, on: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if on else text


def diagnostic_line(d: Diagnostic, options: RenderOptions) -> str:
    if d.line is None and d.place is not None:  # a document cell with no line: its place
        where = f"{visible(d.path)}:{visible(d.place)}:"
    else:
        where = f"{visible(d.path)}:{display_line(d.line)}:{display_line(d.column)}:"
    code = _paint(d.code, d.severity, options.color)
    line = f"{_paint(where, 'path', options.color)} {code} {visible(d.message(options.lang))}"
    if d.suppressed is not None:
        line += _paint(f"  [{visible(d.suppressed)}]", "dim", options.color)
    return line


def _form_header(ref, lang: str) -> str:
    name = ref.name or safe_render("core.form.unnamed", {}, lang)
    header = safe_render("core.form.header", {"path": ref.path, "number": ref.index + 1, "name": name}, lang)
    scheme = SCHEMES.get(getattr(ref, "scheme", None) or "")
    if scheme is not None:  # which template the form was judged by
        title = scheme.title_zh if lang == "zh" else scheme.title_en
        header += safe_render("core.form.scheme", {"scheme": title, "reason": safe_render(ref.scheme_reason, {}, lang) if ref.scheme_reason else ""}, lang)
    return visible(header)


def render(report: Report, options: RenderOptions) -> str:
    if options.statistics:
        return render_statistics(report, options)
    lang = options.lang
    out: list[str] = []
    active = [d for d in report.diagnostics if d.suppressed is None]
    unchecked = {
        (c.form.path, c.form.index): [o for o in c.outcomes if o.outcome == "insufficient_data"]
        for c in report.coverage
    }
    forms = {(c.form.path, c.form.index): c.form for c in report.coverage}

    def key(d: Diagnostic) -> tuple[str, int]:
        return (d.path if d.form is None else d.form.path, -1 if d.form is None else d.form.index)

    by_group: dict[tuple[str, int], list[Diagnostic]] = {}
    for d in active:
        by_group.setdefault(key(d), []).append(d)
    order = sorted(set(by_group) | {k for k, v in unchecked.items() if v and not options.quiet})
    for path, index in order:
        items = sorted(by_group.get((path, index), []), key=lambda d: d.sort_key)
        header = (visible(safe_render("core.file.header", {"path": path}, lang)) if index < 0
                  else _form_header(forms.get((path, index)) or items[0].form, lang))
        out.append(_paint(header, "header", options.color))
        out.extend(diagnostic_line(d, options) for d in items)
        if index >= 0 and not options.quiet:
            out.extend(_unchecked_lines(unchecked.get((path, index), []), lang, options))
        out.append("")
    for f in report.failures:
        loc = f"{visible(f.path)}:{display_line(f.line)}:1:"
        out.append(f"{_paint(loc, 'path', options.color)} {_paint(f.code, 'error', options.color)} "
                   f"{visible(f.message(lang))}")
    for e in report.errors:
        where = visible(e.path if e.form is None else f"{e.path}:{display_line(e.form.location.line)}:1:")
        out.append(f"{_paint(where, 'path', options.color)} {_paint(e.code, 'error', options.color)} "
                   f"{visible(e.message(lang))}")
    for n in report.notices:
        out.append(visible(n.message(lang)))
    if not options.quiet:
        out.extend(read_lines(report, lang))
        out.append(summary_line(report, lang))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + ("\n" if out else "")


def _unchecked_lines(outcomes, lang: str, options: RenderOptions) -> list[str]:
    if not outcomes:
        return []
    items = "；".join(f"{o.code}（{o.reason(lang)}）" if lang == "zh" else f"{o.code} ({o.reason(lang)})"
                     for o in sorted(outcomes, key=lambda o: o.code))
    line = "  " + visible(safe_render("core.form.unchecked", {"items": items}, lang))
    return [_paint(line, "dim", options.color)]


def read_lines(report: Report, lang: str) -> list[str]:
    """What each readable input gave: "path: 读取 8 张表、123 条指标" (unreadable ones are listed
    above with their reason)."""
    return [visible(safe_render("core.file.read", {"path": i.path, "forms": i.forms,
                                                     "indicators": i.indicators}, lang))
            for i in report.inputs if i.read]


def summary_line(report: Report, lang: str) -> str:
    s = report.summary()
    if s["problems"]:
        parts = [safe_render("core.summary", s, lang)]
    else:
        parts = [safe_render("core.summary.clean", s, lang)]
    for key, mid in (("suppressed", "core.summary.suppressed"), ("unreadable", "core.summary.unreadable"),
                     ("rule_errors", "core.summary.rule-errors"), ("unchecked", "core.summary.unchecked")):
        if s[key]:
            parts.append(safe_render(mid, {"count": s[key]}, lang))
    return ("；" if lang == "zh" else "; ").join(parts)


def render_statistics(report: Report, options: RenderOptions) -> str:
    rows = report.statistics()
    width = max((len(str(n)) for _, _, n in rows), default=1)
    out = [f"{n:>{width}}\t{code}\t{visible(name)}" for code, name, n in rows]
    total = sum(n for _, _, n in rows)
    out.append(safe_render("core.stats.total", {"count": total}, options.lang))
    return "\n".join(out) + "\n"
