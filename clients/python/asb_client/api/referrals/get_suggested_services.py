from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.suggested_services import SuggestedServices
from ...types import Response


def _get_kwargs(
    case_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/suggested-services".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SuggestedServices | None:
    if response.status_code == 200:
        response_200 = SuggestedServices.from_dict(response.json())

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
) -> Response[Problem | SuggestedServices]:
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
) -> Response[Problem | SuggestedServices]:
    """Services suggested for the case, ranked, each with the reasons it was suggested

     The needs the case's latest assessment, open flags, level and behaviour imply, most pressing first
    (e.g. mental health affected: mental health support; hostility perceived or a hate flag: hate crime
    advocacy; standard level with noise: mediation first), as the policy's referral rules say (data in
    the policy, versioned with it: see `GET /v1/assessment-policy`, `referrals`); then the active
    services in the case's area meeting them, need by need (open now first), each service once with
    every reason. A high-risk case is offered the policy's named service first, when it names one.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuggestedServices]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | SuggestedServices | None:
    """Services suggested for the case, ranked, each with the reasons it was suggested

     The needs the case's latest assessment, open flags, level and behaviour imply, most pressing first
    (e.g. mental health affected: mental health support; hostility perceived or a hate flag: hate crime
    advocacy; standard level with noise: mediation first), as the policy's referral rules say (data in
    the policy, versioned with it: see `GET /v1/assessment-policy`, `referrals`); then the active
    services in the case's area meeting them, need by need (open now first), each service once with
    every reason. A high-risk case is offered the policy's named service first, when it names one.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuggestedServices
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | SuggestedServices]:
    """Services suggested for the case, ranked, each with the reasons it was suggested

     The needs the case's latest assessment, open flags, level and behaviour imply, most pressing first
    (e.g. mental health affected: mental health support; hostility perceived or a hate flag: hate crime
    advocacy; standard level with noise: mediation first), as the policy's referral rules say (data in
    the policy, versioned with it: see `GET /v1/assessment-policy`, `referrals`); then the active
    services in the case's area meeting them, need by need (open now first), each service once with
    every reason. A high-risk case is offered the policy's named service first, when it names one.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuggestedServices]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | SuggestedServices | None:
    """Services suggested for the case, ranked, each with the reasons it was suggested

     The needs the case's latest assessment, open flags, level and behaviour imply, most pressing first
    (e.g. mental health affected: mental health support; hostility perceived or a hate flag: hate crime
    advocacy; standard level with noise: mediation first), as the policy's referral rules say (data in
    the policy, versioned with it: see `GET /v1/assessment-policy`, `referrals`); then the active
    services in the case's area meeting them, need by need (open now first), each service once with
    every reason. A high-risk case is offered the policy's named service first, when it names one.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuggestedServices
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
        )
    ).parsed
