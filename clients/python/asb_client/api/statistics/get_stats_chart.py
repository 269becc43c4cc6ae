import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["area"] = area

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stats/chart.svg",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """The statistics as a chart (SVG)

     Monthly cases by level (stacked bars) and target performance, drawn on the server as one SVG image
    (no scripts), with the same suppression as `GET /v1/stats`: a suppressed count is drawn as a hatched
    bar of unknown height and labelled as such.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        area=area,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Any | Problem | None:
    """The statistics as a chart (SVG)

     Monthly cases by level (stacked bars) and target performance, drawn on the server as one SVG image
    (no scripts), with the same suppression as `GET /v1/stats`: a suppressed count is drawn as a hatched
    bar of unknown height and labelled as such.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        area=area,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """The statistics as a chart (SVG)

     Monthly cases by level (stacked bars) and target performance, drawn on the server as one SVG image
    (no scripts), with the same suppression as `GET /v1/stats`: a suppressed count is drawn as a hatched
    bar of unknown height and labelled as such.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        area=area,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    area: str | Unset = UNSET,
) -> Any | Problem | None:
    """The statistics as a chart (SVG)

     Monthly cases by level (stacked bars) and target performance, drawn on the server as one SVG image
    (no scripts), with the same suppression as `GET /v1/stats`: a suppressed count is drawn as a hatched
    bar of unknown height and labelled as such.

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        area (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            area=area,
        )
    ).parsed
