"""The embedded assessment page in a real Chromium, driven by keyboard against `asb serve`.

Debian's Chromium (`/usr/bin/chromium`, installed by `.ci/run`) is launched through the Python
playwright package's bundled driver; no browser is ever downloaded. Without Chromium (or without
axe-core, which `make test` installs from npm with `npm ci`) the tests skip on a developer's
machine but fail under CI, so CI can never pass by skipping them.

- the call handler's story at 480 px, by keyboard only: racial abuse and threats, the level turns
  high, the repeat caller is found, the case is opened;
- at 320, 480 and 1280 px: axe-core finds no violations in the initial, partly answered and high
  states, and the pinned level stays inside the viewport (and above the focused question, never
  over it) while the 24th question is focused; a screenshot of each width is kept in
  `artifacts/` (embed_320px.png, embed_480px.png, embed_1280px.png; the story's end in
  embed_story_480px.png);
- a host page on another origin drives the page through the documented postMessage protocol and
  receives every documented message, in order, with the documented shapes.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {320: 568, 480: 720, 1280: 800}  # width: height of the viewport
CALLER_PHONE = "01632 960 482"
LOOKUP_BUDGET = 3  # repeat-caller lookups per key and window, for the server under test

# The story's answers, as the keys a call handler presses on each question as it is focused
# (anything else: N, or W for how often). Racial abuse and threats from a neighbour.
STORY_KEYS = {
    "immediate_danger": ["n"],
    "threats_or_violence": ["y"],
    "self_harm_risk": ["n"],
    "hostility_perceived": ["2", "Enter"],  # strand 2: race
    "repeat": ["y"],
    "feels_targeted": ["y"],
    "escalating": ["y"],
    "mental_health_affected": ["y"],
    "sleep_affected": ["y"],
    "feels_unsafe_at_home": ["y"],
    "fear_of_reprisal": ["y"],
    "property_damage": ["y"],
}


def _require_browser() -> None:
    missing = None
    if not os.path.exists(CHROMIUM):
        missing = f"{CHROMIUM} is not installed (apt-get install chromium)"
    elif not AXE.exists():
        missing = f"{AXE} is missing (make test-tools: npm ci)"
    else:
        try:
            import playwright.async_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {missing}")
        pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
async def call_handler_key(engine) -> str:
    """A committed agency and call_handler key (the server is another process)."""
    from sqlalchemy.ext.asyncio import AsyncSession

    from asb_core.actor import Actor
    from asb_core.agencies.service import add_agency, issue_key

    slug = f"browser-{secrets.token_hex(4)}"
    async with AsyncSession(engine, expire_on_commit=False) as session, session.begin():
        await add_agency(session, Actor.system(), slug, "Browser Test Police", "police",
                         ["fenland"])
        _, key = await issue_key(session, Actor.system(), slug, "call_handler")
    return key


@pytest.fixture(scope="module")
def ports() -> tuple[int, int]:
    return _free_port(), _free_port()


@pytest.fixture(scope="module")
def secret_key() -> str:
    return secrets.token_urlsafe(32)


@pytest.fixture(scope="module")
def host(ports):
    """A stand-in for the call-handling system's web page, on a real local port (Chromium's
    local network access checks refuse a local frame inside a page from a routed fake host)."""
    api_port, host_port = ports
    page = _host_page(f"http://127.0.0.1:{api_port}").encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", host_port), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{host_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(database_url, tmp_path_factory, ports, secret_key):
    """`asb serve` on a free port against this run's database; stopped by its PID."""
    _require_browser()
    port, host_port = ports
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        ASB_DATA_DIR=str(tmp_path_factory.mktemp("asb-serve")),
        ASB_SECRET_KEY=secret_key,
        ASB_EMBED_ORIGINS=f"'self' http://127.0.0.1:{host_port}",
        ASB_LOOKUP_BUDGET_PER_KEY=str(LOOKUP_BUDGET),
        ASB_LOG_LEVEL="WARNING",
    )
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    log = tmp_path_factory.mktemp("asb-serve-log") / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "asb"), "serve", "--host", "127.0.0.1",
             "--port", str(port), "--workers", "1"],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"asb serve exited {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"asb serve did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture(scope="module")
def earlier_case(server, call_handler_key) -> str:
    """The caller's earlier case (opened with the same key, victim's phone CALLER_PHONE)."""
    r = httpx.post(
        f"{server}/v1/cases",
        json={"area": "fenland", "answers": {"repeat": True, "feels_targeted": True},
              "victim": {"role": "victim", "name": "Earlier Caller", "phone": CALLER_PHONE},
              "consent": {"state": "given"}},
        headers={"Authorization": f"Bearer {call_handler_key}"},
    )
    assert r.status_code == 201, r.text
    return r.json()["reference"]


async def _embed_token(base: str, key: str) -> str:
    async with httpx.AsyncClient(base_url=base) as c:
        r = await c.post("/v1/embed-tokens", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 201, r.text
    return r.json()["token"]


@pytest.fixture
async def browser():
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            await chromium.close()


def _watch(page, problems: list[str]) -> None:
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)


def _policy() -> tuple[list[str], dict[str, str]]:
    """The order the page must ask in (ask_next for no answers, then the rest) and the texts."""
    import harm_model

    policy = harm_model.get_policy(None).to_dict()
    order = list(harm_model.assess({}, None).to_dict()["ask_next"])
    order += [q["id"] for q in policy["questions"] if q["id"] not in order]
    return order, {q["id"]: q["text"] for q in policy["questions"]}


async def _focused_id(page_or_frame) -> str:
    return await page_or_frame.evaluate("document.activeElement && document.activeElement.id")


async def _focused_question(page_or_frame) -> str | None:
    return await page_or_frame.evaluate(
        "(() => { const f = document.activeElement && document.activeElement.closest('fieldset.q');"
        " return f ? f.dataset.q : null; })()")


async def _asked(page_or_frame) -> int:
    return await page_or_frame.locator("fieldset.q.answered").count()


async def _answer_focused(page, frame, keys: dict[str, list[str]]) -> str:
    """Answer the focused question with its keys; wait until focus has moved on."""
    qid = await _focused_question(frame)
    assert qid, "no question is focused"
    for key in keys.get(qid, ["w" if qid == "frequency" else "n"]):
        await page.keyboard.press(key)
    await frame.wait_for_function(
        "q => { const f = document.activeElement && document.activeElement.closest('fieldset.q');"
        " return !f || f.dataset.q !== q; }", arg=qid)
    return qid


async def _axe(frame, state: str, width: int) -> None:
    """axe-core (from npm, pinned) in the page itself: no violations, WCAG 2.2 AA and best
    practice rules alike."""
    if not await frame.evaluate("typeof window.axe !== 'undefined'"):
        await frame.evaluate(AXE.read_text("utf-8"))
    result = await frame.evaluate("axe.run(document).then(r => ({violations: r.violations.map("
                                  "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map("
                                  "n => n.target.join(' '))})), passes: r.passes.length}))")
    assert result["violations"] == [], f"{width}px, {state}: {result['violations']}"
    assert result["passes"] > 20  # axe really ran its rules


async def _open_page(browser, server, key, width):
    page = await browser.new_page(viewport={"width": width, "height": WIDTHS[width]})
    problems: list[str] = []
    _watch(page, problems)
    token = await _embed_token(server, key)
    await page.goto(f"{server}/embed/assessment#token={token}")
    return page, problems


async def _pinned_above(page, width: int) -> None:
    """The level, its could-rise-to, the hate flag and the next question are inside the
    viewport, and the focused element is below the pinned summary, not under it."""
    height = WIDTHS[width]
    for selector in ("#level", "#raise", "#next-button"):
        box = await page.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (selector, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
    if await page.locator("#hate").is_visible():
        box = await page.locator("#hate").bounding_box()
        assert box["y"] + box["height"] <= height
    pinned = await page.locator("#pinned").bounding_box()
    focused = await page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom}; })()")
    assert focused["top"] >= pinned["y"] + pinned["height"], (focused, pinned)
    assert focused["bottom"] <= height, focused
    # Reflow: nothing wider than the frame (no sideways scrolling at 320 px).
    assert await page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", sorted(WIDTHS))
async def test_pinned_result_and_no_axe_violations_at_each_width(
    server, call_handler_key, browser, width
):
    from playwright.async_api import expect

    page, problems = await _open_page(browser, server, call_handler_key, width)
    order, texts = _policy()
    await expect(page.locator("#app")).to_be_visible()
    await expect(page.locator("#level-text")).to_have_text("Standard")
    # Initial: the first question in ask_next order is focused and named in the pinned summary.
    assert await _focused_question(page) == order[0]
    await expect(page.locator("#next-button")).to_have_text(texts[order[0]])
    await expect(page.locator("#raise")).to_have_text("Could still rise to High")
    await _pinned_above(page, width)
    await _axe(page, "initial", width)

    # Partly answered: no immediate danger.
    await _answer_focused(page, page, STORY_KEYS)
    await expect(page.locator("#score")).to_contain_text("Score 0")
    assert await _asked(page) == 1
    await _pinned_above(page, width)
    await _axe(page, "partly answered", width)

    # High, with the hate flag: threats (critical), then on to the hostility question.
    while await _focused_question(page) != "feels_targeted":
        await _answer_focused(page, page, STORY_KEYS)
    await expect(page.locator("#level-text")).to_have_text("High")
    await expect(page.locator("#hate")).to_have_text("Hate incident flag: Race")
    await _pinned_above(page, width)
    await _axe(page, "high", width)

    # Answered down to the last: while the 24th question is focused, the level is in view.
    while await _asked(page) < 23:
        await _answer_focused(page, page, STORY_KEYS)
    last = await _focused_question(page)
    assert last is not None and await _asked(page) == 23
    assert not await page.locator(f"#q-{last}").evaluate("f => f.classList.contains('answered')")
    await _pinned_above(page, width)
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"embed_{width}px.png"))
    assert problems == []


async def test_call_handlers_story_by_keyboard_at_480(
    server, call_handler_key, browser, earlier_case
):
    """Caller reports repeated racial abuse and threats; the handler answers by keyboard; the
    level turns high; the repeat caller is found; the case is opened. No mouse."""
    from playwright.async_api import expect

    page, problems = await _open_page(browser, server, call_handler_key, 480)
    order, texts = _policy()
    # The token is taken out of the address bar at once.
    await expect(page.locator("#app")).to_be_visible()
    assert "token" not in page.url and "#" not in page.url

    # Questions in ask_next order: critical first (marked in words, not colour alone).
    ids = await page.locator("fieldset.q").evaluate_all("fs => fs.map(f => f.dataset.q)")
    assert ids == order and len(ids) == 24
    critical = await page.locator("fieldset.q.critical").evaluate_all(
        "fs => fs.map(f => f.dataset.q)")
    assert critical == ids[:3] == ["immediate_danger", "threats_or_violence", "self_harm_risk"]
    assert await page.locator("fieldset.critical legend .tag").all_text_contents() == [
        "Critical"] * 3

    level = page.locator("#level-text")
    seen = []
    while await _asked(page) < 24:
        seen.append(await _answer_focused(page, page, STORY_KEYS))
        if seen[-1] == "threats_or_violence":
            await expect(level).to_have_text("High")
            await expect(page.locator("#level-shape")).to_have_text("\u25b2")
    assert sorted(seen) == sorted(order)
    await expect(page.locator("#raise")).to_have_text("All questions answered")
    await expect(page.locator("#hate")).to_have_text("Hate incident flag: Race")

    # Reasons in words, from the policy's texts: no question ids.
    reasons = await page.locator("#reasons li").all_text_contents()
    assert f"Critical: yes to \u201c{texts['threats_or_violence']}\u201d The level is High." in (
        reasons)
    assert "Hostility perceived (Race): hate incident flag; the level is at least Medium." in (
        reasons)
    assert any(r.startswith(f"\u201c{texts['frequency']}\u201d Weekly: 2 points") for r in reasons)
    joined = " ".join(reasons)
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", joined), joined

    # Nothing more to ask: focus goes to the repeat-caller check.
    assert await _focused_id(page) == "repeat-heading"
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "lookup-phone"
    await page.keyboard.type(CALLER_PHONE.replace(" ", ""))
    await page.keyboard.press("Tab")  # address: not needed
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "lookup-button"
    await page.keyboard.press("Enter")
    found = page.locator("#lookup-result")
    await expect(found).to_contain_text("Repeat caller: an open case was found.")
    # As the API answers a token (which may not read cases): whom to contact.
    await expect(found).to_contain_text("Browser Test Police")

    # Open the case, by keyboard.
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "area"
    await page.keyboard.type("fenland")
    await page.keyboard.press("Tab")
    await page.keyboard.type("Test Victim")
    await page.keyboard.press("Tab")
    await page.keyboard.type(CALLER_PHONE)
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "consent"
    await page.keyboard.press("g")  # select's type-ahead: Given
    assert await page.locator("#consent").input_value() == "given"
    await page.keyboard.press("Tab")  # legal basis
    await page.keyboard.press("Tab")  # summary
    await page.keyboard.type("Racial abuse and threats from a neighbour, several times.")
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "open-button"
    await page.keyboard.press("Enter")
    opened = re.compile(r"Case opened: ASB-\d{4}-\d{6} \(risk level High\)")
    await expect(page.locator("#case-result")).to_have_text(opened)
    assert await _focused_id(page) == "case-result"
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "embed_story_480px.png"))
    await _axe(page, "case opened, repeat caller found", 480)
    assert problems == []


def _host_page(base: str) -> str:
    """A stand-in for the call-handling system: frames the page in a 480 px panel, hands it the
    token when it is ready, and records every message it receives (window.RECEIVED). The test
    sends the host's messages through window.sendToPage."""
    return f"""<!doctype html><html lang="en"><head><title>CAD</title></head><body>
<h1>CAD incident log</h1>
<iframe id="asb" title="ASB assessment" src="{base}/embed/assessment" width="480" height="700">
</iframe>
<script>
window.RECEIVED = [];
window.sendToPage = function (message) {{
  document.getElementById("asb").contentWindow.postMessage(message, "{base}");
}};
window.addEventListener("message", function (event) {{
  if (event.origin !== "{base}") return;
  window.RECEIVED.push(event.data);
  if (event.data && event.data.type === "asb-embed-ready") {{
    window.sendToPage({{type: "asb-embed-token", token: window.EMBED_TOKEN}});
  }}
}});
</script></body></html>"""


def _assessment_result_validator():
    import jsonschema
    import yaml

    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text("utf-8"))
    schema = {"$ref": "#/components/schemas/AssessmentResult",
              "components": spec["components"]}
    return jsonschema.Draft202012Validator(schema)


def _documented_messages() -> tuple[set[str], set[str]]:
    """The message types openapi.yaml documents for the page: (accepted, posted); the README's
    table names the same ones."""
    import yaml

    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text("utf-8"))
    text = spec["paths"]["/embed/assessment"]["get"]["description"]
    accepts, posts = text.split("Messages the page accepts:")[1].split("Messages the page posts")
    kinds = [set(re.findall(r'"type": "(asb-embed-[a-z-]+)"', part)) for part in (accepts, posts)]
    readme = set(re.findall(r"\| `(asb-embed-[a-z-]+)` \|", (ROOT / "README.md").read_text()))
    assert readme == kinds[0] | kinds[1]
    return kinds[0], kinds[1]


async def _received(page, n: int) -> list[dict]:
    await page.wait_for_function("n => window.RECEIVED.length >= n", arg=n)
    return await page.evaluate("window.RECEIVED")


async def test_host_page_drives_the_protocol_and_gets_every_message_in_order(
    server, host, call_handler_key, browser, secret_key
):
    from playwright.async_api import expect

    from asb_api import embed_tokens

    token = await _embed_token(server, call_handler_key)
    page = await browser.new_page(viewport={"width": 900, "height": 800})
    problems: list[str] = []
    _watch(page, problems)
    await page.add_init_script(f"window.EMBED_TOKEN = {token!r};")
    await page.goto(f"{host}/")
    frame = page.frame_locator("#asb")
    inner = page.frames[1]
    await expect(frame.locator("#app")).to_be_visible()
    await expect(frame.locator("#level-text")).to_have_text("Standard")
    validator = _assessment_result_validator()

    # ready, then the first level (from nothing).
    got = await _received(page, 2)
    assert got[0] == {"type": "asb-embed-ready", "protocol": 1}
    assert got[1] == {"type": "asb-embed-level-changed", "level": "standard", "previous": None,
                      "could_raise_to": "high", "hate_flag": False}

    # Prefill of what the host already knows: answers changed, then the level changed.
    await page.evaluate("window.sendToPage({type: 'asb-embed-prefill', answers: "
                        "{repeat: true, feels_targeted: true, hostility_perceived: ['race'],"
                        " not_a_question: true, escalating: 'sometimes', frequency: 7}})")
    got = await _received(page, 4)
    changed, level = got[2], got[3]
    assert changed["type"] == "asb-embed-answers-changed"
    assert set(changed) == {"type", "answers", "evaluation"}
    assert changed["answers"] == {"repeat": True, "feels_targeted": True,
                                  "hostility_perceived": ["race"]}
    validator.validate(changed["evaluation"])
    assert changed["evaluation"]["level"] == "high" and changed["evaluation"]["hate_flag"]
    assert level == {"type": "asb-embed-level-changed", "level": "high", "previous": "standard",
                     "could_raise_to": "high", "hate_flag": True}
    await expect(frame.locator("#level-text")).to_have_text("High")
    assert await frame.locator("#repeat-yes").is_checked()

    # The handler answers by keyboard: answers changed, the level stays (no level message).
    assert await _focused_question(inner) == "immediate_danger"
    await page.keyboard.press("n")
    got = await _received(page, 5)
    assert got[4]["type"] == "asb-embed-answers-changed"
    assert got[4]["answers"]["immediate_danger"] is False
    validator.validate(got[4]["evaluation"])

    # The token lapses (one minted already expired: the page's clock and the API both say so),
    # the host refreshes it, and the page carries on with the answers it kept.
    actor = embed_tokens.verify(token, embed_tokens.derive_key(secret_key))
    stale, _ = embed_tokens.issue(actor, embed_tokens.derive_key(secret_key),
                                  now=time.time() - 16 * 60)
    await page.evaluate(f"window.sendToPage({{type: 'asb-embed-token-refresh', token: {stale!r}}})")
    got = await _received(page, 6)
    assert got[5] == {"type": "asb-embed-token-expired"}
    await expect(frame.locator("#status")).to_contain_text("expired")
    fresh = await _embed_token(server, call_handler_key)
    await page.evaluate(f"window.sendToPage({{type: 'asb-embed-token-refresh', token: {fresh!r}}})")
    await expect(frame.locator("#status")).to_be_hidden()
    focused = await _focused_question(inner)  # the next critical question
    assert focused in ("threats_or_violence", "self_harm_risk")
    await page.keyboard.press("n")
    got = await _received(page, 7)
    assert got[6]["type"] == "asb-embed-answers-changed"
    assert got[6]["answers"][focused] is False

    # Open the case: the host learns its id and reference, never the victim's details.
    await frame.locator("#area").fill("fenland")
    await frame.locator("#victim-name").fill("Protocol Victim")
    await frame.locator("#victim-phone").fill("01632 960 771")
    await frame.locator("#open-button").focus()
    await page.keyboard.press("Enter")
    await expect(frame.locator("#case-result")).to_contain_text("Case opened")
    got = await _received(page, 8)
    opened = got[7]
    assert set(opened) == {"type", "id", "reference", "risk_level"}
    assert opened["type"] == "asb-embed-case-opened" and opened["risk_level"] == "high"
    assert re.fullmatch(r"ASB-\d{4}-\d{6}", opened["reference"])
    assert re.fullmatch(r"[0-9a-f-]{36}", opened["id"])
    everything = json.dumps(got)
    assert "Protocol Victim" not in everything and "960 771" not in everything
    assert [m["type"] for m in got] == [
        "asb-embed-ready", "asb-embed-level-changed", "asb-embed-answers-changed",
        "asb-embed-level-changed", "asb-embed-answers-changed", "asb-embed-token-expired",
        "asb-embed-answers-changed", "asb-embed-case-opened"]
    # Every documented message went each way.
    accepted, posted = _documented_messages()
    assert accepted == {"asb-embed-token", "asb-embed-token-refresh", "asb-embed-prefill"}
    assert posted == {m["type"] for m in got}
    assert problems == [] or all("401" in p for p in problems), problems


async def test_repeat_caller_check_over_the_keys_budget_says_when_to_retry(
    server, engine, browser
):
    """The page's lookups spend its key's budget: after the key's own lookups, the page is
    refused as the API refuses it (429), and says when to try again."""
    from playwright.async_api import expect
    from sqlalchemy.ext.asyncio import AsyncSession

    from asb_core.actor import Actor
    from asb_core.agencies.service import add_agency, issue_key

    slug = f"budget-{secrets.token_hex(4)}"
    async with AsyncSession(engine, expire_on_commit=False) as session, session.begin():
        await add_agency(session, Actor.system(), slug, "Budget Police", "police", ["fenland"])
        _, key = await issue_key(session, Actor.system(), slug, "call_handler")
    async with httpx.AsyncClient(base_url=server) as client:
        for n in range(LOOKUP_BUDGET):
            r = await client.post("/v1/repeat-caller-lookup", json={"phone": f"01632 96{n:04d}"},
                                  headers={"Authorization": f"Bearer {key}"})
            assert r.status_code == 200, r.text
    page, problems = await _open_page(browser, server, key, 480)
    await expect(page.locator("#app")).to_be_visible()
    await page.locator("#lookup-phone").fill("01632 960 999")
    await page.locator("#lookup-button").focus()
    await page.keyboard.press("Enter")
    error = page.locator("#lookup-error")
    await expect(error).to_contain_text("too many repeat-caller lookups")
    await expect(error).to_contain_text(re.compile(r"try again in \d+ minutes?\)"))
    await expect(page.locator("#lookup-result")).to_be_hidden()
    assert all("429" in p for p in problems), problems


async def test_an_expired_first_token_is_reported_and_a_refresh_starts_the_page(
    server, host, call_handler_key, browser, secret_key
):
    from playwright.async_api import expect

    from asb_api import embed_tokens

    key = embed_tokens.derive_key(secret_key)
    actor = embed_tokens.verify(await _embed_token(server, call_handler_key), key)
    stale, _ = embed_tokens.issue(actor, key, now=time.time() - 16 * 60)
    page = await browser.new_page(viewport={"width": 480, "height": 700})
    await page.add_init_script(f"window.EMBED_TOKEN = {stale!r};")
    await page.goto(f"{host}/")
    frame = page.frame_locator("#asb")
    got = await _received(page, 2)
    assert [m["type"] for m in got] == ["asb-embed-ready", "asb-embed-token-expired"]
    await expect(frame.locator("#status")).to_contain_text("expired")
    await expect(frame.locator("#app")).to_be_hidden()

    fresh = await _embed_token(server, call_handler_key)
    await page.evaluate(f"window.sendToPage({{type: 'asb-embed-token-refresh', token: {fresh!r}}})")
    await expect(frame.locator("#app")).to_be_visible()
    await expect(frame.locator("#level-text")).to_have_text("Standard")
    got = await _received(page, 3)
    assert got[2]["type"] == "asb-embed-level-changed" and len(got) == 3


async def test_page_works_in_an_iframe_of_an_allowed_origin_only(
    server, host, call_handler_key, browser
):
    from playwright.async_api import expect

    token = await _embed_token(server, call_handler_key)
    page = await browser.new_page()
    problems: list[str] = []
    _watch(page, problems)
    await page.add_init_script(f"window.EMBED_TOKEN = {token!r};")

    await page.goto(f"{host}/")
    frame = page.frame_locator("#asb")
    await expect(frame.locator("#app")).to_be_visible()
    await expect(frame.locator("#level-text")).to_have_text("Standard")
    await frame.locator("#immediate_danger-yes").focus()
    await page.keyboard.press("Space")
    await expect(frame.locator("#level-text")).to_have_text("High")
    assert problems == []

    # Another origin may not frame it (frame-ancestors), so it never gets the page.
    blocked = await browser.new_page()
    messages: list[str] = []
    blocked.on("console", lambda m: messages.append(m.text))
    await blocked.goto(host.replace("127.0.0.1", "localhost") + "/")
    await blocked.wait_for_timeout(1000)
    child = blocked.frames[1] if len(blocked.frames) > 1 else None
    assert child is None or await child.locator("#app").count() == 0
    assert any("frame-ancestors" in m for m in messages), messages
