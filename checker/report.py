"""What a check run produces: diagnostics, per-form rule coverage, unreadable inputs, notices.

Everything here is small, frozen and picklable (worker processes send it back to the parent).
A diagnostic keeps its message id and named arguments, not rendered text, so one report can be
printed in any language; ``Diagnostic.message(lang)`` renders it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Mapping as _Mapping
from decimal import Decimal
from typing import Any

import attrs

from checker.citation import source_json
from checker.exit import ExitCode
from grammar.numbers import format_decimal
from policy.api import OUTCOMES, SEVERITIES, FormRef, Severity
from policy.messages import MessageError, render


def place_of(location: Any) -> str | None:
    """A Location's sheet and cell as one place ("Sheet1!C14"), or None when it has none."""
    sheet = getattr(location, "sheet", None)
    if sheet is None:
        return None
    cell = getattr(location, "cell", None)
    return f"{sheet}!{cell}" if cell else sheet


def safe_render(message_id: str, args: Mapping[str, Any], lang: str) -> str:
    """Render a message; a broken id or template never takes the report down with it."""
    try:
        return render(message_id, args, lang)
    except MessageError:
        shown = ", ".join(f"{k}={json_value(v)}" for k, v in sorted(args.items()))
        return f"{message_id}({shown})" if shown else message_id


def json_value(value: Any) -> Any:
    """Arguments as JSON-safe values: Decimal → exact string, tuples → lists."""
    kind = type(value)
    if kind is str or kind is int or value is None:  # most arguments: nothing to convert
        return value
    if isinstance(value, Decimal):
        return format_decimal(value, keep_zeros=True)
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, _Mapping):  # collections.abc's: typing's isinstance is slow
        return {str(k): json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@attrs.frozen
class IndicatorRef:
    """The indicator a diagnostic is about, as printed on the form."""

    level1: str | None
    level2: str | None
    name: str | None
    value: str | None

    @classmethod
    def of(cls, indicator: Any) -> IndicatorRef:
        return cls(
            level1=indicator.level1 or indicator.level1_text,
            level2=indicator.level2 or indicator.level2_text,
            name=indicator.name,
            value=indicator.value_text,
        )

    def to_json(self) -> dict[str, str | None]:
        return {"level1": self.level1, "level2": self.level2, "name": self.name, "value": self.value}


@attrs.frozen
class Diagnostic:
    """One finding, located, with the rule's identity and the evidence compared.

    ``severity`` is the effective severity after configuration. ``suppressed`` holds the
    justification when an accepted-findings entry covers it (it then does not count toward the
    exit code but still appears in JSON and SARIF).
    """

    code: str
    name: str
    category: str
    severity: str
    message_id: str
    args: Mapping[str, Any]
    path: str
    line: int | None
    column: int | None
    form: FormRef | None = None
    indicator: IndicatorRef | None = None
    evidence: Mapping[str, str] = attrs.field(factory=dict)
    source: Mapping[str, str] = attrs.field(factory=dict)
    suppressed: str | None = None
    # Where a document has no line to point at, or a workbook cell: "Sheet1!C14",
    # "table 2!R5C3", "page 3 table 1!R5C3" (policy.forms.model.Location's sheet and cell).
    place: str | None = None

    def message(self, lang: str = "zh") -> str:
        return safe_render(self.message_id, self.args, lang)

    def __reduce__(self) -> tuple:
        # Pickled as constructor arguments, not attrs' per-field state dict: large runs spill
        # and --jobs workers send every diagnostic, and this is about a quarter cheaper.
        return (Diagnostic, (self.code, self.name, self.category, self.severity, self.message_id,
                             self.args, self.path, self.line, self.column, self.form,
                             self.indicator, self.evidence, self.source, self.suppressed,
                             self.place))

    @property
    def sort_key(self) -> tuple:
        form_index = self.form.index if self.form is not None else -1
        return (
            self.path,
            self.line if self.line is not None else 0,
            self.column if self.column is not None else 0,
            self.code,
            form_index,
            self.message_id,
            repr(sorted((k, json_value(v)) for k, v in self.args.items())),
            repr(sorted(self.evidence.items())),
        )

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message(lang),
            "message_id": self.message_id,
            "args": {k: json_value(v) for k, v in self.args.items()},
            "path": self.path,
            "line": self.line,
            "column": self.column,
            **({"place": self.place} if self.place is not None else {}),
            "form": None if self.form is None else {"index": self.form.index, "name": self.form.name},
            "indicator": None if self.indicator is None else self.indicator.to_json(),
            "evidence": dict(self.evidence),
            "source": source_json(self.code, self.source, lang),
            "suppressed": None if self.suppressed is None else {"justification": self.suppressed},
        }


@attrs.frozen
class RuleOutcome:
    """How one rule ended on one form. Passing rules are not stored (see FormCoverage)."""

    code: str
    outcome: str  # one of OUTCOMES
    reason_id: str | None = None
    reason_args: Mapping[str, Any] = attrs.field(factory=dict)
    error: str | None = None

    def reason(self, lang: str = "zh") -> str | None:
        if self.error is not None:
            return self.error
        if self.reason_id is None:
            return None
        return safe_render(self.reason_id, self.reason_args, lang)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code}
        if self.reason_id is not None:
            data["reason_id"] = self.reason_id
            data["args"] = {k: json_value(v) for k, v in self.reason_args.items()}
            data["reason"] = self.reason(lang)
        if self.error is not None:
            data["error"] = self.error
        return data


@attrs.frozen
class FormCoverage:
    """Which rules ran on a form and how they ended.

    Only non-passing outcomes are kept (most rules pass on most forms; this keeps a 100k-form run
    small). ``rules`` is the run's selected rule codes, so ``passed`` can be derived.
    """

    form: FormRef
    outcomes: tuple[RuleOutcome, ...]
    rules: tuple[str, ...]

    def outcome(self, code: str) -> str:
        found = [o.outcome for o in self.outcomes if o.code == code]
        if "error" in found:
            return "error"
        if "fail" in found:
            return "fail"
        if found:
            return found[0]
        return "pass" if code in self.rules else "not_selected"

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        # Grouped by outcome, without building a RuleOutcome per passing rule of every form.
        groups: dict[str, list[dict[str, Any]]] = {o: [] for o in OUTCOMES}
        seen = set()
        for o in sorted(self.outcomes, key=_code_and_outcome):
            groups[o.outcome].append(_outcome_json(o, lang))
            seen.add(o.code)
        return {
            "path": self.form.path,
            "form": {"index": self.form.index, "name": self.form.name},
            "line": self.form.location.line,
            "scheme": self.form.scheme,
            "scheme_reason": (None if self.form.scheme_reason is None
                              else safe_render(self.form.scheme_reason, {}, lang)),
            "passed": [code for code in self.rules if code not in seen],
            "failed": groups["fail"],
            "not_applicable": groups["not_applicable"],
            "insufficient_data": groups["insufficient_data"],
            "errors": groups["error"],
        }


def _code_and_outcome(o: RuleOutcome) -> tuple[str, str]:
    return (o.code, o.outcome)


def _outcome_json(outcome: RuleOutcome, lang: str) -> dict[str, Any]:
    return outcome.to_json(lang)


@attrs.frozen
class LoadFailure:
    """An input that could not be read at all (the run goes on; the exit code becomes 2)."""

    path: str
    code: str
    message_id: str
    args: Mapping[str, Any]
    line: int | None = None

    def message(self, lang: str = "zh") -> str:
        return safe_render(self.message_id, self.args, lang)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "message_id": self.message_id,
            "args": {k: json_value(v) for k, v in self.args.items()},
            "message": self.message(lang),
        }


@attrs.frozen
class RuleError:
    """A rule raised something other than NotApplicable/InsufficientData: a bug, shown, not hidden."""

    code: str
    path: str
    form: FormRef | None
    error: str

    def message(self, lang: str = "zh") -> str:
        return safe_render("core.rule-error", {"code": self.code, "error": self.error}, lang)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "path": self.path,
            "form": None if self.form is None else {"index": self.form.index, "name": self.form.name},
            "error": self.error,
            "message": self.message(lang),
        }


@attrs.frozen
class Notice:
    """A run-level warning that is not about a form, e.g. a stale accepted-findings entry."""

    message_id: str
    args: Mapping[str, Any]
    path: str | None = None
    line: int | None = None

    def message(self, lang: str = "zh") -> str:
        return safe_render(self.message_id, self.args, lang)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "message_id": self.message_id,
            "args": {k: json_value(v) for k, v in self.args.items()},
            "message": self.message(lang),
            "path": self.path,
            "line": self.line,
        }


@attrs.frozen
class InputSummary:
    """What one input gave the model: its format and how many forms and indicators were read, or
    that it could not be read at all. A report says what it read, so a file that yields fewer
    forms than it holds is visible, not a clean pass."""

    path: str
    format: str | None
    forms: int
    indicators: int
    read: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "read": self.read, "forms": self.forms,
                "indicators": self.indicators}


@attrs.frozen
class Report:
    """The result of one run. Diagnostics are sorted by (path, line, column, code)."""

    diagnostics: tuple[Diagnostic, ...] = ()
    coverage: tuple[FormCoverage, ...] = ()
    failures: tuple[LoadFailure, ...] = ()
    errors: tuple[RuleError, ...] = ()
    notices: tuple[Notice, ...] = ()
    rules: tuple[str, ...] = ()  # the selected rule codes
    files: int = 0  # inputs seen, including those that could not be read
    forms: int = 0
    indicators: int = 0
    inputs: tuple[InputSummary, ...] = ()  # per input file, in input order

    @property
    def active(self) -> tuple[Diagnostic, ...]:
        """Diagnostics that are not suppressed: what counts."""
        return tuple(d for d in self.diagnostics if d.suppressed is None)

    @property
    def suppressed(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.suppressed is not None)

    # The summaries below stream over the diagnostics instead of building ``active``: a large
    # run's diagnostics live in a spill file (checker.spill) and are read back one at a time.

    def counts(self) -> dict[str, int]:
        """Unsuppressed diagnostics per severity."""
        facts = _facts(self.diagnostics)
        if "counts" in facts:
            return dict(facts["counts"])
        c = Counter(d.severity for d in self.diagnostics if d.suppressed is None)
        return {s: c.get(s, 0) for s in SEVERITIES}

    def statistics(self) -> list[tuple[str, str, int]]:
        """(code, name, count) of unsuppressed diagnostics, most frequent first."""
        facts = _facts(self.diagnostics)
        if "statistics" in facts:
            return list(facts["statistics"])
        names: dict[str, str] = {}
        c: Counter[str] = Counter()
        for d in self.diagnostics:
            if d.suppressed is None:
                names[d.code] = d.name
                c[d.code] += 1
        return statistics_of(names, c)

    def unchecked(self) -> int:
        """How many (form, rule) checks ended with insufficient data."""
        facts = _facts(self.coverage)
        if "unchecked" in facts:
            return facts["unchecked"]
        return sum(1 for cov in self.coverage for o in cov.outcomes if o.outcome == "insufficient_data")

    def exit_code(self, fail_on: str = "error", exit_zero: bool = False) -> int:
        """2 when an input could not be read or a rule crashed; 1 when an unsuppressed finding
        reaches ``fail_on``; else 0. ``exit_zero`` turns 1 into 0 (but never hides a 2)."""
        if fail_on not in SEVERITIES:
            raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)}")
        if self.failures or self.errors:
            return ExitCode.ERROR
        threshold = Severity(fail_on).rank
        facts = _facts(self.diagnostics)
        if "counts" in facts:
            found = any(n and Severity(s).rank >= threshold for s, n in facts["counts"].items())
            return ExitCode.FINDINGS if found and not exit_zero else ExitCode.OK
        if not exit_zero and any(
            Severity(d.severity).rank >= threshold for d in self.diagnostics if d.suppressed is None
        ):
            return ExitCode.FINDINGS
        return ExitCode.OK

    def summary(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "files": self.files,
            "forms": self.forms,
            "indicators": self.indicators,
            "unreadable": len(self.failures),
            "problems": sum(counts.values()),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "suppressed": self._suppressed_count(),
            "rule_errors": len(self.errors),
            "unchecked": self.unchecked(),
            "rules": len(self.rules),
        }

    def _suppressed_count(self) -> int:
        facts = _facts(self.diagnostics)
        if "suppressed" in facts:
            return facts["suppressed"]
        return sum(1 for d in self.diagnostics if d.suppressed is not None)

def statistics_of(names: Mapping[str, str], counts: Mapping[str, int]) -> list[tuple[str, str, int]]:
    """(code, name, count), most frequent first (Report.statistics' order)."""
    return sorted(((code, names[code], n) for code, n in counts.items()), key=lambda t: (-t[2], t[0]))


def _facts(items: Any) -> Mapping[str, Any]:
    """Aggregates a spilled sequence recorded as it was written (checker.spill), else none."""
    return getattr(items, "facts", None) or {}


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=lambda d: d.sort_key))
