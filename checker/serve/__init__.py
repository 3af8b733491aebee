"""``jixiao serve``: the HTTP API and the review page, as a WSGI application.

``make_app(settings)`` (``checker.serve.app``) builds the callable a vendor mounts under any WSGI
server (``gunicorn 'checker.serve.wsgi:application'``); ``checker.serve.server`` runs it on the
standard library's wsgiref, which is what ``jixiao serve`` does. Nothing here is imported by
``jixiao check``.
"""

from __future__ import annotations

__all__ = ["ServeSettings", "make_app"]


def __getattr__(name: str):
    if name == "make_app":
        from checker.serve.app import make_app

        return make_app
    if name == "ServeSettings":
        from checker.serve.settings import ServeSettings

        return ServeSettings
    raise AttributeError(f"module 'checker.serve' has no attribute {name!r}")
