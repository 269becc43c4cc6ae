from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hold_release_input import HoldReleaseInput
from ...models.legal_hold import LegalHold
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    hold_id: UUID,
    *,
    body: HoldReleaseInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/legal-holds/{hold_id}/release".format(
            case_id=quote(str(case_id), safe=""),
            hold_id=quote(str(hold_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LegalHold | Problem | None:
    if response.status_code == 200:
        response_200 = LegalHold.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LegalHold | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    hold_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: HoldReleaseInput,
) -> Response[LegalHold | Problem]:
    """Release a legal hold

     A supervisor or the data protection officer releases the hold, saying why; retention applies to the
    case again at its next run. Audited (`legal_hold.release`). `409` if it was already released.

    Args:
        case_id (UUID):
        hold_id (UUID):
        body (HoldReleaseInput):  Example: {'reason': 'Claim settled'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalHold | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        hold_id=hold_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    hold_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: HoldReleaseInput,
) -> LegalHold | Problem | None:
    """Release a legal hold

     A supervisor or the data protection officer releases the hold, saying why; retention applies to the
    case again at its next run. Audited (`legal_hold.release`). `409` if it was already released.

    Args:
        case_id (UUID):
        hold_id (UUID):
        body (HoldReleaseInput):  Example: {'reason': 'Claim settled'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalHold | Problem
    """

    return sync_detailed(
        case_id=case_id,
        hold_id=hold_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    hold_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: HoldReleaseInput,
) -> Response[LegalHold | Problem]:
    """Release a legal hold

     A supervisor or the data protection officer releases the hold, saying why; retention applies to the
    case again at its next run. Audited (`legal_hold.release`). `409` if it was already released.

    Args:
        case_id (UUID):
        hold_id (UUID):
        body (HoldReleaseInput):  Example: {'reason': 'Claim settled'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalHold | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        hold_id=hold_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    hold_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: HoldReleaseInput,
) -> LegalHold | Problem | None:
    """Release a legal hold

     A supervisor or the data protection officer releases the hold, saying why; retention applies to the
    case again at its next run. Audited (`legal_hold.release`). `409` if it was already released.

    Args:
        case_id (UUID):
        hold_id (UUID):
        body (HoldReleaseInput):  Example: {'reason': 'Claim settled'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalHold | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            hold_id=hold_id,
            client=client,
            body=body,
        )
    ).parsed
