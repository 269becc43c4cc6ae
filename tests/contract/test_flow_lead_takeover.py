"""Issue 15, break 9: a partner agency cannot take a case from the agency that opened it.

The attack as it was run: a council opens a case and shares it with a housing provider; the
housing provider's supervisor made its agency lead (PATCH lead_agency) and then removed the
council (DELETE member), which lost its own case. Now only the lead agency hands the lead over,
only the lead agency or the agency itself removes a member, and the agency that opened the case
leaves only by its own supervisor. Over HTTP, every exchange checked against openapi.yaml.
"""

from __future__ import annotations

import pytest


@pytest.fixture
async def people(api, make_key):
    keys = {
        "council": await make_key("lt-council", "caseworker"),
        "council_boss": await make_key("lt-council", "supervisor"),
        "housing_boss": await make_key("lt-housing", "supervisor", kind="housing_provider"),
        "police_boss": await make_key("lt-police", "supervisor", kind="police"),
    }
    return {name: api.with_key(key) for name, key in keys.items()}


async def _shared_case(people) -> tuple[str, int]:
    council = people["council"]
    r = await council.post("/v1/cases", json={
        "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
        "victim": {"role": "victim", "name": "Lena Takeover"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    for agency in ("lt-housing", "lt-police"):
        r = await council.post(f"/v1/cases/{cid}/members",
                               json={"agency": agency, "basis": "consent"})
        assert r.status_code == 201, r.text
    r = await council.get(f"/v1/cases/{cid}")
    return cid, r.json()["version"]


async def _make_lead(client, cid: str, version: int, agency: str):
    return await client.patch(f"/v1/cases/{cid}", json={"lead_agency": agency},
                              headers={"If-Match": f'"{version}"'})


async def test_a_partner_supervisor_cannot_make_itself_lead_or_remove_the_opener(people):
    cid, version = await _shared_case(people)
    housing = people["housing_boss"]

    r = await _make_lead(housing, cid, version, "lt-housing")
    assert r.status_code == 403, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "lead agency" in r.json()["detail"]
    r = await housing.delete(f"/v1/cases/{cid}/members/lt-council",
                             params={"reason": "taking over"})
    assert r.status_code == 403, r.text
    # Nor may a partner remove another partner: that is the lead's (or the partner's own) call.
    r = await housing.delete(f"/v1/cases/{cid}/members/lt-police", params={"reason": "tidy"})
    assert r.status_code == 403, r.text

    council = people["council"]
    r = await council.get(f"/v1/cases/{cid}")
    assert r.status_code == 200 and r.json()["lead_agency"] == "lt-council"
    assert r.json()["version"] == version
    members = (await council.get(f"/v1/cases/{cid}/members")).json()["items"]
    assert {m["agency"] for m in members} == {"lt-council", "lt-housing", "lt-police"}


async def test_the_lead_hands_over_but_the_opener_still_only_leaves_by_its_own_hand(people):
    cid, version = await _shared_case(people)
    r = await _make_lead(people["council_boss"], cid, version, "lt-housing")
    assert r.status_code == 200, r.text
    assert r.json()["lead_agency"] == "lt-housing"
    housing = people["housing_boss"]

    # The new lead may remove another partner, but not the agency that opened the case.
    r = await housing.delete(f"/v1/cases/{cid}/members/lt-council",
                             params={"reason": "we run it now"})
    assert r.status_code == 403, r.text
    assert "opened the case" in r.json()["detail"]
    r = await housing.delete(f"/v1/cases/{cid}/members/lt-police",
                             params={"reason": "no longer involved"})
    assert r.status_code == 204, r.text
    assert (await people["council"].get(f"/v1/cases/{cid}")).status_code == 200

    # The council's own supervisor may take the council off its case.
    r = await people["council_boss"].delete(f"/v1/cases/{cid}/members/lt-council",
                                            params={"reason": "handed over in full"})
    assert r.status_code == 204, r.text
    assert (await people["council"].get(f"/v1/cases/{cid}")).status_code == 404
