from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.case_lookup_log_hits_item import CaseLookupLogHitsItem
    from ..models.case_lookup_log_keys_item import CaseLookupLogKeysItem


T = TypeVar("T", bound="CaseLookupLog")


@_attrs_define
class CaseLookupLog:
    """
    Example:
        {'hits': [{'at': '2025-03-10T08:05:12Z', 'agency': 'other-police', 'key_id':
            '3f2e1d0c-9b8a-4796-8f5e-4d3c2b1a0f9e', 'by': ['address'], 'answered': 'contact'}], 'keys': [{'key_id':
            '3f2e1d0c-9b8a-4796-8f5e-4d3c2b1a0f9e', 'agency': 'other-police', 'window_start': '2025-03-10T08:00:00Z',
            'lookups': 40, 'hits': 1, 'misses': 19, 'refused': 20, 'alert': True}]}

    Attributes:
        hits (list[CaseLookupLogHitsItem]):
        keys (list[CaseLookupLogKeysItem]):
    """

    hits: list[CaseLookupLogHitsItem]
    keys: list[CaseLookupLogKeysItem]

    def to_dict(self) -> dict[str, Any]:
        hits = []
        for hits_item_data in self.hits:
            hits_item = hits_item_data.to_dict()
            hits.append(hits_item)

        keys = []
        for keys_item_data in self.keys:
            keys_item = keys_item_data.to_dict()
            keys.append(keys_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hits": hits,
                "keys": keys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_lookup_log_hits_item import CaseLookupLogHitsItem  # noqa: PLC0415
        from ..models.case_lookup_log_keys_item import CaseLookupLogKeysItem  # noqa: PLC0415

        d = dict(src_dict)
        hits = []
        _hits = d.pop("hits")
        for hits_item_data in _hits:
            hits_item = CaseLookupLogHitsItem.from_dict(hits_item_data)

            hits.append(hits_item)

        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:
            keys_item = CaseLookupLogKeysItem.from_dict(keys_item_data)

            keys.append(keys_item)

        case_lookup_log = cls(
            hits=hits,
            keys=keys,
        )

        return case_lookup_log
