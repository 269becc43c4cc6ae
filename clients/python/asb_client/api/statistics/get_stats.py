import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.statistics import Statistics
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["area"] = area

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stats",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Statistics | None:
    if response.status_code == 200:
        response_200 = Statistics.from_dict(response.json())

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
) -> Response[Problem | Statistics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Response[Problem | Statistics]:
    """Countywide statistics (analysts)

     Counts for the whole area the API serves, for analysts and the area's partnership: cases opened by
    month and by area against their current risk level, incidents by local category and NSIR type (a
    repeat report of the same incident to another agency counts once), open escalation flags by rule,
    ASB Case Review applications by month and threshold decision, and response-target performance by
    lead agency and level (share met on time). No identity, ever: only counts leave the database.

    **Small numbers are suppressed.** A count of 1 to 4 is shown as `"1-4"`; `"*"` marks a further count
    withheld so that a hidden cell cannot be recovered by subtracting the visible cells from a row or
    column total (secondary suppression). Zeros are shown. Every other count (cells and totals) is
    rounded down to a multiple of 5 (`10` means 10 to 14), so that subtracting one query from another
    (all areas minus one area, a period minus a shorter one) never recovers a small count exactly. Only
    the `analyst` role may read statistics.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statistics]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        area=area,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Problem | Statistics | None:
    """Countywide statistics (analysts)

     Counts for the whole area the API serves, for analysts and the area's partnership: cases opened by
    month and by area against their current risk level, incidents by local category and NSIR type (a
    repeat report of the same incident to another agency counts once), open escalation flags by rule,
    ASB Case Review applications by month and threshold decision, and response-target performance by
    lead agency and level (share met on time). No identity, ever: only counts leave the database.

    **Small numbers are suppressed.** A count of 1 to 4 is shown as `"1-4"`; `"*"` marks a further count
    withheld so that a hidden cell cannot be recovered by subtracting the visible cells from a row or
    column total (secondary suppression). Zeros are shown. Every other count (cells and totals) is
    rounded down to a multiple of 5 (`10` means 10 to 14), so that subtracting one query from another
    (all areas minus one area, a period minus a shorter one) never recovers a small count exactly. Only
    the `analyst` role may read statistics.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statistics
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        area=area,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Response[Problem | Statistics]:
    """Countywide statistics (analysts)

     Counts for the whole area the API serves, for analysts and the area's partnership: cases opened by
    month and by area against their current risk level, incidents by local category and NSIR type (a
    repeat report of the same incident to another agency counts once), open escalation flags by rule,
    ASB Case Review applications by month and threshold decision, and response-target performance by
    lead agency and level (share met on time). No identity, ever: only counts leave the database.

    **Small numbers are suppressed.** A count of 1 to 4 is shown as `"1-4"`; `"*"` marks a further count
    withheld so that a hidden cell cannot be recovered by subtracting the visible cells from a row or
    column total (secondary suppression). Zeros are shown. Every other count (cells and totals) is
    rounded down to a multiple of 5 (`10` means 10 to 14), so that subtracting one query from another
    (all areas minus one area, a period minus a shorter one) never recovers a small count exactly. Only
    the `analyst` role may read statistics.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statistics]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        area=area,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Problem | Statistics | None:
    """Countywide statistics (analysts)

     Counts for the whole area the API serves, for analysts and the area's partnership: cases opened by
    month and by area against their current risk level, incidents by local category and NSIR type (a
    repeat report of the same incident to another agency counts once), open escalation flags by rule,
    ASB Case Review applications by month and threshold decision, and response-target performance by
    lead agency and level (share met on time). No identity, ever: only counts leave the database.

    **Small numbers are suppressed.** A count of 1 to 4 is shown as `"1-4"`; `"*"` marks a further count
    withheld so that a hidden cell cannot be recovered by subtracting the visible cells from a row or
    column total (secondary suppression). Zeros are shown. Every other count (cells and totals) is
    rounded down to a multiple of 5 (`10` means 10 to 14), so that subtracting one query from another
    (all areas minus one area, a period minus a shorter one) never recovers a small count exactly. Only
    the `analyst` role may read statistics.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statistics
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            area=area,
        )
    ).parsed
