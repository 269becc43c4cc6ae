from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.intervention_breach_in_law import InterventionBreachInLaw
from ..models.intervention_status import InterventionStatus
from ..models.intervention_type import InterventionType

T = TypeVar("T", bound="Intervention")


@_attrs_define
class Intervention:
    """
    Example:
        {'id': '2c1d7e0a-9b3f-4e6d-8a5c-1f0e9d8c7b6a', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'type':
            'community_protection_notice', 'against_party_id': '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'premises': None,
            'issuing_agency': 'fen-council', 'recorded_by_agency': 'fen-council', 'status': 'breached', 'status_reason':
            None, 'issued_at': '2026-12-05T10:00:00Z', 'served_at': '2026-12-05T15:30:00Z', 'expires_at':
            '2027-06-05T10:00:00Z', 'conditions': ['No amplified music audible outside the flat'], 'documents':
            ['edrms-44187'], 'power_of_arrest': False, 'court': None, 'breach_in_law': 'criminal_offence', 'breach_count':
            1, 'last_breach_incident_id': '0e4b6c2a-8d1f-4a3e-9c5b-7f2d1e0a9b8c', 'created_at': '2026-12-05T10:02:11Z',
            'updated_at': '2026-12-12T23:41:00Z'}

    Attributes:
        id (UUID):
        case_id (UUID):
        type_ (InterventionType): A tool of the ASB, Crime and Policing Act 2014 toolkit or one used before it. Who may
            issue each, how long it lasts and what a breach means: asb_core/interventions/toolkit.py.
        against_party_id (None | UUID):
        premises (None | str):
        issuing_agency (str): An agency's stable short name. Example: fen-council.
        recorded_by_agency (str): An agency's stable short name. Example: fen-council.
        status (InterventionStatus):
        status_reason (None | str):
        issued_at (datetime.datetime | None):
        served_at (datetime.datetime | None):
        expires_at (datetime.datetime | None):
        conditions (list[str]):
        documents (list[str]):
        power_of_arrest (bool):
        court (None | str):
        breach_in_law (InterventionBreachInLaw): What a breach of this tool means in law.
        breach_count (int):
        last_breach_incident_id (None | UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    case_id: UUID
    type_: InterventionType
    against_party_id: None | UUID
    premises: None | str
    issuing_agency: str
    recorded_by_agency: str
    status: InterventionStatus
    status_reason: None | str
    issued_at: datetime.datetime | None
    served_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    conditions: list[str]
    documents: list[str]
    power_of_arrest: bool
    court: None | str
    breach_in_law: InterventionBreachInLaw
    breach_count: int
    last_breach_incident_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        type_ = self.type_.value

        against_party_id: None | str
        if isinstance(self.against_party_id, UUID):
            against_party_id = str(self.against_party_id)
        else:
            against_party_id = self.against_party_id

        premises: None | str
        premises = self.premises

        issuing_agency = self.issuing_agency

        recorded_by_agency = self.recorded_by_agency

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        served_at: None | str
        if isinstance(self.served_at, datetime.datetime):
            served_at = self.served_at.isoformat()
        else:
            served_at = self.served_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        conditions = self.conditions

        documents = self.documents

        power_of_arrest = self.power_of_arrest

        court: None | str
        court = self.court

        breach_in_law = self.breach_in_law.value

        breach_count = self.breach_count

        last_breach_incident_id: None | str
        if isinstance(self.last_breach_incident_id, UUID):
            last_breach_incident_id = str(self.last_breach_incident_id)
        else:
            last_breach_incident_id = self.last_breach_incident_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "type": type_,
                "against_party_id": against_party_id,
                "premises": premises,
                "issuing_agency": issuing_agency,
                "recorded_by_agency": recorded_by_agency,
                "status": status,
                "status_reason": status_reason,
                "issued_at": issued_at,
                "served_at": served_at,
                "expires_at": expires_at,
                "conditions": conditions,
                "documents": documents,
                "power_of_arrest": power_of_arrest,
                "court": court,
                "breach_in_law": breach_in_law,
                "breach_count": breach_count,
                "last_breach_incident_id": last_breach_incident_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        type_ = InterventionType(d.pop("type"))

        def _parse_against_party_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                against_party_id_type_0 = UUID(data)

                return against_party_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        against_party_id = _parse_against_party_id(d.pop("against_party_id"))

        def _parse_premises(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        premises = _parse_premises(d.pop("premises"))

        issuing_agency = d.pop("issuing_agency")

        recorded_by_agency = d.pop("recorded_by_agency")

        status = InterventionStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))

        def _parse_served_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                served_at_type_0 = datetime.datetime.fromisoformat(data)

                return served_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        served_at = _parse_served_at(d.pop("served_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        conditions = cast(list[str], d.pop("conditions"))

        documents = cast(list[str], d.pop("documents"))

        power_of_arrest = d.pop("power_of_arrest")

        def _parse_court(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        court = _parse_court(d.pop("court"))

        breach_in_law = InterventionBreachInLaw(d.pop("breach_in_law"))

        breach_count = d.pop("breach_count")

        def _parse_last_breach_incident_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_breach_incident_id_type_0 = UUID(data)

                return last_breach_incident_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        last_breach_incident_id = _parse_last_breach_incident_id(d.pop("last_breach_incident_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        intervention = cls(
            id=id,
            case_id=case_id,
            type_=type_,
            against_party_id=against_party_id,
            premises=premises,
            issuing_agency=issuing_agency,
            recorded_by_agency=recorded_by_agency,
            status=status,
            status_reason=status_reason,
            issued_at=issued_at,
            served_at=served_at,
            expires_at=expires_at,
            conditions=conditions,
            documents=documents,
            power_of_arrest=power_of_arrest,
            court=court,
            breach_in_law=breach_in_law,
            breach_count=breach_count,
            last_breach_incident_id=last_breach_incident_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        return intervention
