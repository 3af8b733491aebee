"""S115: a required header field (项目名称, 预算单位, 实施单位及负责人) printed and left blank."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form
from policy.authoring.patterns import LazyPattern
from policy.options import word_list

# The header fields, the model's attribute for each, and the location that shows it was read.
FIELDS = (
    ("项目名称", "name", "name_location"),
    ("预算单位", "budget_unit", "budget_unit_location"),
    ("实施单位", "implementer", "implementer_location"),
)
FIELD_LABELS = tuple(label for label, _, _ in FIELDS)
# A cell holding only dashes, slashes or dots is as blank as an empty one (** and XX are W102's).
_ONLY_MARKS = LazyPattern(r"^[\s\-—–_/／、.。·…]*$")


def _filled(text: str | None) -> bool:
    return bool(text) and not _ONLY_MARKS.match(text)


def field_label_list(value) -> tuple[str, ...]:
    """Option validator: header fields this rule knows."""
    names = word_list(value)
    unknown = [n for n in names if n not in FIELD_LABELS]
    if unknown:
        raise ValueError(f"unknown header field {unknown}; expected some of {list(FIELD_LABELS)}")
    return names


class HeaderFieldBlank(Rule):
    code = "S115"
    name = "header-field-blank"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "A required header field (项目名称, 预算单位, 实施单位及负责人) is left blank"
    summary_zh = "表头必填栏目（项目名称、预算单位、实施单位及负责人）未填写"
    rationale = (
        "The header says whose target this is: the project, the budget unit that asks for the "
        "money and the unit (and person) that carries the project out. A form printed with one of "
        "these left blank cannot be matched to its budget line or held to account, and the "
        "reviewer returns it. A field the form's template does not have (a 主管预算部门-only "
        "table with no 实施单位 row, listed as not on the form) is never reported as blank; a "
        "reader that did not see the field at all says nothing either. All blank fields of one "
        "form are one finding."
    )
    fix = "Fill in the field: the project's name, the budget unit, and the implementing unit with its responsible person."
    source = Source(SourceKind.DERIVED,
                    "derived: the form's own structure (a header field the template prints, left empty)")
    options = {
        "fields": Option(FIELD_LABELS, "the header fields that must be filled", validate=field_label_list),
    }
    bad = (
        Example(form(implementer=None, budget_unit="某市委党校"), note="实施单位 printed and left empty",
                expect=("S115",)),
        Example(form(name="—", budget_unit="", implementer="市委党校 张三"),
                note="a dash is no name; two blank fields, one finding", expect=("S115",)),
    )
    good = (
        Example(form(budget_unit="市委党校", implementer="市委党校 张三"), note="all three filled"),
        Example(form(budget_unit="天津市宁河区教育局", implementer=None, not_on_form=["实施单位"]),
                note="regression (宁河 2020): the template has no 实施单位 row — nothing was left blank"),
    )

    def check(self, form, ctx):
        wanted = ctx.options["fields"]
        blank: list[tuple[str, object]] = []
        read = False
        for label, attr, location_attr in FIELDS:
            if label not in wanted or label in form.not_on_form:
                continue
            location = getattr(form, location_attr)
            text = getattr(form, attr)
            if _filled(text):
                read = True
                continue
            if location is None:
                continue  # the reader saw no such field: not on the form, or not read — never "blank"
            read = True
            blank.append((label, location))
        if not read:
            raise InsufficientData("S.reason.no-header")
        if not blank:
            return
        fields = "、".join(label for label, _ in blank)
        yield Finding("S115", {"fields": fields, "count": len(blank)}, location=blank[0][1] or form.location,
                      evidence={label: "（空）" for label, _ in blank})
