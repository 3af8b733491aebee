"""Building blocks for the S/V rules' bad and good examples: a complete, clean indicator table
that each example changes in one place, so an example shows exactly the defect it is about."""

from __future__ import annotations

from typing import Any


def row(level1: str, level2: str, name: str | None, value: str | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"level1": level1, "level2": level2, "name": name, "value": value}
    out.update(extra)
    return out


CLEAN_ROWS: tuple[dict[str, Any], ...] = (
    row("产出指标", "数量指标", "培训人次", "≥280人次"),
    row("产出指标", "质量指标", "培训完成率", "100%"),
    row("产出指标", "时效指标", "培训完成时间", "2022年11月底前"),
    row("产出指标", "成本指标", "人均培训成本", "≤500元/人次"),
    row("效益指标", "社会效益", "学员履职能力提升率", "≥90%"),
    row("满意度指标", "服务对象满意度", "学员满意度", "≥95%"),
)


def form(*rows: dict[str, Any], drop: tuple[str, ...] = (), **fields: Any) -> dict[str, Any]:
    """A form mapping: the clean rows minus those whose name is in ``drop``, plus ``rows``."""
    kept = [dict(r) for r in CLEAN_ROWS if r["name"] not in drop]
    out: dict[str, Any] = {
        "name": "干部培训经费",
        "year": 2022,
        "goals": {"annual": "全年举办主体班培训280人次，提升干部履职能力。"},
        "indicators": [*kept, *rows],
    }
    out.update(fields)
    return out


def only(*rows: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A form mapping holding just ``rows``."""
    out: dict[str, Any] = {"name": "干部培训经费", "year": 2022,
                           "goals": {"annual": "全年举办主体班培训280人次。"},
                           "indicators": list(rows)}
    out.update(fields)
    return out


def cost_form(total: str, *rows: tuple[str, str, str, str]) -> dict[str, Any]:
    """A canonical form mapping with 年度资金总额 ``total`` and indicator rows given as
    (一级, 二级, 三级 name, value): the funding rules' compact examples."""
    return {
        "funding": {"total": total},
        "indicators": [
            {"level1": l1, "level2": l2, "name": name, "value": value}
            for l1, l2, name, value in rows
        ],
    }
