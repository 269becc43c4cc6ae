from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervention import Intervention
from ...models.intervention_status_change import InterventionStatusChange
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    intervention_id: UUID,
    *,
    body: InterventionStatusChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/interventions/{intervention_id}/status".format(
            case_id=quote(str(case_id), safe=""),
            intervention_id=quote(str(intervention_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Intervention | Problem | None:
    if response.status_code == 200:
        response_200 = Intervention.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Intervention | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionStatusChange,
) -> Response[Intervention | Problem]:
    """Issue, discharge or mark expired an intervention

     Moves the intervention on: `proposed` to `issued` or `discharged`; `issued` or `breached` to
    `discharged` or `expired`. Any other move is a `409` (a breach has its own operation). Issuing sets
    `issued_at` to now unless given. On the timeline as `intervention_status_changed` (from, to).

    Args:
        case_id (UUID):
        intervention_id (UUID):
        body (InterventionStatusChange):  Example: {'status': 'discharged', 'reason': 'Complied
            with'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Intervention | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        intervention_id=intervention_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionStatusChange,
) -> Intervention | Problem | None:
    """Issue, discharge or mark expired an intervention

     Moves the intervention on: `proposed` to `issued` or `discharged`; `issued` or `breached` to
    `discharged` or `expired`. Any other move is a `409` (a breach has its own operation). Issuing sets
    `issued_at` to now unless given. On the timeline as `intervention_status_changed` (from, to).

    Args:
        case_id (UUID):
        intervention_id (UUID):
        body (InterventionStatusChange):  Example: {'status': 'discharged', 'reason': 'Complied
            with'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Intervention | Problem
    """

    return sync_detailed(
        case_id=case_id,
        intervention_id=intervention_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionStatusChange,
) -> Response[Intervention | Problem]:
    """Issue, discharge or mark expired an intervention

     Moves the intervention on: `proposed` to `issued` or `discharged`; `issued` or `breached` to
    `discharged` or `expired`. Any other move is a `409` (a breach has its own operation). Issuing sets
    `issued_at` to now unless given. On the timeline as `intervention_status_changed` (from, to).

    Args:
        case_id (UUID):
        intervention_id (UUID):
        body (InterventionStatusChange):  Example: {'status': 'discharged', 'reason': 'Complied
            with'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Intervention | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        intervention_id=intervention_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionStatusChange,
) -> Intervention | Problem | None:
    """Issue, discharge or mark expired an intervention

     Moves the intervention on: `proposed` to `issued` or `discharged`; `issued` or `breached` to
    `discharged` or `expired`. Any other move is a `409` (a breach has its own operation). Issuing sets
    `issued_at` to now unless given. On the timeline as `intervention_status_changed` (from, to).

    Args:
        case_id (UUID):
        intervention_id (UUID):
        body (InterventionStatusChange):  Example: {'status': 'discharged', 'reason': 'Complied
            with'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Intervention | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            intervention_id=intervention_id,
            client=client,
            body=body,
        )
    ).parsed
