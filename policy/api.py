"""The rule API: what a rule declares, what it reports, and how the engine records outcomes.

A rule is a class with declarative metadata (code, name, category, severity, source, options,
examples) and a ``check`` generator. It never reads files, prints, or knows about output formats.

    class CostCapWithinTotal(Rule):
        code = "F103"
        name = "cost-cap-exceeds-total"
        ...
        def check(self, form, ctx):
            if form.funding.total is None or form.funding.total.yuan is None:
                raise InsufficientData("reason.no-annual-total")
            for ind in ...:
                yield Finding("F103", {"cap": ..., "total": ...}, indicator=ind)

Not applicable / insufficient data are raised as exceptions carrying a message id; findings
already yielded before such a raise are kept (the outcome is then "fail" with a note).
"""

from __future__ import annotations

from grammar.numbers import format_decimal

import enum
from decimal import Decimal
from typing import Any, Callable, ClassVar, Iterator, Mapping, Sequence

import attrs

from policy.forms.model import FORM_KINDS, TARGET, Form, Indicator, Location


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


# Most severe first: the order of counts in reports and of --fail-on's choices.
SEVERITIES = tuple(s.value for s in Severity)


class Category(str, enum.Enum):
    STRUCTURE = "structure"
    VALUE = "value"
    WORDING = "wording"
    FUNDING = "funding"
    ATTRIBUTES = "attributes"
    CONSISTENCY = "consistency"
    SCORING = "scoring"  # self-evaluations: weights, scores, totals, the execution rate's score
    ATTAINMENT = "attainment"  # self-evaluations: an actual against its target, and its evidence


FAMILY_CATEGORY = {
    "S": Category.STRUCTURE,
    "V": Category.VALUE,
    "W": Category.WORDING,
    "F": Category.FUNDING,
    "A": Category.ATTRIBUTES,
    "C": Category.CONSISTENCY,
    "R": Category.SCORING,  # 评分
    "T": Category.ATTAINMENT,  # 达成 (target attained)
}


class Outcome(str, enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"
    INSUFFICIENT_DATA = "insufficient_data"
    ERROR = "error"  # the rule crashed on this form (a bug, recorded, never fatal)


# Every outcome a rule can have on a form, in report order.
OUTCOMES = tuple(o.value for o in Outcome)


class SourceKind(str, enum.Enum):
    OFFICIAL = "official"  # [O] official text read
    OFFICIAL_SECONDARY = "official-secondary"  # [O2] read through a faithful copy
    SYSTEM = "system"  # [S] enforced by a vendor's budget system
    PRACTICE = "practice"  # [P] filing guides, review checklists
    DERIVED = "derived"  # [D] the form's own arithmetic or structure


@attrs.frozen
class Source:
    """Where a rule comes from: the kind of source and a citation a reviewer can look up."""

    kind: SourceKind
    citation: str  # a document of docs/sources.md with its section, "practice: …" or "derived: …"
    note: str = ""  # for practice/derived: one sentence why
    # The named values (counts) a citation is built from, so that its Chinese text
    # (``<CODE>.doc.citation``, a template) is built from the same values and never drifts.
    citation_args: Mapping[str, int | str] = attrs.field(factory=dict, hash=False)

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind.value, "citation": self.citation, "note": self.note}


@attrs.frozen
class Option:
    """A configurable threshold or list. ``validate`` raises ValueError with a reason."""

    default: Any
    doc: str
    validate: Callable[[Any], Any] | None = None  # returns the (possibly converted) value


@attrs.frozen
class Example:
    """A form fragment in canonical mapping form (see docs/canonical-format.md).

    For a bad example the rule must report at least one finding (``expect`` message ids, if
    given, must all be among them); for a good one it must report none, and ``outcome`` says
    why: it ran and passed, or it did not apply / lacked data (so "clean" is not mistaken for
    "checked"). ``outcome`` is read for good examples only.
    """

    form: Mapping[str, Any]
    note: str = ""
    expect: tuple[str, ...] = ()
    outcome: Outcome = attrs.field(default=Outcome.PASS, converter=Outcome)


@attrs.frozen
class FormRef:
    """Identity of a form in the input, small enough to keep for every form of a run."""

    path: str
    index: int
    name: str | None
    budget_unit: str | None
    location: Location
    scheme: str | None = None  # the template scheme the form was judged by (policy/forms/schemes)
    scheme_reason: str | None = None  # why that scheme: a message id (core.scheme.*)
    kind: str = TARGET  # which rules read the form (Rule.form_kinds)

    @classmethod
    def of(cls, form: Form, scheme: str | None = None, scheme_reason: str | None = None) -> "FormRef":
        return cls(
            path=form.location.path,
            index=form.index,
            name=form.name,
            budget_unit=form.budget_unit,
            location=form.location,
            scheme=scheme,
            scheme_reason=scheme_reason,
            kind=form.kind,
        )


@attrs.frozen
class Finding:
    """What a rule reports: message id + named args, where, and the evidence compared.

    ``args`` values are str, int or Decimal (Decimal is rendered exactly). ``evidence`` maps a
    label to the text/number compared, e.g. {"成本上限": "80万元", "年度资金总额": "50万元"}.
    ``form`` is needed only for unit-scope rules, to say which form of the unit it concerns; a
    unit-scope finding without it is reported as the rule's error (and shown on the unit's first
    form).
    """

    message_id: str
    args: Mapping[str, Any] = attrs.field(factory=dict)
    location: Location | None = None
    indicator: Indicator | None = None
    evidence: Mapping[str, str] = attrs.field(factory=dict)
    form: FormRef | None = None


class NotApplicable(Exception):
    """Raised by a rule when the form has nothing the rule is about."""

    def __init__(self, message_id: str, **args: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


class InsufficientData(Exception):
    """Raised by a rule when it cannot decide because something it needs is missing."""

    def __init__(self, message_id: str, **args: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.args_ = args


@attrs.frozen
class Context:
    """What a rule may know besides the form: its validated options and run-wide settings."""

    options: Mapping[str, Any] = attrs.field(factory=dict)
    year: int | None = None  # budget year when known (from the form or the configuration)
    profile: str = "mof-2021"


class Rule:
    """Base class of every rule. Subclasses set the metadata and implement ``check``.

    scope "form": ``check(form, ctx)`` yields Findings for one form.
    scope "unit": ``summarize(form, ctx)`` keeps what the rule needs of each form (small), then
    ``check_unit(items, ctx)`` sees (FormRef, summary) pairs of all forms of one 预算单位.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    summary: ClassVar[str]  # one line, English
    summary_zh: ClassVar[str] = ""
    rationale: ClassVar[str]  # why it matters
    fix: ClassVar[str] = ""  # how to fix it
    source: ClassVar[Source]
    scope: ClassVar[str] = "form"
    # The kinds of form the rule reads (policy.forms.model.FORM_KINDS); the engine does not run
    # it on a form of another kind. Self-evaluation rules declare (SELF_EVALUATION,).
    form_kinds: ClassVar[tuple[str, ...]] = FORM_KINDS
    # Kinds a unit-scope rule also summarises without reporting on them: C106 reads the approved
    # target forms to check the self-evaluations against them.
    reads_kinds: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[Mapping[str, Option]] = {}
    bad: ClassVar[Sequence[Example]] = ()
    good: ClassVar[Sequence[Example]] = ()

    def check(self, form: Form, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def summarize(self, form: Form, ctx: Context) -> Any:
        raise NotImplementedError

    def check_unit(self, items: Sequence[tuple[FormRef, Any]], ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


def money_text(yuan: Decimal) -> str:
    """Render an amount in 元 for a message: 万元 when it is a whole number of 万, else 元."""
    if yuan != 0 and yuan % 10000 == 0:
        return f"{format_decimal(yuan / 10000)}万元"
    return f"{format_decimal(yuan)}元"
