"""`asb serve` refuses a port something already listens on, including another server bound
the way Granian binds (SO_REUSEPORT), which would otherwise share the port without a word."""

from __future__ import annotations

import socket

from asb_api import cli
from asb_core.settings import Settings


def _listener(reuse_port: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def test_a_held_port_is_refused_before_anything_starts(capsys):
    for reuse_port in (False, True):
        with _listener(reuse_port) as held:
            port = held.getsockname()[1]
            args = cli.build_parser().parse_args(["serve", "--port", str(port)])
            # The database URL is never resolved: nothing starts (no embedded server either).
            settings = Settings(DATABASE_URL="postgresql://nobody@127.0.0.1:1/none")
            assert cli.cmd_serve(args, settings) == 1
            assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_a_free_port_is_free():
    with _listener(False) as probe:
        port = probe.getsockname()[1]
    assert cli._address_in_use("127.0.0.1", port) is None
