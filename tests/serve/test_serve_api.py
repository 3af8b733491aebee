"""The HTTP API answers what the command line answers, for the seed corpus file and for the
rule catalogue; every option it takes behaves like the flag of the same name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_NAME = "corpus/bazhong-2022-city-government-office.txt"
SEED = ROOT / SEED_NAME
SARIF_SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True)


@pytest.fixture
def client(make_client):
    """The configuration the CLI finds for the seed, as ``jixiao serve`` run here would use."""
    from checker.config import discover_config

    return make_client(config=discover_config([str(SEED)]))


@pytest.fixture(scope="module")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


def test_check_answers_exactly_the_cli_json_for_the_seed(client, seed_bytes):
    expected = cli("check", "--format", "json", SEED_NAME)
    answer = client.post("/api/check", seed_bytes, f"name={SEED_NAME}")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.body == expected.stdout  # byte for byte
    assert json.loads(answer.body)["summary"]["problems"] > 0  # the seed has real defects
    assert answer.headers["x-jixiao-exit-code"] == str(expected.returncode) == "1"


@pytest.mark.parametrize("query, flags", [
    ("lang=en", ["--lang", "en"]),
    ("select=F,S&fail-on=warning", ["--select", "F,S", "--fail-on", "warning"]),
    ("ignore=W102,V&lang=en", ["--ignore", "W102,V", "--lang", "en"]),
    ("select=V111&fail-on=error", ["--select", "V111", "--fail-on", "error"]),
])
def test_options_behave_like_the_cli_flags(client, seed_bytes, query, flags):
    expected = cli("check", "--format", "json", *flags, SEED_NAME)
    answer = client.post("/api/check", seed_bytes, f"name={SEED_NAME}&{query}")
    assert answer.status == 200
    assert json.loads(answer.body) == json.loads(expected.stdout)
    assert answer.headers["x-jixiao-exit-code"] == str(expected.returncode)


def test_sarif_format_equals_the_cli_and_is_valid(client, seed_bytes):
    expected = cli("check", "--format", "sarif", "--lang", "en", SEED_NAME)
    answer = client.post("/api/check", seed_bytes, f"name={SEED_NAME}&format=sarif&lang=en")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("application/sarif+json")
    data = json.loads(answer.body)
    assert data == json.loads(expected.stdout)
    jsonschema.validate(data, SARIF_SCHEMA)
    assert data["runs"][0]["results"]


def test_a_json_body_is_a_canonical_form_document(client, tmp_path):
    dumped = cli("dump", SEED_NAME).stdout
    (tmp_path / "seed.json").write_bytes(dumped)
    expected = cli("check", "--format", "json", "seed.json", cwd=tmp_path)
    answer = client.post("/api/check", dumped, "name=seed.json", content_type="application/json")
    assert answer.status == 200
    assert answer.body == expected.stdout
    unnamed = client.post("/api/check", dumped, "", content_type="application/json; charset=utf-8")
    assert unnamed.status == 200
    assert {d["path"] for d in unnamed.json()["diagnostics"]} == {"form.json"}


def test_a_name_without_suffix_is_read_by_content(client, seed_bytes):
    answer = client.post("/api/check", seed_bytes)
    assert answer.status == 200
    data = answer.json()
    assert data["summary"]["forms"] == 8
    assert {d["path"] for d in data["diagnostics"]} == {"upload"}


def test_review_gives_the_report_and_the_dumped_forms(client, seed_bytes):
    answer = client.post("/api/review", seed_bytes, f"name={SEED_NAME}")
    assert answer.status == 200
    data = answer.json()
    assert data["report"] == json.loads(cli("check", "--format", "json", SEED_NAME).stdout)
    assert data["forms"] == json.loads(cli("dump", SEED_NAME).stdout)["forms"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_equal_the_cli(client, lang):
    answer = client.get("/api/rules", f"lang={lang}")
    assert answer.status == 200
    assert answer.body == cli("rules", "--format", "json", "--lang", lang).stdout


def test_one_rule_has_its_explanation(client):
    answer = client.get("/api/rules/f101", "lang=en")
    assert answer.status == 200
    data = answer.json()
    assert data["code"] == "F101" and data["category"] == "funding"
    assert data["text"] + "\n" == cli("explain", "F101", "--lang", "en").stdout.decode("utf-8")
    assert data["markdown"].startswith("#")
    missing = client.get("/api/rules/Z999")
    assert missing.status == 404
    assert missing.json()["error"]["id"] == "serve.unknown-rule"


def test_health(client):
    from checker import __version__

    answer = client.get("/healthz")
    assert answer.status == 200
    assert answer.json() == {"status": "ok", "version": __version__}


def test_page_messages_come_from_the_catalogue(client):
    from policy.messages import catalogue

    for lang in ("zh", "en"):
        texts = client.get("/api/messages", f"lang={lang}").json()
        assert texts and all(k.startswith("page.") for k in texts)
        assert texts["page.title"] == catalogue(lang)["page.title"]
    assert client.get("/api/messages", "lang=fr").status == 400


def test_curl_default_content_type_is_the_file_bytes(client, seed_bytes):
    # curl --data-binary and urllib send application/x-www-form-urlencoded unless told otherwise
    answer = client.post("/api/check", seed_bytes, f"name={SEED_NAME}",
                         content_type="application/x-www-form-urlencoded")
    assert answer.status == 200
    assert answer.body == client.post("/api/check", seed_bytes, f"name={SEED_NAME}").body


def test_the_page_names_every_category_in_both_languages():
    from policy.api import Category
    from policy.messages import catalogue

    for lang in ("zh", "en"):
        texts = catalogue(lang)
        for category in [c.value for c in Category] + ["input"]:
            assert f"page.category.{category}" in texts
        assert {k for k in catalogue("zh") if k.startswith(("page.", "serve."))} == \
            {k for k in catalogue("en") if k.startswith(("page.", "serve."))}
