from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.referral_changed_event_data import ReferralChangedEventData


T = TypeVar("T", bound="ReferralChangedEvent")


@_attrs_define
class ReferralChangedEvent:
    """
    Attributes:
        id (UUID):
        seq (int):
        occurred_at (datetime.datetime):
        type_ (Literal['referral.changed'] | Unset): The event type.
        data (ReferralChangedEventData | Unset):
    """

    id: UUID
    seq: int
    occurred_at: datetime.datetime
    type_: Literal["referral.changed"] | Unset = UNSET
    data: ReferralChangedEventData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        seq = self.seq

        occurred_at = self.occurred_at.isoformat()

        type_ = self.type_

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "seq": seq,
                "occurred_at": occurred_at,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_changed_event_data import ReferralChangedEventData  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        seq = d.pop("seq")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        type_ = cast(Literal["referral.changed"] | Unset, d.pop("type", UNSET))
        if type_ != "referral.changed" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'referral.changed', got '{type_}'")

        _data = d.pop("data", UNSET)
        data: ReferralChangedEventData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = ReferralChangedEventData.from_dict(_data)

        referral_changed_event = cls(
            id=id,
            seq=seq,
            occurred_at=occurred_at,
            type_=type_,
            data=data,
        )

        referral_changed_event.additional_properties = d
        return referral_changed_event

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
