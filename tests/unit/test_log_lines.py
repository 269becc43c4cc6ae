"""The access line's fast path (`asb_core.logs.info_line`) writes the line structlog's formatter
would: same keys, same order, same values (the time aside), the request's ids on it; and it
steps aside for anything it does not render itself (console format, a logger with a handler of
its own, a level that turns the line off)."""

from __future__ import annotations

import io
import json
import logging

import pytest

from asb_core import logs, request_context

FIELDS = {"method": "POST", "route": "/v1/evaluate", "status": 200, "duration_ms": 1.25,
          "agency": "fen-council"}


@pytest.fixture
def buffer():
    out = io.StringIO()
    logs.configure("INFO", "json", stream=out)
    yield out
    logs.configure("INFO", "json")


def _lines(out: io.StringIO) -> list[dict]:
    return [json.loads(x) for x in out.getvalue().splitlines() if x]


def test_fast_line_is_the_formatters_line(buffer):
    log = logging.getLogger("asb_api.access")
    token = request_context.CURRENT.set(request_context.new_context("POST", "crm-1", None))
    try:
        logs.info_line(log, "POST /v1/evaluate 200", FIELDS)
        log.info("POST /v1/evaluate 200", extra=FIELDS)
    finally:
        request_context.CURRENT.reset(token)
    fast, slow = _lines(buffer)
    # A handler that formats the record before ours (pytest's capture, here) leaves its
    # `message` (and `asctime`) attributes on it, which the formatter then takes for extras.
    for added in ("message", "asctime"):
        slow.pop(added, None)
    assert list(fast) == list(slow)
    fast.pop("timestamp"), slow.pop("timestamp")
    assert fast == slow
    assert fast["request_id"] == "crm-1" and fast["logger"] == "asb_api.access"
    assert fast["level"] == "info" and fast["status"] == 200


def test_other_root_handlers_still_get_a_record(buffer):
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record)

    keep = Keep()
    logging.getLogger().addHandler(keep)
    try:
        logs.info_line(logging.getLogger("asb_api.access"), "GET /v1/me 200", FIELDS)
    finally:
        logging.getLogger().removeHandler(keep)
    assert len(_lines(buffer)) == 1
    assert [r.getMessage() for r in seen] == ["GET /v1/me 200"] and seen[0].status == 200


def test_steps_aside_when_it_would_not_render_the_line(buffer):
    log = logging.getLogger("asb_test.own_handler")
    own = io.StringIO()
    handler = logging.StreamHandler(own)
    log.addHandler(handler)
    try:
        logs.info_line(log, "routed by its own handler", FIELDS)
    finally:
        log.removeHandler(handler)
    assert "routed by its own handler" in own.getvalue()  # the normal path ran
    assert [x["event"] for x in _lines(buffer)] == ["routed by its own handler"]

    quiet = logging.getLogger("asb_test.quiet")
    quiet.setLevel(logging.WARNING)
    logs.info_line(quiet, "not at this level", FIELDS)
    assert "not at this level" not in buffer.getvalue()


def test_console_format_goes_the_normal_way():
    out = io.StringIO()
    logs.configure("INFO", "console", stream=out)
    try:
        logs.info_line(logging.getLogger("asb_api.access"), "GET /v1/me 200", FIELDS)
    finally:
        logs.configure("INFO", "json")
    line = out.getvalue()
    assert "GET /v1/me 200" in line and "status=200" in line and not line.startswith("{")
