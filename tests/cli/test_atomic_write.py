"""Reports and baselines are written whole, with the permissions a plain write would give."""

from __future__ import annotations

import os
import stat

from checker.atomic import write_text_atomic


def test_new_file_gets_umask_permissions_and_existing_file_keeps_its_own(tmp_path):
    target = tmp_path / "report.json"
    write_text_atomic(target, "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_text_atomic(target, "{\"a\": 1}\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "{\"a\": 1}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left behind
