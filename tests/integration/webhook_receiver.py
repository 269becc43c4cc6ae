"""A real HTTP receiver for webhook tests, on 127.0.0.1 in the test's event loop.

It records every request (path, headers, body) and answers according to its mode: `ok` (200),
`fail` (500), `hang` (never answers), `slow` (answers 200 after `delay` seconds) or `redirect`
(302 to `/redirected` on the same receiver). Switch the
mode between worker passes to play a receiver that fails, times out and comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int | None  # the status answered, None when the receiver hung

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def event_id(self) -> str:
        return self.headers["webhook-id"]


@dataclass
class Receiver:
    mode: str = "ok"
    delay: float = 0.0
    received: list[Received] = field(default_factory=list)
    server: asyncio.base_events.Server | None = None
    port: int = 0
    _hung: list[asyncio.StreamWriter] = field(default_factory=list)

    def url(self, path: str = "/hook", host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def accepted(self, path: str | None = None) -> list[Received]:
        return [r for r in self.received
                if r.answered == 200 and (path is None or r.path == path)]

    async def start(self) -> Receiver:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        for w in self._hung:
            w.close()
        if self.server is not None:
            self.server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.server.wait_closed(), 2)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                _method, path, _version = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                mode = self.mode
                if mode == "hang":
                    self.received.append(Received(path, headers, body, None))
                    self._hung.append(writer)
                    await asyncio.sleep(3600)
                    return
                if mode == "slow":
                    await asyncio.sleep(self.delay)
                status = {"fail": 500, "redirect": 302}.get(mode, 200)
                self.received.append(Received(path, headers, body, status))
                reason = {200: b"OK", 302: b"Found"}.get(status, b"Internal Server Error")
                location = b"Location: /redirected\r\n" if status == 302 else b""
                writer.write(
                    b"HTTP/1.1 %d %s\r\n%sContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
                    % (status, reason, location)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()
