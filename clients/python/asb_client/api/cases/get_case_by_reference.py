from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case import Case
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    reference: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/by-reference/{reference}".format(
            reference=quote(str(reference), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Case | Problem | None:
    if response.status_code == 200:
        response_200 = Case.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | Case | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reference: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Case | Problem]:
    """Find a case by its reference

     The case with this reference, exactly as `GET /v1/cases/{case_id}` answers it (`ETag`, `If-None-
    Match`). A reference that names no case, or a case your agency may not see, is a `404` alike.

    Args:
        reference (str): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and partners.
            Example: ASB-2026-000123.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Case | Problem]
    """

    kwargs = _get_kwargs(
        reference=reference,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reference: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | Case | Problem | None:
    """Find a case by its reference

     The case with this reference, exactly as `GET /v1/cases/{case_id}` answers it (`ETag`, `If-None-
    Match`). A reference that names no case, or a case your agency may not see, is a `404` alike.

    Args:
        reference (str): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and partners.
            Example: ASB-2026-000123.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Case | Problem
    """

    return sync_detailed(
        reference=reference,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    reference: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Case | Problem]:
    """Find a case by its reference

     The case with this reference, exactly as `GET /v1/cases/{case_id}` answers it (`ETag`, `If-None-
    Match`). A reference that names no case, or a case your agency may not see, is a `404` alike.

    Args:
        reference (str): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and partners.
            Example: ASB-2026-000123.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Case | Problem]
    """

    kwargs = _get_kwargs(
        reference=reference,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reference: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | Case | Problem | None:
    """Find a case by its reference

     The case with this reference, exactly as `GET /v1/cases/{case_id}` answers it (`ETag`, `If-None-
    Match`). A reference that names no case, or a case your agency may not see, is a `404` alike.

    Args:
        reference (str): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and partners.
            Example: ASB-2026-000123.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Case | Problem
    """

    return (
        await asyncio_detailed(
            reference=reference,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
