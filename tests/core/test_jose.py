"""The one token wrapper: every known JWT attack is answered 401 with a problem body."""

from __future__ import annotations

import ast
import json
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from joserfc import jwt as joserfc_jwt
from joserfc.jwk import KeySet
from sqlalchemy.ext.asyncio import AsyncConnection

from core.settings import Settings
from tests import tokens
from tests.factories import Account, create_institution_client

ROUTE = "/v1/wallet/credentials"
ROOT = Path(__file__).resolve().parents[2]


def _tampered(subject: str, kid: str, pem: bytes) -> str:
    """A valid token whose payload is swapped for one claiming the admin role."""
    genuine = tokens.sign_es256(tokens.access_claims(subject), pem, {"typ": "at+jwt", "kid": kid})
    header, _, signature = genuine.split(".")
    return f"{header}.{tokens.segment(tokens.access_claims(subject, roles=['admin']))}.{signature}"


def _embedded_jwk(subject: str, kid: str) -> str:
    """Signed by the attacker, who hopes the verifier trusts the key embedded in the header."""
    attacker = tokens.new_ec_key()
    public = serialization.load_pem_private_key(attacker, None).public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    jwk = json.loads(pyjwt.algorithms.ECAlgorithm.to_jwk(public))
    return tokens.sign_es256(tokens.access_claims(subject), attacker, {"typ": "at+jwt", "kid": kid, "jwk": jwk})


ATTACKS: dict[str, Callable[[str, str, bytes], str]] = {
    "alg_none": lambda sub, kid, pem: tokens.unsigned(tokens.access_claims(sub), {"typ": "at+jwt", "kid": kid}),
    "hs256_with_public_pem": lambda sub, kid, pem: tokens.sign_hs256(
        tokens.access_claims(sub),
        tokens.public_key_bytes(pem, serialization.Encoding.PEM),
        {"typ": "at+jwt", "kid": kid},
    ),
    "hs256_with_public_der": lambda sub, kid, pem: tokens.sign_hs256(
        tokens.access_claims(sub),
        tokens.public_key_bytes(pem, serialization.Encoding.DER),
        {"typ": "at+jwt", "kid": kid},
    ),
    "missing_aud": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, aud=None), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "missing_exp": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, exp=None), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "missing_iat": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, iat=None), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "wrong_iss": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, iss="https://evil.example"), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "wrong_aud": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, aud="another-api"), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "wrong_typ_jwt": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub), pem, {"typ": "JWT", "kid": kid}
    ),
    "wrong_typ_sd_jwt": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub), pem, {"typ": "dc+sd-jwt", "kid": kid}
    ),
    "expired": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, iat=int(time.time()) - 1200, nbf=int(time.time()) - 1200, exp=int(time.time()) - 120),
        pem,
        {"typ": "at+jwt", "kid": kid},
    ),
    "nbf_in_future": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, nbf=int(time.time()) + 600), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "iat_in_future": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, iat=int(time.time()) + 600), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "unknown_kid": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub), tokens.new_ec_key(), {"typ": "at+jwt", "kid": "not-a-key-of-ours"}
    ),
    "kid_injection": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub), pem, {"typ": "at+jwt", "kid": "../../keys/x' OR '1'='1"}
    ),
    "stripped_signature": lambda sub, kid, pem: (
        tokens.sign_es256(tokens.access_claims(sub), pem, {"typ": "at+jwt", "kid": kid}).rsplit(".", 1)[0] + "."
    ),
    "tampered_claims": _tampered,
    "unknown_crit": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub), pem, {"typ": "at+jwt", "kid": kid, "crit": ["exp"], "exp": 1}
    ),
    "attacker_key_in_jwk_header": lambda sub, kid, pem: _embedded_jwk(sub, kid),
    "attacker_key_by_jku": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub),
        tokens.new_ec_key(),
        {"typ": "at+jwt", "kid": "attacker", "jku": "http://127.0.0.1:1/jwks.json"},
    ),
    "no_role": lambda sub, kid, pem: tokens.sign_es256(
        tokens.access_claims(sub, roles=None), pem, {"typ": "at+jwt", "kid": kid}
    ),
    "garbage": lambda sub, kid, pem: "not.a.token",
}


EXPECTED_CODES = {
    "alg_none": "algorithm_not_allowed",
    "hs256_with_public_pem": "algorithm_not_allowed",
    "hs256_with_public_der": "algorithm_not_allowed",
    "wrong_typ_jwt": "wrong_token_type",
    "expired": "token_expired",
    "unknown_kid": "invalid_token",
    "unknown_crit": "crit",
    "stripped_signature": "invalid_signature",
    "tampered_claims": "invalid_signature",
}


class TestAccessTokenValidation:
    async def test_a_correctly_forged_token_is_accepted(
        self, client: httpx.AsyncClient, learner: Account, settings: Settings
    ) -> None:
        # The control case: the same builder with nothing wrong must pass, or the attacks below prove nothing.
        kid, pem = tokens.service_private_key(settings.data_dir)
        token = tokens.sign_es256(tokens.access_claims(learner.id), pem, {"typ": "at+jwt", "kid": kid})
        response = await client.get(ROUTE, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text

    @pytest.mark.parametrize("attack", sorted(ATTACKS))
    async def test_attack_is_401_with_problem(
        self, client: httpx.AsyncClient, learner: Account, settings: Settings, attack: str
    ) -> None:
        kid, pem = tokens.service_private_key(settings.data_dir)
        token = ATTACKS[attack](learner.id, kid, pem)
        response = await client.get(ROUTE, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, (attack, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 401
        assert problem["type"].startswith("/problems/")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        if attack in EXPECTED_CODES:
            assert problem["code"] == EXPECTED_CODES[attack]

    async def test_institution_token_on_learner_route(
        self, client: httpx.AsyncClient, connection: AsyncConnection
    ) -> None:
        client_id, secret = await create_institution_client(connection)
        token = (
            await client.post(
                "/v1/auth/token",
                data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
            )
        ).json()
        response = await client.get(ROUTE, headers={"Authorization": f"Bearer {token['access_token']}"})
        assert response.status_code == 401
        assert response.json()["code"] == "wrong_principal"

    @pytest.mark.parametrize("header", ["", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer x y"])
    async def test_missing_or_malformed_authorization(self, client: httpx.AsyncClient, header: str) -> None:
        response = await client.get(ROUTE, headers={"Authorization": header} if header else {})
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"


class TestIssuedTokens:
    async def test_verifiable_by_independent_libraries_against_jwks(
        self, client: httpx.AsyncClient, learner: Account
    ) -> None:
        jwks = (await client.get("/.well-known/jwks.json")).json()
        header = pyjwt.get_unverified_header(learner.access_token)
        assert header["alg"] == "ES256"
        assert header["typ"] == "at+jwt"
        published = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
        assert "d" not in published  # never the private part

        claims = pyjwt.decode(
            learner.access_token,
            pyjwt.PyJWK(published).key,
            algorithms=["ES256"],
            audience="passerelle",
            issuer="http://test",
            options={"require": ["exp", "iat", "sub", "aud", "iss", "jti"]},
        )
        # RFC 9068 §2.2 required claims
        assert claims["sub"] == learner.id
        assert claims["client_id"] == "passerelle"
        assert claims["exp"] - claims["iat"] == 15 * 60
        assert claims["roles"] == ["learner"]

        verified = joserfc_jwt.decode(learner.access_token, KeySet.import_key_set(jwks), algorithms=["ES256"])
        assert verified.claims["sub"] == learner.id


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


class TestOneWrapper:
    def test_python_jose_is_used_only_in_core_jose(self) -> None:
        offenders = [
            str(path.relative_to(ROOT))
            for package in ("core", "wallet", "recognition", "api")
            for path in (ROOT / package).rglob("*.py")
            if path != ROOT / "core" / "jose.py"
            and any(name == "jose" or name.startswith("jose.") for name in _imported_modules(path))
        ]
        assert offenders == []

    def test_every_decode_names_its_algorithms(self) -> None:
        source = (ROOT / "core" / "jose.py").read_text("utf-8")
        calls = [
            node
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "decode"
        ]
        assert calls, "the wrapper must call jwt.decode"
        for call in calls:
            assert any(keyword.arg == "algorithms" for keyword in call.keywords)
