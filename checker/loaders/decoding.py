"""Bytes → text for every text-based format, with the same lines whatever the encoding.

UTF-8 (with or without BOM), UTF-16 with BOM and GB18030 (a superset of GBK/GB2312) are
accepted. Undecodable bytes are an error naming the line: replacing them silently would let a
damaged amount or value pass unnoticed.
"""

from __future__ import annotations

import codecs
import re

import attrs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_NEWLINE = re.compile(r"\r\n|\r|\n")


@attrs.frozen(eq=False, repr=False)  # internal, never compared or shown: cheaper to create at import
class Decoded:
    """The decoded text and the encoding used, or the 1-based line of the first bad byte."""

    text: str | None
    encoding: str | None
    bad_line: int | None = None


def _line_of(data: bytes, pos: int) -> int:
    head = data[:pos]
    # Count CRLF, lone CR and lone LF as one line break each, like split_lines.
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def decode(data: bytes) -> Decoded:
    """Decode ``data``; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                if encoding == "utf-16":
                    return Decoded(None, encoding, _utf16_line(data, exc.start))
                # utf-8-sig reports positions after the BOM it skipped.
                return Decoded(None, encoding, _line_of(data, exc.start + len(bom)))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_exc:
        utf8_pos = utf8_exc.start
    if _is_mixed(data, utf8_pos):
        # UTF-8 text with a line from another encoding: GB18030 would "succeed" and garble
        # every other line, so name the line instead.
        return Decoded(None, None, _line_of(data, utf8_pos))
    try:
        return Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError as gb_exc:
        return Decoded(None, None, _line_of(data, gb_exc.start))


def _is_mixed(data: bytes, utf8_pos: int) -> bool:
    """Whether the file is UTF-8 with some lines in another encoding: more of its non-ASCII
    lines are valid UTF-8 than not (in a GBK file almost every non-ASCII line fails UTF-8)."""
    good = bad = 0
    for line in data.splitlines():
        if not any(b >= 0x80 for b in line):
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
        else:
            good += 1
    return good > bad


def _utf16_line(data: bytes, pos: int) -> int:
    text = data[:pos].decode("utf-16", errors="ignore")
    return len(split_lines(text))


def split_lines(text: str) -> list[str]:
    """Lines without their terminators; CRLF, CR and LF all end a line."""
    return _NEWLINE.split(text)


def has_nul(text: str) -> bool:
    return "\x00" in text
