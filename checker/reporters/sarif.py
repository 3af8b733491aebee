"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

tool.driver lists every rule (id, name, short/full description, help text + markdown, default
level, helpUri into docs/rules.md); results carry level, message, a physical location with a
region and logical locations naming the form and the indicator; accepted findings carry
``suppressions`` with the justification. Unreadable inputs and rule errors are tool execution
notifications.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.citation import source_json
from checker.report import Diagnostic, Report, json_value, safe_render
from checker.reporters import RenderOptions, display_line
from checker.ruledoc import default_severity, doc_text, rule_markdown, rule_text
from policy.messages import catalogue
from policy.registry import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (resolved against the repository root by viewers)."""
    p = PurePath(path)
    posix = p.as_posix()
    if p.is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def _rule_descriptors(options: RenderOptions) -> list[dict[str, Any]]:
    rules = options.rules
    if rules is None:
        rules = all_rules()
    lang = options.lang
    out = []
    for rule in rules:
        summary = (rule.summary_zh or rule.summary) if lang == "zh" else rule.summary
        out.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": doc_text(rule, "why", lang)},
            "help": {"text": rule_text(rule, lang, examples=False),
                     "markdown": rule_markdown(rule, lang, examples=False)},
            "helpUri": f"{options.docs_url}#{rule.code.lower()}",
            "defaultConfiguration": {"level": LEVEL[default_severity(rule)]},
            "properties": {
                "category": rule.category.value,
                "scope": rule.scope,
                "source": source_json(rule.code, rule.source.to_json(), lang),
                "tags": [rule.category.value, rule.source.kind.value],
            },
        })
    loader_ids = sorted({k.split(".")[0] for k in catalogue(lang) if re.match(r"^E\d{3}(\.|$)", k)})
    for code in loader_ids:
        out.append({
            "id": code,
            "name": "load-issue",
            "shortDescription": {"text": safe_render(
                "core.loader.file" if code[1] == "0" else "core.loader.cell", {"code": code}, lang)},
            "defaultConfiguration": {"level": "error" if code[1] == "0" else "warning"},
            "helpUri": "docs/canonical-format.md",
            "properties": {"category": "input"},
        })
    return out


def _fingerprint(d: Diagnostic) -> str:
    form = d.form.name if d.form else ""
    ind = d.indicator.name if d.indicator else ""
    key = "\x1f".join([d.code, d.message_id, d.path, form or "", ind or "",
                       json.dumps({k: json_value(v) for k, v in d.args.items()}, sort_keys=True,
                                  ensure_ascii=False)])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _physical(path: str, line: int | None, column: int | None) -> dict[str, Any]:
    loc: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line is not None and line > 0:
        loc["region"] = {"startLine": line, "startColumn": display_line(column)}
    return loc


def _result(d: Diagnostic, index: dict[str, int], lang: str) -> dict[str, Any]:
    logical = []
    if d.form is not None:
        form_name = d.form.name or f"#{d.form.index + 1}"
        logical.append({"name": form_name, "fullyQualifiedName": f"{d.path}#form{d.form.index + 1}",
                        "kind": "object"})
    if d.indicator is not None and d.indicator.name:
        parts = [p for p in (d.indicator.level1, d.indicator.level2, d.indicator.name) if p]
        prefix = f"{d.path}#form{d.form.index + 1}/" if d.form is not None else ""
        logical.append({"name": d.indicator.name, "fullyQualifiedName": prefix + "/".join(parts),
                        "kind": "member"})
    if d.place is not None:  # a table cell or workbook cell: findable where there is no line
        logical.insert(0, {"name": d.place, "fullyQualifiedName": f"{d.path}#{d.place}",
                           "kind": "element"})
    location: dict[str, Any] = {"physicalLocation": _physical(d.path, d.line, d.column)}
    if logical:
        location["logicalLocations"] = logical
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVEL.get(d.severity, "warning"),
        "message": {"text": d.message(lang)},
        "locations": [location],
        "partialFingerprints": {"jixiao/v1": _fingerprint(d)},
        "properties": {
            "name": d.name,
            "category": d.category,
            "message_id": d.message_id,
            "args": {k: json_value(v) for k, v in d.args.items()},
            "evidence": dict(d.evidence),
            "source": source_json(d.code, d.source, lang),
            "form": None if d.form is None else {"index": d.form.index, "name": d.form.name},
            "indicator": None if d.indicator is None else d.indicator.to_json(),
        },
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.suppressed is not None:
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": d.suppressed}]
    return result


def to_data(report: Report, options: RenderOptions) -> dict[str, Any]:
    lang = options.lang
    rules = _rule_descriptors(options)
    index = {r["id"]: i for i, r in enumerate(rules)}
    notifications = []
    for f in report.failures:
        notifications.append({"level": "error", "message": {"text": f.message(lang)},
                              "locations": [{"physicalLocation": _physical(f.path, f.line, None)}],
                              "descriptor": {"id": f.code}})
    for e in report.errors:
        line = e.form.location.line if e.form is not None else None
        notifications.append({"level": "error", "message": {"text": e.message(lang)},
                              "locations": [{"physicalLocation": _physical(e.path, line, None)}],
                              "descriptor": {"id": e.code}})
    for n in report.notices:
        notifications.append({"level": "warning", "message": {"text": n.message(lang)}})
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "jixiao",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": rules,
        }},
        "invocations": [{"executionSuccessful": not (report.failures or report.errors),
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index, lang) for d in report.diagnostics],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(to_data(report, options), ensure_ascii=False, indent=2) + "\n"
