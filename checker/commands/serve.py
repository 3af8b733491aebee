"""``jixiao serve``: the review page and the HTTP API on a local server (Ctrl-C stops it).

Defaults to 127.0.0.1:8000. Binding anywhere else prints a warning; ``--token`` (or
JIXIAO_TOKEN) makes the API require ``Authorization: Bearer TOKEN``. Each request is logged on
stderr as method, path, status, size and time — never the file's name or content.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time

from checker.config import ConfigError, discover_config, load_config
from checker.engine import Engine
from checker.exit import ExitCode
from checker.loaders import load_bytes
from checker.report import safe_render
from checker.reporters import RenderOptions, render
from checker.reporters.safety import printable
from checker.serve.app import make_app
from checker.serve.server import is_loopback, make_server, url_of
from checker.serve.settings import TOKEN_ENV, ServeSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 = any free port)")
    parser.add_argument("--token", help="require 'Authorization: Bearer TOKEN' (default: $JIXIAO_TOKEN, which"
                        " other users cannot read from the process list, unlike this option)")
    parser.add_argument("--max-body", type=int, default=20 * 1024 * 1024, metavar="BYTES",
                        help="largest upload accepted (default: 20 MB)")
    parser.add_argument("--workers", type=int, default=4, metavar="N", help="checks run at once (default: 4)")
    parser.add_argument("--time-limit", type=float, default=20.0, metavar="SECONDS",
                        help="longest a check may take before the answer is 504 (default: 20)")
    parser.add_argument("--config", metavar="FILE",
                        help="jixiao.toml or pyproject.toml to use instead of the one found upward from here")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of these messages")


def _say(text: str) -> None:
    sys.stderr.write(printable(text) + "\n")
    sys.stderr.flush()


class _AccessLog:
    """Writes each request's line to stderr and remembers when the last one came."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def __call__(self, line: str) -> None:
        self.last = time.monotonic()
        sys.stderr.write(time.strftime("%Y-%m-%d %H:%M:%S ") + line + "\n")
        sys.stderr.flush()


def _warm_up(log: _AccessLog, quiet: float = 0.3) -> None:
    """Import what the first check needs once the server has been idle for ``quiet`` seconds
    (after the page has loaded, which it would otherwise slow down), so the first upload is
    answered as fast as the others. A failure here is met again, and reported, by that request."""
    while time.monotonic() - log.last < quiet:
        time.sleep(0.05)
    try:
        report = Engine().run([load_bytes(b"", "warm-up.txt")])
        render(report, "json", RenderOptions())
    except Exception:  # noqa: BLE001 - only a head start
        pass


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    for option, value in (("max-body", args.max_body), ("workers", args.workers),
                          ("time-limit", args.time_limit)):
        if not value > 0:
            _say("jixiao: " + safe_render("serve.cli.bad-number", {"option": option, "got": value}, lang))
            return ExitCode.ERROR
    try:
        config = load_config(args.config) if args.config else discover_config(["."])
        config.loader_limits()
    except ConfigError as exc:
        _say(f"jixiao: {exc.message(lang)}")
        return ExitCode.ERROR
    token = args.token or os.environ.get(TOKEN_ENV) or None
    settings = ServeSettings(config=config, token=token, max_body=args.max_body, workers=args.workers,
                             time_limit=args.time_limit)
    access_log = _AccessLog()
    app = make_app(settings, access_log=access_log)
    try:
        server = make_server(app, args.host, args.port)
    except (OSError, OverflowError, ValueError) as exc:
        _say("jixiao: " + safe_render("serve.cli.bind-failed", {
            "host": args.host, "port": args.port, "error": getattr(exc, "strerror", None) or str(exc)}, lang))
        return ExitCode.ERROR
    if not is_loopback(args.host):
        _say("jixiao: " + safe_render("serve.cli.non-loopback", {
            "host": args.host, "token": "" if token else safe_render("serve.cli.no-token", {}, lang)}, lang))
    try:  # from the listening line on, Ctrl-C is a clean stop
        _say(safe_render("serve.cli.listening", {"url": url_of(server)}, lang))
        threading.Thread(target=_warm_up, args=(access_log,), name="jixiao-warm-up", daemon=True).start()
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        _say(safe_render("serve.cli.stopped", {}, lang))
    finally:
        server.server_close()
        app.close()
    return ExitCode.OK
