"""Encodings: UTF-8 (BOM or not), UTF-16 with BOM and GB18030/GBK are read alike; mixed or
undecodable bytes are an error naming their line, never replaced silently."""

from __future__ import annotations

import codecs

import pytest
from hostile_checks import assert_document_clean, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_path


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


def _summary(document):
    return [
        (form.name, form.location.line, [(i.name, i.value_text, i.location.line if i.location else None)
                                         for i in form.indicators])
        for form in document.forms
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk"])
@pytest.mark.parametrize("fmt", ["seed", "yaml", "json", "csv"])
def test_every_supported_encoding_reads_the_same(samples, tmp_path, fmt, encoding):
    source = samples[fmt]
    text = source.read_bytes().decode("utf-8-sig")
    data = _encode(text, encoding)
    expected = load_path(source)
    path = write(tmp_path, "encoded" + source.suffix, data)
    document = assert_document_clean(load_path(path), path)
    assert document.error is None, document.error
    assert _summary(document) == _summary(expected)


def _line_of(document) -> int | None:
    return document.error.location.line if document.error is not None else None


@pytest.mark.parametrize("fmt", ["seed", "yaml", "csv"])
def test_undecodable_bytes_are_reported_with_their_line(samples, tmp_path, fmt):
    lines = samples[fmt].read_bytes().splitlines(keepends=True)
    bad_line = len(lines) // 2
    lines[bad_line - 1] = lines[bad_line - 1].rstrip(b"\r\n") + b"\xff\xff\xff\n"
    path = write(tmp_path, "bad" + samples[fmt].suffix, b"".join(lines))
    document = assert_document_clean(load_path(path), path)
    assert document.error is not None and document.error.message_id.startswith("E002"), document.error
    assert _line_of(document) == bad_line


@pytest.mark.parametrize("fmt", ["seed", "csv"])
def test_a_gbk_line_inside_a_utf8_file_is_reported_not_turned_into_mojibake(samples, tmp_path, fmt):
    """Mixed encodings: most of the file is UTF-8, one line was pasted from a GBK system. Decoding
    the whole file as GB18030 'succeeds' and silently garbles every other line."""
    lines = samples[fmt].read_bytes().splitlines(keepends=True)
    bad_line = len(lines) // 2
    lines[bad_line - 1] = "满意度指标\t服务对象满意度\t≥95%\n".encode("gbk")
    path = write(tmp_path, "mixed" + samples[fmt].suffix, b"".join(lines))
    document = assert_document_clean(load_path(path), path)
    names = [f.name for f in document.forms]
    assert document.error is not None, f"mixed file decoded silently; form names now read {names[:2]}"
    assert _line_of(document) == bad_line


@examples(ci=40)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300),
    junk=st.binary(min_size=1, max_size=6),
    at=st.integers(0, 1 << 16),
)
def test_random_junk_in_utf8_never_passes_silently(tmp_path_factory, text, junk, at):
    """Bytes spliced into UTF-8 text: either the whole file still decodes as UTF-8 or GB18030 (a
    valid reading), or the loader reports an error with a line; it never raises."""
    count_input("encoding_junk")
    data = text.encode("utf-8")
    at %= len(data) + 1
    data = data[:at] + junk + data[at:]
    directory = tmp_path_factory.getbasetemp()
    path = write(directory, "junk.txt", data)
    with bounded():
        document = assert_document_clean(load_path(path), path)
    if document.error is not None and document.error.message_id.startswith("E002"):
        assert document.error.location.line is not None and document.error.location.line >= 1
