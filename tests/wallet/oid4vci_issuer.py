"""A small OpenID4VCI 1.0 credential issuer for tests, acting as its own authorization server, served by uvicorn on
loopback in a thread of the test process.

It does what a standard issuer does with a pre-authorized code: publishes its metadata and its authorization
server's metadata; exchanges a pre-authorized code (single use, expiring, with a transaction code when the offer
says so) for a bearer token; hands out fresh `c_nonce` values; and at the credential endpoint checks the token, the
key proof JWT (`typ`, ES256, the `jwk` header, the signature with joserfc, `aud`, `iat` and a nonce it issued and
not yet consumed) before issuing an SD-JWT VC (`dc+sd-jwt`, bound to the proof's key in `cnf.jwk`, made with
`wallet.sdjwt`) or a VC-JWT (`jwt_vc_json`), or deferring issuance. Every request is recorded. `Behaviour` holds
what a test may change (another `credential_issuer` in the metadata, oversized metadata).
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import ECKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.servers import LOOPBACK, free_port
from wallet.sdjwt import issue_vc, signing

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
PROOF_TYPE = "openid4vci-proof+jwt"
SD_JWT_DEGREE = "degree_sd_jwt"
JWT_VC_DEGREE = "degree_jwt_vc"
MDL = "org.iso.18013.5.1.mDL"
DEFERRED = "transcript_deferred"


@dataclass
class Offer:
    configuration_ids: tuple[str, ...]
    tx_code: str | None
    expires_at: float
    used: bool = False


@dataclass
class Grant:
    configuration_ids: tuple[str, ...]
    expires_at: float


@dataclass
class Behaviour:
    metadata_issuer: str | None = None
    """Another `credential_issuer` in the metadata than the issuer's own identifier."""
    metadata_padding: int = 0
    """Bytes of filler added to the metadata, to make it too large."""
    tampered: tuple[str, ...] = ()
    """Configurations whose credentials are issued with one character of the issuer's signature changed."""


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class CheckedProof:
    header: dict[str, Any]
    claims: dict[str, Any]


def _oauth_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse(
        {"error": error, "error_description": description}, status_code=status, headers={"Cache-Control": "no-store"}
    )


def _tampered(credential: str) -> str:
    """The credential with the 11th character of the issuer-signed JWT's signature segment changed (still
    base64url, so the encoding stays valid and only the signature fails)."""
    jwt, tilde, rest = credential.partition("~")
    protected, payload, signature = jwt.split(".")
    changed = signature[:10] + ("B" if signature[10] != "B" else "C") + signature[11:]
    return f"{protected}.{payload}.{changed}{tilde}{rest}"


def _b64url_json(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


@dataclass
class TestIssuer:
    base: str
    key: ECKey = field(default_factory=lambda: ECKey.generate_key("P-256", {"kid": "issuer-key-1"}, private=True))
    behaviour: Behaviour = field(default_factory=Behaviour)
    offers: dict[str, Offer] = field(default_factory=dict)
    by_reference: dict[str, dict[str, Any]] = field(default_factory=dict)
    grants: dict[str, Grant] = field(default_factory=dict)
    nonces: set[str] = field(default_factory=set)
    requests: list[Recorded] = field(default_factory=list)
    proofs: list[CheckedProof] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    __test__ = False  # not a test class, whatever its name

    # ------------------------------------------------------------------------------------------ what tests use

    @property
    def public_jwk(self) -> dict[str, Any]:
        return {**self.key.as_dict(private=False), "alg": "ES256", "use": "sig"}

    def reset(self) -> None:
        with self.lock:
            self.behaviour = Behaviour()
            self.requests.clear()
            self.proofs.clear()

    def offer(
        self,
        *configuration_ids: str,
        tx_code: str | None = "493536",
        expires_in: float = 300,
        credential_issuer: str | None = None,
    ) -> dict[str, Any]:
        """A credential offer object with a fresh pre-authorized code (and a transaction code unless `None`)."""
        code = secrets.token_urlsafe(16)
        ids = configuration_ids or (SD_JWT_DEGREE,)
        with self.lock:
            self.offers[code] = Offer(ids, tx_code, time.time() + expires_in)
        grant: dict[str, Any] = {"pre-authorized_code": code}
        if tx_code is not None:
            grant["tx_code"] = {"input_mode": "numeric", "length": len(tx_code), "description": "Sent by e-mail."}
        return {
            "credential_issuer": credential_issuer or self.base,
            "credential_configuration_ids": list(ids),
            "grants": {PRE_AUTHORIZED_GRANT: grant},
        }

    def offer_link(self, offer: dict[str, Any]) -> str:
        """The offer by value, as a wallet link."""
        return "openid-credential-offer://?credential_offer=" + urllib.parse.quote(json.dumps(offer), safe="")

    def offer_reference(self, offer: dict[str, Any]) -> str:
        """The offer by reference: served at a URL of the issuer, named in a wallet link."""
        name = secrets.token_urlsafe(8)
        with self.lock:
            self.by_reference[name] = offer
        url = f"{self.base}/offers/{name}"
        return "openid-credential-offer://?credential_offer_uri=" + urllib.parse.quote(url, safe="")

    def paths(self) -> list[str]:
        with self.lock:
            return [f"{r.method} {r.path}" for r in self.requests]

    # --------------------------------------------------------------------------------------------- endpoints

    def metadata(self) -> dict[str, Any]:
        jwt_proofs = {"jwt": {"proof_signing_alg_values_supported": ["ES256"]}}
        document: dict[str, Any] = {
            "credential_issuer": self.behaviour.metadata_issuer or self.base,
            "credential_endpoint": f"{self.base}/credential",
            "nonce_endpoint": f"{self.base}/nonce",
            "display": [{"name": "Université de Test", "locale": "fr-FR"}, {"name": "Test University", "locale": "en"}],
            "credential_configurations_supported": {
                SD_JWT_DEGREE: {
                    "format": "dc+sd-jwt",
                    "vct": f"{self.base}/vct/degree",
                    "cryptographic_binding_methods_supported": ["jwk"],
                    "credential_signing_alg_values_supported": ["ES256"],
                    "proof_types_supported": jwt_proofs,
                    "credential_metadata": {"display": [{"name": "Master's degree", "locale": "en"}]},
                },
                JWT_VC_DEGREE: {
                    "format": "jwt_vc_json",
                    "credential_definition": {"type": ["VerifiableCredential", "UniversityDegreeCredential"]},
                    "cryptographic_binding_methods_supported": ["jwk"],
                    "credential_signing_alg_values_supported": ["ES256"],
                    "proof_types_supported": jwt_proofs,
                },
                MDL: {"format": "mso_mdoc", "doctype": MDL, "credential_signing_alg_values_supported": [-7]},
                DEFERRED: {
                    "format": "dc+sd-jwt",
                    "vct": f"{self.base}/vct/transcript",
                    "cryptographic_binding_methods_supported": ["jwk"],
                    "proof_types_supported": jwt_proofs,
                },
            },
        }
        if self.behaviour.metadata_padding:
            document["padding"] = "x" * self.behaviour.metadata_padding
        return document

    async def _issuer_metadata(self, request: Request) -> Response:
        return JSONResponse(self.metadata())

    async def _server_metadata(self, request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": self.base,
                "token_endpoint": f"{self.base}/token",
                "grant_types_supported": [PRE_AUTHORIZED_GRANT],
                "pre-authorized_grant_anonymous_access_supported": True,
            }
        )

    async def _offer_by_reference(self, request: Request) -> Response:
        with self.lock:
            offer = self.by_reference.get(request.path_params["name"])
        if offer is None:
            return JSONResponse({"error": "not_found"}, status_code=404)
        return JSONResponse(offer)

    async def _token(self, request: Request) -> Response:
        form = urllib.parse.parse_qs((await request.body()).decode("ascii"))
        if form.get("grant_type") != [PRE_AUTHORIZED_GRANT]:
            return _oauth_error("unsupported_grant_type", "Only the pre-authorized code grant is supported.")
        code = (form.get("pre-authorized_code") or [""])[0]
        tx_codes = form.get("tx_code")
        tx_code = tx_codes[0] if tx_codes else None
        with self.lock:
            offer = self.offers.get(code)
            if offer is None or offer.used or offer.expires_at < time.time():
                return _oauth_error("invalid_grant", "The pre-authorized code is unknown, used or expired.")
            if offer.tx_code is not None and tx_code is None:
                return _oauth_error("invalid_request", "A transaction code is required.")
            if offer.tx_code is not None and not secrets.compare_digest(offer.tx_code, tx_code or ""):
                return _oauth_error("invalid_grant", "The transaction code is wrong.")
            offer.used = True
            token = secrets.token_urlsafe(24)
            self.grants[token] = Grant(offer.configuration_ids, time.time() + 300)
        return JSONResponse(
            {"access_token": token, "token_type": "Bearer", "expires_in": 300}, headers={"Cache-Control": "no-store"}
        )

    async def _nonce(self, request: Request) -> Response:
        nonce = secrets.token_urlsafe(16)
        with self.lock:
            self.nonces.add(nonce)
        return JSONResponse({"c_nonce": nonce}, headers={"Cache-Control": "no-store"})

    def _check_proof(self, proof: Any) -> tuple[dict[str, Any], JSONResponse | None]:
        """What the `jwt` proof type (Appendix F) asks an issuer to check: type, algorithm, key, signature,
        audience, time and nonce."""
        if not isinstance(proof, str) or proof.count(".") != 2:
            return {}, _oauth_error("invalid_proof", "The proof is not a compact JWS.")
        header = _b64url_json(proof.split(".")[0])
        if header.get("typ") != PROOF_TYPE or header.get("alg") != "ES256" or not isinstance(header.get("jwk"), dict):
            return {}, _oauth_error("invalid_proof", "The proof needs typ openid4vci-proof+jwt, ES256 and a jwk.")
        if "d" in header["jwk"] or "kid" in header or "x5c" in header:
            return {}, _oauth_error("invalid_proof", "The proof names its key once, and only its public half.")
        try:
            verified = jws.deserialize_compact(proof, ECKey.import_key(header["jwk"]), algorithms=["ES256"])
        except (JoseError, ValueError) as exc:
            return {}, _oauth_error("invalid_proof", f"The proof's signature does not hold: {exc}.")
        claims = json.loads(verified.payload)
        if claims.get("aud") != self.base or not isinstance(claims.get("iat"), int):
            return {}, _oauth_error("invalid_proof", "The proof is not for this issuer.")
        if abs(claims["iat"] - time.time()) > 300:
            return {}, _oauth_error("invalid_proof", "The proof is not fresh.")
        with self.lock:
            if claims.get("nonce") not in self.nonces:
                return {}, _oauth_error("invalid_nonce", "Fetch a new c_nonce.")
            self.nonces.discard(claims["nonce"])
            self.proofs.append(CheckedProof(header, claims))
        return header["jwk"], None

    async def _credential(self, request: Request) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        with self.lock:
            grant = self.grants.get(token) if scheme.lower() == "bearer" else None
        if grant is None or grant.expires_at < time.time():
            return JSONResponse(
                {"error": "invalid_token"},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        body = json.loads(await request.body())
        configuration_id = body.get("credential_configuration_id")
        if configuration_id not in grant.configuration_ids:
            return _oauth_error("unknown_credential_configuration", "The token does not cover this credential.")
        proofs = body.get("proofs", {}).get("jwt")
        if not isinstance(proofs, list) or len(proofs) != 1:
            return _oauth_error("invalid_proof", "Send one jwt proof.")
        holder_jwk, refused = self._check_proof(proofs[0])
        if refused is not None:
            return refused
        if configuration_id == DEFERRED:
            return JSONResponse({"transaction_id": "8xLOxBtZp8", "interval": 3600}, status_code=202)
        credential = self._sd_jwt(holder_jwk) if configuration_id == SD_JWT_DEGREE else self._vc_jwt(holder_jwk)
        if configuration_id in self.behaviour.tampered:
            credential = _tampered(credential)
        return JSONResponse({"credentials": [{"credential": credential}]}, headers={"Cache-Control": "no-store"})

    # ------------------------------------------------------------------------------------------- credentials

    def _sd_jwt(self, holder_jwk: dict[str, Any]) -> str:
        now = int(time.time())
        claims = {
            "iss": self.base,
            "iat": now,
            "exp": now + 3600 * 24 * 365,
            "vct": f"{self.base}/vct/degree",
            "name": "Master of Science in Mathematics",
            "given_name": "Ada",
            "family_name": "Lovelace",
        }
        issued = issue_vc(
            claims,
            issuer_key=self.key,
            disclosable=[["given_name"], ["family_name"]],
            holder_jwk=holder_jwk,
            header={"kid": self.key.kid},
        )
        return issued.serialized

    def _vc_jwt(self, holder_jwk: dict[str, Any]) -> str:
        now = int(time.time())
        encoded = base64.urlsafe_b64encode(json.dumps(holder_jwk).encode()).rstrip(b"=").decode()
        subject = f"did:jwk:{encoded}"
        claims = {
            "iss": self.base,
            "sub": subject,
            "nbf": now,
            "iat": now,
            "jti": f"{self.base}/credentials/{secrets.token_hex(4)}",
            "cnf": {"jwk": holder_jwk},
            "vc": {
                "@context": ["https://www.w3.org/2018/credentials/v1"],
                "type": ["VerifiableCredential", "UniversityDegreeCredential"],
                "issuer": self.base,
                "issuanceDate": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now)),
                "credentialSubject": {
                    "id": subject,
                    "degree": {"type": "MasterDegree", "name": "Master of Science in Mathematics"},
                },
            },
        }
        return signing.sign({"typ": "JWT", "kid": self.key.kid}, claims, self.key, "ES256")

    # ------------------------------------------------------------------------------------------------ server

    def app(self) -> Starlette:
        async def record(request: Request) -> None:
            with self.lock:
                self.requests.append(
                    Recorded(request.method, request.url.path, dict(request.headers), await request.body())
                )

        def recorded(endpoint: Any) -> Any:
            async def handle(request: Request) -> Response:
                await record(request)
                response: Response = await endpoint(request)
                return response

            return handle

        routes = [
            Route("/.well-known/openid-credential-issuer", recorded(self._issuer_metadata)),
            Route("/.well-known/oauth-authorization-server", recorded(self._server_metadata)),
            Route("/offers/{name}", recorded(self._offer_by_reference)),
            Route("/token", recorded(self._token), methods=["POST"]),
            Route("/nonce", recorded(self._nonce), methods=["POST"]),
            Route("/credential", recorded(self._credential), methods=["POST"]),
        ]
        return Starlette(routes=routes)


@contextmanager
def running_issuer() -> Iterator[TestIssuer]:
    """Start the issuer on a free loopback port in a thread; stop it afterwards."""
    port = free_port()
    issuer = TestIssuer(base=f"http://{LOOPBACK}:{port}")
    config = uvicorn.Config(
        issuer.app(),
        host=LOOPBACK,
        port=port,
        log_level="error",
        access_log=False,
        lifespan="off",
        loop="asyncio",
        http="h11",
        ws="none",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="oid4vci-test-issuer", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test issuer did not start")
        time.sleep(0.02)
    try:
        yield issuer
    finally:
        server.should_exit = True
        thread.join(timeout=10)
