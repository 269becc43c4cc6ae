from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.retention_report import RetentionReport
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/retention/report",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RetentionReport | None:
    if response.status_code == 200:
        response_200 = RetentionReport.from_dict(response.json())

        return response_200

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
) -> Response[Problem | RetentionReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | RetentionReport]:
    """What retention would anonymise now (data protection officer)

     A dry run of the retention schedules over your agency's member cases: the schedules (days after
    closure, by the lead agency's kind, with their source), the closed cases past their period, the ones
    a legal hold keeps, and how many rows of each table anonymising them would change. Nothing changes:
    the operator's `asb retention run` and `asb worker` apply the schedules. Anonymising erases every
    party's identity and redacts free text (diary entries, officer accounts, updates, closures,
    reasons); categories, dates, levels, flags and targets are kept for statistics. `dpo` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetentionReport]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | RetentionReport | None:
    """What retention would anonymise now (data protection officer)

     A dry run of the retention schedules over your agency's member cases: the schedules (days after
    closure, by the lead agency's kind, with their source), the closed cases past their period, the ones
    a legal hold keeps, and how many rows of each table anonymising them would change. Nothing changes:
    the operator's `asb retention run` and `asb worker` apply the schedules. Anonymising erases every
    party's identity and redacts free text (diary entries, officer accounts, updates, closures,
    reasons); categories, dates, levels, flags and targets are kept for statistics. `dpo` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetentionReport
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | RetentionReport]:
    """What retention would anonymise now (data protection officer)

     A dry run of the retention schedules over your agency's member cases: the schedules (days after
    closure, by the lead agency's kind, with their source), the closed cases past their period, the ones
    a legal hold keeps, and how many rows of each table anonymising them would change. Nothing changes:
    the operator's `asb retention run` and `asb worker` apply the schedules. Anonymising erases every
    party's identity and redacts free text (diary entries, officer accounts, updates, closures,
    reasons); categories, dates, levels, flags and targets are kept for statistics. `dpo` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetentionReport]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | RetentionReport | None:
    """What retention would anonymise now (data protection officer)

     A dry run of the retention schedules over your agency's member cases: the schedules (days after
    closure, by the lead agency's kind, with their source), the closed cases past their period, the ones
    a legal hold keeps, and how many rows of each table anonymising them would change. Nothing changes:
    the operator's `asb retention run` and `asb worker` apply the schedules. Anonymising erases every
    party's identity and redacts free text (diary entries, officer accounts, updates, closures,
    reasons); categories, dates, levels, flags and targets are kept for statistics. `dpo` only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetentionReport
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
