from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Example:
        {'seq': 5123, 'at': '2025-03-10T09:01:44Z', 'principal_id': '0f8a7c2e-51d4-4b0e-8f53-2a9d7e6b1c40', 'agency':
            'fen-council', 'role': 'caseworker', 'action': 'party.restricted_read', 'case_id':
            '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'entity': 'party', 'entity_id': '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61',
            'fields': ['name', 'phone', 'address'], 'justification': None, 'hash':
            '9f2b5c0e7a1d4f3b8c6e2a0d9b7f5e3c1a8d6b4f2e0c9a7b5d3f1e8c6a4b2d0f', 'prev_hash':
            '1e3c5a7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a'}

    Attributes:
        seq (int):
        at (datetime.datetime):
        principal_id (None | UUID):
        agency (None | str):
        role (None | str):
        action (str): What was done, `<entity>.<verb>`: `agency.create`, `key.issue`, `key.revoke`, `case.open`,
            `case.update`, `case.close`, `case.reopen`, `case.level_change`, `case.share`, `case.unshare`, `party.add`,
            `party.amend`, `party.consent`, `party.remove`, `party.restricted_read`, `assessment.add`, `diary.add`,
            `incident.add`, `flag.raise`, `flag.clear`, `intervention.add`, `intervention.status`, `intervention.breach`,
            `target.meet`, `target.reassign`, `targets.sweep`, `update.complete`, `case_review.add`,
            `case_review.acknowledge`, `case_review.decide`, `case_review.meeting`, `case_review.outcome`,
            `case_review.escalate`, `case_review.escalation_result`, `repeat_caller.lookup`, `repeat_caller.alert`,
            `repeat_caller.log_read`, `webhook.create`, `webhook.delete`, `webhook.ping`, `webhook.redeliver`,
            `legal_hold.place`, `legal_hold.release`, `party.erase`, `retention.anonymise`, `sar.export`,
            `directory.import`, `referral.disclose`, `referral.state`, `referral.restricted_read`, `audit.chain_open` (the
            first event of each chain). New kinds may be added; ignore those you do not know. Example:
            party.restricted_read.
        case_id (None | UUID):
        entity (None | str):
        entity_id (None | str):
        fields (list[str]): Names of the fields read or changed (never their values).
        justification (None | str): Why, in the actor's words; `[erased]` once retention or erasure removed it (the
            chain keeps only a salted commitment to these words, so it still verifies).
        hash_ (str):
        prev_hash (str):
    """

    seq: int
    at: datetime.datetime
    principal_id: None | UUID
    agency: None | str
    role: None | str
    action: str
    case_id: None | UUID
    entity: None | str
    entity_id: None | str
    fields: list[str]
    justification: None | str
    hash_: str
    prev_hash: str

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        at = self.at.isoformat()

        principal_id: None | str
        if isinstance(self.principal_id, UUID):
            principal_id = str(self.principal_id)
        else:
            principal_id = self.principal_id

        agency: None | str
        agency = self.agency

        role: None | str
        role = self.role

        action = self.action

        case_id: None | str
        if isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        entity: None | str
        entity = self.entity

        entity_id: None | str
        entity_id = self.entity_id

        fields = self.fields

        justification: None | str
        justification = self.justification

        hash_ = self.hash_

        prev_hash = self.prev_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "seq": seq,
                "at": at,
                "principal_id": principal_id,
                "agency": agency,
                "role": role,
                "action": action,
                "case_id": case_id,
                "entity": entity,
                "entity_id": entity_id,
                "fields": fields,
                "justification": justification,
                "hash": hash_,
                "prev_hash": prev_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seq = d.pop("seq")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_principal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                principal_id_type_0 = UUID(data)

                return principal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        principal_id = _parse_principal_id(d.pop("principal_id"))

        def _parse_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency = _parse_agency(d.pop("agency"))

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))

        action = d.pop("action")

        def _parse_case_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_id_type_0 = UUID(data)

                return case_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        case_id = _parse_case_id(d.pop("case_id"))

        def _parse_entity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        entity = _parse_entity(d.pop("entity"))

        def _parse_entity_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        entity_id = _parse_entity_id(d.pop("entity_id"))

        fields = cast(list[str], d.pop("fields"))

        def _parse_justification(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        justification = _parse_justification(d.pop("justification"))

        hash_ = d.pop("hash")

        prev_hash = d.pop("prev_hash")

        audit_event = cls(
            seq=seq,
            at=at,
            principal_id=principal_id,
            agency=agency,
            role=role,
            action=action,
            case_id=case_id,
            entity=entity,
            entity_id=entity_id,
            fields=fields,
            justification=justification,
            hash_=hash_,
            prev_hash=prev_hash,
        )

        return audit_event
