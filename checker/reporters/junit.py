"""JUnit XML for CI dashboards: one testsuite per input file, one testcase per form × rule.

A finding is a <failure>; a rule that could not run (not applicable, insufficient data) is
<skipped> with the reason; a rule that crashed is an <error>; an unreadable file is a testsuite
with one erroring testcase. Accepted (suppressed) findings pass, noted in <system-out>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from checker.report import Report
from checker.reporters import RenderOptions, display_line
from policy.registry import all_rules


def _rule_names(options: RenderOptions, report: Report) -> dict[str, str]:
    rules = options.rules
    if rules is None:
        rules = all_rules()
    names = {r.code: r.name for r in rules}
    names.update({d.code: d.name for d in report.diagnostics})
    return names


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    names = _rule_names(options, report)
    findings: dict[tuple[str, int, str], list[Any]] = defaultdict(list)
    file_level: dict[str, list[Any]] = defaultdict(list)
    for d in report.diagnostics:
        if d.form is None:
            file_level[d.path].append(d)
        else:
            findings[(d.form.path, d.form.index, d.code)].append(d)
    suites: dict[str, ET.Element] = {}

    def suite(path: str) -> ET.Element:
        if path not in suites:
            suites[path] = ET.Element("testsuite", name=path)
        return suites[path]

    for cov in report.coverage:
        ref = cov.form
        parent = suite(ref.path)
        classname = f"{ref.path}#form{ref.index + 1} {ref.name or ''}".rstrip()
        codes = list(cov.rules) + sorted({c for (p, i, c) in findings if p == ref.path and i == ref.index}
                                         - set(cov.rules))
        for code in codes:
            case = ET.SubElement(parent, "testcase", classname=classname,
                                 name=f"{code} {names.get(code, '')}".rstrip())
            outcome = cov.outcome(code)
            found = findings.get((ref.path, ref.index, code), [])
            active = [d for d in found if d.suppressed is None]
            if outcome == "error":
                err = next(o for o in cov.outcomes if o.code == code and o.outcome == "error")
                ET.SubElement(case, "error", message=err.error or "", type="internal-error")
            elif active:
                text = "\n".join(f"{d.path}:{display_line(d.line)}:{display_line(d.column)}: "
                                 f"{d.code} {d.message(lang)}" for d in active)
                fail = ET.SubElement(case, "failure", message=active[0].message(lang), type=code)
                fail.text = text
            elif outcome in ("not_applicable", "insufficient_data"):
                o = next(o for o in cov.outcomes if o.code == code)
                ET.SubElement(case, "skipped", message=f"{outcome}: {o.reason(lang) or ''}")
            suppressed = [d for d in found if d.suppressed is not None]
            if suppressed:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(f"{d.code} {d.message(lang)} [{d.suppressed}]" for d in suppressed)
    for path, items in file_level.items():
        active = [d for d in items if d.suppressed is None]
        case = ET.SubElement(suite(path), "testcase", classname=path, name="load")
        if active:
            fail = ET.SubElement(case, "failure", message=active[0].message(lang), type=active[0].code)
            fail.text = "\n".join(f"{d.path}:{display_line(d.line)}:{display_line(d.column)}: "
                                  f"{d.code} {d.message(lang)}" for d in active)
    for f in report.failures:
        case = ET.SubElement(suite(f.path), "testcase", classname=f.path, name="load")
        ET.SubElement(case, "error", message=f.message(lang), type=f.code)
    root = ET.Element("testsuites", name="jixiao")
    totals = defaultdict(int)
    for path in sorted(suites):
        s = suites[path]
        cases = s.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for k, v in counts.items():
            s.set(k, str(v))
            totals[k] += v
        root.append(s)
    for k in ("tests", "failures", "errors", "skipped"):
        root.set(k, str(totals[k]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
