from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral import Referral
from ...types import Response


def _get_kwargs(
    referral_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/{referral_id}".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Referral | None:
    if response.status_code == 200:
        response_200 = Referral.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Referral]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | Referral]:
    """One referral, with what was shared (for the receiving service)

     Readable by the members of its case and by the service it was sent to (which sees only its own
    referrals, never their cases: anything else is a `404`). `shared` (what the person agreed the
    service may know) is filled in for the receiving service only, and each such read is audited; `null`
    for anyone else (the case's caseworkers read the person's details from the case's parties).

    Args:
        referral_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Referral]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | Referral | None:
    """One referral, with what was shared (for the receiving service)

     Readable by the members of its case and by the service it was sent to (which sees only its own
    referrals, never their cases: anything else is a `404`). `shared` (what the person agreed the
    service may know) is filled in for the receiving service only, and each such read is audited; `null`
    for anyone else (the case's caseworkers read the person's details from the case's parties).

    Args:
        referral_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Referral
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | Referral]:
    """One referral, with what was shared (for the receiving service)

     Readable by the members of its case and by the service it was sent to (which sees only its own
    referrals, never their cases: anything else is a `404`). `shared` (what the person agreed the
    service may know) is filled in for the receiving service only, and each such read is audited; `null`
    for anyone else (the case's caseworkers read the person's details from the case's parties).

    Args:
        referral_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Referral]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | Referral | None:
    """One referral, with what was shared (for the receiving service)

     Readable by the members of its case and by the service it was sent to (which sees only its own
    referrals, never their cases: anything else is a `404`). `shared` (what the person agreed the
    service may know) is filled in for the receiving service only, and each such read is audited; `null`
    for anyone else (the case's caseworkers read the person's details from the case's parties).

    Args:
        referral_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Referral
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
        )
    ).parsed
