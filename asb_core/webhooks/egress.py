"""Where webhook deliveries may go: public addresses over https, and the operator's allowed
networks (`ASB_WEBHOOK_ALLOWED_NETWORKS`), which are also the only ones plain http may reach.

A webhook URL is chosen by an agency, so without this the server would POST wherever it was
told: cloud metadata (169.254.169.254), its own database (127.0.0.1:5432), anything on the
private network (server-side request forgery). Two checks:

- At registration (`check_literal`), a URL whose host is an IP literal in a refused range is a
  validation error; a host name is accepted (its answer can change at any time). The host judged
  is the one httpx will connect to (`parse_url`, `url_host`): registration and delivery read a
  URL with the same parser, so no URL passes one and fails (or means another host in) the other.
- At delivery (`webhook_client`), the real defence: every new connection resolves the host once,
  is refused if ANY address it resolves to is refused (a name may answer a public address now and
  a private one on the next lookup: DNS rebinding), and connects to an address that was checked.
  See `_PinnedBackend` for how the connection is pinned to the checked address.

Refused: loopback, private (RFC 1918 and the other special-purpose blocks), link-local (so
169.254.169.254), shared address space 100.64.0.0/10, unique-local fc00::/7, unspecified,
multicast, reserved, anything else not globally routable, and IPv6 forms that embed a refused
IPv4 address (IPv4-mapped, 6to4, NAT64), unless the address is inside an allowed network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import httpcore
import httpx

from asb_core.networks import IPNetwork, parse_networks
from asb_core.settings import get_settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598 (carrier-grade NAT)
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the last 32 bits are an IPv4 address
PLAIN_HTTP_REFUSED = "plain http may reach only the networks the operator allows; use https"


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address a 6to4 address carries (where a relay would deliver it)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.sixtofour is not None:
        return ip.sixtofour
    return None


def _kind(ip: IPAddress) -> str | None:
    """What makes `ip` unreachable for webhooks, or None for a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _kind(ip.ipv4_mapped)  # ::ffff:127.0.0.1 is 127.0.0.1 on a dual-stack socket
    if isinstance(ip, ipaddress.IPv6Address) and ip in NAT64:
        # Judged by the IPv4 address it carries (`ipaddress` calls all of ::/8 reserved), so a
        # DNS64 host can still reach public IPv4-only receivers.
        return _kind(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in SHARED_ADDRESS_SPACE:
        return "a shared (carrier-grade NAT) address"
    if isinstance(ip, ipaddress.IPv6Address) and ip in ipaddress.IPv6Network("fc00::/7"):
        return "a unique-local address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "an address that is not globally routable"
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return _kind(embedded)
    return None


@dataclass(frozen=True)
class EgressPolicy:
    """The networks deliveries may reach although not public (empty: public addresses only)."""

    allowed: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_settings(cls, settings=None) -> EgressPolicy:
        settings = settings or get_settings()
        return cls(parse_networks(settings.webhook_allowed_networks))

    def allows(self, ip: IPAddress) -> bool:
        """Inside an allowed network (an IPv4-mapped address counts as its IPv4 address)."""
        candidates = [ip]
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            candidates.append(ip.ipv4_mapped)
        return any(
            c.version == net.version and c in net for c in candidates for net in self.allowed
        )

    def refusal(self, ip: IPAddress, *, plaintext: bool = False) -> str | None:
        """Why a delivery may not go to `ip` (None: it may). `plaintext`: over http."""
        if self.allows(ip):
            return None
        kind = _kind(ip)
        if kind is not None:
            return f"{kind}, which webhooks may not reach"
        return PLAIN_HTTP_REFUSED if plaintext else None

    def check_literal(self, host: str, *, plaintext: bool) -> str | None:
        """At registration: why a URL with this host is refused, or None. Only IP literals are
        judged here (names are judged at each delivery); plain http needs an allowed network."""
        ip = ip_literal(host)
        if ip is None:
            if plaintext and not self.allowed:
                return "must be https"
            return None
        reason = self.refusal(ip, plaintext=plaintext)
        if reason is None or reason == PLAIN_HTTP_REFUSED:
            return reason
        return f"points at {reason}"

    async def resolve(self, host: str, port: int, *, plaintext: bool) -> list[IPAddress]:
        """Every address `host` resolves to, in the resolver's order, all of them checked."""
        try:
            infos = await _getaddrinfo(host, port)
        except OSError as exc:  # socket.gaierror: no such name, resolver down
            raise httpcore.ConnectError(f"name resolution failed: {exc}") from None
        addresses: list[IPAddress] = []
        for *_, sockaddr in infos:
            ip = ipaddress.ip_address(sockaddr[0])
            if ip not in addresses:
                addresses.append(ip)
        if not addresses:
            raise httpcore.ConnectError("name resolution found no address")
        for ip in addresses:
            reason = self.refusal(ip, plaintext=plaintext)
            if reason is not None:
                if reason != PLAIN_HTTP_REFUSED:
                    reason = f"the host resolves to {reason}"
                raise DeliveryRefused(host, ip, reason)
        return addresses


async def _getaddrinfo(host: str, port: int) -> list:
    """The system resolver, off the event loop (tests replace it to play a DNS answer)."""
    return await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )


class InvalidWebhookURL(ValueError):
    """A URL the delivery client cannot send to, whatever the network does: no retry helps."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_url(url: str) -> httpx.URL:
    """`url` exactly as deliveries see it: the one parser for registration and delivery. httpx
    refuses what it cannot send (`http://①②⑦.0.0.1/` is not a valid IDNA name: at delivery it
    raised InvalidURL); judge the host with `url_host`, the form the connection is opened with.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InvalidWebhookURL(str(exc) or type(exc).__name__) from None
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        raise InvalidWebhookURL("an absolute http(s) URL")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise InvalidWebhookURL(f"port {parsed.port} is out of range")
    return parsed


def url_host(parsed: httpx.URL) -> str:
    """The host a delivery connects to (IDNA-encoded, an IPv6 address without brackets):
    what `_PinnedBackend.connect_tcp` is given."""
    return parsed.raw_host.decode("ascii")


def ip_literal(host: str) -> IPAddress | None:
    """The address a URL host names literally, including the legacy IPv4 spellings a resolver
    accepts (`2130706433`, `0x7f.1`, `127.1`); None for a name."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


class DeliveryRefused(Exception):
    """A delivery's host resolved to an address it may not reach. `reason` is safe to show the
    subscriber; the address itself goes to the operator's log only (it would tell an agency what
    internal names resolve to)."""

    def __init__(self, host: str, address: IPAddress, reason: str) -> None:
        super().__init__(f"{host} resolves to {address}; {reason}")
        self.host, self.address, self.reason = host, address, reason


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network layer with the check in it: `connect_tcp` is where httpcore opens
    every new connection (redirects are never followed, and the client uses no proxy), with the
    URL's host. It resolves the host once, refuses it if any address is refused, and connects
    to the checked address itself, so no second lookup can answer something else. TLS is then
    started on that socket by httpcore with `server_hostname` = the URL's host, so SNI and
    certificate verification are against the name, the Host header is the URL's, and the pool
    keys connections by name (a connection to one name is never reused for another that happens
    to share its address). Chosen over rewriting the URL to the address with a Host header and
    the `sni_hostname` extension, where the pool would key by address and could send one
    name's request down a TLS connection verified for another."""

    def __init__(self, policy: EgressPolicy, *, plaintext: bool) -> None:
        self._policy = policy
        self._plaintext = plaintext
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self, host: str, port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None, socket_options: Iterable | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await self._policy.resolve(host, port, plaintext=self._plaintext)
        except TimeoutError:
            raise httpcore.ConnectTimeout("name resolution timed out") from None
        failure: Exception | None = None
        for ip in addresses:  # each was checked; try them in the resolver's order
            try:
                return await self._inner.connect_tcp(
                    str(ip), port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self, path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("webhooks do not use Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    # httpx's transport with its connection pool rebuilt on the pinned backend (httpx has no
    # public way to pass a network backend; `_pool` is what handle_async_request uses). The
    # tests that deliver to a loopback name with and without the allowance prove the swap.
    def __init__(self, policy: EgressPolicy, *, plaintext: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=True),  # SSL_CERT_FILE for a private CA
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_PinnedBackend(policy, plaintext=plaintext),
        )


class _WebhookTransport(httpx.AsyncBaseTransport):
    """https through one pinned pool, http through another that reaches allowed networks only
    (the network layer does not see the scheme, so each scheme gets its own backend)."""

    def __init__(self, policy: EgressPolicy) -> None:
        self._by_scheme = {
            "https": _PinnedTransport(policy, plaintext=False),
            "http": _PinnedTransport(policy, plaintext=True),
        }

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self._by_scheme.get(request.url.scheme)
        if transport is None:
            raise httpx.UnsupportedProtocol(f"webhooks use http(s), not {request.url.scheme}")
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        for transport in self._by_scheme.values():
            await transport.aclose()


_GUARDED: weakref.WeakSet[httpx.AsyncClient] = weakref.WeakSet()


def webhook_client(policy: EgressPolicy | None = None, **kwargs) -> httpx.AsyncClient:
    """The HTTP client webhook deliveries must use: pinned, checked connections under `policy`
    (default: from the settings), no redirects followed, no proxy or .netrc from the
    environment (a proxy would resolve the name itself)."""
    client = httpx.AsyncClient(
        transport=_WebhookTransport(policy or EgressPolicy.from_settings()),
        follow_redirects=False,
        trust_env=False,
        **kwargs,
    )
    _GUARDED.add(client)
    return client


def is_guarded(client: httpx.AsyncClient) -> bool:
    return client in _GUARDED
