"""Repeat-caller lookup: the level for members, only whom to contact for others, a budget per
key and agency (429 with Retry-After), every lookup logged and audited without the identity, an
alert when one key keeps missing, and the lead agency's view of who looked its case up.

The enumeration test replays the attack of issue 15 (break 1) over HTTP: one outsider
call-handler key sends 300 addresses of one street, then 1,000 phone numbers differing in their
last three digits, the true address and phone among them. The lookup clock is fixed (stepped
where a test needs another window): no test depends on the wall clock.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from asb_core.parties import repeat_caller

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

T0 = datetime(2026, 3, 10, 10, 15, tzinfo=UTC)  # a quarter into an hour window


@pytest.fixture
def lookup_clock(monkeypatch):
    """The lookup's clock, fixed at T0; `lookup_clock.step(seconds)` moves it on."""

    class Clock:
        now = T0

        def step(self, seconds: float) -> None:
            self.now = self.now + timedelta(seconds=seconds)

    clock = Clock()
    monkeypatch.setattr(repeat_caller, "_now", lambda: clock.now)
    return clock


def _case(name: str, phone: str, address: str, answers: dict | None = None) -> dict:
    return {
        "area": "fenland",
        "answers": answers or {"repeat": True},
        "victim": {"role": "victim", "name": name, "phone": phone, "address": address},
        "consent": {"state": "given"},
    }


def _bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


async def test_members_get_the_level_others_only_whom_to_contact(
    api, make_key, session, lookup_clock
):
    council = _bearer(await make_key("rc-council", "caseworker"))
    handler = _bearer(await make_key("rc-police", "call_handler", kind="police"))
    r = await api.post(
        "/v1/cases",
        headers=council,
        json=_case("Marker Person", "07700 900456", "12 Fen Lane, March, PE15 8AA",
                   {"threats_or_violence": True}),
    )
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    contact = [{"agency": "rc-council", "name": "Rc-Council"}]

    # Another agency's call handler, the number written differently: known, call the council.
    r = await api.post(
        "/v1/repeat-caller-lookup", headers=handler, json={"phone": "+44 7700 900456"}
    )
    assert r.status_code == 200
    assert r.json() == {"match": True, "level": None, "contact": contact}
    r = await api.post(
        "/v1/repeat-caller-lookup", headers=handler, json={"address": "12 fen lane march pe15 8aa"}
    )
    assert r.json() == {"match": True, "level": None, "contact": contact}
    r = await api.post("/v1/repeat-caller-lookup", headers=handler, json={"phone": "07700 900999"})
    assert r.json() == {"match": False, "level": None, "contact": []}
    r = await api.post(
        "/v1/repeat-caller-lookup",
        headers=handler,
        json={"phone": "07700 900456", "area": "elsewhere"},
    )
    assert r.json() == {"match": False, "level": None, "contact": []}

    # A member that can read the case gets its level.
    r = await api.post("/v1/repeat-caller-lookup", headers=council, json={"phone": "07700900456"})
    assert r.json() == {"match": True, "level": "high", "contact": []}

    # The members see that repeat calls happened, without the number, and what was answered.
    r = await api.get(f"/v1/cases/{case_id}/timeline", headers=council, params={"limit": 200})
    calls = [i for i in r.json()["items"] if i["kind"] == "repeat_call"]
    assert len(calls) == 3
    assert [c["summary"]["answered"] for c in calls] == ["contact", "contact", "level"]
    assert calls[0]["summary"]["by_agency"] == "rc-police"
    assert calls[1]["summary"]["key_lookups_in_window"] == 2
    assert "900456" not in r.text and "Fen Lane" not in r.text

    # Audited without the identity, and without the level for the non-member.
    rows = (
        await session.execute(
            text("SELECT detail::text FROM audit_events WHERE action = 'repeat_caller.lookup' "
                 "AND agency = 'rc-police'")
        )
    ).all()
    assert len(rows) == 4
    assert all("900456" not in d and "Fen Lane" not in d and "high" not in d for (d,) in rows)
    # The log holds outcomes, never the number, the address or their digests.
    log = (await session.execute(text(
        "SELECT l.*::text FROM repeat_caller_lookups l WHERE agency = 'rc-police'"))).all()
    assert len(log) == 4
    stored = (
        await session.execute(
            text("SELECT phone_digest FROM party_identities WHERE phone = '07700 900456'")
        )
    ).scalar()
    assert stored and "900456" not in stored
    # (The number's distinctive digits, not "900": times and ids in the row may hold that.)
    assert all(stored not in row and "900456" not in row and "Fen Lane" not in row
               for (row,) in log)


async def test_closed_cases_do_not_match_and_bad_input_is_422(api, make_key, lookup_clock):
    supervisor = _bearer(await make_key("rc-council", "supervisor"))
    r = await api.post(
        "/v1/cases", headers=supervisor, json=_case("Someone", "01354 000173", "1 Closed Road")
    )
    cid = r.json()["id"]
    r = await api.post(
        f"/v1/cases/{cid}/close",
        headers=supervisor,
        json={"outcome": "Resolved", "final_victim_update": "Told by letter",
            "victim_view": VICTIM_VIEW},
    )
    assert r.status_code == 200, r.text
    r = await api.post(
        "/v1/repeat-caller-lookup", headers=supervisor, json={"phone": "01354 000173"}
    )
    assert r.json() == {"match": False, "level": None, "contact": []}
    r = await api.post("/v1/repeat-caller-lookup", headers=supervisor, json={}, check_request=False)
    assert r.status_code == 422
    analyst = _bearer(await make_key("rc-council", "analyst"))
    r = await api.post("/v1/repeat-caller-lookup", headers=analyst, json={"phone": "01354 000173"})
    assert r.status_code == 403


TRUE_HOUSE = 7  # within the first key's budget, so the true hit is answered: without a level
STREET = "Fen Lane, March, PE15 8AA"
TRUE_PHONE = "07700 900456"


async def test_enumeration_from_one_outsider_key_is_throttled_counted_and_alerted(
    api, client, make_key, session, settings, lookup_clock
):
    council = _bearer(await make_key("en-council", "caseworker"))
    lead_supervisor = _bearer(await make_key("en-council", "supervisor"))
    attacker = _bearer(await make_key("en-outsider", "call_handler", kind="police"))
    r = await api.post("/v1/cases", headers=council,
                       json=_case("Marker Person", TRUE_PHONE, f"{TRUE_HOUSE} {STREET}",
                                  {"threats_or_violence": True}))
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]

    bodies = [{"address": f"{n} {STREET}"} for n in range(1, 301)]
    bodies += [{"phone": f"07700 900{n:03d}"} for n in range(1000)]
    assert {"address": f"{TRUE_HOUSE} {STREET}"} in bodies and {"phone": TRUE_PHONE} in bodies
    answers = []
    for i, body in enumerate(bodies):
        # Every exchange near the budget's edge is checked against the contract; the bulk of
        # the refused ones go through the plain client (the same app).
        via = api if i < 40 or i % 100 == 0 else client
        answers.append(await via.post("/v1/repeat-caller-lookup", headers=attacker, json=body))

    statuses = Counter(r.status_code for r in answers)
    budget = settings.lookup_budget_per_key
    assert statuses == {200: budget, 429: len(bodies) - budget}
    assert all(r.status_code == 200 for r in answers[:budget])
    per_day = settings.lookup_budget_per_key_day
    for i, r in enumerate(answers[budget:], start=budget):
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["type"].endswith("/rate-limited")
        # The window started at 10:00 and the clock says 10:15: 45 minutes to wait. Refused
        # attempts count too: once they pass the day's budget, the wait is to midnight UTC.
        wait = 45 * 60 if i < per_day else (13 * 60 + 45) * 60
        assert r.headers["Retry-After"] == str(wait), i
    served = [r.json() for r in answers[:budget]]
    hits = [s for s in served if s["match"]]
    # The true address was answered, with whom to call and no level; the true phone never was.
    assert hits == [{"match": True, "level": None,
                     "contact": [{"agency": "en-council", "name": "En-Council"}]}]
    assert served[TRUE_HOUSE - 1] == hits[0]
    assert all("level" not in r.text or '"level":null' in r.text.replace(" ", "")
               for r in answers[:budget])

    # Every lookup is logged: the hit, the misses, the refused attempts.
    outcomes = dict((await session.execute(text(
        "SELECT outcome, count(*) FROM repeat_caller_lookups WHERE agency = 'en-outsider' "
        "GROUP BY outcome"))).all())
    assert outcomes == {"hit": 1, "miss": budget - 1, "refused": len(bodies) - budget}

    # The misses crossed the threshold: an alert is audited for the key's agency ...
    alerts = (await session.execute(text(
        "SELECT detail FROM audit_events WHERE action = 'repeat_caller.alert' "
        "AND agency = 'en-outsider'"))).scalars().all()
    assert len(alerts) == 1 and alerts[0]["misses"] == settings.lookup_miss_alert

    # ... and put on the timeline of the case the key hit, beside the repeat call itself.
    r = await api.get(f"/v1/cases/{case_id}/timeline", headers=council, params={"limit": 200})
    items = r.json()["items"]
    calls = [i for i in items if i["kind"] == "repeat_call"]
    assert len(calls) == 1 and calls[0]["summary"]["answered"] == "contact"
    alert_events = [i for i in items if i["kind"] == "lookup_alert"]
    assert len(alert_events) == 1
    assert alert_events[0]["summary"]["by_agency"] == "en-outsider"
    assert alert_events[0]["summary"]["key_misses_in_window"] == settings.lookup_miss_alert
    assert "900456" not in r.text and "Fen Lane" not in r.text

    # The lead agency sees the counts: one hit among 1,300 attempts by one key.
    r = await api.get(f"/v1/cases/{case_id}/repeat-caller-lookups", headers=lead_supervisor)
    assert r.status_code == 200, r.text
    log = r.json()
    assert [(h["agency"], h["by"], h["answered"]) for h in log["hits"]] == [
        ("en-outsider", ["address"], "contact")]
    (key,) = log["keys"]
    assert key["agency"] == "en-outsider" and key["alert"] is True
    assert (key["lookups"], key["hits"], key["misses"], key["refused"]) == (
        len(bodies), 1, budget - 1, len(bodies) - budget)
    assert "900456" not in r.text and "Fen Lane" not in r.text

    # The log is the lead agency's: a member that is not the lead is refused, others see no case.
    r = await api.get(f"/v1/cases/{case_id}/repeat-caller-lookups", headers=council)
    assert r.status_code == 403
    r = await api.get(f"/v1/cases/{case_id}/repeat-caller-lookups", headers=attacker)
    assert r.status_code == 404

    # The attacker's colleagues are not locked out by its refused attempts (the agency budget
    # counts only lookups a key was allowed to make).
    colleague = _bearer(await make_key("en-outsider", "call_handler", kind="police"))
    r = await api.post("/v1/repeat-caller-lookup", headers=colleague,
                       json={"phone": "01632 960001"})
    assert r.status_code == 200


async def test_budget_windows_reopen_and_the_day_budget_holds(
    api, make_key, settings, lookup_clock
):
    handler = _bearer(await make_key("win-police", "call_handler", kind="police"))
    per_key, per_day = settings.lookup_budget_per_key, settings.lookup_budget_per_key_day
    for window in range(per_day // per_key):
        # A new window: the key's whole window budget again, while the day's lasts.
        for n in range(per_key):
            r = await api.post("/v1/repeat-caller-lookup", headers=handler,
                               json={"phone": f"01632 96{window:02d}{n:02d}"})
            assert r.status_code == 200, (window, n)
        lookup_clock.step(settings.lookup_window_seconds)
    # The day's budget is spent: refused in a fresh window, until midnight UTC.
    midnight = datetime(2026, 3, 11, tzinfo=UTC)
    r = await api.post("/v1/repeat-caller-lookup", headers=handler, json={"phone": "01632 960000"})
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) == int((midnight - lookup_clock.now).total_seconds())
    lookup_clock.now = midnight
    r = await api.post("/v1/repeat-caller-lookup", headers=handler, json={"phone": "01632 960000"})
    assert r.status_code == 200
