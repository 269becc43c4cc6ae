"""Network lists written as text (`"10.20.0.0/16, fd00:1::/64"`), parsed once for the settings
and the webhook egress policy. Imports nothing from asb_core, so the settings can check the
value at start without importing the webhook machinery (which itself reads the settings)."""

from __future__ import annotations

import ipaddress

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(value: str, setting: str = "ASB_WEBHOOK_ALLOWED_NETWORKS"
                   ) -> tuple[IPNetwork, ...]:
    """`"10.20.0.0/16, fd00:1::/64"` -> networks; a bare address is a /32 (/128). Host bits set
    (`10.0.0.1/8`) are an error rather than a guess at what was meant."""
    networks = []
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=True))
        except ValueError as exc:
            raise ValueError(
                f"{setting}: {item!r} is not a network: {exc}"
            ) from None
    return tuple(networks)
