from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.party_role import PartyRole

if TYPE_CHECKING:
    from ..models.consent import Consent
    from ..models.party_erasure import PartyErasure
    from ..models.party_removal import PartyRemoval
    from ..models.restricted_identity import RestrictedIdentity


T = TypeVar("T", bound="Party")


@_attrs_define
class Party:
    """
    Example:
        {'id': '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'role': 'victim', 'display_name': 'Victim 1', 'version': 1,
            'consent': {'state': 'given', 'recorded_at': '2025-03-04T09:12:31Z', 'legal_basis': None}, 'restricted': None,
            'removed': None, 'erased': None}

    Attributes:
        id (UUID):
        role (PartyRole):
        display_name (str): A label that identifies nobody ("Victim 1"); safe to show to any member.
        version (int): Moves on every change to the party; its ETag is `"<version>"`.
        consent (Consent):
        restricted (None | RestrictedIdentity): Identity and contact details; `null` unless your role may see them, and
            `null` in the answers to writes (read the party to see them: the read is audited).
        removed (None | PartyRemoval): When, by which agency and why the party was removed; `null` while it is on the
            case.
        erased (None | PartyErasure): When and by which agency the party's identity was erased (on request, or by
            retention when the case was anonymised); `restricted` then holds only nulls.
    """

    id: UUID
    role: PartyRole
    display_name: str
    version: int
    consent: Consent
    restricted: None | RestrictedIdentity
    removed: None | PartyRemoval
    erased: None | PartyErasure

    def to_dict(self) -> dict[str, Any]:
        from ..models.party_erasure import PartyErasure  # noqa: PLC0415
        from ..models.party_removal import PartyRemoval  # noqa: PLC0415
        from ..models.restricted_identity import RestrictedIdentity  # noqa: PLC0415

        id = str(self.id)

        role = self.role.value

        display_name = self.display_name

        version = self.version

        consent = self.consent.to_dict()

        restricted: dict[str, Any] | None
        if isinstance(self.restricted, RestrictedIdentity):
            restricted = self.restricted.to_dict()
        else:
            restricted = self.restricted

        removed: dict[str, Any] | None
        if isinstance(self.removed, PartyRemoval):
            removed = self.removed.to_dict()
        else:
            removed = self.removed

        erased: dict[str, Any] | None
        if isinstance(self.erased, PartyErasure):
            erased = self.erased.to_dict()
        else:
            erased = self.erased

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "role": role,
                "display_name": display_name,
                "version": version,
                "consent": consent,
                "restricted": restricted,
                "removed": removed,
                "erased": erased,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent import Consent  # noqa: PLC0415
        from ..models.party_erasure import PartyErasure  # noqa: PLC0415
        from ..models.party_removal import PartyRemoval  # noqa: PLC0415
        from ..models.restricted_identity import RestrictedIdentity  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        role = PartyRole(d.pop("role"))

        display_name = d.pop("display_name")

        version = d.pop("version")

        consent = Consent.from_dict(d.pop("consent"))

        def _parse_restricted(data: object) -> None | RestrictedIdentity:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                restricted_type_0 = RestrictedIdentity.from_dict(data)

                return restricted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RestrictedIdentity, data)

        restricted = _parse_restricted(d.pop("restricted"))

        def _parse_removed(data: object) -> None | PartyRemoval:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                removed_type_0 = PartyRemoval.from_dict(data)

                return removed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyRemoval, data)

        removed = _parse_removed(d.pop("removed"))

        def _parse_erased(data: object) -> None | PartyErasure:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                erased_type_0 = PartyErasure.from_dict(data)

                return erased_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyErasure, data)

        erased = _parse_erased(d.pop("erased"))

        party = cls(
            id=id,
            role=role,
            display_name=display_name,
            version=version,
            consent=consent,
            restricted=restricted,
            removed=removed,
            erased=erased,
        )

        return party
