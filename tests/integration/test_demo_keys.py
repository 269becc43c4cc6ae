"""`asb serve --demo`'s keys: one per role the README's examples use, the same ones again on
the next start while they are valid (a revoked one is replaced), and one demo case to try."""

from __future__ import annotations

from asb_core.actor import Actor
from asb_core.agencies.service import revoke_key
from asb_core.demo.agencies import DEMO_KEYS, load_demo_area


async def test_demo_keys_are_kept_across_restarts(session):
    first = await load_demo_area(session)
    assert set(first.keys) == {f"{s}/{r}" for s, r in DEMO_KEYS}
    assert "demo-police/call_handler" in first.keys
    assert first.case_id and first.reference

    again = await load_demo_area(session, dict(first.keys))
    assert again.keys == first.keys
    assert (again.case_id, again.reference) == (first.case_id, first.reference)

    await revoke_key(session, Actor.system(), first.keys["demo-council/auditor"])
    third = await load_demo_area(session, dict(first.keys))
    assert third.keys["demo-council/auditor"] != first.keys["demo-council/auditor"]
    assert {k: v for k, v in third.keys.items() if k != "demo-council/auditor"} == {
        k: v for k, v in first.keys.items() if k != "demo-council/auditor"}
    # Nothing the caller passes is trusted: a made-up key is replaced.
    fourth = await load_demo_area(session, {"demo-police/call_handler": "asb_00000000_nope"})
    assert fourth.keys["demo-police/call_handler"] != "asb_00000000_nope"
