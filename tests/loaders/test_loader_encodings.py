"""The same form in every accepted encoding and line ending reads identically, with identical
line numbers; undecodable bytes are an error naming their line, never silently replaced."""

from __future__ import annotations

import codecs

import pytest

from checker.loaders import load_bytes
from policy.forms.canonical import form_to_mapping
from loaders.tests_paths import SEED

TEXT = SEED.read_text(encoding="utf-8")


def _dump(data: bytes, name: str = "seed.txt"):
    document = load_bytes(data, name)
    assert document.error is None, document.error
    return [form_to_mapping(f) | {"path": None} for f in document.forms], document


REFERENCE, _ = _dump(TEXT.encode("utf-8"))

VARIANTS = {
    "utf-8-bom": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "gb18030": TEXT.encode("gb18030"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "crlf": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "gb18030-crlf": TEXT.replace("\n", "\r\n").encode("gb18030"),
    "cr": TEXT.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_encoding_gives_the_same_forms_and_lines(name):
    forms, document = _dump(VARIANTS[name])
    assert forms == REFERENCE  # includes every form, indicator line and column
    assert document.encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16")


def test_gbk_text_is_read_as_gb18030():
    # The seed has a character (譙) outside GB2312 but inside GBK.
    forms, document = _dump(TEXT.encode("gbk"))
    assert forms == REFERENCE and document.encoding == "gb18030"


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_undecodable_bytes_name_their_line(bom):
    lines = TEXT.encode("utf-8").split(b"\n")
    lines[20] = lines[20] + b"\xff\xfe"  # line 21
    document = load_bytes(bom + b"\n".join(lines), "bad.txt")
    assert document.error is not None
    assert (document.error.message_id, document.error.location.line) == ("E002", 21)
    assert document.forms == ()


def test_a_gbk_line_inside_utf8_is_an_error_not_mojibake():
    lines = TEXT.split("\n")
    encoded = [line.encode("utf-8") for line in lines]
    encoded[40] = lines[40].encode("gbk")  # line 41
    document = load_bytes(b"\n".join(encoded), "mixed.txt")
    assert document.error is not None and document.error.location.line == 41


def test_utf16_with_odd_bytes_is_an_error():
    document = load_bytes(codecs.BOM_UTF16_LE + "项目名称".encode("utf-16-le") + b"\x00", "odd.txt")
    assert document.error is not None and document.error.message_id == "E002"
