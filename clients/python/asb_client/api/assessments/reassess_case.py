from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment import Assessment
from ...models.problem import Problem
from ...models.reassess_request import ReassessRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: ReassessRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/assessments".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Assessment | Problem | None:
    if response.status_code == 201:
        response_201 = Assessment.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Assessment | Problem]:
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
    body: ReassessRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Assessment | Problem]:
    """Reassess the victim

     Saves a new assessment to the case. The case's level becomes the assessment's level, and open
    targets are recomputed from now (met targets stay met). An officer may raise the level with a
    `judgement`; lowering it below the computed level needs a supervisor key and a reason (`403`
    otherwise). With an `Idempotency-Key`, a retry with the same body answers with the assessment the
    first request saved.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReassessRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Assessment | Problem]
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
    body: ReassessRequest,
    idempotency_key: str | Unset = UNSET,
) -> Assessment | Problem | None:
    """Reassess the victim

     Saves a new assessment to the case. The case's level becomes the assessment's level, and open
    targets are recomputed from now (met targets stay met). An officer may raise the level with a
    `judgement`; lowering it below the computed level needs a supervisor key and a reason (`403`
    otherwise). With an `Idempotency-Key`, a retry with the same body answers with the assessment the
    first request saved.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReassessRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Assessment | Problem
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
    body: ReassessRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Assessment | Problem]:
    """Reassess the victim

     Saves a new assessment to the case. The case's level becomes the assessment's level, and open
    targets are recomputed from now (met targets stay met). An officer may raise the level with a
    `judgement`; lowering it below the computed level needs a supervisor key and a reason (`403`
    otherwise). With an `Idempotency-Key`, a retry with the same body answers with the assessment the
    first request saved.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReassessRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Assessment | Problem]
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
    body: ReassessRequest,
    idempotency_key: str | Unset = UNSET,
) -> Assessment | Problem | None:
    """Reassess the victim

     Saves a new assessment to the case. The case's level becomes the assessment's level, and open
    targets are recomputed from now (met targets stay met). An officer may raise the level with a
    `judgement`; lowering it below the computed level needs a supervisor key and a reason (`403`
    otherwise). With an `Idempotency-Key`, a retry with the same body answers with the assessment the
    first request saved.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReassessRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Assessment | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
