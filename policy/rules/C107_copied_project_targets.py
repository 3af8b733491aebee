"""C107: two projects of one unit with the same (or nearly the same) annual goal or indicator set."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from grammar.folding import bare
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
from policy.authoring.similarity import bigrams, jaccard, whole_percent
from policy.forms.model import ANNUAL, TARGET
from policy.options import percent_number, positive_int

GOAL_CHARS_KEPT = 80  # a goal's first characters tell a copy; summaries stay small (kept per form)
MAX_INDICATORS_KEPT = 60


def _indicator_key(name: str, value: str) -> int:
    """A stable number for one (name, value) row: the same in every worker process."""
    return zlib.crc32(f"{bare(name)}\x1f{bare(value)}".encode("utf-8"))


def _pack(keys: set[int]) -> bytes:
    return b"".join(k.to_bytes(4, "big") for k in sorted(keys))


def _unpack(blob: bytes) -> frozenset[int]:
    return frozenset(int.from_bytes(blob[i:i + 4], "big") for i in range(0, len(blob), 4))


def _form(name, goal, indicators):
    return {
        "name": name,
        "budget_unit": "某县农业农村局",
        "year": 2023,
        "goals": {"annual": goal},
        "indicators": [
            {"level1": l1, "level2": l2, "name": n, "value": v} for l1, l2, n, v in indicators
        ],
    }


_ROWS = (
    ("产出指标", "数量指标", "培训农民人数", "≥500人"),
    ("产出指标", "质量指标", "培训合格率", "≥95%"),
    ("产出指标", "时效指标", "培训完成时间", "2023年10月底前"),
    ("效益指标", "社会效益", "农民增收技能掌握率", "≥80%"),
    ("满意度指标", "服务对象满意度", "参训农民满意度", "≥90%"),
)
_GOAL = "全年开展高素质农民培训500人，培训合格率达到95%以上，参训农民满意度达到90%以上。"


class CopiedProjectTargets(Rule):
    code = "C107"
    name = "copied-project-targets"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    form_kinds = (TARGET,)
    summary = "Two projects of one unit have the same annual goal or indicator set"
    summary_zh = "同一单位两个项目的年度目标或绩效指标雷同"
    rationale = (
        "Each project's targets say what that project's money buys. Two different projects of "
        "one unit with the same annual goal, or the same indicators and values, were copied from "
        "one form to the other: at least one of them says nothing about its own project, and "
        "the two cannot be evaluated apart. Near-copies count: the texts are compared by a "
        "similarity measure with a configurable threshold. Forms with the same project name are "
        "C105's; forms of different budget years are never compared (a continuing project "
        "repeats its targets)."
    )
    fix = (
        "Write each project's goal and indicators for that project: its own outputs, "
        "quantities and effects."
    )
    source = Source(
        SourceKind.OFFICIAL_SECONDARY,
        "财政支出绩效评价管理暂行办法 第十四条 (targets 指向明确, 具体细化); "
        "derived: the forms of one unit compared with each other",
        "Goals: Jaccard similarity of the character pairs of the two annual goals (whitespace "
        "and punctuation removed; their first 80 characters). Indicators: Jaccard similarity of the two sets of annual "
        "(三级 name, value) rows. The thresholds are configurable defaults, not documented "
        "figures.",
    )
    scope = "unit"
    options: ClassVar[Mapping[str, Option]] = {
        "goal_similarity": Option(
            Decimal(70),
            "Percent similarity of two annual goals from which one is a copy of the other.",
            percent_number,
        ),
        "indicator_similarity": Option(
            Decimal(70),
            "Percent of (name, value) rows two indicator sets share (of all their distinct "
            "rows) from which one is a copy of the other.",
            percent_number,
        ),
        "min_goal_chars": Option(
            15, "Shorter annual goals are not compared (保障正常运转 is not a copy).", positive_int
        ),
        "min_indicators": Option(
            4, "Forms with fewer annual indicator rows are not compared.", positive_int
        ),
    }
    bad = (
        Example(
            {
                "forms": [
                    _form("高素质农民培训项目", _GOAL, _ROWS),
                    _form("农村实用人才培训项目", _GOAL, _ROWS),
                ]
            },
            note="the second project's goal and indicators copied from the first",
            expect=("C107.both",),
        ),
        Example(
            {
                "forms": [
                    _form("高素质农民培训项目", _GOAL, _ROWS),
                    _form(
                        "农村实用人才培训项目",
                        "全年开展农村实用人才培训500人，培训合格率达到95%以上，参训农民满意度达到90%以上。",
                        (
                            ("产出指标", "数量指标", "培训人才数", "≥300人"),
                            ("产出指标", "质量指标", "结业率", "≥98%"),
                            ("产出指标", "时效指标", "培训完成时间", "2023年11月底前"),
                            ("效益指标", "社会效益", "带动就业人数", "≥100人"),
                            ("满意度指标", "服务对象满意度", "学员满意度", "≥95%"),
                        ),
                    ),
                ]
            },
            note="a near-copy of the goal (two words changed); the indicators are the project's own",
            expect=("C107.goal",),
        ),
    )
    good = (
        Example(
            {
                "forms": [
                    _form("高素质农民培训项目", _GOAL, _ROWS),
                    _form(
                        "农村人居环境整治项目",
                        "完成20个行政村生活垃圾收运体系建设，村庄保洁覆盖率达到100%。",
                        (
                            ("产出指标", "数量指标", "整治行政村数", "20个"),
                            ("产出指标", "质量指标", "村庄保洁覆盖率", "100%"),
                            ("产出指标", "时效指标", "培训完成时间", "2023年10月底前"),
                            ("效益指标", "生态效益", "垃圾无害化处理率", "≥90%"),
                            ("满意度指标", "服务对象满意度", "参训农民满意度", "≥90%"),
                        ),
                    ),
                ]
            },
            note="two projects sharing two common rows (a deadline, a satisfaction target) are not copies",
        ),
        Example(
            {
                "forms": [
                    _form("高素质农民培训项目", _GOAL, _ROWS),
                    {**_form("高素质农民培训项目", _GOAL, _ROWS), "year": 2024},
                ]
            },
            note="the same continuing project in two budget years",
        ),
    )

    def summarize(self, form, ctx):
        goal = bare(form.goals.annual)[:GOAL_CHARS_KEPT] or None
        rows = [r for r in form.rows if r.period == ANNUAL and r.ind.name and r.ind.value_text]
        keys = {_indicator_key(r.ind.name, r.ind.value_text) for r in rows[:MAX_INDICATORS_KEPT]}
        if goal is None and not keys:
            return None
        return (form.year, goal, _pack(keys), form.goals.annual_location)

    def check_unit(self, items, ctx):
        groups = defaultdict(list)
        for ref, summary in items:
            if summary is not None:
                groups[summary[0]].append((ref, summary))
        for entries in groups.values():
            entries.sort(key=lambda e: (e[0].path, e[0].index))
            yield from self._pairs(entries, ctx.options)

    def _pairs(self, entries, options):
        min_goal, min_rows = options["min_goal_chars"], options["min_indicators"]
        goals = [bigrams(s[1]) if s[1] and len(s[1]) >= min_goal else None for _, s in entries]
        rows = [_unpack(s[2]) if len(s[2]) >= 4 * min_rows else None for _, s in entries]
        names = [bare(ref.name) for ref, _ in entries]
        for later in range(1, len(entries)):
            ref, summary = entries[later]
            for earlier in range(later):
                other = entries[earlier][0]
                if names[later] and names[later] == names[earlier]:
                    continue  # the same project name: C105's
                goal = _similar(goals[later], goals[earlier], options["goal_similarity"])
                table = _similar(rows[later], rows[earlier], options["indicator_similarity"])
                if goal is None and table is None:
                    continue
                yield _finding(ref, summary, other, goal, table, len(rows[later] & rows[earlier])
                               if table is not None else 0)


def _similar(a, b, threshold: Decimal) -> Decimal | None:
    """The similarity in percent when it reaches the threshold, else None."""
    if a is None or b is None:
        return None
    if Decimal(min(len(a), len(b)) * 100) < threshold * max(len(a), len(b)):
        return None  # the sizes alone keep the similarity below the threshold
    percent = jaccard(a, b) * 100
    return percent if percent >= threshold else None


def _finding(ref, summary, other, goal, table, shared) -> Finding:
    args = {"name": ref.name or "（无名称）", "other": other.name or "（无名称）",
            "other_ref": f"{other.path}#{other.index + 1}"}
    evidence = {"本表": f"{ref.path}#{ref.index + 1}", "雷同的表": args["other_ref"]}
    if goal is not None:
        args["goal_similarity"] = whole_percent(goal)
        evidence["年度目标相似度"] = f"{args['goal_similarity']}%"
    if table is not None:
        args["indicator_similarity"] = whole_percent(table)
        args["shared"] = shared
        evidence["相同的指标（名称与指标值）"] = str(shared)
    kind = "both" if goal is not None and table is not None else "goal" if goal is not None else "indicators"
    location = summary[3] if goal is not None else None  # the indicators: the form itself
    return Finding(f"C107.{kind}", args, location=location or ref.location, evidence=evidence,
                   form=ref)
