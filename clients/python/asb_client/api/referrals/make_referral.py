from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral import Referral
from ...models.referral_input import ReferralInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    *,
    body: ReferralInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/referrals".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Referral | None:
    if response.status_code == 201:
        response_201 = Referral.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Referral]:
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
    body: ReferralInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Referral]:
    """Refer the case's victim to a directory service, with their consent

     Only with the person's recorded consent to this referral (`consent.state: given`) or a recorded
    legal basis; without either the answer is a `422` of type `consent-required`. The service is told
    only what the person agreed to share (`share`; by default the minimum: their first name and one
    contact route), with the need and the case's level; without consent nothing beyond the minimum
    (`consent-required`). Nobody else's details ever go with it. The service must be active, meet the
    `need` and serve the case's area (`422` naming the field). A handover target starts
    (`referral_handover`: the service's answer due in 2 working days at high, 5 at medium and standard,
    by the policy), owned by the referring agency and breached like any other. On a standard-level case
    the referral also meets the open `multi_agency` target ("referral for advice within 5 working
    days"). On the timeline as `referral_sent` (service, need, level, method; no identity). Caseworkers
    and supervisors only. Send an `Idempotency-Key` to make retries safe.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReferralInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Referral]
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
    body: ReferralInput,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Referral | None:
    """Refer the case's victim to a directory service, with their consent

     Only with the person's recorded consent to this referral (`consent.state: given`) or a recorded
    legal basis; without either the answer is a `422` of type `consent-required`. The service is told
    only what the person agreed to share (`share`; by default the minimum: their first name and one
    contact route), with the need and the case's level; without consent nothing beyond the minimum
    (`consent-required`). Nobody else's details ever go with it. The service must be active, meet the
    `need` and serve the case's area (`422` naming the field). A handover target starts
    (`referral_handover`: the service's answer due in 2 working days at high, 5 at medium and standard,
    by the policy), owned by the referring agency and breached like any other. On a standard-level case
    the referral also meets the open `multi_agency` target ("referral for advice within 5 working
    days"). On the timeline as `referral_sent` (service, need, level, method; no identity). Caseworkers
    and supervisors only. Send an `Idempotency-Key` to make retries safe.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReferralInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Referral
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
    body: ReferralInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Referral]:
    """Refer the case's victim to a directory service, with their consent

     Only with the person's recorded consent to this referral (`consent.state: given`) or a recorded
    legal basis; without either the answer is a `422` of type `consent-required`. The service is told
    only what the person agreed to share (`share`; by default the minimum: their first name and one
    contact route), with the need and the case's level; without consent nothing beyond the minimum
    (`consent-required`). Nobody else's details ever go with it. The service must be active, meet the
    `need` and serve the case's area (`422` naming the field). A handover target starts
    (`referral_handover`: the service's answer due in 2 working days at high, 5 at medium and standard,
    by the policy), owned by the referring agency and breached like any other. On a standard-level case
    the referral also meets the open `multi_agency` target ("referral for advice within 5 working
    days"). On the timeline as `referral_sent` (service, need, level, method; no identity). Caseworkers
    and supervisors only. Send an `Idempotency-Key` to make retries safe.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReferralInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Referral]
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
    body: ReferralInput,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Referral | None:
    """Refer the case's victim to a directory service, with their consent

     Only with the person's recorded consent to this referral (`consent.state: given`) or a recorded
    legal basis; without either the answer is a `422` of type `consent-required`. The service is told
    only what the person agreed to share (`share`; by default the minimum: their first name and one
    contact route), with the need and the case's level; without consent nothing beyond the minimum
    (`consent-required`). Nobody else's details ever go with it. The service must be active, meet the
    `need` and serve the case's area (`422` naming the field). A handover target starts
    (`referral_handover`: the service's answer due in 2 working days at high, 5 at medium and standard,
    by the policy), owned by the referring agency and breached like any other. On a standard-level case
    the referral also meets the open `multi_agency` target ("referral for advice within 5 working
    days"). On the timeline as `referral_sent` (service, need, level, method; no identity). Caseworkers
    and supervisors only. Send an `Idempotency-Key` to make retries safe.

    Args:
        case_id (UUID):
        idempotency_key (str | Unset):
        body (ReferralInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Referral
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
