"""The calls to an OpenID4VCI issuer and its authorization server: through the outbound guard, with the issuer's
answers read as untrusted input (strict JSON, strict models, cleaned text) and every failure as a domain error of
`wallet.oid4vci.errors`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from core import jsonstrict
from core.errors import InvalidInput, ServiceUnavailable
from core.outbound import Answer, OutboundRefused, ResponseTooLarge, send
from wallet.oid4vci.errors import IssuerAddressRefused, IssuerAnswerInvalid, IssuerAnswerTooLarge, IssuerUnavailable
from wallet.oid4vci.models import OAuthError, describe
from wallet.verification.context import OutboundPolicy

ModelT = TypeVar("ModelT", bound=BaseModel)


def issuer_text(value: str | None, limit: int = 300) -> str:
    """Text an issuer sent back, made safe to quote in a problem detail: printable characters, bounded length."""
    cleaned = " ".join("".join(c for c in value or "" if c.isprintable()).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


@dataclass
class Issuer:
    """The calls to one issuer and its authorization server, under the outbound policy."""

    policy: OutboundPolicy
    http: httpx.AsyncClient | None = None
    calls: int = field(default=0)

    def check(self, url: str, what: str) -> None:
        # The specification requires https everywhere (§4.1.3, §12.2.1, §12.2.4); plain http only to allow-listed
        # hosts, as webhooks do, so tests can run an issuer on loopback.
        parts = urlsplit(url)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in self.policy.allowed_hosts):
            raise IssuerAddressRefused(f"{what} must be an https URL, not {url!r}.")

    async def send(
        self, method: str, url: str, what: str, *, headers: dict[str, str] | None = None, content: bytes | None = None
    ) -> Answer:
        self.check(url, what)
        self.calls += 1
        try:
            return await send(
                method,
                url,
                allowed_hosts=list(self.policy.allowed_hosts),
                timeout=self.policy.timeout_seconds,
                max_bytes=self.policy.max_bytes,
                headers=headers,
                content=content,
                client=self.http,
            )
        except OutboundRefused as exc:
            raise IssuerAddressRefused(f"Passerelle does not call {_lower(what)} at {url}: {exc.detail}") from exc
        except ResponseTooLarge as exc:
            raise IssuerAnswerTooLarge(f"{what} answered too much: {exc.detail}") from exc
        except ServiceUnavailable as exc:
            raise IssuerUnavailable(f"{what} cannot be reached: {exc.detail}") from exc

    async def get_json(self, url: str, what: str) -> Answer:
        return await self.send("GET", url, what, headers={"Accept": "application/json"})


def _lower(what: str) -> str:
    return what[:1].lower() + what[1:]


def read_json(answer: Answer, what: str) -> Any:
    try:
        return jsonstrict.loads(answer.content)
    except InvalidInput as exc:
        raise IssuerAnswerInvalid(f"{what} did not answer acceptable JSON ({exc.detail})") from exc


def read_model(model: type[ModelT], document: Any, what: str) -> ModelT:
    if not isinstance(document, Mapping):
        raise IssuerAnswerInvalid(f"{what} did not answer a JSON object.")
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        raise IssuerAnswerInvalid(
            f"{what} answered something the specification does not allow: {describe(exc)}."
        ) from exc


def oauth_error(answer: Answer) -> OAuthError | None:
    try:
        return OAuthError.model_validate(jsonstrict.loads(answer.content))
    except (InvalidInput, ValidationError):
        return None


def unexpected(answer: Answer, what: str) -> IssuerUnavailable:
    return IssuerUnavailable(f"{what} answered HTTP {answer.status_code}.")
