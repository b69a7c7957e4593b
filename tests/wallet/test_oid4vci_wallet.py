"""OpenID4VCI 1.0, wallet side: the specification's offers and metadata parse; a learner redeems an offer from a
standard issuer running on loopback (`oid4vci_issuer.py`) over real HTTP, and the credential waits in the inbox,
bound to the learner's holder key, until accepted; the refusals a learner meets (wrong or spent codes, sign-in
offers, an issuer on a private address, metadata for another issuer, an oversized answer) and who may see what."""

from __future__ import annotations

import base64
import json
import re
import urllib.parse
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col

from api.app import create_app
from core import jsonstrict
from core.accounts.models import Role
from core.keys import jwk_thumbprint
from core.settings import Settings
from tests.factories import DATA, Account, Institution, create_account, create_staff, onboard
from tests.servers import LOOPBACK, free_port
from tests.wallet.oid4vci_issuer import (
    DEFERRED,
    JWT_VC_DEGREE,
    MDL,
    SD_JWT_DEGREE,
    TestIssuer,
    running_issuer,
)
from tests.wallet.test_inbox import OB3_JWT, item, push
from wallet import sdjwt
from wallet.formats import CredentialFormat, detect
from wallet.inbox.models import InboxItem
from wallet.oid4vci.errors import InvalidOffer
from wallet.oid4vci.holder import HOLDERS, PROOF_TYPE
from wallet.oid4vci.models import (
    CredentialConfigurations,
    CredentialIssuerMetadata,
    CredentialOffer,
    CredentialResponse,
    OfferReference,
    parse_offer,
    well_known,
)

OPENID4VCI = DATA / "openid4vci"
INBOX = "/v1/wallet/inbox"
COLLECT = "/v1/wallet/inbox:collect"
MAX_BYTES = 64 * 1024


def http_body(name: str) -> str:
    """The body of an example written as an HTTP answer (status line and headers first)."""
    text = (OPENID4VCI / name).read_text("utf-8").strip()
    return re.split(r"\r?\n[ \t]*\r?\n", text, maxsplit=1)[1] if text.startswith("HTTP/") else text


def b64url_json(segment: str) -> Any:
    return jsonstrict.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


# ------------------------------------------------------------------------------------ the specification's examples


class TestSpecificationExamples:
    @pytest.mark.parametrize(
        ("name", "configurations", "tx_code"),
        [
            ("credential_offer_pre-authz_code.json", ["UniversityDegreeCredential"], True),
            ("credential_offer_by_reference.json", ["UniversityDegree_LDP_VC"], True),
            ("credential_offer_multiple_credentials.json", ["UniversityDegreeCredential", MDL], True),
        ],
    )
    def test_pre_authorized_offers(self, name: str, configurations: list[str], tx_code: bool) -> None:
        offer = parse_offer((OPENID4VCI / name).read_text("utf-8"))
        assert isinstance(offer, CredentialOffer)
        assert offer.credential_issuer == "https://credential-issuer.example.com"
        assert offer.credential_configuration_ids == configurations
        assert offer.grants is not None and offer.grants.pre_authorized_code is not None
        assert (offer.grants.pre_authorized_code.tx_code is not None) is tx_code

    def test_the_transaction_code_description(self) -> None:
        offer = parse_offer((OPENID4VCI / "credential_offer_multiple_credentials.json").read_text("utf-8"))
        assert isinstance(offer, CredentialOffer) and offer.grants and offer.grants.pre_authorized_code
        tx_code = offer.grants.pre_authorized_code.tx_code
        assert tx_code is not None
        assert (tx_code.input_mode, tx_code.length) == ("numeric", 4)
        assert tx_code.description == "Please provide the one-time code that was sent via e-mail"

    def test_an_empty_tx_code_object_still_asks_for_a_code(self) -> None:
        offer = parse_offer((OPENID4VCI / "credential_offer_by_reference.json").read_text("utf-8"))
        assert isinstance(offer, CredentialOffer) and offer.grants and offer.grants.pre_authorized_code
        assert offer.grants.pre_authorized_code.tx_code is not None  # `{}`: required, nothing said about it

    def test_authorization_code_offer_from_an_http_answer(self) -> None:
        offer = parse_offer(http_body("credential_offer_authz_code.txt"))
        assert isinstance(offer, CredentialOffer) and offer.grants is not None
        assert offer.grants.pre_authorized_code is None
        assert offer.grants.authorization_code is not None
        assert offer.grants.authorization_code.issuer_state == "eyJhbGciOiJSU0Et...FYUaBy"

    def test_issuer_metadata(self) -> None:
        metadata = CredentialIssuerMetadata.model_validate_json(
            (OPENID4VCI / "credential_issuer_metadata_sd_jwt_long.json").read_bytes()
        )
        assert metadata.credential_issuer == "https://credential-issuer.example.com"
        assert metadata.authorization_servers == ["https://server.example.com"]
        assert metadata.nonce_endpoint == "https://credential-issuer.example.com/nonce"
        assert metadata.display_name() == "Example University"
        assert metadata.credential_response_encryption is not None
        assert metadata.credential_response_encryption.encryption_required is True
        configuration = metadata.credential_configurations_supported["SD_JWT_VC_example_in_OpenID4VCI"]
        assert (configuration.format, configuration.vct) == ("dc+sd-jwt", "SD_JWT_VC_example_in_OpenID4VCI")
        assert configuration.proof_types_supported is not None
        jwt = configuration.proof_types_supported["jwt"]
        assert jwt.proof_signing_alg_values_supported == ["ES256"]
        assert jwt.key_attestations_required is not None
        assert configuration.display_name() == "IdentityCredential"
        assert metadata.batch_credential_issuance is not None and metadata.batch_credential_issuance.batch_size == 10

    def test_signed_issuer_metadata_payload(self) -> None:
        # A JWT with line breaks; the payload carries the metadata as top-level claims (§12.2.3).
        token = "".join((OPENID4VCI / "credential_issuer_metadata_sd_jwt_jwt.txt").read_text("ascii").split())
        header_segment, payload_segment, _ = token.split(".")
        assert b64url_json(header_segment)["typ"] == "openidvci-issuer-metadata+jwt"
        claims = b64url_json(payload_segment)
        metadata = CredentialIssuerMetadata.model_validate(claims)
        assert claims["sub"] == metadata.credential_issuer == "https://credential-issuer.example.com"
        assert metadata.deferred_credential_endpoint == "https://credential-issuer.example.com/deferred_credential"
        assert set(metadata.credential_configurations_supported) == {"SD_JWT_VC_example_in_OpenID4VCI"}

    @pytest.mark.parametrize(
        ("name", "identifier", "credential_format"),
        [
            ("credential_metadata_sd_jwt_vc.json", "SD_JWT_VC_example_in_OpenID4VCI", "dc+sd-jwt"),
            ("credential_metadata_jwt_vc_json.json", "UniversityDegreeCredential", "jwt_vc_json"),
            ("credential_metadata_ldp_vc.json", "UniversityDegree_LDP_VC", "ldp_vc"),
            ("credential_metadata_mso_mdoc.json", MDL, "mso_mdoc"),
        ],
    )
    def test_credential_configurations(self, name: str, identifier: str, credential_format: str) -> None:
        document = json.loads((OPENID4VCI / name).read_bytes())
        configurations = CredentialConfigurations.validate_python(document["credential_configurations_supported"])
        configuration = configurations[identifier]
        assert configuration.format == credential_format
        assert configuration.credential_metadata is not None and configuration.credential_metadata.display

    def test_mdoc_signing_algorithms_are_cose_numbers(self) -> None:
        document = json.loads((OPENID4VCI / "credential_metadata_mso_mdoc.json").read_bytes())
        configurations = CredentialConfigurations.validate_python(document["credential_configurations_supported"])
        assert configurations[MDL].credential_signing_alg_values_supported == [-7, -9]
        assert configurations[MDL].doctype == MDL

    @pytest.mark.parametrize(
        ("name", "credential_format"),
        [
            ("credential_response_sd_jwt_vc.txt", CredentialFormat.SD_JWT_VC),
            ("credential_response_jwt_vc_json.txt", CredentialFormat.VC_JWT),
            ("credential_response_ldp_vc.txt", CredentialFormat.VC),
            ("credential_response_mso_mdoc.txt", None),
        ],
    )
    def test_credential_responses(self, name: str, credential_format: CredentialFormat | None) -> None:
        # The examples wrap long values over lines "for display purposes only": joined again here.
        body = re.sub(r"\n[ \t]*", "", http_body(name))
        response = CredentialResponse.model_validate(jsonstrict.loads(body))
        (issued,) = response.issued()
        if credential_format is None:
            assert isinstance(issued, str)  # an mdoc: base64url CBOR, which Passerelle does not read
            return
        content = json.dumps(issued).encode() if isinstance(issued, dict) else issued.encode("ascii")
        media_type = "application/ld+json" if isinstance(issued, dict) else "application/dc+sd-jwt"
        assert detect(
            content, media_type if credential_format != CredentialFormat.VC_JWT else "application/jwt"
        ).format == (credential_format)


class TestParseOffer:
    def test_by_value_in_a_wallet_link(self) -> None:
        offer = {
            "credential_issuer": "https://issuer.example.edu",
            "credential_configuration_ids": ["degree"],
            "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code": {"pre-authorized_code": "a+b/c"}},
        }
        parsed = parse_offer(
            "openid-credential-offer://?" + urllib.parse.urlencode({"credential_offer": json.dumps(offer)})
        )
        assert isinstance(parsed, CredentialOffer) and parsed.grants and parsed.grants.pre_authorized_code
        assert parsed.grants.pre_authorized_code.pre_authorized_code == "a+b/c"

    def test_by_reference(self) -> None:
        parsed = parse_offer(
            "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fserver%2Eexample%2Ecom%2Fcredential-offer"
            "%2FGkurKxf5T0Y-mnPFCHqWOMiZi4VS138cQO_V7PZHAdM"
        )
        assert parsed == OfferReference(
            "https://server.example.com/credential-offer/GkurKxf5T0Y-mnPFCHqWOMiZi4VS138cQO_V7PZHAdM"
        )

    def test_unknown_members_are_ignored(self) -> None:
        parsed = parse_offer({"credential_issuer": "https://i.example", "credential_configuration_ids": ["a"], "x": 1})
        assert isinstance(parsed, CredentialOffer) and parsed.grants is None

    @pytest.mark.parametrize(
        ("value", "says"),
        [
            ("hello", "exactly one"),
            ("openid-credential-offer://?credential_offer=%7B&credential_offer_uri=https%3A%2F%2Fa", "exactly one"),
            ("openid-credential-offer://?credential_offer=%7Bnot%20json", "not acceptable JSON"),
            ("openid-credential-offer://?credential_offer_uri=ftp%3A%2F%2Fa.example%2Fo", "https URL"),
            (
                '{"credential_issuer": "https://i.example", "credential_configuration_ids": []}',
                "credential_configuration_ids",
            ),
            (
                '{"credential_issuer": "https://i.example?q=1", "credential_configuration_ids": ["a"]}',
                "credential_issuer",
            ),
            ('{"credential_issuer": "https://i.example", "credential_configuration_ids": ["a", "a"]}', "repeat"),
            ('{"credential_configuration_ids": ["a"]}', "credential_issuer"),
            (
                '{"credential_issuer": "https://i.example", "credential_configuration_ids": ["a"], "credential_issuer": "x"}',
                "JSON",
            ),
            (
                '{"credential_issuer": "https://i.example", "credential_configuration_ids": ["a"], "grants": '
                '{"urn:ietf:params:oauth:grant-type:pre-authorized_code": {"pre-authorized_code": "c", '
                '"tx_code": {"length": "4"}}}}',
                "length",
            ),
            ("[1, 2]", "not a JSON object"),
        ],
    )
    def test_refused_with_a_reason(self, value: str, says: str) -> None:
        with pytest.raises(InvalidOffer) as refused:
            parse_offer(value)
        assert says in refused.value.detail

    def test_a_long_transaction_code_description_is_refused(self) -> None:
        grant = {"pre-authorized_code": "c", "tx_code": {"description": "x" * 301}}
        document = {
            "credential_issuer": "https://i.example",
            "credential_configuration_ids": ["a"],
            "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code": grant},
        }
        with pytest.raises(InvalidOffer, match="description"):
            parse_offer(document)

    def test_well_known_locations(self) -> None:
        assert (
            well_known("https://issuer.example.com/tenant", "openid-credential-issuer")
            == "https://issuer.example.com/.well-known/openid-credential-issuer/tenant"
        )
        assert (
            well_known("https://tenant.issuer.example.com", "oauth-authorization-server")
            == "https://tenant.issuer.example.com/.well-known/oauth-authorization-server"
        )


# ------------------------------------------------------------------------------------------ the issuer, fixtures


@pytest.fixture(scope="module")
def issuer() -> Iterator[TestIssuer]:
    with running_issuer() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_issuer(issuer: TestIssuer) -> Iterator[None]:
    issuer.reset()
    yield
    issuer.reset()


@pytest.fixture
def app_settings(settings: Settings) -> Settings:
    # The issuer is on loopback: only its address literal is allow-listed.
    return settings.model_copy(update={"outbound_allowed_hosts": [LOOPBACK], "outbound_max_bytes": MAX_BYTES})


@asynccontextmanager
async def other_app(settings: Settings, connection: AsyncConnection) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, bind=connection)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
    ):
        yield http


async def collect(
    client: httpx.AsyncClient, learner: Account, offer: str | dict[str, Any], tx_code: str | None = "493536"
) -> httpx.Response:
    body: dict[str, Any] = {"offer": offer}
    if tx_code is not None:
        body["tx_code"] = tx_code
    return await client.post(COLLECT, json=body, headers=learner.headers)


async def trust(client: httpx.AsyncClient, connection: AsyncConnection, issuer: TestIssuer) -> None:
    """Register the issuer and its key in the trust registry, as an administrator would."""
    admin = await create_staff(client, connection, email="admin@example.org", role=Role.ADMIN)
    registered = await client.post(
        "/v1/admin/trust/issuers",
        json={"issuer_id": issuer.base, "label": "Test University", "keys": [issuer.public_jwk]},
        headers=admin.headers,
    )
    assert registered.status_code == 201, registered.text


def holder_thumbprint(settings: Settings, learner: Account) -> str:
    keyring = json.loads((settings.keys_dir / HOLDERS / learner.id / "keyring.json").read_text())
    ((entry),) = keyring["keys"]
    return str(entry["kid"])  # the keyring names each key by its RFC 7638 thumbprint


# -------------------------------------------------------------------------------------------------- collecting


class TestCollect:
    async def test_sd_jwt_vc_into_the_inbox_then_the_wallet_bound_to_the_learners_key(
        self,
        client: httpx.AsyncClient,
        connection: AsyncConnection,
        issuer: TestIssuer,
        learner: Account,
        app_settings: Settings,
    ) -> None:
        response = await collect(client, learner, issuer.offer_link(issuer.offer(SD_JWT_DEGREE)))
        assert response.status_code == 201, response.text
        result = response.json()
        assert result["deferred"] == [] and result["skipped"] == []
        (collected,) = result["items"]
        assert collected["source"] == "openid4vci" and collected["institution"] is None
        assert collected["issuer"] == {"id": issuer.base, "name": "Test University"}
        assert collected["status"] == "pending" and collected["format"] == "sd_jwt_vc"
        assert collected["title"] == "Master of Science in Mathematics"
        # The flow a standard wallet runs, in order; the nonce endpoint before the credential request.
        assert issuer.paths() == [
            "GET /.well-known/openid-credential-issuer",
            "GET /.well-known/oauth-authorization-server",
            "POST /token",
            "POST /nonce",
            "POST /credential",
        ]
        (proof,) = issuer.proofs
        assert proof.header["typ"] == PROOF_TYPE and proof.header["alg"] == "ES256"
        assert "iss" not in proof.claims and proof.claims["aud"] == issuer.base
        thumbprint = holder_thumbprint(app_settings, learner)
        assert jwk_thumbprint(proof.header["jwk"]) == thumbprint

        inbox = (await client.get(INBOX, headers=learner.headers)).json()["items"]
        assert [i["id"] for i in inbox] == [collected["id"]]
        assert inbox[0]["issuer"]["id"] == issuer.base
        assert (await client.get("/v1/wallet/credentials", headers=learner.headers)).json()["items"] == []

        accepted = await client.post(f"{INBOX}/{collected['id']}/accept", headers=learner.headers)
        assert accepted.status_code == 200, accepted.text
        credential_id = accepted.json()["credential_id"]
        original = await client.get(f"/v1/wallet/credentials/{credential_id}/original", headers=learner.headers)
        claims = sdjwt.parse(original.text).payload
        assert b64url_json(claims)["cnf"]["jwk"] == proof.header["jwk"]

        await trust(client, connection, issuer)
        verified = await client.post(f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers)
        assert verified.status_code == 201, verified.text
        checks = {check["check"]: check for check in verified.json()["checks"]}
        assert checks["signature"]["outcome"] == "passed"
        assert checks["issuer_trust"]["outcome"] == "passed"
        binding = checks["holder_binding"]
        assert (binding["outcome"], binding["reason"]) == ("passed", "bound_to_wallet_key")
        assert binding["evidence"]["jwk_thumbprint"] == thumbprint

    async def test_a_credential_whose_signature_does_not_hold_is_not_kept(
        self, client: httpx.AsyncClient, connection: AsyncConnection, issuer: TestIssuer, learner: Account
    ) -> None:
        # Checked on arrival as a pushed credential is: with the issuer's key in the registry, a changed signature
        # is refused with its reason; the credential beside it, intact, lands in the inbox.
        await trust(client, connection, issuer)
        issuer.behaviour.tampered = (SD_JWT_DEGREE,)
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE, JWT_VC_DEGREE))
        assert response.status_code == 201, response.text
        result = response.json()
        assert [i["format"] for i in result["items"]] == ["vc_jwt"]
        ((skipped),) = result["skipped"]
        assert (skipped["credential_configuration_id"], skipped["code"]) == (SD_JWT_DEGREE, "signature_invalid")
        assert "did not accept" in skipped["detail"]
        inbox = (await client.get(INBOX, headers=learner.headers)).json()["items"]
        assert [i["id"] for i in inbox] == [result["items"][0]["id"]]

        issuer.behaviour.tampered = (SD_JWT_DEGREE, JWT_VC_DEGREE)
        refused = await collect(client, learner, issuer.offer(SD_JWT_DEGREE, JWT_VC_DEGREE))
        assert refused.status_code == 422, refused.text
        assert refused.json()["detail"].count("signature") >= 2
        assert len((await client.get(INBOX, headers=learner.headers)).json()["items"]) == 1

    async def test_without_the_issuers_key_the_credential_is_kept_and_its_check_says_why(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        # No key to check with (the issuer is not in the registry and names none to fetch): kept, as a pushed one
        # would be; the learner's own verification says the signature could not be checked.
        issuer.behaviour.tampered = (SD_JWT_DEGREE,)
        collected = (await collect(client, learner, issuer.offer(SD_JWT_DEGREE))).json()["items"][0]
        accepted = await client.post(f"{INBOX}/{collected['id']}/accept", headers=learner.headers)
        credential_id = accepted.json()["credential_id"]
        verified = await client.post(f"/v1/wallet/credentials/{credential_id}/verification", headers=learner.headers)
        signature = next(c for c in verified.json()["checks"] if c["check"] == "signature")
        assert (signature["outcome"], signature["reason"]) == ("warning", "issuer_key_unavailable")

    async def test_the_same_credential_is_not_bound_for_another_learner(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account, other_learner: Account
    ) -> None:
        # Grace imports Ada's credential as a file: it is bound to Ada's key, not to any key Grace's wallet holds.
        collected = (await collect(client, learner, issuer.offer(SD_JWT_DEGREE))).json()["items"][0]
        accepted = await client.post(f"{INBOX}/{collected['id']}/accept", headers=learner.headers)
        original = await client.get(
            f"/v1/wallet/credentials/{accepted.json()['credential_id']}/original", headers=learner.headers
        )
        await collect(client, other_learner, issuer.offer(SD_JWT_DEGREE))  # Grace has a holder key of her own
        imported = await client.post(
            "/v1/wallet/credentials",
            content=original.content,
            headers={**other_learner.headers, "Content-Type": "application/dc+sd-jwt"},
        )
        assert imported.status_code == 201, imported.text
        verified = await client.post(
            f"/v1/wallet/credentials/{imported.json()['id']}/verification", headers=other_learner.headers
        )
        binding = next(c for c in verified.json()["checks"] if c["check"] == "holder_binding")
        assert (binding["outcome"], binding["reason"]) == ("skipped", "no_presentation")

    async def test_several_credentials_by_reference_one_format_passerelle_does_not_read(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        offer = issuer.offer(SD_JWT_DEGREE, JWT_VC_DEGREE, MDL)
        response = await collect(client, learner, issuer.offer_reference(offer))
        assert response.status_code == 201, response.text
        result = response.json()
        assert sorted(i["format"] for i in result["items"]) == ["sd_jwt_vc", "vc_jwt"]
        assert [(s["credential_configuration_id"], s["code"]) for s in result["skipped"]] == [
            (MDL, "credential_format_unsupported")
        ]
        assert issuer.paths()[0].startswith("GET /offers/")
        assert len(issuer.proofs) == 2  # one fresh nonce and one proof per credential request
        assert len({proof.claims["nonce"] for proof in issuer.proofs}) == 2
        assert len({json.dumps(proof.header["jwk"], sort_keys=True) for proof in issuer.proofs}) == 1

    async def test_offer_as_json_without_transaction_code(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        offer = issuer.offer(JWT_VC_DEGREE, tx_code=None)
        response = await collect(client, learner, json.dumps(offer), tx_code=None)
        assert response.status_code == 201, response.text
        assert b"tx_code" not in next(r.body for r in issuer.requests if r.path == "/token")

    async def test_offer_as_a_json_object(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE))
        assert response.status_code == 201, response.text

    async def test_deferred_issuance_is_reported(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        response = await collect(client, learner, issuer.offer(DEFERRED))
        assert response.status_code == 202, response.text
        result = response.json()
        assert result["items"] == []
        assert result["deferred"] == [
            {"credential_configuration_id": DEFERRED, "transaction_id": "8xLOxBtZp8", "interval": 3600.0}
        ]
        assert (await client.get(INBOX, headers=learner.headers)).json()["items"] == []

    async def test_decline_erases_the_copy(
        self, client: httpx.AsyncClient, connection: AsyncConnection, issuer: TestIssuer, learner: Account
    ) -> None:
        collected = (await collect(client, learner, issuer.offer(SD_JWT_DEGREE))).json()["items"][0]
        declined = await client.post(f"{INBOX}/{collected['id']}/decline", headers=learner.headers)
        assert declined.status_code == 200 and declined.json()["status"] == "declined"
        assert declined.json()["issuer"]["id"] == issuer.base
        content = (
            await connection.execute(
                select(col(InboxItem.content)).where(col(InboxItem.id) == uuid.UUID(collected["id"]))
            )
        ).scalar_one()
        assert content == b""
        again = await client.post(f"{INBOX}/{collected['id']}/accept", headers=learner.headers)
        assert again.status_code == 409


class TestRefusals:
    async def test_wrong_transaction_code(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE), tx_code="000000")
        assert response.status_code == 422, response.text
        problem = response.json()
        assert problem["code"] == "invalid_grant" and problem["issuer_error"] == "invalid_grant"
        assert "transaction code" in problem["detail"] and "The transaction code is wrong." in problem["detail"]
        assert response.headers["content-type"] == "application/problem+json"
        assert "POST /credential" not in issuer.paths()
        assert (await client.get(INBOX, headers=learner.headers)).json()["items"] == []

    async def test_missing_transaction_code_is_asked_for_before_calling_the_issuer(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account, app_settings: Settings
    ) -> None:
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE), tx_code=None)
        assert response.status_code == 422
        problem = response.json()
        assert problem["code"] == "tx_code_required"
        assert problem["tx_code"] == {"input_mode": "numeric", "length": 6, "description": "Sent by e-mail."}
        assert issuer.paths() == []
        assert not (app_settings.keys_dir / HOLDERS / learner.id).exists()  # no key made for a refused offer

    @pytest.mark.parametrize("typed", ["49353a", "49353", "4935366"])
    async def test_a_transaction_code_unlike_the_described_one_is_not_sent(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account, typed: str
    ) -> None:
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE), tx_code=typed)
        assert response.status_code == 422
        assert response.json()["code"] == "tx_code_invalid"
        assert issuer.paths() == []

    async def test_expired_pre_authorized_code(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE, expires_in=-1))
        assert response.status_code == 422 and response.json()["code"] == "invalid_grant"

    async def test_unknown_or_spent_pre_authorized_code(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        offer = issuer.offer(SD_JWT_DEGREE)
        assert (await collect(client, learner, offer)).status_code == 201
        again = await collect(client, learner, offer)  # single use (§4.1.1)
        assert again.status_code == 422 and again.json()["code"] == "invalid_grant"
        offer["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]["pre-authorized_code"] = "forged"
        forged = await collect(client, learner, offer)
        assert forged.status_code == 422 and forged.json()["code"] == "invalid_grant"

    async def test_authorization_code_offer(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await collect(client, learner, http_body("credential_offer_authz_code.txt"))
        assert response.status_code == 422
        assert response.json()["code"] == "authorization_code_flow_unsupported"
        assert "browser" in response.json()["detail"]

    async def test_not_an_offer(self, client: httpx.AsyncClient, learner: Account) -> None:
        response = await collect(client, learner, "https://example.org/not-an-offer")
        assert response.status_code == 422 and response.json()["code"] == "invalid_credential_offer"

    @pytest.mark.parametrize("host", [LOOPBACK, "localhost"])
    async def test_issuer_on_a_private_address_without_the_allow_list(
        self, settings: Settings, connection: AsyncConnection, issuer: TestIssuer, host: str
    ) -> None:
        async with other_app(settings, connection) as http:  # the session's settings: nothing allow-listed
            learner = await create_account(http, email="ada@example.org")
            port = issuer.base.rsplit(":", 1)[1]
            for identifier in (f"https://{host}:{port}", f"http://{host}:{port}"):
                offer = issuer.offer(SD_JWT_DEGREE, credential_issuer=identifier)
                response = await collect(http, learner, offer)
                assert response.status_code == 422, response.text
                assert response.json()["code"] == "issuer_address_refused"
        assert issuer.paths() == []  # refused before any request left

    async def test_metadata_of_another_issuer_is_not_used(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        issuer.behaviour.metadata_issuer = "https://credential-issuer.example.com"
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE))
        assert response.status_code == 503, response.text
        problem = response.json()
        assert problem["code"] == "issuer_answer_invalid"
        assert "https://credential-issuer.example.com" in problem["detail"]
        assert issuer.paths() == ["GET /.well-known/openid-credential-issuer"]  # the code is not spent

    async def test_oversized_answer(self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account) -> None:
        issuer.behaviour.metadata_padding = MAX_BYTES
        response = await collect(client, learner, issuer.offer(SD_JWT_DEGREE))
        assert response.status_code == 503, response.text
        assert response.json()["code"] == "issuer_answer_too_large"
        assert "POST /token" not in issuer.paths()

    async def test_only_formats_passerelle_does_not_read(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account
    ) -> None:
        response = await collect(client, learner, issuer.offer(MDL, "unknown_configuration"))
        assert response.status_code == 422
        assert response.json()["code"] == "issuer_unsupported"
        assert "POST /token" not in issuer.paths()  # the single-use code is kept

    async def test_unreachable_issuer(self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account) -> None:
        offer = issuer.offer(SD_JWT_DEGREE, credential_issuer=f"http://{LOOPBACK}:{free_port()}")
        response = await collect(client, learner, offer)
        assert response.status_code == 503 and response.json()["code"] == "issuer_unavailable"
        assert response.headers["retry-after"]

    async def test_rate_limited_per_learner(
        self, app_settings: Settings, connection: AsyncConnection, learner: Account
    ) -> None:
        limited = app_settings.model_copy(update={"credential_offers_per_minute": 2})
        async with other_app(limited, connection) as http:
            answers = [await collect(http, learner, "not an offer") for _ in range(3)]
        assert [a.status_code for a in answers] == [422, 422, 429]
        assert answers[-1].headers["retry-after"]


class TestWhoSeesWhat:
    async def test_another_learner_cannot_see_or_decide(
        self, client: httpx.AsyncClient, issuer: TestIssuer, learner: Account, other_learner: Account
    ) -> None:
        collected = (await collect(client, learner, issuer.offer(SD_JWT_DEGREE))).json()["items"][0]
        for method, path in (
            ("GET", f"{INBOX}/{collected['id']}"),
            ("POST", f"{INBOX}/{collected['id']}/accept"),
            ("POST", f"{INBOX}/{collected['id']}/decline"),
        ):
            response = await client.request(method, path, headers=other_learner.headers)
            assert response.status_code == 404, (method, path)
        assert (await client.get(INBOX, headers=other_learner.headers)).json()["items"] == []
        mine = await client.get(f"{INBOX}/{collected['id']}", headers=learner.headers)
        assert mine.status_code == 200 and mine.json()["status"] == "pending"

    async def test_institutions_never_see_collected_items(
        self, client: httpx.AsyncClient, connection: AsyncConnection, issuer: TestIssuer, learner: Account
    ) -> None:
        admin = await create_staff(client, connection, email="admin@example.org", role=Role.ADMIN)
        leiden: Institution = await onboard(client, admin, "Universiteit Leiden")
        pushed = await push(client, leiden, [item(OB3_JWT, "application/jwt", learner_id=learner.id)])
        assert pushed.status_code == 200, pushed.text
        collected = (await collect(client, learner, issuer.offer(SD_JWT_DEGREE))).json()["items"][0]
        accepted = await client.post(f"{INBOX}/{collected['id']}/accept", headers=learner.headers)
        assert accepted.status_code == 200
        delivery = await client.get(f"/v1/institutions/deliveries/{collected['id']}", headers=leiden.headers())
        assert delivery.status_code == 404
        events = (await client.get("/v1/institutions/events", headers=leiden.headers())).json()["items"]
        assert collected["id"] not in {event["item_id"] for event in events}
        # The learner's inbox lists both, each with where it came from.
        inbox = (await client.get(INBOX, headers=learner.headers)).json()["items"]
        assert {(i["source"], (i["institution"] or {}).get("name"), (i["issuer"] or {}).get("id")) for i in inbox} == {
            ("push", "Universiteit Leiden", None),
            ("openid4vci", None, issuer.base),
        }
