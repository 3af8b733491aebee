"""Decode a text input so that it can be written back byte for byte, edits aside.

The fixer rewrites a few cells and must leave every other byte alone: the encoding, the byte-order
mark and the line endings are kept. ``decode`` refuses (returns None) any file whose decoded text
does not encode back to exactly the same bytes, so a rewrite can never re-encode a file silently.
"""

from __future__ import annotations

import codecs

import attrs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@attrs.frozen
class DecodedText:
    """A file's text (without BOM) and how to turn edited text back into bytes."""

    text: str
    encoding: str  # a codec name without BOM handling: utf-8, utf-16-le, utf-16-be, gb18030
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes) -> DecodedText | None:
    """The text of ``data`` in the first encoding that round-trips exactly, or None."""
    candidates: list[tuple[bytes, str]] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            candidates.append((bom, encoding))
            break
    else:
        candidates = [(b"", "utf-8"), (b"", "gb18030")]
    for bom, encoding in candidates:
        try:
            text = data[len(bom):].decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded = DecodedText(text=text, encoding=encoding, bom=bom)
        try:
            if decoded.encode(text) == data:
                return decoded
        except UnicodeEncodeError:  # pragma: no cover - a codec that does not round-trip
            continue
    return None
