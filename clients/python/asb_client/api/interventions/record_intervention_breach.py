from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervention_breach import InterventionBreach
from ...models.intervention_breach_input import InterventionBreachInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    intervention_id: UUID,
    *,
    body: InterventionBreachInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/interventions/{intervention_id}/breaches".format(
            case_id=quote(str(case_id), safe=""),
            intervention_id=quote(str(intervention_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InterventionBreach | Problem | None:
    if response.status_code == 201:
        response_201 = InterventionBreach.from_dict(response.json())

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
) -> Response[InterventionBreach | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionBreachInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[InterventionBreach | Problem]:
    """Record a breach of an issued intervention

     The breach lands on the case as an incident (an officer report, `GET .../incidents`, readable by
    every member agency, the police included) and folds through the escalation rules like any other.
    Breaching a Community Protection Notice, a Criminal Behaviour Order or a closure notice or order is
    a criminal offence (category `order_breach`); breaching a civil injunction is contempt of court
    (`injunction_breach`; the account says when a power of arrest is attached): both severity 4, so on a
    case whose earlier incidents were less severe the breach raises `severity-rise`. A `category` of the
    behaviour that breached it replaces these when at least as severe (a threat, an assault: then
    `critical-incident` too); for a tool whose breach is no offence in law (a warning, an Acceptable
    Behaviour Agreement, a Community Protection Warning) the behaviour's `category` is required. Only an
    issued (or already breached) intervention can be breached, and not a mediation, a referral or
    possession proceedings (`409`). The intervention becomes `breached`; the timeline gets
    `intervention_breached` (the tool, what a breach means in law, the severity). `Idempotency-Key` as
    for recording one.

    Args:
        case_id (UUID):
        intervention_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionBreachInput):  Example: {'occurred_at': '2026-12-12T23:30:00Z',
            'account': 'Loud music from the flat until 02:00', 'category': 'noise'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InterventionBreach | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        intervention_id=intervention_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionBreachInput,
    idempotency_key: str | Unset = UNSET,
) -> InterventionBreach | Problem | None:
    """Record a breach of an issued intervention

     The breach lands on the case as an incident (an officer report, `GET .../incidents`, readable by
    every member agency, the police included) and folds through the escalation rules like any other.
    Breaching a Community Protection Notice, a Criminal Behaviour Order or a closure notice or order is
    a criminal offence (category `order_breach`); breaching a civil injunction is contempt of court
    (`injunction_breach`; the account says when a power of arrest is attached): both severity 4, so on a
    case whose earlier incidents were less severe the breach raises `severity-rise`. A `category` of the
    behaviour that breached it replaces these when at least as severe (a threat, an assault: then
    `critical-incident` too); for a tool whose breach is no offence in law (a warning, an Acceptable
    Behaviour Agreement, a Community Protection Warning) the behaviour's `category` is required. Only an
    issued (or already breached) intervention can be breached, and not a mediation, a referral or
    possession proceedings (`409`). The intervention becomes `breached`; the timeline gets
    `intervention_breached` (the tool, what a breach means in law, the severity). `Idempotency-Key` as
    for recording one.

    Args:
        case_id (UUID):
        intervention_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionBreachInput):  Example: {'occurred_at': '2026-12-12T23:30:00Z',
            'account': 'Loud music from the flat until 02:00', 'category': 'noise'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InterventionBreach | Problem
    """

    return sync_detailed(
        case_id=case_id,
        intervention_id=intervention_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionBreachInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[InterventionBreach | Problem]:
    """Record a breach of an issued intervention

     The breach lands on the case as an incident (an officer report, `GET .../incidents`, readable by
    every member agency, the police included) and folds through the escalation rules like any other.
    Breaching a Community Protection Notice, a Criminal Behaviour Order or a closure notice or order is
    a criminal offence (category `order_breach`); breaching a civil injunction is contempt of court
    (`injunction_breach`; the account says when a power of arrest is attached): both severity 4, so on a
    case whose earlier incidents were less severe the breach raises `severity-rise`. A `category` of the
    behaviour that breached it replaces these when at least as severe (a threat, an assault: then
    `critical-incident` too); for a tool whose breach is no offence in law (a warning, an Acceptable
    Behaviour Agreement, a Community Protection Warning) the behaviour's `category` is required. Only an
    issued (or already breached) intervention can be breached, and not a mediation, a referral or
    possession proceedings (`409`). The intervention becomes `breached`; the timeline gets
    `intervention_breached` (the tool, what a breach means in law, the severity). `Idempotency-Key` as
    for recording one.

    Args:
        case_id (UUID):
        intervention_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionBreachInput):  Example: {'occurred_at': '2026-12-12T23:30:00Z',
            'account': 'Loud music from the flat until 02:00', 'category': 'noise'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InterventionBreach | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        intervention_id=intervention_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    intervention_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: InterventionBreachInput,
    idempotency_key: str | Unset = UNSET,
) -> InterventionBreach | Problem | None:
    """Record a breach of an issued intervention

     The breach lands on the case as an incident (an officer report, `GET .../incidents`, readable by
    every member agency, the police included) and folds through the escalation rules like any other.
    Breaching a Community Protection Notice, a Criminal Behaviour Order or a closure notice or order is
    a criminal offence (category `order_breach`); breaching a civil injunction is contempt of court
    (`injunction_breach`; the account says when a power of arrest is attached): both severity 4, so on a
    case whose earlier incidents were less severe the breach raises `severity-rise`. A `category` of the
    behaviour that breached it replaces these when at least as severe (a threat, an assault: then
    `critical-incident` too); for a tool whose breach is no offence in law (a warning, an Acceptable
    Behaviour Agreement, a Community Protection Warning) the behaviour's `category` is required. Only an
    issued (or already breached) intervention can be breached, and not a mediation, a referral or
    possession proceedings (`409`). The intervention becomes `breached`; the timeline gets
    `intervention_breached` (the tool, what a breach means in law, the severity). `Idempotency-Key` as
    for recording one.

    Args:
        case_id (UUID):
        intervention_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionBreachInput):  Example: {'occurred_at': '2026-12-12T23:30:00Z',
            'account': 'Loud music from the flat until 02:00', 'category': 'noise'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InterventionBreach | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            intervention_id=intervention_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
