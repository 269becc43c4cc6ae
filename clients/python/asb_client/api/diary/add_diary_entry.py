from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.diary_entry import DiaryEntry
from ...models.diary_entry_input import DiaryEntryInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: DiaryEntryInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/diary-entries".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DiaryEntry | Problem | None:
    if response.status_code == 201:
        response_201 = DiaryEntry.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DiaryEntry | Problem]:
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
    body: DiaryEntryInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[DiaryEntry | Problem]:
    """Add a diary entry

     Records one incident from a victim's diary sheet. The entry is acknowledged at once
    (`acknowledged_at`, `acknowledgement_reference`: pass these back to the victim), restarts the
    victim-update clock, and is run through the escalation rules (hate, severity rise, repeat victim,
    case review eligibility), which may raise flags and the case's level. Entries are never edited: to
    correct one, add an amendment. Send an `Idempotency-Key` so that a retry after a timeout cannot
    record the incident twice: the same key and body return the first entry again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (DiaryEntryInput): One incident from the victim's diary sheet, in the victim's words
            where possible. Example: {'started_at': '2025-03-09T22:40:00Z', 'duration_minutes': 90,
            'location': 'Back garden and shared fence, Example Terrace, March', 'what_happened':
            'Music from number 14 so loud the windows shook. When I asked them to turn it down the man
            shouted "go back where you came from" over the fence.', 'responsible': 'Man at number 14,
            about 30, shaved head', 'witnesses': 'My son (16)', 'effect_on_victim': 'Could not sleep;
            my mother was crying.', 'reported_to': 'Police, 101', 'reported_reference':
            'CC-20250309-1187', 'category': 'verbal_abuse', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'victim', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'source_system': 'fen-housing-hms', 'amends': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiaryEntry | Problem]
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
    body: DiaryEntryInput,
    idempotency_key: str | Unset = UNSET,
) -> DiaryEntry | Problem | None:
    """Add a diary entry

     Records one incident from a victim's diary sheet. The entry is acknowledged at once
    (`acknowledged_at`, `acknowledgement_reference`: pass these back to the victim), restarts the
    victim-update clock, and is run through the escalation rules (hate, severity rise, repeat victim,
    case review eligibility), which may raise flags and the case's level. Entries are never edited: to
    correct one, add an amendment. Send an `Idempotency-Key` so that a retry after a timeout cannot
    record the incident twice: the same key and body return the first entry again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (DiaryEntryInput): One incident from the victim's diary sheet, in the victim's words
            where possible. Example: {'started_at': '2025-03-09T22:40:00Z', 'duration_minutes': 90,
            'location': 'Back garden and shared fence, Example Terrace, March', 'what_happened':
            'Music from number 14 so loud the windows shook. When I asked them to turn it down the man
            shouted "go back where you came from" over the fence.', 'responsible': 'Man at number 14,
            about 30, shaved head', 'witnesses': 'My son (16)', 'effect_on_victim': 'Could not sleep;
            my mother was crying.', 'reported_to': 'Police, 101', 'reported_reference':
            'CC-20250309-1187', 'category': 'verbal_abuse', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'victim', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'source_system': 'fen-housing-hms', 'amends': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiaryEntry | Problem
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
    body: DiaryEntryInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[DiaryEntry | Problem]:
    """Add a diary entry

     Records one incident from a victim's diary sheet. The entry is acknowledged at once
    (`acknowledged_at`, `acknowledgement_reference`: pass these back to the victim), restarts the
    victim-update clock, and is run through the escalation rules (hate, severity rise, repeat victim,
    case review eligibility), which may raise flags and the case's level. Entries are never edited: to
    correct one, add an amendment. Send an `Idempotency-Key` so that a retry after a timeout cannot
    record the incident twice: the same key and body return the first entry again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (DiaryEntryInput): One incident from the victim's diary sheet, in the victim's words
            where possible. Example: {'started_at': '2025-03-09T22:40:00Z', 'duration_minutes': 90,
            'location': 'Back garden and shared fence, Example Terrace, March', 'what_happened':
            'Music from number 14 so loud the windows shook. When I asked them to turn it down the man
            shouted "go back where you came from" over the fence.', 'responsible': 'Man at number 14,
            about 30, shaved head', 'witnesses': 'My son (16)', 'effect_on_victim': 'Could not sleep;
            my mother was crying.', 'reported_to': 'Police, 101', 'reported_reference':
            'CC-20250309-1187', 'category': 'verbal_abuse', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'victim', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'source_system': 'fen-housing-hms', 'amends': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiaryEntry | Problem]
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
    body: DiaryEntryInput,
    idempotency_key: str | Unset = UNSET,
) -> DiaryEntry | Problem | None:
    """Add a diary entry

     Records one incident from a victim's diary sheet. The entry is acknowledged at once
    (`acknowledged_at`, `acknowledgement_reference`: pass these back to the victim), restarts the
    victim-update clock, and is run through the escalation rules (hate, severity rise, repeat victim,
    case review eligibility), which may raise flags and the case's level. Entries are never edited: to
    correct one, add an amendment. Send an `Idempotency-Key` so that a retry after a timeout cannot
    record the incident twice: the same key and body return the first entry again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (DiaryEntryInput): One incident from the victim's diary sheet, in the victim's words
            where possible. Example: {'started_at': '2025-03-09T22:40:00Z', 'duration_minutes': 90,
            'location': 'Back garden and shared fence, Example Terrace, March', 'what_happened':
            'Music from number 14 so loud the windows shook. When I asked them to turn it down the man
            shouted "go back where you came from" over the fence.', 'responsible': 'Man at number 14,
            about 30, shaved head', 'witnesses': 'My son (16)', 'effect_on_victim': 'Could not sleep;
            my mother was crying.', 'reported_to': 'Police, 101', 'reported_reference':
            'CC-20250309-1187', 'category': 'verbal_abuse', 'hostility_perceived': ['race'],
            'hostility_perceived_by': 'victim', 'hostility_asked': True, 'victim_feels_targeted':
            True, 'source_system': 'fen-housing-hms', 'amends': None}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiaryEntry | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
