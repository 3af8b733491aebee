"""Workbooks that are broken or built to hurt: damaged zip members, a zip bomb, too many
members, XML entity bombs and external entities. A clean error each time, bounded work, and no
file outside the workbook ever read."""

from __future__ import annotations

import io
import zipfile

import pytest
from hostile_checks import assert_cli_clean, assert_document_clean, run_cli, write
from hostile_support import bounded, count_input, examples
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_path
from checker.loaders.limits import Limits


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _load(tmp_path, name: str, data: bytes, limits: Limits | None = None):
    path = write(tmp_path, name, data)
    with bounded(30):
        return assert_document_clean(load_path(path, limits), path)


def _sheet_name(members: dict[str, bytes]) -> str:
    return next(n for n in members if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def test_member_with_bad_crc(samples, tmp_path):
    data = bytearray(samples["xlsx"].read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(_sheet_name(_members(bytes(data))))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF  # damage the compressed sheet
    document = _load(tmp_path, "crc.xlsx", bytes(data))
    assert document.error is not None, "a damaged sheet must not load as if it were whole"


@pytest.mark.parametrize("missing", ["[Content_Types].xml", "xl/workbook.xml", "sheet", "xl/sharedStrings.xml"])
def test_missing_member(samples, tmp_path, missing):
    members = _members(samples["xlsx"].read_bytes())
    members.pop(_sheet_name(members) if missing == "sheet" else missing, None)
    _load(tmp_path, "missing.xlsx", _zip(members))


@pytest.mark.parametrize("garbage", [b"", b"not xml at all", b"<?xml version='1.0'?><unclosed>", b"\xff\xfe\x00<"])
def test_member_with_garbage_xml(samples, tmp_path, garbage):
    members = _members(samples["xlsx"].read_bytes())
    for name in ("xl/workbook.xml", _sheet_name(members)):
        broken = dict(members, **{name: garbage})
        _load(tmp_path, "garbage.xlsx", _zip(broken))


def test_not_a_zip_at_all(tmp_path):
    document = _load(tmp_path, "fake.xlsx", "项目名称,指标值\n".encode())
    assert document.error is not None


def test_zip_bomb_is_refused_before_inflating(samples, tmp_path):
    """A sheet that inflates to far more than the limit: refused from the zip directory, in a
    fraction of the time inflating it would take."""
    members = _members(samples["xlsx"].read_bytes())
    members[_sheet_name(members)] = b"<a>" + b" " * (64 * 1024 * 1024) + b"</a>"
    bomb = _zip(members)
    assert len(bomb) < 1024 * 1024  # 64 MB of blanks compress to well under a megabyte
    document = _load(tmp_path, "bomb.xlsx", bomb, Limits(max_xlsx_uncompressed_bytes=8 * 1024 * 1024))
    assert document.error is not None and document.error.message_id.startswith("E008"), document.error


def test_zip_member_that_lies_about_its_size(samples, tmp_path):
    """The central directory says the sheet is small; inflating it gives far more. The reader
    must stop at the declared size (zipfile checks it) and report the damage."""
    members = _members(samples["xlsx"].read_bytes())
    name = _sheet_name(members)
    real = members[name] + b"<!--" + b" " * (4 * 1024 * 1024) + b"-->"
    data = bytearray(_zip(dict(members, **{name: real})))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(name)
    fake = (1000).to_bytes(4, "little")
    # Patch the uncompressed size in the local header and in the central directory entry.
    data[info.header_offset + 22:info.header_offset + 26] = fake
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        length = int.from_bytes(data[pos + 28:pos + 30], "little")
        if data[pos + 46:pos + 46 + length] == name.encode():
            data[pos + 24:pos + 28] = fake
        pos = data.find(b"PK\x01\x02", pos + 4)
    document = _load(tmp_path, "liar.xlsx", bytes(data))
    assert document.error is not None, "a member larger than declared must not pass as whole"


def test_too_many_members(samples, tmp_path):
    members = _members(samples["xlsx"].read_bytes())
    members.update({f"xl/junk/{i}.bin": b"" for i in range(300)})
    document = _load(tmp_path, "members.xlsx", _zip(members, zipfile.ZIP_STORED), Limits(max_zip_members=100))
    assert document.error is not None and document.error.message_id.startswith("E008"), document.error


LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)

XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&secret;</t></si></sst>'
)


@pytest.mark.parametrize("payload", [LAUGHS, XXE], ids=["billion-laughs", "external-entity"])
def test_xml_entities_are_refused(samples, tmp_path, payload):
    members = _members(samples["xlsx"].read_bytes())
    members["xl/sharedStrings.xml"] = payload
    document = _load(tmp_path, "entities.xlsx", _zip(members))
    seen = repr(document)
    assert "root:" not in seen  # nothing of /etc/passwd made it into the result
    assert "lollollol" not in seen
    code, out, err = run_cli(["check", str(tmp_path / "entities.xlsx"), "--format", "json", "--quiet"])
    assert_cli_clean(code, err)
    assert "root:" not in out + err


@examples(ci=30)
@given(
    member=st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                            "sheet", "xl/styles.xml", "xl/sharedStrings.xml", "docProps/app.xml"]),
    ops=st.lists(st.tuples(st.integers(0, 1 << 20), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6),
)
def test_xml_member_mutated(samples, member, ops):
    """Each XML part of a good workbook, damaged in place: a result or a clean error."""
    import tempfile

    count_input("xlsx_member_mutated")
    members = _members(samples["xlsx"].read_bytes())
    name = _sheet_name(members) if member == "sheet" else member
    content = bytearray(members.get(name, b""))
    for position, insert in ops:
        at = position % (len(content) + 1)
        content[at:at + len(insert)] = insert
    members[name] = bytes(content)
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, "mutated.xlsx", _zip(members))
        with bounded():
            assert_document_clean(load_path(path), path)


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../etc/passwd", "file:///etc/passwd",
                                    "worksheets/../../../[Content_Types].xml", "http://127.0.0.1:9/x.xml"])
def test_relationship_targets_outside_the_workbook(samples, tmp_path, target):
    """A sheet relationship pointing at a file path or URL: the reader must look only inside the
    zip (no file read, no network) and fail cleanly."""
    import re

    members = _members(samples["xlsx"].read_bytes())
    rels = members["xl/_rels/workbook.xml.rels"].decode()
    rels, count = re.subn(r'Target="[^"]*worksheets/sheet1\.xml"', f'Target="{target}"', rels)
    assert count == 1, rels
    members["xl/_rels/workbook.xml.rels"] = rels.encode()
    document = _load(tmp_path, "rels.xlsx", _zip(members))
    assert "root:" not in repr(document)


def _patch_headers(data: bytes, name: str, offset_local: int, offset_central: int, value: bytes) -> bytes:
    """Overwrite a field of ``name``'s local header and central-directory entry."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    if offset_local >= 0:
        out[info.header_offset + offset_local:info.header_offset + offset_local + len(value)] = value
    pos = out.find(b"PK\x01\x02")
    while pos >= 0:
        length = int.from_bytes(out[pos + 28:pos + 30], "little")
        if out[pos + 46:pos + 46 + length] == name.encode():
            out[pos + offset_central:pos + offset_central + len(value)] = value
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


@pytest.mark.parametrize(
    "field,local,central,value",
    [
        ("version-needed-6.4", 4, 6, (64).to_bytes(2, "little")),  # found by the long fuzz run
        ("encrypted", 6, 8, (1).to_bytes(2, "little")),
        ("compression-method-99", 8, 10, (99).to_bytes(2, "little")),
        ("compression-method-bzip2", 8, 10, (12).to_bytes(2, "little")),
    ],
)
def test_zip_features_the_reader_does_not_support(samples, tmp_path, field, local, central, value):
    """zipfile raises NotImplementedError / RuntimeError for these, not BadZipFile."""
    data = samples["xlsx"].read_bytes()
    name = _sheet_name(_members(data))
    document = _load(tmp_path, f"{field}.xlsx", _patch_headers(data, name, local, central, value))
    assert document.error is not None
    code, _, err = run_cli(["check", str(tmp_path / f"{field}.xlsx"), "--quiet"])
    assert_cli_clean(code, err)
    code, _, err = run_cli(["format", str(tmp_path / f"{field}.xlsx"), "--check"])
    assert_cli_clean(code, err)


def _header_regions(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges of every local header and central-directory entry (the zip's bookkeeping)."""
    regions = []
    for signature, size in ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46), (b"PK\x05\x06", 22)):
        pos = data.find(signature)
        while pos >= 0:
            regions.append((pos, min(pos + size, len(data))))
            pos = data.find(signature, pos + 4)
    return regions


@examples(ci=40)
@given(ops=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 45), st.integers(0, 255)),
                    min_size=1, max_size=4))
def test_zip_bookkeeping_mutated(samples, ops):
    """Versions, flags, methods, sizes, offsets and counts in the zip headers, set to anything."""
    import tempfile

    count_input("zip_headers_mutated")
    data = bytearray(samples["xlsx"].read_bytes())
    regions = _header_regions(bytes(data))
    for which, offset, value in ops:
        start, end = regions[which % len(regions)]
        data[min(start + offset, end - 1)] = value
    with tempfile.TemporaryDirectory() as directory:
        path = write(directory, "headers.xlsx", bytes(data))
        with bounded():
            assert_document_clean(load_path(path), path)
