"""Every loader, fed random bytes, random Unicode and mutated real files: a Document, never an
exception, never a hang."""

from __future__ import annotations

import tempfile

from hostile_checks import assert_document_clean, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import SUPPORTED_SUFFIXES, load_path

SUFFIXES = st.sampled_from(sorted(SUPPORTED_SUFFIXES) + [".dat", ""])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"])


def load(name: str, data: bytes, test: str):
    count_input(test)
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, name, data)
        with bounded():
            document = load_path(path)
        return assert_document_clean(document, path)


@examples(ci=60)
@given(data=st.binary(max_size=4096), suffix=SUFFIXES)
def test_random_bytes_under_any_suffix(data, suffix):
    load("input" + suffix, data, "random_bytes")


@examples(ci=60)
@given(text=st.text(max_size=2000), suffix=SUFFIXES, encoding=ENCODINGS)
def test_random_unicode_in_any_encoding(text, suffix, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    load("input" + suffix, data, "random_unicode")


# Text that looks like the forms: their labels, separators, brackets and values, in any order.
_FORM_TOKENS = st.sampled_from([
    "\t", "\n", "\r\n", ",", "|", '"', "'", ":", "：", "-", "  ", "{", "}", "[", "]", "（", "）",
    "项目名称", "预算单位", "实施单位及责任人", "项目属性", "项目期限", "立项依据", "项目资金",
    "年度资金总额", "其中：财政拨款", "其他资金", "来源", "合计", "总体目标", "年度目标", "绩效指标",
    "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "效益指标", "满意度指标",
    "巴中市2022年市级部门预算项目支出绩效目标批复表", "<input type=\"checkbox\"/>",
    "<input checked=\"\" type=\"checkbox\"/>", "≥95%", "≤15万元", "100%", "**", "20**年", "XX",
    "金额单位：元", "单位名称", "指标性质", "度量单位", "forms", "indicators", "value", "- ", "name",
    "万元", "1.2万人次", "9" * 40, "NaN", "-1e999", "\x00", "\ufeff", "\u202e", "𠀀",
])


@examples(ci=60)
@given(tokens=st.lists(_FORM_TOKENS, max_size=300), suffix=SUFFIXES)
def test_form_shaped_noise(tokens, suffix):
    load("input" + suffix, "".join(tokens).encode("utf-8"), "form_shaped_noise")


def _mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    buf = bytearray(data)
    for kind, position, value in ops:
        if not buf:
            buf.append(value)
            continue
        at = position % len(buf)
        if kind == 0:
            buf[at] = value  # flip a byte
        elif kind == 1:
            buf.insert(at, value)
        elif kind == 2:
            del buf[at:at + 1 + value % 64]  # delete a run
        else:
            buf[at:at] = buf[at:at + 1 + value % 256]  # duplicate a run
    return bytes(buf)


OPS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1, max_size=12
)


@examples(ci=60)
@given(fmt=st.sampled_from(["seed", "text", "yaml", "json", "csv", "xlsx"]), ops=OPS)
def test_mutated_real_files(samples, fmt, ops):
    source = samples[fmt]
    load("mutated" + source.suffix, _mutate(source.read_bytes(), ops), "mutated_real_files")
