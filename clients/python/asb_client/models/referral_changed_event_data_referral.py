from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_level import RiskLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralChangedEventDataReferral")


@_attrs_define
class ReferralChangedEventDataReferral:
    """What the referral is; never what was shared with the service.

    Attributes:
        id (UUID):
        service_id (UUID):
        service (str):
        need (str):
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        area (str):
        state (str):
        previous_state (None | str | Unset):
        outcome (None | str | Unset):
        consent_basis (None | str | Unset):
    """

    id: UUID
    service_id: UUID
    service: str
    need: str
    level: RiskLevel
    area: str
    state: str
    previous_state: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    consent_basis: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        service = self.service

        need = self.need

        level = self.level.value

        area = self.area

        state = self.state

        previous_state: None | str | Unset
        if isinstance(self.previous_state, Unset):
            previous_state = UNSET
        else:
            previous_state = self.previous_state

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        consent_basis: None | str | Unset
        if isinstance(self.consent_basis, Unset):
            consent_basis = UNSET
        else:
            consent_basis = self.consent_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "service": service,
                "need": need,
                "level": level,
                "area": area,
                "state": state,
            }
        )
        if previous_state is not UNSET:
            field_dict["previous_state"] = previous_state
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if consent_basis is not UNSET:
            field_dict["consent_basis"] = consent_basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        service = d.pop("service")

        need = d.pop("need")

        level = RiskLevel(d.pop("level"))

        area = d.pop("area")

        state = d.pop("state")

        def _parse_previous_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_state = _parse_previous_state(d.pop("previous_state", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_consent_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_basis = _parse_consent_basis(d.pop("consent_basis", UNSET))

        referral_changed_event_data_referral = cls(
            id=id,
            service_id=service_id,
            service=service,
            need=need,
            level=level,
            area=area,
            state=state,
            previous_state=previous_state,
            outcome=outcome,
            consent_basis=consent_basis,
        )

        referral_changed_event_data_referral.additional_properties = d
        return referral_changed_event_data_referral

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
