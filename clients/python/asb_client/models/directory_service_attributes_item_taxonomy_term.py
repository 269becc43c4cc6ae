from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.directory_service_attributes_item_taxonomy_term_vocabulary import (
    DirectoryServiceAttributesItemTaxonomyTermVocabulary,
)

T = TypeVar("T", bound="DirectoryServiceAttributesItemTaxonomyTerm")


@_attrs_define
class DirectoryServiceAttributesItemTaxonomyTerm:
    """
    Attributes:
        code (str): A need of the policy's vocabulary (`GET /v1/assessment-policy`, `referrals.needs`). Example:
            mediation.
        name (str):
        vocabulary (DirectoryServiceAttributesItemTaxonomyTermVocabulary):
    """

    code: str
    name: str
    vocabulary: DirectoryServiceAttributesItemTaxonomyTermVocabulary

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        vocabulary = self.vocabulary.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "vocabulary": vocabulary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        vocabulary = DirectoryServiceAttributesItemTaxonomyTermVocabulary(d.pop("vocabulary"))

        directory_service_attributes_item_taxonomy_term = cls(
            code=code,
            name=name,
            vocabulary=vocabulary,
        )

        return directory_service_attributes_item_taxonomy_term
