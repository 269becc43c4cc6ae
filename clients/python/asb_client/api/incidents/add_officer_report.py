from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident import Incident
from ...models.officer_report_input import OfficerReportInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: OfficerReportInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/incidents".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Incident | Problem | None:
    if response.status_code == 201:
        response_201 = Incident.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Incident | Problem]:
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
    body: OfficerReportInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Incident | Problem]:
    """Record an officer's report of an incident

     Records an incident that an officer (police or council, attending or told of it) or a police system
    reports directly, with no diary entry behind it. It is run through the escalation rules exactly as a
    diary entry's incident is (hate, severity rise, critical incident, repeat victim, case review
    eligibility): flags may be raised, and a critical category (threats, assault, arson, weapon) raises
    the case to high at once, with its open targets recomputed. It does not restart the victim-update
    clock (only telling the victim does). When the case already holds the same incident (the victim's
    diary entry of that night, say), name it in `same_as` so that it is counted once. Caseworkers,
    supervisors and integration keys of member agencies may record; a closed case is a `409`. Send an
    `Idempotency-Key` so that a retry cannot record the incident twice: the same key and body return the
    first incident again (`201`); the same key with a different body is a `422` (`idempotency-key-
    reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (OfficerReportInput): An incident an officer witnessed or was told of. The account
            may name people: it is shown to member agencies that may read incidents, never put on the
            timeline, in a webhook or in the audit log. Example: {'occurred_at':
            '2025-03-09T22:55:00Z', 'category': 'threats', 'account': 'Attended after a 999 call. The
            man from number 14 was in the street holding a bat and shouting at the victim\\'s window;
            he said he would "burn them out".', 'officer_reference': 'CC-20250309-1187', 'location':
            'Outside 12 Example Terrace, March', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'officer', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'same_as': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Incident | Problem]
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
    body: OfficerReportInput,
    idempotency_key: str | Unset = UNSET,
) -> Incident | Problem | None:
    """Record an officer's report of an incident

     Records an incident that an officer (police or council, attending or told of it) or a police system
    reports directly, with no diary entry behind it. It is run through the escalation rules exactly as a
    diary entry's incident is (hate, severity rise, critical incident, repeat victim, case review
    eligibility): flags may be raised, and a critical category (threats, assault, arson, weapon) raises
    the case to high at once, with its open targets recomputed. It does not restart the victim-update
    clock (only telling the victim does). When the case already holds the same incident (the victim's
    diary entry of that night, say), name it in `same_as` so that it is counted once. Caseworkers,
    supervisors and integration keys of member agencies may record; a closed case is a `409`. Send an
    `Idempotency-Key` so that a retry cannot record the incident twice: the same key and body return the
    first incident again (`201`); the same key with a different body is a `422` (`idempotency-key-
    reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (OfficerReportInput): An incident an officer witnessed or was told of. The account
            may name people: it is shown to member agencies that may read incidents, never put on the
            timeline, in a webhook or in the audit log. Example: {'occurred_at':
            '2025-03-09T22:55:00Z', 'category': 'threats', 'account': 'Attended after a 999 call. The
            man from number 14 was in the street holding a bat and shouting at the victim\\'s window;
            he said he would "burn them out".', 'officer_reference': 'CC-20250309-1187', 'location':
            'Outside 12 Example Terrace, March', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'officer', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'same_as': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Incident | Problem
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
    body: OfficerReportInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Incident | Problem]:
    """Record an officer's report of an incident

     Records an incident that an officer (police or council, attending or told of it) or a police system
    reports directly, with no diary entry behind it. It is run through the escalation rules exactly as a
    diary entry's incident is (hate, severity rise, critical incident, repeat victim, case review
    eligibility): flags may be raised, and a critical category (threats, assault, arson, weapon) raises
    the case to high at once, with its open targets recomputed. It does not restart the victim-update
    clock (only telling the victim does). When the case already holds the same incident (the victim's
    diary entry of that night, say), name it in `same_as` so that it is counted once. Caseworkers,
    supervisors and integration keys of member agencies may record; a closed case is a `409`. Send an
    `Idempotency-Key` so that a retry cannot record the incident twice: the same key and body return the
    first incident again (`201`); the same key with a different body is a `422` (`idempotency-key-
    reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (OfficerReportInput): An incident an officer witnessed or was told of. The account
            may name people: it is shown to member agencies that may read incidents, never put on the
            timeline, in a webhook or in the audit log. Example: {'occurred_at':
            '2025-03-09T22:55:00Z', 'category': 'threats', 'account': 'Attended after a 999 call. The
            man from number 14 was in the street holding a bat and shouting at the victim\\'s window;
            he said he would "burn them out".', 'officer_reference': 'CC-20250309-1187', 'location':
            'Outside 12 Example Terrace, March', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'officer', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'same_as': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Incident | Problem]
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
    body: OfficerReportInput,
    idempotency_key: str | Unset = UNSET,
) -> Incident | Problem | None:
    """Record an officer's report of an incident

     Records an incident that an officer (police or council, attending or told of it) or a police system
    reports directly, with no diary entry behind it. It is run through the escalation rules exactly as a
    diary entry's incident is (hate, severity rise, critical incident, repeat victim, case review
    eligibility): flags may be raised, and a critical category (threats, assault, arson, weapon) raises
    the case to high at once, with its open targets recomputed. It does not restart the victim-update
    clock (only telling the victim does). When the case already holds the same incident (the victim's
    diary entry of that night, say), name it in `same_as` so that it is counted once. Caseworkers,
    supervisors and integration keys of member agencies may record; a closed case is a `409`. Send an
    `Idempotency-Key` so that a retry cannot record the incident twice: the same key and body return the
    first incident again (`201`); the same key with a different body is a `422` (`idempotency-key-
    reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (OfficerReportInput): An incident an officer witnessed or was told of. The account
            may name people: it is shown to member agencies that may read incidents, never put on the
            timeline, in a webhook or in the audit log. Example: {'occurred_at':
            '2025-03-09T22:55:00Z', 'category': 'threats', 'account': 'Attended after a 999 call. The
            man from number 14 was in the street holding a bat and shouting at the victim\\'s window;
            he said he would "burn them out".', 'officer_reference': 'CC-20250309-1187', 'location':
            'Outside 12 Example Terrace, March', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'officer', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'same_as': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Incident | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
