"""What a one-form ``jixiao check`` imports at start-up: modules whose cost it need not pay stay
out (issue #6: cold start under 6x ``python -c pass``), and the configuration is still found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from checker.config import find_config

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"

# Lark (the value grammar's reference parser: 104 M instructions, ~33 ms) and calendar (one month
# length). tempfile (with shutil, bz2, lzma), tomllib and pickle are imported at the top of the
# modules that use them: keeping each out bought 10–11 M instructions (~3.5 ms) of start-up, under
# the 5 ms a lazy import must buy to stay.
NOT_NEEDED = ("lark", "calendar")
# pathlib brings urllib.parse and ipaddress; os.path finds the files and the configuration. Only
# visible without site: a virtualenv's editable-install hook imports pathlib before any of our code.
NOT_NEEDED_WITHOUT_SITE = ("pathlib", "urllib", "ipaddress")


def _imported_by_check(form: Path, cwd: Path, *, no_site: bool = False) -> set[str]:
    code = (
        "import io, json, sys, contextlib\n"
        "from checker.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', '--format', 'json', {str(form)!r}])\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    # Its own cache directory, filled by a first run: the measured run reads the cached message
    # catalogue, as every run but the first after an upgrade does.
    path = str(ROOT)
    if no_site:  # the installed dependencies (attrs) without site's .pth hooks
        import sysconfig

        path = os.pathsep.join([path, sysconfig.get_paths()["purelib"]])
    env = {**os.environ, "PYTHONPATH": path, "JIXIAO_CACHE_DIR": str(cwd / "cache")}
    flags = ["-S"] if no_site else []
    for _ in range(2):
        out = subprocess.run([sys.executable, *flags, "-c", code], cwd=cwd, env=env, capture_output=True,
                             text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_seed_form_check_imports_nothing_it_does_not_need(tmp_path: Path) -> None:
    # The seed has 6000份（本）/年（次）, 67.5元/份（册）, prose with numbers; no configuration here.
    # Two damaged values as well: the fast path turns them away as text Lark could not lex.
    form = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    assert text.count("≥99%") >= 2
    form.write_text(text.replace("≥99%", "1OO%", 1).replace("≥99%", "≥95%（", 1), encoding="utf-8")
    modules = _imported_by_check(form, tmp_path)
    assert "checker.engine" in modules and "grammar.fastpath" in modules  # it did check the form
    assert not [m for m in modules if m.split(".")[0] in NOT_NEEDED]


def test_one_form_check_without_configuration_does_not_import_pathlib(tmp_path: Path) -> None:
    form = tmp_path / SEED.name
    form.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    modules = _imported_by_check(form, tmp_path, no_site=True)
    assert "checker.engine" in modules  # it did check the form
    assert not [m for m in modules if m.split(".")[0] in NOT_NEEDED_WITHOUT_SITE]


def test_pyproject_without_jixiao_is_not_parsed_and_one_with_it_is(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[tool."\\u006aixiao"]\nselect = ["F"]\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"  # an escaped key still counts
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "jixiao"\n', encoding="utf-8")
    assert find_config(tmp_path) is None  # mentioned, but not a [tool.jixiao] table
