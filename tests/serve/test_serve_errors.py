"""Every error the API gives is JSON with a message id and a text, with the status the issue
names; none shows a traceback, and a refused request costs no check."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.serve import ServeSettings, make_app
from serve.wsgi_client import Client

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"


def error_of(answer, status: int) -> dict:
    assert answer.status == status, answer.body
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["id"] and error["message"]
    assert b"Traceback" not in answer.body
    return error


@pytest.mark.parametrize("query, option", [
    ("lang=fr", "lang"),
    ("fail-on=fatal", "fail-on"),
    ("format=pdf", "format"),
    ("select=F1-1", "select"),
    ("ignore=%3Cimg%3E", "ignore"),
    ("lang=zh&lang=en", "lang"),
])
def test_a_bad_option_is_400_naming_it(client, query, option):
    error = error_of(client.post("/api/check", b"x", query), 400)
    assert error["id"] == "serve.bad-option"
    assert option in error["message"]


def test_an_unknown_option_or_rule_code_is_400(client):
    assert error_of(client.post("/api/check", b"x", "verbose=1"), 400)["id"] == "serve.unknown-option"
    error = error_of(client.post("/api/check", b"x", "select=ZZ9&lang=en"), 400)
    assert error["id"] == "core.config.unknown-selector" and "ZZ9" in error["message"]


def test_a_bad_name_is_400(client):
    assert error_of(client.post("/api/check", b"x", "name=a%0Ab.txt"), 400)["id"] == "serve.bad-name"
    assert error_of(client.post("/api/check", b"x", "name=" + "a" * 300), 400)["id"] == "serve.bad-name"
    error = error_of(client.post("/api/check", b"{}", "name=a.yaml", content_type="application/json"), 400)
    assert error["id"] == "serve.json-name"


def test_errors_speak_the_requested_language(client):
    zh = error_of(client.post("/api/check", b"x", "format=pdf"), 400)["message"]
    en = error_of(client.post("/api/check", b"x", "format=pdf&lang=en"), 400)["message"]
    assert "参数" in zh and "bad value" in en


def test_a_body_over_the_limit_is_413_before_any_check(make_client, monkeypatch):
    import checker.serve.checking as checking

    monkeypatch.setattr(checking, "check_upload", _must_not_run)
    client = make_client(max_body=1000)
    error = error_of(client.post("/api/check", b"x" * 1001, "name=a.txt&lang=en"), 413)
    assert error["id"] == "serve.too-large" and "1001" in error["message"] and "1000" in error["message"]


def test_the_default_body_limit_is_20_mb(client):
    from checker.serve.settings import DEFAULT_MAX_BODY

    assert DEFAULT_MAX_BODY == 20 * 1024 * 1024
    answer = client.request("POST", "/api/check", "name=a.txt", b"", content_length=str(DEFAULT_MAX_BODY + 1))
    assert error_of(answer, 413)["id"] == "serve.too-large"


def test_a_missing_or_bad_length_is_refused(client):
    assert error_of(client.request("POST", "/api/check", "", b"x", content_length=""), 411)["id"] == "serve.length-required"
    assert error_of(client.request("POST", "/api/check", "", b"x", content_length="-5"), 400)
    assert error_of(client.request("POST", "/api/check", "", b"x", content_length="many"), 400)


def test_a_format_jixiao_cannot_read_is_415(client):
    error = error_of(client.post("/api/check", b"\x00\x01\x02binary", "name=form.odt"), 415)
    assert error["id"] == "E003" and error["location"]["path"] == "form.odt"
    error = error_of(client.post("/api/check", b"PK\x03\x04broken", "name=form.xlsx"), 415)
    assert error["id"] == "E007"
    error = error_of(client.post("/api/check", b"--b\r\n", "", content_type="multipart/form-data; boundary=b"), 415)
    assert error["id"] == "serve.unsupported-media"


def test_an_unreadable_document_is_422_with_the_loader_diagnostic(client):
    error = error_of(client.post("/api/check", "会议纪要：没有表格".encode(), "name=notes.txt&lang=en"), 422)
    assert error["id"] == "E012" and "no performance-target form" in error["message"]
    assert error["location"] == {"path": "notes.txt"}
    error = error_of(client.post("/api/check", b'{"forms": [', "name=f.json", content_type="application/json"), 422)
    assert error["id"] == "E005" and error["location"]["path"] == "f.json"


def test_unknown_paths_and_methods(client):
    assert error_of(client.get("/api/nothing"), 404)["id"] == "serve.not-found"
    assert error_of(client.get("/static/../../etc/passwd"), 404)["id"] == "serve.not-found"
    answer = client.get("/api/check")
    assert error_of(answer, 405)["id"] == "serve.method-not-allowed"
    assert answer.headers["allow"] == "POST"
    assert error_of(client.post("/healthz", b""), 405)


def test_all_workers_busy_is_503(make_client):
    client = make_client(workers=1, queue_wait=0.05)
    client.app.pool.acquire()  # the only worker is taken
    try:
        answer = client.post("/api/check", SEED.read_bytes(), "name=seed.txt")
        assert error_of(answer, 503)["id"] == "serve.busy"
        assert answer.headers["retry-after"] == "1"
    finally:
        client.app.pool.release()
    assert client.post("/api/check", SEED.read_bytes(), "name=seed.txt").status == 200


def test_a_check_over_the_time_limit_is_504_and_keeps_its_worker_until_it_ends(make_client, monkeypatch):
    import checker.serve.checking as checking

    real = checking.check_upload
    release = threading.Event()

    def slow(*args, **kwargs):
        release.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(checking, "check_upload", slow)
    client = make_client(workers=1, time_limit=0.1, queue_wait=0.05)
    started = time.perf_counter()
    error = error_of(client.post("/api/check", SEED.read_bytes(), "name=seed.txt&lang=en"), 504)
    assert error["id"] == "serve.timeout" and "0.1" in error["message"]
    assert time.perf_counter() - started < 2
    # The timed-out check still runs: its worker is not handed out twice.
    assert error_of(client.post("/api/check", SEED.read_bytes(), "name=seed.txt"), 503)
    release.set()
    monkeypatch.setattr(checking, "check_upload", real)
    deadline = time.time() + 5
    while time.time() < deadline:
        answer = client.post("/api/check", SEED.read_bytes(), "name=seed.txt")
        if answer.status == 200:
            break
        time.sleep(0.05)
    assert answer.status == 200


def test_an_internal_error_shows_no_traceback_and_no_data(client, monkeypatch, caplog):
    import checker.serve.checking as checking

    def broken(*args, **kwargs):
        raise RuntimeError("secret budget line 150000")

    monkeypatch.setattr(checking, "check_upload", broken)
    with caplog.at_level("INFO", logger="checker.serve"):
        answer = client.post("/api/check", SEED.read_bytes(), "name=seed.txt")
    assert error_of(answer, 500)["id"] == "serve.internal"
    assert b"secret" not in answer.body
    assert "secret" not in caplog.text and "Traceback" not in caplog.text


def test_the_log_holds_method_path_status_size_and_time_only(client, caplog):
    with caplog.at_level("INFO", logger="checker.serve"):
        client.post("/api/check", SEED.read_bytes(), "name=%E5%B7%B4%E4%B8%AD-secret.txt")
    (record,) = [r for r in caplog.records if r.name == "checker.serve"]
    method, path, status, size, elapsed = record.getMessage().split(" ")
    assert (method, path, status) == ("POST", "/api/check", "200")
    assert int(size) > 0 and elapsed.endswith("ms")
    assert "secret" not in caplog.text and "巴中" not in caplog.text


def test_an_upload_leaves_nothing_on_disk(client, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for fmt in ("json", "sarif", "xlsx"):
        assert client.post("/api/check", SEED.read_bytes(), f"name=seed.txt&format={fmt}").status == 200
    assert list(tmp_path.iterdir()) == []


_SHARED: list = []


@given(body=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.json", "a.yaml", "a.csv", "a.xlsx", ""]))
def test_any_body_gets_a_json_answer_never_a_500(body, name):
    if not _SHARED:
        _SHARED.append(Client(make_app(ServeSettings())))
    answer = _SHARED[0].post("/api/check", body, f"name={name}" if name else "")
    assert answer.status in (200, 415, 422), answer.body
    data = json.loads(answer.body)
    assert ("error" in data) == (answer.status != 200)


def _must_not_run(*args, **kwargs):
    raise AssertionError("the body was checked")


def test_a_body_shorter_than_its_length_is_never_checked(client, monkeypatch):
    import checker.serve.checking as checking

    monkeypatch.setattr(checking, "check_upload", _must_not_run)
    answer = client.request("POST", "/api/check", "name=a.txt", SEED.read_bytes()[:100], content_length="5000")
    assert error_of(answer, 400)["id"] == "serve.body-incomplete"


def test_scheme_is_an_option_only_where_the_configuration_has_it(client):
    import attrs

    from checker.config import Config
    from checker.serve.options import config_options

    has_scheme = "scheme" in attrs.fields_dict(Config)
    assert config_options() == (("scheme",) if has_scheme else ())
    if not has_scheme:
        assert error_of(client.post("/api/check", b"x", "scheme=mof-2021"), 400)["id"] == "serve.unknown-option"
