"""The parts of a 绩效自评表 the extracted-text layout reads, one case each (the round trip over
generated forms is in test_selfeval_documents.py, the public forms in selfeval/test_judged_text.py)."""

from __future__ import annotations

from checker.loaders import load_bytes
from policy.forms.canonical import form_to_mapping

HEAD = [
    "项目支出绩效自评表（2022年度）",
    "项目名称\t农村道路养护项目",
    "主管部门\t某县交通运输局\t\t\t实施单位\t某县公路养护中心",
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "\t年度资金总额\t50\t50\t48\t10\t96%\t9.6",
]


def _load(lines: list[str]):
    document = load_bytes("\n".join(lines).encode("utf-8"), "form.txt")
    assert document.error is None
    (form,) = document.forms
    return form, form_to_mapping(form)


def test_a_self_evaluation_without_its_title_is_known_by_its_blocks():
    """No …自评表 title: the 项目资金 block with 全年执行数 below makes it a self-evaluation from
    its first line, so the 主管部门 row above that block is read, not left unplaced."""
    lines = ["2022年杨楼社区项目资金使用情况"] + HEAD[1:] + [
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值",
        "产出指标\t数量指标\t养护里程\t≥120公里\t126公里",
    ]
    form, got = _load(lines)
    assert got["kind"] == "self_evaluation"
    assert (got["budget_unit"], got["implementer"]) == ("某县交通运输局", "某县公路养护中心")
    assert got["indicators"][0]["actual"] == "126公里"
    assert form.issues == ()


def test_a_label_left_blank_takes_no_label_as_its_value():
    lines = HEAD[:2] + ["主管部门\t\t\t\t实施单位\t某县公路养护中心"] + HEAD[3:]
    form, got = _load(lines)
    assert (got.get("budget_unit"), got["implementer"]) == (None, "某县公路养护中心")
    assert [i.message_id for i in form.issues] == ["E103"]  # no table: nothing else unplaced


def test_the_columns_are_read_by_header_whatever_their_order():
    """分值 printed before 年度指标值, and a 一级 label the hierarchy does not know (项目决策)."""
    lines = HEAD + [
        "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分\t未完成原因及拟采取的改进措施",
        "项目决策\t成本指标\t成本\t10\t≤10万元\t9.5万元\t10",
        "\t\t监理费用\t\t≤2万元\t2.4万元\t\t超支",
        "总分\t\t\t10\t\t\t10",
    ]
    form, got = _load(lines)
    rows = [[r.get(k) for k in ("level1_text", "level2", "name", "weight", "target", "actual", "score", "deviation")]
            for r in got["indicators"]]
    assert rows == [
        ["项目决策", "成本指标", "成本", "10", "≤10万元", "9.5万元", "10", None],
        ["项目决策", "成本指标", "监理费用", None, "≤2万元", "2.4万元", None, "超支"],
    ]
    assert got["total_score"] == "10"
    assert form.issues == ()


def test_scores_with_no_row_and_a_note_under_the_table_are_said():
    lines = HEAD + [
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t养护里程\t≥120公里\t126公里\t20\t20",
        "\t\t\t\t\t5\t5",
        "说明\t无",
    ]
    form, got = _load(lines)
    assert [r["name"] for r in got["indicators"]] == ["养护里程"]
    assert [(i.message_id, i.args["text"], i.location.line) for i in form.issues] == [
        ("E101", "5", 8), ("E101", "5", 8), ("E101", "说明", 9), ("E101", "无", 9)]


def test_a_year_line_under_the_title_joins_it():
    """"(2023年度)" on the line under a title gives the form its year (as in a document), for a
    target form too, instead of an unplaced cell."""
    text = "某县项目支出绩效目标表\n(2023年度)\n项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n" \
           "产出指标\t数量指标\t培训人次\t≥280人次\n"
    document = load_bytes(text.encode("utf-8"), "a.txt")
    (form,) = document.forms
    assert (form.title, form.year) == ("某县项目支出绩效目标表(2023年度)", 2023)
    assert form.issues == ()


def test_a_target_document_keeps_its_主管部门_row():
    """A target form's 主管部门 row in a document table was read by the self-evaluation part and
    then dropped with it: it gives the budget unit, as on a self-evaluation."""
    html = ("<html><body><h2>2023年度项目支出绩效目标表</h2><table border=1>"
            "<tr><td>项目名称</td><td>甲</td></tr><tr><td>主管部门</td><td>某局</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td><td>人次</td><td>≥280人次</td></tr></table></body></html>")
    (form,) = load_bytes(html.encode("utf-8"), "a.html").forms
    assert (form.kind, form.budget_unit, form.issues) == ("target", "某局", ())
