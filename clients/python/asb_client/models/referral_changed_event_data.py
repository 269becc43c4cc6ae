from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.referral_changed_event_data_referral import ReferralChangedEventDataReferral
    from ..models.webhook_case_summary import WebhookCaseSummary


T = TypeVar("T", bound="ReferralChangedEventData")


@_attrs_define
class ReferralChangedEventData:
    """
    Attributes:
        case (WebhookCaseSummary): The case as every event carries it (never any party's identity).
        by_agency (None | str): The slug of the agency whose action caused the event; `null` for the system.
        entity_id (None | UUID): What the event is about.
        referral (ReferralChangedEventDataReferral): What the referral is; never what was shared with the service.
    """

    case: WebhookCaseSummary
    by_agency: None | str
    entity_id: None | UUID
    referral: ReferralChangedEventDataReferral
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case = self.case.to_dict()

        by_agency: None | str
        by_agency = self.by_agency

        entity_id: None | str
        if isinstance(self.entity_id, UUID):
            entity_id = str(self.entity_id)
        else:
            entity_id = self.entity_id

        referral = self.referral.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case": case,
                "by_agency": by_agency,
                "entity_id": entity_id,
                "referral": referral,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_changed_event_data_referral import ReferralChangedEventDataReferral  # noqa: PLC0415
        from ..models.webhook_case_summary import WebhookCaseSummary  # noqa: PLC0415

        d = dict(src_dict)
        case = WebhookCaseSummary.from_dict(d.pop("case"))

        def _parse_by_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by_agency = _parse_by_agency(d.pop("by_agency"))

        def _parse_entity_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                entity_id_type_0 = UUID(data)

                return entity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        entity_id = _parse_entity_id(d.pop("entity_id"))

        referral = ReferralChangedEventDataReferral.from_dict(d.pop("referral"))

        referral_changed_event_data = cls(
            case=case,
            by_agency=by_agency,
            entity_id=entity_id,
            referral=referral,
        )

        referral_changed_event_data.additional_properties = d
        return referral_changed_event_data

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
