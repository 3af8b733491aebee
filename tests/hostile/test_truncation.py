"""Real files cut off at every kind of boundary: line ends, cell separators, inside a quoted
string, inside a multi-byte character, inside a zip member, anywhere. Cut files are what a failed
upload or a full disk leaves behind."""

from __future__ import annotations

import io
import re
import tempfile
import zipfile

from hostile_checks import assert_document_clean, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_path

TEXT_FORMATS = ["seed", "text", "yaml", "json", "csv"]

# What a boundary of each kind looks like, as a regex over the file's bytes.
BOUNDARIES = {
    "line": re.compile(rb"\n"),
    "cell": re.compile(rb"[\t,|]"),
    "quote": re.compile(rb"[\"']"),
    "bracket": re.compile(rb"[\[\]{}()]|\xef\xbc[\x88\x89]"),  # also （ ）
    "mapping": re.compile(rb": |- "),
    "multibyte": re.compile(rb"[\xc0-\xff]"),  # the lead byte of a UTF-8 sequence
}


def _cuts(data: bytes, kind: str) -> list[int]:
    if kind == "multibyte":  # cut one or two bytes into the character
        return [m.start() + k for m in BOUNDARIES[kind].finditer(data) for k in (1, 2)]
    return [m.start() + k for m in BOUNDARIES[kind].finditer(data) for k in (0, 1)]


def _load_truncated(data: bytes, suffix: str, test: str) -> None:
    count_input(test)
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, "cut" + suffix, data)
        with bounded():
            assert_document_clean(load_path(path), path)


@examples(ci=60)
@given(
    fmt=st.sampled_from(TEXT_FORMATS),
    kind=st.sampled_from(sorted(BOUNDARIES)),
    pick=st.integers(min_value=0),
)
def test_cut_at_a_boundary(samples, fmt, kind, pick):
    data = samples[fmt].read_bytes()
    cuts = _cuts(data, kind) or [len(data) // 2]
    _load_truncated(data[: cuts[pick % len(cuts)]], samples[fmt].suffix, "cut_at_boundary")


@examples(ci=60)
@given(fmt=st.sampled_from(TEXT_FORMATS + ["xlsx"]), fraction=st.floats(0, 1))
def test_cut_anywhere(samples, fmt, fraction):
    data = samples[fmt].read_bytes()
    _load_truncated(data[: int(len(data) * fraction)], samples[fmt].suffix, "cut_anywhere")


def test_seed_cut_after_every_line(samples):
    """Exhaustive over the seed: every prefix of whole lines is a result or a clean error."""
    lines = samples["seed"].read_bytes().splitlines(keepends=True)
    for end in range(len(lines) + 1):
        _load_truncated(b"".join(lines[:end]), ".txt", "seed_every_line")


def _member_offsets(data: bytes) -> list[int]:
    """Offsets where zip members start and where their compressed data ends, plus the central
    directory: the places a cut workbook is most likely to confuse a reader."""
    offsets = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            offsets.add(info.header_offset)
            offsets.add(info.header_offset + 30 + len(info.filename.encode()) + info.compress_size)
    central = data.rfind(b"PK\x01\x02")
    offsets.update({central, len(data) - 22, len(data) - 1})
    return sorted(o for o in offsets if 0 <= o <= len(data))


def test_workbook_cut_at_every_member_boundary(samples):
    data = samples["xlsx"].read_bytes()
    for offset in _member_offsets(data):
        for cut in (offset - 1, offset, offset + 1):
            _load_truncated(data[: max(cut, 0)], ".xlsx", "xlsx_member_boundary")
