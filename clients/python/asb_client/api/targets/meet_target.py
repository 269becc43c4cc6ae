from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meet_target_request import MeetTargetRequest
from ...models.problem import Problem
from ...models.target import Target
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    target_id: UUID,
    *,
    body: MeetTargetRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/targets/{target_id}/met".format(
            case_id=quote(str(case_id), safe=""),
            target_id=quote(str(target_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Target | None:
    if response.status_code == 200:
        response_200 = Target.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Target]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MeetTargetRequest | Unset = UNSET,
) -> Response[Problem | Target]:
    """Mark a target met

     Records that your agency met the target now. A breached target needs a `late_reason` (`422` without
    one). Meeting a met target is a `409`. A recurring target (victim update, case review) starts its
    next occurrence from now.

    Args:
        case_id (UUID):
        target_id (UUID):
        body (MeetTargetRequest | Unset):  Example: {'late_reason': 'Officer off sick; covered by
            the duty officer next morning.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Target]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        target_id=target_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MeetTargetRequest | Unset = UNSET,
) -> Problem | Target | None:
    """Mark a target met

     Records that your agency met the target now. A breached target needs a `late_reason` (`422` without
    one). Meeting a met target is a `409`. A recurring target (victim update, case review) starts its
    next occurrence from now.

    Args:
        case_id (UUID):
        target_id (UUID):
        body (MeetTargetRequest | Unset):  Example: {'late_reason': 'Officer off sick; covered by
            the duty officer next morning.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Target
    """

    return sync_detailed(
        case_id=case_id,
        target_id=target_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MeetTargetRequest | Unset = UNSET,
) -> Response[Problem | Target]:
    """Mark a target met

     Records that your agency met the target now. A breached target needs a `late_reason` (`422` without
    one). Meeting a met target is a `409`. A recurring target (victim update, case review) starts its
    next occurrence from now.

    Args:
        case_id (UUID):
        target_id (UUID):
        body (MeetTargetRequest | Unset):  Example: {'late_reason': 'Officer off sick; covered by
            the duty officer next morning.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Target]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        target_id=target_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MeetTargetRequest | Unset = UNSET,
) -> Problem | Target | None:
    """Mark a target met

     Records that your agency met the target now. A breached target needs a `late_reason` (`422` without
    one). Meeting a met target is a `409`. A recurring target (victim update, case review) starts its
    next occurrence from now.

    Args:
        case_id (UUID):
        target_id (UUID):
        body (MeetTargetRequest | Unset):  Example: {'late_reason': 'Officer off sick; covered by
            the duty officer next morning.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Target
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            target_id=target_id,
            client=client,
            body=body,
        )
    ).parsed
