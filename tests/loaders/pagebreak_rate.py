"""Measure how often drawn forms printed by LibreOffice Writer with rows that may break across
pages fail to read back (not a test: each document costs a print, so the rate is measured by
hand and reported in the commit that changes it).

    python tests/loaders/pagebreak_rate.py --documents 30 --borderless
    python tests/loaders/pagebreak_rate.py --documents 30 --ruled
    python tests/loaders/pagebreak_rate.py --documents 30 --ruled --whole-rows
    python tests/loaders/pagebreak_rate.py --documents 30 --chromium
    python tests/loaders/pagebreak_rate.py --documents 30 --borderless --centred-labels

``--chromium``: the same forms as HTML tables without borders printed by Chromium (cells centred
in their rows, tables Chromium breaks between rows wherever a page ends). ``--chromium
--fixed-widths``: their indicator tables with fixed column widths drawn from ``FIXED_WIDTHS``, as
a page saved by a word processor sets them: names and values wrap over up to five lines beside
one-line cells under merged labels, and text that cannot break runs over into the next cell.

Forms are drawn by Hypothesis (derandomized: the same documents on every run) from the layout
property's strategy; blank paragraphs drawn before the first form move the page break through
the indicator table, so many a row straddles it. A document fails when any field or indicator
differs from the drawn form or a form carries a loader issue. A failed document is counted as
read wrongly and named (a loader notice was raised), read wrongly silently, or read right with a
notice; ``-v`` prints, above each failed document's line, the indicator rows and fields that
differ and the notices.

Hypothesis derives a derandomized run's seed from the test function's source: an edit to
``run`` draws other documents, and the numbers measured before no longer compare.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bench.corpusgen import documents  # noqa: E402
from bench.corpusgen.documents import form_tables, to_pdf  # noqa: E402
from checker.loaders import load_bytes  # noqa: E402
from loaders.test_loader_grid_roundtrip import _as_doubted, _expected, _squashed  # noqa: E402
from loaders.test_loader_grid_roundtrip import _reads_back_every_field as _judged  # noqa: E402
from loaders.test_loader_layout_property import _comparable, forms  # noqa: E402
from policy.forms.canonical import form_to_mapping  # noqa: E402

# The failed documents by kind (see ``verdict``), and whether to print why each failed: set by
# ``measure`` for ``_reads_back_every_field``, which ``run`` calls and must not take more arguments.
FAILED = {"named": 0, "silent": 0, "notice only": 0}
VERBOSE = [False]


def _kept_whole(forms, pick, directory, **options):
    return documents.to_pdf(forms, pick, directory, **{**options, "whole_rows": True})


def _chromium(forms, pick, directory, layout=None, **_):
    from loaders.test_loader_grid_roundtrip import CHROMIUM

    return documents.to_chromium_pdf(forms, pick, directory, CHROMIUM, ["--no-sandbox"], layout=layout, ruled=False, inputs=False)


# Column widths in em (12 pt), left to right, of an indicator table: roomy, tight, and with value
# columns narrower than "（次）" (3 em less the cell's padding), which Chromium lets run over.
FIXED_WIDTHS = ((3, 4, 4, 7, 7, 4, 7, 7), (3, 4, 4, 5, 6, 4, 5, 6), (3, 4, 4, 6, 3, 4, 6, 3))


def _chromium_fixed(forms, pick, directory, layout=None, **_):
    from loaders.test_loader_grid_roundtrip import CHROMIUM

    return documents.to_chromium_pdf(forms, pick, directory, CHROMIUM, ["--no-sandbox"], layout=layout, ruled=False,
                                     inputs=False, widths=pick(FIXED_WIDTHS))


def verdict(content: bytes, drawn: list[dict]) -> tuple[str, list[str]]:
    """Why a document failed: ``("named" | "silent" | "notice only", lines)``, the lines being the
    indicator rows and fields that differ (drawn, then read) and the notices with their places.
    A join the loader named E113 is excused as the round trip excuses it."""
    document = load_bytes(content, "drawn.pdf")
    notices = [*document.issues, *(i for f in document.forms for i in f.issues)]
    lines = [f"notice {i.message_id} at {i.location.sheet} {i.location.cell}: {i.args}" for i in notices]
    if document.error is not None:
        return "named", [f"error: {document.error}", *lines]
    got = [_squashed(_comparable(form_to_mapping(f))) for f in document.forms]
    expected = [_squashed(e) for e in _expected(drawn)]
    doubted = {"".join(i.args["text"].split()) for i in document.issues if i.message_id == "E113"}
    differs = [] if len(got) == len(expected) else [f"{len(got)} forms read, {len(expected)} drawn"]
    for number, (g, e) in enumerate(zip(got, expected), 1):
        rows = [tuple(i.values()) for i in g.pop("indicators")]
        wanted = [tuple(i.values()) for i in _as_doubted(e.pop("indicators"), doubted)]
        differs += [f"form {number} drawn {row}" for row in wanted if row not in rows]
        differs += [f"form {number} read  {row}" for row in rows if row not in wanted]
        differs += [f"form {number} {key}: drawn {e.get(key)!r}, read {g.get(key)!r}"
                    for key in sorted(set(g) | set(e)) if g.get(key) != e.get(key)]
    if not differs:
        return "notice only", lines
    return ("named" if notices else "silent"), differs + lines


def _reads_back_every_field(content: bytes, drawn: list[dict]) -> None:
    """The round trip's judgement; a failure is sorted by kind and, verbose, explained."""
    try:
        _judged(content, drawn)
    except AssertionError:
        kind, lines = verdict(content, drawn)
        FAILED[kind] += 1
        if VERBOSE[0]:
            print("", *lines, sep="\n    ")
        raise AssertionError(kind) from None


def measure(documents: int, ruled: bool, verbose: bool, whole: bool = False, chromium: bool = False,
            fixed: bool = False, centred: bool = False) -> dict[str, int]:
    """Documents run, failed, and the failed ones by kind (see ``verdict``) over ``documents``
    drawn documents. ``whole``: every row kept on one page (the documents where a join of rows
    would be wrong); ``centred``: Writer's label cells centred vertically; ``run`` is left
    unchanged by either, so the same forms are drawn."""
    if whole:
        globals()["to_pdf"] = _kept_whole
    if centred:
        writer = globals()["to_pdf"]
        globals()["to_pdf"] = lambda *args, **options: writer(*args, **options, centred_labels=True)
    if chromium:
        globals()["to_pdf"] = _chromium_fixed if fixed else _chromium
    VERBOSE[0] = verbose
    directory = Path(tempfile.mkdtemp(prefix="pagebreak-"))
    outcome = {"runs": 0, "failed": 0}

    @settings(max_examples=documents, derandomize=True, database=None, phases=[Phase.generate],
              deadline=None, suppress_health_check=list(HealthCheck))
    @given(drawn=st.lists(forms(), min_size=1, max_size=2, unique_by=lambda f: f["name"]),
           lead=st.integers(0, 40), data=st.data())
    def run(drawn, lead, data):
        pick = lambda options: data.draw(st.sampled_from(list(options)))  # noqa: E731
        first = drawn[0]["name"]

        def layout(form, pick):
            prose, tables = form_tables(form, pick)
            return ([""] * lead + prose if form["name"] == first else prose), tables

        content = to_pdf(drawn, pick, directory, layout=layout, ruled=ruled, whole_rows=False)
        outcome["runs"] += 1
        try:
            _reads_back_every_field(content, drawn)
        except AssertionError as exc:
            outcome["failed"] += 1
            if verbose:
                print(f"--- document {outcome['runs']} failed:", (str(exc) or "assert").replace("\n", " ")[:400])
                (directory / f"failed-{outcome['runs']}.pdf").write_bytes(content)
                (directory / f"failed-{outcome['runs']}.json").write_text(json.dumps(drawn, ensure_ascii=False))

    run()
    if verbose:
        print("failed documents kept in", directory)
    return {**outcome, **FAILED}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=30)
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--ruled", action="store_true")
    kind.add_argument("--borderless", action="store_true")
    kind.add_argument("--chromium", action="store_true", help="HTML tables without borders printed by Chromium")
    parser.add_argument("--whole-rows", action="store_true", help="keep each row on one page")
    parser.add_argument("--fixed-widths", action="store_true", help="with --chromium: fixed indicator-table column widths")
    parser.add_argument("--centred-labels", action="store_true",
                        help="with --ruled or --borderless: the DOCX centres its 一级/二级 label cells vertically")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    outcome = measure(args.documents, args.ruled, args.verbose, args.whole_rows, args.chromium, args.fixed_widths,
                      args.centred_labels)
    kind = ("ruled" if args.ruled else "borderless") + (", rows kept whole" if args.whole_rows else "")
    kind = "Chromium, borderless" + (", fixed widths" if args.fixed_widths else "") if args.chromium else kind
    kind += ", labels centred" if args.centred_labels else ""
    print(f"{kind}: {outcome['failed']} of {outcome['runs']} drawn documents failed"
          f" (read wrongly: {outcome['named']} named, {outcome['silent']} silently;"
          f" read right with a notice: {outcome['notice only']})")


if __name__ == "__main__":
    main()
