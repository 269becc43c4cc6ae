from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.update_kind import UpdateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateInput")


@_attrs_define
class UpdateInput:
    """
    Example:
        {'kind': 'action', 'text': 'Visit number 14 with the tenancy officer and serve a warning letter.',
            'owner_agency': 'fen-housing', 'due_at': '2025-03-14T17:00:00Z'}

    Attributes:
        kind (UpdateKind): `update`: what an agency did. `action`: a thing to do (owner agency, due time, done).
            `victim_update`: the victim was told what is being done (meets the victim-update target).
        text (str): What was done, is to be done, or what the victim was told. Do not name complainants or witnesses.
        owner_agency (None | str | Unset): For actions, the member agency that owns it (default yours).
        due_at (datetime.datetime | None | Unset): For actions, when it is due.
    """

    kind: UpdateKind
    text: str
    owner_agency: None | str | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        owner_agency: None | str | Unset
        if isinstance(self.owner_agency, Unset):
            owner_agency = UNSET
        else:
            owner_agency = self.owner_agency

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "text": text,
            }
        )
        if owner_agency is not UNSET:
            field_dict["owner_agency"] = owner_agency
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = UpdateKind(d.pop("kind"))

        text = d.pop("text")

        def _parse_owner_agency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_agency = _parse_owner_agency(d.pop("owner_agency", UNSET))

        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

        update_input = cls(
            kind=kind,
            text=text,
            owner_agency=owner_agency,
            due_at=due_at,
        )

        return update_input
