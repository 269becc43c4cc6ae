"""The JSON logs of requests: a request id on every line (the client's or a new one, returned
in the response), the trace continued from a well-formed `traceparent` only, and a complainant's
identity in no line however the requests that carry it go (accepted, refused, read back)."""

from __future__ import annotations

import io
import json
import logging
import re
import secrets

import pytest

from asb_core import logs, request_context

MARKER = "Hermione Zanzibar-Quill"
PHONE = "07700 900417"
EMAIL = "h.zanzibar.quill@example.org"


@pytest.fixture
def log_buffer():
    buffer = io.StringIO()
    logs.configure("DEBUG", "json", stream=buffer)
    httpx_log = logging.getLogger("httpx")
    level = httpx_log.level
    httpx_log.setLevel(logging.WARNING)
    yield buffer
    httpx_log.setLevel(level)
    logs.configure("INFO", "json")


def _lines(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line]


async def test_a_request_id_is_taken_or_made_and_returned(client, make_key, log_buffer):
    key = await make_key("fen-council", "caseworker")
    auth = {"Authorization": f"Bearer {key}"}
    r = await client.get("/v1/me", headers={**auth, "X-Request-ID": "crm-7731"})
    assert r.headers["x-request-id"] == "crm-7731"
    # Not a sensible token (spaces, too long): a new id instead, never the client's text.
    for bad in ("has spaces in it", "x" * 200):
        r = await client.get("/v1/me", headers={**auth, "X-Request-ID": bad})
        assert re.fullmatch(r"[0-9a-f]{32}", r.headers["x-request-id"]), bad
    r = await client.get("/v1/me", headers=auth)
    made = r.headers["x-request-id"]
    lines = _lines(log_buffer)
    assert [x["request_id"] for x in lines if x["logger"] == "asb_api.access"][-1] == made
    assert all("has spaces" not in json.dumps(x) for x in lines)


def test_traceparent_is_continued_only_when_well_formed():
    trace, span = secrets.token_hex(16), secrets.token_hex(8)
    ctx = request_context.new_context("POST", None, f"00-{trace}-{span}-01")
    assert (ctx.trace_id, ctx.parent_span_id, ctx.sampled) == (trace, span, True)
    assert ctx.span_id != span and ctx.traceparent == f"00-{trace}-{ctx.span_id}-01"
    for bad in (f"00-{'0' * 32}-{span}-01", f"00-{trace}-{'0' * 16}-01", "garbage",
                f"00-{trace}-{span}", f"00-{trace[:-1]}-{span}-01"):
        other = request_context.new_context("POST", None, bad)
        assert other.parent_span_id is None and other.trace_id != trace, bad
    assert request_context.new_context("GET", None, None).writes is False


async def test_no_restricted_identity_in_any_log_line(client, make_key, log_buffer):
    """Identity goes in (a case opened with it, a party added, a bad request carrying it,
    the restricted read) and never comes out in the logs."""
    key = await make_key("fen-council", "caseworker")
    auth = {"Authorization": f"Bearer {key}"}
    victim = {"role": "complainant", "name": MARKER, "phone": PHONE, "email": EMAIL}
    r = await client.post("/v1/cases", headers=auth, json={
        "area": "fenland", "answers": {"repeat": True}, "victim": victim,
        "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    r = await client.post(f"/v1/cases/{case_id}/parties", headers=auth,
                          json={"role": "witness", "name": MARKER, "phone": PHONE})
    assert r.status_code == 201, r.text
    r = await client.post(f"/v1/cases/{case_id}/parties", headers=auth,
                          json={"role": "witness", "name": MARKER, "phone": PHONE,
                                "shoe_size": MARKER})
    assert r.status_code == 422
    r = await client.post("/v1/cases", content=f'{{"victim": "{MARKER}"',
                          headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 400
    r = await client.get(f"/v1/cases/{case_id}/parties", headers=auth)
    assert MARKER in r.text  # the caseworker does read it back...
    text = log_buffer.getvalue()
    assert len(_lines(log_buffer)) >= 5
    for value in (MARKER, PHONE, EMAIL):
        assert value not in text  # ...and no log line has it


def test_console_format_for_people():
    buffer = io.StringIO()
    logs.configure("INFO", "console", stream=buffer)
    try:
        logging.getLogger("asb_api.access").info("GET /v1/me 200", extra={"status": 200})
    finally:
        logs.configure("INFO", "json")
    line = buffer.getvalue()
    assert "GET /v1/me 200" in line and "status=200" in line and not line.startswith("{")
    with pytest.raises(ValueError):
        logs.configure("INFO", "xml")
