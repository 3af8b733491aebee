"""The WSGI application: routes, authentication, body limit, headers, errors and the access log.

Every answer carries a strict Content-Security-Policy and no-framing and no-sniffing headers;
every error is JSON (``errors.ApiError``), never a traceback. The log has one line per request:
method, path (without the query, which names the uploaded file), status, size and time.
"""

from __future__ import annotations

import hmac
import logging
import time
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

from checker.serve.errors import REASONS, ApiError
from checker.serve.exchange import Request, Response
from checker.serve.pool import WorkerPool
from checker.serve.routes import Routes
from checker.serve.settings import ServeSettings

SECURITY_HEADERS = [
    ("Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
     "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
     "frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]
DRAIN_LIMIT = 64 * 1024 * 1024  # read and drop at most this much of a refused body


def make_app(settings: ServeSettings | None = None,
             access_log: Callable[[str], None] | None = None) -> Callable:
    """The WSGI callable for ``settings`` (defaults: no token, 20 MB bodies, 4 workers).

    ``access_log`` receives one line per request; by default the lines go to the
    ``checker.serve`` logger at INFO (``logging`` is imported on the first request).
    """
    return Application(settings or ServeSettings(), access_log)


def _to_logging(line: str) -> None:
    logging.getLogger("checker.serve").info("%s", line)


class Application:
    """The WSGI callable: authenticates, dispatches (``routes``), answers every error as JSON."""

    def __init__(self, settings: ServeSettings, access_log: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self.log = access_log or _to_logging
        self.pool = WorkerPool(settings.workers, settings.queue_wait, settings.time_limit)
        self.routes = Routes(settings, self.pool)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        request = Request(environ)
        lang = _lang_of(request.query_string)
        try:
            if self.settings.token and self.routes.needs_token(request.path):
                self._authenticate(request)
            response = self.routes.dispatch(request)
        except ApiError as exc:
            # A body left unread would make the client see a reset connection, not this answer.
            _drain(environ)
            response = Response.json(exc.body(lang), exc.status, exc.headers)
        except Exception as exc:  # noqa: BLE001 - a request never shows a traceback
            _drain(environ)
            self.log(f"internal error: {type(exc).__name__}")
            response = Response.json(ApiError(500, "serve.internal").body(lang), 500)
        body = b"" if request.method == "HEAD" else response.body
        headers = [("Content-Type", response.content_type),
                   ("Content-Length", str(len(response.body))),  # HEAD: what GET would send
                   ("Cache-Control", "no-store"),
                   *SECURITY_HEADERS, *response.headers]
        if response.status == 401:
            headers.append(("WWW-Authenticate", 'Bearer realm="jixiao"'))
        start_response(f"{response.status} {REASONS.get(response.status, 'OK')}", headers)
        self.log(f"{_loggable(request.method[:16])} {_loggable(request.path)} {response.status} {len(body)} "
                 f"{(time.perf_counter() - started) * 1000:.1f}ms")
        return [body]

    def _authenticate(self, request: Request) -> None:
        scheme, _, given = request.authorization.partition(" ")
        expected = self.settings.token or ""
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
            raise ApiError(401, "serve.unauthorized")

    def close(self) -> None:
        """Stop the worker threads (a server that stops serving calls this)."""
        self.pool.shutdown()


def _lang_of(query: str) -> str:
    """The language of an error message: the query's when it is a known one."""
    try:
        values = parse_qs(query, max_num_fields=32).get("lang", ["zh"])
    except ValueError:
        return "zh"
    return values[0] if values and values[0] in ("zh", "en") else "zh"


def _loggable(path: str) -> str:
    text = path if len(path) <= 200 else path[:200] + "…"
    return "".join(c if c.isprintable() and c != " " else "%{:02X}".format(ord(c) & 0xFF) for c in text)


def _drain(environ: dict[str, Any]) -> None:
    """Read and drop what is left of a refused request's body (up to DRAIN_LIMIT)."""
    stream = environ.get("wsgi.input")
    try:
        left = min(int(environ.get("CONTENT_LENGTH") or 0), DRAIN_LIMIT)
    except ValueError:
        return
    left -= environ.get("jixiao.body_read", 0)
    try:
        while stream is not None and left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            left -= len(chunk)
    except (OSError, ValueError):
        pass


