"""The built-in server over real sockets: a stalled or cut body frees its worker, too many
connections are answered 503 at once, the address check of the warning."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from checker.serve import ServeSettings, make_app
from checker.serve.server import is_loopback, make_server

SEED = Path(__file__).resolve().parents[2] / "corpus" / "bazhong-2022-city-government-office.txt"


@pytest.fixture
def serve():
    running = []

    def start(max_connections: int = 64, stall_timeout: float = 30, **settings):
        app = make_app(ServeSettings(**settings), access_log=lambda line: None)
        server = make_server(app, "127.0.0.1", 0, max_connections=max_connections, stall_timeout=stall_timeout)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        running.append((server, app))
        return server

    yield start
    for server, app in running:
        server.shutdown()
        server.server_close()
        app.close()


def raw(port: int, data: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(data)
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def post(port: int, body: bytes, length: int | None = None) -> bytes:
    head = (f"POST /api/check?name=seed.txt HTTP/1.0\r\nHost: x\r\nContent-Length: {len(body) if length is None else length}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return raw(port, head + body)


def test_a_stalled_body_frees_its_worker(serve):
    server = serve(workers=1, queue_wait=0.1, stall_timeout=0.5)
    port = server.server_port
    started = time.perf_counter()
    answer = post(port, b"only part", length=1000)  # the rest never comes
    assert answer.startswith(b"HTTP/1.0 400") and b"serve.body-incomplete" in answer
    assert time.perf_counter() - started < 5
    whole = post(port, SEED.read_bytes())  # the only worker is free again
    assert whole.startswith(b"HTTP/1.0 200")
    body = whole.split(b"\r\n\r\n", 1)[1]
    assert json.loads(body)["summary"]["forms"] == 8


def test_connections_over_the_limit_are_answered_503_at_once(serve):
    server = serve(max_connections=1, stall_timeout=5)
    port = server.server_port
    holder = socket.create_connection(("127.0.0.1", port))  # holds the one connection, says nothing
    try:
        time.sleep(0.2)
        answer = raw(port, b"GET /healthz HTTP/1.0\r\n\r\n")
        assert answer.startswith(b"HTTP/1.0 503")
        assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]["id"] == "serve.busy"
    finally:
        holder.close()
    time.sleep(0.3)
    assert raw(port, b"GET /healthz HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 200")


def test_an_oversized_body_is_answered_not_reset(serve):
    server = serve(max_body=10_000)
    answer = post(server.server_port, b"x" * 200_000)
    assert answer.startswith(b"HTTP/1.0 413") and b"serve.too-large" in answer


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.1.2.3", True), ("0.0.0.0", False), ("::", False),
                                            ("192.168.1.5", False), ("example.org", False)])
def test_which_addresses_only_this_machine_reaches(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("settings, query, status", [
    ({"token": "t"}, "name=a.txt", 401),
    ({}, "name=a.txt&lang=xx", 400),
    ({"max_body": 100_000}, "name=a.txt", 413),
])
def test_a_refused_large_upload_still_reads_its_answer(serve, settings, query, status):
    import http.client

    server = serve(**settings)
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=20)
    try:
        connection.request("POST", f"/api/check?{query}", body=b"x" * 3_000_000,
                           headers={"Content-Type": "application/octet-stream"})
        answer = connection.getresponse()
        assert answer.status == status
        assert json.loads(answer.read())["error"]["id"]
    finally:
        connection.close()
