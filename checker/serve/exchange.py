"""A request as the routes read it and a response as they give it (WSGI underneath)."""

from __future__ import annotations

import json
from typing import Any

JSON_TYPE = "application/json; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MULTIPART = ("multipart/",)  # curl --data-binary and urllib send x-www-form-urlencoded: raw bytes


class Response:
    """Status, body bytes, content type and extra headers; app.py adds the common headers."""

    def __init__(self, status: int, body: bytes, content_type: str = JSON_TYPE,
                 headers: list[tuple[str, str]] | None = None) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers or []

    @classmethod
    def json(cls, data: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> "Response":
        return cls(status, _json_bytes(data), headers=headers)


class Request:
    """The parts of a WSGI environ the routes read."""

    def __init__(self, environ: dict[str, Any]) -> None:
        self.environ = environ
        self.method = environ.get("REQUEST_METHOD", "GET").upper()
        self.path = environ.get("PATH_INFO", "") or "/"
        self.query_string = environ.get("QUERY_STRING", "")
        self.content_type = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()

    @property
    def authorization(self) -> str:
        return self.environ.get("HTTP_AUTHORIZATION", "")


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
