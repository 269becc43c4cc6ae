from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.member import Member
from ...models.problem import Problem
from ...models.share_request import ShareRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: ShareRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/members".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Member | Problem | None:
    if response.status_code == 201:
        response_201 = Member.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Member | Problem]:
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
    body: ShareRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Member | Problem]:
    """Share the case with another agency

     Adds an agency as a member so that it sees the case and can add to it. The basis is the victim's
    consent (`basis: consent`, only when consent is `given`) or a recorded legal basis (`basis:
    legal_basis` with `legal_basis`, e.g. "Crime and Disorder Act 1998 s115, prevention of harm");
    without either the answer is a `422` of type `consent-required`. The disclosure is audited with your
    `justification`. Sharing with a current member is a `409`. Sharing with a police agency meets an
    open `share_with_police` target. With an `Idempotency-Key`, a retry with the same body answers with
    the first membership.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ShareRequest):  Example: {'agency': 'fen-housing', 'basis': 'consent',
            'justification': 'Victim and neighbour are both tenants of Fen Housing.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Member | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareRequest,
    idempotency_key: str | Unset = UNSET,
) -> Member | Problem | None:
    """Share the case with another agency

     Adds an agency as a member so that it sees the case and can add to it. The basis is the victim's
    consent (`basis: consent`, only when consent is `given`) or a recorded legal basis (`basis:
    legal_basis` with `legal_basis`, e.g. "Crime and Disorder Act 1998 s115, prevention of harm");
    without either the answer is a `422` of type `consent-required`. The disclosure is audited with your
    `justification`. Sharing with a current member is a `409`. Sharing with a police agency meets an
    open `share_with_police` target. With an `Idempotency-Key`, a retry with the same body answers with
    the first membership.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ShareRequest):  Example: {'agency': 'fen-housing', 'basis': 'consent',
            'justification': 'Victim and neighbour are both tenants of Fen Housing.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Member | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Member | Problem]:
    """Share the case with another agency

     Adds an agency as a member so that it sees the case and can add to it. The basis is the victim's
    consent (`basis: consent`, only when consent is `given`) or a recorded legal basis (`basis:
    legal_basis` with `legal_basis`, e.g. "Crime and Disorder Act 1998 s115, prevention of harm");
    without either the answer is a `422` of type `consent-required`. The disclosure is audited with your
    `justification`. Sharing with a current member is a `409`. Sharing with a police agency meets an
    open `share_with_police` target. With an `Idempotency-Key`, a retry with the same body answers with
    the first membership.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ShareRequest):  Example: {'agency': 'fen-housing', 'basis': 'consent',
            'justification': 'Victim and neighbour are both tenants of Fen Housing.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Member | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareRequest,
    idempotency_key: str | Unset = UNSET,
) -> Member | Problem | None:
    """Share the case with another agency

     Adds an agency as a member so that it sees the case and can add to it. The basis is the victim's
    consent (`basis: consent`, only when consent is `given`) or a recorded legal basis (`basis:
    legal_basis` with `legal_basis`, e.g. "Crime and Disorder Act 1998 s115, prevention of harm");
    without either the answer is a `422` of type `consent-required`. The disclosure is audited with your
    `justification`. Sharing with a current member is a `409`. Sharing with a police agency meets an
    open `share_with_police` target. With an `Idempotency-Key`, a retry with the same body answers with
    the first membership.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ShareRequest):  Example: {'agency': 'fen-housing', 'basis': 'consent',
            'justification': 'Victim and neighbour are both tenants of Fen Housing.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Member | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
