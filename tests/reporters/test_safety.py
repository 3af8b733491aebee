"""Text from a form is made harmless before it reaches a terminal, an XML file or a UTF-8 stream."""

from __future__ import annotations

import json

from checker.reporters.safety import encodable, printable, visible


def test_visible_escapes_every_control_character_including_line_breaks():
    assert visible("a\x1b[2Jb\nc\r\x9b") == "a\\x1b[2Jb\\x0ac\\x0d\\x9b"
    assert visible("制表\t符") == "制表\t符"  # a tab cannot forge a line or drive a terminal
    assert visible("正常文本 ≥95%") == "正常文本 ≥95%"


def test_printable_keeps_layout_characters():
    assert printable("x\ty\nz\r\n\x07") == "x\ty\nz\r\n\\x07"


def test_lone_surrogates_become_escapes_that_json_reads_back():
    text = json.dumps({"name": "\ud800x"}, ensure_ascii=False)
    safe = encodable(text)
    safe.encode("utf-8")
    assert json.loads(safe) == {"name": "\ud800x"}
    assert encodable("😀") == "😀"  # a real astral character is untouched
