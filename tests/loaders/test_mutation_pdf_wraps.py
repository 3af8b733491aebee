"""Where a browser's wrap of Latin text gets its space back (``pdf_wraps.py``), at the edges the
round trips do not reach: what pdfium puts between the two lines (a line break, one inferred
space, nothing), a line pitch tighter than a text block's, text that goes on higher up or in
the next cell, and an X at a line's end. Written for the survivors of the mutation run of
2026-12-05 (docs/testing.md)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from checker.loaders.pdf_wraps import wrap_spaces

EM = 12.0


def _lines(lines: list[str], pitch: float = 1.5 * EM, between: str = "\r\n",
           indents: list[float] | None = None) -> tuple[str, list, list[bool]]:
    """Characters of ``lines`` one em wide, ``pitch`` apart downwards, with ``between`` (what
    pdfium infers at a line's end, generated) between lines; each line starting at its indent.
    Boxes are (left, bottom, right, top), y upwards, as pdfium gives them."""
    text, boxes, generated = "", [], []
    for n, line in enumerate(lines):
        top = 800.0 - n * pitch
        x0 = 10.0 + (indents[n] if indents else 0.0)
        if n:
            for ch in between:
                text += ch
                boxes.append((boxes[-1][2], top, boxes[-1][2], top))
                generated.append(True)
        for i, ch in enumerate(line):
            text += ch
            boxes.append((x0 + i * EM, top - EM, x0 + (i + 1) * EM, top))
            generated.append(False)
    return text, boxes, generated


def _read(text: str, boxes, generated) -> str:
    """The text as the PDF loader keeps it: the characters the text layer carries, and a space
    for each wrap found."""
    wraps = wrap_spaces(text, boxes, generated)
    return "".join(" " if i in wraps else ch for i, ch in enumerate(text) if i in wraps or not generated[i])


def test_a_wrap_where_pdfium_inferred_one_space_gets_that_space():
    assert _read(*_lines(["hello", "world"], between=" ")) == "hello world"
    assert _read(*_lines(["≥3500", "0次"], between="\n")) == "≥3500 0次"


def test_lines_with_nothing_inferred_between_them_lose_no_character():
    assert _read(*_lines(["hello", "world"], between="")) == "helloworld"


def test_a_line_ending_in_x_wraps_like_any_other_letter():
    assert _read(*_lines(["MAX", "100"])) == "MAX 100"
    assert _read(*_lines(["XX", "XX"])) == "XX XX"


def test_a_line_pitch_tighter_than_a_line_and_a_half_still_wraps():
    """Chromium's normal line height is about 1.15 em: the next line is less than an em and a
    half lower."""
    assert _read(*_lines(["hello", "world"], pitch=1.15 * EM)) == "hello world"
    assert _read(*_lines(["hello", "world"], pitch=0.5 * EM)) == "hello world"  # half a line: the least


def test_text_less_than_half_a_line_lower_is_the_same_line():
    assert _read(*_lines(["hello", "world"], pitch=0.4 * EM)) == "helloworld"


def test_text_going_on_higher_up_the_page_is_no_wrap():
    """pdfium gives the characters in drawing order: a cell drawn after one lower down (a row's
    label centred beside a longer value) goes on higher, after an inferred line break."""
    assert _read(*_lines(["hello", "world"], pitch=-1.5 * EM)) == "helloworld"


def test_lower_text_starting_past_the_line_before_is_another_cells():
    """The next cell of a row, lower and to the right of where the text before ended: no wrap
    (a wrap starts its next line left of the end of the line before)."""
    assert _read(*_lines(["ab", "cd"], indents=[0.0, 10 * EM])) == "abcd"
    assert _read(*_lines(["ab", "cd"], indents=[0.0, 2 * EM])) == "abcd"  # starting right at its end


def test_the_line_height_is_the_taller_of_the_two_glyphs():
    """A small glyph after a tall one, or a tall after a small: a drop of a quarter of the tall
    one's height is within its line (a baseline shift), though more than half the small one's."""
    text = "H\r\n2"
    boxes = [(10.0, 780.0, 22.0, 800.0), (22.0, 780.0, 22.0, 780.0), (22.0, 780.0, 22.0, 780.0),
             (14.0, 782.0, 20.0, 788.0)]
    generated = [False, True, True, False]
    assert wrap_spaces(text, boxes, generated) == set()
    small_first = [(10.0, 794.0, 16.0, 800.0), (16.0, 794.0, 16.0, 794.0), (16.0, 794.0, 16.0, 794.0),
                   (12.0, 782.0, 24.0, 802.0)]
    assert wrap_spaces(text, small_first, generated) == set()


def test_glyphs_without_height_still_need_half_a_point_of_drop():
    """Zero-height boxes (a font without ascent or descent): a drop under half a point is the
    same line."""
    text = "ab\r\ncd"
    boxes = [(10.0, 800.0, 22.0, 800.0), (22.0, 800.0, 34.0, 800.0), (34.0, 800.0, 34.0, 800.0),
             (34.0, 800.0, 34.0, 800.0), (10.0, 799.8, 22.0, 799.8), (22.0, 799.8, 34.0, 799.8)]
    assert wrap_spaces(text, boxes, [False, False, True, True, False, False]) == set()
    lower = [b if i < 4 else (b[0], b[1] - 0.5, b[2], b[3] - 0.5) for i, b in enumerate(boxes)]  # 0.7
    assert wrap_spaces(text, lower, [False, False, True, True, False, False]) == {2}


_word = st.text(alphabet="ab1设 ", min_size=1, max_size=6)


@given(lines=st.lists(_word, min_size=1, max_size=4), between=st.sampled_from(["\r\n", "\n", " ", ""]),
       pitch=st.sampled_from([1.15 * EM, 1.5 * EM, -1.5 * EM, 0.2 * EM]))
def test_a_wrap_space_only_ever_stands_for_a_generated_character(lines, between, pitch):
    """The characters the text layer carries are never replaced: a wrap's space takes the place
    of one pdfium inferred, right after the line's last character."""
    text, boxes, generated = _lines(lines, pitch, between)
    for i in wrap_spaces(text, boxes, generated):
        assert generated[i] and not generated[i - 1]
