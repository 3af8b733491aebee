"""Every 一级/二级 spelling found in the public forms (indicators.tsv, values as published) maps
to its canonical name; the non-indicator headings of self-evaluation tables do not."""

from __future__ import annotations

import csv

import pytest

from policy.forms.hierarchy import canonical_level1, canonical_level2
from loaders.tests_paths import ROOT

TSV = ROOT / "tests" / "data" / "public-forms" / "indicators.tsv"
ROWS = [r for r in csv.reader(TSV.open(encoding="utf-8"), delimiter="\t")][1:]
NOT_INDICATOR_LEVEL1 = {"项目决策", "(50分)"}  # self-evaluation sections, not 一级指标

LEVEL1 = {
    "产 出 指 标": "产出指标", "产出": "产出指标", "产出 指标": "产出指标", "產出目標": "产出指标",
    "效 益 指 标": "效益指标", "效益 指标": "效益指标", "满意 度指 标": "满意度指标",
    "成本指标(0-20)分": "成本指标", "项目完成 指标": "产出指标", "项目效益 指标": "效益指标",
    "项目效益": "效益指标",
}
LEVEL2 = {
    "可持 续影 响指标": "可持续影响", "成本目標": "成本指标", "數量目標": "数量指标",
    "時效目標": "时效指标", "服务 对象 满意 度指 标": "服务对象满意度", "满意度指标": "服务对象满意度",
    "社会公众或服务对象满意度指标": "服务对象满意度", "生态 效益 指标": "生态效益",
    "经济成本指标": "经济成本指标", "質量目標": "质量指标", "经济 效益 指标": "经济效益",
}


@pytest.mark.parametrize("text,canonical", sorted(LEVEL1.items()))
def test_level1_spellings(text, canonical):
    assert canonical_level1(text) == canonical


@pytest.mark.parametrize("text,canonical", sorted(LEVEL2.items()))
def test_level2_spellings(text, canonical):
    assert canonical_level2(text) == canonical


def test_every_published_label_is_known():
    level1 = {r[1] for r in ROWS if len(r) > 2 and r[1]}
    level2 = {r[2] for r in ROWS if len(r) > 2 and r[2]}
    assert {t for t in level1 if canonical_level1(t) is None} == NOT_INDICATOR_LEVEL1
    assert {t for t in level2 if canonical_level2(t) is None} == set()


def test_names_are_not_labels():
    for text in ("群众满意度测评", "社会效益显著", "成本控制", "数量"):
        assert canonical_level1(text) is None
    assert canonical_level2("成本控制") is None
