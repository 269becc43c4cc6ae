from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral import Referral
from ...models.referral_state_input import ReferralStateInput
from ...types import Response


def _get_kwargs(
    referral_id: UUID,
    *,
    body: ReferralStateInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/referrals/{referral_id}/state".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Referral | None:
    if response.status_code == 200:
        response_200 = Referral.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Referral]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReferralStateInput,
) -> Response[Problem | Referral]:
    """Accept, decline (with a reason), record no response, or close (with an outcome)

     sent -> accepted | declined | no_response; no_response -> accepted | declined | closed; accepted or
    declined -> closed (`outcome`: engaged, did_not_engage, not_eligible). Any other move is a `409`. A
    service whose organisation has an agency key gives its own answers (accepted, declined, closed) with
    that key; the referring agency then records only no_response and closed (`403` otherwise). For a
    service without a key the referring officer records every answer. Accepting or declining meets the
    handover target (late, it says so). On the timeline as `referral_state_changed`.

    Args:
        referral_id (UUID):
        body (ReferralStateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Referral]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReferralStateInput,
) -> Problem | Referral | None:
    """Accept, decline (with a reason), record no response, or close (with an outcome)

     sent -> accepted | declined | no_response; no_response -> accepted | declined | closed; accepted or
    declined -> closed (`outcome`: engaged, did_not_engage, not_eligible). Any other move is a `409`. A
    service whose organisation has an agency key gives its own answers (accepted, declined, closed) with
    that key; the referring agency then records only no_response and closed (`403` otherwise). For a
    service without a key the referring officer records every answer. Accepting or declining meets the
    handover target (late, it says so). On the timeline as `referral_state_changed`.

    Args:
        referral_id (UUID):
        body (ReferralStateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Referral
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReferralStateInput,
) -> Response[Problem | Referral]:
    """Accept, decline (with a reason), record no response, or close (with an outcome)

     sent -> accepted | declined | no_response; no_response -> accepted | declined | closed; accepted or
    declined -> closed (`outcome`: engaged, did_not_engage, not_eligible). Any other move is a `409`. A
    service whose organisation has an agency key gives its own answers (accepted, declined, closed) with
    that key; the referring agency then records only no_response and closed (`403` otherwise). For a
    service without a key the referring officer records every answer. Accepting or declining meets the
    handover target (late, it says so). On the timeline as `referral_state_changed`.

    Args:
        referral_id (UUID):
        body (ReferralStateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Referral]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ReferralStateInput,
) -> Problem | Referral | None:
    """Accept, decline (with a reason), record no response, or close (with an outcome)

     sent -> accepted | declined | no_response; no_response -> accepted | declined | closed; accepted or
    declined -> closed (`outcome`: engaged, did_not_engage, not_eligible). Any other move is a `409`. A
    service whose organisation has an agency key gives its own answers (accepted, declined, closed) with
    that key; the referring agency then records only no_response and closed (`403` otherwise). For a
    service without a key the referring officer records every answer. Accepting or declining meets the
    handover target (late, it says so). On the timeline as `referral_state_changed`.

    Args:
        referral_id (UUID):
        body (ReferralStateInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Referral
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
            body=body,
        )
    ).parsed
