"""The outbound guard (`core.outbound`): which addresses are public, and that a connection goes to the address that
was checked, whatever a second DNS answer says (rebinding). DNS is the edge of the machine here: the resolver is
replaced, and the HTTP exchange is answered by an httpx mock transport that records where it was sent."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from core import outbound
from core.outbound import OutboundRefused, check_destination, fetch_json, is_public_address, send


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped
        ("::ffff:93.184.216.34", True),
        ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254
        ("2002:a9fe:a9fe::1", False),  # 6to4 of 169.254.169.254
        ("2002:0a00:0001::1", False),  # 6to4 of 10.0.0.1
        ("::127.0.0.1", False),  # IPv4-compatible (deprecated)
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", False),  # Teredo, client 127.0.0.1
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


class _Body(httpx.AsyncByteStream):
    def __init__(self, content: bytes) -> None:
        self.content = content

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.content


class TestPinning:
    @pytest.fixture
    def rebinding(self, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        """A resolver that answers a public address first and loopback afterwards (a TTL-0 rebinding DNS)."""
        asked: list[str] = []

        async def resolve(host: str, port: int) -> list[str]:
            asked.append(host)
            return ["93.184.216.34"] if len(asked) == 1 else ["127.0.0.1"]

        monkeypatch.setattr(outbound, "resolve", resolve)
        return asked

    @staticmethod
    def recording(seen: list[httpx.Request]) -> httpx.AsyncClient:
        def answer(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            # A streamed body, as a network answer is (the guard reads it raw, under its size cap).
            return httpx.Response(200, headers={"Content-Type": "application/json"}, stream=_Body(b'{"ok": true}'))

        return httpx.AsyncClient(transport=httpx.MockTransport(answer))

    async def test_fetch_connects_to_the_checked_address_with_the_name_kept(self, rebinding: list[str]) -> None:
        seen: list[httpx.Request] = []
        async with self.recording(seen) as client:
            answer = await fetch_json(
                "https://issuer.example.org:8443/.well-known/jwks.json?x=1",
                allowed_hosts=[],
                timeout=5,
                max_bytes=1000,
                client=client,
            )
        assert answer == {"ok": True}
        (request,) = seen
        assert str(request.url) == "https://93.184.216.34:8443/.well-known/jwks.json?x=1"
        assert request.headers["Host"] == "issuer.example.org:8443"
        assert request.extensions["sni_hostname"] == "issuer.example.org"  # TLS checks the name's certificate
        assert rebinding == ["issuer.example.org"]  # resolved once: the second, loopback answer is never asked for

    async def test_send_connects_to_the_checked_address(self, rebinding: list[str]) -> None:
        seen: list[httpx.Request] = []
        async with self.recording(seen) as client:
            answer = await send(
                "POST", "https://issuer.example.org/token", allowed_hosts=[], timeout=5, max_bytes=1000, client=client
            )
        assert answer.status_code == 200
        assert seen[0].url.host == "93.184.216.34" and seen[0].headers["Host"] == "issuer.example.org"

    async def test_a_name_resolving_anywhere_private_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def resolve(host: str, port: int) -> list[str]:
            return ["93.184.216.34", "64:ff9b::a9fe:a9fe"]

        monkeypatch.setattr(outbound, "resolve", resolve)
        with pytest.raises(OutboundRefused, match="non-public"):
            await check_destination("https://mixed.example.org/", [])

    async def test_allow_listed_hosts_and_address_literals_are_connected_to_as_written(self) -> None:
        allowed = await check_destination("http://127.0.0.1:9/x", ["127.0.0.1"])
        assert str(allowed.url) == "http://127.0.0.1:9/x" and (allowed.headers, allowed.extensions) == ({}, {})
        literal = await check_destination("https://93.184.216.34/x", [])
        assert str(literal.url) == "https://93.184.216.34/x" and literal.headers == {}
