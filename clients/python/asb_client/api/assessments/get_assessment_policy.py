from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assessment_policy import AssessmentPolicy
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    version: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/assessment-policy",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssessmentPolicy | Problem | None:
    if response.status_code == 200:
        response_200 = AssessmentPolicy.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[AssessmentPolicy | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
) -> Response[AssessmentPolicy | Problem]:
    """The assessment policy (questions, levels, thresholds, targets)

     Everything a call-handling system needs to build its assessment screen: each question's stable id,
    wording, answer type, group and points; the levels and score thresholds; the call handler's screen
    (`screen`); the response targets per level; the behaviour categories used in diary entries; and the
    policy version. Cache it by `version`: a version never changes once published.

    Args:
        version (str | Unset):  Example: fenland-harm-v1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentPolicy | Problem]
    """

    kwargs = _get_kwargs(
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
) -> AssessmentPolicy | Problem | None:
    """The assessment policy (questions, levels, thresholds, targets)

     Everything a call-handling system needs to build its assessment screen: each question's stable id,
    wording, answer type, group and points; the levels and score thresholds; the call handler's screen
    (`screen`); the response targets per level; the behaviour categories used in diary entries; and the
    policy version. Cache it by `version`: a version never changes once published.

    Args:
        version (str | Unset):  Example: fenland-harm-v1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentPolicy | Problem
    """

    return sync_detailed(
        client=client,
        version=version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
) -> Response[AssessmentPolicy | Problem]:
    """The assessment policy (questions, levels, thresholds, targets)

     Everything a call-handling system needs to build its assessment screen: each question's stable id,
    wording, answer type, group and points; the levels and score thresholds; the call handler's screen
    (`screen`); the response targets per level; the behaviour categories used in diary entries; and the
    policy version. Cache it by `version`: a version never changes once published.

    Args:
        version (str | Unset):  Example: fenland-harm-v1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssessmentPolicy | Problem]
    """

    kwargs = _get_kwargs(
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
) -> AssessmentPolicy | Problem | None:
    """The assessment policy (questions, levels, thresholds, targets)

     Everything a call-handling system needs to build its assessment screen: each question's stable id,
    wording, answer type, group and points; the levels and score thresholds; the call handler's screen
    (`screen`); the response targets per level; the behaviour categories used in diary entries; and the
    policy version. Cache it by `version`: a version never changes once published.

    Args:
        version (str | Unset):  Example: fenland-harm-v1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssessmentPolicy | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            version=version,
        )
    ).parsed
