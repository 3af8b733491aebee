"""One upload, checked as ``jixiao check FILE`` would check it, and its answers.

The body is loaded from memory by the CLI's own loaders (``load_bytes`` is what ``load_path``
calls after reading a file), so nothing of it is ever written to disk and the report equals the
CLI's for a file of that name and content.
"""

from __future__ import annotations

import json
import os
from typing import Any

import attrs

from checker.config import Config, ConfigError
from checker.engine import Engine
from checker.loaders import load_bytes
from checker.reporters import RenderOptions, render
from checker.serve.errors import ApiError
from checker.serve.options import CheckOptions
from policy.forms.canonical import form_to_mapping

# Loader errors that mean "not a format jixiao reads" (415); other unreadable documents are 422.
UNREADABLE_FORMAT = frozenset({"E002", "E003", "E007"})
JSON_NAME = "form.json"
UPLOAD_NAME = "upload"


@attrs.frozen(eq=False)
class Checked:
    """A checked upload: the report and the document it came from."""

    report: Any
    document: Any
    config: Config
    lang: str

    def json_text(self) -> str:
        """Exactly ``jixiao check --format json`` for this file."""
        return _render(self.report, "json", self.lang)

    def sarif_text(self) -> str:
        return _render(self.report, "sarif", self.lang)

    def exit_code(self) -> int:
        return self.report.exit_code(self.config.fail_on)

    def review(self) -> dict[str, Any]:
        """The report with the loaded forms (``jixiao dump``'s mapping), for the page's tables."""
        return {"report": json.loads(self.json_text()),
                "forms": [form_to_mapping(form) for form in self.document.forms]}


def request_config(base: Config, options: CheckOptions) -> Config:
    """The base configuration changed by the query, as the CLI's flags change a found one."""
    extra = {"scheme": options.scheme} if options.scheme is not None else {}
    try:
        return base.replace(
            **extra,
            select=options.select,
            ignore=(*base.ignore, *options.ignore) if options.ignore else None,
            lang=options.lang,
            fail_on=options.fail_on,
        ).validate()
    except ConfigError as exc:
        raise ApiError(400, exc.message_id, exc.args_) from None


def upload_name(options: CheckOptions, is_json: bool) -> str:
    name = options.name or (JSON_NAME if is_json else UPLOAD_NAME)
    if is_json and os.path.splitext(name)[1].lower() != ".json":
        raise ApiError(400, "serve.json-name", {"name": name})
    return name


def check_upload(data: bytes, name: str, config: Config, lang: str) -> Checked:
    """Load ``data`` as the file ``name`` and check it; a document that cannot be read is an
    ApiError carrying the loader's diagnostic."""
    try:
        engine = Engine(config)  # resolves the selection: an unknown rule code is a 400
    except ConfigError as exc:
        raise ApiError(400, exc.message_id, exc.args_) from None
    document = load_bytes(data, name, config.loader_limits())
    if document.error is not None:
        raise _load_error(document.error)
    return Checked(engine.run([document]), document, config, lang)


def _load_error(issue: Any) -> ApiError:
    code = issue.message_id.split(".")[0]
    status = 415 if code in UNREADABLE_FORMAT else 413 if code == "E004" else 422
    loc = issue.location
    location = {k: v for k, v in (("path", loc.path), ("line", loc.line), ("column", loc.column),
                                  ("sheet", loc.sheet), ("cell", loc.cell)) if v is not None}
    return ApiError(status, issue.message_id, dict(issue.args), error_id=code, location=location)


def _render(report: Any, fmt: str, lang: str) -> str:
    return render(report, fmt, RenderOptions(lang=lang))
