"""A compact builder for the funding rules' example forms: the annual total and a few rows."""

from __future__ import annotations

from typing import Any


def cost_form(total: str, *rows: tuple[str, str, str, str]) -> dict[str, Any]:
    """A canonical form mapping with 年度资金总额 ``total`` and indicator rows given as
    (一级, 二级, 三级 name, value)."""
    return {
        "funding": {"total": total},
        "indicators": [
            {"level1": l1, "level2": l2, "name": name, "value": value}
            for l1, l2, name, value in rows
        ],
    }
