from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.webhook_case_summary import WebhookCaseSummary


T = TypeVar("T", bound="CaseLevelChangedEventData")


@_attrs_define
class CaseLevelChangedEventData:
    """
    Attributes:
        case (WebhookCaseSummary): The case as every event carries it (never any party's identity).
        by_agency (None | str): The slug of the agency whose action caused the event; `null` for the system.
        entity_id (None | UUID): What the event is about.
        from_ (None | RiskLevel):
        to (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
    """

    case: WebhookCaseSummary
    by_agency: None | str
    entity_id: None | UUID
    from_: None | RiskLevel
    to: RiskLevel
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

        from_: None | str
        if isinstance(self.from_, RiskLevel):
            from_ = self.from_.value
        else:
            from_ = self.from_

        to = self.to.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case": case,
                "by_agency": by_agency,
                "entity_id": entity_id,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        def _parse_from_(data: object) -> None | RiskLevel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = RiskLevel(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskLevel, data)

        from_ = _parse_from_(d.pop("from"))

        to = RiskLevel(d.pop("to"))

        case_level_changed_event_data = cls(
            case=case,
            by_agency=by_agency,
            entity_id=entity_id,
            from_=from_,
            to=to,
        )

        case_level_changed_event_data.additional_properties = d
        return case_level_changed_event_data

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
