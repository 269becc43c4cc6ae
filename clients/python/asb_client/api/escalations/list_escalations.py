from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.flag_list import FlagList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    include_cleared: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_cleared"] = include_cleared

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/escalations".format(
            case_id=quote(str(case_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FlagList | Problem | None:
    if response.status_code == 200:
        response_200 = FlagList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FlagList | Problem]:
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
    include_cleared: bool | Unset = False,
) -> Response[FlagList | Problem]:
    """The case's escalation flags

     Flags raised by the escalation rules, each with its stable rule id, the diary entries that are its
    evidence, what it means, and the follow-up target it set (e.g. the hate review within 24 hours).
    Cleared flags only with `include_cleared=true`.

    Args:
        case_id (UUID):
        include_cleared (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FlagList | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        include_cleared=include_cleared,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_cleared: bool | Unset = False,
) -> FlagList | Problem | None:
    """The case's escalation flags

     Flags raised by the escalation rules, each with its stable rule id, the diary entries that are its
    evidence, what it means, and the follow-up target it set (e.g. the hate review within 24 hours).
    Cleared flags only with `include_cleared=true`.

    Args:
        case_id (UUID):
        include_cleared (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FlagList | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        include_cleared=include_cleared,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_cleared: bool | Unset = False,
) -> Response[FlagList | Problem]:
    """The case's escalation flags

     Flags raised by the escalation rules, each with its stable rule id, the diary entries that are its
    evidence, what it means, and the follow-up target it set (e.g. the hate review within 24 hours).
    Cleared flags only with `include_cleared=true`.

    Args:
        case_id (UUID):
        include_cleared (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FlagList | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        include_cleared=include_cleared,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include_cleared: bool | Unset = False,
) -> FlagList | Problem | None:
    """The case's escalation flags

     Flags raised by the escalation rules, each with its stable rule id, the diary entries that are its
    evidence, what it means, and the follow-up target it set (e.g. the hate review within 24 hours).
    Cleared flags only with `include_cleared=true`.

    Args:
        case_id (UUID):
        include_cleared (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FlagList | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            include_cleared=include_cleared,
        )
    ).parsed
