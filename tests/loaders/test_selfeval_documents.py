"""Self-evaluations (绩效自评表) in every document format: a generated canonical self-evaluation,
laid out as the form prints it (``bench.corpusgen.self_evaluation_layout``) and written as HTML,
DOCX, form-layout XLSX or extracted text (TAB-separated lines), and one example printed to PDF by
LibreOffice, reads back as the same form — kind, 项目资金 rows, 实际完成情况, 一级 weights, 总分
and every indicator's 实际完成值/分值/得分/偏差原因."""

from __future__ import annotations

import shutil

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from checker.loaders import load_bytes
from bench.corpusgen.documents import to_docx, to_html, to_pdf, to_text, to_xlsx
from bench.corpusgen.self_evaluation_layout import selfeval_tables
from loaders.test_loader_layout_property import NAMES, PAIRS
from policy.authoring.examples import evaluation_form
from policy.forms.canonical import form_from_mapping, form_to_mapping

TARGETS = ("≥120公里", "100%", "≥95%", "≤4000元/公里", "2022年10月底前", "≥90%", "12期", "持续提升", "≤1小时")
ACTUALS = ("126公里", "100%", "93%", "3800元/公里", "2022年9月", "12期", "已完成", "1.5小时", "达成预期指标")
REASONS = ("受汛期影响，下年度提前安排。", "无", "——", "两处路段延期完工")
AMOUNTS = ("50", "48.2", "0", "127", "27.9996", "8.408")
PART_ROWS = ("其中：财政拨款", "上年结转资金", "其他资金")


def _maybe(values):
    return st.none() | st.sampled_from(values)


@st.composite
def execution_rows(draw):
    rows = [{"row": "年度资金总额", "initial": draw(_maybe(AMOUNTS)), "budget": draw(_maybe(AMOUNTS)),
             "spent": draw(_maybe(AMOUNTS)), "weight": draw(_maybe(("10", "20"))),
             "rate": draw(_maybe(("96.4%", "100%", "22%", "0.964"))), "score": draw(_maybe(("9.64", "10", "2.2")))}]
    for label in draw(st.lists(st.sampled_from(PART_ROWS), unique=True, max_size=3)):
        rows.append({"row": label, "initial": draw(_maybe(AMOUNTS)), "budget": draw(_maybe(AMOUNTS)),
                     "spent": draw(_maybe(AMOUNTS))})
    return rows


@st.composite
def selfeval_forms(draw):
    pairs = sorted(draw(st.lists(st.sampled_from(range(len(PAIRS))), min_size=1, max_size=5, unique=True)))
    indicators = []
    for i in pairs:
        level1, level2 = PAIRS[i]
        for _ in range(draw(st.integers(1, 3))):
            indicators.append({
                "level1": level1, "level2": level2, "name": draw(st.sampled_from(NAMES)),
                "target": draw(st.sampled_from(TARGETS)), "actual": draw(_maybe(ACTUALS)),
                "weight": draw(_maybe(("5", "8", "10", "20"))), "score": draw(_maybe(("0", "4.5", "8", "10"))),
                "deviation": draw(_maybe(REASONS)),
            })
    level1s = list(dict.fromkeys(r["level1"] for r in indicators))
    weighted = draw(st.lists(st.sampled_from(level1s), unique=True))
    return {
        "kind": "self_evaluation",
        "title": draw(st.sampled_from(["项目支出绩效自评表（2022年度）", "2022年度县级专项资金绩效目标自评表"])),
        "year": 2022,
        "name": draw(st.sampled_from(["农村道路养护项目", "县级储备粮", "应急指挥中心经费"])),
        "budget_unit": draw(st.sampled_from(["某县交通运输局", "衡山县商务和粮食局"])),
        "implementer": draw(st.sampled_from(["某县公路养护中心", "粮食调控储备与产业发展股"])),
        "amount_unit": "万元",
        "declared_amount_unit": "万元",  # the layouts print it: 项目资金（万元）
        "execution": draw(execution_rows()),
        "goals": {"annual": draw(st.sampled_from(["完成农村道路养护120公里，群众满意度达到90%以上。",
                                                  "保持和稳定地方粮食储备机制"])),
                  "annual_actual": draw(_maybe(["全年养护农村道路126公里，执行资金48.2万元。",
                                               "地方储备粮食规模达标"]))},
        "level1_weights": {k: draw(st.sampled_from(["50", "30", "10"])) for k in weighted},
        "total_score": draw(_maybe(("93.6", "100", "88.5"))),
        "indicators": indicators,
    }


def comparable(mapping: dict) -> dict:
    """A dump without the places (lines, cells) that differ between formats by nature."""
    out = {k: v for k, v in mapping.items() if k not in ("path", "line", "sheet")}
    out["indicators"] = [
        {k: v for k, v in row.items() if k not in ("line", "column", "sheet", "cell", "level1_text", "level2_text")}
        for row in mapping["indicators"]
    ]
    out["execution"] = [{k: v for k, v in row.items() if k != "line"} for row in mapping.get("execution", ())]
    return out


WRITERS = {
    "html": lambda drawn, pick: to_html(drawn, pick, layout=selfeval_tables),
    "docx": lambda drawn, pick: to_docx(drawn, pick, layout=selfeval_tables),
    "xlsx": lambda drawn, pick: to_xlsx(drawn, pick, layout=selfeval_tables),
    "txt": lambda drawn, pick: to_text(drawn, pick, layout=selfeval_tables),
}


@pytest.mark.parametrize("suffix", list(WRITERS))
@settings(max_examples=15, deadline=None)
@given(drawn=st.lists(selfeval_forms(), min_size=1, max_size=2), data=st.data())
def test_self_evaluation_documents_read_back_the_same_forms(suffix, drawn, data):
    content = WRITERS[suffix](drawn, lambda options: data.draw(st.sampled_from(list(options))))
    document = load_bytes(content, "drawn." + suffix)
    assert document.error is None, document.error
    got = [comparable(form_to_mapping(f)) for f in document.forms]
    expected = [comparable(form_to_mapping(form_from_mapping(m, index=i))) for i, m in enumerate(drawn)]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g.pop("indicators") == e.pop("indicators")
        assert g == e
    assert [i for f in document.forms for i in f.issues] == []


@pytest.mark.producer
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_self_evaluation_printed_to_pdf_reads_back(tmp_path):
    form = evaluation_form()
    form.update(title="项目支出绩效自评表（2022年度）", budget_unit="某县交通运输局", implementer="某县公路养护中心",
                declared_amount_unit="万元")  # the layout prints 项目资金（万元）
    content = to_pdf([form], lambda options: list(options)[0], tmp_path, layout=selfeval_tables)
    document = load_bytes(content, "form.pdf")
    assert document.error is None, document.error
    (got,) = [comparable(form_to_mapping(f)) for f in document.forms]
    expected = comparable(form_to_mapping(form_from_mapping(form)))
    assert got == expected
