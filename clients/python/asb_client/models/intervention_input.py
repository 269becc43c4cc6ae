from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.intervention_input_status import InterventionInputStatus
from ..models.intervention_type import InterventionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterventionInput")


@_attrs_define
class InterventionInput:
    """
    Example:
        {'type': 'warning_letter', 'against_party_id': '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'status': 'issued',
            'issued_at': '2026-11-21T10:00:00Z', 'conditions': ['No loud music after 23:00'], 'documents': ['edrms-44120']}

    Attributes:
        type_ (InterventionType): A tool of the ASB, Crime and Policing Act 2014 toolkit or one used before it. Who may
            issue each, how long it lasts and what a breach means: asb_core/interventions/toolkit.py.
        against_party_id (None | Unset | UUID): The alleged perpetrator party (required except for closure notices and
            orders).
        premises (None | str | Unset): The premises a closure notice or order is against (required for them).
        issuing_agency (None | str | Unset): The agency that issued or applied for it (a member; default yours).
        status (InterventionInputStatus | Unset):  Default: InterventionInputStatus.PROPOSED.
        issued_at (datetime.datetime | None | Unset): Required when issued.
        served_at (datetime.datetime | None | Unset):
        expires_at (datetime.datetime | None | Unset):
        conditions (list[str] | Unset): What the person must or must not do (never the complainant's identity).
        documents (list[str] | Unset): Ids of the documents (letter, notice, order) in the agency's own system.
        power_of_arrest (bool | Unset): A civil injunction only. Default: False.
        court (None | str | Unset): The court that made it (injunctions, closure orders, CBOs, possession).
    """

    type_: InterventionType
    against_party_id: None | Unset | UUID = UNSET
    premises: None | str | Unset = UNSET
    issuing_agency: None | str | Unset = UNSET
    status: InterventionInputStatus | Unset = InterventionInputStatus.PROPOSED
    issued_at: datetime.datetime | None | Unset = UNSET
    served_at: datetime.datetime | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    conditions: list[str] | Unset = UNSET
    documents: list[str] | Unset = UNSET
    power_of_arrest: bool | Unset = False
    court: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        against_party_id: None | str | Unset
        if isinstance(self.against_party_id, Unset):
            against_party_id = UNSET
        elif isinstance(self.against_party_id, UUID):
            against_party_id = str(self.against_party_id)
        else:
            against_party_id = self.against_party_id

        premises: None | str | Unset
        if isinstance(self.premises, Unset):
            premises = UNSET
        else:
            premises = self.premises

        issuing_agency: None | str | Unset
        if isinstance(self.issuing_agency, Unset):
            issuing_agency = UNSET
        else:
            issuing_agency = self.issuing_agency

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        issued_at: None | str | Unset
        if isinstance(self.issued_at, Unset):
            issued_at = UNSET
        elif isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        served_at: None | str | Unset
        if isinstance(self.served_at, Unset):
            served_at = UNSET
        elif isinstance(self.served_at, datetime.datetime):
            served_at = self.served_at.isoformat()
        else:
            served_at = self.served_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        conditions: list[str] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions

        documents: list[str] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = self.documents

        power_of_arrest = self.power_of_arrest

        court: None | str | Unset
        if isinstance(self.court, Unset):
            court = UNSET
        else:
            court = self.court

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if against_party_id is not UNSET:
            field_dict["against_party_id"] = against_party_id
        if premises is not UNSET:
            field_dict["premises"] = premises
        if issuing_agency is not UNSET:
            field_dict["issuing_agency"] = issuing_agency
        if status is not UNSET:
            field_dict["status"] = status
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if served_at is not UNSET:
            field_dict["served_at"] = served_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if documents is not UNSET:
            field_dict["documents"] = documents
        if power_of_arrest is not UNSET:
            field_dict["power_of_arrest"] = power_of_arrest
        if court is not UNSET:
            field_dict["court"] = court

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = InterventionType(d.pop("type"))

        def _parse_against_party_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                against_party_id_type_0 = UUID(data)

                return against_party_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        against_party_id = _parse_against_party_id(d.pop("against_party_id", UNSET))

        def _parse_premises(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        premises = _parse_premises(d.pop("premises", UNSET))

        def _parse_issuing_agency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuing_agency = _parse_issuing_agency(d.pop("issuing_agency", UNSET))

        _status = d.pop("status", UNSET)
        status: InterventionInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = InterventionInputStatus(_status)

        def _parse_issued_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        issued_at = _parse_issued_at(d.pop("issued_at", UNSET))

        def _parse_served_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                served_at_type_0 = datetime.datetime.fromisoformat(data)

                return served_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        served_at = _parse_served_at(d.pop("served_at", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        conditions = cast(list[str], d.pop("conditions", UNSET))

        documents = cast(list[str], d.pop("documents", UNSET))

        power_of_arrest = d.pop("power_of_arrest", UNSET)

        def _parse_court(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        court = _parse_court(d.pop("court", UNSET))

        intervention_input = cls(
            type_=type_,
            against_party_id=against_party_id,
            premises=premises,
            issuing_agency=issuing_agency,
            status=status,
            issued_at=issued_at,
            served_at=served_at,
            expires_at=expires_at,
            conditions=conditions,
            documents=documents,
            power_of_arrest=power_of_arrest,
            court=court,
        )

        return intervention_input
