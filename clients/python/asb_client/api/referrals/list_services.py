from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.directory_service_page import DirectoryServicePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    area: str | Unset = UNSET,
    need: str | Unset = UNSET,
    open_now: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["area"] = area

    params["need"] = need

    params["open_now"] = open_now

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/services",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DirectoryServicePage | Problem | None:
    if response.status_code == 200:
        response_200 = DirectoryServicePage.from_dict(response.json())

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
) -> Response[DirectoryServicePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    area: str | Unset = UNSET,
    need: str | Unset = UNSET,
    open_now: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[DirectoryServicePage | Problem]:
    """The service directory, by area, need and whether open now

     Support services in the Open Referral UK shape (ORUK 3 names: the service, its `organization`,
    `service_areas`, `eligibility_description`, `contacts`, `schedules` and the needs it meets as
    `attributes` taxonomy terms of vocabulary `asb-referral-needs`), imported from a council's directory
    with `asb directory import`. Only active services, in name order. `open_now` keeps the services
    whose schedule covers the present minute, in Europe/London time. For every role but `admin`.

    Args:
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        need (str | Unset): A need of the policy's vocabulary (`GET /v1/assessment-policy`,
            `referrals.needs`). Example: mediation.
        open_now (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DirectoryServicePage | Problem]
    """

    kwargs = _get_kwargs(
        area=area,
        need=need,
        open_now=open_now,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    area: str | Unset = UNSET,
    need: str | Unset = UNSET,
    open_now: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> DirectoryServicePage | Problem | None:
    """The service directory, by area, need and whether open now

     Support services in the Open Referral UK shape (ORUK 3 names: the service, its `organization`,
    `service_areas`, `eligibility_description`, `contacts`, `schedules` and the needs it meets as
    `attributes` taxonomy terms of vocabulary `asb-referral-needs`), imported from a council's directory
    with `asb directory import`. Only active services, in name order. `open_now` keeps the services
    whose schedule covers the present minute, in Europe/London time. For every role but `admin`.

    Args:
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        need (str | Unset): A need of the policy's vocabulary (`GET /v1/assessment-policy`,
            `referrals.needs`). Example: mediation.
        open_now (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DirectoryServicePage | Problem
    """

    return sync_detailed(
        client=client,
        area=area,
        need=need,
        open_now=open_now,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    area: str | Unset = UNSET,
    need: str | Unset = UNSET,
    open_now: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[DirectoryServicePage | Problem]:
    """The service directory, by area, need and whether open now

     Support services in the Open Referral UK shape (ORUK 3 names: the service, its `organization`,
    `service_areas`, `eligibility_description`, `contacts`, `schedules` and the needs it meets as
    `attributes` taxonomy terms of vocabulary `asb-referral-needs`), imported from a council's directory
    with `asb directory import`. Only active services, in name order. `open_now` keeps the services
    whose schedule covers the present minute, in Europe/London time. For every role but `admin`.

    Args:
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        need (str | Unset): A need of the policy's vocabulary (`GET /v1/assessment-policy`,
            `referrals.needs`). Example: mediation.
        open_now (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DirectoryServicePage | Problem]
    """

    kwargs = _get_kwargs(
        area=area,
        need=need,
        open_now=open_now,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    area: str | Unset = UNSET,
    need: str | Unset = UNSET,
    open_now: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> DirectoryServicePage | Problem | None:
    """The service directory, by area, need and whether open now

     Support services in the Open Referral UK shape (ORUK 3 names: the service, its `organization`,
    `service_areas`, `eligibility_description`, `contacts`, `schedules` and the needs it meets as
    `attributes` taxonomy terms of vocabulary `asb-referral-needs`), imported from a council's directory
    with `asb directory import`. Only active services, in name order. `open_now` keeps the services
    whose schedule covers the present minute, in Europe/London time. For every role but `admin`.

    Args:
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        need (str | Unset): A need of the policy's vocabulary (`GET /v1/assessment-policy`,
            `referrals.needs`). Example: mediation.
        open_now (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DirectoryServicePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            area=area,
            need=need,
            open_now=open_now,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
