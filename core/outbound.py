"""Outbound HTTP with an SSRF guard, timeouts and a size cap (OWASP API7).

Every call the service makes to a URL it did not write itself (JWKS, status lists, webhooks, registries) goes
through `fetch_json()` or `fetch_bytes()`; an exchange whose answer matters whatever its status (an OAuth token
request, an OpenID4VCI credential request) goes through `send()`.

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


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def check_destination(url: str, allowed_hosts: list[str]) -> None:
    """Refuse non-HTTP(S) URLs and hosts resolving to loopback, private, link-local or reserved addresses."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise OutboundRefused(f"Only http(s) URLs with a host are fetched, not {parts.scheme or 'relative'} URLs.")
    if parts.username or parts.password:
        raise OutboundRefused("URLs with credentials are not fetched.")
    try:
        explicit_port = parts.port
    except ValueError as exc:
        raise OutboundRefused("The URL has an invalid port.") from exc
    host = parts.hostname
    if host in allowed_hosts:
        return
    port = explicit_port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await anyio.to_thread.run_sync(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    except OSError as exc:
        raise ServiceUnavailable(f"Cannot resolve {host}.") from exc
    addresses = {str(info[4][0]) for info in infos}
    if not addresses or not all(is_public_address(address) for address in addresses):
        raise OutboundRefused(f"{host} resolves to a non-public address.")


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
    http = client or httpx.AsyncClient(timeout=timeout, follow_redirects=False)
    headers = {"Accept": accept, "Accept-Encoding": "gzip, identity"}
    current = url
    try:
        with anyio.fail_after(timeout):
            for _ in range(max_redirects + 1):
                await check_destination(current, allowed_hosts)
                async with http.stream("GET", current, headers=headers) as response:
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
    http = client or httpx.AsyncClient(timeout=timeout, follow_redirects=False)
    sent = {"Accept-Encoding": "gzip, identity", **(headers or {})}
    try:
        with anyio.fail_after(timeout):
            await check_destination(url, allowed_hosts)
            async with http.stream(method, url, headers=sent, content=content, follow_redirects=False) as response:
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
