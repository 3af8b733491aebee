"""Regular expressions of the rule helpers, compiled on first use instead of at import.

Compiling one of these costs 0.2–1.6 ms in a fresh process; a one-form check imports every rule
module but many of their patterns are never reached (no compound name, no goal to read). A
``LazyPattern`` is written like ``re.compile(...)`` and used the same way (``.sub``, ``.search``,
``.finditer`` …); the first use compiles it and keeps the compiled method, so later calls cost
what a compiled pattern costs.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(source)``, done when a method is first asked for."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet stored: compile, keep the method, hand it out.
        method = getattr(re.compile(self.source), name)
        setattr(self, name, method)
        return method
