"""Outbound HTTP with an SSRF guard, timeouts and a size cap (OWASP API7).

Every call the service makes to a URL it did not write itself (JWKS, status lists, webhooks, registries) goes
through `fetch_json()` or a client built by `guarded_client()`.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from typing import Any
from urllib.parse import urlsplit

import anyio.to_thread
import httpx

from core.errors import DomainError, ServiceUnavailable


class OutboundRefused(DomainError):
    code = "outbound_refused"
    default_detail = "The service does not call that address."


def _is_public(address: str) -> bool:
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
    host = parts.hostname
    if host in allowed_hosts:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await anyio.to_thread.run_sync(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    except OSError as exc:
        raise ServiceUnavailable(f"Cannot resolve {host}.") from exc
    addresses = {str(info[4][0]) for info in infos}
    if not addresses or not all(_is_public(address) for address in addresses):
        raise OutboundRefused(f"{host} resolves to a non-public address.")


async def fetch_json(
    url: str, *, allowed_hosts: list[str], timeout: float, max_bytes: int, client: httpx.AsyncClient | None = None
) -> Any:
    """GET `url` and parse it as JSON, refusing redirects, oversize bodies and private destinations."""
    await check_destination(url, allowed_hosts)
    owned = client is None
    http = client or httpx.AsyncClient(timeout=timeout, follow_redirects=False)
    try:
        async with http.stream("GET", url, headers={"Accept": "application/json"}) as response:
            if response.status_code != 200:
                raise ServiceUnavailable(f"{url} answered HTTP {response.status_code}.")
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise ServiceUnavailable(f"{url} sent more than {max_bytes} bytes.")
    except httpx.HTTPError as exc:
        raise ServiceUnavailable(f"Cannot fetch {url}: {type(exc).__name__}.") from exc
    finally:
        if owned:
            await http.aclose()
    try:
        return json.loads(body)
    except ValueError as exc:
        raise ServiceUnavailable(f"{url} did not answer JSON.") from exc
