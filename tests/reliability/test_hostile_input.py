"""Hostile input: each request is refused with a 4xx problem-details body, writes nothing (row
counts unchanged), and the server stays healthy. Injection strings are not refused: they are
stored and returned verbatim, and the embedded page never renders data as HTML.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from tests.reliability.server import victim

TABLES = ("cases", "parties", "party_identities", "diary_entries", "incidents", "assessments",
          "updates", "targets", "case_reviews", "audit_events", "idempotency_keys", "case_events",
          "outbox_events")
SQL_INJECTION = "Robert'); DROP TABLE diary_entries;-- \" OR 1=1; SELECT pg_sleep(10);"
HTML_INJECTION = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;&lt;'
LIMIT = 1_048_576


def _entry(**over) -> dict:
    body = {"started_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
            "what_happened": "Shouting", "category": "noise"}
    body.update(over)
    return body


def _nested(depth: int) -> bytes:
    return b'{"answers": ' + b"[" * depth + b"]" * depth + b"}"


async def _chunks(data: bytes, size: int = 65_536):
    for i in range(0, len(data), size):
        yield data[i:i + size]


def hostile_requests(cid: str) -> list[tuple[str, str, str, dict]]:
    """(name, method, path, httpx kwargs): every one must be a 4xx that writes nothing."""
    diary = f"/v1/cases/{cid}/diary-entries"
    js = {"Content-Type": "application/json"}

    def raw(body: bytes) -> dict:
        return {"content": body, "headers": js}

    def body(obj) -> dict:
        return raw(json.dumps(obj).encode())

    big = json.dumps(_entry(what_happened="x" * (LIMIT + 10))).encode()
    return [
        ("body over the size limit", "POST", diary, raw(big)),
        ("body over the limit, chunked", "POST", diary,
         {"content": _chunks(big), "headers": js}),
        ("1 MB string under the body limit", "POST", diary,
         body(_entry(what_happened="y" * 1_000_000))),
        ("deeply nested arrays", "POST", "/v1/cases", raw(_nested(100_000))),
        ("deeply nested answers", "POST", f"/v1/cases/{cid}/assessments",
         raw(_nested(5_000))),
        ("deeply nested objects", "POST", diary,
         raw(b'{"x":' * 50_000 + b"1" + b"}" * 50_000)),
        ("truncated JSON", "POST", diary, raw(b'{"started_at": "2024-01-01T00:00:00Z", ')),
        ("not JSON at all", "POST", diary, raw(b"started_at=yesterday&what=noise")),
        ("JSON array instead of object", "POST", diary, raw(b"[1, 2, 3]")),
        ("JSON null body", "POST", diary, raw(b"null")),
        ("empty body", "POST", diary, raw(b"")),
        ("invalid UTF-8", "POST", diary,
         raw(b'{"started_at": "2024-01-01T00:00:00Z", "what_happened": "\xff\xfe\xc3(",'
             b' "category": "noise"}')),
        ("lone surrogate escape", "POST", diary, raw(
            json.dumps(_entry()).encode().replace(b'"Shouting"', b'"\\ud800 shouting"'))),
        ("NUL in a string", "POST", diary, body(_entry(what_happened="before\u0000after"))),
        ("NUL in an open-case victim name", "POST", "/v1/cases", body({
            "area": "fenland", "answers": {}, "consent": {"state": "given"},
            "victim": {"role": "victim", "name": "Ann\u0000"}})),
        ("NUL in an answers key", "POST", f"/v1/cases/{cid}/assessments",
         body({"answers": {"repeat\u0000": True}})),
        ("escape character in a string", "POST", diary,
         body(_entry(what_happened="\u001b[2J\u001b[31mred"))),
        ("bell and backspace", "POST", f"/v1/cases/{cid}/updates",
         body({"kind": "update", "text": "ring\u0007\u0008"})),
        ("started_at in the future", "POST", diary,
         body(_entry(started_at=(datetime.now(UTC) + timedelta(days=2)).isoformat()))),
        ("started_at before 1900", "POST", diary, body(_entry(started_at="1899-12-31T23:00:00Z"))),
        ("started_at year 1", "POST", diary, body(_entry(started_at="0001-01-01T00:00:00Z"))),
        ("started_at beyond year 9999 in UTC", "POST", diary,
         body(_entry(started_at="9999-12-31T23:59:59-14:00"))),
        ("started_at without a zone", "POST", diary, body(_entry(started_at="2024-01-01T00:00"))),
        ("started_at nonsense", "POST", diary, body(_entry(started_at="yesterday"))),
        ("case review applied in the future", "POST", f"/v1/cases/{cid}/case-review",
         body({"applicant_description": "Victim",
               "applied_at": (datetime.now(UTC) + timedelta(days=30)).isoformat()})),
        ("case review applied before 1900", "POST", f"/v1/cases/{cid}/case-review",
         body({"applicant_description": "Victim", "applied_at": "1850-01-01T00:00:00Z"})),
        ("action due before 1900", "POST", f"/v1/cases/{cid}/updates",
         body({"kind": "action", "text": "Do it", "due_at": "1800-01-01T00:00:00Z"})),
        ("unknown field", "POST", diary, body(_entry(is_admin=True))),
        ("unknown nested field", "POST", "/v1/cases", body({
            "area": "fenland", "answers": {}, "consent": {"state": "given"},
            "victim": {"role": "victim", "name": "Ann", "ssn": "x"}})),
        ("wrong type: text as number", "POST", diary, body(_entry(what_happened=12345))),
        ("wrong type: minutes as text", "POST", diary, body(_entry(duration_minutes="ten"))),
        ("wrong type: huge number", "POST", diary, body(_entry(duration_minutes=10**40))),
        ("wrong type: boolean as minutes", "POST", diary, body(_entry(duration_minutes=True))),
        ("wrong type: answers as list", "POST", f"/v1/cases/{cid}/assessments",
         body({"answers": [1, 2]})),
        ("wrong type: strands as text", "POST", diary, body(_entry(
            hostility_perceived="race", hostility_perceived_by="victim"))),
        ("unknown category", "POST", diary, body(_entry(category="'; DROP TABLE x;--"))),
        ("idempotency key with control characters", "POST", diary,
         {**body(_entry()), "headers": {**js, "Idempotency-Key": "k\u0001\u0002"}}),
        ("idempotency key of 10k characters", "POST", diary,
         {**body(_entry()), "headers": {**js, "Idempotency-Key": "k" * 10_000}}),
        ("If-Match garbage", "PATCH", f"/v1/cases/{cid}",
         {**body({"summary": "x"}), "headers": {**js, "If-Match": '"; DROP TABLE cases'}}),
        ("If-Match enormous version", "PATCH", f"/v1/cases/{cid}",
         {**body({"summary": "x"}), "headers": {**js, "If-Match": '"' + "9" * 400 + '"'}}),
        ("PATCH a field that cannot change", "PATCH", f"/v1/cases/{cid}",
         {**body({"version": 99}), "headers": {**js, "If-Match": '"1"'}}),
        ("limit of a billion", "GET", "/v1/cases", {"params": {"limit": 10**9}}),
        ("limit of zero", "GET", f"/v1/cases/{cid}/diary-entries", {"params": {"limit": 0}}),
        ("negative limit", "GET", "/v1/targets", {"params": {"limit": -5}}),
        ("limit not a number", "GET", "/v1/cases", {"params": {"limit": "all"}}),
        ("cursor garbage", "GET", "/v1/cases", {"params": {"cursor": "!!not-base64!!"}}),
        ("cursor of valid base64 junk", "GET", f"/v1/cases/{cid}/diary-entries",
         {"params": {"cursor": "eyJ4IjogMX0"}}),
        ("cursor decoding to the wrong shape", "GET", f"/v1/cases/{cid}/timeline",
         {"params": {"cursor": "WyJub3QgYSBkYXRlIiwgIm5vdCBhIHV1aWQiXQ"}}),
        ("cursor with NUL", "GET", "/v1/cases", {"params": {"cursor": "AAAA"}}),
        ("filter with NUL", "GET", "/v1/cases", {"params": {"area": "fen\u0000land"}}),
        ("case id not a UUID", "GET", "/v1/cases/'%20OR%201=1--", {}),
        ("audit case id not a UUID", "GET", "/v1/audit", {"params": {"case_id": "1 OR 1=1"}}),
        ("work queue window too large", "GET", "/v1/targets",
         {"params": {"state": "due_soon", "within_hours": 10**12}}),
    ]


async def _counts(connection) -> dict[str, int]:
    out = {}
    for table in TABLES:
        out[table] = (await connection.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()
    return out


@pytest.fixture
async def officer(client, make_key):
    key = await make_key("hostile-council", "caseworker")
    auditor = await make_key("hostile-council", "auditor")
    headers = {"Authorization": f"Bearer {key}"}
    r = await client.post("/v1/cases", headers=headers, json={
        "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
        "victim": victim()})
    assert r.status_code == 201, r.text
    return {"headers": headers, "case_id": r.json()["id"],
            "auditor": {"Authorization": f"Bearer {auditor}"}}


async def test_hostile_requests_are_4xx_problems_and_write_nothing(client, officer, connection):
    cid = officer["case_id"]
    before = await _counts(connection)
    wrong = []
    for name, method, path, kwargs in hostile_requests(cid):
        headers = {**officer["headers"], **kwargs.pop("headers", {})}
        if name.startswith("audit"):
            headers.update(officer["auditor"])
        r = await client.request(method, path, headers=headers, **kwargs)
        ok = (400 <= r.status_code < 500
              and r.headers.get("content-type", "").startswith("application/problem+json"))
        if ok:
            problem = r.json()
            ok = problem.get("status") == r.status_code and problem.get("type", "").startswith(
                "https://asb.example.org/problems/")
        if not ok:
            wrong.append(f"{name}: {r.status_code} {r.headers.get('content-type')} {r.text[:200]}")
        if name.startswith("body over"):
            assert r.status_code == 413, name
    assert not wrong, "\n".join(wrong)
    assert await _counts(connection) == before, "a refused request wrote something"
    assert (await client.get("/health")).json() == {"status": "ok"}
    r = await client.get(f"/v1/cases/{cid}", headers=officer["headers"])
    assert r.status_code == 200 and r.json()["version"] == 1


async def test_injection_strings_are_stored_and_returned_verbatim(client, officer):
    cid, headers = officer["case_id"], officer["headers"]
    for i, value in enumerate((SQL_INJECTION, HTML_INJECTION)):
        r = await client.post(f"/v1/cases/{cid}/diary-entries", headers=headers, json=_entry(
            what_happened=value, location=value, responsible=value, source_system=f"s{i}"))
        assert r.status_code == 201, r.text
        assert r.json()["what_happened"] == value and r.json()["location"] == value
    r = await client.post(f"/v1/cases/{cid}/updates", headers=headers,
                          json={"kind": "update", "text": HTML_INJECTION})
    assert r.status_code == 201 and r.json()["text"] == HTML_INJECTION
    entries = (await client.get(f"/v1/cases/{cid}/diary-entries", headers=headers)).json()
    assert [e["what_happened"] for e in entries["items"]] == [SQL_INJECTION, HTML_INJECTION]
    r = await client.get("/v1/cases", headers=headers, params={"area": SQL_INJECTION})
    assert r.status_code == 200 and r.json()["items"] == []
    # The tables are all still there.
    assert (await client.get(f"/v1/cases/{cid}", headers=headers)).status_code == 200


async def test_embedded_page_never_renders_input_as_html(client):
    # Query parameters the page does not read are refused (422, JSON, the values not echoed);
    # its token comes in the URL fragment, never the query.
    r = await client.get("/embed/assessment", params={"q": HTML_INJECTION, "token": "<b>x</b>"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert HTML_INJECTION not in r.text and "<b>x</b>" not in r.text
    r = await client.get("/embed/assessment")
    assert r.status_code == 200
    page = r.text
    assert "<script>alert" not in page and "<b>x</b>" not in page
    # Data reaches the DOM through textContent only; Trusted Types make any HTML sink throw.
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in page, sink
    assert "textContent" in page
    assert "require-trusted-types-for 'script'" in r.headers["content-security-policy"]
