from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.directory_service_attributes_item_taxonomy_term import DirectoryServiceAttributesItemTaxonomyTerm


T = TypeVar("T", bound="DirectoryServiceAttributesItem")


@_attrs_define
class DirectoryServiceAttributesItem:
    """
    Attributes:
        taxonomy_term (DirectoryServiceAttributesItemTaxonomyTerm):
    """

    taxonomy_term: DirectoryServiceAttributesItemTaxonomyTerm

    def to_dict(self) -> dict[str, Any]:
        taxonomy_term = self.taxonomy_term.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "taxonomy_term": taxonomy_term,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.directory_service_attributes_item_taxonomy_term import DirectoryServiceAttributesItemTaxonomyTerm  # noqa: PLC0415

        d = dict(src_dict)
        taxonomy_term = DirectoryServiceAttributesItemTaxonomyTerm.from_dict(d.pop("taxonomy_term"))

        directory_service_attributes_item = cls(
            taxonomy_term=taxonomy_term,
        )

        return directory_service_attributes_item
