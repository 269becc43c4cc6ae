"""Input models of the interventions slice: recording an intervention, changing its status and
recording a breach. The only validation of these bodies; the rules that need the toolkit but no
database (dates against the tool's term, a power of arrest only on an injunction, a person or
premises) are `errors()` here, reported with the service's checks in one problem."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, StrictBool, StringConstraints, field_validator

from asb_core.incidents.schemas import ReportedIncidentIn, category_id
from asb_core.interventions import toolkit
from asb_core.validation import DateTimeIn, Short, Strict

ToolId = Literal[toolkit.TOOL_IDS]  # type: ignore[valid-type]
Condition = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
DocumentId = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=1000)]


class InterventionIn(Strict):
    """An intervention on a case (`POST /v1/cases/{case_id}/interventions`)."""

    type: ToolId
    against_party_id: UUID | None = None
    premises: Line | None = None
    issuing_agency: Short | None = None
    status: Literal["proposed", "issued"] = "proposed"
    issued_at: DateTimeIn | None = None
    served_at: DateTimeIn | None = None
    expires_at: DateTimeIn | None = None
    conditions: list[Condition] = Field(default_factory=list, max_length=50)
    documents: list[DocumentId] = Field(default_factory=list, max_length=50)
    power_of_arrest: StrictBool = False
    court: Line | None = None

    @field_validator("issued_at", "served_at", "expires_at")
    @classmethod
    def _zoned(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("a date-time with a time zone")
        return value

    def errors(self) -> list[dict]:
        """What this body cannot be, by the toolkit (no database needed)."""
        tool = toolkit.tool(self.type)
        out = []
        if tool.against_party and self.against_party_id is None:
            out.append({"field": "against_party_id",
                        "message": f"a {tool.label} is against an alleged perpetrator party"})
        if not tool.against_party and self.premises is None:
            out.append({"field": "premises", "message": f"a {tool.label} names the premises"})
        if self.power_of_arrest and self.type != "civil_injunction":
            out.append({"field": "power_of_arrest",
                        "message": "only a civil injunction carries a power of arrest"})
        if self.court is not None and not tool.court_made:
            out.append({"field": "court", "message": f"a {tool.label} is not made by a court"})
        out += dates_errors(tool, self.status, self.issued_at, self.served_at, self.expires_at)
        return out


def dates_errors(tool: toolkit.Tool, status: str, issued_at: datetime | None,
                 served_at: datetime | None, expires_at: datetime | None) -> list[dict]:
    """The dates of an intervention in `status`, against each other and the tool's term."""
    out = []
    if status != "proposed" and issued_at is None:
        out.append({"field": "issued_at", "message": f"required when {status}"})
    if served_at is not None and (issued_at is None or served_at < issued_at):
        out.append({"field": "served_at", "message": "on or after issued_at"})
    if expires_at is not None and issued_at is not None:
        why = toolkit.term_error(tool, expires_at - issued_at)
        if why:
            out.append({"field": "expires_at", "message": why})
    return out


class StatusChangeIn(Strict):
    """A change of an intervention's status (`POST .../interventions/{id}/status`): issued,
    discharged or expired; `issued_at`, `served_at` and `expires_at` may be given with it."""

    status: Literal["issued", "discharged", "expired"]
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None
    issued_at: DateTimeIn | None = None
    served_at: DateTimeIn | None = None
    expires_at: DateTimeIn | None = None

    _zoned = field_validator("issued_at", "served_at", "expires_at")(
        InterventionIn._zoned.__func__)


class BreachIn(ReportedIncidentIn):
    """A breach of an intervention (`POST .../interventions/{id}/breaches`): what was done, when.
    It lands on the case as an incident; `category` is the behaviour that breached it (required
    when breaching the tool is no offence in law, else it may raise the incident above the
    breach's own severity 4)."""

    # Room is left for the tool's name, which the incident's account starts with.
    account: Annotated[str, StringConstraints(min_length=1, max_length=19_800)]
    category: Short | None = None

    _known_category = field_validator("category")(category_id)
