"""``application`` for WSGI servers: ``gunicorn 'checker.serve.wsgi:application'``.

Default settings, the access token from JIXIAO_TOKEN, and the configuration found upward from
the working directory (as ``jixiao check .`` would find it).
"""

from __future__ import annotations

from checker.config import discover_config
from checker.serve.app import make_app
from checker.serve.settings import ServeSettings

application = make_app(ServeSettings.from_env(config=discover_config(["."])))
