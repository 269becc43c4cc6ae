"""The contract and its human-readable rendering.

`/openapi.yaml` serves the hand-written contract as it is; `/docs` renders it server-side as one
self-contained HTML page (no scripts, no external assets, so it works on a closed network).
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import yaml
from litestar import MediaType, Response, get

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"


@lru_cache(maxsize=1)
def spec_text() -> str:
    return SPEC_PATH.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def spec() -> dict:
    return yaml.safe_load(spec_text())


@get("/openapi.yaml", sync_to_thread=False, include_in_schema=False)
def openapi_yaml() -> Response:
    return Response(spec_text(), media_type="application/yaml")


@get("/docs", sync_to_thread=False, include_in_schema=False)
def docs() -> Response:
    return Response(
        render_docs(),
        media_type=MediaType.HTML,
        headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"},
    )


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")
# A bold lead-in ("**Errors.**") starts a new paragraph even inside a folded YAML string.
_LEAD = re.compile(r"\s+(?=\*\*[^*]+\.\*\*)")


def _md(text: object) -> str:
    """The small Markdown subset the contract's descriptions use: paragraphs, code, bold."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", str(text or "")):
        for part in _LEAD.split(block.strip()):
            if part:
                inner = _BOLD.sub(r"<strong>\1</strong>", _CODE.sub(r"<code>\1</code>", _e(part)))
                paragraphs.append(f"<p>{inner}</p>")
    return "".join(paragraphs)


def _schema_label(schema: dict | None) -> str:
    if not schema:
        return ""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{_e(name)}">{_e(name)}</a>'
    if schema.get("type") == "array":
        return f"array of {_schema_label(schema.get('items'))}"
    if "enum" in schema:
        return " | ".join(_e(v) for v in schema["enum"])
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            return f" {key} ".join(_schema_label(s) for s in schema[key])
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = " | ".join(kind)
    fmt = schema.get("format")
    return _e(f"{kind} ({fmt})" if fmt else kind)


_METHODS = ("get", "post", "put", "patch", "delete")
_STYLE = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
    "code,pre{background:#f4f4f4;padding:0 .2em}table{border-collapse:collapse;margin:.5em 0}"
    "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
    ".op{border-left:4px solid #36c;padding-left:1em;margin:1.5em 0}.m{font-weight:bold;"
    "text-transform:uppercase}"
)


def _operations(doc: dict) -> list[tuple[str, str, dict, dict]]:
    """(path, method, operation, path item) for every operation, in the contract's order."""
    return [
        (path, method, op, item)
        for path, item in doc.get("paths", {}).items()
        for method, op in item.items()
        if method in _METHODS
    ]


def _head(info: dict) -> list[str]:
    return [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(info.get('title', 'API'))}</title><style>",
        _STYLE,
        "</style></head><body>",
        f"<h1>{_e(info.get('title', 'API'))} <small>{_e(info.get('version', ''))}</small></h1>",
        _md(info.get("description", "")),
        "<p>Contract: <a href='/openapi.yaml'>/openapi.yaml</a>.</p>",
    ]


def _index(operations: list[tuple[str, str, dict, dict]]) -> list[str]:
    out = ["<h2>Operations</h2><ul>"]
    for path, method, op, _item in operations:
        out.append(
            f"<li><a href='#{_e(op.get('operationId', ''))}'><code>"
            f"{_e(method.upper())} {_e(path)}</code></a> {_e(op.get('summary', ''))}</li>"
        )
    out.append("</ul>")
    return out


def _parameters(doc: dict, params: list) -> list[str]:
    if not params:
        return []
    out = ["<table><tr><th>parameter</th><th>in</th><th>type</th><th>about</th></tr>"]
    for p in params:
        p = _resolve(doc, p)
        out.append(
            f"<tr><td><code>{_e(p.get('name'))}</code>"
            f"{' (required)' if p.get('required') else ''}</td>"
            f"<td>{_e(p.get('in'))}</td><td>{_schema_label(p.get('schema'))}</td>"
            f"<td>{_md(p.get('description', ''))}</td></tr>"
        )
    out.append("</table>")
    return out


def _request_body(doc: dict, op: dict) -> list[str]:
    body = _resolve(doc, op.get("requestBody") or {})
    return [
        f"<p>Body ({_e(media)}): {_schema_label(content.get('schema'))}</p>"
        for media, content in (body.get("content") or {}).items()
    ]


def _responses(doc: dict, op: dict) -> list[str]:
    out = ["<table><tr><th>status</th><th>meaning</th></tr>"]
    for status, resp in (op.get("responses") or {}).items():
        about = _md(_resolve(doc, resp).get("description", ""))
        out.append(f"<tr><td>{_e(status)}</td><td>{about}</td></tr>")
    out.append("</table>")
    return out


def _operation(doc: dict, path: str, method: str, op: dict, item: dict) -> list[str]:
    out = [
        f"<div class='op' id='{_e(op.get('operationId', ''))}'>",
        f"<h3><span class='m'>{_e(method)}</span> <code>{_e(path)}</code></h3>",
        f"<p><strong>{_e(op.get('summary', ''))}</strong></p>",
    ]
    if op.get("description"):
        out.append(_md(op["description"]))
    out += _parameters(doc, list(item.get("parameters", [])) + list(op.get("parameters", [])))
    out += _request_body(doc, op)
    out += _responses(doc, op)
    out.append("</div>")
    return out


def _schema(name: str, schema: dict) -> list[str]:
    out = [f"<h3 id='schema-{_e(name)}'>{_e(name)}</h3>"]
    if schema.get("description"):
        out.append(_md(schema["description"]))
    props = schema.get("properties") or {}
    if not props:
        out.append(f"<pre>{_e(json.dumps(schema, indent=1)[:2000])}</pre>")
        return out
    required = set(schema.get("required") or [])
    out.append("<table><tr><th>field</th><th>type</th><th>about</th></tr>")
    for field, sub in props.items():
        out.append(
            f"<tr><td><code>{_e(field)}</code>{' *' if field in required else ''}</td>"
            f"<td>{_schema_label(sub)}</td><td>{_md(sub.get('description', ''))}</td></tr>"
        )
    out.append("</table>")
    return out


@lru_cache(maxsize=1)
def render_docs() -> str:
    doc = spec()
    operations = _operations(doc)
    out = _head(doc.get("info", {})) + _index(operations)
    for path, method, op, item in operations:
        out += _operation(doc, path, method, op, item)
    out.append("<h2>Schemas</h2>")
    for name, schema in (doc.get("components", {}).get("schemas") or {}).items():
        out += _schema(name, schema)
    out.append("</body></html>")
    return "".join(out)


def _resolve(doc: dict, node: dict) -> dict:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not ref:
        return node
    target: dict = doc
    for part in ref.lstrip("#/").split("/"):
        target = target[part]
    return target
