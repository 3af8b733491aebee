"""The review page as a person uses it, in headless Chromium (the system's browser, driven by
Playwright): upload, findings on their cells, language switch, a rule's explanation, downloads,
hostile cell text, an oversized file, filters and the access token.

These tests need Chromium at /usr/bin/chromium (Debian's ``chromium`` package; ``.ci/run``
installs it and sets JIXIAO_REQUIRE_BROWSER=1, which turns a missing browser into a failure).
Elsewhere, without it they are reported as skipped — not run — never as passed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "bazhong-2022-city-government-office.txt"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
CHROMIUM = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
MAX_BODY = 200_000
XSS = "<img src=x onerror=alert(1)>"

# In CI (.ci/run sets JIXIAO_REQUIRE_BROWSER=1) a missing browser fails these tests instead.
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK) and not os.environ.get("JIXIAO_REQUIRE_BROWSER"),
    reason=f"browser tests NOT RUN: no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")


def run_server(**settings):
    from checker.serve import ServeSettings, make_app
    from checker.serve.server import make_server, url_of

    app = make_app(ServeSettings(**settings))
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server, app, url_of(server)


@pytest.fixture(scope="module")
def url():
    server, app, address = run_server(max_body=MAX_BODY)
    yield address
    server.shutdown()
    server.server_close()
    app.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, url):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1366, "height": 800})
    page = context.new_page()
    page.problems = []  # console errors, page errors and dialogs: none may happen
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append("dialog: " + d.message), d.dismiss()))
    page.goto(url)
    page.locator("body[data-ready=true]").wait_for()
    yield page
    context.close()


def cli_json(*flags: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", *flags, str(SEED)],
                         cwd=ROOT, capture_output=True, check=False)
    return json.loads(out.stdout)


def upload_seed(page) -> None:
    page.set_input_files("#files", str(SEED))
    page.locator("article.form").nth(7).wait_for()


def test_seed_findings_are_marked_on_their_cells(page):
    upload_seed(page)
    report = cli_json()
    assert page.locator("article.form").count() == report["summary"]["forms"] == 8
    summary = page.locator("section.file .summary").text_content()
    assert f"错误 {report['summary']['errors']} 个" in summary
    first = page.locator("article.form").first
    v111 = [d for d in report["diagnostics"] if d["code"] == "V111" and d["form"]["index"] == 0]
    assert v111, "the seed's first form has an unquantified value"
    row = first.locator("tr[data-indicator]", has=page.locator("td.name", has_text=v111[0]["indicator"]["name"]))
    value_cell = row.locator("td.value")
    assert "flagged" in value_cell.get_attribute("class")
    number = value_cell.locator("a.mark").first.text_content()
    item = first.locator(f'li.finding[data-finding="{number}"]')
    assert item.get_attribute("data-code") in {d["code"] for d in report["diagnostics"]
                                               if d["form"]["index"] == 0 and d["line"] == v111[0]["line"]}
    listed = first.locator("li.finding .message").all_text_contents()
    assert listed == [d["message"] for d in report["diagnostics"] if d["form"] and d["form"]["index"] == 0]
    # The placeholder in the long-term goal's label is marked on that row.
    assert "flagged" in first.locator('td[data-cell="long_term"]').get_attribute("class")
    assert page.problems == []


def test_language_switch_shows_english(page):
    upload_seed(page)
    page.click("#lang-switch")
    page.locator("html[lang=en]").wait_for(state="attached")
    page.locator("article.form").nth(7).wait_for()
    page.locator("section.file .summary", has_text="8 forms").wait_for()
    assert page.locator("h1").text_content() == "jixiao — check performance-target forms"
    english = cli_json("--lang", "en")
    first_messages = page.locator("article.form").first.locator("li.finding .message").all_text_contents()
    assert first_messages == [d["message"] for d in english["diagnostics"] if d["form"] and d["form"]["index"] == 0]
    page.click("#lang-switch")
    page.locator("html[lang=zh-CN]").wait_for(state="attached")
    page.locator("section.file .summary", has_text="8 张表").wait_for()
    assert page.problems == []


def test_a_rule_opens_its_explanation(page):
    upload_seed(page)
    page.locator('button.rule[data-code="V111"]').first.click()
    dialog = page.locator("dialog#rule-dialog[open]")
    dialog.wait_for()
    assert page.locator("#rule-title").text_content().startswith("V111 ")
    explain = subprocess.run([sys.executable, "-m", "checker", "explain", "V111"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert page.locator("#rule-text").text_content() + "\n" == explain  # explain adds one newline
    page.click("#rule-close")
    dialog.wait_for(state="detached")
    assert page.problems == []


def test_downloads_sarif_json_and_xlsx(page, tmp_path):
    from openpyxl import load_workbook

    upload_seed(page)
    report = cli_json()
    with page.expect_download() as sarif_download:
        page.locator('section.file button.download[data-format="sarif"]').click()
    sarif = json.loads(Path(sarif_download.value.path()).read_text("utf-8"))
    jsonschema.validate(sarif, SARIF_SCHEMA)
    assert len(sarif["runs"][0]["results"]) == len(report["diagnostics"])
    assert sarif_download.value.suggested_filename.endswith(".sarif")
    with page.expect_download() as json_download:
        page.locator('section.file button.download[data-format="json"]').click()
    data = json.loads(Path(json_download.value.path()).read_text("utf-8"))
    assert data["diagnostics"] == [dict(d, path=SEED.name) for d in report["diagnostics"]]
    with page.expect_download() as xlsx_download:
        page.locator('section.file button.download[data-format="xlsx"]').click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(Path(xlsx_download.value.path()).open("rb"))
    assert book.worksheets[0].max_row == len(report["diagnostics"]) + 1
    assert page.problems == []


def test_hostile_cell_text_is_shown_as_text_and_runs_nothing(page, tmp_path):
    form = {"forms": [{"name": "<script>alert(2)</script>", "budget_unit": "办", "funding": {"total": "10万元"},
                       "goals": {"annual": "<b onmouseover=alert(3)>目标</b>"},
                       "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": XSS, "value": "≥**%"}]}]}
    path = tmp_path / "xss.json"
    path.write_text(json.dumps(form, ensure_ascii=False), "utf-8")
    page.set_input_files("#files", str(path))
    page.locator("article.form").wait_for()
    cell = page.locator("table.indicators td.name").first
    assert cell.evaluate("n => n.firstChild.nodeValue") == XSS
    assert page.locator("#results img").count() == 0 and page.locator("#results script").count() == 0
    assert page.locator("#results b").count() == 0
    assert page.locator('td[data-cell="name"]').evaluate("n => n.firstChild.nodeValue") == "<script>alert(2)</script>"
    page.locator('td[data-cell="annual"]').hover()
    page.wait_for_timeout(300)  # an injected handler would have fired by now
    assert page.problems == []  # no alert dialog, no error


def test_an_oversized_file_gets_its_message(page, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() * (MAX_BODY // SEED.stat().st_size + 2))
    page.set_input_files("#files", str(big))
    error = page.locator("section.file .load-error")
    error.wait_for()
    text = error.text_content()
    assert "big.txt" in text and f"超过上限 {MAX_BODY} 字节" in text and str(big.stat().st_size) in text


def test_filters_by_severity_and_category(page):
    upload_seed(page)
    report = cli_json()
    assert page.locator("li.finding").count() == len(report["diagnostics"])
    page.uncheck("#show-info")
    assert page.locator('li.finding[data-severity="info"]').count() == 0
    assert page.locator("li.finding").count() == sum(d["severity"] != "info" for d in report["diagnostics"])
    page.check("#show-info")
    page.select_option("#category", "funding")
    codes = page.locator("li.finding").evaluate_all("items => items.map(i => i.dataset.code)")
    assert codes == [d["code"] for d in report["diagnostics"] if d["category"] == "funding"]
    assert page.problems == []


def test_the_page_asks_for_the_token_and_sends_it(browser):
    server, app, address = run_server(token="page-token")
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(address)
        page.locator("body[data-ready=true]").wait_for()
        page.set_input_files("#files", str(SEED))
        page.locator("#token-box").wait_for(state="visible")
        assert page.locator("article.form").count() == 0
        page.fill("#token-input", "page-token")
        page.click("#token-save")
        page.locator("article.form").nth(7).wait_for()
        assert page.locator("#token-box").is_hidden()
        context.close()
    finally:
        server.shutdown()
        server.server_close()
        app.close()


def test_several_files_at_once_each_get_their_section(page, tmp_path):
    dumped = subprocess.run([sys.executable, "-m", "checker", "dump", str(SEED)], cwd=ROOT,
                            capture_output=True, check=True).stdout
    (tmp_path / "seed.json").write_bytes(dumped)
    (tmp_path / "notes.txt").write_text("会议纪要\n", "utf-8")
    page.set_input_files("#files", [str(SEED), str(tmp_path / "seed.json"), str(tmp_path / "notes.txt")])
    page.locator("section.file .load-error").wait_for()
    page.locator("article.form").nth(15).wait_for()
    names = page.locator("section.file > h2").all_text_contents()
    assert names == [SEED.name, "seed.json", "notes.txt"]
    assert "E012" not in page.locator("section.file .load-error").text_content()  # the message, not the id
    assert "未找到" in page.locator("section.file .load-error").text_content()
    assert page.locator('section.file[data-file="0"] li.finding').count() == \
        page.locator('section.file[data-file="1"] li.finding').count()


def test_findings_cite_in_the_page_language(page):
    """依据 under each finding is the Chinese citation, Source the English one after the switch."""
    from checker.citation import citation_text
    from policy.messages import catalogue
    from policy.registry import get_rule

    upload_seed(page)
    report = cli_json()
    first = [d for d in report["diagnostics"] if d["form"] and d["form"]["index"] == 0]
    shown = page.locator("article.form").first.locator("li.finding .citation").all_text_contents()
    label = catalogue("zh")["page.finding.citation"]
    assert shown == [f"{label}: {citation_text(get_rule(d['code']), 'zh')}" for d in first]
    page.click("#lang-switch")
    page.locator("section.file .summary", has_text="8 forms").wait_for()
    shown = page.locator("article.form").first.locator("li.finding .citation").all_text_contents()
    label = catalogue("en")["page.finding.citation"]
    assert shown == [f"{label}: {citation_text(get_rule(d['code']), 'en')}" for d in first]
    assert page.problems == []
