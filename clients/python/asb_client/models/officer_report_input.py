from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.perceived_by import PerceivedBy
from ..models.strand import Strand
from ..types import UNSET, Unset

T = TypeVar("T", bound="OfficerReportInput")


@_attrs_define
class OfficerReportInput:
    """An incident an officer witnessed or was told of. The account may name people: it is shown to member agencies that
    may read incidents, never put on the timeline, in a webhook or in the audit log.

        Example:
            {'occurred_at': '2025-03-09T22:55:00Z', 'category': 'threats', 'account': 'Attended after a 999 call. The man
                from number 14 was in the street holding a bat and shouting at the victim\\'s window; he said he would "burn
                them out".', 'officer_reference': 'CC-20250309-1187', 'location': 'Outside 12 Example Terrace, March',
                'hostility_perceived': ['race'], 'hostility_perceived_by': 'officer', 'hostility_asked': True,
                'victim_feels_targeted': True, 'same_as': None}

        Attributes:
            occurred_at (datetime.datetime): When it happened, with a time zone; not in the future (5 minutes' clock skew
                allowed).
            category (Category): Local behaviour category, by severity: 1 `litter`, `fly_tipping`, `abandoned_vehicle`,
                `graffiti`; 2 `noise`, `rowdy_behaviour`, `animal_nuisance`, `vehicle_nuisance`, `drug_or_alcohol`; 3
                `verbal_abuse`, `intimidation`, `harassment`; 4 `threats`, `criminal_damage`, `offensive_graffiti`, and the
                breaches of a 2014 Act order or notice (recorded by `POST .../interventions/{intervention_id}/breaches`):
                `order_breach` (a criminal offence: CPN, Criminal Behaviour Order, closure notice or order) and
                `injunction_breach` (contempt of court); 5 `assault`, `arson`, `weapon`.
            account (str): The officer's account of what happened and what was said.
            officer_reference (None | str | Unset): The officer's reference, e.g. a police incident or log number.
            location (None | str | Unset):
            hostility_perceived (list[Strand] | Unset):
            hostility_perceived_by (None | PerceivedBy | Unset): Who perceived the hostility; `officer` when strands are
                given without it.
            hostility_asked (bool | Unset): Whether the hostility question was asked (false means nobody asked, not "no").
            victim_feels_targeted (bool | None | Unset):
            same_as (None | Unset | UUID): An incident of this case that this report describes again (its `id`, or for one
                from a diary entry the entry's id), so that repeat counts and the case review threshold count it once.
    """

    occurred_at: datetime.datetime
    category: Category
    account: str
    officer_reference: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    hostility_perceived: list[Strand] | Unset = UNSET
    hostility_perceived_by: None | PerceivedBy | Unset = UNSET
    hostility_asked: bool | Unset = UNSET
    victim_feels_targeted: bool | None | Unset = UNSET
    same_as: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        occurred_at = self.occurred_at.isoformat()

        category = self.category.value

        account = self.account

        officer_reference: None | str | Unset
        if isinstance(self.officer_reference, Unset):
            officer_reference = UNSET
        else:
            officer_reference = self.officer_reference

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        hostility_perceived: list[str] | Unset = UNSET
        if not isinstance(self.hostility_perceived, Unset):
            hostility_perceived = []
            for componentsschemas_strands_item_data in self.hostility_perceived:
                componentsschemas_strands_item = componentsschemas_strands_item_data.value
                hostility_perceived.append(componentsschemas_strands_item)

        hostility_perceived_by: None | str | Unset
        if isinstance(self.hostility_perceived_by, Unset):
            hostility_perceived_by = UNSET
        elif isinstance(self.hostility_perceived_by, PerceivedBy):
            hostility_perceived_by = self.hostility_perceived_by.value
        else:
            hostility_perceived_by = self.hostility_perceived_by

        hostility_asked = self.hostility_asked

        victim_feels_targeted: bool | None | Unset
        if isinstance(self.victim_feels_targeted, Unset):
            victim_feels_targeted = UNSET
        else:
            victim_feels_targeted = self.victim_feels_targeted

        same_as: None | str | Unset
        if isinstance(self.same_as, Unset):
            same_as = UNSET
        elif isinstance(self.same_as, UUID):
            same_as = str(self.same_as)
        else:
            same_as = self.same_as

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "occurred_at": occurred_at,
                "category": category,
                "account": account,
            }
        )
        if officer_reference is not UNSET:
            field_dict["officer_reference"] = officer_reference
        if location is not UNSET:
            field_dict["location"] = location
        if hostility_perceived is not UNSET:
            field_dict["hostility_perceived"] = hostility_perceived
        if hostility_perceived_by is not UNSET:
            field_dict["hostility_perceived_by"] = hostility_perceived_by
        if hostility_asked is not UNSET:
            field_dict["hostility_asked"] = hostility_asked
        if victim_feels_targeted is not UNSET:
            field_dict["victim_feels_targeted"] = victim_feels_targeted
        if same_as is not UNSET:
            field_dict["same_as"] = same_as

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        category = Category(d.pop("category"))

        account = d.pop("account")

        def _parse_officer_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        officer_reference = _parse_officer_reference(d.pop("officer_reference", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        _hostility_perceived = d.pop("hostility_perceived", UNSET)
        hostility_perceived: list[Strand] | Unset = UNSET
        if _hostility_perceived is not UNSET:
            hostility_perceived = []
            for componentsschemas_strands_item_data in _hostility_perceived:
                componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

                hostility_perceived.append(componentsschemas_strands_item)

        def _parse_hostility_perceived_by(data: object) -> None | PerceivedBy | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hostility_perceived_by_type_0 = PerceivedBy(data)

                return hostility_perceived_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerceivedBy | Unset, data)

        hostility_perceived_by = _parse_hostility_perceived_by(d.pop("hostility_perceived_by", UNSET))

        hostility_asked = d.pop("hostility_asked", UNSET)

        def _parse_victim_feels_targeted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        victim_feels_targeted = _parse_victim_feels_targeted(d.pop("victim_feels_targeted", UNSET))

        def _parse_same_as(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                same_as_type_0 = UUID(data)

                return same_as_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        same_as = _parse_same_as(d.pop("same_as", UNSET))

        officer_report_input = cls(
            occurred_at=occurred_at,
            category=category,
            account=account,
            officer_reference=officer_reference,
            location=location,
            hostility_perceived=hostility_perceived,
            hostility_perceived_by=hostility_perceived_by,
            hostility_asked=hostility_asked,
            victim_feels_targeted=victim_feels_targeted,
            same_as=same_as,
        )

        return officer_report_input
