from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CaseLookupLogKeysItem")


@_attrs_define
class CaseLookupLogKeysItem:
    """
    Attributes:
        key_id (None | UUID):
        agency (None | str):
        window_start (datetime.datetime):
        lookups (int):
        hits (int):
        misses (int):
        refused (int):
        alert (bool): The key's misses in the window reached ASB_LOOKUP_MISS_ALERT.
    """

    key_id: None | UUID
    agency: None | str
    window_start: datetime.datetime
    lookups: int
    hits: int
    misses: int
    refused: int
    alert: bool

    def to_dict(self) -> dict[str, Any]:
        key_id: None | str
        if isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        agency: None | str
        agency = self.agency

        window_start = self.window_start.isoformat()

        lookups = self.lookups

        hits = self.hits

        misses = self.misses

        refused = self.refused

        alert = self.alert

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key_id": key_id,
                "agency": agency,
                "window_start": window_start,
                "lookups": lookups,
                "hits": hits,
                "misses": misses,
                "refused": refused,
                "alert": alert,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency = _parse_agency(d.pop("agency"))

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        lookups = d.pop("lookups")

        hits = d.pop("hits")

        misses = d.pop("misses")

        refused = d.pop("refused")

        alert = d.pop("alert")

        case_lookup_log_keys_item = cls(
            key_id=key_id,
            agency=agency,
            window_start=window_start,
            lookups=lookups,
            hits=hits,
            misses=misses,
            refused=refused,
            alert=alert,
        )

        return case_lookup_log_keys_item
