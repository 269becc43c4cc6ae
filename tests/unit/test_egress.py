"""Where webhooks may go: the address classes refused, the operator's allowed networks, and the
registration-time judgement of a URL's host (asb_core/webhooks/egress.py)."""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest

from asb_core.webhooks.egress import (
    PLAIN_HTTP_REFUSED,
    EgressPolicy,
    InvalidWebhookURL,
    ip_literal,
    parse_networks,
    parse_url,
    url_host,
)

STRICT = EgressPolicy()

REFUSED = {
    "127.0.0.1": "loopback", "127.255.0.9": "loopback", "::1": "loopback",
    "10.0.0.1": "private", "172.16.5.4": "private", "192.168.1.1": "private",
    "169.254.169.254": "link-local", "fe80::1": "link-local", "fe80::1%eth0": "link-local",
    "100.64.0.1": "shared", "100.127.255.254": "shared",
    "fc00::1": "unique-local", "fd12:3456::1": "unique-local",
    "0.0.0.0": "unspecified", "::": "unspecified",
    "224.0.0.1": "multicast", "224.0.1.1": "multicast", "ff02::1": "multicast",
    "240.0.0.1": "private", "255.255.255.255": "private", "192.0.2.10": "private",
    "::ffff:127.0.0.1": "loopback", "::ffff:169.254.169.254": "link-local",
    "::ffff:10.0.0.1": "private", "2002:7f00:1::": "loopback", "64:ff9b::a9fe:a9fe": "link-local",
    "::7f00:1": "reserved",
}
PUBLIC = ["8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8",
          "64:ff9b::808:808", "2002:808:808::1"]


@pytest.mark.parametrize(("address", "kind"), sorted(REFUSED.items()))
def test_non_public_addresses_are_refused(address, kind):
    reason = STRICT.refusal(ipaddress.ip_address(address))
    assert reason is not None and kind in reason, (address, reason)
    assert kind in STRICT.refusal(ipaddress.ip_address(address), plaintext=True)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_reachable_over_https_only(address):
    assert STRICT.refusal(ipaddress.ip_address(address)) is None
    assert STRICT.refusal(ipaddress.ip_address(address), plaintext=True) == PLAIN_HTTP_REFUSED


def test_allowed_networks_open_exactly_themselves():
    policy = EgressPolicy(parse_networks("127.0.0.0/8, fd00:1::/64,10.20.30.0/24"))
    for address in ("127.0.0.1", "::ffff:127.0.0.1", "fd00:1::5", "10.20.30.40"):
        assert policy.refusal(ipaddress.ip_address(address)) is None, address
        assert policy.refusal(ipaddress.ip_address(address), plaintext=True) is None, address
    for address in ("::1", "fd00:2::5", "10.20.31.1", "169.254.169.254"):
        assert policy.refusal(ipaddress.ip_address(address)) is not None, address
    assert policy.refusal(ipaddress.ip_address("8.8.8.8"), plaintext=True) == PLAIN_HTTP_REFUSED


def test_parse_networks():
    assert parse_networks("") == parse_networks(" , ") == ()
    assert parse_networks("10.0.0.5") == (ipaddress.ip_network("10.0.0.5/32"),)
    for bad in ("10.0.0.1/8", "10.0.0.0/33", "localhost", "10.0.0.0/8;rm"):
        with pytest.raises(ValueError, match="ASB_WEBHOOK_ALLOWED_NETWORKS"):
            parse_networks(bad)


def test_ip_literal_reads_what_a_resolver_would():
    assert ip_literal("2130706433") == ipaddress.ip_address("127.0.0.1")
    assert ip_literal("0x7f.1") == ipaddress.ip_address("127.0.0.1")
    assert ip_literal("127.1") == ipaddress.ip_address("127.0.0.1")
    assert ip_literal("::ffff:7f00:1") == ipaddress.ip_address("::ffff:127.0.0.1")
    assert ip_literal("hooks.example.org") is None
    assert ip_literal("deadbeef.example") is None


def test_registration_judges_literals_and_leaves_names_to_delivery():
    assert STRICT.check_literal("hooks.example.org", plaintext=False) is None
    assert STRICT.check_literal("localhost", plaintext=False) is None  # checked at delivery
    assert STRICT.check_literal("hooks.example.org", plaintext=True) == "must be https"
    assert "link-local" in STRICT.check_literal("169.254.169.254", plaintext=False)
    internal = EgressPolicy(parse_networks("10.0.0.0/8"))
    assert internal.check_literal("hooks.internal", plaintext=True) is None
    assert internal.check_literal("10.1.2.3", plaintext=True) is None
    assert internal.check_literal("8.8.8.8", plaintext=True) == PLAIN_HTTP_REFUSED


def test_parse_url_is_the_delivery_clients_view():
    """Registration and delivery judge a URL with httpx's own parser: what it cannot send is
    invalid, and the host judged is the one the connection is opened with."""
    assert url_host(parse_url("https://Bücher.example/x")) == "xn--bcher-kva.example"
    assert url_host(parse_url("https://[::1]:8443/x")) == "::1"
    assert url_host(parse_url("http://0x7f.1/")) == "0x7f.1"
    assert ip_literal(url_host(parse_url("http://0x7f.1/"))) == ipaddress.ip_address("127.0.0.1")
    for bad in ("http://①②⑦.0.0.1:18790/p", "https://example.org:99999/", "https://x.org:0/",
                "ftp://example.org/", "http:///x", "not a url"):
        with pytest.raises(InvalidWebhookURL):
            parse_url(bad)


def test_settings_do_not_import_the_egress_policy():
    """settings.py and webhooks/egress.py once imported each other; the settings now check the
    allowed networks with asb_core.networks alone."""
    code = ("import sys; from asb_core.settings import Settings; Settings(); "
            "assert 'asb_core.webhooks.egress' not in sys.modules, 'settings imports egress'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2],
                          env={**os.environ, "ASB_WEBHOOK_ALLOWED_NETWORKS": "10.0.0.0/8"})
    assert done.returncode == 0, done.stderr
