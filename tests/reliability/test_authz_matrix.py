"""Authorisation matrix and restricted-identity leak check, in process and contract-checked.

For every operation in openapi.yaml, for every role, for a member agency and a non-member agency,
the status is compared with `EXPECTED`, a table written and reviewed by hand against the role
table in docs/design.md. Every request runs inside a SAVEPOINT that is rolled back, so each one
sees the same case. A non-member gets 404 on every `/v1/cases/{case_id}...` path, whatever its
role. The complainant's name, phone, email and address (unique markers) appear in a response
only for a caseworker or supervisor of a member agency, and only from `listParties` and
`getParty`; they never appear in an outbox event or the webhook body built from it.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from tests.contract.openapi_validation import spec_dict
from tests.reliability.server import PLANTED

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

ROLES = ("call_handler", "caseworker", "supervisor", "auditor", "analyst", "integration", "admin",
         "dpo")
CH, CW, SV, AU, AN, IN, AD, DPO = ROLES
READERS = (CH, CW, SV, AU, IN)  # case.read
WEBHOOK_MANAGERS = (CW, SV, IN, AD)
WEBHOOK_SUBSCRIBERS = (CW, SV, IN)  # managers that may read cases: an admin has no case data


def _row(ok: int, allowed: tuple[str, ...], *, others: int = 403, hidden: int | None = None,
         hidden_roles: tuple[str, ...] = (AN, AD)) -> dict[str, int]:
    """`ok` for `allowed`; `hidden` (404: the case is invisible to the role) for
    `hidden_roles`; `others` for the rest."""
    row = {}
    for role in ROLES:
        if role in allowed:
            row[role] = ok
        elif hidden is not None and role in hidden_roles:
            row[role] = hidden
        else:
            row[role] = others
    return row


def _case_row(ok: int, allowed: tuple[str, ...]) -> dict[str, int]:
    # Analysts, admins and the data protection officer cannot read case data at all, so a case
    # is invisible to them (404), but for the officer's own data protection operations.
    return _row(ok, allowed, hidden=404, hidden_roles=(AN, AD, DPO))


EVERYONE = dict.fromkeys(ROLES, 200)
# operationId -> {role: status for a member agency}. Reviewed by hand against docs/design.md:
# call_handler evaluates, opens, reads what it opened; caseworker does casework; supervisor
# adds close/reopen/unshare; auditor reads cases, diary and the audit log; analyst statistics
# only; integration reads, adds diary entries and updates; admin agencies and keys only; dpo
# (data protection officer) retention reports, legal holds, erasure and subject access exports,
# no case work.
EXPECTED: dict[str, dict[str, int]] = {
    "getHealth": EVERYONE,
    "getReady": EVERYONE,
    "getMetrics": EVERYONE,
    "getEmbedAssessmentPage": EVERYONE,
    "getMe": EVERYONE,
    "issueEmbedToken": _row(201, (CH, CW, SV)),
    "getAssessmentPolicy": _row(200, (CH, CW, SV)),
    "evaluateAssessment": _row(200, (CH, CW, SV)),
    "repeatCallerLookup": _row(200, (CH, CW, SV)),
    "openCase": _row(201, (CH, CW, SV)),
    "listCases": _row(200, READERS),
    "workQueue": _row(200, READERS),
    "listAudit": _row(200, (AU,)),
    "getStats": _row(200, (AN,)),
    "getStatsChart": _row(200, (AN,)),
    "createWebhook": _row(201, WEBHOOK_SUBSCRIBERS),
    "listWebhooks": _row(200, WEBHOOK_MANAGERS),
    "getWebhook": _row(200, WEBHOOK_MANAGERS),
    "deleteWebhook": _row(204, WEBHOOK_MANAGERS),
    "listWebhookDeliveries": _row(200, WEBHOOK_MANAGERS),
    # A ping carries no case data: every role that manages webhooks (an admin too).
    "pingWebhook": _row(202, WEBHOOK_MANAGERS),
    "redeliverWebhookDelivery": _row(202, WEBHOOK_MANAGERS),
    "getCase": _case_row(200, READERS),
    # Found by its reference through the access policy: as getCase (a non-member: 404, below).
    "getCaseByReference": _case_row(200, READERS),
    "updateCase": _case_row(200, (CW, SV)),
    "closeCase": _case_row(200, (SV,)),
    "reopenCase": _case_row(200, (SV,)),
    "listParties": _case_row(200, READERS),
    "getParty": _case_row(200, READERS),
    # Parties after opening: casework (caseworkers and supervisors); an integration key may not
    # write identity it could never read back.
    "addParty": _case_row(201, (CW, SV)),
    "amendParty": _case_row(200, (CW, SV)),
    "recordConsent": _case_row(200, (CW, SV)),
    "removeParty": _case_row(200, (CW, SV)),
    "listMembers": _case_row(200, READERS),
    "shareCase": _case_row(201, (CW, SV)),
    "removeMember": _case_row(204, (SV,)),
    "addDiaryEntry": _case_row(201, (CW, SV, IN)),
    "addDiaryEntryBatch": _case_row(200, (CW, SV, IN)),
    "listDiaryEntries": _case_row(200, (CW, SV, AU, IN)),
    "getDiaryEntry": _case_row(200, (CW, SV, AU, IN)),
    "amendDiaryEntry": _case_row(201, (CW, SV, IN)),
    "addOfficerReport": _case_row(201, (CW, SV, IN)),
    "listIncidents": _case_row(200, (CW, SV, AU, IN)),
    "getIncident": _case_row(200, (CW, SV, AU, IN)),
    "reassessCase": _case_row(201, (CW, SV)),
    "listAssessments": _case_row(200, READERS),
    "addUpdate": _case_row(201, (CW, SV, IN)),
    "listUpdates": _case_row(200, READERS),
    "completeAction": _case_row(200, (CW, SV, IN)),
    "getTimeline": _case_row(200, READERS),
    "listCaseTargets": _case_row(200, READERS),
    "meetTarget": _case_row(200, (CW, SV)),
    # Giving a target to another member agency: casework, like meeting one.
    "reassignTarget": _case_row(200, (CW, SV)),
    "listEscalations": _case_row(200, READERS),
    "logCaseReview": _case_row(201, (CW, SV)),
    "listCaseReviews": _case_row(200, READERS),
    # Interventions: casework records and moves them; auditors and integrations read them; an
    # integration (a police system) may report a breach, which is an incident it may add.
    "recordIntervention": _case_row(201, (CW, SV)),
    "listInterventions": _case_row(200, (CW, SV, AU, IN)),
    "getIntervention": _case_row(200, (CW, SV, AU, IN)),
    "changeInterventionStatus": _case_row(200, (CW, SV)),
    "recordInterventionBreach": _case_row(201, (CW, SV, IN)),
    # The Case Review's steps: caseworkers record what happened (acknowledgement, the meeting,
    # an applicant's escalation request); the review body's decisions (threshold, outcome, the
    # escalation's result) are supervisors' (case_review.decide).
    "getCaseReview": _case_row(200, READERS),
    "acknowledgeCaseReview": _case_row(201, (CW, SV)),
    "decideCaseReview": _case_row(201, (SV,)),
    "recordCaseReviewMeeting": _case_row(201, (CW, SV)),
    "recordCaseReviewOutcome": _case_row(201, (SV,)),
    "escalateCaseReview": _case_row(201, (CW, SV)),
    "recordCaseReviewEscalationResult": _case_row(201, (SV,)),
    "listCaseClosures": _case_row(200, READERS),
    # Who looked the case's complainant up: the lead agency's supervisors and auditors.
    "getCaseRepeatCallerLookups": _case_row(200, (SV, AU)),
    # Data protection (issue 17): the officer's report, erasure and exports; holds also by a
    # supervisor, read by auditors. The officer finds its agency's member cases for these only.
    "getRetentionReport": _row(200, (DPO,)),
    "placeLegalHold": _case_row(201, (SV, DPO)),
    "listLegalHolds": _case_row(200, (SV, AU, DPO)),
    "releaseLegalHold": _case_row(200, (SV, DPO)),
    "eraseParty": _case_row(200, (DPO,)),
    "exportSubjectAccess": _case_row(200, (DPO,)),
    # The service directory: every role but admin (a rule in access.py, not a list).
    "listServices": _row(200, (CH, CW, SV, AU, AN, IN, DPO)),
    "getService": _row(200, (CH, CW, SV, AU, AN, IN, DPO)),
    # Referrals: casework makes them and records a keyless service's answer; auditors and
    # integrations read them; only a receiving service's key (an agency of kind victim_service
    # or other) has received ones, so a council's list is empty.
    "getSuggestedServices": _case_row(200, (CW, SV, AU, IN)),
    "makeReferral": _case_row(201, (CW, SV)),
    "listCaseReferrals": _case_row(200, (CW, SV, AU, IN)),
    "listReceivedReferrals": _row(200, (CW, SV, IN)),
    "getReferral": _case_row(200, (CW, SV, AU, IN)),
    "changeReferralState": _case_row(200, (CW, SV)),
}
# A non-member agency: 404 on every case path (it must not learn the case exists); another
# agency's webhook is likewise not found for the roles that manage webhooks.
NOT_OWNED_WEBHOOK = _row(404, WEBHOOK_MANAGERS)
NON_MEMBER_OVERRIDES = {
    "getWebhook": NOT_OWNED_WEBHOOK,
    "deleteWebhook": NOT_OWNED_WEBHOOK,
    "listWebhookDeliveries": NOT_OWNED_WEBHOOK,
    "pingWebhook": NOT_OWNED_WEBHOOK,
    "redeliverWebhookDelivery": NOT_OWNED_WEBHOOK,
    # A reference the caller may not see is answered like one that names no case.
    "getCaseByReference": dict.fromkeys(ROLES, 404),
    # A referral on a case the caller may not see (and not sent to its service): not found.
    "getReferral": dict.fromkeys(ROLES, 404),
    "changeReferralState": dict.fromkeys(ROLES, 404),
}


def operations() -> dict[str, tuple[str, str]]:
    """operationId -> (METHOD, path template), from openapi.yaml."""
    ops = {}
    for path, item in spec_dict()["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                ops[op["operationId"]] = (method.upper(), path)
    return ops


def expected(op_id: str, role: str, member: bool) -> int:
    path = operations()[op_id][1]
    if not member:
        if path.startswith("/v1/cases/{case_id}"):
            return 404
        if op_id in NON_MEMBER_OVERRIDES:
            return NON_MEMBER_OVERRIDES[op_id][role]
    return EXPECTED[op_id][role]


def test_every_operation_has_a_reviewed_row():
    ops = set(operations())
    assert ops - set(EXPECTED) == set(), "add these operations to the reviewed table"
    assert set(EXPECTED) - ops == set(), "these operations are no longer in openapi.yaml"
    for op_id, row in EXPECTED.items():
        assert set(row) == set(ROLES), op_id


# ----- the world every request runs against ------------------------------------------------------


@dataclass
class World:
    member: dict[str, object]  # role -> ContractClient of the member agency
    other: dict[str, object]  # role -> ContractClient of the non-member agency
    anonymous: object
    case_id: str
    entry_id: str
    action_id: str
    target_id: str
    webhook_id: str
    third_agency: str
    markers: dict[str, str]
    etag: str = ""
    seen: list[tuple[str, str, bool, str]] = field(default_factory=list)
    incident_id: str = ""
    party_id: str = ""
    reference: str = ""
    intervention_id: str = ""
    perpetrator_id: str = ""
    review_id: str = ""
    slug: str = ""
    hold_id: str = ""
    service_id: str = ""
    referral_id: str = ""
    delivery_id: str = ""


def _markers() -> dict[str, str]:
    tag = secrets.token_hex(4)
    markers = {
        "name": f"Ottoline Vantablack-{tag}",
        "phone": f"07700 9{int(tag, 16) % 100000:05d}",
        "email": f"complainant.{tag}@example.net",
        "address": f"{int(tag[:2], 16)} Quarrendon Mews {tag}, March",
    }
    PLANTED.update(markers.values())
    return markers


async def build_world(api, make_key, connection) -> World:
    slug = f"mx-m-{secrets.token_hex(3)}"
    other = f"mx-n-{secrets.token_hex(3)}"
    third = f"mx-x-{secrets.token_hex(3)}"
    member = {r: api.with_key(await make_key(slug, r)) for r in ROLES}
    others = {r: api.with_key(await make_key(other, r)) for r in ROLES}
    await make_key(third, "caseworker", kind="housing_provider")
    markers = _markers()
    r = await member[CH].post("/v1/cases", json={
        "area": "fenland", "summary": "Matrix case: abuse in the stairwell",
        "answers": {"repeat": True, "feels_targeted": True},
        "victim": {"role": "complainant", "name": markers["name"], "phone": markers["phone"],
                   "email": markers["email"], "address": markers["address"]},
        "consent": {"state": "given"},
    })
    assert r.status_code == 201, r.text
    cid, reference = r.json()["id"], r.json()["reference"]
    cw = member[CW]
    r = await cw.post(f"/v1/cases/{cid}/diary-entries", json=_entry())
    assert r.status_code == 201, r.text
    entry_id = r.json()["id"]
    r = await cw.post(f"/v1/cases/{cid}/updates", json={
        "kind": "action", "text": "Visit the victim", "owner_agency": slug,
        "due_at": (datetime.now(UTC) + timedelta(days=2)).isoformat()})
    assert r.status_code == 201, r.text
    action_id = r.json()["id"]
    targets = (await cw.get(f"/v1/cases/{cid}/targets")).json()["items"]
    # Not the multi-agency target: sharing the case (reassignTarget's preparation) meets it, and
    # first contact and multi-agency can fall due at the same time, ordered by random id.
    target_id = next(t["id"] for t in targets
                     if t["state"] == "due" and t["kind"] != "multi_agency")
    from asb_core.webhooks.models import EVENT_TYPES

    r = await cw.post("/v1/webhooks", json={"url": "https://hooks.example.org/asb",
                                            "event_types": list(EVENT_TYPES)})
    assert r.status_code == 201, r.text
    webhook_id = r.json()["id"]
    # A dead delivery, for redeliverWebhookDelivery (a pending one would be a 409).
    r = await cw.post(f"/v1/webhooks/{webhook_id}/ping")
    assert r.status_code == 202, r.text
    delivery_id = r.json()["id"]
    await connection.execute(text("UPDATE webhook_deliveries SET state = 'dead' WHERE id = :id"),
                             {"id": delivery_id})
    etag = (await cw.get(f"/v1/cases/{cid}")).headers["ETag"]
    incident_id = (await cw.get(f"/v1/cases/{cid}/incidents")).json()["items"][0]["id"]
    complainant = (await cw.get(f"/v1/cases/{cid}/parties")).json()["items"][0]["id"]
    # An alleged perpetrator and an issued warning letter against them.
    r = await cw.post(f"/v1/cases/{cid}/parties", json={"role": "alleged_perpetrator"})
    assert r.status_code == 201, r.text
    perpetrator = r.json()["id"]
    r = await cw.post(f"/v1/cases/{cid}/interventions", json={
        "type": "warning_letter", "against_party_id": perpetrator, "status": "issued",
        "issued_at": (datetime.now(UTC) - timedelta(days=1)).isoformat()})
    assert r.status_code == 201, r.text
    intervention_id = r.json()["id"]
    # A directory service in the case's area, and a referral of the complainant to it.
    service_id = await _directory(connection)
    r = await cw.post(f"/v1/cases/{cid}/referrals", json={
        "service_id": service_id, "need": "victim_support", "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    return World(member, others, api, cid, entry_id, action_id, target_id, webhook_id, third,
                 markers, etag, incident_id=incident_id, party_id=complainant,
                 reference=reference, intervention_id=intervention_id,
                 perpetrator_id=perpetrator, slug=slug, service_id=service_id,
                 referral_id=r.json()["id"], delivery_id=delivery_id)


async def _directory(connection) -> str:
    """One victim support service in Fenland, imported as a council would (ORUK JSON)."""
    import tempfile
    from pathlib import Path

    from sqlalchemy.ext.asyncio import async_sessionmaker

    from asb_core.directory.importer import import_directory
    from asb_core.directory.repository import service_uuid

    oruk_id = f"mx-svc-{secrets.token_hex(3)}"
    service = {"id": oruk_id, "name": "Matrix Victim Support",
               "organization": {"id": f"mx-org-{oruk_id}", "name": "Victim Support"},
               "service_areas": [{"service_area": "fenland"}],
               "contacts": [{"phones": [{"number": "0808 168 9111"}]}],
               "attributes": [{"taxonomy_term": {"code": "victim_support",
                                                 "vocabulary": "asb-referral-needs"}}]}
    maker = async_sessionmaker(bind=connection, expire_on_commit=False,
                               join_transaction_mode="create_savepoint")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "directory.json"
        path.write_text(json.dumps([service]))
        report = await import_directory(maker, path)
    assert report.created == 1, report.rejects
    return str(service_uuid(oruk_id))


def _entry(**over) -> dict:
    body = {"started_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(),
            "what_happened": "Shouting at the door", "category": "verbal_abuse"}
    body.update(over)
    return body


async def prepare(op_id: str, world: World) -> None:
    """State an operation needs before it can succeed (kept for all of its requests)."""
    sv = world.member[SV]
    if op_id == "reopenCase":
        r = await sv.post(f"/v1/cases/{world.case_id}/close", json={
            "outcome": "Resolved", "final_victim_update": "Told the victim",
                "victim_view": VICTIM_VIEW})
        assert r.status_code == 200, r.text
    if op_id == "removeParty":  # the complainant may go once the case has a victim
        r = await sv.post(f"/v1/cases/{world.case_id}/parties", json={"role": "victim"})
        assert r.status_code == 201, r.text
    if op_id == "releaseLegalHold":
        r = await sv.post(f"/v1/cases/{world.case_id}/legal-holds", json={"reason": "Matrix"})
        assert r.status_code == 201, r.text
        world.hold_id = r.json()["id"]
    if op_id in REVIEW_STEPS_BEFORE:
        await _review_steps(world, REVIEW_STEPS_BEFORE[op_id])
    if op_id in ("removeMember", "reassignTarget"):
        r = await sv.post(f"/v1/cases/{world.case_id}/members",
                          json={"agency": world.third_agency, "basis": "consent"})
        assert r.status_code == 201, r.text


REVIEW_STEP_OPS = {
    "acknowledgeCaseReview": "acknowledgement", "decideCaseReview": "decision",
    "recordCaseReviewMeeting": "meeting", "recordCaseReviewOutcome": "outcome",
    "escalateCaseReview": "escalation", "recordCaseReviewEscalationResult": "escalation/result",
}
# The case review steps an operation needs recorded first (applied in order).
REVIEW_STEP_ORDER = ("decision", "meeting", "outcome", "escalation")
REVIEW_STEPS_BEFORE = {
    "getCaseReview": 0, "acknowledgeCaseReview": 0, "decideCaseReview": 0,
    "recordCaseReviewMeeting": 1, "recordCaseReviewOutcome": 2, "escalateCaseReview": 1,
    "recordCaseReviewEscalationResult": 4,
}


async def _review_steps(world: World, steps: int) -> None:
    """Log an application, then record its first `steps` steps (REVIEW_STEP_ORDER)."""
    sv = world.member[SV]
    r = await sv.post(f"/v1/cases/{world.case_id}/case-review",
                      json={"applicant_description": "The victim, by phone"})
    assert r.status_code == 201, r.text
    world.review_id = r.json()["id"]
    for step in REVIEW_STEP_ORDER[:steps]:
        body = review_bodies(world)[step]
        r = await sv.post(f"/v1/cases/{world.case_id}/case-review/{world.review_id}/{step}",
                          json=body)
        assert r.status_code == 201, r.text


def review_bodies(world: World) -> dict:
    today = datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    return {
        "acknowledgement": {},
        "decision": {"threshold_met": True, "decision": "Met: three complaints"},
        "meeting": {"held_on": today, "agencies_present": [world.slug], "recommendations": [
            {"text": "Serve a CPW", "owner_agency": world.slug,
             "due_at": (datetime.now(UTC) + timedelta(days=14)).isoformat()}]},
        "outcome": {"outcome": "A CPW will be served"},
        "escalation": {"grounds": "Not enough done about the noise"},
        "escalation/result": {"result": "review_upheld", "detail": "The review stands"},
    }


def request_for(op_id: str, world: World) -> tuple[str, str, dict]:
    """(METHOD, concrete path, httpx keyword arguments) for one call of the operation."""
    method, template = operations()[op_id]
    path = template.format(case_id=world.case_id, entry_id=world.entry_id,
                           update_id=world.action_id, target_id=world.target_id,
                           webhook_id=world.webhook_id, agency=world.third_agency,
                           incident_id=world.incident_id, party_id=world.party_id,
                           reference=world.reference, intervention_id=world.intervention_id,
                           review_id=world.review_id, hold_id=world.hold_id,
                           service_id=world.service_id, referral_id=world.referral_id,
                           delivery_id=world.delivery_id)
    bodies = {
        "evaluateAssessment": {"answers": {"repeat": True}},
        "repeatCallerLookup": {"phone": "07700 900000", "area": "fenland"},
        "openCase": {"area": "fenland", "answers": {"repeat": True},
                     "victim": {"role": "victim", "name": "Second Victim"},
                     "consent": {"state": "given"}},
        "updateCase": {"summary": "Changed in the matrix"},
        "closeCase": {"outcome": "Resolved", "final_victim_update": "Told the victim",
            "victim_view": VICTIM_VIEW},
        "reopenCase": {"reason": "A new incident"},
        "shareCase": {"agency": world.third_agency, "basis": "consent"},
        "addDiaryEntry": _entry(),
        "addDiaryEntryBatch": {"items": [{"idempotency_key": "matrix-batch-1",
                                          "entry": _entry()}]},
        "amendDiaryEntry": _entry(what_happened="Shouting at the door, and kicking it"),
        "addOfficerReport": {"occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
                             "category": "intimidation",
                             "account": "Attended; shouting at the door"},
        "reassessCase": {"answers": {"repeat": True, "sleep_affected": True}},
        "addUpdate": {"kind": "update", "text": "Spoke to the neighbour"},
        "meetTarget": {},
        "reassignTarget": {"owner_agency": world.third_agency,
                           "reason": "The housing provider visits the victim weekly"},
        "recordIntervention": {"type": "verbal_warning",
                               "against_party_id": world.perpetrator_id},
        "changeInterventionStatus": {"status": "discharged", "reason": "Complied"},
        "recordInterventionBreach": {
            "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
            "account": "Shouting at the door again", "category": "verbal_abuse"},
        "logCaseReview": {"applicant_description": "The victim, by phone"},
        "addParty": {"role": "witness", "name": "Matrix Witness"},
        "amendParty": {"phone": "01354 000 999"},
        "recordConsent": {"state": "refused", "legal_basis": "Crime and Disorder Act 1998 s115"},
        "removeParty": {"reason": "Added in error"},
        "placeLegalHold": {"reason": "Claim pending"},
        "releaseLegalHold": {"reason": "Claim settled"},
        "eraseParty": {"request_reference": "M-1", "reason": "UK GDPR Art 17"},
        **{op: review_bodies(world)[step] for op, step in REVIEW_STEP_OPS.items()},
        "makeReferral": {"service_id": world.service_id, "need": "victim_support",
                         "consent": {"state": "given"}},
        "changeReferralState": {"state": "no_response"},
        "createWebhook": {"url": "https://hooks.example.org/other",
                          "event_types": ["case.shared"]},
    }
    kwargs: dict = {}
    if op_id in bodies:
        kwargs["json"] = bodies[op_id]
    if op_id == "amendParty":
        kwargs["headers"] = {"If-Match": '"1"'}
    if op_id == "updateCase":
        kwargs["headers"] = {"If-Match": world.etag,
                             "Content-Type": "application/merge-patch+json"}
        kwargs["content"] = json.dumps(kwargs.pop("json"))
    if op_id == "removeMember":
        kwargs["params"] = {"reason": "No longer involved"}
    return method, path, kwargs


def _client(world: World, role: str, member: bool, op_id: str):
    if op_id in {"getHealth", "getReady", "getMetrics", "getEmbedAssessmentPage"}:
        return world.anonymous
    return (world.member if member else world.other)[role]


async def call(world: World, connection, op_id: str, role: str, member: bool):
    """One request, rolled back afterwards (a SAVEPOINT around the app's own)."""
    method, path, kwargs = request_for(op_id, world)
    savepoint = await connection.begin_nested()
    try:
        return await _client(world, role, member, op_id).request(method, path, **kwargs)
    finally:
        if savepoint.is_active:
            await savepoint.rollback()


def assert_no_markers(world: World, body: str, where: str) -> None:
    for what, marker in world.markers.items():
        assert marker not in body, f"restricted {what} leaked in {where}"


def may_see_identity(op_id: str, role: str, member: bool) -> bool:
    """Whether the complainant's identity may be in the answer: the parties' reads for a
    member's caseworker or supervisor, and the complainant's own subject access export for a
    member's data protection officer."""
    return member and ((role in (CW, SV) and op_id in ("listParties", "getParty"))
                       or (role == DPO and op_id == "exportSubjectAccess"))


OPS = sorted(EXPECTED)


@pytest.mark.parametrize("op_id", OPS)
async def test_authorisation_matrix(op_id, api, make_key, connection):
    world = await build_world(api, make_key, connection)
    await prepare(op_id, world)
    wrong = []
    for member in (True, False):
        for role in ROLES:
            r = await call(world, connection, op_id, role, member)
            want = expected(op_id, role, member)
            who = f"{role} of a {'member' if member else 'non-member'} agency"
            if r.status_code != want:
                wrong.append(f"{who}: {r.status_code} (expected {want}) {r.text[:200]}")
            if r.status_code >= 400:
                assert r.headers["content-type"].startswith("application/problem+json"), who
            # The restricted identity: only a member's caseworker or supervisor, only here (and
            # the subject's own, in the officer's subject access export of the complainant).
            if not may_see_identity(op_id, role, member):
                assert_no_markers(world, r.text, f"{op_id} as {who}")
    assert not wrong, f"{op_id}:\n" + "\n".join(wrong)


async def test_restricted_identity_only_for_member_caseworkers(api, make_key, connection):
    """Every GET as every role, member and not: the markers only in a member caseworker's or
    supervisor's parties list; never in an outbox event or webhook body."""
    from asb_core.worker import event_body

    world = await build_world(api, make_key, connection)
    # Events of every kind the case can raise: shared, level changed, escalation, diary, closed.
    sv = world.member[SV]
    await sv.post(f"/v1/cases/{world.case_id}/members",
                  json={"agency": world.third_agency, "basis": "consent"})
    await sv.post(f"/v1/cases/{world.case_id}/diary-entries", json=_entry(
        category="threats", what_happened="Threatened with a knife",
        hostility_perceived=["race"], hostility_perceived_by="victim", hostility_asked=True))
    await _review_steps(world, 0)  # a case review application to read (getCaseReview)
    gets = [op for op, (method, _) in operations().items() if method == "GET"]
    shown = 0
    for op_id in gets:
        for member in (True, False):
            for role in ROLES:
                r = await call(world, connection, op_id, role, member)
                may_see = may_see_identity(op_id, role, member)
                if may_see:
                    assert r.status_code == 200
                    for marker in world.markers.values():
                        assert marker in r.text  # the check below is not vacuous
                    shown += 1
                else:
                    assert_no_markers(world, r.text, f"{op_id} as {role} member={member}")
    assert shown == 5
    await sv.post(f"/v1/cases/{world.case_id}/close", json={
        "outcome": "Resolved", "final_victim_update": "Told the victim",
            "victim_view": VICTIM_VIEW})
    rows = (await connection.execute(text(
        "SELECT id, event_type, seq, occurred_at, payload FROM outbox_events "
        "WHERE case_id = :cid"), {"cid": world.case_id})).all()
    assert {r.event_type for r in rows} >= {"case.shared", "diary_entry.added", "case.closed"}
    for row in rows:
        body = event_body(row.id, row.event_type, row.seq, row.occurred_at, row.payload)
        assert_no_markers(world, body.decode(), f"webhook {row.event_type}")


async def test_a_receiving_service_gets_404_for_everything_not_sent_to_it(api, make_key,
                                                                          connection):
    """A victim service's own key (it answers referrals sent to it) learns nothing of a case or
    a referral sent elsewhere: 404 on every case path and every referral path, its inbox empty."""
    world = await build_world(api, make_key, connection)
    await _review_steps(world, 0)  # a case review application, for its paths
    await prepare("releaseLegalHold", world)  # and a legal hold, for its path
    service = api.with_key(await make_key(f"mx-v-{secrets.token_hex(3)}", IN,
                                          kind="victim_service"))
    wrong, tried = [], 0
    for op_id, (_, template) in operations().items():
        if not template.startswith(("/v1/cases/{case_id}", "/v1/referrals/{referral_id}")):
            continue
        method, path, kwargs = request_for(op_id, world)
        savepoint = await connection.begin_nested()
        try:
            r = await service.request(method, path, **kwargs)
        finally:
            if savepoint.is_active:
                await savepoint.rollback()
        tried += 1
        if r.status_code != 404:
            wrong.append(f"{op_id}: {r.status_code} {r.text[:200]}")
        assert_no_markers(world, r.text, f"{op_id} as a receiving service")
    assert not wrong, "\n".join(wrong)
    assert tried > 50
    inbox = await service.get("/v1/referrals")
    assert inbox.status_code == 200 and inbox.json()["items"] == []
