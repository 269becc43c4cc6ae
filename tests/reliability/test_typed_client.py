"""The typed client generated from openapi.yaml (clients/python/, `make client`) walks a case's
life against a real `asb serve`: a call handler opens it, a caseworker reads it by id and by
reference, records a diary entry, shares it with a housing provider (whose integration key
then reads it) and tells the victim what is being done; a supervisor closes it with the
victim's view. Every answer is parsed into the client's typed models, and a case another
agency may not see is the client's `Problem` with the `not-found` type.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.reliability.server import ROOT, committed_keys, unique_slug

sys.path.insert(0, str(ROOT / "clients" / "python"))

from asb_client import AuthenticatedClient  # noqa: E402
from asb_client.api.cases import (  # noqa: E402
    close_case,
    get_case,
    get_case_by_reference,
    list_case_closures,
    open_case,
)
from asb_client.api.diary import add_diary_entry  # noqa: E402
from asb_client.api.sharing import list_members, share_case  # noqa: E402
from asb_client.api.system import get_me  # noqa: E402
from asb_client.api.timeline import get_timeline  # noqa: E402
from asb_client.api.updates import add_update  # noqa: E402
from asb_client.models import (  # noqa: E402
    Case,
    CaseClosureList,
    CaseStatus,
    CloseCaseRequest,
    DiaryEntry,
    DiaryEntryInput,
    Member,
    OpenCaseRequest,
    Problem,
    RiskLevel,
    ShareRequest,
    TimelinePage,
    Update,
    UpdateInput,
)


@pytest.fixture
async def keys(engine):
    council, housing, elsewhere = unique_slug("tcc"), unique_slug("tch"), unique_slug("tcx")
    made = await committed_keys(engine, {
        council: ("council", ["call_handler", "caseworker", "supervisor"]),
        housing: ("housing_provider", ["integration"]),
        elsewhere: ("council", ["caseworker"]),
    })
    return council, housing, elsewhere, made


def _client(server, key: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url, token=key,
                               raise_on_unexpected_status=True)


async def test_a_case_life_through_the_generated_client(shared_server, keys):
    council, housing, elsewhere, made = keys
    handler = _client(shared_server, made[(council, "call_handler")])
    officer = _client(shared_server, made[(council, "caseworker")])
    supervisor = _client(shared_server, made[(council, "supervisor")])
    hms = _client(shared_server, made[(housing, "integration")])
    stranger = _client(shared_server, made[(elsewhere, "caseworker")])

    me = await get_me.asyncio(client=officer)
    assert me.agency == council

    opened = await open_case.asyncio(client=handler, body=OpenCaseRequest.from_dict({
        "area": "fenland", "answers": {"repeat": True, "feels_targeted": True},
        "victim": {"role": "victim", "name": "Typed Client Victim"},
        "consent": {"state": "given"}}))
    assert isinstance(opened, Case), opened
    assert isinstance(opened.risk_level, RiskLevel) and opened.status == CaseStatus.OPEN

    read = await get_case.asyncio(opened.id, client=officer)
    assert isinstance(read, Case) and read.reference == opened.reference
    by_ref = await get_case_by_reference.asyncio(opened.reference, client=officer)
    assert isinstance(by_ref, Case) and by_ref.id == opened.id

    diary = DiaryEntryInput.from_dict({
        "started_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat(),
        "what_happened": "Shouting at the door late at night", "category": "verbal_abuse"})
    entry = await add_diary_entry.asyncio(opened.id, client=officer, body=diary,
                                          idempotency_key=f"typed-client-{uuid.uuid4()}")
    assert isinstance(entry, DiaryEntry), entry

    member = await share_case.asyncio(opened.id, client=officer, body=ShareRequest.from_dict(
        {"agency": housing, "basis": "consent"}))
    assert isinstance(member, Member) and member.agency == housing
    members = await list_members.asyncio(opened.id, client=hms)
    assert {m.agency for m in members.items} == {council, housing}

    told = await add_update.asyncio(opened.id, client=officer, body=UpdateInput.from_dict(
        {"kind": "victim_update", "text": "Told the victim a warning letter is being sent"}))
    assert isinstance(told, Update), told

    timeline = await get_timeline.asyncio(opened.id, client=hms)
    assert isinstance(timeline, TimelinePage) and len(timeline.items) >= 4

    closing = CloseCaseRequest.from_dict({
        "outcome": "Resolved after a warning letter",
        "final_victim_update": "Told the victim the case is closing",
        "victim_view": {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}})
    closed = await close_case.asyncio(opened.id, client=supervisor, body=closing)
    assert isinstance(closed, Case) and closed.status == CaseStatus.CLOSED
    closures = await list_case_closures.asyncio(opened.id, client=officer)
    assert isinstance(closures, CaseClosureList) and len(closures.items) == 1

    # Another agency's key: the client's Problem, typed, with the stable type to branch on.
    hidden = await get_case.asyncio(opened.id, client=stranger)
    assert isinstance(hidden, Problem)
    assert (hidden.status, hidden.type_) == (404, "https://asb.example.org/problems/not-found")
