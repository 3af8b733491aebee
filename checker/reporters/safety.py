"""Making report text safe to print: input text reaches reports verbatim, so a crafted form could
otherwise drive the reader's terminal (escape sequences), break XML, or stop the output with a
lone surrogate that UTF-8 cannot encode. Dangerous characters are shown as visible escapes
(``\\x1b``, ``\\ud800``) — made harmless, never dropped.
"""

from __future__ import annotations

import re

# C0 controls but TAB/LF/CR, DEL and the C1 range (0x9b is a one-byte CSI on some terminals).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The same plus LF/CR: for one field inside a line, where a line break would forge a new line.
_FIELD_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _hex(m: re.Match) -> str:
    return f"\\x{ord(m.group()):02x}"


def _surrogate(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def encodable(text: str) -> str:
    """Lone surrogates as visible ``\\udXXX`` escapes (also valid inside a JSON string)."""
    try:
        # Python's UTF-16 codec rejects every surrogate code point and runs several times
        # faster than the pattern over text that has none: a whole report is checked at once.
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_surrogate, text)
    return text


def visible(text: str) -> str:
    """One field of a line: every control character (line breaks included) as ``\\xNN``."""
    return encodable(_FIELD_CONTROL.sub(_hex, text))


def printable(text: str) -> str:
    """A whole document: control characters other than TAB/LF/CR as ``\\xNN``."""
    return encodable(_CONTROL.sub(_hex, text))
