"""Text from an input file, made safe to show a person.

Cells, names and file names come from files anyone can craft. Printed raw, an ESC sequence can
retitle or clear a reviewer's terminal, rewrite lines already shown, or hide a finding; a
newline inside a cell can forge an extra report line; a lone surrogate (a JSON ``\\ud800`` escape,
a non-UTF-8 file name) cannot be encoded at all and would abort the whole report. ``printable``
shows each such character as a visible escape instead, keeping everything else as it is, so the
text stays recognisable and nothing is dropped.
"""

from __future__ import annotations

import re

# C0 controls but TAB, DEL, C1 controls (0x9b is a one-byte CSI), lone surrogates, and the
# line/paragraph separators some terminals and editors treat as line breaks.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_UNSAFE_KEEP_NEWLINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep_newlines: bool = False) -> str:
    """``text`` with control characters and lone surrogates shown as ``\\xNN`` / ``\\uNNNN``.

    ``keep_newlines`` leaves LF and CR alone (for multi-line output such as a diff)."""
    pattern = _UNSAFE_KEEP_NEWLINES if keep_newlines else _UNSAFE
    return pattern.sub(_escape, text)


