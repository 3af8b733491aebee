"""The exit codes of every ``jixiao`` command, in one place (README "Checking forms")."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0  # nothing reached --fail-on (or the command succeeded)
    FINDINGS = 1  # something reached --fail-on; for format --check, something would change
    ERROR = 2  # a usage or configuration error, or an input that could not be read
