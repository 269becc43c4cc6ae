from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.party import Party
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    party_id: UUID,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/parties/{party_id}".format(
            case_id=quote(str(case_id), safe=""),
            party_id=quote(str(party_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Party | Problem | None:
    if response.status_code == 200:
        response_200 = Party.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Party | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Party | Problem]:
    """One party of the case

     The party, removed or not, with its version as the `ETag` (send it back in `If-Match` to amend it).
    `restricted` is filled only for caseworkers and supervisors of a member agency, and each such read
    is written to the audit log; for everyone else it is `null`. `If-None-Match` with the `ETag` answers
    `304` with no body while the party is unchanged.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Party | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | Party | Problem | None:
    """One party of the case

     The party, removed or not, with its version as the `ETag` (send it back in `If-Match` to amend it).
    `restricted` is filled only for caseworkers and supervisors of a member agency, and each such read
    is written to the audit log; for everyone else it is `null`. `If-None-Match` with the `ETag` answers
    `304` with no body while the party is unchanged.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Party | Problem
    """

    return sync_detailed(
        case_id=case_id,
        party_id=party_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Party | Problem]:
    """One party of the case

     The party, removed or not, with its version as the `ETag` (send it back in `If-Match` to amend it).
    `restricted` is filled only for caseworkers and supervisors of a member agency, and each such read
    is written to the audit log; for everyone else it is `null`. `If-None-Match` with the `ETag` answers
    `304` with no body while the party is unchanged.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Party | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | Party | Problem | None:
    """One party of the case

     The party, removed or not, with its version as the `ETag` (send it back in `If-Match` to amend it).
    `restricted` is filled only for caseworkers and supervisors of a member agency, and each such read
    is written to the audit log; for everyone else it is `null`. `If-None-Match` with the `ETag` answers
    `304` with no body while the party is unchanged.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Party | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            party_id=party_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
