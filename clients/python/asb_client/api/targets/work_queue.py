from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target_page import TargetPage
from ...models.work_queue_scope import WorkQueueScope
from ...models.work_queue_state import WorkQueueState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    scope: WorkQueueScope | Unset = WorkQueueScope.OWNED,
    state: WorkQueueState | Unset = WorkQueueState.DUE,
    within_hours: int | Unset = 24,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_scope: str | Unset = UNSET
    if not isinstance(scope, Unset):
        json_scope = scope.value

    params["scope"] = json_scope

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    params["within_hours"] = within_hours

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/targets",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TargetPage | None:
    if response.status_code == 200:
        response_200 = TargetPage.from_dict(response.json())

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
) -> Response[Problem | TargetPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    scope: WorkQueueScope | Unset = WorkQueueScope.OWNED,
    state: WorkQueueState | Unset = WorkQueueState.DUE,
    within_hours: int | Unset = 24,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[Problem | TargetPage]:
    """Your agency's work queue

     Open targets soonest due first: `due` (open and not yet late), `due_soon` (due within
    `within_hours`) or `breached` (late and not yet met). By default only the work your agency owns
    (`scope=owned`: every target has an owner agency, the lead agency's unless reassigned);
    `scope=all_member_cases` lists every open target on the cases your agency is a member of, whoever
    owns it.

    Args:
        scope (WorkQueueScope | Unset):  Default: WorkQueueScope.OWNED.
        state (WorkQueueState | Unset):  Default: WorkQueueState.DUE.
        within_hours (int | Unset):  Default: 24.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetPage]
    """

    kwargs = _get_kwargs(
        scope=scope,
        state=state,
        within_hours=within_hours,
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
    scope: WorkQueueScope | Unset = WorkQueueScope.OWNED,
    state: WorkQueueState | Unset = WorkQueueState.DUE,
    within_hours: int | Unset = 24,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Problem | TargetPage | None:
    """Your agency's work queue

     Open targets soonest due first: `due` (open and not yet late), `due_soon` (due within
    `within_hours`) or `breached` (late and not yet met). By default only the work your agency owns
    (`scope=owned`: every target has an owner agency, the lead agency's unless reassigned);
    `scope=all_member_cases` lists every open target on the cases your agency is a member of, whoever
    owns it.

    Args:
        scope (WorkQueueScope | Unset):  Default: WorkQueueScope.OWNED.
        state (WorkQueueState | Unset):  Default: WorkQueueState.DUE.
        within_hours (int | Unset):  Default: 24.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetPage
    """

    return sync_detailed(
        client=client,
        scope=scope,
        state=state,
        within_hours=within_hours,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    scope: WorkQueueScope | Unset = WorkQueueScope.OWNED,
    state: WorkQueueState | Unset = WorkQueueState.DUE,
    within_hours: int | Unset = 24,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[Problem | TargetPage]:
    """Your agency's work queue

     Open targets soonest due first: `due` (open and not yet late), `due_soon` (due within
    `within_hours`) or `breached` (late and not yet met). By default only the work your agency owns
    (`scope=owned`: every target has an owner agency, the lead agency's unless reassigned);
    `scope=all_member_cases` lists every open target on the cases your agency is a member of, whoever
    owns it.

    Args:
        scope (WorkQueueScope | Unset):  Default: WorkQueueScope.OWNED.
        state (WorkQueueState | Unset):  Default: WorkQueueState.DUE.
        within_hours (int | Unset):  Default: 24.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetPage]
    """

    kwargs = _get_kwargs(
        scope=scope,
        state=state,
        within_hours=within_hours,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    scope: WorkQueueScope | Unset = WorkQueueScope.OWNED,
    state: WorkQueueState | Unset = WorkQueueState.DUE,
    within_hours: int | Unset = 24,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Problem | TargetPage | None:
    """Your agency's work queue

     Open targets soonest due first: `due` (open and not yet late), `due_soon` (due within
    `within_hours`) or `breached` (late and not yet met). By default only the work your agency owns
    (`scope=owned`: every target has an owner agency, the lead agency's unless reassigned);
    `scope=all_member_cases` lists every open target on the cases your agency is a member of, whoever
    owns it.

    Args:
        scope (WorkQueueScope | Unset):  Default: WorkQueueScope.OWNED.
        state (WorkQueueState | Unset):  Default: WorkQueueState.DUE.
        within_hours (int | Unset):  Default: 24.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetPage
    """

    return (
        await asyncio_detailed(
            client=client,
            scope=scope,
            state=state,
            within_hours=within_hours,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
