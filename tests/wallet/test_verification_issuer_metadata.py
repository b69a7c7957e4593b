"""SD-JWT VC issuer keys from JWT VC Issuer Metadata (draft-ietf-oauth-sd-jwt-vc, "JWT VC Issuer Metadata"), served
by a real HTTP server on loopback: `<iss host>/.well-known/jwt-vc-issuer<iss path>`, with the keys inline (`jwks`)
or at `jwks_uri`.

The specification wants an https `iss`; the loopback server speaks http, which the key lookup allows only for hosts
in the outbound allow-list (as webhooks and OpenID4VCI do), so these tests allow 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from joserfc import jws
from joserfc.jwk import ECKey

from tests.servers import LOOPBACK, directory_server, free_port
from wallet import sdjwt
from wallet.verification import keys
from wallet.verification.context import KeyDocuments, OutboundPolicy, VerificationContext
from wallet.verification.engine import VerificationResult, verify_document
from wallet.verification.result import Check, CheckName, Outcome

NOW = datetime(2026, 11, 23, tzinfo=UTC)
KID = "issuer-key-2026"


class IssuerSite:
    """An issuer's web site: `python -m http.server` over a directory, so what is published at `/x/y` is the file
    `x/y`. Its identifier is the site's base URL, plus `tenant` when given."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.base = f"http://{LOOPBACK}:{self.port}"

    def identifier(self, tenant: str = "") -> str:
        return f"{self.base}/{tenant}" if tenant else self.base

    def publish(self, path: str, document: Any) -> str:
        """Serve `document` (JSON, or bytes as they are) at `path`; answer its URL."""
        target = self.directory / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(document if isinstance(document, bytes) else json.dumps(document).encode())
        return f"{self.base}{path}"

    def publish_metadata(self, document: Any, tenant: str = "") -> str:
        return self.publish("/.well-known/jwt-vc-issuer" + (f"/{tenant}" if tenant else ""), document)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[IssuerSite]:
    served = IssuerSite(tmp_path)
    with directory_server(tmp_path, served.port):
        yield served


@pytest.fixture
def issuer_key() -> ECKey:
    return ECKey.generate_key("P-256", parameters={"kid": KID})


def _public(key: ECKey) -> dict[str, Any]:
    return dict(key.as_dict(private=False))


def _key_set(*published: ECKey) -> dict[str, Any]:
    return {"keys": [_public(key) for key in published]}


def _diploma(issuer: str, key: ECKey, *, kid: str | None = KID) -> bytes:
    """An SD-JWT VC from `issuer`, signed with `key`, its header naming `kid` (nothing else: no x5c, no jwk)."""
    issued = sdjwt.issue_vc(
        {
            "iss": issuer,
            "vct": "https://credentials.example.eu/diploma",
            "iat": int(NOW.timestamp()) - 86_400,
            "given_name": "Ada",
        },
        issuer_key=key,
        disclosable=[["given_name"]],
        header={"kid": kid} if kid is not None else {},
    )
    return issued.serialized.encode()


async def _verify(
    content: bytes, media_type: str = "application/dc+sd-jwt", *, outbound: OutboundPolicy | None = None
) -> VerificationResult:
    context = VerificationContext(
        now=NOW, outbound=outbound or OutboundPolicy(allowed_hosts=(LOOPBACK,), timeout_seconds=5)
    )
    return await verify_document(content, media_type, context)


def _check(result: VerificationResult, name: CheckName) -> Check:
    return next(c for c in result.checks if c.name == name)


def _outcome(result: VerificationResult, name: CheckName) -> tuple[Outcome, str]:
    found = _check(result, name)
    return found.outcome, found.reason


class TestMetadataURL:
    def test_well_known_segment_goes_between_host_and_path(self) -> None:
        assert keys.jwt_vc_issuer_metadata_url("https://issuer.example.org") == (
            "https://issuer.example.org/.well-known/jwt-vc-issuer"
        )
        assert keys.jwt_vc_issuer_metadata_url("https://issuer.example.org:8443/tenant/1234") == (
            "https://issuer.example.org:8443/.well-known/jwt-vc-issuer/tenant/1234"
        )

    def test_terminating_slash_is_removed(self) -> None:
        assert keys.jwt_vc_issuer_metadata_url("https://issuer.example.org/") == (
            "https://issuer.example.org/.well-known/jwt-vc-issuer"
        )
        assert keys.jwt_vc_issuer_metadata_url("https://issuer.example.org/tenant/") == (
            "https://issuer.example.org/.well-known/jwt-vc-issuer/tenant"
        )

    def test_no_url_for_identifiers_that_cannot_publish_metadata(self) -> None:
        for issuer in ("http://issuer.example.org", "did:web:issuer.example.org", "https://issuer.example.org/?a=1"):
            assert keys.jwt_vc_issuer_metadata_url(issuer) is None, issuer

    def test_plain_http_only_for_an_allow_listed_host(self) -> None:
        assert keys.jwt_vc_issuer_metadata_url("http://127.0.0.1:8000/t", (LOOPBACK,)) == (
            "http://127.0.0.1:8000/.well-known/jwt-vc-issuer/t"
        )
        assert keys.jwt_vc_issuer_metadata_url("http://127.0.0.1:8000/t") is None


class TestKeyFromIssuerMetadata:
    async def test_inline_jwks(self, site: IssuerSite, issuer_key: ECKey) -> None:
        other = ECKey.generate_key("P-256", parameters={"kid": "older-key"})
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(other, issuer_key)})
        result = await _verify(_diploma(site.identifier(), issuer_key))
        assert _outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert _check(result, CheckName.SIGNATURE).evidence["key_source"] == "jwt_vc_issuer_metadata"
        assert _outcome(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "key_published_in_issuer_metadata")

    async def test_jwks_uri(self, site: IssuerSite, issuer_key: ECKey) -> None:
        jwks_uri = site.publish("/keys/jwks.json", _key_set(issuer_key))
        site.publish_metadata({"issuer": site.identifier(), "jwks_uri": jwks_uri})
        result = await _verify(_diploma(site.identifier(), issuer_key))
        assert _outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")
        assert _check(result, CheckName.SIGNATURE).evidence["key_source"] == "jwt_vc_issuer_metadata"

    async def test_issuer_with_a_path(self, site: IssuerSite, issuer_key: ECKey) -> None:
        issuer = site.identifier("tenant")
        site.publish_metadata({"issuer": issuer, "jwks": _key_set(issuer_key)}, tenant="tenant")
        result = await _verify(_diploma(issuer, issuer_key))
        assert _outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")

    async def test_no_kid_and_a_single_key(self, site: IssuerSite, issuer_key: ECKey) -> None:
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(issuer_key)})
        result = await _verify(_diploma(site.identifier(), issuer_key, kid=None))
        assert _outcome(result, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")

    async def test_wrong_signature_with_the_metadata_key_fails(self, site: IssuerSite, issuer_key: ECKey) -> None:
        impostor = ECKey.generate_key("P-256", parameters={"kid": KID})
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(issuer_key)})
        result = await _verify(_diploma(site.identifier(), impostor))
        assert _outcome(result, CheckName.SIGNATURE) == (Outcome.FAILED, "signature_invalid")

    async def test_each_document_is_fetched_once_per_run(self, site: IssuerSite, issuer_key: ECKey) -> None:
        jwks_uri = site.publish("/keys/jwks.json", _key_set(issuer_key))
        site.publish_metadata({"issuer": site.identifier(), "jwks_uri": jwks_uri})
        context = VerificationContext(
            now=NOW, outbound=OutboundPolicy(allowed_hosts=(LOOPBACK,), timeout_seconds=5), key_documents=KeyDocuments()
        )
        first = await verify_document(_diploma(site.identifier(), issuer_key), "application/dc+sd-jwt", context)
        # The site is gone: the second credential of the run is checked with the documents the first one fetched.
        (site.directory / "keys" / "jwks.json").unlink()
        (site.directory / ".well-known" / "jwt-vc-issuer").unlink()
        second = await verify_document(_diploma(site.identifier(), issuer_key), "application/dc+sd-jwt", context)
        assert _outcome(first, CheckName.SIGNATURE) == _outcome(second, CheckName.SIGNATURE)
        assert _outcome(second, CheckName.SIGNATURE) == (Outcome.PASSED, "signature_valid")


class TestMetadataThatGivesNoKey:
    """Each stays a warning (the signature could not be checked), with a message that says what went wrong."""

    def _unavailable(self, result: VerificationResult) -> str:
        signature = _check(result, CheckName.SIGNATURE)
        assert (signature.outcome, signature.reason) == (Outcome.WARNING, "issuer_key_unavailable")
        assert _outcome(result, CheckName.ISSUER_TRUST) == (Outcome.WARNING, "issuer_key_unavailable")
        return signature.message

    async def test_issuer_mismatch(self, site: IssuerSite, issuer_key: ECKey) -> None:
        site.publish_metadata({"issuer": "https://impostor.example.org", "jwks": _key_set(issuer_key)})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert "is for the issuer 'https://impostor.example.org'" in message
        assert f"not for the credential's issuer {site.identifier()!r}" in message

    async def test_issuer_differing_only_by_a_trailing_slash(self, site: IssuerSite, issuer_key: ECKey) -> None:
        site.publish_metadata({"issuer": site.identifier() + "/", "jwks": _key_set(issuer_key)})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert "not for the credential's issuer" in message

    async def test_kid_not_found(self, site: IssuerSite, issuer_key: ECKey) -> None:
        other = ECKey.generate_key("P-256", parameters={"kid": "another-key"})
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(other)})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert f"has no key with the kid {KID!r}" in message

    async def test_no_kid_and_several_keys(self, site: IssuerSite, issuer_key: ECKey) -> None:
        other = ECKey.generate_key("P-256", parameters={"kid": "another-key"})
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(issuer_key, other)})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key, kid=None)))
        assert "has several keys" in message

    async def test_both_jwks_and_jwks_uri(self, site: IssuerSite, issuer_key: ECKey) -> None:
        jwks_uri = site.publish("/keys/jwks.json", _key_set(issuer_key))
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(issuer_key), "jwks_uri": jwks_uri})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert "not both" in message

    async def test_private_key_published(self, site: IssuerSite, issuer_key: ECKey) -> None:
        site.publish_metadata({"issuer": site.identifier(), "jwks": {"keys": [dict(issuer_key.as_dict(private=True))]}})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert "private key material" in message

    async def test_metadata_not_published(self, site: IssuerSite, issuer_key: ECKey) -> None:
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert "JWT VC Issuer Metadata" in message and "HTTP 404" in message

    async def test_metadata_not_json(self, site: IssuerSite, issuer_key: ECKey) -> None:
        site.publish_metadata(b"<html>Welcome</html>")
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert "did not answer JSON" in message

    async def test_jwks_uri_unreachable(self, site: IssuerSite, issuer_key: ECKey) -> None:
        nobody_listens = f"http://{LOOPBACK}:{free_port()}/jwks.json"
        site.publish_metadata({"issuer": site.identifier(), "jwks_uri": nobody_listens})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key)))
        assert f"The issuer's JWK Set at {nobody_listens} could not be read" in message

    async def test_issuer_host_outside_the_allow_list_is_not_called_over_http(
        self, site: IssuerSite, issuer_key: ECKey
    ) -> None:
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(issuer_key)})
        message = self._unavailable(await _verify(_diploma(site.identifier(), issuer_key), outbound=OutboundPolicy()))
        assert f"key id {KID!r} is not a did:key, did:web or https URL" in message
        assert "the issuer is not an https URL that publishes JWT VC Issuer Metadata" in message


class TestOnlySdJwtVc:
    async def test_vc_jwt_issuer_metadata_is_not_consulted(self, site: IssuerSite, issuer_key: ECKey) -> None:
        site.publish_metadata({"issuer": site.identifier(), "jwks": _key_set(issuer_key)})
        claims = {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": site.identifier(),
            "validFrom": "2026-02-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:learner"},
        }
        token = jws.serialize_compact(
            {"alg": "ES256", "kid": KID, "typ": "vc+jwt"}, json.dumps(claims).encode(), issuer_key, algorithms=["ES256"]
        )
        result = await _verify(token.encode(), "application/vc+jwt")
        signature = _check(result, CheckName.SIGNATURE)
        assert (signature.outcome, signature.reason) == (Outcome.WARNING, "issuer_key_unavailable")
        assert f"key id {KID!r} is not a did:key, did:web or https URL" in signature.message
        assert "JWT VC Issuer Metadata" not in signature.message
