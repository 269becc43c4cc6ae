from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.case_lookup_log_hits_item_answered_type_0 import CaseLookupLogHitsItemAnsweredType0
from ..models.case_lookup_log_hits_item_by_item import CaseLookupLogHitsItemByItem

T = TypeVar("T", bound="CaseLookupLogHitsItem")


@_attrs_define
class CaseLookupLogHitsItem:
    """
    Attributes:
        at (datetime.datetime):
        agency (None | str):
        key_id (None | UUID): The asking API key's principal id.
        by (list[CaseLookupLogHitsItemByItem]): What the lookup gave (never its value).
        answered (CaseLookupLogHitsItemAnsweredType0 | None): What the asker was told about this case's match.
    """

    at: datetime.datetime
    agency: None | str
    key_id: None | UUID
    by: list[CaseLookupLogHitsItemByItem]
    answered: CaseLookupLogHitsItemAnsweredType0 | None

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        agency: None | str
        agency = self.agency

        key_id: None | str
        if isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        by = []
        for by_item_data in self.by:
            by_item = by_item_data.value
            by.append(by_item)

        answered: None | str
        if isinstance(self.answered, CaseLookupLogHitsItemAnsweredType0):
            answered = self.answered.value
        else:
            answered = self.answered

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "agency": agency,
                "key_id": key_id,
                "by": by,
                "answered": answered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency = _parse_agency(d.pop("agency"))

        def _parse_key_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_id_type_0 = UUID(data)

                return key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        key_id = _parse_key_id(d.pop("key_id"))

        by = []
        _by = d.pop("by")
        for by_item_data in _by:
            by_item = CaseLookupLogHitsItemByItem(by_item_data)

            by.append(by_item)

        def _parse_answered(data: object) -> CaseLookupLogHitsItemAnsweredType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_type_0 = CaseLookupLogHitsItemAnsweredType0(data)

                return answered_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseLookupLogHitsItemAnsweredType0 | None, data)

        answered = _parse_answered(d.pop("answered"))

        case_lookup_log_hits_item = cls(
            at=at,
            agency=agency,
            key_id=key_id,
            by=by,
            answered=answered,
        )

        return case_lookup_log_hits_item
