"""Importing a council's service directory (`asb directory import FILE`): Open Referral UK JSON
or the documented CSV (docs/directory-import.md).

Every service is validated through the one input model (`schemas.ServiceIn`); the valid ones are
written and each invalid one goes to a rejects file, one line per bad field (record, service id,
field, message; no cell written as a spreadsheet formula). Writing is idempotent: rows are keyed
by the directory's own ids and updated only when their content changed, so importing the same
file again writes nothing. Services are written in batches, one transaction each; `progress` is
called after each batch with (done, total) so the command can draw its bar.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from asb_core import access
from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.audit import chain as audit
from asb_core.directory import hours
from asb_core.directory import repository as repo
from asb_core.directory.models import DirectoryOrganization, DirectoryService
from asb_core.directory.schemas import (
    NEEDS_VOCABULARY,
    ServiceIn,
    field_errors,
    known_needs,
    need_errors,
    raw_terms,
)
from asb_core.incidents.importer import spreadsheet_safe

MAX_RECORDS = 100_000
LIST_SEP = ";"
# The CSV format, one service per row (docs/directory-import.md).
CSV_COLUMNS = (
    "service_id", "service_name", "service_description", "service_url", "service_email",
    "status", "organization_id", "organization_name", "organization_description",
    "organization_email", "organization_website", "organization_agency", "service_areas",
    "needs", "eligibility_description", "minimum_age", "maximum_age", "contact_name",
    "contact_title", "contact_phone", "contact_email", "schedules", "referral_method",
    "referral_email", "referral_phone",
)
CSV_REQUIRED = ("service_id", "service_name", "organization_id", "organization_name",
                "service_areas", "needs")


@dataclass
class Reject:
    record: int
    service_id: str
    errors: list[dict]


@dataclass
class DirectoryImportReport:
    records: int = 0
    valid: int = 0
    invalid: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organizations_created: int = 0
    organizations_updated: int = 0
    rejects: list[Reject] = field(default_factory=list)
    rejects_path: Path | None = None
    file_errors: list[str] = field(default_factory=list)


class FileProblem(Exception):
    """The file as a whole cannot be read (not JSON, no header, wrong columns, too long)."""


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(LIST_SEP) if v.strip()]


def _schedule(text: str) -> dict:
    """`MO,TU 09:00-17:00` (days optional: every day) as an ORUK schedule."""
    days, _, times = text.strip().rpartition(" ")
    opens, _, closes = times.partition("-")
    out = {"freq": "WEEKLY", "opens_at": opens, "closes_at": closes}
    if days.strip():
        out["byday"] = days.strip()
    return out


def csv_row_to_oruk(row: dict[str, str]) -> dict:
    """A CSV row in the ORUK service shape, for the one input model to validate."""
    def cell(name: str) -> str | None:
        value = (row.get(name) or "").strip()
        return value or None

    def age(name: str) -> object:
        value = cell(name)
        return int(value) if value is not None and value.isdigit() else value

    org = {"id": cell("organization_id"), "name": cell("organization_name"),
           "description": cell("organization_description"),
           "email": cell("organization_email"), "website": cell("organization_website"),
           "asb_agency": cell("organization_agency")}
    contact = {k: cell(f"contact_{k}") for k in ("name", "title", "email")}
    if cell("contact_phone"):
        contact["phones"] = [{"number": cell("contact_phone")}]
    service = {
        "id": cell("service_id"), "name": cell("service_name"),
        "description": cell("service_description"), "url": cell("service_url"),
        "email": cell("service_email"), "status": cell("status") or "active",
        "organization": {k: v for k, v in org.items() if v is not None},
        "service_areas": [{"service_area": a} for a in _split(row.get("service_areas") or "")],
        "attributes": [{"taxonomy_term": {"code": n, "vocabulary": NEEDS_VOCABULARY}}
                       for n in _split(row.get("needs") or "")],
        "eligibility_description": cell("eligibility_description"),
        "minimum_age": age("minimum_age"), "maximum_age": age("maximum_age"),
        "contacts": [{k: v for k, v in contact.items() if v is not None}]
        if any(contact.values()) else [],
        "schedules": [_schedule(s) for s in _split(row.get("schedules") or "")],
        "asb_referral": {k: v for k, v in (("method", cell("referral_method")),
                                           ("email", cell("referral_email")),
                                           ("phone", cell("referral_phone"))) if v is not None},
    }
    return {k: v for k, v in service.items() if v is not None}


def read_records(path: Path) -> list[dict]:
    """The file's services as ORUK objects: a JSON list, an ORUK API page (`contents`) or an
    object with `services`; or a CSV with the documented header."""
    raw = path.read_bytes().decode("utf-8-sig")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(raw.splitlines())
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in CSV_REQUIRED if c not in header]
        unknown = [c for c in header if c not in CSV_COLUMNS]
        if missing or unknown:
            raise FileProblem("the header " + "; ".join(
                ([f"lacks {', '.join(missing)}"] if missing else [])
                + ([f"has unknown columns {', '.join(unknown)}"] if unknown else [])))
        reader.fieldnames = header
        records = [csv_row_to_oruk(r) for r in reader]
    else:
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise FileProblem(f"not JSON: {exc}") from None
        if isinstance(doc, dict):
            doc = doc.get("contents", doc.get("services"))
        if not isinstance(doc, list):
            raise FileProblem("expected a list of ORUK services, an ORUK page with `contents` "
                              "or an object with `services`")
        records = doc
    if len(records) > MAX_RECORDS:
        raise FileProblem(f"more than {MAX_RECORDS} services")
    return records


def _hash(doc: dict) -> str:
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class _Valid:
    record: int
    service: ServiceIn


def validate(records: list, report: DirectoryImportReport,
             agencies: dict[str, Agency]) -> list[_Valid]:
    """Each record through the input model and the rules that need the file or the agencies
    (a service id once; an organisation the same wherever it appears; its agency may receive
    referrals). Invalid records are added to `report.rejects`."""
    needs = known_needs()
    out: list[_Valid] = []
    seen_services: set[str] = set()
    orgs: dict[str, str] = {}
    for n, raw in enumerate(records, start=1):
        sid = str(raw.get("id", ""))[:100] if isinstance(raw, dict) else ""
        try:
            svc = ServiceIn.model_validate(raw)
        except ValidationError as exc:
            errors = field_errors(exc)
            named = {e["field"] for e in errors}
            errors += [e for e in need_errors(raw_terms(raw), needs)
                       if e["field"] not in named and e["field"] != "attributes"]
            report.rejects.append(Reject(n, sid, errors))
            continue
        errors = svc.errors(needs)
        if svc.id in seen_services:
            errors.append({"field": "id", "message": "a service id given twice in the file"})
        org_hash = _hash(svc.organization.model_dump())
        if orgs.setdefault(svc.organization.id, org_hash) != org_hash:
            errors.append({"field": "organization", "message": (
                "differs from the same organisation earlier in the file")})
        slug = svc.organization.asb_agency
        if slug is not None:
            agency = agencies.get(slug)
            if agency is None:
                errors.append({"field": "organization.asb_agency", "message": "unknown agency"})
            elif not access.may_receive_referrals(agency.kind):
                errors.append({"field": "organization.asb_agency", "message": (
                    f"an agency of kind {agency.kind} cannot answer referrals: one of "
                    f"{', '.join(access.RECEIVING_AGENCY_KINDS)}")})
        if errors:
            report.rejects.append(Reject(n, svc.id, errors))
            continue
        seen_services.add(svc.id)
        out.append(_Valid(n, svc))
    return out


def write_rejects(path: Path, rejects: list[Reject]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["record", "service_id", "field", "message"])
        for r in rejects:
            for e in r.errors:
                w.writerow([r.record, spreadsheet_safe(r.service_id),
                            spreadsheet_safe(e["field"]), spreadsheet_safe(e["message"])])


async def _write_one(session: AsyncSession, svc: ServiceIn, agencies: dict[str, Agency],
                     now: datetime, report: DirectoryImportReport) -> None:
    org = svc.organization
    agency = agencies.get(org.asb_agency) if org.asb_agency else None
    org_values = {"oruk_id": org.id, "name": org.name, "description": org.description,
                  "email": org.email, "website": org.website,
                  "agency_id": agency.id if agency else None, "updated_at": now}
    org_id = repo.org_uuid(org.id)
    done = await repo.upsert(session, DirectoryOrganization, org_id,
                             _hash(org.model_dump()), org_values)
    report.organizations_created += done == "created"
    report.organizations_updated += done == "updated"
    openings = [(s.days, s.opens_at, s.closes_at) for s in svc.all_schedules()]
    week = hours.spans(openings)
    lo, hi = svc.ages()
    values = {
        "oruk_id": svc.id, "organization_id": org_id, "name": svc.name,
        "description": svc.description, "url": svc.url, "email": svc.email,
        "status": svc.status, "areas": sorted({a.area for a in svc.service_areas}),
        "needs": svc.needs(), "eligibility_description": svc.eligibility_text(),
        "minimum_age": lo, "maximum_age": hi,
        "contacts": [c.model_dump(exclude_none=True) for c in svc.contacts],
        "schedules": [s.model_dump(exclude_none=True) for s in svc.all_schedules()],
        "out_of_hours": hours.out_of_hours(week),
        "referral_method": svc.referral_method(),
        "referral_email": svc.asb_referral.email or svc.email,
        "referral_phone": svc.referral_phone(), "updated_at": now,
    }
    sid = repo.service_uuid(svc.id)
    done = await repo.upsert(session, DirectoryService, sid,
                             _hash(svc.model_dump(exclude={"organization"})), values)
    if done != "unchanged":
        await repo.replace_hours(session, sid, week)
    setattr(report, done, getattr(report, done) + 1)


async def import_directory(
    session_factory: async_sessionmaker, path: Path, *, rejects_path: Path | None = None,
    batch: int = 100, progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> DirectoryImportReport:
    """Validate the file's services, write the valid ones, put the others in a rejects file."""
    now = now or datetime.now(UTC)
    report = DirectoryImportReport()
    try:
        records = read_records(path)
    except FileProblem as exc:
        report.file_errors.append(str(exc))
        return report
    report.records = len(records)
    async with session_factory() as session:
        agencies = {a.slug: a for a in (await session.execute(select(Agency))).scalars()}
    valid = validate(records, report, agencies)
    report.valid, report.invalid = len(valid), len(report.rejects)
    if report.rejects:
        report.rejects_path = rejects_path or path.with_name(path.name + ".rejects.csv")
        write_rejects(report.rejects_path, report.rejects)
    if progress:
        progress(0, len(valid))
    for start in range(0, len(valid), batch):
        chunk = valid[start:start + batch]
        async with session_factory() as session, session.begin():
            for v in chunk:
                await _write_one(session, v.service, agencies, now, report)
            if start + batch >= len(valid):
                await audit.record(session, Actor.system(), "directory.import",
                                   entity="directory", detail={
                                       "file": path.name, "records": report.records,
                                       "created": report.created, "updated": report.updated,
                                       "unchanged": report.unchanged,
                                       "rejected": report.invalid})
        if progress:
            progress(min(start + batch, len(valid)), len(valid))
    return report
