from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.party_list import PartyList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    include_removed: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_removed"] = include_removed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/parties".format(
            case_id=quote(str(case_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PartyList | Problem | None:
    if response.status_code == 200:
        response_200 = PartyList.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PartyList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_removed: bool | Unset = False,
) -> Response[PartyList | Problem]:
    """The case's parties

     Each party with a non-identifying label ("Victim 1") and the victim's consent to sharing.
    `restricted` (name and contact details) is filled only for caseworkers and supervisors of a member
    agency, and each such read is written to the audit log; for everyone else it is `null`. Removed
    parties are left out unless `include_removed` is `true`.

    Args:
        case_id (UUID):
        include_removed (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartyList | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        include_removed=include_removed,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_removed: bool | Unset = False,
) -> PartyList | Problem | None:
    """The case's parties

     Each party with a non-identifying label ("Victim 1") and the victim's consent to sharing.
    `restricted` (name and contact details) is filled only for caseworkers and supervisors of a member
    agency, and each such read is written to the audit log; for everyone else it is `null`. Removed
    parties are left out unless `include_removed` is `true`.

    Args:
        case_id (UUID):
        include_removed (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartyList | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        include_removed=include_removed,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_removed: bool | Unset = False,
) -> Response[PartyList | Problem]:
    """The case's parties

     Each party with a non-identifying label ("Victim 1") and the victim's consent to sharing.
    `restricted` (name and contact details) is filled only for caseworkers and supervisors of a member
    agency, and each such read is written to the audit log; for everyone else it is `null`. Removed
    parties are left out unless `include_removed` is `true`.

    Args:
        case_id (UUID):
        include_removed (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartyList | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        include_removed=include_removed,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_removed: bool | Unset = False,
) -> PartyList | Problem | None:
    """The case's parties

     Each party with a non-identifying label ("Victim 1") and the victim's consent to sharing.
    `restricted` (name and contact details) is filled only for caseworkers and supervisors of a member
    agency, and each such read is written to the audit log; for everyone else it is `null`. Removed
    parties are left out unless `include_removed` is `true`.

    Args:
        case_id (UUID):
        include_removed (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartyList | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            include_removed=include_removed,
        )
    ).parsed
