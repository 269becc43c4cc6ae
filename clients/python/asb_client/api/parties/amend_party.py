from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.party import Party
from ...models.party_patch import PartyPatch
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    party_id: UUID,
    *,
    body: PartyPatch | PartyPatch | Unset = UNSET,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/cases/{case_id}/parties/{party_id}".format(
            case_id=quote(str(case_id), safe=""),
            party_id=quote(str(party_id), safe=""),
        ),
    }

    if isinstance(body, PartyPatch):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"
    if isinstance(body, PartyPatch):
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

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    body: PartyPatch | PartyPatch | Unset = UNSET,
    if_match: str,
) -> Response[Party | Problem]:
    """Amend a party (merge patch)

     Changes the party's role or its name and contact details; send only what changes (`null` clears a
    detail). A new role gives the party a new label. The case's only victim or complainant cannot take
    another role (`409`: add another first). `If-Match` with the party's ETag is required: `412` when it
    changed since you read it, `428` when missing. A closed case or a removed party is a `409`. The
    answer carries no identity; the timeline gets `party_amended` naming the fields changed, never their
    values.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str):
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.

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
    body: PartyPatch | PartyPatch | Unset = UNSET,
    if_match: str,
) -> Party | Problem | None:
    """Amend a party (merge patch)

     Changes the party's role or its name and contact details; send only what changes (`null` clears a
    detail). A new role gives the party a new label. The case's only victim or complainant cannot take
    another role (`409`: add another first). `If-Match` with the party's ETag is required: `412` when it
    changed since you read it, `428` when missing. A closed case or a removed party is a `409`. The
    answer carries no identity; the timeline gets `party_amended` naming the fields changed, never their
    values.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str):
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.

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
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PartyPatch | PartyPatch | Unset = UNSET,
    if_match: str,
) -> Response[Party | Problem]:
    """Amend a party (merge patch)

     Changes the party's role or its name and contact details; send only what changes (`null` clears a
    detail). A new role gives the party a new label. The case's only victim or complainant cannot take
    another role (`409`: add another first). `If-Match` with the party's ETag is required: `412` when it
    changed since you read it, `428` when missing. A closed case or a removed party is a `409`. The
    answer carries no identity; the timeline gets `party_amended` naming the fields changed, never their
    values.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str):
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.

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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PartyPatch | PartyPatch | Unset = UNSET,
    if_match: str,
) -> Party | Problem | None:
    """Amend a party (merge patch)

     Changes the party's role or its name and contact details; send only what changes (`null` clears a
    detail). A new role gives the party a new label. The case's only victim or complainant cannot take
    another role (`409`: add another first). `If-Match` with the party's ETag is required: `412` when it
    changed since you read it, `428` when missing. A closed case or a removed party is a `409`. The
    answer carries no identity; the timeline gets `party_amended` naming the fields changed, never their
    values.

    Args:
        case_id (UUID):
        party_id (UUID):
        if_match (str):
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.
        body (PartyPatch): A JSON merge patch (RFC 7396) of a party: send only what changes;
            `null` clears a contact detail. `role` cannot be `null`. Example: {'phone': '01354 000
            222', 'email': None}.

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
        )
    ).parsed
