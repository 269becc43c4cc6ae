from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.subject_access_export_subject_identity import SubjectAccessExportSubjectIdentity


T = TypeVar("T", bound="SubjectAccessExportSubject")


@_attrs_define
class SubjectAccessExportSubject:
    """
    Attributes:
        party_id (UUID):
        identity (SubjectAccessExportSubjectIdentity):
    """

    party_id: UUID
    identity: SubjectAccessExportSubjectIdentity

    def to_dict(self) -> dict[str, Any]:
        party_id = str(self.party_id)

        identity = self.identity.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "party_id": party_id,
                "identity": identity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subject_access_export_subject_identity import SubjectAccessExportSubjectIdentity  # noqa: PLC0415

        d = dict(src_dict)
        party_id = UUID(d.pop("party_id"))

        identity = SubjectAccessExportSubjectIdentity.from_dict(d.pop("identity"))

        subject_access_export_subject = cls(
            party_id=party_id,
            identity=identity,
        )

        return subject_access_export_subject
