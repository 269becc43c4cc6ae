from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment_result import AssessmentResult
from ...models.evaluate_request import EvaluateRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EvaluateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assessments/evaluate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentResult | Problem | None:
    if response.status_code == 200:
        response_200 = AssessmentResult.from_dict(response.json())

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
) -> Response[AssessmentResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateRequest,
) -> Response[AssessmentResult | Problem]:
    """Evaluate answers (stateless)

     For call handlers: send whatever has been answered so far and get the level at once, with the
    reasons, the targets for that level, whether the remaining questions could still raise it
    (`could_raise_to`) and which questions to ask next, most decisive first (`ask_next`). Unanswered
    questions (absent or `null`) are unknown, never read as "no", so a partial result is a lower bound.
    Nothing is stored. An unknown question id or an answer of the wrong type is a `422` naming the field
    (e.g. `answers.repeat`).

    Args:
        body (EvaluateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentResult | Problem]
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
    body: EvaluateRequest,
) -> AssessmentResult | Problem | None:
    """Evaluate answers (stateless)

     For call handlers: send whatever has been answered so far and get the level at once, with the
    reasons, the targets for that level, whether the remaining questions could still raise it
    (`could_raise_to`) and which questions to ask next, most decisive first (`ask_next`). Unanswered
    questions (absent or `null`) are unknown, never read as "no", so a partial result is a lower bound.
    Nothing is stored. An unknown question id or an answer of the wrong type is a `422` naming the field
    (e.g. `answers.repeat`).

    Args:
        body (EvaluateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateRequest,
) -> Response[AssessmentResult | Problem]:
    """Evaluate answers (stateless)

     For call handlers: send whatever has been answered so far and get the level at once, with the
    reasons, the targets for that level, whether the remaining questions could still raise it
    (`could_raise_to`) and which questions to ask next, most decisive first (`ask_next`). Unanswered
    questions (absent or `null`) are unknown, never read as "no", so a partial result is a lower bound.
    Nothing is stored. An unknown question id or an answer of the wrong type is a `422` naming the field
    (e.g. `answers.repeat`).

    Args:
        body (EvaluateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateRequest,
) -> AssessmentResult | Problem | None:
    """Evaluate answers (stateless)

     For call handlers: send whatever has been answered so far and get the level at once, with the
    reasons, the targets for that level, whether the remaining questions could still raise it
    (`could_raise_to`) and which questions to ask next, most decisive first (`ask_next`). Unanswered
    questions (absent or `null`) are unknown, never read as "no", so a partial result is a lower bound.
    Nothing is stored. An unknown question id or an answer of the wrong type is a `422` naming the field
    (e.g. `answers.repeat`).

    Args:
        body (EvaluateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
