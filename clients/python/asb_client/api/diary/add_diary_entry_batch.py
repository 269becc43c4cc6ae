from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.diary_entry_batch_input import DiaryEntryBatchInput
from ...models.diary_entry_batch_result import DiaryEntryBatchResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    *,
    body: DiaryEntryBatchInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/diary-entry-batches".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DiaryEntryBatchResult | Problem | None:
    if response.status_code == 200:
        response_200 = DiaryEntryBatchResult.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DiaryEntryBatchResult | Problem]:
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
    body: DiaryEntryBatchInput,
) -> Response[DiaryEntryBatchResult | Problem]:
    """Add up to 500 diary entries in one request

     For housing and police systems that sync many diary sheets: each item carries its own
    `idempotency_key` and entry (a `DiaryEntryInput`) and stands or falls on its own, never the batch.
    The answer has one result per item, in order: `status` 201 with the entry (`created` false for a
    retry of an item already recorded with the same key and body), or the item's problem (422 naming
    `items.N.entry.<field>`, 409 when the case is closed, 422 `idempotency-key-reused`). Each entry is
    acknowledged, escalated and audited exactly as if it had been sent alone.

    Args:
        case_id (UUID):
        body (DiaryEntryBatchInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiaryEntryBatchResult | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DiaryEntryBatchInput,
) -> DiaryEntryBatchResult | Problem | None:
    """Add up to 500 diary entries in one request

     For housing and police systems that sync many diary sheets: each item carries its own
    `idempotency_key` and entry (a `DiaryEntryInput`) and stands or falls on its own, never the batch.
    The answer has one result per item, in order: `status` 201 with the entry (`created` false for a
    retry of an item already recorded with the same key and body), or the item's problem (422 naming
    `items.N.entry.<field>`, 409 when the case is closed, 422 `idempotency-key-reused`). Each entry is
    acknowledged, escalated and audited exactly as if it had been sent alone.

    Args:
        case_id (UUID):
        body (DiaryEntryBatchInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiaryEntryBatchResult | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DiaryEntryBatchInput,
) -> Response[DiaryEntryBatchResult | Problem]:
    """Add up to 500 diary entries in one request

     For housing and police systems that sync many diary sheets: each item carries its own
    `idempotency_key` and entry (a `DiaryEntryInput`) and stands or falls on its own, never the batch.
    The answer has one result per item, in order: `status` 201 with the entry (`created` false for a
    retry of an item already recorded with the same key and body), or the item's problem (422 naming
    `items.N.entry.<field>`, 409 when the case is closed, 422 `idempotency-key-reused`). Each entry is
    acknowledged, escalated and audited exactly as if it had been sent alone.

    Args:
        case_id (UUID):
        body (DiaryEntryBatchInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiaryEntryBatchResult | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DiaryEntryBatchInput,
) -> DiaryEntryBatchResult | Problem | None:
    """Add up to 500 diary entries in one request

     For housing and police systems that sync many diary sheets: each item carries its own
    `idempotency_key` and entry (a `DiaryEntryInput`) and stands or falls on its own, never the batch.
    The answer has one result per item, in order: `status` 201 with the entry (`created` false for a
    retry of an item already recorded with the same key and body), or the item's problem (422 naming
    `items.N.entry.<field>`, 409 when the case is closed, 422 `idempotency-key-reused`). Each entry is
    acknowledged, escalated and audited exactly as if it had been sent alone.

    Args:
        case_id (UUID):
        body (DiaryEntryBatchInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiaryEntryBatchResult | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
        )
    ).parsed
