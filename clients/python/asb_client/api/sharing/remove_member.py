from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    case_id: UUID,
    agency: str,
    *,
    reason: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reason"] = reason

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/cases/{case_id}/members/{agency}".format(
            case_id=quote(str(case_id), safe=""),
            agency=quote(str(agency), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    agency: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str,
) -> Response[Any | Problem]:
    """Stop sharing the case with an agency (supervisors)

     Removes a member agency; it no longer sees the case. The reason is audited. The lead agency cannot
    be removed (`409`: make another member lead first). A supervisor may remove its own agency, or, of
    the lead agency, another member; the agency that opened the case is only ever removed by its own
    supervisor (`403` otherwise), so a partner cannot take a case from the agency that brought it.

    Args:
        case_id (UUID):
        agency (str): An agency's stable short name. Example: fen-council.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        agency=agency,
        reason=reason,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    agency: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str,
) -> Any | Problem | None:
    """Stop sharing the case with an agency (supervisors)

     Removes a member agency; it no longer sees the case. The reason is audited. The lead agency cannot
    be removed (`409`: make another member lead first). A supervisor may remove its own agency, or, of
    the lead agency, another member; the agency that opened the case is only ever removed by its own
    supervisor (`403` otherwise), so a partner cannot take a case from the agency that brought it.

    Args:
        case_id (UUID):
        agency (str): An agency's stable short name. Example: fen-council.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        case_id=case_id,
        agency=agency,
        client=client,
        reason=reason,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    agency: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str,
) -> Response[Any | Problem]:
    """Stop sharing the case with an agency (supervisors)

     Removes a member agency; it no longer sees the case. The reason is audited. The lead agency cannot
    be removed (`409`: make another member lead first). A supervisor may remove its own agency, or, of
    the lead agency, another member; the agency that opened the case is only ever removed by its own
    supervisor (`403` otherwise), so a partner cannot take a case from the agency that brought it.

    Args:
        case_id (UUID):
        agency (str): An agency's stable short name. Example: fen-council.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        agency=agency,
        reason=reason,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    agency: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str,
) -> Any | Problem | None:
    """Stop sharing the case with an agency (supervisors)

     Removes a member agency; it no longer sees the case. The reason is audited. The lead agency cannot
    be removed (`409`: make another member lead first). A supervisor may remove its own agency, or, of
    the lead agency, another member; the agency that opened the case is only ever removed by its own
    supervisor (`403` otherwise), so a partner cannot take a case from the agency that brought it.

    Args:
        case_id (UUID):
        agency (str): An agency's stable short name. Example: fen-council.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            agency=agency,
            client=client,
            reason=reason,
        )
    ).parsed
