from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rule_id import RuleId
from ..types import UNSET, Unset

T = TypeVar("T", bound="EscalationRaisedEventDataFlag")


@_attrs_define
class EscalationRaisedEventDataFlag:
    """
    Attributes:
        id (UUID):
        rule_id (RuleId): `hate-perceived`: hostility perceived on a strand (hate review due in 24 hours). `hate-crime`:
            hostility and behaviour that can be an offence (share with police in 24 hours). `hate-screen`: the victim feels
            targeted, behaviour has reached personal ASB, and nobody has asked the hostility question. `severity-rise`: the
            worst behaviour in 30 days exceeds everything before (reassess in 24 hours). `critical-incident`: threats,
            assault, arson or weapon (level high). `repeat-victim`: two or more incidents in 12 months. `case-review-
            eligible`: the ASB Case Review threshold is met.
        evidence (list[UUID] | None | Unset):
        raised_at (datetime.datetime | Unset):
    """

    id: UUID
    rule_id: RuleId
    evidence: list[UUID] | None | Unset = UNSET
    raised_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        rule_id = self.rule_id.value

        evidence: list[str] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, list):
            evidence = []
            for evidence_type_0_item_data in self.evidence:
                evidence_type_0_item = str(evidence_type_0_item_data)
                evidence.append(evidence_type_0_item)

        else:
            evidence = self.evidence

        raised_at: str | Unset = UNSET
        if not isinstance(self.raised_at, Unset):
            raised_at = self.raised_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "rule_id": rule_id,
            }
        )
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if raised_at is not UNSET:
            field_dict["raised_at"] = raised_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        rule_id = RuleId(d.pop("rule_id"))

        def _parse_evidence(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                evidence_type_0 = []
                _evidence_type_0 = data
                for evidence_type_0_item_data in _evidence_type_0:
                    evidence_type_0_item = UUID(evidence_type_0_item_data)

                    evidence_type_0.append(evidence_type_0_item)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        _raised_at = d.pop("raised_at", UNSET)
        raised_at: datetime.datetime | Unset
        if isinstance(_raised_at, Unset):
            raised_at = UNSET
        else:
            raised_at = datetime.datetime.fromisoformat(_raised_at)

        escalation_raised_event_data_flag = cls(
            id=id,
            rule_id=rule_id,
            evidence=evidence,
            raised_at=raised_at,
        )

        escalation_raised_event_data_flag.additional_properties = d
        return escalation_raised_event_data_flag

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
