"""Where centred labels are placed at the edges of what the placing allows (mutmut survivors of
``pdf_centred_labels``): a label taller than its rows, a label at the page's foot, a tie between
placings, slack met exactly."""

from __future__ import annotations

from checker.loaders.pdf_centred_labels import Slack, Span, _chain, _last_row, first_rows

SLACK = Slack(middle=1.0, line=1.0)
TIGHT = Slack(middle=0.1, line=1.0)  # a row ending near the label's last line centres it no more


def _rows(*spans: tuple[float, float]) -> list[Span]:
    return [Span(*span) for span in spans]


def test_a_label_taller_than_its_rows_covers_every_row_starting_above_its_last_line():
    # Nothing centres it (0..10 has its middle at 5, 0..50 at 25; the label's is 15).
    assert _last_row(Span(0, 30), _rows((0, 0), (10, 10), (50, 50)), 0, SLACK) == 1
    # Down to the last row of all, through each row in turn, or up to its last line and its slack.
    assert _last_row(Span(0, 30), _rows((0, 0), (10, 10), (20, 20)), 0, SLACK) == 2
    assert _last_row(Span(0, 30), _rows((0, 0), (10, 10), (20, 20), (25, 25)), 0, SLACK) == 3
    assert _last_row(Span(0, 30), _rows((0, 0), (31, 31), (80, 80)), 0, TIGHT) == 1
    assert _last_row(Span(0, 30), _rows((0, 0), (30.5, 30.5), (80, 80)), 0, TIGHT) == 1
    assert _last_row(Span(0, 30), _rows((0, 0), (31.5, 31.5), (80, 80)), 0, TIGHT) == 0


def test_a_taller_label_needs_its_last_row_to_end_by_its_last_line():
    assert _last_row(Span(0, 30), _rows((0, 31), (80, 80)), 0, TIGHT) == 0  # ends on the slack exactly
    assert _last_row(Span(0, 30), _rows((0, 30.5), (80, 80)), 0, TIGHT) == 0
    assert _last_row(Span(0, 30), _rows((0, 31.5), (80, 80)), 0, TIGHT) is None


def test_a_label_starts_on_its_first_row_within_the_line_slack_exactly():
    assert _last_row(Span(1, 31), _rows((0, 0), (10, 10), (50, 50)), 0, SLACK) == 1
    assert _last_row(Span(1.5, 31), _rows((0, 0), (10, 10), (50, 50)), 0, SLACK) is None


def test_a_label_centred_within_the_middle_slack_exactly():
    assert _last_row(Span(6, 6), _rows((0, 0), (10, 10), (50, 50)), 0, SLACK) == 1  # rows' middle 5, 1 off


def test_at_the_foot_the_last_label_on_its_first_rows_line_covers_every_row_left():
    rows = _rows((0, 0), (10, 14), (20, 20), (30, 30), (40, 40))
    assert _chain([Span(10, 10)], rows, 1, SLACK, foot=True) == [(1, 4)]
    wide = Slack(middle=1.0, line=2.0)
    assert _chain([Span(8, 8)], rows, 1, wide, foot=True) == [(1, 4)]  # the line slack, exactly
    assert _chain([Span(7.5, 7.5)], rows, 1, wide, foot=True) is None
    assert _chain([Span(10, 10)], rows, 1, SLACK) is None


def test_labels_left_over_after_the_last_row_fit_nowhere():
    rows = _rows((0, 0))
    for foot in (False, True):
        assert _chain([Span(0, 0), Span(10, 10)], rows, 0, SLACK, foot=foot) is None
        assert first_rows([Span(0, 0), Span(10, 10)], rows, SLACK, foot=foot) is None


def test_the_placing_leaving_fewest_rows_over_is_taken_and_the_others_kept():
    # From row 0 the label centres rows 0..2, leaving 2 rows; from row 1, at the page's foot, it
    # covers rows 1..4, leaving 1: taken, though it starts lower.
    rows = _rows((0, 0), (10, 14), (20, 20), (30, 30), (40, 40))
    placing = first_rows([Span(10, 10)], rows, SLACK, foot=True)
    assert (placing.rows, placing.others) == ([1], [[0]])
