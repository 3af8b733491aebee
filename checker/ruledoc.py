"""Rule documentation from the registry: ``jixiao explain``, SARIF help and docs/rules.md.

Everything is generated from each rule's metadata (summary, rationale, fix, source, options,
examples), and each example is run through the rule so the page shows what it really reports.
Regenerate the page with ``python -m checker.ruledoc docs/rules.md``; a test checks it is current.
"""

from __future__ import annotations

from grammar.numbers import format_decimal

from decimal import Decimal
import sys
from typing import Any, Sequence

from checker.report import safe_render

PAGE_HEADER = """# Rules

Every rule jixiao checks, generated from the rule catalogue (`policy/rules/`) by
`python -m checker.ruledoc docs/rules.md` — do not edit by hand. `jixiao explain CODE` prints the
same text (in Chinese by default, `--lang en` for English); `jixiao rules` lists them.

Severities are the defaults of the `mof-2021` profile; change them per rule in the configuration
(`[rules.CODE] severity = "warning"`), see [configuration.md](configuration.md).

"""


def default_severity(rule: type) -> str:
    """The severity a rule has under the default profile (practice rules are capped there)."""
    from checker.config import Config, effective_severity

    return effective_severity(rule, Config())


def _t(key: str, lang: str, **args: Any) -> str:
    return safe_render(f"core.explain.{key}", args, lang)


def _forms_line(rule: Any, lang: str) -> str:
    """"- Forms: …" for a rule that reads only some kinds of form; nothing for one that reads all."""
    from policy.forms.model import FORM_KINDS

    kinds = tuple(getattr(rule, "form_kinds", FORM_KINDS))
    if set(kinds) >= set(FORM_KINDS):
        return ""
    names = "、".join(_t(f"forms.{k}", lang) for k in kinds) if lang == "zh" else \
        ", ".join(_t(f"forms.{k}", lang) for k in kinds)
    return f"- {_t('forms', lang)}: {names}\n"


def _value(value: Any) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value, keep_zeros=True)
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(f'"{v}"' if isinstance(v, str) else _value(v) for v in items) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _yaml(mapping: Any) -> str:
    import yaml

    def plain(v: Any) -> Any:
        if isinstance(v, Decimal):
            return _value(v)
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        return v

    return yaml.safe_dump(plain(dict(mapping)), allow_unicode=True, sort_keys=False).rstrip()


def example_reports(rule: type, example: Any, lang: str) -> list[str]:
    """What the rule reports on one example: ``CODE message`` lines (empty when clean)."""
    from policy.messages import MessageError, render
    from policy.testing import run_rule

    forms = example.form["forms"] if "forms" in example.form else [example.form]
    try:
        findings, _ = run_rule(rule, *forms)
    except Exception as exc:  # a broken example is shown, not hidden
        return [f"(example failed: {type(exc).__name__}: {exc})"]
    lines = []
    for f in findings:
        try:
            lines.append(f"{rule.code} {render(f.message_id, f.args, lang)}")
        except MessageError as exc:
            lines.append(f"{rule.code} ({exc})")
    return lines


def _source_line(rule: type, lang: str) -> str:
    kind = safe_render(f"core.source.{rule.source.kind.value}", {}, lang)
    citation = rule.source.citation
    own = f"{rule.source.kind.value}: "
    if citation.startswith(own):  # "derived: …" under the heading "derived": say it once
        citation = citation[len(own):]
    text = f"{kind}: {citation}"
    if rule.source.note:
        text += f" — {rule.source.note}"
    return text


def rule_markdown(rule: type, lang: str = "en", examples: bool = True, anchor: bool = False) -> str:
    """The documentation of one rule as Markdown (ruff's rule-page shape)."""
    summary = (rule.summary_zh or rule.summary) if lang == "zh" else rule.summary
    out = []
    if anchor:
        out.append(f'<a id="{rule.code.lower()}"></a>\n')
    out.append(f"## {rule.code} {rule.name}\n")
    if lang == "en" and rule.summary_zh:
        out.append(f"{rule.summary} ({rule.summary_zh})\n")
    else:
        out.append(f"{summary}\n")
    scope = _t(f"scope.{rule.scope}", lang)
    severity = safe_render(f"core.severity.{default_severity(rule)}", {}, lang)
    out.append(
        f"- {_t('category', lang)}: {rule.category.value}\n"
        f"- {_t('severity', lang)}: {severity}\n"
        f"- {_t('scope', lang)}: {scope}\n"
        + _forms_line(rule, lang)
        + f"- {_t('source', lang)}: {_source_line(rule, lang)}\n"
    )
    out.append(f"### {_t('what', lang)}\n\n{rule.summary}\n")
    out.append(f"### {_t('why', lang)}\n\n{rule.rationale}\n")
    if rule.fix:
        out.append(f"### {_t('fix', lang)}\n\n{rule.fix}\n")
    out.append(f"### {_t('options', lang)}\n")
    if rule.options:
        rows = ["| option | default | meaning |", "|---|---|---|"]
        for name, opt in rule.options.items():
            default = _value(opt.default).replace("|", "\\|")
            doc = opt.doc.replace("|", "\\|")
            rows.append(f"| `{name}` | `{default}` | {doc} |")
        out.append("\n".join(rows) + "\n")
    else:
        out.append(_t("no-options", lang) + "\n")
    if examples:
        for key, items in (("bad", rule.bad), ("good", rule.good)):
            for i, ex in enumerate(items, 1):
                title = _t(key, lang) + (f" {i}" if len(items) > 1 else "")
                note = f"\n\n{ex.note}" if ex.note else ""
                reports = example_reports(rule, ex, lang)
                shown = "\n".join(f"    {r}" for r in reports) if reports else "    " + _t("clean", lang)
                out.append(f"### {title}{note}\n\n```yaml\n{_yaml(ex.form)}\n```\n\n"
                           f"{_t('reports', lang)}:\n\n{shown}\n")
    return "\n".join(out)


def rule_text(rule: type, lang: str = "zh", examples: bool = True) -> str:
    return rule_markdown(rule, lang, examples=examples)


def rules_page(rules: Sequence[type] | None = None) -> str:
    """docs/rules.md: an index table, then every rule's page (English, with anchors)."""
    if rules is None:
        from policy.registry import all_rules

        rules = all_rules()
    index = ["| code | name | category | severity | summary |", "|---|---|---|---|---|"]
    for r in rules:
        index.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.category.value} | "
                     f"{default_severity(r)} | {r.summary} |")
    body = [rule_markdown(r, "en", examples=True, anchor=True) for r in rules]
    return PAGE_HEADER + "\n".join(index) + "\n\n" + "\n".join(body)


def main(argv: Sequence[str]) -> int:  # pragma: no cover - thin script wrapper
    from checker.fixer.atomic import write_atomic

    target = argv[0] if argv else "docs/rules.md"
    write_atomic(target, rules_page().encode("utf-8"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
