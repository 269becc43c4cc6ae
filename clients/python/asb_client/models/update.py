from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.update_kind import UpdateKind

T = TypeVar("T", bound="Update")


@_attrs_define
class Update:
    """
    Example:
        {'id': '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'kind':
            'action', 'text': 'Visit number 14 with the tenancy officer and serve a warning letter.', 'author_agency': 'fen-
            council', 'owner_agency': 'fen-housing', 'due_at': '2025-03-14T17:00:00Z', 'done': False, 'done_at': None,
            'created_at': '2025-03-10T11:20:00Z'}

    Attributes:
        id (UUID):
        case_id (UUID):
        kind (UpdateKind): `update`: what an agency did. `action`: a thing to do (owner agency, due time, done).
            `victim_update`: the victim was told what is being done (meets the victim-update target).
        text (str):
        author_agency (str): An agency's stable short name. Example: fen-council.
        owner_agency (None | str):
        due_at (datetime.datetime | None):
        done (bool):
        done_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: UUID
    case_id: UUID
    kind: UpdateKind
    text: str
    author_agency: str
    owner_agency: None | str
    due_at: datetime.datetime | None
    done: bool
    done_at: datetime.datetime | None
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        kind = self.kind.value

        text = self.text

        author_agency = self.author_agency

        owner_agency: None | str
        owner_agency = self.owner_agency

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        done = self.done

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "kind": kind,
                "text": text,
                "author_agency": author_agency,
                "owner_agency": owner_agency,
                "due_at": due_at,
                "done": done,
                "done_at": done_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        kind = UpdateKind(d.pop("kind"))

        text = d.pop("text")

        author_agency = d.pop("author_agency")

        def _parse_owner_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_agency = _parse_owner_agency(d.pop("owner_agency"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        done = d.pop("done")

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        update = cls(
            id=id,
            case_id=case_id,
            kind=kind,
            text=text,
            author_agency=author_agency,
            owner_agency=owner_agency,
            due_at=due_at,
            done=done,
            done_at=done_at,
            created_at=created_at,
        )

        return update
