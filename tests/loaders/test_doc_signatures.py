"""A file named .doc is read by what it holds: a DOCX renamed or a web page Word saved as .doc
is read directly, and bytes that are no Word file are reported at once — LibreOffice is started
only for a Word 97–2003 compound file, RTF or a MIME web archive."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import docx as docx_loader
from checker.loaders import load_bytes
from bench.corpusgen.documents import to_docx, to_html
from loaders.test_loader_grid_roundtrip import SAMPLE_FORM, _expected
from loaders.test_loader_layout_property import _comparable
from policy.forms.canonical import form_to_mapping


def _first(options):
    return list(options)[0]


@pytest.fixture
def no_libreoffice(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("LibreOffice was started")

    monkeypatch.setattr(docx_loader.subprocess, "run", refuse)
    monkeypatch.setattr(docx_loader.shutil, "which", lambda name: "/usr/bin/" + name)


@pytest.mark.parametrize("write", [lambda: to_docx([SAMPLE_FORM], _first),
                                   lambda: to_html([SAMPLE_FORM], _first),
                                   lambda: b"\xef\xbb\xbf\r\n" + to_html([SAMPLE_FORM], _first)],
                         ids=["docx", "html", "html-with-bom"])
def test_a_renamed_docx_or_web_page_is_read_without_conversion(no_libreoffice, write):
    document = load_bytes(write(), "form.doc")
    assert document.error is None
    assert [_comparable(form_to_mapping(f)) for f in document.forms] == _expected([SAMPLE_FORM])


@given(st.binary(max_size=64).filter(lambda b: not b.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<", b"PK", b"{"))))
def test_bytes_that_are_no_word_file_are_reported_at_once(data):
    def refuse(*args, **kwargs):
        raise AssertionError("LibreOffice was started")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(docx_loader.subprocess, "run", refuse)
        mp.setattr(docx_loader.shutil, "which", lambda name: "/usr/bin/" + name)
        document = load_bytes(b"x" + data, "form.doc")  # never a signature's first byte
    assert document.error is not None and document.error.message_id == "E024"
    assert document.error.args["kind"] == "DOC"


@pytest.mark.parametrize("head", [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf1", b"MIME-Version: 1.0"])
def test_word_signatures_go_to_libreoffice(monkeypatch, head):
    calls = []
    monkeypatch.setattr(docx_loader.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(docx_loader.subprocess, "run", lambda command, **kw: calls.append(command))
    document = load_bytes(head + b"\0" * 32, "form.doc")
    assert calls and "--convert-to" in calls[0]
    assert document.error is not None and document.error.message_id == "E021"  # no converted file appeared
