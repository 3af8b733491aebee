"""C102: forms of one 预算单位 name different responsible people for the same office."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import ClassVar

from policy.api import (
    Category,
    Example,
    Finding,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from policy.authoring.consistency import DEFAULT_OFFICE_SUFFIXES, split_implementer
from policy.options import word_list


class ImplementerDiffers(Rule):
    code = "C102"
    name = "implementer-differs"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    summary = "Forms of one unit name different responsible people for the same office"
    summary_zh = "同一预算单位各表中同一实施单位的责任人不一致"
    rationale = (
        "实施单位及责任人 names who answers for the targets. When one unit's forms give the same "
        "office with different people, one name is most likely a typo or copied from another "
        "year, and the accountability the form is meant to fix is unclear."
    )
    fix = "Check who is responsible and use the same name on every form of the office."
    source = Source(
        SourceKind.DERIVED,
        "derived: the forms of one unit compared with each other",
        "One office of one unit has one responsible person in a budget year.",
    )
    scope = "unit"
    options: ClassVar[Mapping[str, Option]] = {
        "office_suffixes": Option(
            DEFAULT_OFFICE_SUFFIXES,
            "Words that end an office name, to split 市府办譙小涛 into office and person.",
            word_list,
        )
    }
    bad = (
        Example(
            {
                "forms": [
                    {
                        "name": "甲",
                        "budget_unit": "巴中市人民政府办公室",
                        "implementer": "市府办 譙小涛",
                    },
                    {
                        "name": "乙",
                        "budget_unit": "巴中市人民政府办公室",
                        "implementer": "市府办譙小涛",
                    },
                    {
                        "name": "丙",
                        "budget_unit": "巴中市人民政府办公室",
                        "implementer": "市府办 熊小涛",
                    },
                ]
            },
            note="two forms say 譙小涛, one says 熊小涛",
            expect=("C102",),
        ),
        Example(
            {
                "forms": [
                    {
                        "name": "甲",
                        "budget_unit": "某县财政局",
                        "implementer": "预算股：王芳",
                    },
                    {
                        "name": "乙",
                        "budget_unit": "某县财政局",
                        "implementer": "预算股 王方",
                    },
                ]
            },
            note="a tie: both forms are reported",
            expect=("C102.tie",),
        ),
    )
    good = (
        Example(
            {
                "forms": [
                    {
                        "name": "甲",
                        "budget_unit": "巴中市人民政府办公室",
                        "implementer": "市府办 譙小涛",
                    },
                    {
                        "name": "乙",
                        "budget_unit": "巴中市人民政府办公室",
                        "implementer": "市府办譙小涛",
                    },
                ]
            },
            note="whitespace does not make another person",
        ),
        Example(
            {
                "forms": [
                    {
                        "name": "甲",
                        "budget_unit": "某县财政局",
                        "implementer": "预算股 王芳",
                    },
                    {
                        "name": "乙",
                        "budget_unit": "某县财政局",
                        "implementer": "国库股 李明",
                    },
                ]
            },
            note="different offices may have different people",
        ),
    )

    def summarize(self, form, ctx):
        split = split_implementer(form.implementer, ctx.options["office_suffixes"])
        if split is None:
            return None
        return (
            split[0],
            split[1],
            form.implementer,
            form.implementer_location or form.location,
        )

    def check_unit(self, items, ctx):
        by_office = defaultdict(list)
        for ref, summary in items:
            if summary is not None:
                by_office[summary[0]].append((ref, summary))
        for office, entries in by_office.items():
            counts = Counter(s[1] for _, s in entries)
            if len(counts) < 2:
                continue
            ranked = counts.most_common()
            top = ranked[0][1]
            leaders = sorted(p for p, n in ranked if n == top)
            tie = len(leaders) > 1
            for ref, (off, person, raw, loc) in entries:
                if not tie and person == leaders[0]:
                    continue
                others = sorted(p for p in counts if p != person)
                if tie:
                    evidence = {
                        "本表责任人": raw,
                        "其他表责任人": "、".join(
                            f"{p}（{counts[p]}张）" for p in others
                        ),
                    }
                    yield Finding(
                        "C102.tie",
                        {
                            "office": office,
                            "person": person,
                            "others": "、".join(others),
                        },
                        location=loc,
                        evidence=evidence,
                        form=ref,
                    )
                else:
                    majority = leaders[0]
                    yield Finding(
                        "C102",
                        {
                            "office": office,
                            "person": person,
                            "majority": majority,
                            "count": counts[majority],
                            "forms": sum(counts.values()),
                        },
                        location=loc,
                        evidence={
                            "本表责任人": raw,
                            "多数表责任人": f"{office} {majority}（{counts[majority]}张）",
                        },
                        form=ref,
                    )
