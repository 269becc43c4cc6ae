"""Repeat-caller lookup: yes/no and the level only, across agencies, audited, and a timeline
event for the matched case's members."""

from __future__ import annotations

from sqlalchemy import text


def _case(name: str, phone: str, address: str, answers: dict | None = None) -> dict:
    return {
        "area": "fenland",
        "answers": answers or {"repeat": True},
        "victim": {"role": "victim", "name": name, "phone": phone, "address": address},
        "consent": {"state": "given"},
    }


async def test_lookup_finds_open_case_by_phone_or_address_and_reveals_nothing_else(
    api, make_key, session
):
    council = {"Authorization": f"Bearer {await make_key('rc-council', 'caseworker')}"}
    handler = {
        "Authorization": "Bearer " + await make_key("rc-police", "call_handler", kind="police")
    }
    r = await api.post(
        "/v1/cases",
        headers=council,
        json=_case(
            "Marker Person",
            "07700 900456",
            "12 Fen Lane, March, PE15 8AA",
            {"threats_or_violence": True},
        ),
    )
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]

    # Another agency's call handler, with the number written differently.
    r = await api.post(
        "/v1/repeat-caller-lookup", headers=handler, json={"phone": "+44 7700 900456"}
    )
    assert r.status_code == 200
    assert r.json() == {"match": True, "level": "high"}
    r = await api.post(
        "/v1/repeat-caller-lookup", headers=handler, json={"address": "12 fen lane march pe15 8aa"}
    )
    assert r.json() == {"match": True, "level": "high"}
    r = await api.post("/v1/repeat-caller-lookup", headers=handler, json={"phone": "07700 900999"})
    assert r.json() == {"match": False, "level": None}
    r = await api.post(
        "/v1/repeat-caller-lookup",
        headers=handler,
        json={"phone": "07700 900456", "area": "elsewhere"},
    )
    assert r.json() == {"match": False, "level": None}

    # The members see that a repeat call happened, without the number.
    r = await api.get(f"/v1/cases/{case_id}/timeline", headers=council, params={"limit": 200})
    calls = [i for i in r.json()["items"] if i["kind"] == "repeat_call"]
    assert len(calls) == 2 and calls[0]["summary"]["by_agency"] == "rc-police"
    assert "07700 900456" not in r.text and "+44 7700 900456" not in r.text

    # Audited, without the identity (this test's lookups: other tests look up too).
    rows = (
        await session.execute(
            text("SELECT detail::text FROM audit_events WHERE action = 'repeat_caller.lookup' "
                 "AND agency = 'rc-police'")
        )
    ).all()
    assert len(rows) == 4
    assert all("900" not in d and "Fen Lane" not in d for (d,) in rows)
    # The stored digests are keyed, not the raw number.
    stored = (
        await session.execute(
            text("SELECT phone_digest FROM party_identities WHERE phone = '07700 900456'")
        )
    ).scalar()
    assert stored and "900456" not in stored


async def test_closed_cases_do_not_match_and_bad_input_is_422(api, make_key):
    supervisor = {"Authorization": f"Bearer {await make_key('rc-council', 'supervisor')}"}
    r = await api.post(
        "/v1/cases", headers=supervisor, json=_case("Someone", "01354 000111", "1 Closed Road")
    )
    cid = r.json()["id"]
    r = await api.post(
        f"/v1/cases/{cid}/close",
        headers=supervisor,
        json={"outcome": "Resolved", "final_victim_update": "Told by letter"},
    )
    assert r.status_code == 200, r.text
    r = await api.post(
        "/v1/repeat-caller-lookup", headers=supervisor, json={"phone": "01354 000111"}
    )
    assert r.json() == {"match": False, "level": None}
    r = await api.post("/v1/repeat-caller-lookup", headers=supervisor, json={}, check_request=False)
    assert r.status_code == 422
    analyst = {"Authorization": f"Bearer {await make_key('rc-council', 'analyst')}"}
    r = await api.post("/v1/repeat-caller-lookup", headers=analyst, json={"phone": "01354 000111"})
    assert r.status_code == 403
