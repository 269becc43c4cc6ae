from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_status import CaseStatus
from ..models.risk_level import RiskLevel
from ..models.rule_id import RuleId

if TYPE_CHECKING:
    from ..models.webhook_case_summary_open_targets_item import WebhookCaseSummaryOpenTargetsItem


T = TypeVar("T", bound="WebhookCaseSummary")


@_attrs_define
class WebhookCaseSummary:
    """The case as every event carries it (never any party's identity).

    Attributes:
        id (UUID):
        reference (str):
        area (str):
        status (CaseStatus):
        risk_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        lead_agency (str): The lead agency's slug.
        flags (list[RuleId]):
        open_targets (list[WebhookCaseSummaryOpenTargetsItem]):
    """

    id: UUID
    reference: str
    area: str
    status: CaseStatus
    risk_level: RiskLevel
    lead_agency: str
    flags: list[RuleId]
    open_targets: list[WebhookCaseSummaryOpenTargetsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reference = self.reference

        area = self.area

        status = self.status.value

        risk_level = self.risk_level.value

        lead_agency = self.lead_agency

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.value
            flags.append(flags_item)

        open_targets = []
        for open_targets_item_data in self.open_targets:
            open_targets_item = open_targets_item_data.to_dict()
            open_targets.append(open_targets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "area": area,
                "status": status,
                "risk_level": risk_level,
                "lead_agency": lead_agency,
                "flags": flags,
                "open_targets": open_targets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_case_summary_open_targets_item import WebhookCaseSummaryOpenTargetsItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reference = d.pop("reference")

        area = d.pop("area")

        status = CaseStatus(d.pop("status"))

        risk_level = RiskLevel(d.pop("risk_level"))

        lead_agency = d.pop("lead_agency")

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = RuleId(flags_item_data)

            flags.append(flags_item)

        open_targets = []
        _open_targets = d.pop("open_targets")
        for open_targets_item_data in _open_targets:
            open_targets_item = WebhookCaseSummaryOpenTargetsItem.from_dict(open_targets_item_data)

            open_targets.append(open_targets_item)

        webhook_case_summary = cls(
            id=id,
            reference=reference,
            area=area,
            status=status,
            risk_level=risk_level,
            lead_agency=lead_agency,
            flags=flags,
            open_targets=open_targets,
        )

        webhook_case_summary.additional_properties = d
        return webhook_case_summary

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
