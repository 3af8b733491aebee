"""Rule documentation from the registry: ``jixiao explain``, SARIF help and docs/rules.md.

Everything is generated from each rule's metadata (summary, rationale, fix, source, options,
examples), and each example is run through the rule so the page shows what it really reports.
The English texts are the rule class's own attributes; the Chinese ones are catalogue entries
``<CODE>.doc.what|why|fix|option.<name>`` (policy/catalogue/zh/ruledoc.toml, the examples' notes
in ruledoc-examples.toml, the citations in citations.toml), see ``doc_text``.
Regenerate the pages with ``python -m checker.ruledoc docs/rules.md``: it writes the Chinese page
there and the English one beside it (docs/rules.en.md); a test checks both are current.
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from typing import Any, Sequence

from checker.citation import citation_text, without_kind_prefix
from checker.config import Config, effective_severity
from checker.fixer.atomic import write_atomic
from checker.report import safe_render
from grammar.numbers import format_decimal
from policy.forms.model import FORM_KINDS
from policy.messages import MessageError, catalogue, render
from policy.registry import all_rules
from policy.testing import run_rule

DOC_PARTS = ("what", "why", "fix")


def doc_text(rule: type, part: str, lang: str) -> str:
    """One part of a rule's documentation: ``what``, ``why``, ``fix``, ``option.<name>``,
    ``citation`` (the Source's citation, see checker.citation), ``source-note`` (the Source's
    one-sentence note) or ``example.<English note>`` (an example's note, keyed by its English
    text so that an edited note has no stale translation; policy/catalogue/zh/ruledoc-examples.toml).

    English is the rule class's own text (summary, rationale, fix, the option's doc), so a rule
    module stays readable on its own; Chinese is the catalogue entry ``<CODE>.doc.<part>``, kept
    with the messages so it is translated and tested like them. A missing Chinese text falls back
    to the English one (tests/test_rule_docs.py requires every one to be there).
    """
    if part == "citation":  # a template over the Source's citation_args
        return citation_text(rule, lang)
    if lang != "en":
        text = catalogue(lang).get(f"{rule.code}.doc.{part}")
        if text:
            return text
    if part.startswith("option."):
        return rule.options[part[len("option."):]].doc
    if part == "source-note":
        return rule.source.note
    if part.startswith("example."):
        return part[len("example."):]
    return {"what": rule.summary, "why": rule.rationale, "fix": rule.fix}[part]


def default_severity(rule: type) -> str:
    """The severity a rule has under the default profile (practice rules are capped there)."""
    return effective_severity(rule, Config())


def _t(key: str, lang: str, **args: Any) -> str:
    return safe_render(f"core.explain.{key}", args, lang)


def _forms_line(rule: Any, lang: str) -> str:
    """"- Forms: …" for a rule that reads only some kinds of form; nothing for one that reads all."""
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
    # "derived: …" under the heading "derived": say it once
    citation = without_kind_prefix(citation_text(rule, lang), rule.source.kind.value, lang)
    text = f"{kind}: {citation}"
    if rule.source.note:
        text += f" — {doc_text(rule, 'source-note', lang)}"
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
    out.append(f"### {_t('what', lang)}\n\n{doc_text(rule, 'what', lang)}\n")
    out.append(f"### {_t('why', lang)}\n\n{doc_text(rule, 'why', lang)}\n")
    if rule.fix:
        out.append(f"### {_t('fix', lang)}\n\n{doc_text(rule, 'fix', lang)}\n")
    out.append(f"### {_t('options', lang)}\n")
    if rule.options:
        header = " | ".join(_t(f"column.{c}", lang) for c in ("option", "default", "meaning"))
        rows = [f"| {header} |", "|---|---|---|"]
        for name, opt in rule.options.items():
            default = _value(opt.default).replace("|", "\\|")
            doc = doc_text(rule, f"option.{name}", lang).replace("|", "\\|")
            rows.append(f"| `{name}` | `{default}` | {doc} |")
        out.append("\n".join(rows) + "\n")
    else:
        out.append(_t("no-options", lang) + "\n")
    if examples:
        for key, items in (("bad", rule.bad), ("good", rule.good)):
            for i, ex in enumerate(items, 1):
                title = _t(key, lang) + (f" {i}" if len(items) > 1 else "")
                note = f"\n\n{doc_text(rule, 'example.' + ex.note, lang)}" if ex.note else ""
                reports = example_reports(rule, ex, lang)
                shown = "\n".join(f"    {r}" for r in reports) if reports else "    " + _t("clean", lang)
                out.append(f"### {title}{note}\n\n```yaml\n{_yaml(ex.form)}\n```\n\n"
                           f"{_t('reports', lang)}:\n\n{shown}\n")
    return "\n".join(out)


def rule_text(rule: type, lang: str = "zh", examples: bool = True) -> str:
    return rule_markdown(rule, lang, examples=examples)


def rules_page(rules: Sequence[type] | None = None, lang: str = "zh") -> str:
    """docs/rules.md (Chinese) or docs/rules.en.md: an index table, then every rule's page with
    the ``#code`` anchor SARIF's helpUri points at."""
    if rules is None:
        rules = all_rules()
    columns = [_t(f"column.{c}", lang) for c in ("code", "name", "category", "severity", "summary")]
    index = ["| " + " | ".join(columns) + " |", "|---|---|---|---|---|"]
    for r in rules:
        summary = ((r.summary_zh or r.summary) if lang == "zh" else r.summary).replace("|", "\\|")
        severity = safe_render(f"core.severity.{default_severity(r)}", {}, lang)
        index.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.category.value} | "
                     f"{severity} | {summary} |")
    body = [rule_markdown(r, lang, examples=True, anchor=True) for r in rules]
    header = _t("page-header", lang).strip() + "\n\n"
    return header + "\n".join(index) + "\n\n" + "\n".join(body)


def english_page_path(target: str) -> str:
    """Where the English page goes beside the Chinese one: docs/rules.md → docs/rules.en.md."""
    stem, ext = os.path.splitext(target)
    return f"{stem}.en{ext or '.md'}"


def main(argv: Sequence[str]) -> int:  # pragma: no cover - thin script wrapper

    target = argv[0] if argv else "docs/rules.md"
    write_atomic(target, rules_page(lang="zh").encode("utf-8"))
    write_atomic(english_page_path(target), rules_page(lang="en").encode("utf-8"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
