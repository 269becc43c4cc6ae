from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.escalation_raised_event_data_flag import EscalationRaisedEventDataFlag
    from ..models.webhook_case_summary import WebhookCaseSummary
    from ..models.webhook_target_summary import WebhookTargetSummary


T = TypeVar("T", bound="EscalationRaisedEventData")


@_attrs_define
class EscalationRaisedEventData:
    """
    Attributes:
        case (WebhookCaseSummary): The case as every event carries it (never any party's identity).
        by_agency (None | str): The slug of the agency whose action caused the event; `null` for the system.
        entity_id (None | UUID): What the event is about.
        flag (EscalationRaisedEventDataFlag):
        follow_up_target (None | Unset | WebhookTargetSummary):
    """

    case: WebhookCaseSummary
    by_agency: None | str
    entity_id: None | UUID
    flag: EscalationRaisedEventDataFlag
    follow_up_target: None | Unset | WebhookTargetSummary = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_target_summary import WebhookTargetSummary  # noqa: PLC0415

        case = self.case.to_dict()

        by_agency: None | str
        by_agency = self.by_agency

        entity_id: None | str
        if isinstance(self.entity_id, UUID):
            entity_id = str(self.entity_id)
        else:
            entity_id = self.entity_id

        flag = self.flag.to_dict()

        follow_up_target: dict[str, Any] | None | Unset
        if isinstance(self.follow_up_target, Unset):
            follow_up_target = UNSET
        elif isinstance(self.follow_up_target, WebhookTargetSummary):
            follow_up_target = self.follow_up_target.to_dict()
        else:
            follow_up_target = self.follow_up_target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case": case,
                "by_agency": by_agency,
                "entity_id": entity_id,
                "flag": flag,
            }
        )
        if follow_up_target is not UNSET:
            field_dict["follow_up_target"] = follow_up_target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.escalation_raised_event_data_flag import EscalationRaisedEventDataFlag  # noqa: PLC0415
        from ..models.webhook_case_summary import WebhookCaseSummary  # noqa: PLC0415
        from ..models.webhook_target_summary import WebhookTargetSummary  # noqa: PLC0415

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

        flag = EscalationRaisedEventDataFlag.from_dict(d.pop("flag"))

        def _parse_follow_up_target(data: object) -> None | Unset | WebhookTargetSummary:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                follow_up_target_type_0 = WebhookTargetSummary.from_dict(data)

                return follow_up_target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebhookTargetSummary, data)

        follow_up_target = _parse_follow_up_target(d.pop("follow_up_target", UNSET))

        escalation_raised_event_data = cls(
            case=case,
            by_agency=by_agency,
            entity_id=entity_id,
            flag=flag,
            follow_up_target=follow_up_target,
        )

        escalation_raised_event_data.additional_properties = d
        return escalation_raised_event_data

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
