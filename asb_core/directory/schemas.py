"""Input model of the directory slice: one service in the Open Referral UK shape, the only
validation of a directory entry (JSON import and CSV import alike, the CSV row being turned into
this shape first; docs/directory-import.md).

Names follow ORUK 3 (`service`, its `organization`, `service_areas`, `eligibility_description`
with `minimum_age`/`maximum_age`, `contacts` with `phones`, `schedules` with `byday`,
`opens_at`, `closes_at`, and taxonomy terms under `attributes`); the ORUK 1/2 names of the same
things (`eligibilitys`, `regular_schedules`, `service_taxonomys`) are read too. Fields the
directory has and this API does not use (fees, languages, funding, ...) are ignored.

Two things ORUK does not carry are an extension, `asb_referral` on the service (how a referral
is made: `method` api/email/phone, `email`, `phone`) and `asb_agency` on the organisation (the
slug of the agency whose API key answers its referrals).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

import harm_model as hm
from asb_core.directory.models import REFERRAL_METHODS, SERVICE_STATUSES
from asb_core.validation import AreaName, _control_free

OrukId = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]
Desc = Annotated[str, StringConstraints(max_length=5000)]
Line = Annotated[str, StringConstraints(max_length=500)]
Age = Annotated[int, Field(ge=0, le=130)]

NEEDS_VOCABULARY = "asb-referral-needs"
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH",
                 "friday": "FR", "saturday": "SA", "sunday": "SU"}
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$")


def known_needs() -> tuple[str, ...]:
    """The needs vocabulary of the default policy (harm_model)."""
    return tuple(hm.get_policy().referrals.needs)


class _Oruk(BaseModel):
    # A directory carries many fields we do not use: ignored, never an error.
    model_config = ConfigDict(extra="ignore", str_max_length=5000)

    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, data: Any) -> Any:
        _control_free(data)
        return data


class OrganizationIn(_Oruk):
    id: OrukId
    name: Name
    description: Desc | None = None
    email: Line | None = None
    website: Line | None = None
    asb_agency: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")] | None \
        = None


class ServiceAreaIn(_Oruk):
    id: OrukId | None = None
    service_area: AreaName | None = None
    name: AreaName | None = None

    @property
    def area(self) -> str | None:
        return self.service_area or self.name


class PhoneIn(_Oruk):
    number: Annotated[str, StringConstraints(min_length=1, max_length=50)]


class ContactIn(_Oruk):
    id: OrukId | None = None
    name: Line | None = None
    title: Line | None = None
    email: Line | None = None
    phones: list[PhoneIn] = Field(default_factory=list, max_length=10)


class ScheduleIn(_Oruk):
    """A weekly opening (ORUK `schedule`; ORUK 1's `regular_schedule` has `weekday`)."""

    id: OrukId | None = None
    freq: Literal["WEEKLY", "weekly"] | None = None
    byday: str | None = None
    weekday: str | int | None = None
    opens_at: str
    closes_at: str
    description: Desc | None = None

    @field_validator("opens_at", "closes_at")
    @classmethod
    def _time(cls, value: str) -> str:
        m = _TIME.match(value.strip())
        if not m:
            raise ValueError("a time as HH:MM or HH:MM:SS")
        return f"{m.group(1)}:{m.group(2)}"

    @field_validator("byday")
    @classmethod
    def _byday(cls, value: str | None) -> str | None:
        if value is None:
            return None
        days = [d.strip().upper() for d in value.split(",") if d.strip()]
        if not days or any(d not in DAYS for d in days):
            raise ValueError("days as MO,TU,WE,TH,FR,SA,SU")
        return ",".join(days)

    @field_validator("weekday")
    @classmethod
    def _weekday(cls, value: str | int | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, int) and 1 <= value <= 7:
            return DAYS[value - 1]
        if isinstance(value, str) and value.strip().lower() in WEEKDAY_NAMES:
            return WEEKDAY_NAMES[value.strip().lower()]
        raise ValueError("a day of the week (Monday ... Sunday, or 1-7)")

    @property
    def days(self) -> tuple[str, ...]:
        """The days it opens: `byday`, or ORUK 1's `weekday`, else every day."""
        if self.byday:
            return tuple(self.byday.split(","))
        if self.weekday:
            return (str(self.weekday),)
        return DAYS


class TaxonomyTermIn(_Oruk):
    id: OrukId | None = None
    code: Line | None = None
    name: Line | None = None
    vocabulary: Line | None = None


class AttributeIn(_Oruk):
    taxonomy_term: TaxonomyTermIn


class ServiceTaxonomyIn(_Oruk):
    taxonomy: TaxonomyTermIn


class EligibilityIn(_Oruk):
    eligibility: Desc | None = None
    minimum_age: Age | None = None
    maximum_age: Age | None = None


class ReferralMethodIn(_Oruk):
    method: Literal[REFERRAL_METHODS] | None = None  # type: ignore[valid-type]
    email: Line | None = None
    phone: Annotated[str, StringConstraints(max_length=50)] | None = None


class ServiceIn(_Oruk):
    """One directory service with its organisation (ORUK `service` with `organization`)."""

    id: OrukId
    name: Name
    description: Desc | None = None
    url: Line | None = None
    email: Line | None = None
    status: Literal[SERVICE_STATUSES] = "active"  # type: ignore[valid-type]
    organization: OrganizationIn
    service_areas: list[ServiceAreaIn] = Field(min_length=1, max_length=100)
    eligibility_description: Desc | None = None
    minimum_age: Age | None = None
    maximum_age: Age | None = None
    eligibilitys: list[EligibilityIn] = Field(default_factory=list, max_length=20)
    contacts: list[ContactIn] = Field(default_factory=list, max_length=20)
    schedules: list[ScheduleIn] = Field(default_factory=list, max_length=50)
    regular_schedules: list[ScheduleIn] = Field(default_factory=list, max_length=50)
    attributes: list[AttributeIn] = Field(default_factory=list, max_length=100)
    service_taxonomys: list[ServiceTaxonomyIn] = Field(default_factory=list, max_length=100)
    asb_referral: ReferralMethodIn = Field(default_factory=ReferralMethodIn)

    def terms(self) -> list[tuple[str, TaxonomyTermIn]]:
        """Every taxonomy term with the field it came from."""
        out = [(f"attributes[{i}].taxonomy_term", a.taxonomy_term)
               for i, a in enumerate(self.attributes)]
        out += [(f"service_taxonomys[{i}].taxonomy", t.taxonomy)
                for i, t in enumerate(self.service_taxonomys)]
        return out

    def all_schedules(self) -> list[ScheduleIn]:
        return self.schedules + self.regular_schedules

    def errors(self, needs: tuple[str, ...]) -> list[dict]:
        """What the model alone cannot say: areas given, needs known, ages in order, the
        referral route there."""
        out = []
        for i, a in enumerate(self.service_areas):
            if a.area is None:
                out.append({"field": f"service_areas[{i}].service_area",
                            "message": "required: the area served, as the API names areas"})
        out += need_errors([(w, t.model_dump()) for w, t in self.terms()], needs)
        lo, hi = self.ages()
        if lo is not None and hi is not None and lo > hi:
            out.append({"field": "maximum_age", "message": "not below minimum_age"})
        method = self.referral_method()
        if method == "email" and not (self.asb_referral.email or self.email):
            out.append({"field": "asb_referral.email", "message": "required to refer by email"})
        if method == "phone" and not self.referral_phone():
            out.append({"field": "asb_referral.phone", "message": "required to refer by phone"})
        if method == "api" and self.organization.asb_agency is None:
            out.append({"field": "organization.asb_agency",
                        "message": "required to refer through the API: the agency that answers"})
        return out

    def needs(self) -> list[str]:
        seen: list[str] = []
        for _where, term in self.terms():
            code = term.code or term.id or term.name
            if term.vocabulary == NEEDS_VOCABULARY and code not in seen:
                seen.append(code)
        return seen

    def ages(self) -> tuple[int | None, int | None]:
        lo, hi = self.minimum_age, self.maximum_age
        for e in self.eligibilitys:
            lo = e.minimum_age if lo is None else lo
            hi = e.maximum_age if hi is None else hi
        return lo, hi

    def eligibility_text(self) -> str | None:
        parts = [self.eligibility_description] + [e.eligibility for e in self.eligibilitys]
        text = "; ".join(p for p in parts if p)
        return text or None

    def referral_phone(self) -> str | None:
        if self.asb_referral.phone:
            return self.asb_referral.phone
        for c in self.contacts:
            for p in c.phones:
                return p.number
        return None

    def referral_method(self) -> str:
        """As given; else the API when the organisation has an agency, email, then phone."""
        if self.asb_referral.method:
            return self.asb_referral.method
        if self.organization.asb_agency:
            return "api"
        if self.asb_referral.email or self.email:
            return "email"
        return "phone"


def need_errors(terms: list[tuple[str, dict]], needs: tuple[str, ...]) -> list[dict]:
    """The taxonomy terms of the needs vocabulary must name known needs, and there must be one."""
    out, found = [], False
    for where, term in terms:
        if not isinstance(term, dict) or term.get("vocabulary") != NEEDS_VOCABULARY:
            continue
        code = term.get("code") or term.get("id") or term.get("name")
        if code not in needs:
            out.append({"field": f"{where}.code",
                        "message": f"not a need of {NEEDS_VOCABULARY}: one of {', '.join(needs)}"})
        else:
            found = True
    if not found and not out:
        out.append({"field": "attributes", "message": (
            f"at least one taxonomy term of vocabulary {NEEDS_VOCABULARY} naming the need the "
            "service meets")})
    return out


def raw_terms(raw: Any) -> list[tuple[str, dict]]:
    """The taxonomy terms of a record the model refused, to check its needs all the same."""
    if not isinstance(raw, dict):
        return []
    out = []
    for key, inner in (("attributes", "taxonomy_term"), ("service_taxonomys", "taxonomy")):
        items = raw.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                out.append((f"{key}[{i}].{inner}", item.get(inner)))
    return out


def field_errors(exc: Any) -> list[dict]:
    """A pydantic ValidationError as field errors named by their path (`service_areas[0].name`)."""
    out = []
    for e in exc.errors():
        path = ""
        for part in e["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        out.append({"field": path or "service", "message": e["msg"]})
    return out
