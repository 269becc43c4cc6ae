from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.update import Update
from ...models.update_input import UpdateInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: UpdateInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/updates".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Update | None:
    if response.status_code == 201:
        response_201 = Update.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Update]:
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
    body: UpdateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Update]:
    """Record an update, an action or an update given to the victim

     `update`: what your agency did. `action`: something to be done, with an owner agency (a member;
    defaults to yours) and a due time. `victim_update`: the victim was told what is being done; this
    meets the current victim-update target. Integrations should send an `Idempotency-Key`: the same key
    and body return the first update again (`201`); the same key with a different body is a `422`
    (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (UpdateInput):  Example: {'kind': 'action', 'text': 'Visit number 14 with the tenancy
            officer and serve a warning letter.', 'owner_agency': 'fen-housing', 'due_at':
            '2025-03-14T17:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Update]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateInput,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Update | None:
    """Record an update, an action or an update given to the victim

     `update`: what your agency did. `action`: something to be done, with an owner agency (a member;
    defaults to yours) and a due time. `victim_update`: the victim was told what is being done; this
    meets the current victim-update target. Integrations should send an `Idempotency-Key`: the same key
    and body return the first update again (`201`); the same key with a different body is a `422`
    (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (UpdateInput):  Example: {'kind': 'action', 'text': 'Visit number 14 with the tenancy
            officer and serve a warning letter.', 'owner_agency': 'fen-housing', 'due_at':
            '2025-03-14T17:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Update
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Update]:
    """Record an update, an action or an update given to the victim

     `update`: what your agency did. `action`: something to be done, with an owner agency (a member;
    defaults to yours) and a due time. `victim_update`: the victim was told what is being done; this
    meets the current victim-update target. Integrations should send an `Idempotency-Key`: the same key
    and body return the first update again (`201`); the same key with a different body is a `422`
    (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (UpdateInput):  Example: {'kind': 'action', 'text': 'Visit number 14 with the tenancy
            officer and serve a warning letter.', 'owner_agency': 'fen-housing', 'due_at':
            '2025-03-14T17:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Update]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateInput,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Update | None:
    """Record an update, an action or an update given to the victim

     `update`: what your agency did. `action`: something to be done, with an owner agency (a member;
    defaults to yours) and a due time. `victim_update`: the victim was told what is being done; this
    meets the current victim-update target. Integrations should send an `Idempotency-Key`: the same key
    and body return the first update again (`201`); the same key with a different body is a `422`
    (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (UpdateInput):  Example: {'kind': 'action', 'text': 'Visit number 14 with the tenancy
            officer and serve a warning letter.', 'owner_agency': 'fen-housing', 'due_at':
            '2025-03-14T17:00:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Update
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
