"""C103: 年度目标 is a copy of 中长期目标."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (
    Category,
    Example,
    Finding,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from grammar.folding import bare
from policy.authoring.similarity import text_similarity, whole_percent
from policy.options import percent_number


class AnnualGoalCopiesLongTerm(Rule):
    code = "C103"
    name = "annual-goal-copies-long-term"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    summary = "年度目标 is the same text as 中长期目标, or nearly"
    summary_zh = "年度目标照抄中长期目标"
    rationale = (
        "The annual goal says what this budget year delivers; the medium/long-term goal what the "
        "whole project period delivers. The same text in both means one of them was not set, and "
        "the year's results cannot be judged against a target of its own. A near-copy (a "
        "character or a word changed) is the same defect; how near is a configurable threshold."
    )
    fix = "Write the annual goal for the budget year: what part of the long-term goal this year achieves."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form asks for two targets in two fields (中长期目标, 年度目标)",
        "Annual and long-term targets are filled separately. Near-copies: Jaccard similarity "
        "of the two texts' character pairs (whitespace and punctuation removed); the 85% "
        "threshold is a configurable default, not a documented figure.",
    )
    options = {
        "similarity": Option(Decimal(85), "Percent similarity from which the annual goal is a "
                             "near-copy of the long-term goal.", percent_number),
    }
    bad = (
        Example(
            {
                "goals": {
                    "long_term": "完成全市农村道路硬化，惠及10万群众。",
                    "annual": "完成全市农村道路硬化，惠及10万群众。",
                }
            },
            expect=("C103",),
        ),
        Example(
            {
                "goals": {
                    "long_term": "建成应急指挥平台 确保突发事件及时处置",
                    "annual": "建成应急指挥平台，确保突发事件及时处置。",
                }
            },
            note="only spacing and punctuation differ",
            expect=("C103",),
        ),
        Example(
            {
                "goals": {
                    "long_term": "完成全县农村公路安全生命防护工程建设，惠及沿线群众10万人。",
                    "annual": "完成全县农村公路安全生命防护工程建设，惠及沿线群众10万人次。",
                }
            },
            note="a near-copy: one character added",
            expect=("C103.near",),
        ),
    )
    good = (
        Example(
            {
                "goals": {
                    "long_term": "三年内完成全市农村道路硬化。",
                    "annual": "完成2022年度300公里农村道路硬化。",
                }
            }
        ),
        Example(
            {
                "goals": {
                    "long_term": "三年内完成全县农村公路安全生命防护工程建设300公里，惠及沿线群众10万人。",
                    "annual": "2023年完成全县农村公路安全生命防护工程建设100公里，惠及沿线群众3万人。",
                }
            },
            note="the same project, the year's share of it: 65% alike, below the 85% threshold",
        ),
        Example(
            {"goals": {"annual": "全天24小时值守。"}},
            note="no long-term goal: not applicable",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        g = form.goals
        annual, long_term = bare(g.annual), bare(g.long_term)
        if not annual or not long_term:
            raise NotApplicable("C.reason.no-both-goals")
        evidence = {"中长期目标": g.long_term, "年度目标": g.annual}
        if annual == long_term:
            yield Finding("C103", {"excerpt": _excerpt(g.annual)},
                          location=g.annual_location or form.location, evidence=evidence)
            return
        similarity = text_similarity(annual, long_term)
        if similarity >= ctx.options["similarity"]:
            yield Finding("C103.near", {"excerpt": _excerpt(g.annual),
                                        "similarity": whole_percent(similarity)},
                          location=g.annual_location or form.location,
                          evidence={**evidence, "相似度": f"{whole_percent(similarity)}%"})


def _excerpt(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
