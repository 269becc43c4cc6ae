"""Check every request and response of the test suite against `openapi.yaml` with openapi-core.

openapi-core has no Litestar or httpx integration, so this module adapts `httpx.Request` and
`httpx.Response` to its request and response protocols and validates both with strict settings:

- `additional_properties_default_policy="forbid"`: an object schema that does not say
  `additionalProperties` is closed, so an undocumented field in a response is a failure;
- `application/problem+json` and `application/merge-patch+json` are parsed as JSON (openapi-core
  would otherwise treat them as opaque bytes and check nothing);
- the spec itself is checked with the OpenAPI 3.1 validator when loaded;
- on top of openapi-core: a status code the operation does not declare, a body on a response
  declared without content, and a problem whose `status` differs from the HTTP status all fail.

`ContractClient` wraps an `httpx.AsyncClient`; every call is validated and the operation it
exercised (method and path template) is recorded in `EXERCISED` for the coverage checks.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.request.exceptions import SecurityValidationError
from openapi_spec_validator import OpenAPIV31SpecValidator
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# (METHOD, path template) -> status codes seen in this test session.
EXERCISED: dict[tuple[str, str], set[int]] = defaultdict(set)


@lru_cache(maxsize=1)
def spec_dict() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def strict_config() -> Config:
    return Config(
        spec_validator_cls=OpenAPIV31SpecValidator,
        additional_properties_default_policy="forbid",
        extra_media_type_deserializers={
            "application/problem+json": json_loads,
            "application/merge-patch+json": json_loads,
        },
    )


@lru_cache(maxsize=1)
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC_PATH), config=strict_config())


def spec_operations() -> set[tuple[str, str]]:
    """Every (METHOD, path template) the contract describes."""
    ops = set()
    for path, item in spec_dict().get("paths", {}).items():
        for method in item:
            if method in HTTP_METHODS:
                ops.add((method.upper(), path))
    return ops


# ----- protocol adapters ---------------------------------------------------------------------


def _headers(items: list[tuple[str, str]]) -> Headers:
    return Headers(items)


class HttpxOpenAPIRequest:
    """`httpx.Request` as openapi-core's `Request` protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        url = request.url
        cookies: dict[str, str] = {}
        if "cookie" in request.headers:
            jar = SimpleCookie()
            jar.load(request.headers["cookie"])
            cookies = {k: m.value for k, m in jar.items()}
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(url.params.multi_items())),
            header=_headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(cookies),
        )

    @property
    def host_url(self) -> str:
        url = self.request.url
        port = f":{url.port}" if url.port else ""
        return f"{url.scheme}://{url.host}{port}"

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def full_url(self) -> str:
        return self.host_url + self.path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self.request.read()
        return content if content else None

    @property
    def content_type(self) -> str:
        return self.request.headers.get("content-type", "").lower()


class HttpxOpenAPIResponse:
    """`httpx.Response` (already read) as openapi-core's `Response` protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return self.response.headers.get("content-type", "").lower()

    @property
    def headers(self) -> Headers:
        return _headers(list(self.response.headers.multi_items()))

    @property
    def data(self) -> bytes | None:
        return self.response.content or None


# ----- validation ----------------------------------------------------------------------------


@dataclass
class Outcome:
    method: str
    template: str | None
    operation_id: str | None
    request_errors: list[str] = field(default_factory=list)
    response_errors: list[str] = field(default_factory=list)


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _explain(exc: BaseException) -> str:
    """openapi-core wraps the useful detail (jsonschema errors) in `__cause__` chains and
    `schema_errors`; flatten it into a few readable lines."""
    parts = [f"{type(exc).__name__}: {_short(str(exc))}"]
    seen = {id(exc)}
    current: BaseException | None = exc
    while current is not None:
        for sub in getattr(current, "schema_errors", None) or []:
            where = "/".join(str(p) for p in getattr(sub, "absolute_path", [])) or "(root)"
            parts.append(f"  at {where}: {_short(str(getattr(sub, 'message', sub)))}")
        nxt = current.__cause__ or current.__context__
        if nxt is None or id(nxt) in seen:
            break
        seen.add(id(nxt))
        if not getattr(nxt, "schema_errors", None):
            parts.append(f"  caused by {type(nxt).__name__}: {_short(str(nxt))}")
        current = nxt
    return "\n".join(parts)


def find_operation(method: str, full_url: str) -> tuple[str, str, Any] | None:
    """(path template, operationId, operation SchemaPath), or None if the contract lacks it."""
    finder = APICallPathFinder(openapi().spec)
    try:
        found = finder.find(method.lower(), full_url)
    except (PathNotFound, OperationNotFound):
        return None
    op_id = (found.operation / "operationId").read_str() if "operationId" in found.operation else ""
    return found.path_result.pattern, op_id, found.operation


def _problem_errors(response: httpx.Response) -> list[str]:
    """Extra checks for problem details: the body's `status` is the HTTP status."""
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return []
    try:
        body = response.json()
    except ValueError:
        return ["problem body is not JSON"]
    if isinstance(body, dict) and body.get("status") != response.status_code:
        return [f"problem status {body.get('status')!r} differs from HTTP {response.status_code}"]
    return []


def json_pointer(*parts: str) -> str:
    """`#/a/b~1c` from ("a", "b/c"): a JSON pointer into the contract."""
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def schema_validator(pointer: str):
    """A Draft 2020-12 validator, with format checks, for the schema at `pointer` in the
    contract (e.g. `#/components/schemas/Case`); its `$ref`s resolve within the contract."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource(
        "urn:asb:openapi", Resource(contents=spec_dict(), specification=DRAFT202012)
    )
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:asb:openapi{pointer}"},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def _problem_schema_errors(response: httpx.Response) -> list[str]:
    """For responses to paths outside the contract: they must still be problem details."""
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return [f"content-type {response.headers.get('content-type')!r} is not problem+json"]
    validator = schema_validator("#/components/schemas/Problem")
    return [e.message for e in validator.iter_errors(response.json())]


def validate_exchange(
    response: httpx.Response, *, check_request: bool = True
) -> Outcome:
    """Validate a finished exchange against the contract; return what was found wrong."""
    request = response.request
    oreq = HttpxOpenAPIRequest(request)
    oresp = HttpxOpenAPIResponse(response)
    found = find_operation(oreq.method, oreq.full_url)
    method = request.method.upper()
    if found is None:
        outcome = Outcome(method, None, None)
        if check_request:
            outcome.request_errors.append(
                f"{method} {request.url.path} is not an operation in openapi.yaml"
            )
        elif response.status_code not in (404, 405):
            outcome.response_errors.append(
                f"{method} {request.url.path} is outside the contract and was answered "
                f"{response.status_code}, not 404/405"
            )
        else:
            outcome.response_errors.extend(_problem_schema_errors(response))
        return outcome

    template, op_id, operation = found
    outcome = Outcome(method, template, op_id)
    app = openapi()

    req_result = app.unmarshal_request(oreq)
    req_errors = list(req_result.errors)
    if check_request:
        for err in req_errors:
            # A request sent without (valid) credentials is a legitimate test of the 401 path.
            if isinstance(err, SecurityValidationError) and response.status_code == 401:
                continue
            outcome.request_errors.append(_explain(err))
    elif req_errors and not 400 <= response.status_code < 500:
        outcome.response_errors.append(
            f"the request does not conform to the contract ({_explain(req_errors[0])}), yet the "
            f"server answered {response.status_code}, not a 4xx problem"
        )

    resp_result = app.unmarshal_response(oreq, oresp)
    outcome.response_errors.extend(_explain(e) for e in resp_result.errors)
    outcome.response_errors.extend(_problem_errors(response))

    declared = operation / "responses"
    status = str(response.status_code)
    if status in declared:
        declared_response = declared / status
        if "content" not in declared_response and response.content:
            outcome.response_errors.append(
                f"{status} is declared without a body but the server sent {len(response.content)}"
                " bytes"
            )
    return outcome


class ContractViolation(AssertionError):
    """A request or response that does not conform to openapi.yaml."""


def assert_conforms(response: httpx.Response, *, check_request: bool = True) -> Outcome:
    outcome = validate_exchange(response, check_request=check_request)
    if outcome.template is not None:
        EXERCISED[(outcome.method, outcome.template)].add(response.status_code)
    problems = [f"request: {e}" for e in outcome.request_errors] + [
        f"response: {e}" for e in outcome.response_errors
    ]
    if problems:
        body = response.text
        if len(body) > 2000:
            body = body[:2000] + "..."
        raise ContractViolation(
            f"{outcome.method} {response.request.url.path} "
            f"({outcome.operation_id or 'not in contract'}) -> {response.status_code} "
            f"{response.headers.get('content-type', '')}\n"
            + "\n".join(problems)
            + f"\nresponse body: {body}"
        )
    return outcome


class ContractClient:
    """An `httpx.AsyncClient` wrapper whose every exchange is checked against the contract.

    `check_request=False` is for tests that send a deliberately invalid request (a missing
    `If-Match`, an unknown question id): the request is not checked, but the answer must then be
    a 4xx that conforms to the contract.
    """

    def __init__(self, client: httpx.AsyncClient, *, headers: dict[str, str] | None = None):
        self.client = client
        self.headers = dict(headers or {})

    def with_key(self, key: str) -> ContractClient:
        """A client that sends `Authorization: Bearer <key>` on every request."""
        auth = {"Authorization": f"Bearer {key}"}
        return ContractClient(self.client, headers={**self.headers, **auth})

    async def request(
        self, method: str, url: str, *, check_request: bool = True, **kwargs: Any
    ) -> httpx.Response:
        headers = {**self.headers, **(kwargs.pop("headers", None) or {})}
        headers = {k: v for k, v in headers.items() if v is not None}
        response = await self.client.request(method, url, headers=headers, **kwargs)
        await response.aread()
        assert_conforms(response, check_request=check_request)
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)

    async def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("PUT", url, **kwargs)

    async def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("PATCH", url, **kwargs)

    async def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("DELETE", url, **kwargs)


def exercised_report() -> dict[str, Any]:
    """The registry as JSON-friendly data (written to artifacts/ at the end of a session)."""
    ops = spec_operations()
    by_op = {f"{m} {p}": sorted(s) for (m, p), s in sorted(EXERCISED.items())}
    missing = sorted(f"{m} {p}" for m, p in ops if not EXERCISED.get((m, p)))
    no_success = sorted(
        f"{m} {p}"
        for m, p in ops
        if EXERCISED.get((m, p)) and not any(200 <= s < 300 for s in EXERCISED[(m, p)])
    )
    return {
        "spec": str(SPEC_PATH.name),
        "operations_in_contract": len(ops),
        "exercised": by_op,
        "never_exercised": missing,
        "exercised_without_success": no_success,
    }


def dump_report(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(exercised_report(), indent=2) + "\n", encoding="utf-8")
