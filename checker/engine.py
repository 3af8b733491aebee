"""The engine: runs the selected rules over a stream of documents and builds a Report.

Form-scope rules run on each form as it arrives. Unit-scope rules keep only ``summarize(form)``
per form, grouped by 预算单位, and compare at the end — so memory stays flat however many forms
stream through. A rule that raises NotApplicable/InsufficientData gets that outcome (its findings
so far are kept); any other exception is an internal error recorded for that rule and form.

Work per document (``DocumentChecker.check_document``) is separate from the merge
(``Accumulator``) so ``--jobs N`` can run documents in worker processes and merge in order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain as _chain
from typing import Any

import attrs

from checker.config import (
    ActiveRule,
    Config,
    Suppression,
    is_loader_code_shown,
    load_baseline,
    resolve_rules,
)
from policy.forms.facts import FormFacts
from policy.forms.model import FORM_KINDS, TARGET, Document, Form, LoadIssue
from checker.report import (
    Diagnostic,
    FormCoverage,
    IndicatorRef,
    InputSummary,
    LoadFailure,
    Notice,
    Report,
    RuleError,
    RuleOutcome,
    place_of,
    sort_diagnostics,
    statistics_of,
)
from checker.spill import SpillWriter, StreamedSequence
from policy.api import SEVERITIES, Context, Finding, FormRef, InsufficientData, NotApplicable
from policy.messages import MessageError, render

_NONE = object()
LOADER_SOURCE = {"kind": "loader", "citation": "jixiao loader", "note": ""}


def _error_text(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _text_mapping(evidence: Mapping[str, Any]) -> Mapping[str, str]:
    if type(evidence) is dict:
        for k, v in evidence.items():
            if type(k) is not str or type(v) is not str:
                break
        else:
            return evidence
    return {str(k): str(v) for k, v in evidence.items()}


def _unit_key(form: Form) -> str | None:
    if form.budget_unit is None:
        return None
    key = "".join(form.budget_unit.split())
    return key or None


# eq/repr off: internal records, never compared or shown; each generated method is compiled at
# import, which is most of what an attrs class costs a cold start.
@attrs.frozen(eq=False, repr=False)
class UnitItem:
    """What a unit-scope rule kept of one form."""

    code: str
    unit: str
    form: FormRef
    summary: Any


@attrs.define(eq=False, repr=False)  # internal, never compared or shown (see UnitItem)
class DocumentResult:
    """Everything one document contributed; small and picklable."""

    path: str
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    coverage: list[tuple[FormRef, list[RuleOutcome]]] = attrs.field(factory=list)
    unit_items: list[UnitItem] = attrs.field(factory=list)
    errors: list[RuleError] = attrs.field(factory=list)
    failure: LoadFailure | None = None
    forms: int = 0
    indicators: int = 0
    format: str | None = None


class DocumentChecker:
    """Runs the form-scope rules (and unit summaries) of one resolved configuration."""

    def __init__(self, config: Config, active: Sequence[ActiveRule] | None = None) -> None:
        self.config = config
        self.active = list(active) if active is not None else resolve_rules(config)
        self.instances = {a.code: a.rule() for a in self.active}
        self.sources = {a.code: a.rule.source.to_json() for a in self.active}  # shared, read-only
        self._contexts: dict[tuple[str, int | None], Context] = {}
        self._plans: dict[int | None, tuple[tuple[ActiveRule, bool, Any, Context], ...]] = {}

    # -- diagnostics -------------------------------------------------------------------------

    def _context(self, rule: ActiveRule, form: Form | None) -> Context:
        year = form.year if form is not None and form.year is not None else self.config.year
        return self._context_for(rule, year)

    def _context_for(self, rule: ActiveRule, year: int | None) -> Context:
        key = (rule.code, year)
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = self._contexts[key] = Context(options=rule.options, year=year,
                                                profile=self.config.profile)
        return ctx

    def _plan(self, year: int | None, kind: str = TARGET) -> tuple[tuple[ActiveRule, bool, Any, Context], ...]:
        """(rule, is unit scope, instance, context) of every active rule for forms of ``year``
        and ``kind``: looked up once per form instead of once per rule and form. A rule is left
        out of the forms whose kind it does not read (``Rule.form_kinds``): it records nothing
        there, so a target form's report does not change when self-evaluation rules are added."""
        plan = self._plans.get((year, kind))
        if plan is None:
            plan = tuple((rule, rule.rule.scope == "unit", self.instances[rule.code],
                          self._context_for(rule, year)) for rule in self.active
                         if kind in getattr(rule.rule, "form_kinds", (kind,))
                         or kind in getattr(rule.rule, "reads_kinds", ()))
            if len(self._plans) < 256:  # years are few; a hostile input cannot grow this much
                self._plans[(year, kind)] = plan
        return plan

    def diagnostic(self, rule: ActiveRule, finding: Finding, form_ref: FormRef) -> Diagnostic:
        location = finding.location
        if location is None and finding.indicator is not None:
            location = finding.indicator.location
        if location is None:
            location = form_ref.location
        if location.line is not None:
            line, column = location.line, location.column
        else:
            line, column = form_ref.location.line, form_ref.location.column
        name, category, source = self._identity(rule)
        args = finding.args
        return Diagnostic(
            code=rule.code,
            name=name,
            category=category,
            severity=rule.severity,
            message_id=finding.message_id,
            args=args if type(args) is dict else dict(args),
            path=location.path or form_ref.path,
            line=line,
            column=column,
            form=form_ref,
            indicator=IndicatorRef.of(finding.indicator) if finding.indicator is not None else None,
            evidence=_text_mapping(finding.evidence),
            source=source,
            place=place_of(location) if location.sheet is not None else None,
        )

    def _identity(self, rule: ActiveRule) -> tuple[str, str, Mapping[str, str]]:
        """A rule's name, category and source as every diagnostic of it shows them."""
        cls = rule.rule
        category = getattr(cls.category, "value", _NONE)
        return (cls.name, str(cls.category) if category is _NONE else category,
                self.sources[rule.code])

    def _message_problem(self, finding: Finding) -> str | None:
        """Whether both catalogues can render this message with these argument names."""
        problem = None
        try:
            for lang in ("zh", "en"):
                render(finding.message_id, finding.args, lang)
        except MessageError as exc:
            problem = str(exc)
        return problem

    def _outcome(self, code: str, outcome: str, reason_id: str | None = None,
                 args: Mapping[str, Any] | None = None, error: str | None = None) -> RuleOutcome:
        return RuleOutcome(code, outcome, reason_id, dict(args or {}), error)

    def collect(self, rule: ActiveRule, form_ref: FormRef, findings: Iterable[Finding],
                result: DocumentResult) -> tuple[list[Diagnostic], RuleOutcome | None]:
        """Drain a rule's findings; returns the diagnostics and a non-pass outcome (or None)."""
        out: list[Diagnostic] = []
        try:
            for finding in findings:
                problem = self._message_problem(finding)
                if problem is not None:
                    result.errors.append(RuleError(rule.code, form_ref.path, form_ref,
                                                   f"message {finding.message_id}: {problem}"))
                out.append(self.diagnostic(rule, finding, form_ref))
        except Exception as exc:
            return out, self._ended(rule, form_ref, exc, bool(out), result)
        if result.errors and any(e.code == rule.code and e.form == form_ref for e in result.errors):
            return out, self._outcome(rule.code, "error", error=result.errors[-1].error)
        return out, (self._outcome(rule.code, "fail") if out else None)

    def _ended(self, rule: ActiveRule, form_ref: FormRef, exc: Exception, found: bool,
               result: DocumentResult) -> RuleOutcome:
        """The outcome of a rule that raised ``exc`` (after ``found`` findings or none)."""
        kind = type(exc)
        if not found and not getattr(exc, "args_", True) and (kind is NotApplicable or kind is InsufficientData):
            # The usual end of a rule with nothing to check: one shared outcome per reason.
            return self._outcome(
                rule.code, "not_applicable" if kind is NotApplicable else "insufficient_data",
                exc.message_id)
        if isinstance(exc, NotApplicable):
            return self._outcome(rule.code, "fail" if found else "not_applicable",
                                 exc.message_id, exc.args_)
        if isinstance(exc, InsufficientData):
            return self._outcome(rule.code, "fail" if found else "insufficient_data",
                                 exc.message_id, exc.args_)
        # A bug in a rule: record it, never crash the run.
        text = _error_text(exc)
        result.errors.append(RuleError(rule.code, form_ref.path, form_ref, text))
        return self._outcome(rule.code, "error", error=text)

    # -- forms and documents -----------------------------------------------------------------

    def check_form(self, form: Form, result: DocumentResult) -> None:
        facts = FormFacts(form, self.config.scheme)  # the form as every rule reads it, worked out once
        scheme = facts.scheme_detection  # the template it is judged by, reported with the form
        form_ref = FormRef.of(form, scheme.scheme.name, scheme.reason)
        outcomes: list[RuleOutcome] = []
        for issue in form.issues:
            self._load_issue(issue, form_ref, result)
        year = form.year if form.year is not None else self.config.year
        for rule, unit, inst, ctx in self._plan(year, form.kind):
            if unit:
                outcome = self._summarize(rule, inst, facts, form_ref, ctx, result)
                if outcome is not None and form.kind in rule.rule.form_kinds:  # not a form it only reads
                    outcomes.append(outcome)
                continue
            # Most rules find nothing on most forms: take the first finding here and leave the
            # diagnostic bookkeeping (collect) to the rules that found something.
            try:
                findings = inst.check(facts, ctx)  # check() itself may raise, too
                for first in findings:
                    break
                else:
                    continue  # passed: passing outcomes are not stored
            except Exception as exc:
                outcomes.append(self._ended(rule, form_ref, exc, False, result))
                continue
            if iter(findings) is findings:  # a generator: the first finding is already taken
                findings = _chain((first,), findings)
            diags, outcome = self.collect(rule, form_ref, findings, result)
            result.diagnostics.extend(diags)
            if outcome is not None:
                outcomes.append(outcome)
        result.coverage.append((form_ref, outcomes))
        result.forms += 1
        result.indicators += len(form.indicators)

    def _summarize(self, rule: ActiveRule, inst: Any, form: FormFacts, form_ref: FormRef, ctx: Context,
                   result: DocumentResult) -> RuleOutcome | None:
        try:
            summary = inst.summarize(form, ctx)
        except NotApplicable as exc:
            return self._outcome(rule.code, "not_applicable", exc.message_id, exc.args_)
        except InsufficientData as exc:
            return self._outcome(rule.code, "insufficient_data", exc.message_id, exc.args_)
        except Exception as exc:
            text = _error_text(exc)
            result.errors.append(RuleError(rule.code, form_ref.path, form_ref, text))
            return self._outcome(rule.code, "error", error=text)
        unit = _unit_key(form)
        if unit is None:
            return self._outcome(rule.code, "insufficient_data", "core.reason.no-budget-unit")
        result.unit_items.append(UnitItem(rule.code, unit, form_ref, summary))
        return None

    def _load_issue(self, issue: LoadIssue, form_ref: FormRef | None, result: DocumentResult) -> None:
        code = issue.message_id.split(".")[0]
        if not is_loader_code_shown(code, self.config):
            return
        loc = issue.location
        result.diagnostics.append(
            Diagnostic(
                code=code,
                name="load-issue",
                category="input",
                severity=issue.severity if issue.severity in SEVERITIES else "warning",
                message_id=issue.message_id,
                args=dict(issue.args),
                path=loc.path or (form_ref.path if form_ref else result.path),
                line=loc.line,
                column=loc.column,
                form=form_ref,
                source=LOADER_SOURCE,
                place=place_of(loc) if loc.sheet is not None else None,
            )
        )

    def check_document(self, document: Document) -> DocumentResult:
        result = DocumentResult(path=document.path, format=document.format)
        if document.error is not None:
            err = document.error
            result.failure = LoadFailure(
                path=document.path, code=err.message_id.split(".")[0], message_id=err.message_id,
                args=dict(err.args), line=err.location.line if err.location else None,
            )
        for issue in document.issues:
            self._load_issue(issue, None, result)
        for form in document.forms:
            self.check_form(form, result)
        return result

    # -- unit scope --------------------------------------------------------------------------

    def check_units(self, items: Sequence[UnitItem]) -> tuple[list[Diagnostic], dict[tuple, list[RuleOutcome]], list[RuleError]]:
        """Run every unit-scope rule over the forms of each unit (sorted, so order never matters)."""
        grouped: dict[tuple[str, str], list[UnitItem]] = defaultdict(list)
        for item in items:
            grouped[(item.code, item.unit)].append(item)
        by_code = {a.code: a for a in self.active}
        diagnostics: list[Diagnostic] = []
        outcomes: dict[tuple, list[RuleOutcome]] = defaultdict(list)
        scratch = DocumentResult(path="")
        for (code, _unit), group in sorted(grouped.items()):
            rule = by_code[code]
            group = sorted(group, key=lambda it: (it.form.path, it.form.index))
            refs = [it.form for it in group]
            pairs = [(it.form, it.summary) for it in group]
            ctx = self._context(rule, None)
            try:
                findings = self.instances[code].check_unit(pairs, ctx)
            except Exception as exc:
                findings = _raising(exc)
            found: list[Diagnostic] = []
            outcome: RuleOutcome | None = None
            errors_before = len(scratch.errors)
            try:
                for finding in findings:
                    target = finding.form or refs[0]
                    if finding.form is None:
                        # Which form of the unit it concerns cannot be told from a place: a
                        # place names no form (a PDF table, a second sheet) reliably.
                        scratch.errors.append(RuleError(
                            code, target.path, target,
                            f"finding {finding.message_id} of a unit-scope rule names no form (Finding.form)"))
                    problem = self._message_problem(finding)
                    if problem is not None:
                        scratch.errors.append(RuleError(code, target.path, target,
                                                        f"message {finding.message_id}: {problem}"))
                    found.append(self.diagnostic(rule, finding, target))
            except NotApplicable as exc:
                outcome = self._outcome(code, "not_applicable", exc.message_id, exc.args_)
            except InsufficientData as exc:
                outcome = self._outcome(code, "insufficient_data", exc.message_id, exc.args_)
            except Exception as exc:
                text = _error_text(exc)
                scratch.errors.append(RuleError(code, refs[0].path, None, text))
                outcome = self._outcome(code, "error", error=text)
            diagnostics.extend(found)
            failed = {(d.form.path, d.form.index) for d in found if d.form is not None}
            # a form a finding of this rule could not be reported right on (as ``collect`` does)
            erred = {(e.form.path, e.form.index): e.error for e in scratch.errors[errors_before:]
                     if e.form is not None}
            for ref in refs:
                if ref.kind not in rule.rule.form_kinds:
                    continue  # a form the rule only reads (C106 reads the approved target forms)
                key = (ref.path, ref.index)
                if outcome is not None and outcome.outcome == "error":
                    outcomes[key].append(outcome)
                elif key in erred:
                    outcomes[key].append(self._outcome(code, "error", error=erred[key]))
                elif key in failed:
                    outcomes[key].append(self._outcome(code, "fail"))
                elif outcome is not None:
                    outcomes[key].append(outcome)
        return diagnostics, outcomes, scratch.errors


def _raising(exc: BaseException) -> Iterator[Finding]:
    raise exc
    yield  # pragma: no cover - makes this a generator


class Accumulator:
    """Merges document results in input order, then finishes the report.

    Past ``spill_after_forms`` forms, diagnostics and coverage go to temporary files instead of
    lists (``checker.spill``), so memory stays flat however many forms a run checks; the report
    is the same either way.
    """

    spill_after_forms = 2000

    def __init__(self, checker: DocumentChecker, baseline: Sequence[Suppression] = (),
                 today: dt.date | None = None) -> None:
        self.checker = checker
        self.diagnostics: list[Diagnostic] = []
        self.coverage: list[tuple[FormRef, list[RuleOutcome]]] = []
        self._spilled_diagnostics: SpillWriter | None = None
        self._spilled_coverage: SpillWriter | None = None
        self._last_key: tuple | None = None
        self._in_order = True  # every spilled document sorts after the previous one
        # What the report's summary needs of the spilled items, counted as they go by, so that
        # finish() need not read them back when no suppression can change them.
        self._severities: Counter[str] = Counter()
        self._names: dict[str, str] = {}
        self._per_code: Counter[str] = Counter()
        self._unchecked = 0
        self.unit_items: list[UnitItem] = []
        self.errors: list[RuleError] = []
        self.failures: list[LoadFailure] = []
        self.files = 0
        self.forms = 0
        self.indicators = 0
        self.inputs: list[InputSummary] = []
        self.baseline = tuple(baseline)
        self.today = today or dt.date.today()

    def add(self, result: DocumentResult) -> None:
        self.files += 1
        self.forms += result.forms
        self.indicators += result.indicators
        self.inputs.append(InputSummary(result.path, result.format, result.forms, result.indicators,
                                        result.failure is None))
        if self._spilled_diagnostics is None and self.forms > self.spill_after_forms:
            self._start_spilling()
        if self._spilled_diagnostics is not None:
            self._spill(result.diagnostics, result.coverage)
        else:
            self.diagnostics.extend(result.diagnostics)
            self.coverage.extend(result.coverage)
        self.unit_items.extend(result.unit_items)
        self.errors.extend(result.errors)
        if result.failure is not None:
            self.failures.append(result.failure)

    # -- spilling large runs -------------------------------------------------------------

    def _start_spilling(self) -> None:
        self._spilled_diagnostics, self._spilled_coverage = SpillWriter(), SpillWriter()
        held, self.diagnostics = self.diagnostics, []
        self._spill(held, self.coverage)
        self.coverage = []

    def _spill(self, diagnostics: Sequence[Diagnostic], coverage: Sequence[tuple]) -> None:
        assert self._spilled_diagnostics is not None and self._spilled_coverage is not None
        chunk = _sorted_by_key(diagnostics)
        if chunk:
            first, last = chunk[0].sort_key, chunk[-1].sort_key
            if self._last_key is not None and first < self._last_key:
                self._in_order = False
            if self._last_key is None or last > self._last_key:
                self._last_key = last
        for d in chunk:
            self._severities[d.severity] += 1
            self._names[d.code] = d.name
        self._per_code.update(d.code for d in chunk)
        self._spilled_diagnostics.add(chunk)
        self._spilled_coverage.add((ref, list(outs)) for ref, outs in coverage)
        self._unchecked += sum(o.outcome == "insufficient_data" for _ref, outs in coverage for o in outs)

    def _sorted_diagnostics(self, unit_diags: list[Diagnostic]) -> Iterable[Diagnostic]:
        """Every diagnostic in report order: what sort_diagnostics([*all, *unit]) gives."""
        if self._spilled_diagnostics is None:
            return sort_diagnostics([*self.diagnostics, *unit_diags])
        spilled = self._spilled_diagnostics.finish()
        if not self._in_order:  # documents came out of path order: sort in memory, as before
            return sort_diagnostics([*spilled, *unit_diags])
        return _merged(spilled, sort_diagnostics(unit_diags))

    def _finish_unsuppressed(self, unit_diags: list[Diagnostic]) -> StreamedSequence | None:
        """The spilled diagnostics as the report's sequence without reading them back: possible
        when no suppression entry can mark any of them and the spilled chunks follow each other.
        The unit rules' few diagnostics are merged in again on every read."""
        assert self._spilled_diagnostics is not None
        if not self._in_order:
            return None
        spilled = self._spilled_diagnostics.finish()
        extra = sort_diagnostics(unit_diags)
        severities, names, per_code = self._severities.copy(), dict(self._names), self._per_code.copy()
        for d in extra:
            severities[d.severity] += 1
            names[d.code] = d.name
            per_code[d.code] += 1
        merged = StreamedSequence(lambda: _merged(spilled, extra), len(spilled) + len(extra))
        merged.facts = {
            "counts": {s: severities.get(s, 0) for s in SEVERITIES},
            "statistics": statistics_of(names, per_code),
            "suppressed": 0,
        }
        return merged

    def finish(self) -> Report:
        unit_diags, unit_outcomes, unit_errors = self.checker.check_units(self.unit_items)
        self.unit_items = []
        entries = (*self.checker.config.suppress, *self.baseline)
        codes = tuple(a.code for a in self.checker.active)
        # the rules run on a form of each kind: a form's ``passed`` never names a rule not run on it
        kind_codes = {kind: tuple(a.code for a in self.checker.active
                                  if kind in getattr(a.rule, "form_kinds", (kind,))) for kind in FORM_KINDS}

        def with_unit_outcomes(pair: tuple[FormRef, list[RuleOutcome]]) -> FormCoverage:
            ref, outs = pair
            return FormCoverage(ref, tuple(outs + unit_outcomes.get((ref.path, ref.index), [])),
                                kind_codes.get(ref.kind, codes))

        notices: list[Notice] = []
        if self._spilled_diagnostics is None:
            ordered = self._sorted_diagnostics(unit_diags)
            diagnostics, notices = apply_suppressions(ordered, entries, self.today)
            coverage = tuple(with_unit_outcomes(pair) for pair in self.coverage)
        elif not entries and (streamed := self._finish_unsuppressed(unit_diags)) is not None:
            diagnostics = streamed
            assert self._spilled_coverage is not None
            coverage = self._spilled_coverage.finish(with_unit_outcomes)
            # Unit outcomes belong to forms whose coverage was spilled (unit items come only
            # from checked forms), so their count adds to what _spill counted.
            coverage.facts = {"unchecked": self._unchecked + sum(
                1 for outs in unit_outcomes.values() for o in outs if o.outcome == "insufficient_data"
            )}
        else:
            ordered = self._sorted_diagnostics(unit_diags)
            out = SpillWriter()
            batch: list[Diagnostic] = []
            severities: Counter[str] = Counter()
            names: dict[str, str] = {}
            per_code: Counter[str] = Counter()
            suppressed = 0
            for d in suppress(ordered, entries, self.today, notices):
                if d.suppressed is None:  # what Report.counts/statistics would count
                    severities[d.severity] += 1
                    names[d.code] = d.name
                    per_code[d.code] += 1
                else:
                    suppressed += 1
                batch.append(d)
                if len(batch) >= 1000:
                    out.add(batch)
                    batch = []
            out.add(batch)
            diagnostics = out.finish()
            diagnostics.facts = {
                "counts": {s: severities.get(s, 0) for s in SEVERITIES},
                "statistics": statistics_of(names, per_code),
                "suppressed": suppressed,
            }
            assert self._spilled_coverage is not None
            coverage = self._spilled_coverage.finish(with_unit_outcomes)
            coverage.facts = {"unchecked": sum(
                1 for cov in coverage for o in cov.outcomes if o.outcome == "insufficient_data"
            )}
        errors = sorted([*self.errors, *unit_errors], key=lambda e: (e.path, e.code, e.form.index if e.form else -1))
        return Report(
            diagnostics=diagnostics,
            coverage=coverage,
            failures=tuple(self.failures),
            errors=tuple(errors),
            notices=tuple(notices),
            rules=codes,
            files=self.files,
            forms=self.forms,
            indicators=self.indicators,
            inputs=tuple(self.inputs),
        )


def _sort_key(d: Diagnostic) -> tuple:
    return d.sort_key


def _merged(spilled: Iterable[Diagnostic], extra: Sequence[Diagnostic]) -> Iterator[Diagnostic]:
    """``heapq.merge(spilled, extra, key=sort_key)`` (both sorted; on equal keys spilled items
    come first), computing the costly tail of a key (arguments, evidence) only when the cheap
    head ties: most spilled items are nowhere near an extra one."""
    if not extra:
        yield from spilled
        return
    pending = iter(extra)
    nxt: Diagnostic | None = next(pending)
    head, key = _head(nxt), nxt.sort_key
    for d in spilled:
        while nxt is not None:
            mine = _head(d)
            if mine < head or (mine == head and d.sort_key <= key):
                break
            yield nxt
            nxt = next(pending, None)
            if nxt is not None:
                head, key = _head(nxt), nxt.sort_key
        yield d
    if nxt is not None:
        yield nxt
        yield from pending


def _sorted_by_key(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``sorted(diagnostics, key=sort_key)``, computing the costly full key only for items
    whose cheap head ties (same place, rule, form and message): sorting by the head, then each
    run of equal heads by the full key, is the same order, as the key starts with the head."""
    heads = [_head(d) for d in diagnostics]
    order = sorted(range(len(heads)), key=heads.__getitem__)  # stable, as sorted(key=) is
    out = [diagnostics[i] for i in order]
    start = 0
    for end in range(1, len(order) + 1):
        if end == len(order) or heads[order[end]] != heads[order[start]]:
            if end - start > 1:
                out[start:end] = sorted(out[start:end], key=_sort_key)
            start = end
    return out


def _head(d: Diagnostic) -> tuple:
    """The first six items of ``Diagnostic.sort_key``."""
    return (d.path, d.line if d.line is not None else 0, d.column if d.column is not None else 0,
            d.code, d.form.index if d.form is not None else -1, d.message_id)


def apply_suppressions(
    diagnostics: Iterable[Diagnostic], entries: Sequence[Suppression], today: dt.date
) -> tuple[tuple[Diagnostic, ...], list[Notice]]:
    """Mark accepted findings; say which entries expired or no longer match anything."""
    notices: list[Notice] = []
    out = tuple(suppress(diagnostics, entries, today, notices))
    return out, notices


def suppress(diagnostics: Iterable[Diagnostic], entries: Sequence[Suppression], today: dt.date,
             notices: list[Notice]) -> Iterator[Diagnostic]:
    """apply_suppressions as a stream: yields each diagnostic (marked when accepted) and, once
    exhausted, has appended the notices about expired and unmatched entries."""
    live = []
    for entry in entries:
        if entry.expires is not None and entry.expires < today:
            notices.append(Notice("core.suppress.expired", {"origin": entry.origin, "form": entry.form,
                                  "code": entry.code, "expires": entry.expires.isoformat()},
                                  path=entry.origin))
        else:
            live.append(entry)
    used = [0] * len(live)
    for d in diagnostics:
        justification = None
        for i, entry in enumerate(live):
            if entry.count is not None and used[i] >= entry.count:
                continue
            if entry.matches(d.form.name if d.form else None, d.code, d.path):
                used[i] += 1
                justification = entry.reason
                break
        yield d if justification is None else attrs.evolve(d, suppressed=justification)
    for entry, n in zip(live, used, strict=True):
        args = {"origin": entry.origin, "form": entry.form, "code": entry.code}
        if n == 0:
            notices.append(Notice("core.suppress.unmatched", args, path=entry.origin))
        elif entry.count is not None and n < entry.count:
            notices.append(Notice("core.suppress.partial", {**args, "count": entry.count, "found": n},
                                  path=entry.origin))


class Engine:
    """Checks documents with one configuration. ``run`` streams; nothing is kept per form but
    its diagnostics, its non-passing outcomes and the unit rules' small summaries."""

    def __init__(self, config: Config | None = None, rules: Sequence[type] | None = None,
                 today: dt.date | None = None) -> None:
        self.config = (config or Config()).validate()
        self.checker = DocumentChecker(self.config, resolve_rules(self.config, rules))
        self.baseline = load_baseline(self.config.baseline) if self.config.baseline else ()
        self.today = today

    def accumulator(self) -> Accumulator:
        return Accumulator(self.checker, self.baseline, self.today)

    def run(self, documents: Iterable[Document],
            progress: Callable[[int, int], None] | None = None) -> Report:
        acc = self.accumulator()
        for document in documents:
            acc.add(self.checker.check_document(document))
            if progress is not None:
                progress(acc.files, acc.forms)
        return acc.finish()

    def check_forms(self, forms: Iterable[Form], path: str = "<forms>") -> Report:
        """Check forms built in code (one pseudo-document)."""
        return self.run([Document(path=path, forms=tuple(forms))])
