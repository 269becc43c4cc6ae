from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.embed_token_scopes_item import EmbedTokenScopesItem

T = TypeVar("T", bound="EmbedToken")


@_attrs_define
class EmbedToken:
    """
    Example:
        {'token': 'asbe_eyJwIjoiMGY4YTdjMmUiLCJleHAiOjE3NDEwMDAwMDB9.c2lnbmF0dXJlLW5vdC1yZWFs', 'expires_at':
            '2025-03-04T09:27:31Z', 'scopes': ['assess.evaluate', 'case.open', 'repeat_caller.lookup']}

    Attributes:
        token (str): Send as `Authorization: Bearer <token>`.
        expires_at (datetime.datetime):
        scopes (list[EmbedTokenScopesItem]):
    """

    token: str
    expires_at: datetime.datetime
    scopes: list[EmbedTokenScopesItem]

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        expires_at = self.expires_at.isoformat()

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "expires_at": expires_at,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = EmbedTokenScopesItem(scopes_item_data)

            scopes.append(scopes_item)

        embed_token = cls(
            token=token,
            expires_at=expires_at,
            scopes=scopes,
        )

        return embed_token
