"""Baselines for `bench/assess_http.py`: the least a Litestar app can do per request.

- `GET /baseline`: answers a fixed JSON body;
- `POST /baseline`: decodes the JSON request body to a dict, then answers the same fixed body.

The fixed body is the evaluate endpoint's answer to the benchmark's request, computed once at
import, so baseline and evaluate send the same bytes back and the ratio isolates what evaluate
adds: authentication, validation and the assessment itself. Served by the same server, workers
and event loop as the API in the same run (`granian ... bench.baseline_app:app`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from litestar import Litestar, Response, get, post

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harm_model  # noqa: E402

SCREEN_ANSWERS: dict[str, Any] = {
    "immediate_danger": False,
    "threats_or_violence": False,
    "repeat": True,
    "feels_targeted": True,
    "hostility_perceived": ["race"],
    "disability_or_illness": True,
    "reported_elsewhere": False,
}
REQUEST_BODY = json.dumps({"answers": SCREEN_ANSWERS}, separators=(",", ":"))
FIXED_BODY: dict[str, Any] = harm_model.assess(SCREEN_ANSWERS).to_dict()


@get("/baseline", sync_to_thread=False)
def fixed_get() -> Response:
    return Response(FIXED_BODY)


@post("/baseline", status_code=200, sync_to_thread=False)
def fixed_post(data: dict[str, Any]) -> Response:
    return Response(FIXED_BODY)


app = Litestar(route_handlers=[fixed_get, fixed_post], openapi_config=None, debug=False)
