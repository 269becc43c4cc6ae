from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_subject_access_format import ExportSubjectAccessFormat
from ...models.problem import Problem
from ...models.subject_access_export import SubjectAccessExport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: UUID,
    party_id: UUID,
    *,
    format_: ExportSubjectAccessFormat | Unset = ExportSubjectAccessFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/parties/{party_id}/subject-access-export".format(
            case_id=quote(str(case_id), safe=""),
            party_id=quote(str(party_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubjectAccessExport | None:
    if response.status_code == 200:
        response_200 = SubjectAccessExport.from_dict(response.json())

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
) -> Response[Problem | SubjectAccessExport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportSubjectAccessFormat | Unset = ExportSubjectAccessFormat.JSON,
) -> Response[Problem | SubjectAccessExport]:
    """Everything held about a data subject (data protection officer)

     The subject access export for the person who is this party: every case of your agency's membership
    on which the same person is a party (the same name and at least one of date of birth, phone, email
    or address). A victim or complainant gets their diary entries and the updates they were given
    (`withheld`, for review by hand, when the case has another victim or complainant: entries are not
    recorded against one person); an alleged perpetrator gets the incidents recorded on the case (when,
    category, severity, hostility strands: no account, location or reporter) and the interventions
    against them, and never anything of the complainant. Other people's names, phones, emails and
    addresses are shown as `[third party]`. Every export is audited (`sar.export`, on each case and on
    your agency's chain). `format=html` gives a readable page of the same document. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        format_ (ExportSubjectAccessFormat | Unset):  Default: ExportSubjectAccessFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubjectAccessExport]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportSubjectAccessFormat | Unset = ExportSubjectAccessFormat.JSON,
) -> Problem | SubjectAccessExport | None:
    """Everything held about a data subject (data protection officer)

     The subject access export for the person who is this party: every case of your agency's membership
    on which the same person is a party (the same name and at least one of date of birth, phone, email
    or address). A victim or complainant gets their diary entries and the updates they were given
    (`withheld`, for review by hand, when the case has another victim or complainant: entries are not
    recorded against one person); an alleged perpetrator gets the incidents recorded on the case (when,
    category, severity, hostility strands: no account, location or reporter) and the interventions
    against them, and never anything of the complainant. Other people's names, phones, emails and
    addresses are shown as `[third party]`. Every export is audited (`sar.export`, on each case and on
    your agency's chain). `format=html` gives a readable page of the same document. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        format_ (ExportSubjectAccessFormat | Unset):  Default: ExportSubjectAccessFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubjectAccessExport
    """

    return sync_detailed(
        case_id=case_id,
        party_id=party_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportSubjectAccessFormat | Unset = ExportSubjectAccessFormat.JSON,
) -> Response[Problem | SubjectAccessExport]:
    """Everything held about a data subject (data protection officer)

     The subject access export for the person who is this party: every case of your agency's membership
    on which the same person is a party (the same name and at least one of date of birth, phone, email
    or address). A victim or complainant gets their diary entries and the updates they were given
    (`withheld`, for review by hand, when the case has another victim or complainant: entries are not
    recorded against one person); an alleged perpetrator gets the incidents recorded on the case (when,
    category, severity, hostility strands: no account, location or reporter) and the interventions
    against them, and never anything of the complainant. Other people's names, phones, emails and
    addresses are shown as `[third party]`. Every export is audited (`sar.export`, on each case and on
    your agency's chain). `format=html` gives a readable page of the same document. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        format_ (ExportSubjectAccessFormat | Unset):  Default: ExportSubjectAccessFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubjectAccessExport]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        party_id=party_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    party_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    format_: ExportSubjectAccessFormat | Unset = ExportSubjectAccessFormat.JSON,
) -> Problem | SubjectAccessExport | None:
    """Everything held about a data subject (data protection officer)

     The subject access export for the person who is this party: every case of your agency's membership
    on which the same person is a party (the same name and at least one of date of birth, phone, email
    or address). A victim or complainant gets their diary entries and the updates they were given
    (`withheld`, for review by hand, when the case has another victim or complainant: entries are not
    recorded against one person); an alleged perpetrator gets the incidents recorded on the case (when,
    category, severity, hostility strands: no account, location or reporter) and the interventions
    against them, and never anything of the complainant. Other people's names, phones, emails and
    addresses are shown as `[third party]`. Every export is audited (`sar.export`, on each case and on
    your agency's chain). `format=html` gives a readable page of the same document. `dpo` only.

    Args:
        case_id (UUID):
        party_id (UUID):
        format_ (ExportSubjectAccessFormat | Unset):  Default: ExportSubjectAccessFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubjectAccessExport
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            party_id=party_id,
            client=client,
            format_=format_,
        )
    ).parsed
