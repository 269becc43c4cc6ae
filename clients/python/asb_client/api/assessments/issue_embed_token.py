from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.embed_token import EmbedToken
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/embed-tokens",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmbedToken | Problem | None:
    if response.status_code == 201:
        response_201 = EmbedToken.from_dict(response.json())

        return response_201

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
) -> Response[EmbedToken | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmbedToken | Problem]:
    """Exchange your API key for a short-lived embed token

     For call-handling systems that embed the assessment page (`/embed/assessment`) in a browser: call
    this server-side with your API key and hand the returned token to the page (URL fragment or
    `postMessage`). The token is a bearer credential that may only read the policy, evaluate
    assessments, open cases and look up repeat callers (on your key's lookup budget, logged and audited
    under your key), for 15 minutes; the browser never sees your key. A token is tied to the key that
    minted it: once that key is revoked (`asb key revoke`) or its agency disabled (`asb agency
    disable`), the token is refused with `401` within `ASB_KEY_CACHE_SECONDS`, like the key. Embed
    tokens cannot issue embed tokens (`403`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmbedToken | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> EmbedToken | Problem | None:
    """Exchange your API key for a short-lived embed token

     For call-handling systems that embed the assessment page (`/embed/assessment`) in a browser: call
    this server-side with your API key and hand the returned token to the page (URL fragment or
    `postMessage`). The token is a bearer credential that may only read the policy, evaluate
    assessments, open cases and look up repeat callers (on your key's lookup budget, logged and audited
    under your key), for 15 minutes; the browser never sees your key. A token is tied to the key that
    minted it: once that key is revoked (`asb key revoke`) or its agency disabled (`asb agency
    disable`), the token is refused with `401` within `ASB_KEY_CACHE_SECONDS`, like the key. Embed
    tokens cannot issue embed tokens (`403`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmbedToken | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmbedToken | Problem]:
    """Exchange your API key for a short-lived embed token

     For call-handling systems that embed the assessment page (`/embed/assessment`) in a browser: call
    this server-side with your API key and hand the returned token to the page (URL fragment or
    `postMessage`). The token is a bearer credential that may only read the policy, evaluate
    assessments, open cases and look up repeat callers (on your key's lookup budget, logged and audited
    under your key), for 15 minutes; the browser never sees your key. A token is tied to the key that
    minted it: once that key is revoked (`asb key revoke`) or its agency disabled (`asb agency
    disable`), the token is refused with `401` within `ASB_KEY_CACHE_SECONDS`, like the key. Embed
    tokens cannot issue embed tokens (`403`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmbedToken | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> EmbedToken | Problem | None:
    """Exchange your API key for a short-lived embed token

     For call-handling systems that embed the assessment page (`/embed/assessment`) in a browser: call
    this server-side with your API key and hand the returned token to the page (URL fragment or
    `postMessage`). The token is a bearer credential that may only read the policy, evaluate
    assessments, open cases and look up repeat callers (on your key's lookup budget, logged and audited
    under your key), for 15 minutes; the browser never sees your key. A token is tied to the key that
    minted it: once that key is revoked (`asb key revoke`) or its agency disabled (`asb agency
    disable`), the token is refused with `401` within `ASB_KEY_CACHE_SECONDS`, like the key. Embed
    tokens cannot issue embed tokens (`403`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmbedToken | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
