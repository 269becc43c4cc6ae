from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.incident_source import IncidentSource
from ..models.nsir_type import NsirType
from ..models.perceived_by import PerceivedBy
from ..models.strand import Strand

T = TypeVar("T", bound="Incident")


@_attrs_define
class Incident:
    """
    Example:
        {'id': '7e1d2c3b-4a59-4867-9a1b-2c3d4e5f6a7b', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'source':
            'officer_report', 'diary_entry_id': None, 'evidence_id': '7e1d2c3b-4a59-4867-9a1b-2c3d4e5f6a7b', 'occurred_at':
            '2025-03-09T22:55:00Z', 'reported_at': '2025-03-10T01:12:40Z', 'category': 'threats', 'nsir_type': 'personal',
            'severity': 4, 'hostility_perceived': ['race'], 'hostility_perceived_by': 'officer', 'hostility_asked': True,
            'victim_feels_targeted': True, 'reported_by_agency': 'cambs-police', 'same_as': None, 'account': 'Attended after
            a 999 call. The man from number 14 was in the street holding a bat and shouting at the victim\\'s window; he
            said he would "burn them out".', 'officer_reference': 'CC-20250309-1187', 'location': 'Outside 12 Example
            Terrace, March'}

    Attributes:
        id (UUID):
        case_id (UUID):
        source (IncidentSource):
        diary_entry_id (None | UUID): The diary entry it comes from; `null` for an officer report.
        evidence_id (UUID): The id escalation flags cite for this incident in their `evidence`: the diary entry's id for
            an incident from a diary entry, else the incident's own `id`.
        occurred_at (datetime.datetime):
        reported_at (datetime.datetime): When it was recorded here.
        category (Category): Local behaviour category, by severity: 1 `litter`, `fly_tipping`, `abandoned_vehicle`,
            `graffiti`; 2 `noise`, `rowdy_behaviour`, `animal_nuisance`, `vehicle_nuisance`, `drug_or_alcohol`; 3
            `verbal_abuse`, `intimidation`, `harassment`; 4 `threats`, `criminal_damage`, `offensive_graffiti`, and the
            breaches of a 2014 Act order or notice (recorded by `POST .../interventions/{intervention_id}/breaches`):
            `order_breach` (a criminal offence: CPN, Criminal Behaviour Order, closure notice or order) and
            `injunction_breach` (contempt of court); 5 `assault`, `arson`, `weapon`.
        nsir_type (NsirType): National Standard for Incident Recording (2011) incident type.
        severity (int):
        hostility_perceived (list[Strand]):
        hostility_perceived_by (None | PerceivedBy):
        hostility_asked (bool):
        victim_feels_targeted (bool | None):
        reported_by_agency (None | str): The agency that recorded it.
        same_as (None | UUID): The `evidence_id` of the original incident this one repeats (counted once by the
            escalation rules and statistics), or `null`.
        account (None | str): The officer's account; `null` for an incident from a diary entry.
        officer_reference (None | str):
        location (None | str):
    """

    id: UUID
    case_id: UUID
    source: IncidentSource
    diary_entry_id: None | UUID
    evidence_id: UUID
    occurred_at: datetime.datetime
    reported_at: datetime.datetime
    category: Category
    nsir_type: NsirType
    severity: int
    hostility_perceived: list[Strand]
    hostility_perceived_by: None | PerceivedBy
    hostility_asked: bool
    victim_feels_targeted: bool | None
    reported_by_agency: None | str
    same_as: None | UUID
    account: None | str
    officer_reference: None | str
    location: None | str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        source = self.source.value

        diary_entry_id: None | str
        if isinstance(self.diary_entry_id, UUID):
            diary_entry_id = str(self.diary_entry_id)
        else:
            diary_entry_id = self.diary_entry_id

        evidence_id = str(self.evidence_id)

        occurred_at = self.occurred_at.isoformat()

        reported_at = self.reported_at.isoformat()

        category = self.category.value

        nsir_type = self.nsir_type.value

        severity = self.severity

        hostility_perceived = []
        for componentsschemas_strands_item_data in self.hostility_perceived:
            componentsschemas_strands_item = componentsschemas_strands_item_data.value
            hostility_perceived.append(componentsschemas_strands_item)

        hostility_perceived_by: None | str
        if isinstance(self.hostility_perceived_by, PerceivedBy):
            hostility_perceived_by = self.hostility_perceived_by.value
        else:
            hostility_perceived_by = self.hostility_perceived_by

        hostility_asked = self.hostility_asked

        victim_feels_targeted: bool | None
        victim_feels_targeted = self.victim_feels_targeted

        reported_by_agency: None | str
        reported_by_agency = self.reported_by_agency

        same_as: None | str
        if isinstance(self.same_as, UUID):
            same_as = str(self.same_as)
        else:
            same_as = self.same_as

        account: None | str
        account = self.account

        officer_reference: None | str
        officer_reference = self.officer_reference

        location: None | str
        location = self.location

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "source": source,
                "diary_entry_id": diary_entry_id,
                "evidence_id": evidence_id,
                "occurred_at": occurred_at,
                "reported_at": reported_at,
                "category": category,
                "nsir_type": nsir_type,
                "severity": severity,
                "hostility_perceived": hostility_perceived,
                "hostility_perceived_by": hostility_perceived_by,
                "hostility_asked": hostility_asked,
                "victim_feels_targeted": victim_feels_targeted,
                "reported_by_agency": reported_by_agency,
                "same_as": same_as,
                "account": account,
                "officer_reference": officer_reference,
                "location": location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        source = IncidentSource(d.pop("source"))

        def _parse_diary_entry_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                diary_entry_id_type_0 = UUID(data)

                return diary_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        diary_entry_id = _parse_diary_entry_id(d.pop("diary_entry_id"))

        evidence_id = UUID(d.pop("evidence_id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        reported_at = datetime.datetime.fromisoformat(d.pop("reported_at"))

        category = Category(d.pop("category"))

        nsir_type = NsirType(d.pop("nsir_type"))

        severity = d.pop("severity")

        hostility_perceived = []
        _hostility_perceived = d.pop("hostility_perceived")
        for componentsschemas_strands_item_data in _hostility_perceived:
            componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

            hostility_perceived.append(componentsschemas_strands_item)

        def _parse_hostility_perceived_by(data: object) -> None | PerceivedBy:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hostility_perceived_by_type_0 = PerceivedBy(data)

                return hostility_perceived_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerceivedBy, data)

        hostility_perceived_by = _parse_hostility_perceived_by(d.pop("hostility_perceived_by"))

        hostility_asked = d.pop("hostility_asked")

        def _parse_victim_feels_targeted(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        victim_feels_targeted = _parse_victim_feels_targeted(d.pop("victim_feels_targeted"))

        def _parse_reported_by_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reported_by_agency = _parse_reported_by_agency(d.pop("reported_by_agency"))

        def _parse_same_as(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                same_as_type_0 = UUID(data)

                return same_as_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        same_as = _parse_same_as(d.pop("same_as"))

        def _parse_account(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account = _parse_account(d.pop("account"))

        def _parse_officer_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        officer_reference = _parse_officer_reference(d.pop("officer_reference"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        incident = cls(
            id=id,
            case_id=case_id,
            source=source,
            diary_entry_id=diary_entry_id,
            evidence_id=evidence_id,
            occurred_at=occurred_at,
            reported_at=reported_at,
            category=category,
            nsir_type=nsir_type,
            severity=severity,
            hostility_perceived=hostility_perceived,
            hostility_perceived_by=hostility_perceived_by,
            hostility_asked=hostility_asked,
            victim_feels_targeted=victim_feels_targeted,
            reported_by_agency=reported_by_agency,
            same_as=same_as,
            account=account,
            officer_reference=officer_reference,
            location=location,
        )

        return incident
