"""The page's files, the security headers on every answer, the access token, the OpenAPI
description and the reviewers' workbook."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"
STATIC = ROOT / "checker" / "serve" / "static"


def assert_secure(answer) -> None:
    csp = answer.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"


def test_the_page_and_its_assets_are_served_with_strict_headers(client):
    page = client.get("/")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    assert_secure(page)
    html = page.body.decode("utf-8")
    assert "<script src=" in html and not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
    assert not re.search(r"\son\w+\s*=", html)  # no inline event handler
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from another site
    for name, kind in (("app.js", "text/javascript"), ("app.css", "text/css"), ("favicon.svg", "image/svg+xml")):
        asset = client.get(f"/static/{name}")
        assert asset.status == 200 and asset.headers["content-type"].startswith(kind)
        assert asset.body == (STATIC / name).read_bytes()
        assert_secure(asset)


def test_the_script_never_puts_data_into_html():
    script = (STATIC / "app.js").read_text("utf-8")
    assert "innerHTML" not in script and "outerHTML" not in script
    assert "insertAdjacentHTML" not in script and "document.write" not in script
    assert "eval(" not in script and "new Function" not in script


def test_every_answer_has_the_security_headers(client):
    for answer in (client.get("/healthz"), client.get("/api/rules"), client.get("/missing"),
                   client.post("/api/check", b"x", "lang=fr"),
                   client.post("/api/check", SEED.read_bytes(), "name=s.txt")):
        assert_secure(answer)
        assert answer.headers["cache-control"] == "no-store"


def test_a_token_guards_every_api_path(make_client):
    client = make_client(token="s3cret-token")
    body = SEED.read_bytes()
    for answer in (client.post("/api/check", body, "name=s.txt"), client.get("/api/rules"),
                   client.get("/api/rules/F101"), client.get("/api/openapi.json"), client.get("/api/messages"),
                   client.post("/api/check", body, "name=s.txt", headers={"Authorization": "Bearer wrong"}),
                   client.post("/api/check", body, "name=s.txt", headers={"Authorization": "Basic s3cret-token"}),
                   client.post("/api/review", body, "name=s.txt", headers={"Authorization": "s3cret-token"})):
        assert answer.status == 401, answer.body
        assert answer.json()["error"]["id"] == "serve.unauthorized"
        assert answer.headers["www-authenticate"].startswith("Bearer")
    ok = client.post("/api/check", body, "name=s.txt", headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status == 200 and ok.json()["summary"]["forms"] == 8
    # The page's files hold no data; the page sends the token with every API call.
    assert client.get("/").status == 200 and client.get("/static/app.js").status == 200
    assert client.get("/healthz").status == 200


def test_the_token_comes_from_the_environment_for_a_wsgi_server(monkeypatch):
    from checker.serve.settings import ServeSettings

    monkeypatch.setenv("JIXIAO_TOKEN", "from-env")
    assert ServeSettings.from_env().token == "from-env"
    monkeypatch.delenv("JIXIAO_TOKEN")
    assert ServeSettings.from_env().token is None


@pytest.fixture(scope="module")
def openapi_doc():
    from checker.serve import make_app
    from serve.wsgi_client import Client

    return Client(make_app()).get("/api/openapi.json").json()


def test_openapi_describes_every_path_the_app_answers(openapi_doc):
    from checker import __version__

    assert openapi_doc["openapi"].startswith("3.1")
    assert openapi_doc["info"]["version"] == __version__
    documented = set(openapi_doc["paths"])
    routes = (ROOT / "checker" / "serve" / "routes.py").read_text("utf-8")
    answered = set(re.findall(r'"(/(?:api|healthz)[^"]*)"', routes))
    answered = {p.rstrip("/") + ("/{code}" if p == "/api/rules/" else "") for p in answered}
    assert answered <= documented
    api_doc = (ROOT / "docs" / "api.md").read_text("utf-8")
    for path in documented:
        assert path in api_doc, f"{path} is not described in docs/api.md"


def _schema(doc: dict, name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}", "components": doc["components"]}


def test_answers_match_their_openapi_schemas(client, openapi_doc):
    validator = jsonschema.Draft202012Validator
    error_schema = _schema(openapi_doc, "Error")
    for answer in (client.post("/api/check", b"x", "lang=fr"), client.get("/nope"),
                   client.post("/api/check", b"no form here", "name=a.txt")):
        validator(error_schema).validate(answer.json())
    validator(_schema(openapi_doc, "Report")).validate(
        client.post("/api/check", SEED.read_bytes(), "name=s.txt").json())
    rules_schema = {"type": "array", "items": {"$ref": "#/components/schemas/Rule"},
                    "components": openapi_doc["components"]}
    validator(rules_schema).validate(client.get("/api/rules").json())


def test_the_workbook_lists_every_finding_with_columns_for_the_reviewer(client):
    from openpyxl import load_workbook

    report = client.post("/api/check", SEED.read_bytes(), "name=s.txt").json()
    answer = client.post("/api/check", SEED.read_bytes(), "name=s.txt&format=xlsx")
    assert answer.status == 200 and answer.headers["content-type"].endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(answer.body))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("审核意见", "审核备注")
    assert len(rows) - 1 == len(report["diagnostics"])
    header = rows[0]
    for row, d in zip(rows[1:], report["diagnostics"]):
        assert row[header.index("规则")] == d["code"]
        assert row[header.index("问题")] == d["message"]
        assert row[header.index("行")] == d["line"]
    assert sheet.data_validations.dataValidation  # the decision column offers a list
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"


def test_form_text_in_the_workbook_is_never_a_formula(client):
    from openpyxl import load_workbook

    form = {"forms": [{"name": "=HYPERLINK(\"http://x\",\"y\")", "budget_unit": "办", "funding": {"total": "10"},
                       "goals": {"annual": "目标"},
                       "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "=1+1\x07", "value": "≥**%"}]}]}
    answer = client.post("/api/check", json.dumps(form).encode(), "name=f.json&format=xlsx&lang=en",
                         content_type="application/json")
    assert answer.status == 200
    sheet = load_workbook(io.BytesIO(answer.body)).worksheets[0]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells, "the test form's names should appear in the workbook"
    assert all(c.data_type == "s" for c in cells)
    assert any(c.value == "=1+1" for c in cells)  # the control character was dropped


def test_head_answers_headers_without_a_body(client):
    head = client.request("HEAD", "/")
    get = client.get("/")
    assert head.status == 200 and head.body == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"] == str(len(get.body))
    assert_secure(head)
    assert client.request("HEAD", "/api/check").status == 405
