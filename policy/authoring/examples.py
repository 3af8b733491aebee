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


# -- Self-evaluation forms (R, T and F112 examples) ---------------------------------------------

def _evaluated(level1: str, level2: str, name: str, target: str, actual: str, weight: str,
               score: str, deviation: str | None = None) -> dict[str, Any]:
    return {"level1": level1, "level2": level2, "name": name, "target": target, "actual": actual,
            "weight": weight, "score": score, "deviation": deviation}


def evaluation_form(change: Any = None) -> dict[str, Any]:
    """A clean 绩效自评表 mapping whose arithmetic all holds (weights 90 + 10 for the execution
    rate = 100; scores 84 + 9.6 = 93.6; one target missed, scored in proportion, with a reason);
    ``change(mapping)`` alters it in place to show one defect."""
    out: dict[str, Any] = {
        "kind": "self_evaluation",
        "name": "农村道路养护项目",
        "year": 2022,
        "amount_unit": "万元",
        "execution": [
            {"row": "年度资金总额", "initial": "50", "budget": "50", "spent": "48", "weight": "10",
             "rate": "96%", "score": "9.6"},
            {"row": "其中：财政拨款", "initial": "50", "budget": "50", "spent": "48"},
            {"row": "其他资金", "initial": "0", "budget": "0", "spent": "0"},
        ],
        "goals": {"annual": "完成农村道路养护120公里，群众满意度达到90%以上。",
                  "annual_actual": "全年养护农村道路126公里，群众满意度93%。"},
        "level1_weights": {"产出指标": "50", "效益指标": "30", "满意度指标": "10"},
        "total_score": "93.6",
        "indicators": [
            _evaluated("产出指标", "数量指标", "养护里程", "≥120公里", "126公里", "20", "20"),
            _evaluated("产出指标", "质量指标", "验收合格率", "100%", "100%", "15", "15"),
            _evaluated("产出指标", "时效指标", "完工时间", "2022年10月底前", "2022年9月", "10", "10"),
            _evaluated("产出指标", "成本指标", "每公里养护成本", "≤4000元/公里", "3800元/公里", "5", "5"),
            _evaluated("效益指标", "社会效益指标", "通行时间缩短率", "≥10%", "8%", "30", "24",
                       "两处路段因汛期延期完工，下年度提前安排施工。"),
            _evaluated("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10"),
        ],
    }
    if change is not None:
        change(out)
    return out


def indicator_of(form: dict[str, Any], name: str) -> dict[str, Any]:
    """The indicator row of an example form with this 三级 name (to change it in place)."""
    return next(r for r in form["indicators"] if r["name"] == name)
