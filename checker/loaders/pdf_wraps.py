"""Where a line of a cell wrapped at a space the text layer does not carry.

What pypdfium2 gives at a wrap, measured on cells printed by the three producers (a space typed
between two words, the cell too narrow for both):

- LibreOffice Calc carries every space as a character of its own, at a line's end as well;
- LibreOffice Writer carries a space after a Latin letter or a digit, at a line's end as well,
  but not after an ideograph: there, inside a line, pdfium infers one from the gap (a
  generated character, which says nothing: it infers them between cells too), and at a line's
  end there is nothing;
- Chromium (``Skia/PDF`` producer) carries no space at a line's end, whatever stands either side
  (pdfium infers a line break or a space there).

The spaces a producer carries are kept as they are. Where it carries none, what stood at the
wrap is known only from where the producer may break a line without a space: Chromium's line
breaker never breaks between two Latin letters or digits ("hello" / "world"; "≥3500" / "0次"),
so a space stood there; it breaks between two ideographs, or an ideograph and a letter, with or
without one ("设备" / "采购"), so nothing can be known and such a wrap joins without a space, as
Chinese text wraps. Writer breaks a Latin word or a number too long for its line without a
space ("≥35" / "000次/天") and carries the spaces it wraps at, so a Writer wrap without one had
none. (Chromium too breaks words when the page's style says ``word-break: break-all``; its PDF
cannot say so.)
"""

from __future__ import annotations

from collections.abc import Sequence


def is_browser_print(producer: str) -> bool:
    """Whether a PDF's ``Producer`` is a Chromium print (Chrome, Edge, headless Chromium)."""
    return producer.startswith("Skia/PDF")


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def wrap_spaces(text: str, boxes: Sequence[tuple[float, float, float, float]], generated: Sequence[bool]) -> set[int]:
    """Indices of the characters pdfium inferred (``generated``) where a line wrapped between two
    Latin letters or digits: each stands for the space the browser wrapped the line at.
    ``boxes`` are (left, bottom, right, top) with y upwards, as pdfium gives them."""
    found = set()
    before = None  # index of the last character the text layer carries
    for i, ch in enumerate(text):
        if generated[i] or ch in "\r\n":
            continue
        if before is not None and i > before + 1 and _word_char(text[before]) and _word_char(ch):
            left, bottom, right, top = boxes[i]
            p_left, p_bottom, p_right, p_top = boxes[before]
            size = max(p_top - p_bottom, top - bottom, 1.0)
            # The next line: its middle a half line or more lower, starting left of the end of
            # the line before.
            if (p_top + p_bottom) / 2 - (top + bottom) / 2 >= 0.5 * size and left < p_right:
                found.add(before + 1)
        before = i
    return found
