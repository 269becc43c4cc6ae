from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.intervention import Intervention
from ...models.intervention_input import InterventionInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: InterventionInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/interventions".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Intervention | Problem | None:
    if response.status_code == 201:
        response_201 = Intervention.from_dict(response.json())

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
) -> Response[Intervention | Problem]:
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
    body: InterventionInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Intervention | Problem]:
    """Record an intervention against the behaviour (the 2014 Act toolkit)

     Records a tool used against an alleged perpetrator party of the case (or, for a closure notice or
    order, against premises): a warning, an Acceptable Behaviour Agreement, a Community Protection
    Warning or Notice, a civil injunction, a closure notice or order, a Criminal Behaviour Order,
    possession proceedings, mediation or a support referral. The issuing agency (yours unless named; a
    member of the case) must be of a kind that may issue or apply for the tool, else `422` naming
    `issuing_agency`; a Community Protection Notice is issued only after a Community Protection Warning
    to the same person (`422` naming `type`); `expires_at` must fit the tool's term (a closure notice 24
    to 48 hours, a closure order up to 6 months, a Criminal Behaviour Order at least a year). Appears on
    the timeline as `intervention_recorded` (the tool, status and issuing agency only). Send an
    `Idempotency-Key`: the same key and body return the first intervention again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionInput):  Example: {'type': 'warning_letter', 'against_party_id':
            '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'status': 'issued', 'issued_at':
            '2026-11-21T10:00:00Z', 'conditions': ['No loud music after 23:00'], 'documents':
            ['edrms-44120']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Intervention | Problem]
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
    body: InterventionInput,
    idempotency_key: str | Unset = UNSET,
) -> Intervention | Problem | None:
    """Record an intervention against the behaviour (the 2014 Act toolkit)

     Records a tool used against an alleged perpetrator party of the case (or, for a closure notice or
    order, against premises): a warning, an Acceptable Behaviour Agreement, a Community Protection
    Warning or Notice, a civil injunction, a closure notice or order, a Criminal Behaviour Order,
    possession proceedings, mediation or a support referral. The issuing agency (yours unless named; a
    member of the case) must be of a kind that may issue or apply for the tool, else `422` naming
    `issuing_agency`; a Community Protection Notice is issued only after a Community Protection Warning
    to the same person (`422` naming `type`); `expires_at` must fit the tool's term (a closure notice 24
    to 48 hours, a closure order up to 6 months, a Criminal Behaviour Order at least a year). Appears on
    the timeline as `intervention_recorded` (the tool, status and issuing agency only). Send an
    `Idempotency-Key`: the same key and body return the first intervention again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionInput):  Example: {'type': 'warning_letter', 'against_party_id':
            '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'status': 'issued', 'issued_at':
            '2026-11-21T10:00:00Z', 'conditions': ['No loud music after 23:00'], 'documents':
            ['edrms-44120']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Intervention | Problem
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
    body: InterventionInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Intervention | Problem]:
    """Record an intervention against the behaviour (the 2014 Act toolkit)

     Records a tool used against an alleged perpetrator party of the case (or, for a closure notice or
    order, against premises): a warning, an Acceptable Behaviour Agreement, a Community Protection
    Warning or Notice, a civil injunction, a closure notice or order, a Criminal Behaviour Order,
    possession proceedings, mediation or a support referral. The issuing agency (yours unless named; a
    member of the case) must be of a kind that may issue or apply for the tool, else `422` naming
    `issuing_agency`; a Community Protection Notice is issued only after a Community Protection Warning
    to the same person (`422` naming `type`); `expires_at` must fit the tool's term (a closure notice 24
    to 48 hours, a closure order up to 6 months, a Criminal Behaviour Order at least a year). Appears on
    the timeline as `intervention_recorded` (the tool, status and issuing agency only). Send an
    `Idempotency-Key`: the same key and body return the first intervention again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionInput):  Example: {'type': 'warning_letter', 'against_party_id':
            '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'status': 'issued', 'issued_at':
            '2026-11-21T10:00:00Z', 'conditions': ['No loud music after 23:00'], 'documents':
            ['edrms-44120']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Intervention | Problem]
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
    body: InterventionInput,
    idempotency_key: str | Unset = UNSET,
) -> Intervention | Problem | None:
    """Record an intervention against the behaviour (the 2014 Act toolkit)

     Records a tool used against an alleged perpetrator party of the case (or, for a closure notice or
    order, against premises): a warning, an Acceptable Behaviour Agreement, a Community Protection
    Warning or Notice, a civil injunction, a closure notice or order, a Criminal Behaviour Order,
    possession proceedings, mediation or a support referral. The issuing agency (yours unless named; a
    member of the case) must be of a kind that may issue or apply for the tool, else `422` naming
    `issuing_agency`; a Community Protection Notice is issued only after a Community Protection Warning
    to the same person (`422` naming `type`); `expires_at` must fit the tool's term (a closure notice 24
    to 48 hours, a closure order up to 6 months, a Criminal Behaviour Order at least a year). Appears on
    the timeline as `intervention_recorded` (the tool, status and issuing agency only). Send an
    `Idempotency-Key`: the same key and body return the first intervention again (`201`); the same key
    with a different body is a `422` (`idempotency-key-reused`).

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (InterventionInput):  Example: {'type': 'warning_letter', 'against_party_id':
            '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'status': 'issued', 'issued_at':
            '2026-11-21T10:00:00Z', 'conditions': ['No loud music after 23:00'], 'documents':
            ['edrms-44120']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Intervention | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
