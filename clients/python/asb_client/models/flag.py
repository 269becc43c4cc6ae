from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.rule_id import RuleId

T = TypeVar("T", bound="Flag")


@_attrs_define
class Flag:
    """
    Example:
        {'id': '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'rule_id':
            'hate-perceived', 'evidence': ['2c6a1f4e-8b3d-4e7a-b0c9-1d2e3f4a5b6c'], 'raised_at': '2025-03-10T08:05:12Z',
            'cleared_at': None, 'text': "Hostility perceived (race): hate incident; officer's hate review due within 24
            hours.", 'follow_up_target_id': '4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d'}

    Attributes:
        id (UUID):
        case_id (UUID):
        rule_id (RuleId): `hate-perceived`: hostility perceived on a strand (hate review due in 24 hours). `hate-crime`:
            hostility and behaviour that can be an offence (share with police in 24 hours). `hate-screen`: the victim feels
            targeted, behaviour has reached personal ASB, and nobody has asked the hostility question. `severity-rise`: the
            worst behaviour in 30 days exceeds everything before (reassess in 24 hours). `critical-incident`: threats,
            assault, arson or weapon (level high). `repeat-victim`: two or more incidents in 12 months. `case-review-
            eligible`: the ASB Case Review threshold is met.
        evidence (list[UUID]): Ids of what raised it, newest first: diary entries, officers' reports (an incident's
            `evidence_id`) or assessments.
        raised_at (datetime.datetime):
        cleared_at (datetime.datetime | None):
        text (str): What the flag means and what to do.
        follow_up_target_id (None | UUID):
    """

    id: UUID
    case_id: UUID
    rule_id: RuleId
    evidence: list[UUID]
    raised_at: datetime.datetime
    cleared_at: datetime.datetime | None
    text: str
    follow_up_target_id: None | UUID

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        rule_id = self.rule_id.value

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = str(evidence_item_data)
            evidence.append(evidence_item)

        raised_at = self.raised_at.isoformat()

        cleared_at: None | str
        if isinstance(self.cleared_at, datetime.datetime):
            cleared_at = self.cleared_at.isoformat()
        else:
            cleared_at = self.cleared_at

        text = self.text

        follow_up_target_id: None | str
        if isinstance(self.follow_up_target_id, UUID):
            follow_up_target_id = str(self.follow_up_target_id)
        else:
            follow_up_target_id = self.follow_up_target_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "rule_id": rule_id,
                "evidence": evidence,
                "raised_at": raised_at,
                "cleared_at": cleared_at,
                "text": text,
                "follow_up_target_id": follow_up_target_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        rule_id = RuleId(d.pop("rule_id"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = UUID(evidence_item_data)

            evidence.append(evidence_item)

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))

        def _parse_cleared_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_at_type_0 = datetime.datetime.fromisoformat(data)

                return cleared_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cleared_at = _parse_cleared_at(d.pop("cleared_at"))

        text = d.pop("text")

        def _parse_follow_up_target_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_target_id_type_0 = UUID(data)

                return follow_up_target_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        follow_up_target_id = _parse_follow_up_target_id(d.pop("follow_up_target_id"))

        flag = cls(
            id=id,
            case_id=case_id,
            rule_id=rule_id,
            evidence=evidence,
            raised_at=raised_at,
            cleared_at=cleared_at,
            text=text,
            follow_up_target_id=follow_up_target_id,
        )

        return flag
