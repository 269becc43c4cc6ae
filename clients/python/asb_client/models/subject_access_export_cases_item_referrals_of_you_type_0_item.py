from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_state import ReferralState
from ..models.share_field import ShareField
from ..models.subject_access_export_cases_item_referrals_of_you_type_0_item_consent_basis import (
    SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis,
)

if TYPE_CHECKING:
    from ..models.subject_access_export_cases_item_referrals_of_you_type_0_item_shared_type_0 import (
        SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0,
    )


T = TypeVar("T", bound="SubjectAccessExportCasesItemReferralsOfYouType0Item")


@_attrs_define
class SubjectAccessExportCasesItemReferralsOfYouType0Item:
    """
    Attributes:
        service (str):
        organization (str):
        need (str):
        state (ReferralState):
        sent_at (datetime.datetime):
        consent_basis (SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis):
        shared_fields (list[ShareField]):
        shared (None | SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0): What the service was told (null
            once erased or anonymised).
    """

    service: str
    organization: str
    need: str
    state: ReferralState
    sent_at: datetime.datetime
    consent_basis: SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis
    shared_fields: list[ShareField]
    shared: None | SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0

    def to_dict(self) -> dict[str, Any]:
        from ..models.subject_access_export_cases_item_referrals_of_you_type_0_item_shared_type_0 import (
            SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0,  # noqa: PLC0415
        )

        service = self.service

        organization = self.organization

        need = self.need

        state = self.state.value

        sent_at = self.sent_at.isoformat()

        consent_basis = self.consent_basis.value

        shared_fields = []
        for shared_fields_item_data in self.shared_fields:
            shared_fields_item = shared_fields_item_data.value
            shared_fields.append(shared_fields_item)

        shared: dict[str, Any] | None
        if isinstance(self.shared, SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0):
            shared = self.shared.to_dict()
        else:
            shared = self.shared

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service": service,
                "organization": organization,
                "need": need,
                "state": state,
                "sent_at": sent_at,
                "consent_basis": consent_basis,
                "shared_fields": shared_fields,
                "shared": shared,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subject_access_export_cases_item_referrals_of_you_type_0_item_shared_type_0 import (
            SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        service = d.pop("service")

        organization = d.pop("organization")

        need = d.pop("need")

        state = ReferralState(d.pop("state"))

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        consent_basis = SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis(d.pop("consent_basis"))

        shared_fields = []
        _shared_fields = d.pop("shared_fields")
        for shared_fields_item_data in _shared_fields:
            shared_fields_item = ShareField(shared_fields_item_data)

            shared_fields.append(shared_fields_item)

        def _parse_shared(data: object) -> None | SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shared_type_0 = SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0.from_dict(data)

                return shared_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubjectAccessExportCasesItemReferralsOfYouType0ItemSharedType0, data)

        shared = _parse_shared(d.pop("shared"))

        subject_access_export_cases_item_referrals_of_you_type_0_item = cls(
            service=service,
            organization=organization,
            need=need,
            state=state,
            sent_at=sent_at,
            consent_basis=consent_basis,
            shared_fields=shared_fields,
            shared=shared,
        )

        return subject_access_export_cases_item_referrals_of_you_type_0_item
