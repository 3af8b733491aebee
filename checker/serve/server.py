"""The built-in server: the standard library's wsgiref, one thread per connection.

The application bounds the checks running at once (``pool.WorkerPool``); the server bounds the
connections it holds (``max_connections``): one over that is answered 503 at once, without a
thread. The request handler logs nothing itself (the application logs each request without
its query) and keeps connections short (HTTP/1.0, as wsgiref speaks).
"""

from __future__ import annotations

import io
import ipaddress
import json
import socket
import threading
from socketserver import ThreadingMixIn
from typing import Callable
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from checker.serve.errors import ApiError

BUSY = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
        b"Retry-After: 1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s")


class QuietHandler(WSGIRequestHandler):
    timeout = 30  # seconds a connection may stall (a body that never comes frees its worker)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the application logs method, path, status, size and time; never the query

    def get_stderr(self):
        return io.StringIO()  # wsgiref writes a traceback here if an application ever raised


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], max_connections: int = 64,
                 stall_timeout: float = QuietHandler.timeout) -> None:
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        handler = type("Handler", (QuietHandler,), {"timeout": stall_timeout})
        super().__init__(address, handler)
        self._connections = threading.BoundedSemaphore(max_connections)

    def process_request(self, request, client_address) -> None:
        if not self._connections.acquire(blocking=False):
            _refuse(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._connections.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()


def _refuse(request: socket.socket) -> None:
    body = json.dumps(ApiError(503, "serve.busy").body("zh"), ensure_ascii=False).encode("utf-8")
    try:
        request.sendall(BUSY % (len(body), body))
    except OSError:
        pass


def make_server(app: Callable, host: str = "127.0.0.1", port: int = 8000,
                max_connections: int = 64, stall_timeout: float = QuietHandler.timeout) -> ThreadingServer:
    """A server bound to (host, port) (port 0: any free port, see ``server.server_port``).
    A connection silent for ``stall_timeout`` seconds is dropped (its worker freed)."""
    server = ThreadingServer((host, port), max_connections=max_connections, stall_timeout=stall_timeout)
    server.set_app(app)
    return server


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_of(server: ThreadingServer) -> str:
    host = server.server_address[0]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{server.server_port}/"
