"""The call handler's embedded assessment: the page, and the token exchange that feeds it.

`POST /v1/embed-tokens` turns the embedding system's API key (server-side) into a 15-minute token
that may only evaluate, open a case and look up repeat callers. `GET /embed/assessment` serves
one self-contained HTML file (`asb_api/static/embed_assessment.html`) under a strict
Content-Security-Policy: a fresh nonce per response for its inline script and style, nothing
external, `frame-ancestors` limited to `ASB_EMBED_ORIGINS`. The page takes the token from its URL
fragment or a postMessage from its embedding origin (one of those), and talks to its host only
through the postMessage protocol documented in openapi.yaml and the README.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from datetime import UTC, datetime
from functools import lru_cache
from importlib.resources import files

from litestar import Request, Response, get, post

from asb_api import embed_tokens
from asb_api.deps import ActorDep
from asb_api.problems import Problem
from asb_core import access

log = logging.getLogger("asb_api")

_PAGE = files("asb_api").joinpath("static/embed_assessment.html").read_text("utf-8")
_NONE = "'none'"
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


@lru_cache(maxsize=8)
def embed_origins(configured: str) -> tuple[str, ...]:
    """The valid entries of ASB_EMBED_ORIGINS ('self' or scheme://host[:port]), in order.

    Anything else is dropped (and logged), so a typo can never inject into the CSP header.
    """
    origins: list[str] = []
    for item in re.split(r"[\s,]+", configured.strip()):
        if not item:
            continue
        if item in ("'self'", "self"):
            item = "'self'"
        elif not _ORIGIN.match(item):
            log.warning("ASB_EMBED_ORIGINS: ignoring %r (not 'self' or scheme://host[:port])",
                        item[:100])
            continue
        if item not in origins:
            origins.append(item)
    return tuple(origins)


def content_security_policy(nonce: str, origins: tuple[str, ...]) -> str:
    return "; ".join([
        "default-src 'none'",
        f"script-src 'nonce-{nonce}'",
        f"style-src 'nonce-{nonce}'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "form-action 'none'",
        "base-uri 'none'",
        f"frame-ancestors {' '.join(origins) or _NONE}",
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
    ])


def _config_json(origins: tuple[str, ...]) -> str:
    # Rendered into a non-executing JSON block; '<' is escaped so it cannot close the element.
    config = {"allowed_origins": [o for o in origins if o != "'self'"],
              "allow_self": "'self'" in origins}
    return json.dumps(config).replace("<", "\\u003c").replace(">", "\\u003e")


@get("/embed/assessment", sync_to_thread=False, include_in_schema=False)
def embed_assessment_page(request: Request) -> Response:
    origins = embed_origins(request.app.state.settings.embed_origins)
    nonce = secrets.token_urlsafe(18)
    body = _PAGE.replace("{{NONCE}}", nonce).replace("{{CONFIG}}", _config_json(origins))
    return Response(
        body,
        media_type="text/html",
        headers={
            "Content-Security-Policy": content_security_policy(nonce, origins),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-store",
            "Cross-Origin-Resource-Policy": "same-origin",
        },
    )


@post("/v1/embed-tokens", status_code=201, sync_to_thread=False)
def issue_embed_token(request: Request, actor: ActorDep) -> Response:
    if actor.scopes or not all(access.can(actor, a) for a in embed_tokens.EMBED_SCOPES):
        raise Problem(403, f"role {actor.role} may not issue embed tokens")
    token, exp = embed_tokens.issue(actor, embed_tokens.signing_key(request.app.state))
    expires_at = datetime.fromtimestamp(exp, UTC).isoformat().replace("+00:00", "Z")
    return Response(
        {"token": token, "expires_at": expires_at, "scopes": list(embed_tokens.EMBED_SCOPES)},
        status_code=201,
        headers={"Cache-Control": "no-store"},
    )


route_handlers = [embed_assessment_page, issue_embed_token]
