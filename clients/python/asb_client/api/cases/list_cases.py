from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_page import CasePage
from ...models.case_status import CaseStatus
from ...models.list_cases_target_state import ListCasesTargetState
from ...models.problem import Problem
from ...models.risk_level import RiskLevel
from ...models.rule_id import RuleId
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    reference: str | Unset = UNSET,
    risk_level: RiskLevel | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    flag: RuleId | Unset = UNSET,
    target_state: ListCasesTargetState | Unset = UNSET,
    area: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reference"] = reference

    json_risk_level: str | Unset = UNSET
    if not isinstance(risk_level, Unset):
        json_risk_level = risk_level.value

    params["risk_level"] = json_risk_level

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_flag: str | Unset = UNSET
    if not isinstance(flag, Unset):
        json_flag = flag.value

    params["flag"] = json_flag

    json_target_state: str | Unset = UNSET
    if not isinstance(target_state, Unset):
        json_target_state = target_state.value

    params["target_state"] = json_target_state

    params["area"] = area

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CasePage | Problem | None:
    if response.status_code == 200:
        response_200 = CasePage.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CasePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    reference: str | Unset = UNSET,
    risk_level: RiskLevel | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    flag: RuleId | Unset = UNSET,
    target_state: ListCasesTargetState | Unset = UNSET,
    area: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CasePage | Problem]:
    """List the cases your agency may see

     Cases of which your agency is a member (for call handlers: the cases your key opened), most recently
    updated first, filtered by any combination of the parameters. `reference` finds the case a victim or
    partner quotes: one item, or none when no case you may see has that reference. A query parameter not
    listed here is a `422` naming it (as on every operation).

    Args:
        reference (str | Unset): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and
            partners. Example: ASB-2026-000123.
        risk_level (RiskLevel | Unset): `high`: a priority, immediate multi-agency action.
            `medium`: a joint multi-agency approach within 24 hours. `standard`: usually a referral
            for advice.
        status (CaseStatus | Unset):
        flag (RuleId | Unset): `hate-perceived`: hostility perceived on a strand (hate review due
            in 24 hours). `hate-crime`: hostility and behaviour that can be an offence (share with
            police in 24 hours). `hate-screen`: the victim feels targeted, behaviour has reached
            personal ASB, and nobody has asked the hostility question. `severity-rise`: the worst
            behaviour in 30 days exceeds everything before (reassess in 24 hours). `critical-
            incident`: threats, assault, arson or weapon (level high). `repeat-victim`: two or more
            incidents in 12 months. `case-review-eligible`: the ASB Case Review threshold is met.
        target_state (ListCasesTargetState | Unset):
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasePage | Problem]
    """

    kwargs = _get_kwargs(
        reference=reference,
        risk_level=risk_level,
        status=status,
        flag=flag,
        target_state=target_state,
        area=area,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    reference: str | Unset = UNSET,
    risk_level: RiskLevel | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    flag: RuleId | Unset = UNSET,
    target_state: ListCasesTargetState | Unset = UNSET,
    area: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CasePage | Problem | None:
    """List the cases your agency may see

     Cases of which your agency is a member (for call handlers: the cases your key opened), most recently
    updated first, filtered by any combination of the parameters. `reference` finds the case a victim or
    partner quotes: one item, or none when no case you may see has that reference. A query parameter not
    listed here is a `422` naming it (as on every operation).

    Args:
        reference (str | Unset): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and
            partners. Example: ASB-2026-000123.
        risk_level (RiskLevel | Unset): `high`: a priority, immediate multi-agency action.
            `medium`: a joint multi-agency approach within 24 hours. `standard`: usually a referral
            for advice.
        status (CaseStatus | Unset):
        flag (RuleId | Unset): `hate-perceived`: hostility perceived on a strand (hate review due
            in 24 hours). `hate-crime`: hostility and behaviour that can be an offence (share with
            police in 24 hours). `hate-screen`: the victim feels targeted, behaviour has reached
            personal ASB, and nobody has asked the hostility question. `severity-rise`: the worst
            behaviour in 30 days exceeds everything before (reassess in 24 hours). `critical-
            incident`: threats, assault, arson or weapon (level high). `repeat-victim`: two or more
            incidents in 12 months. `case-review-eligible`: the ASB Case Review threshold is met.
        target_state (ListCasesTargetState | Unset):
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasePage | Problem
    """

    return sync_detailed(
        client=client,
        reference=reference,
        risk_level=risk_level,
        status=status,
        flag=flag,
        target_state=target_state,
        area=area,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    reference: str | Unset = UNSET,
    risk_level: RiskLevel | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    flag: RuleId | Unset = UNSET,
    target_state: ListCasesTargetState | Unset = UNSET,
    area: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CasePage | Problem]:
    """List the cases your agency may see

     Cases of which your agency is a member (for call handlers: the cases your key opened), most recently
    updated first, filtered by any combination of the parameters. `reference` finds the case a victim or
    partner quotes: one item, or none when no case you may see has that reference. A query parameter not
    listed here is a `422` naming it (as on every operation).

    Args:
        reference (str | Unset): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and
            partners. Example: ASB-2026-000123.
        risk_level (RiskLevel | Unset): `high`: a priority, immediate multi-agency action.
            `medium`: a joint multi-agency approach within 24 hours. `standard`: usually a referral
            for advice.
        status (CaseStatus | Unset):
        flag (RuleId | Unset): `hate-perceived`: hostility perceived on a strand (hate review due
            in 24 hours). `hate-crime`: hostility and behaviour that can be an offence (share with
            police in 24 hours). `hate-screen`: the victim feels targeted, behaviour has reached
            personal ASB, and nobody has asked the hostility question. `severity-rise`: the worst
            behaviour in 30 days exceeds everything before (reassess in 24 hours). `critical-
            incident`: threats, assault, arson or weapon (level high). `repeat-victim`: two or more
            incidents in 12 months. `case-review-eligible`: the ASB Case Review threshold is met.
        target_state (ListCasesTargetState | Unset):
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CasePage | Problem]
    """

    kwargs = _get_kwargs(
        reference=reference,
        risk_level=risk_level,
        status=status,
        flag=flag,
        target_state=target_state,
        area=area,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    reference: str | Unset = UNSET,
    risk_level: RiskLevel | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    flag: RuleId | Unset = UNSET,
    target_state: ListCasesTargetState | Unset = UNSET,
    area: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CasePage | Problem | None:
    """List the cases your agency may see

     Cases of which your agency is a member (for call handlers: the cases your key opened), most recently
    updated first, filtered by any combination of the parameters. `reference` finds the case a victim or
    partner quotes: one item, or none when no case you may see has that reference. A query parameter not
    listed here is a `422` naming it (as on every operation).

    Args:
        reference (str | Unset): Human reference, `ASB-YYYY-NNNNNN`; quote it to the victim and
            partners. Example: ASB-2026-000123.
        risk_level (RiskLevel | Unset): `high`: a priority, immediate multi-agency action.
            `medium`: a joint multi-agency approach within 24 hours. `standard`: usually a referral
            for advice.
        status (CaseStatus | Unset):
        flag (RuleId | Unset): `hate-perceived`: hostility perceived on a strand (hate review due
            in 24 hours). `hate-crime`: hostility and behaviour that can be an offence (share with
            police in 24 hours). `hate-screen`: the victim feels targeted, behaviour has reached
            personal ASB, and nobody has asked the hostility question. `severity-rise`: the worst
            behaviour in 30 days exceeds everything before (reassess in 24 hours). `critical-
            incident`: threats, assault, arson or weapon (level high). `repeat-victim`: two or more
            incidents in 12 months. `case-review-eligible`: the ASB Case Review threshold is met.
        target_state (ListCasesTargetState | Unset):
        area (str | Unset): An area an agency covers (a district), by its short name. Example:
            fenland.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CasePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            reference=reference,
            risk_level=risk_level,
            status=status,
            flag=flag,
            target_state=target_state,
            area=area,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
