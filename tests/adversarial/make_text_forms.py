"""Writes the adversarial corpus's extracted-text forms (run from the repository root:
``python tests/adversarial/make_text_forms.py``); their truth is in corpus/truth.yaml. Written by
a script so that the invisible characters (ZWSP, BOM) inside them stay visible here."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
TITLE = "2023年度项目支出绩效目标表"
HEADER = "绩效指标\t一级指标\t二级指标\t三级指标\t指标值"

# Form boundaries (issue 13 item 1): a form starts at its 项目名称 row whatever its title line does.
BOUNDARIES = [
    TITLE,
    "项目名称\t甲项目",
    "项目资金\t年度资金总额：\t10万元",
    HEADER,
    "\t产出指标\t数量指标\t培训人次\t≥280人次",
    "项目名称\t乙项目",  # no title line
    "项目资金\t年度资金总额：\t20万元",
    HEADER,
    "\t产出指标\t数量指标\t印发手册\t6000份",
    TITLE + "项目名称\t丙项目",  # the title glued to the 项目名称 label (no line break)
    "项目资金\t年度资金总额：\t30万元",
    HEADER,
    "\t产出指标\t时效指标\t完成时间\t2023年12月底前",
    TITLE + "\t\t填报日期：2023年1月5日\t金额单位：万元",  # a title with extra cells, and the unit
    "项目名称\t丁项目",
    "项目资金\t年度资金总额：\t40",  # 40 万元, by the title line's unit
    HEADER,
    "\t产出指标\t质量指标\t验收合格率\t100%",
    "2023年度项目支出绩效\u200b目标表",  # a ZWSP inside the title
    "项目\u200b名称\t戊项目",  # and inside the label
    "项目资金\t年度资金总额：\t50万元",
    HEADER,
    "\t产出指标\t数量指标\t维修道路\t≥5公里",
    TITLE,  # a page break repeats the title and the header: the same form goes on
    HEADER,
    "\t效益指标\t社会效益指标\t通行条件\t明显改善",
    "\ufeff项目名称\t己项目",  # a BOM left inside the file by concatenation
    "项目资金\t年度资金总额：\t60万元",
    HEADER,
    "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%",
]

# Rows that are not indicators (issue 13 item 2), and the period heading between two tables.
STRAY_ROWS = [
    TITLE,
    "项目名称\t庚项目",
    "预算单位\t某局",
    "项目资金\t年度资金总额：\t70万元",
    "中长期绩效指标",
    HEADER,
    "\t产出指标\t数量指标\t建设里程\t≥20公里",
    "第 1 页，共 2 页",
    "项目名称\t庚项目",  # the page head repeats the project
    "预算单位\t某局",
    "\t\t质量指标\t验收合格率\t100%",
    "年度绩效指标",
    HEADER,
    "\t产出指标\t数量指标\t建设里程\t≥5公里",
    "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%",
    "- 2 -",
    "审核意见：\t同意",
    "填报人：张三\t联系电话：12345678",
    "2023年1月5日",
]

# The declared amount unit wherever forms put it (issue 13 item 4).
TITLE_UNITS = [
    TITLE + "（金额单位：万元）",
    "项目名称\t辛项目",
    "项目资金\t年度资金总额：\t15",
    HEADER,
    "\t产出指标\t数量指标\t培训人次\t≥280人次",
    TITLE + "\t单位：万元",
    "项目名称\t壬项目",
    "项目资金\t年度资金总额：\t25",
    HEADER,
    "\t产出指标\t数量指标\t培训人次\t≥300人次",
    "（单位：万元）",  # on its own line above the next title
    TITLE,
    "项目名称\t癸项目",
    "项目资金\t年度资金总额：\t35",
    HEADER,
    "\t产出指标\t数量指标\t培训人次\t≥320人次",
]


def main() -> None:
    for name, lines in (("boundaries.txt", BOUNDARIES), ("stray_rows.txt", STRAY_ROWS),
                        ("title_units.txt", TITLE_UNITS)):
        (CORPUS / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
