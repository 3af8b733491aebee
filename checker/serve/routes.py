"""What each path answers. Handlers take a Request and return a Response or raise ApiError."""

from __future__ import annotations

import json
import os
from functools import lru_cache

from checker import __version__
from checker.commands.rules import rule_record
from checker.ruledoc import rule_markdown, rule_text
from checker.serve import checking
from checker.serve.errors import ApiError
from checker.serve.exchange import JSON_TYPE, MULTIPART, XLSX_TYPE, Request, Response
from checker.serve.options import check_options, config_options, parse_query, query_lang
from checker.serve.pool import WorkerPool
from checker.serve.settings import ServeSettings
from checker.serve.xlsx_report import report_workbook
from policy.messages import catalogue
from policy.registry import all_rules, get_rule

STATIC_DIR = os.path.join(os.path.dirname(__file__), "static")
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
PUBLIC = ("/", "/healthz", "/favicon.ico")  # plus /static/*: the page holds no data
LANG_ONLY = ("lang",)
REVIEW_OPTIONS = ("name", "lang", "select", "ignore", "fail-on")  # plus options.config_options()


class Routes:
    """The paths of one application: its settings (token, limits) and its worker pool."""

    def __init__(self, settings: ServeSettings, pool: WorkerPool) -> None:
        self.settings = settings
        self.pool = pool

    @staticmethod
    def needs_token(path: str) -> bool:
        return not (path in PUBLIC or path.startswith("/static/"))

    def dispatch(self, request: Request) -> Response:
        path = request.path
        if path == "/api/check":
            return self._post(request, self.check)
        if path == "/api/review":
            return self._post(request, self.review)
        if path.startswith("/static/") or path == "/":
            return self._get(request, lambda r: static_file("index.html" if path == "/" else path[8:]))
        handler = {
            "/healthz": health,
            "/api/rules": rules,
            "/api/openapi.json": openapi,
            "/api/messages": page_messages,
        }.get(path)
        if handler is not None:
            return self._get(request, handler)
        if path.startswith("/api/rules/"):
            return self._get(request, lambda r: rule(r, path[len("/api/rules/"):]))
        raise ApiError(404, "serve.not-found", {"path": path[:200]})

    @staticmethod
    def _get(request: Request, handler) -> Response:
        if request.method not in ("GET", "HEAD"):
            raise ApiError(405, "serve.method-not-allowed", {"method": request.method[:16], "allowed": "GET"},
                           headers=[("Allow", "GET, HEAD")])
        return handler(request)

    @staticmethod
    def _post(request: Request, handler) -> Response:
        if request.method != "POST":
            raise ApiError(405, "serve.method-not-allowed", {"method": request.method[:16], "allowed": "POST"},
                           headers=[("Allow", "POST")])
        return handler(request)

    # -- checking ---------------------------------------------------------------------------

    def check(self, request: Request) -> Response:
        options = check_options(parse_query(request.query_string))
        return self._checked(request, options, _check_answer(options.format))

    def review(self, request: Request) -> Response:
        options = check_options(parse_query(request.query_string, REVIEW_OPTIONS + config_options()))
        return self._checked(request, options, lambda checked: Response.json(checked.review()))

    def _checked(self, request: Request, options, answer) -> Response:
        is_json = request.content_type == "application/json"
        if request.content_type.startswith(MULTIPART):
            raise ApiError(415, "serve.unsupported-media", {"content_type": request.content_type[:64]})
        config = checking.request_config(self.settings.config, options)
        name = checking.upload_name(options, is_json)
        length = _content_length(request, self.settings.max_body)
        self.pool.acquire()
        try:
            data = _read_body(request, length)
        except BaseException:
            self.pool.release()
            raise
        return self.pool.run(lambda: answer(checking.check_upload(data, name, config, options.lang)))


def _check_answer(fmt: str):
    def answer(checked) -> Response:
        headers = [("X-Jixiao-Exit-Code", str(checked.exit_code()))]
        if fmt == "sarif":
            return Response(200, checked.sarif_text().encode("utf-8"),
                            "application/sarif+json; charset=utf-8", headers)
        if fmt == "xlsx":
            headers.append(("Content-Disposition", 'attachment; filename="jixiao-review.xlsx"'))
            return Response(200, report_workbook(checked.report, checked.lang), XLSX_TYPE, headers)
        return Response(200, checked.json_text().encode("utf-8"), JSON_TYPE, headers)

    return answer


def _content_length(request: Request, limit: int) -> int:
    raw = request.environ.get("CONTENT_LENGTH")
    if raw is None or raw == "":
        raise ApiError(411, "serve.length-required")
    try:
        length = int(raw)
    except ValueError:
        raise ApiError(400, "serve.bad-option", {"option": "Content-Length", "got": raw[:32],
                                                 "expected": "a number of bytes"}) from None
    if length < 0:
        raise ApiError(400, "serve.bad-option", {"option": "Content-Length", "got": raw[:32],
                                                 "expected": "a number of bytes"})
    if length > limit:
        raise ApiError(413, "serve.too-large", {"size": length, "limit": limit})
    return length


def _read_body(request: Request, length: int) -> bytes:
    """The whole body; one cut short (or stalled past the server's socket timeout) is a 400,
    never a partial file checked as if it were whole."""
    stream = request.environ["wsgi.input"]
    chunks, left = [], length
    try:
        while left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except (OSError, ValueError):
        left = left or 1
    request.environ["jixiao.body_read"] = length - left
    if left > 0:
        raise ApiError(400, "serve.body-incomplete", {"length": length})
    return b"".join(chunks)


# -- reference answers -------------------------------------------------------------------------


def health(request: Request) -> Response:
    return Response.json({"status": "ok", "version": __version__})


def rules(request: Request) -> Response:
    lang = query_lang(parse_query(request.query_string, LANG_ONLY))
    return Response(200, _rules_text(lang).encode("utf-8"))


@lru_cache(maxsize=4)
def _rules_text(lang: str) -> str:
    """Exactly ``jixiao rules --format json --lang LANG``."""
    return json.dumps([rule_record(r, lang) for r in all_rules()], ensure_ascii=False, indent=2) + "\n"


def rule(request: Request, code: str) -> Response:
    lang = query_lang(parse_query(request.query_string, LANG_ONLY))
    return Response(200, _rule_doc(code.strip().upper()[:16], lang))


@lru_cache(maxsize=256)
def _rule_doc(code: str, lang: str) -> bytes:
    """A rule's record (as in /api/rules) with its documentation as ``jixiao explain`` prints it
    (``text``) and as docs/rules.md shows it (``markdown``)."""
    found = get_rule(code)
    if found is None:
        raise ApiError(404, "serve.unknown-rule", {"code": code})
    record = rule_record(found, lang)
    record["text"] = rule_text(found, lang)
    record["markdown"] = rule_markdown(found, lang)
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def openapi(request: Request) -> Response:
    return Response(200, _openapi_bytes())


@lru_cache(maxsize=1)
def _openapi_bytes() -> bytes:
    with open(os.path.join(os.path.dirname(__file__), "openapi.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    data["info"]["version"] = __version__
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def page_messages(request: Request) -> Response:
    """The page's labels (``page.*``) in one language, from the message catalogue."""
    lang = query_lang(parse_query(request.query_string, LANG_ONLY))
    return Response(200, _page_messages(lang))


@lru_cache(maxsize=2)
def _page_messages(lang: str) -> bytes:
    texts = {k: v for k, v in catalogue(lang).items() if k.startswith("page.")}
    return (json.dumps(texts, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def static_file(name: str) -> Response:
    if name not in _static_names():
        raise ApiError(404, "serve.not-found", {"path": "/static/" + name[:200]})
    with open(os.path.join(STATIC_DIR, name), "rb") as fh:
        body = fh.read()
    return Response(200, body, STATIC_TYPES[os.path.splitext(name)[1]])


@lru_cache(maxsize=1)
def _static_names() -> frozenset[str]:
    """The files the page is made of: only these names are ever opened."""
    return frozenset(n for n in os.listdir(STATIC_DIR) if os.path.splitext(n)[1] in STATIC_TYPES)
