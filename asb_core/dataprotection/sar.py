"""Subject access: everything held about one data subject across the cases of the caller's
agency's membership, as a JSON document and a readable HTML page.

The subject is a party of a case; the same person on other cases is a party (not erased) with
the same name (case and spacing ignored) and at least one other identifier in common: date of
birth, phone digits, email or address. What each case gives depends on the subject's role:

- a victim or complainant: the case's facts, the risk level, their own diary entries (their
  words) and the updates they were given, with every other party's identity values replaced by
  `[third party]` (withheld for review by hand when the case has another victim or
  complainant: entries are not recorded against one person);
- an alleged perpetrator: the case's facts, the incidents recorded on it (when, category, NSIR
  type, severity, hostility strands: no account, location or reporter, so nothing can point at
  who complained) and the interventions against them (conditions with third parties' values
  replaced); other people's accounts are withheld, and nothing of the complainant is included;
- a witness: the case's facts and their own identity.

A victim or complainant is also told of every referral made of them: to which service, for what
need, on what basis, and what it was told (the recipients of their data).

Every export is audited: one `sar.export` event on each case's chain (fields read, the subject's
role, how many other parties' identities were read to redact them) and one on the agency's chain
with the count of cases. The document never holds another party's identity.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases.models import Case
from asb_core.dataprotection.holds import load_case
from asb_core.errors import NotFound
from asb_core.incidents.models import DiaryEntry, Incident
from asb_core.interventions.models import Intervention
from asb_core.parties import repository as party_repo
from asb_core.parties.models import CALLER_ROLES, RESTRICTED_FIELDS, Party, PartyIdentity
from asb_core.referrals.models import Referral, ReferralDisclosure
from asb_core.uow import unit_of_work
from asb_core.updates.models import Update

THIRD_PARTY = "[third party]"
WITHHELD = ("Accounts and descriptions given by other people are withheld: they are third "
            "parties' information (Data Protection Act 2018, Schedule 2 paragraph 16).")
SHARED = ("The case has another victim or complainant, and diary entries and updates are not "
          "recorded against one person: they are withheld here for the lead agency to review "
          "by hand.")
MATCH_RULE = ("the same name and at least one of: date of birth, phone, email or address")


def _norm_name(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def _digits(v: str | None) -> str:
    return re.sub(r"\D", "", v or "")


def _same_person(a: dict, b: dict) -> bool:
    if not _norm_name(a.get("name")) or _norm_name(a.get("name")) != _norm_name(b.get("name")):
        return False
    return any((
        a.get("date_of_birth") is not None and a.get("date_of_birth") == b.get("date_of_birth"),
        len(_digits(a.get("phone"))) >= 6 and _digits(a.get("phone")) == _digits(b.get("phone")),
        bool(a.get("email")) and (a["email"] or "").lower() == (b.get("email") or "").lower(),
        bool(a.get("address")) and _norm_name(a["address"]) == _norm_name(b.get("address")),
    ))


def _identity(i: PartyIdentity | None) -> dict:
    return {f: getattr(i, f, None) for f in RESTRICTED_FIELDS}


def _redactor(others: list[dict]):
    """A function replacing other people's identity values in a text (as
    `redaction.pattern`, but every part of a name of 3 letters or more as a word too)."""
    parts: list[str] = []
    for v in others:
        words = (v.get("name") or "").split()
        if words:
            parts.append(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b")
            # Any part of another person's name on its own too ("Abdul's car"): in an export,
            # redacting a word too many is the safe side.
            parts.extend(r"\b" + re.escape(w) + r"\b" for w in words if len(w) >= 3)
        digits = _digits(v.get("phone"))
        if len(digits) >= 6:
            parts.append(r"[\s-]*".join(digits))
        for key in ("email", "address"):
            if v.get(key):
                parts.append(re.escape(v[key].strip()))
    if not parts:
        return lambda s: s
    rx = re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)
    return lambda s: rx.sub(THIRD_PARTY, s) if isinstance(s, str) else s


def _t(value: datetime | date | None) -> str | None:
    """RFC 3339 in UTC (`...Z`) for a time, ISO for a date."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat() if value is not None else None


async def _matches(session: AsyncSession, actor: Actor, subject: Party,
                   values: dict) -> list[Party]:
    """The subject's party on every case the caller may do data protection work on."""
    if not _norm_name(values.get("name")):
        return [subject]
    rows = (await session.execute(
        select(Party, PartyIdentity).join(PartyIdentity, PartyIdentity.party_id == Party.id)
        .join(Case, Case.id == Party.case_id)
        .where(access.data_protection_filter(actor), Party.erased_at.is_(None),
               func.lower(func.regexp_replace(func.trim(PartyIdentity.name), r"\s+", " ", "g"))
               == _norm_name(values.get("name")))
        .order_by(Case.opened_at, Party.created_at)
    )).all()
    found = [p for p, i in rows if p.id == subject.id or _same_person(values, _identity(i))]
    return found if any(p.id == subject.id for p in found) else [subject, *found]


async def _case_part(session: AsyncSession, case: Case, party: Party, redact,
                     shared_with_callers: bool) -> dict:
    part: dict = {
        "case_reference": case.reference, "area": case.area, "status": case.status,
        "opened_at": _t(case.opened_at), "closed_at": _t(case.closed_at),
        "lead_agency": case.lead_agency_slug, "your_role": party.role,
        "your_label": party.display_name,
        "consent": {"state": party.consent_state, "recorded_at": _t(party.consent_recorded_at)},
        "removed_from_case_at": _t(party.removed_at),
        # Every key is always present; what the subject's role does not give is null.
        "risk_level": None, "diary_entries": None, "updates_given_to_you": None,
        "incidents": None, "interventions_against_you": None, "withheld": None,
        "referrals_of_you": None,
    }
    if party.role in ("victim", "complainant"):
        # Referrals are made for one party: who was told what about the subject, and when.
        part["referrals_of_you"] = await _referrals_of(session, party)
    if party.role in ("victim", "complainant") and shared_with_callers:
        # Diary sheets and victim updates are not attributed to one party: with another victim
        # or complainant on the case they may be that person's words.
        part["risk_level"] = case.risk_level
        part["withheld"] = SHARED
    elif party.role in ("victim", "complainant"):
        part["risk_level"] = case.risk_level
        entries = (await session.execute(select(DiaryEntry).where(DiaryEntry.case_id == case.id)
                                         .order_by(DiaryEntry.started_at))).scalars()
        part["diary_entries"] = [{
            "reference": e.acknowledgement_reference, "started_at": _t(e.started_at),
            "recorded_at": _t(e.recorded_at), "category": e.category, "severity": e.severity,
            "location": redact(e.location), "what_happened": redact(e.what_happened),
            "responsible": redact(e.responsible), "witnesses": redact(e.witnesses),
            "effect_on_you": redact(e.effect_on_victim), "reported_to": redact(e.reported_to),
            "hostility_perceived": list(e.hostility_perceived or []),
        } for e in entries]
        updates = (await session.execute(
            select(Update).where(Update.case_id == case.id, Update.kind == "victim_update")
            .order_by(Update.created_at))).scalars()
        part["updates_given_to_you"] = [{"at": _t(u.created_at), "text": redact(u.text)}
                                        for u in updates]
    elif party.role == "alleged_perpetrator":
        incidents = (await session.execute(select(Incident).where(Incident.case_id == case.id)
                                           .order_by(Incident.occurred_at))).scalars()
        part["incidents"] = [{
            "occurred_at": _t(i.occurred_at), "category": i.category, "nsir_type": i.nsir_type,
            "severity": i.severity, "hostility_perceived": list(i.hostility_strands or []),
        } for i in incidents]
        interventions = (await session.execute(
            select(Intervention).where(Intervention.case_id == case.id,
                                       Intervention.against_party_id == party.id)
            .order_by(Intervention.created_at))).scalars()
        part["interventions_against_you"] = [{
            "type": i.type, "status": i.status, "issued_at": _t(i.issued_at),
            "served_at": _t(i.served_at), "expires_at": _t(i.expires_at),
            "conditions": [redact(c) for c in (i.conditions or [])],
        } for i in interventions]
        part["withheld"] = WITHHELD
    else:
        part["withheld"] = WITHHELD
    return part


async def _referrals_of(session: AsyncSession, party: Party) -> list[dict]:
    rows = (await session.execute(
        select(Referral, ReferralDisclosure.data)
        .outerjoin(ReferralDisclosure, ReferralDisclosure.referral_id == Referral.id)
        .where(Referral.party_id == party.id).order_by(Referral.sent_at))).all()
    return [{
        "service": r.service.name, "organization": r.service.organization.name,
        "need": r.need, "state": r.state, "sent_at": _t(r.sent_at),
        "consent_basis": r.consent_basis, "shared_fields": list(r.shared_fields),
        "shared": dict(data) if data is not None else None,
    } for r, data in rows]


@unit_of_work
async def export(session: AsyncSession, actor: Actor, case_id: object, party_id: object, *,
                 fmt: str = "json", now: datetime | None = None) -> dict:
    """The subject access document for the party `party_id` of case `case_id` (audited)."""
    now = clock.utcnow(now)
    case = await load_case(session, actor, case_id, "sar.export")
    subject = await party_repo.party_of_case(session, case.id,
                                             access.parse_uuid(party_id, "party"))
    if subject is None:
        raise NotFound(f"no party {party_id} on case {case.reference}")
    values = _identity((await party_repo.identities(session, [subject.id])).get(subject.id))
    matches = await _matches(session, actor, subject, values)
    cases: list[dict] = []
    for party in matches:
        its_case = (await session.execute(select(Case).where(Case.id == party.case_id))
                    ).unique().scalar_one()
        others = [p for p in await party_repo.parties_of_case(session, its_case.id,
                                                              include_removed=True)
                  if p.id != party.id]
        identities = await party_repo.identities(session, [p.id for p in others])
        redact = _redactor([_identity(identities.get(p.id)) for p in others])
        callers = any(p.role in CALLER_ROLES and p.removed_at is None for p in others)
        cases.append(await _case_part(session, its_case, party, redact, callers))
        await audit.record(
            session, actor, "sar.export", case_id=its_case.id, entity="party",
            entity_id=party.id, fields=RESTRICTED_FIELDS, at=now,
            detail={"subject_party": str(subject.id), "role": party.role, "format": fmt,
                    "third_parties_read_for_redaction": len(identities)})
    await audit.record(session, actor, "sar.export", entity="party", entity_id=subject.id,
                       at=now, detail={"cases": len(cases), "format": fmt})
    dob = values.get("date_of_birth")
    return {
        "generated_at": _t(now),
        "generated_by": {"agency": actor.agency_slug, "role": actor.role},
        "subject": {"party_id": str(subject.id),
                    "identity": {**values, "date_of_birth": _t(dob)}},
        "matched_by": MATCH_RULE,
        "redaction": (f"Other people's names, phone numbers, emails and addresses are shown "
                      f"as {THIRD_PARTY}."),
        "cases": cases,
    }


def _html_value(v: object) -> str:
    if isinstance(v, list):
        if not v:
            return "<em>none</em>"
        if all(isinstance(x, dict) for x in v):
            return "".join(f"<div class='item'>{_html_dict(x)}</div>" for x in v)
        return html.escape(", ".join(str(x) for x in v))
    if isinstance(v, dict):
        return _html_dict(v)
    return "<em>none</em>" if v is None else html.escape(str(v))


def _html_dict(d: dict) -> str:
    rows = "".join(f"<tr><th scope='row'>{html.escape(k.replace('_', ' '))}</th>"
                   f"<td>{_html_value(v)}</td></tr>" for k, v in d.items())
    return f"<table>{rows}</table>"


def to_html(doc: dict) -> str:
    """The document as one readable, self-contained HTML page (every value escaped)."""
    cases = "".join(
        f"<section><h2>Case {html.escape(c['case_reference'])}</h2>"
        f"{_html_dict({k: v for k, v in c.items() if v is not None})}</section>"
        for c in doc["cases"])
    head = {k: doc[k] for k in ("generated_at", "generated_by", "matched_by", "redaction")}
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Subject access export</title><style>body{font-family:sans-serif;max-width:60em;"
        "margin:auto}th{text-align:left;vertical-align:top;padding-right:1em}"
        ".item{border-top:1px solid #ccc;margin:.3em 0}</style></head><body>"
        "<h1>Subject access export</h1>"
        f"<section><h2>About this export</h2>{_html_dict(head)}</section>"
        f"<section><h2>Your details</h2>{_html_dict(doc['subject']['identity'])}</section>"
        f"{cases or '<p>No case holds information about you.</p>'}</body></html>")

