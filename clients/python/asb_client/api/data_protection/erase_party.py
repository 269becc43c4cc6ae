from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erasure import Erasure
from ...models.erasure_input import ErasureInput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    party_id: UUID,
    *,
    body: ErasureInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/parties/{party_id}/erasure".format(
            case_id=quote(str(case_id), safe=""),
            party_id=quote(str(party_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Erasure | Problem | None:
    if response.status_code == 200:
        response_200 = Erasure.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Erasure | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureInput,
) -> Response[Erasure | Problem]:
    """Erase one party's identity from the case (data protection officer)

     Deletes the party's name, phone, email, address, date of birth and repeat-caller digests, clears its
    description and marks it erased; the case's facts stay. With `free_text: true` the party's name (and
    surname), phone, email and address are also replaced by `[erased]` wherever the case's free text
    repeats them. Audited as `party.erase` with the request's reference and reason (an erasable note),
    who authorised it, the names of the fields erased and the rows changed per table, never a value; the
    audit chain still verifies. `409` when the case is under a legal hold or the party was already
    erased. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        body (ErasureInput):  Example: {'request_reference': 'DPO-2026-0142', 'reason': 'UK GDPR
            Art. 17(1)(a): no longer necessary', 'free_text': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Erasure | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureInput,
) -> Erasure | Problem | None:
    """Erase one party's identity from the case (data protection officer)

     Deletes the party's name, phone, email, address, date of birth and repeat-caller digests, clears its
    description and marks it erased; the case's facts stay. With `free_text: true` the party's name (and
    surname), phone, email and address are also replaced by `[erased]` wherever the case's free text
    repeats them. Audited as `party.erase` with the request's reference and reason (an erasable note),
    who authorised it, the names of the fields erased and the rows changed per table, never a value; the
    audit chain still verifies. `409` when the case is under a legal hold or the party was already
    erased. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        body (ErasureInput):  Example: {'request_reference': 'DPO-2026-0142', 'reason': 'UK GDPR
            Art. 17(1)(a): no longer necessary', 'free_text': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Erasure | Problem
    """

    return sync_detailed(
        case_id=case_id,
        party_id=party_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureInput,
) -> Response[Erasure | Problem]:
    """Erase one party's identity from the case (data protection officer)

     Deletes the party's name, phone, email, address, date of birth and repeat-caller digests, clears its
    description and marks it erased; the case's facts stay. With `free_text: true` the party's name (and
    surname), phone, email and address are also replaced by `[erased]` wherever the case's free text
    repeats them. Audited as `party.erase` with the request's reference and reason (an erasable note),
    who authorised it, the names of the fields erased and the rows changed per table, never a value; the
    audit chain still verifies. `409` when the case is under a legal hold or the party was already
    erased. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        body (ErasureInput):  Example: {'request_reference': 'DPO-2026-0142', 'reason': 'UK GDPR
            Art. 17(1)(a): no longer necessary', 'free_text': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Erasure | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ErasureInput,
) -> Erasure | Problem | None:
    """Erase one party's identity from the case (data protection officer)

     Deletes the party's name, phone, email, address, date of birth and repeat-caller digests, clears its
    description and marks it erased; the case's facts stay. With `free_text: true` the party's name (and
    surname), phone, email and address are also replaced by `[erased]` wherever the case's free text
    repeats them. Audited as `party.erase` with the request's reference and reason (an erasable note),
    who authorised it, the names of the fields erased and the rows changed per table, never a value; the
    audit chain still verifies. `409` when the case is under a legal hold or the party was already
    erased. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        body (ErasureInput):  Example: {'request_reference': 'DPO-2026-0142', 'reason': 'UK GDPR
            Art. 17(1)(a): no longer necessary', 'free_text': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Erasure | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            party_id=party_id,
            client=client,
            body=body,
        )
    ).parsed
