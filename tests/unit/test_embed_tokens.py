"""Embed tokens: signed, scoped, short-lived; anything altered or expired is refused."""

from __future__ import annotations

import base64
import json
import uuid

from asb_api import embed_tokens
from asb_api.routes.embed import content_security_policy, embed_origins
from asb_core.actor import Actor

KEY = embed_tokens.derive_key("test-secret")
ACTOR = Actor(uuid.uuid4(), uuid.uuid4(), "cambs-police", "police", "call_handler")


def test_round_trip_gives_a_scoped_actor():
    token, exp = embed_tokens.issue(ACTOR, KEY, now=1_000_000)
    assert token.startswith("asbe_") and exp == 1_000_000 + 15 * 60
    actor = embed_tokens.verify(token, KEY, now=1_000_000 + 60)
    assert actor is not None
    assert (actor.principal_id, actor.agency_id, actor.agency_slug, actor.agency_kind,
            actor.role) == (ACTOR.principal_id, ACTOR.agency_id, "cambs-police", "police",
                            "call_handler")
    assert actor.scopes == frozenset({"assess.evaluate", "case.open", "repeat_caller.lookup"})


def test_expired_token_is_refused():
    token, exp = embed_tokens.issue(ACTOR, KEY, now=1_000_000)
    assert embed_tokens.verify(token, KEY, now=exp) is None
    assert embed_tokens.verify(token, KEY, now=exp + 1) is None


def test_other_secret_is_refused():
    token, _ = embed_tokens.issue(ACTOR, KEY, now=1_000_000)
    assert embed_tokens.verify(token, embed_tokens.derive_key("other"), now=1_000_001) is None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_altered_payload_is_refused():
    token, _ = embed_tokens.issue(ACTOR, KEY, now=1_000_000)
    body, sig = token[len("asbe_"):].split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["role"] = "supervisor"
    payload["exp"] += 86_400
    forged = "asbe_" + _b64(json.dumps(payload).encode()) + "." + sig
    assert embed_tokens.verify(forged, KEY, now=1_000_001) is None


def test_garbage_is_refused():
    for bad in ["", "asbe_", "asbe_.", "asbe_abc.def", "asbe_" + "a" * 2000, "asb_x.y",
                "asbe_é.x"]:
        assert embed_tokens.verify(bad, KEY, now=0) is None


def test_signed_but_widened_scopes_are_refused():
    # Even a correctly signed payload may not carry scopes beyond evaluate and open.
    payload = {"principal_id": str(uuid.uuid4()), "agency_id": str(uuid.uuid4()),
               "agency_slug": "x", "agency_kind": "police", "role": "supervisor",
               "scopes": ["case.read"], "exp": 2_000_000}
    body = _b64(json.dumps(payload).encode())
    token = f"asbe_{body}.{embed_tokens._sign(KEY, body)}"
    assert embed_tokens.verify(token, KEY, now=1_000_000) is None


def test_stored_secret_is_created_once(tmp_path):
    first = embed_tokens.stored_secret(tmp_path)
    assert len(first) >= 40
    assert embed_tokens.stored_secret(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_embed_origins_drop_anything_but_origins():
    assert embed_origins("'self' https://cad.example.police.uk,http://localhost:8080") == (
        "'self'", "https://cad.example.police.uk", "http://localhost:8080")
    assert embed_origins("https://ok.example; script-src *  javascript:x https://a/b") == ()
    assert embed_origins("") == ()
    assert "frame-ancestors 'none'" in content_security_policy("n", ())
