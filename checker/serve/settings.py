"""What a server is told: access token, limits, worker pool size and the base configuration."""

from __future__ import annotations

import os

import attrs

from checker.config import Config

DEFAULT_MAX_BODY = 20 * 1024 * 1024
TOKEN_ENV = "JIXIAO_TOKEN"


@attrs.frozen
class ServeSettings:
    """Settings of one application. ``config`` is the base every request starts from (query
    options replace its selection, language and fail-on, as the CLI's flags do)."""

    config: Config = attrs.field(factory=Config)
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    workers: int = 4  # checks running at once
    queue_wait: float = 2.0  # seconds a request waits for a free worker before 503
    time_limit: float = 20.0  # seconds a check may take before 504

    @classmethod
    def from_env(cls, **overrides) -> "ServeSettings":
        """Defaults, with the token from JIXIAO_TOKEN when set (for a WSGI server's import)."""
        token = os.environ.get(TOKEN_ENV) or None
        return cls(**{"token": token, **overrides})
