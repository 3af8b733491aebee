"""English templates choose singular or plural with ``{n:one|many}``; other specs and the
Chinese templates are untouched."""

from __future__ import annotations

from decimal import Decimal

import pytest

from policy.messages import render, template_fields


@pytest.mark.parametrize(
    "files, forms, indicators, expected",
    [
        (1, 1, 1, "No problems found in 1 file, 1 form, 1 indicator"),
        (2, 1, 3, "No problems found in 2 files, 1 form, 3 indicators"),
        (0, 0, 0, "No problems found in 0 files, 0 forms, 0 indicators"),
        (11, 21, 21, "No problems found in 11 files, 21 forms, 21 indicators"),  # only exactly 1 is singular
    ],
)
def test_plural_choice_follows_the_number(files, forms, indicators, expected):
    args = {"files": files, "forms": forms, "indicators": indicators}
    assert render("core.summary.clean", args, "en") == expected


def test_summary_counts_each_word_by_its_own_number():
    args = {"problems": 1, "errors": 1, "warnings": 0, "infos": 0, "files": 3, "forms": 1, "indicators": 2}
    assert render("core.summary", args, "en") == (
        "Found 1 problem (1 error, 0 warnings, 0 info) in 3 files, 1 form, 2 indicators")
    assert render("core.summary.unchecked", {"count": 1}, "en").startswith("1 check could not")
    assert render("core.summary.unchecked", {"count": Decimal(2)}, "en").startswith("2 checks could not")


def test_chinese_templates_have_no_plural_and_the_fields_are_the_arguments():
    args = {"problems": 1, "errors": 1, "warnings": 0, "infos": 0, "files": 1, "forms": 1, "indicators": 1}
    assert render("core.summary", args, "zh").startswith("发现 1 个问题")
    assert template_fields("{files} {files:file|files}") == {"files"}
