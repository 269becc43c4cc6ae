from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErasureInput")


@_attrs_define
class ErasureInput:
    """
    Example:
        {'request_reference': 'DPO-2026-0142', 'reason': 'UK GDPR Art. 17(1)(a): no longer necessary', 'free_text':
            True}

    Attributes:
        request_reference (str): The erasure request's reference in your agency's records.
        reason (str): The ground for erasing (e.g. UK GDPR Art. 17(1)(a)); do not put the person's details in it.
        free_text (bool | Unset): Also replace the party's values wherever the case's free text repeats them. Default:
            False.
    """

    request_reference: str
    reason: str
    free_text: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        request_reference = self.request_reference

        reason = self.reason

        free_text = self.free_text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "request_reference": request_reference,
                "reason": reason,
            }
        )
        if free_text is not UNSET:
            field_dict["free_text"] = free_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        request_reference = d.pop("request_reference")

        reason = d.pop("reason")

        free_text = d.pop("free_text", UNSET)

        erasure_input = cls(
            request_reference=request_reference,
            reason=reason,
            free_text=free_text,
        )

        return erasure_input
