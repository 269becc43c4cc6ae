from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.case_status import CaseStatus
from ..models.risk_level import RiskLevel
from ..models.rule_id import RuleId

T = TypeVar("T", bound="Case")


@_attrs_define
class Case:
    """
    Example:
        {'id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'reference': 'ASB-2025-000042', 'area': 'fenland', 'status':
            'active', 'risk_level': 'high', 'lead_agency': 'fen-council', 'member_agencies': ['fen-council', 'cambs-police',
            'fen-housing'], 'version': 3, 'opened_at': '2025-03-04T09:12:31Z', 'closed_at': None, 'outcome': None, 'flags':
            ['repeat-victim', 'hate-perceived'], 'summary': 'Neighbour dispute in a terrace off the market place, March:
            loud music late at night for six weeks, now shouted racial abuse over the garden fence and a scratched car.',
            'created_by_agency': 'cambs-police', 'updated_at': '2025-03-11T16:40:02Z'}

    Attributes:
        id (UUID):
        reference (str): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and partners. Example:
            ASB-2026-000123.
        area (str): An area an agency covers (a district), by its short name. Example: fenland.
        status (CaseStatus):
        risk_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        lead_agency (str): An agency's stable short name. Example: fen-council.
        member_agencies (list[str]): Every agency working on the case, the lead included.
        version (int): Increases on every change to the case; the `ETag` is `"<version>"`.
        opened_at (datetime.datetime):
        closed_at (datetime.datetime | None):
        outcome (None | str): Set when the case is closed.
        flags (list[RuleId]): Escalation rules currently raised on the case.
        summary (None | str): A short description of the problem. Must not name the victim or complainant.
        created_by_agency (str): An agency's stable short name. Example: fen-council.
        updated_at (datetime.datetime):
    """

    id: UUID
    reference: str
    area: str
    status: CaseStatus
    risk_level: RiskLevel
    lead_agency: str
    member_agencies: list[str]
    version: int
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    outcome: None | str
    flags: list[RuleId]
    summary: None | str
    created_by_agency: str
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reference = self.reference

        area = self.area

        status = self.status.value

        risk_level = self.risk_level.value

        lead_agency = self.lead_agency

        member_agencies = self.member_agencies

        version = self.version

        opened_at = self.opened_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        outcome: None | str
        outcome = self.outcome

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.value
            flags.append(flags_item)

        summary: None | str
        summary = self.summary

        created_by_agency = self.created_by_agency

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "area": area,
                "status": status,
                "risk_level": risk_level,
                "lead_agency": lead_agency,
                "member_agencies": member_agencies,
                "version": version,
                "opened_at": opened_at,
                "closed_at": closed_at,
                "outcome": outcome,
                "flags": flags,
                "summary": summary,
                "created_by_agency": created_by_agency,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reference = d.pop("reference")

        area = d.pop("area")

        status = CaseStatus(d.pop("status"))

        risk_level = RiskLevel(d.pop("risk_level"))

        lead_agency = d.pop("lead_agency")

        member_agencies = cast(list[str], d.pop("member_agencies"))

        version = d.pop("version")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = RuleId(flags_item_data)

            flags.append(flags_item)

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        created_by_agency = d.pop("created_by_agency")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        case = cls(
            id=id,
            reference=reference,
            area=area,
            status=status,
            risk_level=risk_level,
            lead_agency=lead_agency,
            member_agencies=member_agencies,
            version=version,
            opened_at=opened_at,
            closed_at=closed_at,
            outcome=outcome,
            flags=flags,
            summary=summary,
            created_by_agency=created_by_agency,
            updated_at=updated_at,
        )

        return case
