from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case import Case
from ...models.open_case_request import OpenCaseRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OpenCaseRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Case | Problem | None:
    if response.status_code == 201:
        response_201 = Case.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Case | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenCaseRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Case | Problem]:
    """Open a case from a first-contact assessment

     Opens a case in `area` with the victim (or complainant) as its first party and the first-contact
    assessment as its first assessment. The case's risk level is the assessment's level, and the level's
    response targets start now. Your agency becomes the lead agency and first member. The victim's
    identity is stored as restricted data. `Location` names the new case; `ETag` is its first version.
    With an `Idempotency-Key`, a retry with the same body answers `201` with the case the first request
    opened (never a second case); the same key with another body is a `422` (`idempotency-key-reused`).

    Args:
        idempotency_key (str | Unset):
        body (OpenCaseRequest):  Example: {'area': 'fenland', 'summary': 'Loud music late at night
            from next door for six weeks; now shouting over the fence.', 'answers':
            {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True,
            'feels_targeted': True, 'hostility_perceived': [], 'disability_or_illness': True,
            'reported_elsewhere': False}, 'victim': {'role': 'victim', 'name': 'Aisha Rahman',
            'phone': '01354 000 000', 'address': '12 Example Terrace, March, PE15 0XX'}, 'consent':
            {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Case | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: OpenCaseRequest,
    idempotency_key: str | Unset = UNSET,
) -> Case | Problem | None:
    """Open a case from a first-contact assessment

     Opens a case in `area` with the victim (or complainant) as its first party and the first-contact
    assessment as its first assessment. The case's risk level is the assessment's level, and the level's
    response targets start now. Your agency becomes the lead agency and first member. The victim's
    identity is stored as restricted data. `Location` names the new case; `ETag` is its first version.
    With an `Idempotency-Key`, a retry with the same body answers `201` with the case the first request
    opened (never a second case); the same key with another body is a `422` (`idempotency-key-reused`).

    Args:
        idempotency_key (str | Unset):
        body (OpenCaseRequest):  Example: {'area': 'fenland', 'summary': 'Loud music late at night
            from next door for six weeks; now shouting over the fence.', 'answers':
            {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True,
            'feels_targeted': True, 'hostility_perceived': [], 'disability_or_illness': True,
            'reported_elsewhere': False}, 'victim': {'role': 'victim', 'name': 'Aisha Rahman',
            'phone': '01354 000 000', 'address': '12 Example Terrace, March, PE15 0XX'}, 'consent':
            {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Case | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OpenCaseRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Case | Problem]:
    """Open a case from a first-contact assessment

     Opens a case in `area` with the victim (or complainant) as its first party and the first-contact
    assessment as its first assessment. The case's risk level is the assessment's level, and the level's
    response targets start now. Your agency becomes the lead agency and first member. The victim's
    identity is stored as restricted data. `Location` names the new case; `ETag` is its first version.
    With an `Idempotency-Key`, a retry with the same body answers `201` with the case the first request
    opened (never a second case); the same key with another body is a `422` (`idempotency-key-reused`).

    Args:
        idempotency_key (str | Unset):
        body (OpenCaseRequest):  Example: {'area': 'fenland', 'summary': 'Loud music late at night
            from next door for six weeks; now shouting over the fence.', 'answers':
            {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True,
            'feels_targeted': True, 'hostility_perceived': [], 'disability_or_illness': True,
            'reported_elsewhere': False}, 'victim': {'role': 'victim', 'name': 'Aisha Rahman',
            'phone': '01354 000 000', 'address': '12 Example Terrace, March, PE15 0XX'}, 'consent':
            {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Case | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OpenCaseRequest,
    idempotency_key: str | Unset = UNSET,
) -> Case | Problem | None:
    """Open a case from a first-contact assessment

     Opens a case in `area` with the victim (or complainant) as its first party and the first-contact
    assessment as its first assessment. The case's risk level is the assessment's level, and the level's
    response targets start now. Your agency becomes the lead agency and first member. The victim's
    identity is stored as restricted data. `Location` names the new case; `ETag` is its first version.
    With an `Idempotency-Key`, a retry with the same body answers `201` with the case the first request
    opened (never a second case); the same key with another body is a `422` (`idempotency-key-reused`).

    Args:
        idempotency_key (str | Unset):
        body (OpenCaseRequest):  Example: {'area': 'fenland', 'summary': 'Loud music late at night
            from next door for six weeks; now shouting over the fence.', 'answers':
            {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True,
            'feels_targeted': True, 'hostility_perceived': [], 'disability_or_illness': True,
            'reported_elsewhere': False}, 'victim': {'role': 'victim', 'name': 'Aisha Rahman',
            'phone': '01354 000 000', 'address': '12 Example Terrace, March, PE15 0XX'}, 'consent':
            {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Case | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
