from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.party import Party
from ...models.party_removal_input import PartyRemovalInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    party_id: UUID,
    *,
    body: PartyRemovalInput,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/parties/{party_id}/removal".format(
            case_id=quote(str(case_id), safe=""),
            party_id=quote(str(party_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Party | Problem | None:
    if response.status_code == 200:
        response_200 = Party.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Party | Problem]:
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
    body: PartyRemovalInput,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Party | Problem]:
    """Remove a party from the case

     Marks the party removed, with the reason and who removed it; the party is kept for the audit trail
    (`getParty`, `listParties?include_removed=true`) but no longer listed, and is never matched by the
    repeat-caller lookup. The case's only victim or complainant cannot be removed (`409`: add another
    first); nor can a party already removed, or one on a closed case (`409`). The reason is audited: do
    not put identity in it. `If-Match` is optional (a stale one is a `412`). The timeline gets
    `party_removed`. With an `Idempotency-Key`, a retry of a removal that went through answers `200`
    with the removed party, as the first request did (the key covers the party and the body: the same
    key for another party or reason is a `422` `idempotency-key-reused`).

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (PartyRemovalInput):  Example: {'reason': 'Added to the wrong case'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Party | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
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
    body: PartyRemovalInput,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Party | Problem | None:
    """Remove a party from the case

     Marks the party removed, with the reason and who removed it; the party is kept for the audit trail
    (`getParty`, `listParties?include_removed=true`) but no longer listed, and is never matched by the
    repeat-caller lookup. The case's only victim or complainant cannot be removed (`409`: add another
    first); nor can a party already removed, or one on a closed case (`409`). The reason is audited: do
    not put identity in it. `If-Match` is optional (a stale one is a `412`). The timeline gets
    `party_removed`. With an `Idempotency-Key`, a retry of a removal that went through answers `200`
    with the removed party, as the first request did (the key covers the party and the body: the same
    key for another party or reason is a `422` `idempotency-key-reused`).

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (PartyRemovalInput):  Example: {'reason': 'Added to the wrong case'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Party | Problem
    """

    return sync_detailed(
        case_id=case_id,
        party_id=party_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PartyRemovalInput,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Party | Problem]:
    """Remove a party from the case

     Marks the party removed, with the reason and who removed it; the party is kept for the audit trail
    (`getParty`, `listParties?include_removed=true`) but no longer listed, and is never matched by the
    repeat-caller lookup. The case's only victim or complainant cannot be removed (`409`: add another
    first); nor can a party already removed, or one on a closed case (`409`). The reason is audited: do
    not put identity in it. `If-Match` is optional (a stale one is a `412`). The timeline gets
    `party_removed`. With an `Idempotency-Key`, a retry of a removal that went through answers `200`
    with the removed party, as the first request did (the key covers the party and the body: the same
    key for another party or reason is a `422` `idempotency-key-reused`).

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (PartyRemovalInput):  Example: {'reason': 'Added to the wrong case'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Party | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PartyRemovalInput,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Party | Problem | None:
    """Remove a party from the case

     Marks the party removed, with the reason and who removed it; the party is kept for the audit trail
    (`getParty`, `listParties?include_removed=true`) but no longer listed, and is never matched by the
    repeat-caller lookup. The case's only victim or complainant cannot be removed (`409`: add another
    first); nor can a party already removed, or one on a closed case (`409`). The reason is audited: do
    not put identity in it. `If-Match` is optional (a stale one is a `412`). The timeline gets
    `party_removed`. With an `Idempotency-Key`, a retry of a removal that went through answers `200`
    with the removed party, as the first request did (the key covers the party and the body: the same
    key for another party or reason is a `422` `idempotency-key-reused`).

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str | Unset):
        idempotency_key (str | Unset):
        body (PartyRemovalInput):  Example: {'reason': 'Added to the wrong case'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Party | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            party_id=party_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
