"""The embedded assessment page in a real Chromium, driven by keyboard against `asb serve`.

Debian's Chromium (`/usr/bin/chromium`, installed by `.ci/run`) is launched through the Python
playwright package's bundled driver; no browser is ever downloaded. Without Chromium the tests
skip on a developer's machine but fail under CI, so CI can never pass by skipping them.
The screenshot is kept as a test artefact in `artifacts/embed_assessment.png`.
"""

from __future__ import annotations

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
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _require_browser() -> None:
    missing = None
    if not os.path.exists(CHROMIUM):
        missing = f"{CHROMIUM} is not installed (apt-get install chromium)"
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
def server(database_url, tmp_path_factory, ports):
    """`asb serve` on a free port against this run's database; stopped by its PID."""
    _require_browser()
    port, host_port = ports
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        ASB_DATA_DIR=str(tmp_path_factory.mktemp("asb-serve")),
        ASB_SECRET_KEY=secrets.token_urlsafe(32),
        ASB_EMBED_ORIGINS=f"'self' http://127.0.0.1:{host_port}",
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


async def _focused_id(page_or_frame) -> str:
    return await page_or_frame.evaluate("document.activeElement && document.activeElement.id")


async def test_call_handler_assesses_by_keyboard_and_opens_a_case(
    server, call_handler_key, browser
):
    from playwright.async_api import expect

    token = await _embed_token(server, call_handler_key)
    page = await browser.new_page(viewport={"width": 1280, "height": 1000})
    problems: list[str] = []
    _watch(page, problems)
    await page.goto(f"{server}/embed/assessment#token={token}")

    # The token is taken out of the address bar at once.
    await expect(page.locator("#app")).to_be_visible()
    assert "token" not in page.url and "#" not in page.url
    level = page.locator("#level")
    await expect(level).to_have_text("Standard")
    assert await page.locator("#level-live").get_attribute("aria-live") == "polite"

    # Screen questions first, in the policy's screen order, then the rest.
    legends = await page.locator("#screen legend").all_text_contents()
    assert legends[0].startswith("Is anyone in immediate danger")
    assert len(legends) == 7
    assert await page.locator("#rest fieldset").count() == 17

    # Focus starts on the first screen question. Arrow keys answer within a group, Tab moves on.
    assert await _focused_id(page) == "immediate_danger-yes"
    await page.keyboard.press("ArrowRight")  # immediate danger: No
    assert await page.locator("#immediate_danger-no").is_checked()
    await expect(page.locator("#score")).to_contain_text("Score 0")
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "threats_or_violence-yes"
    await expect(level).to_have_text("Standard")
    await page.keyboard.press("Space")  # threats or violence: Yes (a critical item)
    await expect(level).to_have_text("High")
    await expect(page.locator("#reasons")).to_contain_text("violence")
    await expect(page.locator("#hate")).to_be_hidden()

    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "repeat-yes"
    await page.keyboard.press("Space")  # repeat: Yes
    await page.keyboard.press("Tab")
    await page.keyboard.press("Space")  # feels targeted: Yes
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "hostility_perceived-disability"
    await page.keyboard.press("Tab")
    assert await _focused_id(page) == "hostility_perceived-race"
    await page.keyboard.press("Space")  # hostility perceived: race
    hate = page.locator("#hate")
    await expect(hate).to_be_visible()
    await expect(hate).to_contain_text("Race")
    await expect(level).to_have_text("High")

    # The ask-next list moves focus to the question it names.
    ask_next = page.locator("#ask-next button")
    await expect(ask_next.first).to_be_visible()
    assert await ask_next.count() >= 3
    first_question = await ask_next.first.text_content()
    await ask_next.first.focus()
    await page.keyboard.press("Enter")
    focused_legend = await page.evaluate(
        "document.activeElement.closest('fieldset').querySelector('legend').textContent")
    assert focused_legend == first_question
    await expect(page.locator("#targets li").first).to_contain_text("within 1 hour")

    # Open a case from the result, by keyboard.
    await page.locator("#area").focus()
    await page.keyboard.type("fenland")
    await page.keyboard.press("Tab")
    await page.keyboard.type("Test Victim")
    await page.keyboard.press("Tab")  # phone (optional): left empty
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
    result = page.locator("#case-result")
    opened = re.compile(r"Case opened: ASB-\d{4}-\d{6} \(risk level High\)")
    await expect(result).to_have_text(opened)
    assert await _focused_id(page) == "case-result"

    await page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / "embed_assessment.png"), full_page=True)
    assert problems == []


def _host_page(base: str) -> str:
    """A stand-in for the call-handling system: frames the page and hands it the token."""
    return f"""<!doctype html><html><body><h1>CAD</h1>
<iframe id="asb" title="ASB assessment" src="{base}/embed/assessment" width="1200" height="900">
</iframe>
<script>
window.addEventListener("message", function (event) {{
  if (event.origin !== "{base}") return;
  if (event.data && event.data.type === "asb-embed-ready") {{
    document.getElementById("asb").contentWindow.postMessage(
      {{type: "asb-embed-token", token: window.EMBED_TOKEN}}, "{base}");
  }}
  if (event.data && event.data.type === "asb-case-opened") window.OPENED = event.data.reference;
}});
</script></body></html>"""


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
    await expect(frame.locator("#level")).to_have_text("Standard")
    await frame.locator("#immediate_danger-yes").focus()
    await page.keyboard.press("Space")
    await expect(frame.locator("#level")).to_have_text("High")
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
