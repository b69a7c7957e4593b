"""Outbound HTTP with an SSRF guard, timeouts and a size cap (OWASP API7).

Every call the service makes to a URL it did not write itself (JWKS, status lists, webhooks, registries) goes
through `fetch_json()` or `fetch_bytes()`; an exchange whose answer matters whatever its status (an OAuth token
request, an OpenID4VCI credential request) goes through `send()`.

Proxy settings and `.netrc` credentials from the environment never apply (`trust_env=False`): where a call goes
and what it carries is decided here.

Errors: `OutboundRefused` for a destination we do not call (scheme, credentials in the URL, private address, a
redirect to any of those); `ServiceUnavailable` for everything that went wrong on the way (DNS, connection,
timeout, HTTP status), and its subclass `ResponseTooLarge` for a body over the cap, compressed or not.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import anyio
import anyio.to_thread
import httpx

from core.errors import DomainError, ServiceUnavailable


class OutboundRefused(DomainError):
    code = "outbound_refused"
    default_detail = "The service does not call that address."


class ResponseTooLarge(ServiceUnavailable):
    """The body (after undoing any gzip content encoding) exceeds the caller's cap; same code as its parent."""


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
"""The well-known NAT64 prefix (RFC 6052): `64:ff9b::a.b.c.d` reaches the IPv4 address a.b.c.d through a
translator, so it is judged by that address."""
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
"""Deprecated IPv4-compatible addresses (`::a.b.c.d`, RFC 4291 §2.5.5.1), judged by the IPv4 address too."""


def is_public_address(address: str) -> bool:
    """Whether `address` is a global unicast address. An IPv6 address that carries an IPv4 address (IPv4-mapped,
    IPv4-compatible, NAT64, 6to4, Teredo) is judged by the IPv4 address it leads to as well: `64:ff9b::7f00:1` is
    loopback in disguise."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not (embedded.is_global and not embedded.is_multicast):
            return False
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address (the server's is public by construction)
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):  # `::` and `::1` are not IPv4-compatible
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


@dataclass(frozen=True)
class Destination:
    """Where to connect for a checked URL. For a host name, the address it resolved to when it was checked, with
    the `Host` header and the TLS server name (`sni_hostname`, also the name the certificate is checked against)
    that keep the name: the connection goes to the address that was checked, so a second DNS answer (rebinding)
    cannot send it elsewhere. An allow-listed host or an address literal is connected to as written."""

    url: httpx.URL
    headers: dict[str, str]
    extensions: dict[str, Any]


async def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order."""
    try:
        infos = await anyio.to_thread.run_sync(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    except OSError as exc:
        raise ServiceUnavailable(f"Cannot resolve {host}.") from exc
    return [str(info[4][0]) for info in infos]


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


async def check_destination(url: str, allowed_hosts: list[str]) -> Destination:
    """Refuse non-HTTP(S) URLs and hosts resolving to loopback, private, link-local or reserved addresses; answer
    where to connect (`Destination`: the address that was checked)."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise OutboundRefused(f"Only http(s) URLs with a host are fetched, not {parts.scheme or 'relative'} URLs.")
    if parts.username or parts.password:
        raise OutboundRefused("URLs with credentials are not fetched.")
    try:
        explicit_port = parts.port
        target = httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        raise OutboundRefused("The URL is not valid.") from exc
    host = parts.hostname
    if host in allowed_hosts:
        return Destination(target, {}, {})
    port = explicit_port or (443 if parts.scheme == "https" else 80)
    addresses = await resolve(host, port)
    if not addresses or not all(is_public_address(address) for address in addresses):
        raise OutboundRefused(f"{host} resolves to a non-public address.")
    if _is_address(host):
        return Destination(target, {}, {})
    return Destination(
        target.copy_with(host=addresses[0]),
        {"Host": target.netloc.decode("ascii")},
        {"sni_hostname": target.raw_host.decode("ascii")},
    )


@dataclass(frozen=True)
class FetchedBody:
    """A response body read under the guard, with the headers a caller may need for caching and parsing."""

    url: str
    """The URL that answered (after any redirects that were allowed)."""
    content: bytes
    content_type: str | None
    cache_control: str | None


def _too_large(url: str, max_bytes: int) -> ResponseTooLarge:
    return ResponseTooLarge(f"{url} sent more than {max_bytes} bytes.")


async def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    # We undo gzip ourselves, with the same cap on the decoded size: httpx would inflate a whole network chunk at
    # once, so a small compressed chunk could expand a thousandfold before any check ran.
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in {"identity", "gzip"}:
        raise ServiceUnavailable(f"{url} answered with the unsupported content encoding {encoding!r}.")
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    body = bytearray()
    received = 0
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > max_bytes:
            raise _too_large(url, max_bytes)
        if decoder is None:
            body.extend(chunk)
            continue
        try:
            body.extend(decoder.decompress(chunk, max_bytes + 1 - len(body)))
        except zlib.error as exc:
            raise ServiceUnavailable(f"{url} sent a corrupt gzip body.") from exc
        if len(body) > max_bytes or decoder.unconsumed_tail:
            raise _too_large(url, max_bytes)
    if decoder is not None and not decoder.eof:
        raise ServiceUnavailable(f"{url} sent a truncated gzip body.")
    return bytes(body)


async def fetch_bytes(
    url: str,
    *,
    allowed_hosts: list[str],
    timeout: float,
    max_bytes: int,
    accept: str = "*/*",
    max_redirects: int = 0,
    client: httpx.AsyncClient | None = None,
) -> FetchedBody:
    """GET `url` and return its body, refusing oversize bodies and private destinations.

    `timeout` bounds the whole exchange (resolution, connection, every redirect and the body), not each read, so a
    server dripping bytes cannot hold the caller. Redirects are followed only up to `max_redirects`, each target
    checked like the first and never from https down to http.
    """
    owned = client is None
    http = client or httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False)
    headers = {"Accept": accept, "Accept-Encoding": "gzip, identity"}
    current = url
    try:
        with anyio.fail_after(timeout):
            for _ in range(max_redirects + 1):
                destination = await check_destination(current, allowed_hosts)
                async with http.stream(
                    "GET",
                    destination.url,
                    headers={**headers, **destination.headers},
                    extensions=destination.extensions,
                ) as response:
                    location = response.headers.get("Location")
                    if response.status_code in _REDIRECTS and location and max_redirects > 0:
                        target = urljoin(current, location)
                        if urlsplit(current).scheme == "https" and urlsplit(target).scheme != "https":
                            raise OutboundRefused(f"{current} redirects from https to {target}.")
                        current = target
                        continue
                    if response.status_code != 200:
                        raise ServiceUnavailable(f"{current} answered HTTP {response.status_code}.")
                    content = await _read_capped(response, current, max_bytes)
                    return FetchedBody(
                        url=current,
                        content=content,
                        content_type=response.headers.get("Content-Type"),
                        cache_control=response.headers.get("Cache-Control"),
                    )
            raise ServiceUnavailable(f"{url} redirects more than {max_redirects} times.")
    except TimeoutError as exc:
        raise ServiceUnavailable(f"{url} did not answer within {timeout} seconds.") from exc
    except httpx.InvalidURL as exc:
        raise OutboundRefused(f"{current} is not a valid URL.") from exc
    except httpx.HTTPError as exc:
        raise ServiceUnavailable(f"Cannot fetch {current}: {type(exc).__name__}.") from exc
    finally:
        if owned:
            await http.aclose()


async def fetch_json(
    url: str, *, allowed_hosts: list[str], timeout: float, max_bytes: int, client: httpx.AsyncClient | None = None
) -> Any:
    """GET `url` and parse it as JSON, refusing redirects, oversize bodies and private destinations."""
    fetched = await fetch_bytes(
        url, allowed_hosts=allowed_hosts, timeout=timeout, max_bytes=max_bytes, accept="application/json", client=client
    )
    try:
        return json.loads(fetched.content)
    except ValueError as exc:
        raise ServiceUnavailable(f"{url} did not answer JSON.") from exc


@dataclass(frozen=True)
class Answer:
    """The answer to one request sent with `send()`: its status and its body, read under the size cap."""

    url: str
    status_code: int
    content: bytes
    content_type: str | None


async def send(
    method: str,
    url: str,
    *,
    allowed_hosts: list[str],
    timeout: float,
    max_bytes: int,
    headers: dict[str, str] | None = None,
    content: bytes | None = None,
    client: httpx.AsyncClient | None = None,
) -> Answer:
    """Send one request to `url` under the guard and read its answer, whatever its status (the caller judges it).

    Redirects are never followed: a 3xx is an answer like another. `timeout` bounds the whole exchange and the
    body is held to `max_bytes`, as in `fetch_bytes()`.
    """
    owned = client is None
    http = client or httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False)
    sent = {"Accept-Encoding": "gzip, identity", **(headers or {})}
    try:
        with anyio.fail_after(timeout):
            destination = await check_destination(url, allowed_hosts)
            async with http.stream(
                method,
                destination.url,
                headers={**sent, **destination.headers},
                content=content,
                follow_redirects=False,
                extensions=destination.extensions,
            ) as response:
                body = await _read_capped(response, url, max_bytes)
                return Answer(url, response.status_code, body, response.headers.get("Content-Type"))
    except TimeoutError as exc:
        raise ServiceUnavailable(f"{url} did not answer within {timeout} seconds.") from exc
    except httpx.InvalidURL as exc:
        raise OutboundRefused(f"{url} is not a valid URL.") from exc
    except httpx.HTTPError as exc:
        raise ServiceUnavailable(f"Cannot reach {url}: {type(exc).__name__}.") from exc
    finally:
        if owned:
            await http.aclose()
