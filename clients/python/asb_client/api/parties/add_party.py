from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.party import Party
from ...models.party_input import PartyInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: PartyInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/parties".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Party | Problem | None:
    if response.status_code == 201:
        response_201 = Party.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Party | Problem]:
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
    body: PartyInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Party | Problem]:
    """Add a party to an open case

     Adds a victim (a second victim too), complainant, alleged perpetrator or witness. Name and contact
    details are optional (a witness may be known only by role) and are restricted: they are stored
    apart, never appear in the answer, the timeline, webhooks or the audit log, and are read back only
    by caseworkers and supervisors of a member agency (`getParty`, `listParties`, each read audited).
    The party gets a label that identifies nobody (`Witness 2`). Consent is `not_asked` unless given
    here. The timeline gets `party_added` (role and label only). Send an `Idempotency-Key` so that a
    retry cannot add the party twice: the same key and body return the first party again (`201`); the
    same key with a different body is a `422` (`idempotency-key-reused`). A closed case is a `409`.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (PartyInput): A party added to a case. Every identity field is optional and
            restricted (never shown to roles that may not see identity, never in timelines, webhooks
            or the audit log). Example: {'role': 'victim', 'name': 'Joan Rahman', 'phone': '01354 000
            000', 'consent': {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Party | Problem]
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
    body: PartyInput,
    idempotency_key: str | Unset = UNSET,
) -> Party | Problem | None:
    """Add a party to an open case

     Adds a victim (a second victim too), complainant, alleged perpetrator or witness. Name and contact
    details are optional (a witness may be known only by role) and are restricted: they are stored
    apart, never appear in the answer, the timeline, webhooks or the audit log, and are read back only
    by caseworkers and supervisors of a member agency (`getParty`, `listParties`, each read audited).
    The party gets a label that identifies nobody (`Witness 2`). Consent is `not_asked` unless given
    here. The timeline gets `party_added` (role and label only). Send an `Idempotency-Key` so that a
    retry cannot add the party twice: the same key and body return the first party again (`201`); the
    same key with a different body is a `422` (`idempotency-key-reused`). A closed case is a `409`.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (PartyInput): A party added to a case. Every identity field is optional and
            restricted (never shown to roles that may not see identity, never in timelines, webhooks
            or the audit log). Example: {'role': 'victim', 'name': 'Joan Rahman', 'phone': '01354 000
            000', 'consent': {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Party | Problem
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
    body: PartyInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Party | Problem]:
    """Add a party to an open case

     Adds a victim (a second victim too), complainant, alleged perpetrator or witness. Name and contact
    details are optional (a witness may be known only by role) and are restricted: they are stored
    apart, never appear in the answer, the timeline, webhooks or the audit log, and are read back only
    by caseworkers and supervisors of a member agency (`getParty`, `listParties`, each read audited).
    The party gets a label that identifies nobody (`Witness 2`). Consent is `not_asked` unless given
    here. The timeline gets `party_added` (role and label only). Send an `Idempotency-Key` so that a
    retry cannot add the party twice: the same key and body return the first party again (`201`); the
    same key with a different body is a `422` (`idempotency-key-reused`). A closed case is a `409`.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (PartyInput): A party added to a case. Every identity field is optional and
            restricted (never shown to roles that may not see identity, never in timelines, webhooks
            or the audit log). Example: {'role': 'victim', 'name': 'Joan Rahman', 'phone': '01354 000
            000', 'consent': {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Party | Problem]
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
    body: PartyInput,
    idempotency_key: str | Unset = UNSET,
) -> Party | Problem | None:
    """Add a party to an open case

     Adds a victim (a second victim too), complainant, alleged perpetrator or witness. Name and contact
    details are optional (a witness may be known only by role) and are restricted: they are stored
    apart, never appear in the answer, the timeline, webhooks or the audit log, and are read back only
    by caseworkers and supervisors of a member agency (`getParty`, `listParties`, each read audited).
    The party gets a label that identifies nobody (`Witness 2`). Consent is `not_asked` unless given
    here. The timeline gets `party_added` (role and label only). Send an `Idempotency-Key` so that a
    retry cannot add the party twice: the same key and body return the first party again (`201`); the
    same key with a different body is a `422` (`idempotency-key-reused`). A closed case is a `409`.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (PartyInput): A party added to a case. Every identity field is optional and
            restricted (never shown to roles that may not see identity, never in timelines, webhooks
            or the audit log). Example: {'role': 'victim', 'name': 'Joan Rahman', 'phone': '01354 000
            000', 'consent': {'state': 'given'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Party | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
