"""Domain objects to JSON bodies, field by field as openapi.yaml describes them.

Only fields named here leave the server: a column added to a model is not exposed until it is
added here and to the contract. Restricted identity appears only in `party`, and only when the
service filled it in for a permitted role.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import harm_model as hm


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple | frozenset | set):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    if hasattr(value, "to_dict"):
        return _value(value.to_dict())
    return value


def _pick(obj: Any, fields: tuple[str, ...], aliases: dict[str, str] | None = None) -> dict:
    aliases = aliases or {}
    out = {}
    for name in fields:
        source = aliases.get(name, name)
        out[name] = _value(obj.get(source) if isinstance(obj, dict) else getattr(obj, source))
    return out


CASE_FIELDS = (
    "id", "reference", "area", "status", "risk_level", "lead_agency", "member_agencies",
    "version", "opened_at", "closed_at", "outcome", "flags", "summary", "created_by_agency",
    "updated_at",
)


def case(obj: Any) -> dict:
    return _pick(obj, CASE_FIELDS, {
        "lead_agency": "lead_agency_slug", "created_by_agency": "created_by_agency_slug",
    })


def party(view: Any) -> dict:
    return _pick(view, ("id", "role", "display_name", "version", "consent", "restricted",
                        "removed", "erased"))


def member(obj: Any) -> dict:
    return _pick(obj, ("agency", "since", "invited_by_agency", "consent_basis", "legal_basis"), {
        "agency": "agency_slug", "invited_by_agency": "invited_by_agency_slug",
    })


DIARY_FIELDS = (
    "id", "case_id", "started_at", "duration_minutes", "location", "what_happened",
    "responsible", "witnesses", "effect_on_victim", "reported_to", "reported_reference",
    "category", "nsir_type", "severity", "hostility_perceived", "hostility_perceived_by",
    "hostility_asked", "victim_feels_targeted", "source_system", "amends", "same_as",
    "reported_at", "author_agency", "recorded_at", "acknowledged_at", "acknowledgement_reference",
)


def diary_entry(obj: Any) -> dict:
    return _pick(obj, DIARY_FIELDS, {"author_agency": "author_agency_slug"})


INCIDENT_FIELDS = (
    "id", "case_id", "source", "diary_entry_id", "evidence_id", "occurred_at", "reported_at",
    "category", "nsir_type", "severity", "hostility_perceived", "hostility_perceived_by",
    "hostility_asked", "victim_feels_targeted", "reported_by_agency", "same_as", "account",
    "officer_reference", "location",
)


def incident(obj: Any) -> dict:
    return _pick(obj, INCIDENT_FIELDS, {
        "hostility_perceived": "hostility_strands",
        "reported_by_agency": "reported_by_agency_slug",
    })


INTERVENTION_FIELDS = (
    "id", "case_id", "type", "against_party_id", "premises", "issuing_agency",
    "recorded_by_agency", "status", "status_reason", "issued_at", "served_at", "expires_at",
    "conditions", "documents", "power_of_arrest", "court", "breach_in_law", "breach_count",
    "last_breach_incident_id", "created_at", "updated_at",
)


def intervention(obj: Any) -> dict:
    return _pick(obj, INTERVENTION_FIELDS, {
        "issuing_agency": "issuing_agency_slug",
        "recorded_by_agency": "recorded_by_agency_slug",
    })


def assessment(obj: Any) -> dict:
    return _pick(obj, (
        "id", "case_id", "answers", "policy_version", "score", "computed_level", "level",
        "reasons", "judgement", "assessed_at", "assessed_by_agency",
    ), {"assessed_by_agency": "assessed_by_agency_slug"})


def update(obj: Any) -> dict:
    return _pick(obj, (
        "id", "case_id", "kind", "text", "author_agency", "owner_agency", "due_at", "done",
        "done_at", "created_at",
    ), {"author_agency": "author_agency_slug", "owner_agency": "owner_agency_slug"})


TARGET_FIELDS = (
    "id", "case_id", "kind", "level", "started_at", "due_at", "state", "met_at",
    "met_by_agency", "late_reason", "owner_agency",
)


def target(obj: Any) -> dict:
    return _pick(obj, TARGET_FIELDS, {"met_by_agency": "met_by_agency_slug",
                                      "owner_agency": "owner_agency_slug"})


def queue_item(obj: Any, case_reference: str) -> dict:
    return {**target(obj), "case_reference": case_reference}


def flag(obj: Any) -> dict:
    return _pick(obj, (
        "id", "case_id", "rule_id", "evidence", "raised_at", "cleared_at", "text",
        "follow_up_target_id",
    ))


def timeline_item(obj: Any) -> dict:
    return _pick(obj, ("at", "kind", "id", "agency", "summary"))


def case_review(obj: Any) -> dict:
    out = _pick(obj, (
        "id", "case_id", "applicant", "applied_at", "qualifying", "acknowledge_by", "decide_by",
        "decision", "decided_at", "acknowledged_at", "threshold_met", "outcome_by", "outcome",
        "outcome_sent_at",
    ), {"applicant": "applicant_description"})
    out["meeting"] = None if obj.meeting_held_on is None else {
        "held_on": _value(obj.meeting_held_on), "agencies_present": list(obj.meeting_agencies)}
    out["recommendations"] = [recommendation(r) for r in obj.recommendations]
    out["escalation"] = None if obj.escalation_requested_at is None else _pick(obj, (
        "requested_at", "escalated_to", "grounds", "result", "result_detail", "result_at",
    ), {"requested_at": "escalation_requested_at", "grounds": "escalation_grounds",
        "result": "escalation_result", "result_detail": "escalation_result_detail",
        "result_at": "escalation_result_at"})
    return out


def recommendation(obj: Any) -> dict:
    return _pick(obj, ("id", "text", "owner_agency", "due_at", "action_id", "target_id"),
                 {"owner_agency": "owner_agency_slug"})


def case_closure(obj: Any) -> dict:
    out = _pick(obj, ("id", "case_id", "closed_at", "closed_by_agency", "outcome",
                      "risk_level", "reopened_at", "reopen_reason"),
                {"closed_by_agency": "closed_by_agency_slug"})
    out["victim_view"] = _pick(obj, (
        "satisfied", "kept_informed", "feels_safer", "comment", "not_asked_reason"), {
        "satisfied": "victim_satisfied", "kept_informed": "victim_kept_informed",
        "feels_safer": "victim_feels_safer", "comment": "victim_comment"})
    return out


def audit_event(obj: Any) -> dict:
    return _pick(obj, (
        "seq", "at", "principal_id", "agency", "role", "action", "case_id", "entity",
        "entity_id", "fields", "justification", "hash", "prev_hash",
    ))


def legal_hold(h: Any) -> dict:
    out = _pick(h, ("id", "case_id", "reason", "until", "placed_at", "released_at",
                    "release_reason"))
    out["placed_by_agency"] = h.placed_by_agency.slug
    out["released_by_agency"] = h.released_by_agency.slug if h.released_by_agency else None
    return out


def erasure(result: Any) -> dict:
    return _pick(result, ("party_id", "role", "display_name", "erased_at", "fields",
                          "free_text", "changed"))


def retention_report(report: Any) -> dict:
    return {
        "at": _value(report.at),
        "dry_run": report.dry_run,
        "schedules": [_pick(s, ("agency_kind", "anonymise_after_days", "basis"))
                      for s in report.schedules],
        "due": [_pick(d, ("case_id", "reference", "lead_agency_kind", "schedule", "closed_at",
                          "due_at")) for d in report.due],
        "held": [_pick(h, ("case_id", "reference", "due_at", "hold_id", "until"))
                 for h in report.held],
        "changes": {t: n for t, n in sorted(report.changes.items()) if n},
    }


def directory_service(obj: Any) -> dict:
    """A directory service in the Open Referral UK shape (ORUK 3 names), with the needs it meets
    as taxonomy terms and how a referral reaches it."""
    labels = hm.get_policy().referrals.needs
    org = obj.organization
    return _value({
        "id": obj.id, "oruk_id": obj.oruk_id, "name": obj.name,
        "description": obj.description, "url": obj.url, "email": obj.email,
        "status": obj.status,
        "organization": {"id": org.id, "oruk_id": org.oruk_id, "name": org.name,
                         "description": org.description, "email": org.email,
                         "website": org.website},
        "service_areas": [{"service_area": a} for a in obj.areas],
        "eligibility_description": obj.eligibility_description,
        "minimum_age": obj.minimum_age, "maximum_age": obj.maximum_age,
        "contacts": [{"name": c.get("name"), "title": c.get("title"), "email": c.get("email"),
                      "phones": [{"number": p["number"]} for p in c.get("phones", [])]}
                     for c in obj.contacts],
        "schedules": [{"freq": (s.get("freq") or "").upper() or None,
                       "byday": s.get("byday") or s.get("weekday"), "opens_at": s["opens_at"],
                       "closes_at": s["closes_at"], "description": s.get("description")}
                      for s in obj.schedules],
        "attributes": [{"taxonomy_term": {"code": n, "name": labels.get(n, n),
                                          "vocabulary": "asb-referral-needs"}}
                       for n in obj.needs],
        "needs": obj.needs, "out_of_hours": obj.out_of_hours,
        "referral": {"method": obj.referral_method, "email": obj.referral_email,
                     "phone": obj.referral_phone,
                     "answered_through_api": org.agency_id is not None},
    })


def referral(view: Any) -> dict:
    """A referral (a `ReferralView`): nothing identifying unless `shared` was filled in for the
    receiving service or a restricted role."""
    r, target = view.referral, view.handover
    out = _value({
        "id": r.id, "case_id": r.case_id,
        "service": {"id": r.service.id, "name": r.service.name,
                    "organization": r.service.organization.name,
                    "referral_method": r.service.referral_method},
        "need": r.need, "level": r.level, "area": r.area, "state": r.state,
        "consent_basis": r.consent_basis, "legal_basis": r.legal_basis,
        "shared_fields": r.shared_fields, "decline_reason": r.reason,
        "outcome": r.outcome, "referring_agency": r.referring_agency.slug,
        "answered_by": "service" if r.receiving_agency_id else "referring_officer",
        "handover_target": None if target is None else {
            "id": target.id, "state": target.state, "due_at": target.due_at,
            "met_at": target.met_at},
        "sent_at": r.sent_at, "answered_at": r.answered_at, "accepted_at": r.accepted_at,
        "closed_at": r.closed_at, "updated_at": r.updated_at,
    })
    shared = None
    if view.shared is not None:
        # Every field named, those not shared null.
        shared = dict.fromkeys(SHARED_FIELDS) | _value(view.shared)
    out["shared"] = shared
    return out


SHARED_FIELDS = ("need", "level", "first_name", "full_name", "contact_route", "phone", "email",
                 "address", "date_of_birth")


def suggestions(result: Any) -> dict:
    return _value({
        "case_id": result.case_id, "policy_version": result.policy_version,
        "level": result.level, "area": result.area, "needs": result.needs,
        "items": [{"rank": s.rank, "service": directory_service(s.service), "needs": s.needs,
                   "urgent": s.urgent, "reasons": s.reasons, "open_now": s.open_now,
                   "already_referred": s.already_referred} for s in result.items],
    })
