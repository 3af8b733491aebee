"""API errors: an HTTP status, a message id and its arguments, rendered from the catalogue.

Every error the API returns has the body ``{"error": {"id": ..., "message": ...}}`` (plus
``location`` for a loader's diagnostic), never a traceback.
"""

from __future__ import annotations

from typing import Any

from checker.report import safe_render

REASONS = {
    400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
    411: "Length Required", 413: "Content Too Large", 415: "Unsupported Media Type",
    422: "Unprocessable Content", 500: "Internal Server Error", 503: "Service Unavailable",
    504: "Gateway Timeout",
}


class ApiError(Exception):
    """An answer other than 200: raised anywhere below the WSGI callable, rendered there."""

    def __init__(self, status: int, message_id: str, args: dict[str, Any] | None = None,
                 *, error_id: str | None = None, location: dict[str, Any] | None = None,
                 headers: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message_id)
        self.status = status
        self.message_id = message_id
        self.args_ = dict(args or {})
        self.error_id = error_id or message_id  # a loader error is reported by its code (E012)
        self.location = location
        self.headers = headers or []

    def body(self, lang: str) -> dict[str, Any]:
        error: dict[str, Any] = {"id": self.error_id,
                                 "message": safe_render(self.message_id, self.args_, lang)}
        if self.location is not None:
            error["location"] = self.location
        return {"error": error}
