"""Calling the WSGI application directly: no network, no server."""

from __future__ import annotations

import io
import json
from wsgiref.util import setup_testing_defaults


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status_line = status
        self.status = int(status.split()[0])
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Client:
    def __init__(self, app) -> None:
        self.app = app

    def request(self, method: str, path: str, query: str = "", body: bytes = b"",
                content_type: str = "application/octet-stream", headers: dict[str, str] | None = None,
                content_length: str | None = None) -> Answer:
        environ: dict = {}
        setup_testing_defaults(environ)
        environ.update({"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
                        "CONTENT_TYPE": content_type, "wsgi.input": io.BytesIO(body)})
        if content_length is not None:
            environ["CONTENT_LENGTH"] = content_length
        elif method == "POST":
            environ["CONTENT_LENGTH"] = str(len(body))
        for name, value in (headers or {}).items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        seen: dict = {}

        def start_response(status, response_headers, exc_info=None):
            seen["status"], seen["headers"] = status, response_headers

        body_out = b"".join(self.app(environ, start_response))
        return Answer(seen["status"], seen["headers"], body_out)

    def get(self, path: str, query: str = "", **kw) -> Answer:
        return self.request("GET", path, query, **kw)

    def post(self, path: str, body: bytes, query: str = "", **kw) -> Answer:
        return self.request("POST", path, query, body, **kw)
