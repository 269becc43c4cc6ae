from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.repeat_caller_lookup import RepeatCallerLookup
from ...models.repeat_caller_result import RepeatCallerResult
from ...types import Response


def _get_kwargs(
    *,
    body: RepeatCallerLookup,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repeat-caller-lookup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RepeatCallerResult | None:
    if response.status_code == 200:
        response_200 = RepeatCallerResult.from_dict(response.json())

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
) -> Response[Problem | RepeatCallerResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RepeatCallerLookup,
) -> Response[Problem | RepeatCallerResult]:
    """Is this caller already a victim with an open case in the area?

     For call handlers, while the caller is on the line: give the phone number and/or the address the
    caller gives. The answer says whether an open case exists for a victim or complainant with that
    number or address (in `area`, if given), and no more than the caller needs: `level` is the highest
    level among the matching cases the caller may read (its agency is a member and its role reads the
    case), and `contact` lists the lead agency of each other matching case ("known: contact this
    agency"), never its level, id or reference. Numbers match however they are written (`07700 900123`,
    `+44 7700 900123`); addresses ignore case, punctuation and spacing. POST, so the number never
    appears in a URL.

    Lookups are budgeted, so that trying number after number cannot find a complainant: per key
    `ASB_LOOKUP_BUDGET_PER_KEY` (20) per window of `ASB_LOOKUP_WINDOW_SECONDS` (an hour) and
    `ASB_LOOKUP_BUDGET_PER_KEY_DAY` (60) per UTC day, per agency `ASB_LOOKUP_BUDGET_PER_AGENCY` (200)
    per window, counted in the database across every worker and node. Over budget the answer is `429`
    (`rate-limited`) with `Retry-After`; attempts refused still count against the key. Every lookup
    (hit, miss or refused) is logged and audited without the number or address; each matched case's
    members see a `repeat_call` event with the asking key's counts in the window, and when one key's
    misses in a window reach `ASB_LOOKUP_MISS_ALERT` (10) an alert is audited (`repeat_caller.alert`)
    and a `lookup_alert` event is put on every case that key hit in the window. The lead agency reads
    the log at `GET /v1/cases/{case_id}/repeat-caller-lookups`.

    Args:
        body (RepeatCallerLookup): At least one of `phone` and `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RepeatCallerResult]
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
    body: RepeatCallerLookup,
) -> Problem | RepeatCallerResult | None:
    """Is this caller already a victim with an open case in the area?

     For call handlers, while the caller is on the line: give the phone number and/or the address the
    caller gives. The answer says whether an open case exists for a victim or complainant with that
    number or address (in `area`, if given), and no more than the caller needs: `level` is the highest
    level among the matching cases the caller may read (its agency is a member and its role reads the
    case), and `contact` lists the lead agency of each other matching case ("known: contact this
    agency"), never its level, id or reference. Numbers match however they are written (`07700 900123`,
    `+44 7700 900123`); addresses ignore case, punctuation and spacing. POST, so the number never
    appears in a URL.

    Lookups are budgeted, so that trying number after number cannot find a complainant: per key
    `ASB_LOOKUP_BUDGET_PER_KEY` (20) per window of `ASB_LOOKUP_WINDOW_SECONDS` (an hour) and
    `ASB_LOOKUP_BUDGET_PER_KEY_DAY` (60) per UTC day, per agency `ASB_LOOKUP_BUDGET_PER_AGENCY` (200)
    per window, counted in the database across every worker and node. Over budget the answer is `429`
    (`rate-limited`) with `Retry-After`; attempts refused still count against the key. Every lookup
    (hit, miss or refused) is logged and audited without the number or address; each matched case's
    members see a `repeat_call` event with the asking key's counts in the window, and when one key's
    misses in a window reach `ASB_LOOKUP_MISS_ALERT` (10) an alert is audited (`repeat_caller.alert`)
    and a `lookup_alert` event is put on every case that key hit in the window. The lead agency reads
    the log at `GET /v1/cases/{case_id}/repeat-caller-lookups`.

    Args:
        body (RepeatCallerLookup): At least one of `phone` and `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RepeatCallerResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RepeatCallerLookup,
) -> Response[Problem | RepeatCallerResult]:
    """Is this caller already a victim with an open case in the area?

     For call handlers, while the caller is on the line: give the phone number and/or the address the
    caller gives. The answer says whether an open case exists for a victim or complainant with that
    number or address (in `area`, if given), and no more than the caller needs: `level` is the highest
    level among the matching cases the caller may read (its agency is a member and its role reads the
    case), and `contact` lists the lead agency of each other matching case ("known: contact this
    agency"), never its level, id or reference. Numbers match however they are written (`07700 900123`,
    `+44 7700 900123`); addresses ignore case, punctuation and spacing. POST, so the number never
    appears in a URL.

    Lookups are budgeted, so that trying number after number cannot find a complainant: per key
    `ASB_LOOKUP_BUDGET_PER_KEY` (20) per window of `ASB_LOOKUP_WINDOW_SECONDS` (an hour) and
    `ASB_LOOKUP_BUDGET_PER_KEY_DAY` (60) per UTC day, per agency `ASB_LOOKUP_BUDGET_PER_AGENCY` (200)
    per window, counted in the database across every worker and node. Over budget the answer is `429`
    (`rate-limited`) with `Retry-After`; attempts refused still count against the key. Every lookup
    (hit, miss or refused) is logged and audited without the number or address; each matched case's
    members see a `repeat_call` event with the asking key's counts in the window, and when one key's
    misses in a window reach `ASB_LOOKUP_MISS_ALERT` (10) an alert is audited (`repeat_caller.alert`)
    and a `lookup_alert` event is put on every case that key hit in the window. The lead agency reads
    the log at `GET /v1/cases/{case_id}/repeat-caller-lookups`.

    Args:
        body (RepeatCallerLookup): At least one of `phone` and `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RepeatCallerResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RepeatCallerLookup,
) -> Problem | RepeatCallerResult | None:
    """Is this caller already a victim with an open case in the area?

     For call handlers, while the caller is on the line: give the phone number and/or the address the
    caller gives. The answer says whether an open case exists for a victim or complainant with that
    number or address (in `area`, if given), and no more than the caller needs: `level` is the highest
    level among the matching cases the caller may read (its agency is a member and its role reads the
    case), and `contact` lists the lead agency of each other matching case ("known: contact this
    agency"), never its level, id or reference. Numbers match however they are written (`07700 900123`,
    `+44 7700 900123`); addresses ignore case, punctuation and spacing. POST, so the number never
    appears in a URL.

    Lookups are budgeted, so that trying number after number cannot find a complainant: per key
    `ASB_LOOKUP_BUDGET_PER_KEY` (20) per window of `ASB_LOOKUP_WINDOW_SECONDS` (an hour) and
    `ASB_LOOKUP_BUDGET_PER_KEY_DAY` (60) per UTC day, per agency `ASB_LOOKUP_BUDGET_PER_AGENCY` (200)
    per window, counted in the database across every worker and node. Over budget the answer is `429`
    (`rate-limited`) with `Retry-After`; attempts refused still count against the key. Every lookup
    (hit, miss or refused) is logged and audited without the number or address; each matched case's
    members see a `repeat_call` event with the asking key's counts in the window, and when one key's
    misses in a window reach `ASB_LOOKUP_MISS_ALERT` (10) an alert is audited (`repeat_caller.alert`)
    and a `lookup_alert` event is put on every case that key hit in the window. The lead agency reads
    the log at `GET /v1/cases/{case_id}/repeat-caller-lookups`.

    Args:
        body (RepeatCallerLookup): At least one of `phone` and `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RepeatCallerResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
