from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agency_kind import AgencyKind
from ..models.role import Role

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Example:
        {'principal_id': '0f8a7c2e-51d4-4b0e-8f53-2a9d7e6b1c40', 'agency': 'fen-housing', 'agency_kind':
            'housing_provider', 'role': 'integration'}

    Attributes:
        principal_id (UUID):
        agency (str): An agency's stable short name. Example: fen-council.
        agency_kind (AgencyKind):
        role (Role):
    """

    principal_id: UUID
    agency: str
    agency_kind: AgencyKind
    role: Role

    def to_dict(self) -> dict[str, Any]:
        principal_id = str(self.principal_id)

        agency = self.agency

        agency_kind = self.agency_kind.value

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "principal_id": principal_id,
                "agency": agency,
                "agency_kind": agency_kind,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        principal_id = UUID(d.pop("principal_id"))

        agency = d.pop("agency")

        agency_kind = AgencyKind(d.pop("agency_kind"))

        role = Role(d.pop("role"))

        me = cls(
            principal_id=principal_id,
            agency=agency,
            agency_kind=agency_kind,
            role=role,
        )

        return me
