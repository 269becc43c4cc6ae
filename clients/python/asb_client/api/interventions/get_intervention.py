from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervention import Intervention
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    intervention_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/interventions/{intervention_id}".format(
            case_id=quote(str(case_id), safe=""),
            intervention_id=quote(str(intervention_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Intervention | Problem | None:
    if response.status_code == 200:
        response_200 = Intervention.from_dict(response.json())

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
) -> Response[Intervention | Problem]:
    """One intervention of the case

     One intervention with its status history and breaches. Roles that may read interventions, of a
    member agency.

    Args:
        case_id (UUID):
        intervention_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Intervention | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        intervention_id=intervention_id,
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
) -> Intervention | Problem | None:
    """One intervention of the case

     One intervention with its status history and breaches. Roles that may read interventions, of a
    member agency.

    Args:
        case_id (UUID):
        intervention_id (UUID):

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
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Intervention | Problem]:
    """One intervention of the case

     One intervention with its status history and breaches. Roles that may read interventions, of a
    member agency.

    Args:
        case_id (UUID):
        intervention_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Intervention | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        intervention_id=intervention_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Intervention | Problem | None:
    """One intervention of the case

     One intervention with its status history and breaches. Roles that may read interventions, of a
    member agency.

    Args:
        case_id (UUID):
        intervention_id (UUID):

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
        )
    ).parsed
