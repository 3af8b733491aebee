"""The embedding API: load forms, check a form or paths, get a Report. Never prints or exits.

    from checker import Config, check, check_paths, load
    report = check_paths(["forms/"], Config(select=("F",), fail_on="warning"))
    for d in report.diagnostics:
        print(d.path, d.line, d.code, d.message("en"))
    report.exit_code("warning")

``Config`` is a plain object; files are read only when asked (``config_for``/``load_config``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Iterable, Sequence

from checker.config import Config, ConfigError, discover_config, load_config
from checker.engine import Engine
from checker.loaders import load_path
from checker.parallel import run_paths
from checker.report import Report
from policy.forms.model import Document, Form

__all__ = [
    "Config",
    "ConfigError",
    "Report",
    "check",
    "check_documents",
    "check_paths",
    "config_for",
    "load",
    "load_config",
]


def load(path: str | Path, config: Config | None = None) -> Document:
    """Read one input file into a Document (forms + load issues); never raises for bad input."""
    limits = (config or Config()).loader_limits()
    return load_path(str(path), limits)


def config_for(paths: Sequence[str | Path]) -> Config:
    """The configuration found upward from the paths (jixiao.toml or [tool.jixiao]), or defaults.
    Raises ConfigError for a broken file."""
    return discover_config(list(paths))


def check(forms: Form | Iterable[Form], config: Config | None = None, *,
          today: dt.date | None = None) -> Report:
    """Check one Form or several (built by a loader or ``form_from_mapping``)."""
    if isinstance(forms, Form):
        forms = [forms]
    forms = list(forms)
    path = forms[0].location.path if forms else "<forms>"
    return Engine(config, today=today).check_forms(forms, path=path)


def check_documents(documents: Iterable[Document], config: Config | None = None, *,
                    progress: Callable[[int, int], None] | None = None,
                    today: dt.date | None = None) -> Report:
    """Check already-loaded documents (streamed: pass a generator for large runs)."""
    return Engine(config, today=today).run(documents, progress=progress)


def check_paths(paths: Sequence[str | Path], config: Config | None = None, *, jobs: int = 1,
                progress: Callable[[int, int], None] | None = None,
                today: dt.date | None = None) -> Report:
    """Check files and directories (searched for supported inputs).

    ``jobs`` > 1 checks files in worker processes; the report is identical to a serial run.
    ``progress(files_done, forms_done)`` is called after each file.
    """
    return run_paths([str(p) for p in paths], config or Config(), jobs=jobs, progress=progress,
                     today=today)
