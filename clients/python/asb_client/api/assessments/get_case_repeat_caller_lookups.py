from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_lookup_log import CaseLookupLog
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/repeat-caller-lookups".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaseLookupLog | Problem | None:
    if response.status_code == 200:
        response_200 = CaseLookupLog.from_dict(response.json())

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
) -> Response[CaseLookupLog | Problem]:
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
) -> Response[CaseLookupLog | Problem]:
    """Who looked this case's victim or complainant up (lead agency only)

     For supervisors and auditors of the case's lead agency: the repeat-caller lookups that matched this
    case (latest first, at most 200), and for each key that made one, that key's lookups in the window
    of the hit by outcome (`hits`, `misses`, `refused`) and whether its misses reached the alert
    threshold. A key that matched the case after hundreds of misses is someone searching, not a repeat
    caller. Never contains the number or address looked up (they are not stored). A member that is not
    the lead gets 403; a caller that cannot see the case, 404. The read is audited.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseLookupLog | Problem]
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
) -> CaseLookupLog | Problem | None:
    """Who looked this case's victim or complainant up (lead agency only)

     For supervisors and auditors of the case's lead agency: the repeat-caller lookups that matched this
    case (latest first, at most 200), and for each key that made one, that key's lookups in the window
    of the hit by outcome (`hits`, `misses`, `refused`) and whether its misses reached the alert
    threshold. A key that matched the case after hundreds of misses is someone searching, not a repeat
    caller. Never contains the number or address looked up (they are not stored). A member that is not
    the lead gets 403; a caller that cannot see the case, 404. The read is audited.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseLookupLog | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CaseLookupLog | Problem]:
    """Who looked this case's victim or complainant up (lead agency only)

     For supervisors and auditors of the case's lead agency: the repeat-caller lookups that matched this
    case (latest first, at most 200), and for each key that made one, that key's lookups in the window
    of the hit by outcome (`hits`, `misses`, `refused`) and whether its misses reached the alert
    threshold. A key that matched the case after hundreds of misses is someone searching, not a repeat
    caller. Never contains the number or address looked up (they are not stored). A member that is not
    the lead gets 403; a caller that cannot see the case, 404. The read is audited.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseLookupLog | Problem]
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
) -> CaseLookupLog | Problem | None:
    """Who looked this case's victim or complainant up (lead agency only)

     For supervisors and auditors of the case's lead agency: the repeat-caller lookups that matched this
    case (latest first, at most 200), and for each key that made one, that key's lookups in the window
    of the hit by outcome (`hits`, `misses`, `refused`) and whether its misses reached the alert
    threshold. A key that matched the case after hundreds of misses is someone searching, not a repeat
    caller. Never contains the number or address looked up (they are not stored). A member that is not
    the lead gets 403; a caller that cannot see the case, 404. The read is audited.

    Args:
        case_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseLookupLog | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
        )
    ).parsed
