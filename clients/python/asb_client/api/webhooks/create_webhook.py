from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_input import WebhookInput
from ...models.webhook_subscription_created import WebhookSubscriptionCreated
from ...types import Response


def _get_kwargs(
    *,
    body: WebhookInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookSubscriptionCreated | None:
    if response.status_code == 201:
        response_201 = WebhookSubscriptionCreated.from_dict(response.json())

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
) -> Response[Problem | WebhookSubscriptionCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookInput,
) -> Response[Problem | WebhookSubscriptionCreated]:
    """Subscribe a URL to events

     Your agency's system is told when something happens on cases your agency is a member of, instead of
    polling. Each delivery is an HTTP POST of a JSON event (the `webhooks` section of this document
    describes each, with an example), signed as the Standard Webhooks specification says, so the
    `standardwebhooks` package (PyPI, npm, and its ports to other languages) verifies it unchanged with
    the subscription's `secret`: `webhook-id` (the event id, the same on every retry and redelivery: de-
    duplicate on it, delivery is at least once), `webhook-timestamp` (Unix seconds of this attempt;
    reject old ones) and `webhook-signature: v1,<base64>` (HMAC-SHA256 of `"<webhook-id>.<webhook-
    timestamp>.<body>"` under the secret's key). Also `X-ASB-Event-Type`, `X-ASB-Delivery-Attempt` (1
    for the first), and, when the event was caused by a request, that request's `X-Request-ID` and W3C
    `traceparent`. Events of one case reach a subscription in order (increasing `seq`): while one is
    retried, the case's later events wait behind it until it is delivered or dead, so there is nothing
    to reorder; other cases are not held up. Answer 2xx quickly; anything else, a timeout
    (`ASB_WEBHOOK_TIMEOUT`, 5 s) or a connection error is retried: attempt *n* + 1 follows attempt *n*
    after `min(ASB_WEBHOOK_BACKOFF_CAP, ASB_WEBHOOK_BACKOFF_BASE * 2^(n-1))` seconds times a random
    jitter in [0.5, 1.5) (by default 1, 2, 4, 8, 16, 32 and 64 minutes, capped at 6 hours), and after
    `ASB_WEBHOOK_MAX_ATTEMPTS` attempts (8) the delivery is `dead`. Redirects are not followed. A dead
    delivery can be sent again (`redeliver`). Events never carry restricted identity. The `secret` is
    returned only in this response: store it. Deliveries reach only public addresses over https (see
    `url`); a host that resolves to any other address when a delivery is made is not contacted, and that
    delivery is dead at once with `last_error` starting `refused:`.

    Events carry case data (reference, area, level, flags, targets; diary events the entry), so only a
    key that may read cases may subscribe: caseworker, supervisor or integration. Any other role (an
    admin key, say: admin has no case data) is refused with 403 `forbidden`. Each event goes out only
    if, when the delivery is made, the key that made the subscription could read it with a GET: the key
    is not revoked, its agency is not disabled, its role still reads cases (and diary entries, for
    `diary_entry.added`) and its agency is still a member of the case. Otherwise that delivery is dead,
    never sent, with `last_error` starting `withheld:`.

    `referral.changed`: a referral of the case was sent or changed state; `data.referral` holds its id,
    service, need, level, area, state, previous_state, outcome and consent_basis, never what was shared
    with the service (for keys that read referrals).

    Args:
        body (WebhookInput):  Example: {'url': 'https://hms.fen-housing.example/asb/events',
            'event_types': ['case.level_changed', 'escalation.raised', 'target.breached']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookInput,
) -> Problem | WebhookSubscriptionCreated | None:
    """Subscribe a URL to events

     Your agency's system is told when something happens on cases your agency is a member of, instead of
    polling. Each delivery is an HTTP POST of a JSON event (the `webhooks` section of this document
    describes each, with an example), signed as the Standard Webhooks specification says, so the
    `standardwebhooks` package (PyPI, npm, and its ports to other languages) verifies it unchanged with
    the subscription's `secret`: `webhook-id` (the event id, the same on every retry and redelivery: de-
    duplicate on it, delivery is at least once), `webhook-timestamp` (Unix seconds of this attempt;
    reject old ones) and `webhook-signature: v1,<base64>` (HMAC-SHA256 of `"<webhook-id>.<webhook-
    timestamp>.<body>"` under the secret's key). Also `X-ASB-Event-Type`, `X-ASB-Delivery-Attempt` (1
    for the first), and, when the event was caused by a request, that request's `X-Request-ID` and W3C
    `traceparent`. Events of one case reach a subscription in order (increasing `seq`): while one is
    retried, the case's later events wait behind it until it is delivered or dead, so there is nothing
    to reorder; other cases are not held up. Answer 2xx quickly; anything else, a timeout
    (`ASB_WEBHOOK_TIMEOUT`, 5 s) or a connection error is retried: attempt *n* + 1 follows attempt *n*
    after `min(ASB_WEBHOOK_BACKOFF_CAP, ASB_WEBHOOK_BACKOFF_BASE * 2^(n-1))` seconds times a random
    jitter in [0.5, 1.5) (by default 1, 2, 4, 8, 16, 32 and 64 minutes, capped at 6 hours), and after
    `ASB_WEBHOOK_MAX_ATTEMPTS` attempts (8) the delivery is `dead`. Redirects are not followed. A dead
    delivery can be sent again (`redeliver`). Events never carry restricted identity. The `secret` is
    returned only in this response: store it. Deliveries reach only public addresses over https (see
    `url`); a host that resolves to any other address when a delivery is made is not contacted, and that
    delivery is dead at once with `last_error` starting `refused:`.

    Events carry case data (reference, area, level, flags, targets; diary events the entry), so only a
    key that may read cases may subscribe: caseworker, supervisor or integration. Any other role (an
    admin key, say: admin has no case data) is refused with 403 `forbidden`. Each event goes out only
    if, when the delivery is made, the key that made the subscription could read it with a GET: the key
    is not revoked, its agency is not disabled, its role still reads cases (and diary entries, for
    `diary_entry.added`) and its agency is still a member of the case. Otherwise that delivery is dead,
    never sent, with `last_error` starting `withheld:`.

    `referral.changed`: a referral of the case was sent or changed state; `data.referral` holds its id,
    service, need, level, area, state, previous_state, outcome and consent_basis, never what was shared
    with the service (for keys that read referrals).

    Args:
        body (WebhookInput):  Example: {'url': 'https://hms.fen-housing.example/asb/events',
            'event_types': ['case.level_changed', 'escalation.raised', 'target.breached']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookInput,
) -> Response[Problem | WebhookSubscriptionCreated]:
    """Subscribe a URL to events

     Your agency's system is told when something happens on cases your agency is a member of, instead of
    polling. Each delivery is an HTTP POST of a JSON event (the `webhooks` section of this document
    describes each, with an example), signed as the Standard Webhooks specification says, so the
    `standardwebhooks` package (PyPI, npm, and its ports to other languages) verifies it unchanged with
    the subscription's `secret`: `webhook-id` (the event id, the same on every retry and redelivery: de-
    duplicate on it, delivery is at least once), `webhook-timestamp` (Unix seconds of this attempt;
    reject old ones) and `webhook-signature: v1,<base64>` (HMAC-SHA256 of `"<webhook-id>.<webhook-
    timestamp>.<body>"` under the secret's key). Also `X-ASB-Event-Type`, `X-ASB-Delivery-Attempt` (1
    for the first), and, when the event was caused by a request, that request's `X-Request-ID` and W3C
    `traceparent`. Events of one case reach a subscription in order (increasing `seq`): while one is
    retried, the case's later events wait behind it until it is delivered or dead, so there is nothing
    to reorder; other cases are not held up. Answer 2xx quickly; anything else, a timeout
    (`ASB_WEBHOOK_TIMEOUT`, 5 s) or a connection error is retried: attempt *n* + 1 follows attempt *n*
    after `min(ASB_WEBHOOK_BACKOFF_CAP, ASB_WEBHOOK_BACKOFF_BASE * 2^(n-1))` seconds times a random
    jitter in [0.5, 1.5) (by default 1, 2, 4, 8, 16, 32 and 64 minutes, capped at 6 hours), and after
    `ASB_WEBHOOK_MAX_ATTEMPTS` attempts (8) the delivery is `dead`. Redirects are not followed. A dead
    delivery can be sent again (`redeliver`). Events never carry restricted identity. The `secret` is
    returned only in this response: store it. Deliveries reach only public addresses over https (see
    `url`); a host that resolves to any other address when a delivery is made is not contacted, and that
    delivery is dead at once with `last_error` starting `refused:`.

    Events carry case data (reference, area, level, flags, targets; diary events the entry), so only a
    key that may read cases may subscribe: caseworker, supervisor or integration. Any other role (an
    admin key, say: admin has no case data) is refused with 403 `forbidden`. Each event goes out only
    if, when the delivery is made, the key that made the subscription could read it with a GET: the key
    is not revoked, its agency is not disabled, its role still reads cases (and diary entries, for
    `diary_entry.added`) and its agency is still a member of the case. Otherwise that delivery is dead,
    never sent, with `last_error` starting `withheld:`.

    `referral.changed`: a referral of the case was sent or changed state; `data.referral` holds its id,
    service, need, level, area, state, previous_state, outcome and consent_basis, never what was shared
    with the service (for keys that read referrals).

    Args:
        body (WebhookInput):  Example: {'url': 'https://hms.fen-housing.example/asb/events',
            'event_types': ['case.level_changed', 'escalation.raised', 'target.breached']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookInput,
) -> Problem | WebhookSubscriptionCreated | None:
    """Subscribe a URL to events

     Your agency's system is told when something happens on cases your agency is a member of, instead of
    polling. Each delivery is an HTTP POST of a JSON event (the `webhooks` section of this document
    describes each, with an example), signed as the Standard Webhooks specification says, so the
    `standardwebhooks` package (PyPI, npm, and its ports to other languages) verifies it unchanged with
    the subscription's `secret`: `webhook-id` (the event id, the same on every retry and redelivery: de-
    duplicate on it, delivery is at least once), `webhook-timestamp` (Unix seconds of this attempt;
    reject old ones) and `webhook-signature: v1,<base64>` (HMAC-SHA256 of `"<webhook-id>.<webhook-
    timestamp>.<body>"` under the secret's key). Also `X-ASB-Event-Type`, `X-ASB-Delivery-Attempt` (1
    for the first), and, when the event was caused by a request, that request's `X-Request-ID` and W3C
    `traceparent`. Events of one case reach a subscription in order (increasing `seq`): while one is
    retried, the case's later events wait behind it until it is delivered or dead, so there is nothing
    to reorder; other cases are not held up. Answer 2xx quickly; anything else, a timeout
    (`ASB_WEBHOOK_TIMEOUT`, 5 s) or a connection error is retried: attempt *n* + 1 follows attempt *n*
    after `min(ASB_WEBHOOK_BACKOFF_CAP, ASB_WEBHOOK_BACKOFF_BASE * 2^(n-1))` seconds times a random
    jitter in [0.5, 1.5) (by default 1, 2, 4, 8, 16, 32 and 64 minutes, capped at 6 hours), and after
    `ASB_WEBHOOK_MAX_ATTEMPTS` attempts (8) the delivery is `dead`. Redirects are not followed. A dead
    delivery can be sent again (`redeliver`). Events never carry restricted identity. The `secret` is
    returned only in this response: store it. Deliveries reach only public addresses over https (see
    `url`); a host that resolves to any other address when a delivery is made is not contacted, and that
    delivery is dead at once with `last_error` starting `refused:`.

    Events carry case data (reference, area, level, flags, targets; diary events the entry), so only a
    key that may read cases may subscribe: caseworker, supervisor or integration. Any other role (an
    admin key, say: admin has no case data) is refused with 403 `forbidden`. Each event goes out only
    if, when the delivery is made, the key that made the subscription could read it with a GET: the key
    is not revoked, its agency is not disabled, its role still reads cases (and diary entries, for
    `diary_entry.added`) and its agency is still a member of the case. Otherwise that delivery is dead,
    never sent, with `last_error` starting `withheld:`.

    `referral.changed`: a referral of the case was sent or changed state; `data.referral` holds its id,
    service, need, level, area, state, previous_state, outcome and consent_basis, never what was shared
    with the service (for keys that read referrals).

    Args:
        body (WebhookInput):  Example: {'url': 'https://hms.fen-housing.example/asb/events',
            'event_types': ['case.level_changed', 'escalation.raised', 'target.breached']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
