from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/embed/assessment",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | str]:
    """The embeddable assessment page (HTML)

     One self-contained HTML page (no external assets, about 40 KB with its script and
    styles) for call handlers, made for a narrow panel beside the incident log (320 to 1280
    px wide) and for the keyboard. The level (as a word and a shape, not colour alone), what
    the unanswered questions could still raise it to, the hate incident flag and the next
    question to ask stay pinned at the top. The questions come in the order `ask_next` gives
    (critical ones first) and the next one is focused; on a question, `Y` / `N` / `U` answer
    yes / no / unknown and move on (how often: `D` `W` `M` `L`; hostility: `1`-`6` tick a
    strand, `N` none perceived; `Enter` moves on). Reasons are worded from the policy's
    question texts. A repeat-caller check (phone and/or address) calls
    `POST /v1/repeat-caller-lookup` with the page's token, so it spends your key's lookup
    budget and is logged and audited under your key; its answer is shown as the API gives
    it. The page can open a case (`POST /v1/cases`).

    Frame it from your call-handling system; it may only be framed by the origins configured
    in `ASB_EMBED_ORIGINS` (`Content-Security-Policy: frame-ancestors`). It authenticates
    with an embed token (see `POST /v1/embed-tokens`) given in the URL fragment
    (`#token=...`) or by `postMessage`.

    **Host protocol** (`window.postMessage`, plain JSON objects with a `type`). The page
    accepts messages only from its parent window at the origin that embedded it, which must
    be one of `ASB_EMBED_ORIGINS`, and posts only to that origin (never `*`); anything else
    is ignored, as are unknown types and fields.

    Messages the page accepts:
    - `{"type": "asb-embed-token", "token": "asbe_..."}`: the embed token; the page starts
      (loads the questions) on the first one.
    - `{"type": "asb-embed-token-refresh", "token": "asbe_..."}`: a new token in place of
      the current one (before or after it expires); the page keeps its answers and
      re-evaluates.
    - `{"type": "asb-embed-prefill", "answers": {"repeat": true, "hostility_perceived":
      ["race"]}}`: answers the host already knows, by question id, with the values of
      `Answers` (`null` clears one); unknown ids and values of the wrong type are ignored.
      Sent before the questions have loaded, it is applied once they have.

    Messages the page posts, in this order of events:
    - `{"type": "asb-embed-ready", "protocol": 1}`: once, as soon as the page has loaded
      (before any token); answer it with `asb-embed-token`.
    - `{"type": "asb-embed-level-changed", "level": "high", "previous": "standard",
      "could_raise_to": "high", "hate_flag": true}`: the level differs from the last one
      posted; first posted with `"previous": null` once the page has loaded its questions.
      Levels are `RiskLevel` values.
    - `{"type": "asb-embed-answers-changed", "answers": {...}, "evaluation": {...}}`:
      after every evaluation of answers that differ from the last ones posted (by the
      handler or a prefill); `answers` as sent to `POST /v1/assessments/evaluate`
      (`Answers`: answered questions only) and `evaluation` its response, an
      `AssessmentResult`. When the same change moves the level, `asb-embed-level-changed`
      follows it.
    - `{"type": "asb-embed-case-opened", "id": "5b1f0c7e-...", "reference":
      "ASB-2026-000123", "risk_level": "high"}`: a case was opened; never the victim's
      details.
    - `{"type": "asb-embed-token-expired"}`: the token has expired (at its expiry time, or
      when the API answered `401`); once per token. Send `asb-embed-token-refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | str | None:
    """The embeddable assessment page (HTML)

     One self-contained HTML page (no external assets, about 40 KB with its script and
    styles) for call handlers, made for a narrow panel beside the incident log (320 to 1280
    px wide) and for the keyboard. The level (as a word and a shape, not colour alone), what
    the unanswered questions could still raise it to, the hate incident flag and the next
    question to ask stay pinned at the top. The questions come in the order `ask_next` gives
    (critical ones first) and the next one is focused; on a question, `Y` / `N` / `U` answer
    yes / no / unknown and move on (how often: `D` `W` `M` `L`; hostility: `1`-`6` tick a
    strand, `N` none perceived; `Enter` moves on). Reasons are worded from the policy's
    question texts. A repeat-caller check (phone and/or address) calls
    `POST /v1/repeat-caller-lookup` with the page's token, so it spends your key's lookup
    budget and is logged and audited under your key; its answer is shown as the API gives
    it. The page can open a case (`POST /v1/cases`).

    Frame it from your call-handling system; it may only be framed by the origins configured
    in `ASB_EMBED_ORIGINS` (`Content-Security-Policy: frame-ancestors`). It authenticates
    with an embed token (see `POST /v1/embed-tokens`) given in the URL fragment
    (`#token=...`) or by `postMessage`.

    **Host protocol** (`window.postMessage`, plain JSON objects with a `type`). The page
    accepts messages only from its parent window at the origin that embedded it, which must
    be one of `ASB_EMBED_ORIGINS`, and posts only to that origin (never `*`); anything else
    is ignored, as are unknown types and fields.

    Messages the page accepts:
    - `{"type": "asb-embed-token", "token": "asbe_..."}`: the embed token; the page starts
      (loads the questions) on the first one.
    - `{"type": "asb-embed-token-refresh", "token": "asbe_..."}`: a new token in place of
      the current one (before or after it expires); the page keeps its answers and
      re-evaluates.
    - `{"type": "asb-embed-prefill", "answers": {"repeat": true, "hostility_perceived":
      ["race"]}}`: answers the host already knows, by question id, with the values of
      `Answers` (`null` clears one); unknown ids and values of the wrong type are ignored.
      Sent before the questions have loaded, it is applied once they have.

    Messages the page posts, in this order of events:
    - `{"type": "asb-embed-ready", "protocol": 1}`: once, as soon as the page has loaded
      (before any token); answer it with `asb-embed-token`.
    - `{"type": "asb-embed-level-changed", "level": "high", "previous": "standard",
      "could_raise_to": "high", "hate_flag": true}`: the level differs from the last one
      posted; first posted with `"previous": null` once the page has loaded its questions.
      Levels are `RiskLevel` values.
    - `{"type": "asb-embed-answers-changed", "answers": {...}, "evaluation": {...}}`:
      after every evaluation of answers that differ from the last ones posted (by the
      handler or a prefill); `answers` as sent to `POST /v1/assessments/evaluate`
      (`Answers`: answered questions only) and `evaluation` its response, an
      `AssessmentResult`. When the same change moves the level, `asb-embed-level-changed`
      follows it.
    - `{"type": "asb-embed-case-opened", "id": "5b1f0c7e-...", "reference":
      "ASB-2026-000123", "risk_level": "high"}`: a case was opened; never the victim's
      details.
    - `{"type": "asb-embed-token-expired"}`: the token has expired (at its expiry time, or
      when the API answered `401`); once per token. Send `asb-embed-token-refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | str]:
    """The embeddable assessment page (HTML)

     One self-contained HTML page (no external assets, about 40 KB with its script and
    styles) for call handlers, made for a narrow panel beside the incident log (320 to 1280
    px wide) and for the keyboard. The level (as a word and a shape, not colour alone), what
    the unanswered questions could still raise it to, the hate incident flag and the next
    question to ask stay pinned at the top. The questions come in the order `ask_next` gives
    (critical ones first) and the next one is focused; on a question, `Y` / `N` / `U` answer
    yes / no / unknown and move on (how often: `D` `W` `M` `L`; hostility: `1`-`6` tick a
    strand, `N` none perceived; `Enter` moves on). Reasons are worded from the policy's
    question texts. A repeat-caller check (phone and/or address) calls
    `POST /v1/repeat-caller-lookup` with the page's token, so it spends your key's lookup
    budget and is logged and audited under your key; its answer is shown as the API gives
    it. The page can open a case (`POST /v1/cases`).

    Frame it from your call-handling system; it may only be framed by the origins configured
    in `ASB_EMBED_ORIGINS` (`Content-Security-Policy: frame-ancestors`). It authenticates
    with an embed token (see `POST /v1/embed-tokens`) given in the URL fragment
    (`#token=...`) or by `postMessage`.

    **Host protocol** (`window.postMessage`, plain JSON objects with a `type`). The page
    accepts messages only from its parent window at the origin that embedded it, which must
    be one of `ASB_EMBED_ORIGINS`, and posts only to that origin (never `*`); anything else
    is ignored, as are unknown types and fields.

    Messages the page accepts:
    - `{"type": "asb-embed-token", "token": "asbe_..."}`: the embed token; the page starts
      (loads the questions) on the first one.
    - `{"type": "asb-embed-token-refresh", "token": "asbe_..."}`: a new token in place of
      the current one (before or after it expires); the page keeps its answers and
      re-evaluates.
    - `{"type": "asb-embed-prefill", "answers": {"repeat": true, "hostility_perceived":
      ["race"]}}`: answers the host already knows, by question id, with the values of
      `Answers` (`null` clears one); unknown ids and values of the wrong type are ignored.
      Sent before the questions have loaded, it is applied once they have.

    Messages the page posts, in this order of events:
    - `{"type": "asb-embed-ready", "protocol": 1}`: once, as soon as the page has loaded
      (before any token); answer it with `asb-embed-token`.
    - `{"type": "asb-embed-level-changed", "level": "high", "previous": "standard",
      "could_raise_to": "high", "hate_flag": true}`: the level differs from the last one
      posted; first posted with `"previous": null` once the page has loaded its questions.
      Levels are `RiskLevel` values.
    - `{"type": "asb-embed-answers-changed", "answers": {...}, "evaluation": {...}}`:
      after every evaluation of answers that differ from the last ones posted (by the
      handler or a prefill); `answers` as sent to `POST /v1/assessments/evaluate`
      (`Answers`: answered questions only) and `evaluation` its response, an
      `AssessmentResult`. When the same change moves the level, `asb-embed-level-changed`
      follows it.
    - `{"type": "asb-embed-case-opened", "id": "5b1f0c7e-...", "reference":
      "ASB-2026-000123", "risk_level": "high"}`: a case was opened; never the victim's
      details.
    - `{"type": "asb-embed-token-expired"}`: the token has expired (at its expiry time, or
      when the API answered `401`); once per token. Send `asb-embed-token-refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | str | None:
    """The embeddable assessment page (HTML)

     One self-contained HTML page (no external assets, about 40 KB with its script and
    styles) for call handlers, made for a narrow panel beside the incident log (320 to 1280
    px wide) and for the keyboard. The level (as a word and a shape, not colour alone), what
    the unanswered questions could still raise it to, the hate incident flag and the next
    question to ask stay pinned at the top. The questions come in the order `ask_next` gives
    (critical ones first) and the next one is focused; on a question, `Y` / `N` / `U` answer
    yes / no / unknown and move on (how often: `D` `W` `M` `L`; hostility: `1`-`6` tick a
    strand, `N` none perceived; `Enter` moves on). Reasons are worded from the policy's
    question texts. A repeat-caller check (phone and/or address) calls
    `POST /v1/repeat-caller-lookup` with the page's token, so it spends your key's lookup
    budget and is logged and audited under your key; its answer is shown as the API gives
    it. The page can open a case (`POST /v1/cases`).

    Frame it from your call-handling system; it may only be framed by the origins configured
    in `ASB_EMBED_ORIGINS` (`Content-Security-Policy: frame-ancestors`). It authenticates
    with an embed token (see `POST /v1/embed-tokens`) given in the URL fragment
    (`#token=...`) or by `postMessage`.

    **Host protocol** (`window.postMessage`, plain JSON objects with a `type`). The page
    accepts messages only from its parent window at the origin that embedded it, which must
    be one of `ASB_EMBED_ORIGINS`, and posts only to that origin (never `*`); anything else
    is ignored, as are unknown types and fields.

    Messages the page accepts:
    - `{"type": "asb-embed-token", "token": "asbe_..."}`: the embed token; the page starts
      (loads the questions) on the first one.
    - `{"type": "asb-embed-token-refresh", "token": "asbe_..."}`: a new token in place of
      the current one (before or after it expires); the page keeps its answers and
      re-evaluates.
    - `{"type": "asb-embed-prefill", "answers": {"repeat": true, "hostility_perceived":
      ["race"]}}`: answers the host already knows, by question id, with the values of
      `Answers` (`null` clears one); unknown ids and values of the wrong type are ignored.
      Sent before the questions have loaded, it is applied once they have.

    Messages the page posts, in this order of events:
    - `{"type": "asb-embed-ready", "protocol": 1}`: once, as soon as the page has loaded
      (before any token); answer it with `asb-embed-token`.
    - `{"type": "asb-embed-level-changed", "level": "high", "previous": "standard",
      "could_raise_to": "high", "hate_flag": true}`: the level differs from the last one
      posted; first posted with `"previous": null` once the page has loaded its questions.
      Levels are `RiskLevel` values.
    - `{"type": "asb-embed-answers-changed", "answers": {...}, "evaluation": {...}}`:
      after every evaluation of answers that differ from the last ones posted (by the
      handler or a prefill); `answers` as sent to `POST /v1/assessments/evaluate`
      (`Answers`: answered questions only) and `evaluation` its response, an
      `AssessmentResult`. When the same change moves the level, `asb-embed-level-changed`
      follows it.
    - `{"type": "asb-embed-case-opened", "id": "5b1f0c7e-...", "reference":
      "ASB-2026-000123", "risk_level": "high"}`: a case was opened; never the victim's
      details.
    - `{"type": "asb-embed-token-expired"}`: the token has expired (at its expiry time, or
      when the API answered `401`); once per token. Send `asb-embed-token-refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
