"""SD-JWT (RFC 9901) and SD-JWT VC: the 17 official test cases, fixed vectors written by others, the reference
implementation (PyPI `sd-jwt`) in both directions, a real OpenID4VCI credential, and every rejection rule."""

from __future__ import annotations

import base64
import importlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from joserfc import jws
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey
from sd_jwt.common import SDObj
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.verifier import SDJWTVerifier

from wallet import sdjwt
from wallet.sdjwt import KeyBindingRequirement, SdJwtError, signing
from wallet.sdjwt.encoding import b64url_encode
from wallet.verification.signatures import canonical_tail

DATA = Path(__file__).parents[1] / "data"
CASES_DIR = DATA / "sd-jwt"
SETTINGS: dict[str, Any] = yaml.safe_load((CASES_DIR / "settings.yml").read_text("utf-8"))
ISSUER_JWK: dict[str, Any] = SETTINGS["key_settings"]["issuer_keys"][0]
ISSUER_PUBLIC = {name: value for name, value in ISSUER_JWK.items() if name != "d"}
HOLDER_JWK: dict[str, Any] = SETTINGS["key_settings"]["holder_key"]
HOLDER_PUBLIC = {name: value for name, value in HOLDER_JWK.items() if name != "d"}
ISSUER_ID: str = SETTINGS["identifiers"]["issuer"]
VERIFIER_ID: str = SETTINGS["identifiers"]["verifier"]
NONCE: str = SETTINGS["key_binding_nonce"]
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # between the cases' iat (2023) and exp (2029)
BINDING = KeyBindingRequirement(audience=VERIFIER_ID, nonce=NONCE)
CASES = sorted(path.name for path in CASES_DIR.iterdir() if (path / "specification.yml").exists())
COMPACT_CASES = [name for name in CASES if not name.startswith("json_serialization")]
# The reference package 0.10.4 predates RFC 9901 §8 (its JSON puts `disclosures` at the top level); header_mod
# signs `kid: 42`, which RFC 7515 §4.1.4 forbids (a string) — both are tested on their own below.
REFERENCE_CASES = [name for name in COMPACT_CASES if name != "header_mod"]
jwcrypto_jwk: Any = importlib.import_module("jwcrypto.jwk")


# --- the `!sd` YAML tag of the official cases -----------------------------------------------------------------


@dataclass(frozen=True)
class Sd:
    """A value or object key tagged `!sd` (selectively disclosable) in a specification.yml."""

    value: Any


# A SafeLoader of our own, so the `!sd` constructor does not leak into every `yaml.safe_load`.
_SpecificationLoader: Any = type("_SpecificationLoader", (yaml.SafeLoader,), {})


def _construct_sd(loader: yaml.SafeLoader, node: yaml.Node) -> Sd:
    if isinstance(node, yaml.ScalarNode):
        # An explicit tag hides the scalar's implicit type (`!sd 42` is an int, `!sd "42"` a string): resolve it.
        tag = (
            "tag:yaml.org,2002:str"
            if node.style in ('"', "'")
            else loader.resolve(yaml.ScalarNode, node.value, (True, False))
        )
        return Sd(loader.construct_object(yaml.ScalarNode(tag, node.value, node.start_mark, node.end_mark, node.style)))
    if isinstance(node, yaml.MappingNode):
        return Sd(loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return Sd(loader.construct_sequence(node, deep=True))
    raise TypeError(f"unexpected YAML node {node!r}")


_SpecificationLoader.add_constructor("!sd", _construct_sd)


def _split(value: Any, path: tuple[str | int, ...] = ()) -> tuple[Any, list[tuple[str | int, ...]]]:
    """Plain claims and the claim paths tagged `!sd`, innermost included (recursive disclosures)."""
    paths: list[tuple[str | int, ...]] = []
    if isinstance(value, dict):
        plain: dict[str, Any] = {}
        for key, item in value.items():
            name = key.value if isinstance(key, Sd) else key
            plain[name], inner = _split(item, (*path, name))
            paths += inner + ([(*path, name)] if isinstance(key, Sd) else [])
        return plain, paths
    if isinstance(value, list):
        elements = []
        for index, item in enumerate(value):
            element, inner = _split(item.value if isinstance(item, Sd) else item, (*path, index))
            elements.append(element)
            paths += inner + ([(*path, index)] if isinstance(item, Sd) else [])
        return elements, paths
    return value, paths


def _to_reference(value: Any) -> Any:
    """The same claims with the reference implementation's `SDObj` markers."""
    if isinstance(value, Sd):
        return SDObj(_to_reference(value.value))
    if isinstance(value, dict):
        return {_to_reference(key): _to_reference(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_reference(item) for item in value]
    return value


def _holder_paths(choices: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """`holder_disclosed_claims` (true/false mirrored on the claims) as claim paths."""
    items: Sequence[tuple[str | int, Any]]
    if isinstance(choices, dict):
        items = list(choices.items())
    elif isinstance(choices, list):
        items = list(enumerate(choices))
    else:
        return []
    paths: list[tuple[str | int, ...]] = []
    for key, choice in items:
        if choice is True:
            paths.append((*path, key))
        else:
            paths += _holder_paths(choice, (*path, key))
    return paths


@dataclass(frozen=True)
class Case:
    name: str
    specification: dict[str, Any]
    claims: dict[str, Any]
    disclosable: list[tuple[str | int, ...]]
    key_binding: bool
    serialization: sdjwt.Serialization
    issuer_keys: list[dict[str, Any]]
    header: dict[str, Any]

    @property
    def expected(self) -> dict[str, Any]:
        expected = {"iss": ISSUER_ID, "iat": SETTINGS["iat"], "exp": SETTINGS["exp"]}
        expected |= self.specification["expect_verified_user_claims"]
        return expected | ({"cnf": {"jwk": HOLDER_PUBLIC}} if self.key_binding else {})

    @property
    def disclosed(self) -> list[tuple[str | int, ...]]:
        return _holder_paths(self.specification["holder_disclosed_claims"])


def load_case(name: str) -> Case:
    text = (CASES_DIR / name / "specification.yml").read_text("utf-8")
    specification = _SpecificationLoader(text).get_single_data()
    user_claims, disclosable = _split(specification["user_claims"])
    override = specification.get("settings_override", {})
    issuer_keys = override.get("key_settings", override).get("issuer_keys", [ISSUER_JWK])
    serialization: sdjwt.Serialization = "compact"
    if specification.get("serialization_format") == "json":
        serialization = "general" if len(issuer_keys) > 1 else "flattened"
    return Case(
        name=name,
        specification=specification,
        claims={"iss": ISSUER_ID, "iat": SETTINGS["iat"], "exp": SETTINGS["exp"], **user_claims},
        disclosable=disclosable,
        key_binding=bool(specification.get("key_binding", False)),
        serialization=serialization,
        issuer_keys=issuer_keys,
        header=dict(specification.get("extra_header_parameters", {})),
    )


def issue_case(case: Case, *, kid_as_string: bool = True) -> str:
    header = {name: str(value) if name == "kid" and kid_as_string else value for name, value in case.header.items()}
    return sdjwt.issue(
        case.claims,
        issuer_key=case.issuer_keys if case.serialization == "general" else case.issuer_keys[0],
        disclosable=case.disclosable,
        holder_jwk=HOLDER_PUBLIC if case.key_binding else None,
        header=header,
        serialization=case.serialization,
    ).serialized


def present_case(case: Case, issued: str, disclose: Sequence[Sequence[str | int | None]]) -> str:
    if not case.key_binding:
        return sdjwt.present(issued, disclose=disclose)
    return sdjwt.present(
        issued, disclose=disclose, holder_key=HOLDER_JWK, audience=VERIFIER_ID, nonce=NONCE, issued_at=NOW
    )


def verify_case(case: Case, presentation: str, **options: Any) -> sdjwt.VerifiedSdJwt:
    return sdjwt.verify(
        presentation,
        issuer_key={name: value for name, value in case.issuer_keys[0].items() if name != "d"},
        key_binding=options.pop("key_binding", BINDING if case.key_binding else None),
        now=options.pop("now", NOW),
        **options,
    )


# --- helpers ---------------------------------------------------------------------------------------------------


@contextmanager
def rejected(code: str) -> Iterator[None]:
    with pytest.raises(SdJwtError) as caught:
        yield
    assert caught.value.code == code, caught.value.detail


def signed(payload: Mapping[str, Any], disclosures: Sequence[str] = (), header: Mapping[str, Any] | None = None) -> str:
    """An Issuer-signed JWT over a hand-made payload, plus Disclosures: for payloads our issuer would never make."""
    token = signing.sign(header or {}, payload, signing.private_key(ISSUER_JWK), "ES256")
    return token + "~" + "".join(disclosure + "~" for disclosure in disclosures)


def encode_disclosure(content: Any) -> str:
    return b64url_encode(json.dumps(content).encode("utf-8"))


def jwt_segment(value: Mapping[str, Any]) -> str:
    return b64url_encode(json.dumps(value).encode("utf-8"))


def reference_key(jwk: Mapping[str, Any]) -> Any:
    return jwcrypto_jwk.JWK(**jwk)


SIMPLE_CLAIMS = {
    "iss": ISSUER_ID,
    "given_name": "John",
    "family_name": "Doe",
    "address": {"street_address": "123 Main St", "locality": "Anytown", "country": "US"},
    "nationalities": ["DE", "FR", "US"],
}
SIMPLE_DISCLOSABLE = [("given_name",), ("family_name",), ("address",), ("address", "locality"), ("nationalities", None)]


def simple_sd_jwt(**options: Any) -> str:
    return sdjwt.issue(
        SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=SIMPLE_DISCLOSABLE, holder_jwk=HOLDER_PUBLIC, **options
    ).serialized


def simple_presentation(**options: Any) -> str:
    kb_options: dict[str, Any] = {
        "holder_key": HOLDER_JWK,
        "audience": VERIFIER_ID,
        "nonce": NONCE,
        "issued_at": NOW,
    } | options
    return sdjwt.present(simple_sd_jwt(), disclose=[("given_name",), ("address", "locality")], **kb_options)


# --- the official test cases -----------------------------------------------------------------------------------


class TestOfficialCases:
    @pytest.mark.parametrize("name", CASES)
    def test_issue_present_verify_yields_the_expected_claims(self, name: str) -> None:
        case = load_case(name)
        presentation = present_case(case, issue_case(case), case.disclosed)
        verified = verify_case(case, presentation)
        assert verified.claims == case.expected
        assert verified.serialization == case.serialization
        assert (verified.key_binding is not None) is case.key_binding

    @pytest.mark.parametrize("name", CASES)
    def test_disclosing_everything_yields_the_user_claims(self, name: str) -> None:
        case = load_case(name)
        presentation = present_case(case, issue_case(case), [()])
        expected = case.claims | ({"cnf": {"jwk": HOLDER_PUBLIC}} if case.key_binding else {})
        assert verify_case(case, presentation).claims == expected

    @pytest.mark.parametrize("name", CASES)
    def test_every_disclosable_path_became_a_disclosure(self, name: str) -> None:
        case = load_case(name)
        held = sdjwt.open_sd_jwt(issue_case(case))
        assert len(held.parts.disclosures) == len(case.disclosable)

    def test_all_seventeen_cases_are_run(self) -> None:
        assert len(CASES) == 17


class TestReferenceImplementation:
    """PyPI `sd-jwt` 0.10.4 (openwallet-foundation-labs/sd-jwt-python) against ours, both directions."""

    @pytest.mark.parametrize("name", REFERENCE_CASES)
    def test_our_verifier_accepts_their_presentation(self, name: str) -> None:
        case = load_case(name)
        user_claims = _to_reference(case.specification["user_claims"])
        claims = {"iss": ISSUER_ID, "iat": SETTINGS["iat"], "exp": SETTINGS["exp"], **user_claims}
        issuer = SDJWTIssuer(claims, reference_key(ISSUER_JWK), reference_key(HOLDER_JWK) if case.key_binding else None)
        holder = SDJWTHolder(issuer.sd_jwt_issuance)
        if case.key_binding:
            holder.create_presentation(
                case.specification["holder_disclosed_claims"], NONCE, VERIFIER_ID, reference_key(HOLDER_JWK)
            )
        else:
            holder.create_presentation(case.specification["holder_disclosed_claims"])
        # their KB-JWT `iat` is the real clock
        verified = verify_case(case, holder.sd_jwt_presentation, now=datetime.now(UTC))
        assert verified.claims == case.expected

    @pytest.mark.parametrize("name", REFERENCE_CASES)
    def test_their_verifier_accepts_our_presentation(self, name: str) -> None:
        case = load_case(name)
        presentation = present_case(case, issue_case(case), case.disclosed)
        verifier = SDJWTVerifier(
            presentation,
            lambda issuer, header: reference_key(ISSUER_PUBLIC),
            VERIFIER_ID if case.key_binding else None,
            NONCE if case.key_binding else None,
        )
        assert verifier.get_verified_payload() == case.expected

    @pytest.mark.parametrize("name", REFERENCE_CASES)
    def test_their_holder_selects_the_same_disclosures_from_our_sd_jwt(self, name: str) -> None:
        case = load_case(name)
        issued = issue_case(case)
        holder = SDJWTHolder(issued)
        holder.create_presentation(case.specification["holder_disclosed_claims"])
        assert verify_case(case, holder.sd_jwt_presentation, key_binding=None).claims == case.expected
        ours = sdjwt.parse(sdjwt.present(issued, disclose=case.disclosed)).disclosures
        assert sorted(ours) == sorted(holder.hs_disclosures)

    def test_our_verifier_accepts_their_decoys(self) -> None:
        case = load_case("key_binding")
        claims = {"iss": ISSUER_ID, **_to_reference(case.specification["user_claims"])}
        issuer = SDJWTIssuer(claims, reference_key(ISSUER_JWK), add_decoy_claims=True)
        assert len(issuer.decoy_digests) >= 2
        verified = sdjwt.verify(issuer.sd_jwt_issuance, issuer_key=ISSUER_PUBLIC, now=NOW)
        assert verified.claims == {"iss": ISSUER_ID, **_split(case.specification["user_claims"])[0]}
        assert len(verified.disclosures) == len(case.disclosable)

    def test_their_verifier_accepts_our_decoys(self) -> None:
        issued = sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=SIMPLE_DISCLOSABLE, decoys=3)
        assert len(issued.payload["_sd"]) == 3 + 3
        verifier = SDJWTVerifier(issued.serialized, lambda issuer, header: reference_key(ISSUER_PUBLIC))
        assert verifier.get_verified_payload() == SIMPLE_CLAIMS

    def test_their_pre_rfc_json_layout_is_refused(self) -> None:
        case = load_case("json_serialization_flattened")
        claims = {"iss": ISSUER_ID, **_to_reference(case.specification["user_claims"])}
        issuer = SDJWTIssuer(claims, reference_key(ISSUER_JWK), serialization_format="json")
        assert "disclosures" in json.loads(issuer.sd_jwt_issuance)  # top level, not in the unprotected header
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(issuer.sd_jwt_issuance, issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_their_integer_kid_is_refused(self) -> None:
        case = load_case("header_mod")
        claims = {"iss": ISSUER_ID, **_to_reference(case.specification["user_claims"])}
        issuer = SDJWTIssuer(claims, reference_key(ISSUER_JWK), extra_header_parameters={"kid": 42})
        with rejected("invalid_header"):
            sdjwt.verify(issuer.sd_jwt_issuance, issuer_key=ISSUER_PUBLIC, now=NOW)


# --- fixed vectors written by others ---------------------------------------------------------------------------

RFC_BINDING = KeyBindingRequirement(audience="https://verifier.example.org", nonce="1234567890")
RFC_KB_TIME = datetime.fromtimestamp(1748537244, UTC) + timedelta(seconds=5)
RFC_ISSUER_KEY_2 = {
    name: value for name, value in load_case("json_serialization_general").issuer_keys[1].items() if name != "d"
}
RFC_DISCLOSED = {
    "iss": "https://issuer.example.com",
    "iat": 1683000000,
    "exp": 1883000000,
    "cnf": {"jwk": HOLDER_PUBLIC},
    "family_name": "Doe",
    "given_name": "John",
}


class TestRfc9901Vectors:
    def test_disclosure_digest_of_section_4_2_3(self) -> None:
        disclosure = sdjwt.parse_disclosure("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0")
        assert (disclosure.name, disclosure.value) == ("family_name", "Möbius")
        assert disclosure.digest("sha-256") == "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0"

    def test_flattened_json_sd_jwt_kb_of_section_8_2_verifies(self) -> None:
        presentation = (CASES_DIR / "rfc9901-8.2-flattened-sd-jwt-kb.json").read_text("utf-8")
        verified = sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=RFC_BINDING, now=RFC_KB_TIME)
        assert verified.serialization == "flattened"
        assert verified.claims == RFC_DISCLOSED
        assert verified.key_binding is not None
        assert verified.key_binding.claims["sd_hash"] == "VjtPsgZpQTRxKJvDpSJ-nXlZKE9Z9LgD4FyCwwoNMRw"

    def test_general_json_sd_jwt_kb_of_section_8_3_verifies(self) -> None:
        presentation = (CASES_DIR / "rfc9901-8.3-general-sd-jwt-kb.json").read_text("utf-8")
        verified = sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=RFC_BINDING, now=RFC_KB_TIME)
        assert verified.serialization == "general"
        assert verified.claims == RFC_DISCLOSED

    def test_general_json_second_signature_is_enough(self) -> None:
        presentation = (CASES_DIR / "rfc9901-8.3-general-sd-jwt-kb.json").read_text("utf-8")
        seen: list[Mapping[str, Any]] = []

        def resolve(issuer: str | None, header: Mapping[str, Any]) -> Mapping[str, Any]:
            seen.append(header)
            return ISSUER_PUBLIC if header.get("kid") == "issuer-key-1" else RFC_ISSUER_KEY_2

        assert sdjwt.verify(presentation, issuer_key=RFC_ISSUER_KEY_2, now=RFC_KB_TIME).claims == RFC_DISCLOSED
        sdjwt.verify(presentation, key_resolver=resolve, now=RFC_KB_TIME)
        assert seen[0]["kid"] == "issuer-key-1"

    def test_general_json_with_disclosures_in_a_later_signature_is_refused(self) -> None:
        document = json.loads((CASES_DIR / "rfc9901-8.3-general-sd-jwt-kb.json").read_text("utf-8"))
        document["signatures"][1]["header"]["disclosures"] = document["signatures"][0]["header"].pop("disclosures")
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(json.dumps(document), issuer_key=ISSUER_PUBLIC, now=RFC_KB_TIME)

    def test_json_with_a_duplicate_member_is_refused(self) -> None:
        text = (CASES_DIR / "rfc9901-8.2-flattened-sd-jwt-kb.json").read_text("utf-8")
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(text.replace('"header": {', '"header": {"kb_jwt": "a.b.c", ', 1), issuer_key=ISSUER_PUBLIC)

    def test_flattened_json_with_a_wrong_nonce_is_refused(self) -> None:
        presentation = (CASES_DIR / "rfc9901-8.2-flattened-sd-jwt-kb.json").read_text("utf-8")
        with rejected("nonce_mismatch"):
            sdjwt.verify(
                presentation,
                issuer_key=ISSUER_PUBLIC,
                key_binding=KeyBindingRequirement(audience="https://verifier.example.org", nonce="0987654321"),
                now=RFC_KB_TIME,
            )

    def test_flattened_json_with_a_dropped_disclosure_breaks_sd_hash(self) -> None:
        document = json.loads((CASES_DIR / "rfc9901-8.2-flattened-sd-jwt-kb.json").read_text("utf-8"))
        document["header"]["disclosures"].pop()
        with rejected("sd_hash_mismatch"):
            sdjwt.verify(json.dumps(document), issuer_key=ISSUER_PUBLIC, key_binding=RFC_BINDING, now=RFC_KB_TIME)


class TestOpenId4VciCredential:
    """`sd-jwt-vc-openid4vci.txt`: the SD-JWT VC in OpenID4VCI 1.0's example credential response. Its signer
    (`kid` doc-signer-05-25-2022) is the RFC 9901 §A.5 example key, the issuer key of settings.yml; the
    `issuer_jwks.json` of the same examples is another key (it does not verify this credential)."""

    credential = (DATA / "sd-jwt-vc-openid4vci.txt").read_text("ascii").strip()

    def test_every_disclosure_decodes_and_its_digest_is_signed(self) -> None:
        parts = sdjwt.parse(self.credential)
        payload = json.loads(base64.urlsafe_b64decode(parts.payload + "=" * (-len(parts.payload) % 4)))
        disclosures = [sdjwt.parse_disclosure(encoded) for encoded in parts.disclosures]
        assert len(disclosures) == 9
        assert {disclosure.digest("sha-256") for disclosure in disclosures} <= set(payload["_sd"])
        assert {disclosure.name for disclosure in disclosures} >= {"given_name", "family_name", "address"}
        assert parts.kb_jwt is None

    def test_verifies_as_sd_jwt_vc(self) -> None:
        verified = sdjwt.verify_vc(self.credential, issuer_key=ISSUER_PUBLIC, now=NOW)
        assert verified.vct == "https://credentials.example.com/identity_credential"
        assert verified.issuer == "https://example.com/issuer"
        assert verified.legacy_type is False
        assert verified.claims["address"]["locality"] == "Anytown"
        assert verified.claims["is_over_65"] is True

    def test_openid4vci_issuer_jwks_key_does_not_verify_it(self) -> None:
        # OpenID4VCI 1.0 examples/issuer_jwks.json
        jwks_key = {
            "kty": "EC",
            "crv": "P-256",
            "x": "_LC1FTUl0MltKAOQzXNsofVMpWFV2obLGrNCat_CQ-g",
            "y": "kBjoyjNuMVAOq--qVUgylDoLKuMdk4imS-Kk5ahuYIU",
        }
        with rejected("signature_invalid"):
            sdjwt.verify_vc(self.credential, issuer_key=jwks_key, now=NOW)

    def test_our_holder_presents_a_subset_with_key_binding(self) -> None:
        presentation = sdjwt.present(
            self.credential,
            disclose=[("address",), ("is_over_18",)],
            holder_key=HOLDER_JWK,
            audience=VERIFIER_ID,
            nonce=NONCE,
            issued_at=NOW,
        )
        verified = sdjwt.verify_vc(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)
        assert set(verified.claims) == {"iss", "iat", "exp", "vct", "cnf", "address", "is_over_18"}
        verifier = SDJWTVerifier(presentation, lambda issuer, header: reference_key(ISSUER_PUBLIC), VERIFIER_ID, NONCE)
        assert verifier.get_verified_payload() == verified.claims

    def test_expired_when_now_is_after_exp(self) -> None:
        with rejected("sd_jwt_expired"):
            sdjwt.verify_vc(self.credential, issuer_key=ISSUER_PUBLIC, now=datetime(2030, 1, 1, tzinfo=UTC))


# --- parsing ---------------------------------------------------------------------------------------------------


class TestParsing:
    def test_compact_parts(self) -> None:
        parts = sdjwt.parse(simple_presentation())
        assert parts.serialization == "compact"
        names = sorted(str(sdjwt.parse_disclosure(disclosure).name) for disclosure in parts.disclosures)
        assert names == ["address", "given_name", "locality"]  # `address` comes along as the parent of `locality`
        assert parts.kb_jwt is not None and parts.kb_jwt.count(".") == 2

    def test_missing_trailing_tilde(self) -> None:
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(simple_sd_jwt().rstrip("~"), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_bare_jwt(self) -> None:
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(simple_sd_jwt().split("~")[0], issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_disclosure_before_the_issuer_jwt(self) -> None:
        jwt, first, *rest = simple_sd_jwt().split("~")
        with rejected("malformed_sd_jwt"):
            sdjwt.verify("~".join([first, jwt, *rest]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_kb_jwt_before_the_disclosures(self) -> None:
        jwt, *disclosures, kb_jwt = simple_presentation().split("~")
        with rejected("malformed_sd_jwt"):
            sdjwt.verify("~".join([jwt, kb_jwt, *disclosures, ""]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_empty_part(self) -> None:
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(simple_sd_jwt().replace("~", "~~", 1), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_whitespace(self) -> None:
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(simple_sd_jwt() + "\n", issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_disclosure_with_bad_base64(self) -> None:
        jwt, first, *rest = simple_sd_jwt().split("~")
        with rejected("invalid_disclosure"):
            sdjwt.verify("~".join([jwt, first + "A", *rest]), issuer_key=ISSUER_PUBLIC, now=NOW)

    @pytest.mark.parametrize("size", [1, 2, 3, 4, 5])
    def test_canonical_means_what_re_encoding_gives(self, size: int) -> None:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        head = b64url_encode(bytes(range(7, 7 + size)))[:-1]
        for last in alphabet:
            text = head + last
            decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            assert canonical_tail(text) == (b64url_encode(decoded) == text), text

    def test_disclosure_with_padding(self) -> None:
        disclosure = base64.urlsafe_b64encode(b'["salt", "a", 1]').decode("ascii")
        assert disclosure.endswith("==")
        with rejected("invalid_disclosure"):
            sdjwt.parse_disclosure(disclosure)

    def test_issuer_jwt_payload_with_bad_base64(self) -> None:
        header, payload, signature = simple_sd_jwt().split("~")[0].split(".")
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(f"{header}.{payload[:-1]}.{signature}~", issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_disclosure_that_is_not_an_array(self) -> None:
        with rejected("invalid_disclosure"):
            sdjwt.parse_disclosure(encode_disclosure({"salt": "x"}))

    @pytest.mark.parametrize("content", [["only-salt"], ["salt", "name", "value", "extra"], []])
    def test_disclosure_with_wrong_element_count(self, content: list[Any]) -> None:
        with rejected("invalid_disclosure"):
            sdjwt.parse_disclosure(encode_disclosure(content))

    def test_disclosure_with_non_string_claim_name(self) -> None:
        with rejected("invalid_disclosure"):
            sdjwt.parse_disclosure(encode_disclosure(["salt", 42, "value"]))

    def test_disclosure_with_duplicate_json_keys(self) -> None:
        with rejected("invalid_disclosure"):
            sdjwt.parse_disclosure(b64url_encode(b'["salt", "a", {"x": 1, "x": 2}]'))


# --- digests and disclosures (RFC 9901 §7.1 step 3 to 5) -------------------------------------------------------


class TestDisclosureProcessing:
    def test_undisclosed_digests_and_decoys_are_ignored(self) -> None:
        issued = sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=SIMPLE_DISCLOSABLE, decoys=2)
        presentation = sdjwt.present(issued.serialized, disclose=[("nationalities", 1)])
        verified = sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, now=NOW)
        assert verified.claims == {"iss": ISSUER_ID, "nationalities": ["FR"]}
        assert verified.disclosed_paths == (("nationalities", 0),)
        assert len(issued.payload["nationalities"]) == 3 + 2

    def test_sd_and_sd_alg_are_removed(self) -> None:
        verified = sdjwt.verify(simple_sd_jwt(), issuer_key=ISSUER_PUBLIC, now=NOW)
        assert "_sd_alg" in verified.payload
        assert "_sd" not in json.dumps(verified.claims) and "_sd_alg" not in verified.claims

    def test_duplicate_digest(self) -> None:
        disclosure = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", "given_name", "John"])
        digest = sdjwt.digest(disclosure, "sha-256")
        payload = {"_sd": [digest], "address": {"_sd": [digest]}}
        with rejected("duplicate_digest"):
            sdjwt.verify(signed(payload, [disclosure]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_duplicate_digest_of_a_decoy(self) -> None:
        with rejected("duplicate_digest"):
            sdjwt.verify(signed({"list": [{"...": "decoy"}, {"...": "decoy"}]}), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_unreferenced_disclosure(self) -> None:
        other = sdjwt.issue({"secret": "x"}, issuer_key=ISSUER_JWK, disclosable=[("secret",)]).disclosures[0]
        with rejected("unreferenced_disclosure"):
            sdjwt.verify(simple_sd_jwt() + other.encoded + "~", issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_tampered_disclosure(self) -> None:
        jwt, *disclosures, _ = simple_sd_jwt().split("~")
        original = next(item for item in disclosures if sdjwt.parse_disclosure(item).name == "given_name")
        decoded = base64.urlsafe_b64decode(original + "=" * (-len(original) % 4))
        tampered = b64url_encode(decoded.replace(b"John", b"Joho"))
        presentation = "~".join([jwt, *(tampered if item == original else item for item in disclosures), ""])
        with rejected("unreferenced_disclosure"):
            sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_same_disclosure_twice(self) -> None:
        jwt, first, *rest = simple_sd_jwt().split("~")
        with rejected("duplicate_disclosure"):
            sdjwt.verify("~".join([jwt, first, first, *rest]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_claim_name_that_already_exists(self) -> None:
        disclosure = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", "given_name", "Mallory"])
        payload = {"given_name": "John", "_sd": [sdjwt.digest(disclosure, "sha-256")]}
        with rejected("claim_name_collision"):
            sdjwt.verify(signed(payload, [disclosure]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_two_disclosures_with_one_claim_name(self) -> None:
        first = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", "age", 30])
        second = encode_disclosure(["b3RoZXJvdGhlcm90aGVyb3Ro", "age", 31])
        payload = {"_sd": sorted(sdjwt.digest(item, "sha-256") for item in (first, second))}
        with rejected("claim_name_collision"):
            sdjwt.verify(signed(payload, [first, second]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_disclosure_named_sd_alg_at_the_top(self) -> None:
        disclosure = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", "_sd_alg", "sha-512"])
        payload = {"_sd": [sdjwt.digest(disclosure, "sha-256")]}
        with rejected("claim_name_collision"):
            sdjwt.verify(signed(payload, [disclosure]), issuer_key=ISSUER_PUBLIC, now=NOW)

    @pytest.mark.parametrize("name", ["_sd", "..."])
    def test_reserved_claim_name(self, name: str) -> None:
        disclosure = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", name, ["x"]])
        payload = {"_sd": [sdjwt.digest(disclosure, "sha-256")]}
        with rejected("reserved_claim_name"):
            sdjwt.verify(signed(payload, [disclosure]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_array_disclosure_referenced_from_sd(self) -> None:
        disclosure = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", "DE"])
        payload = {"_sd": [sdjwt.digest(disclosure, "sha-256")]}
        with rejected("invalid_disclosure"):
            sdjwt.verify(signed(payload, [disclosure]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_object_disclosure_referenced_from_an_array(self) -> None:
        disclosure = encode_disclosure(["c2FsdHNhbHRzYWx0c2FsdA", "country", "DE"])
        payload = {"nationalities": [{"...": sdjwt.digest(disclosure, "sha-256")}]}
        with rejected("invalid_disclosure"):
            sdjwt.verify(signed(payload, [disclosure]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_sd_that_is_not_an_array_of_strings(self) -> None:
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(signed({"_sd": "digest"}), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_unknown_hash_algorithm(self) -> None:
        with rejected("unsupported_hash_algorithm"):
            sdjwt.verify(signed({"_sd_alg": "md5", "_sd": []}), issuer_key=ISSUER_PUBLIC, now=NOW)

    @pytest.mark.parametrize("hash_algorithm", ["sha-256", "sha-384", "sha-512"])
    def test_hash_algorithms(self, hash_algorithm: str) -> None:
        issued = sdjwt.issue(
            SIMPLE_CLAIMS,
            issuer_key=ISSUER_JWK,
            disclosable=SIMPLE_DISCLOSABLE,
            hash_algorithm=hash_algorithm,
            holder_jwk=HOLDER_PUBLIC,
        )
        presentation = sdjwt.present(
            issued.serialized, disclose=[()], holder_key=HOLDER_JWK, audience=VERIFIER_ID, nonce=NONCE, issued_at=NOW
        )
        verified = sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)
        assert verified.hash_algorithm == hash_algorithm == issued.payload["_sd_alg"]
        assert verified.claims == SIMPLE_CLAIMS | {"cnf": {"jwk": HOLDER_PUBLIC}}

    def test_nesting_deeper_than_the_limit(self) -> None:
        value: Any = "deep"
        disclosures = []
        for index in range(70):
            disclosure = encode_disclosure([f"c2FsdHNhbHRzYWx0c2Fs{index:04d}", value])
            disclosures.append(disclosure)
            value = [{"...": sdjwt.digest(disclosure, "sha-256")}]
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(signed({"deep": value}, disclosures), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_expired(self) -> None:
        with rejected("sd_jwt_expired"):
            sdjwt.verify(signed({"exp": 1_700_000_000}), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_not_yet_valid(self) -> None:
        with rejected("sd_jwt_not_yet_valid"):
            sdjwt.verify(signed({"nbf": 1_900_000_000}), issuer_key=ISSUER_PUBLIC, now=NOW)


# --- the Issuer-signed JWT ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def other_keys() -> dict[str, dict[str, Any]]:
    return {
        "ES384": ECKey.generate_key("P-384").as_dict(private=True),
        "ES512": ECKey.generate_key("P-521").as_dict(private=True),
        "Ed25519": OKPKey.generate_key("Ed25519").as_dict(private=True),
        "EdDSA": OKPKey.generate_key("Ed25519").as_dict(private=True),
        "RS256": RSAKey.generate_key(2048).as_dict(private=True),
        "PS256": RSAKey.generate_key(2048).as_dict(private=True),
    }


def public(jwk: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in jwk.items() if name not in signing.PRIVATE_MEMBERS}


class TestIssuerSignature:
    @pytest.mark.parametrize("algorithm", ["ES384", "ES512", "Ed25519", "EdDSA", "RS256", "PS256"])
    def test_algorithms(self, algorithm: str, other_keys: dict[str, dict[str, Any]]) -> None:
        key = other_keys[algorithm]
        issued = sdjwt.issue(
            SIMPLE_CLAIMS,
            issuer_key=key,
            disclosable=SIMPLE_DISCLOSABLE,
            algorithm=algorithm,
            holder_jwk=public(other_keys["Ed25519"]),
        )
        presentation = sdjwt.present(
            issued.serialized,
            disclose=[("address",)],
            holder_key=other_keys["Ed25519"],
            audience=VERIFIER_ID,
            nonce=NONCE,
            issued_at=NOW,
        )
        verified = sdjwt.verify(presentation, issuer_key=public(key), key_binding=BINDING, now=NOW)
        assert verified.header["alg"] == algorithm
        assert verified.claims["address"] == SIMPLE_CLAIMS["address"]
        assert verified.key_binding is not None and verified.key_binding.header["alg"] == "Ed25519"

    def test_wrong_issuer_key(self, other_keys: dict[str, dict[str, Any]]) -> None:
        wrong = public(ECKey.generate_key("P-256").as_dict(private=True))
        with rejected("signature_invalid"):
            sdjwt.verify(simple_sd_jwt(), issuer_key=wrong, now=NOW)

    def test_key_of_another_type_for_the_algorithm(self, other_keys: dict[str, dict[str, Any]]) -> None:
        with rejected("signature_invalid"):
            sdjwt.verify(simple_sd_jwt(), issuer_key=public(other_keys["ES384"]), now=NOW)

    @pytest.mark.parametrize(
        "restriction", [{"use": "enc"}, {"alg": "ES384"}, {"key_ops": ["encrypt"]}], ids=["use", "alg", "key_ops"]
    )
    def test_a_key_whose_jwk_forbids_this_signature(self, restriction: dict[str, Any]) -> None:
        with rejected("signature_invalid"):
            sdjwt.verify(simple_sd_jwt(), issuer_key={**ISSUER_PUBLIC, **restriction}, now=NOW)
        sdjwt.verify(simple_sd_jwt(), issuer_key={**ISSUER_PUBLIC, "use": "sig", "key_ops": ["verify"]}, now=NOW)

    def test_a_signature_spelled_with_stray_trailing_bits(self) -> None:
        jwt, _, rest = simple_sd_jwt().partition("~")
        head, signature = jwt.rsplit(".", 1)
        # 64 bytes are 86 characters; the last carries 4 unused bits, which a second spelling sets
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        stray = alphabet[alphabet.index(signature[-1]) | 1]
        with rejected("malformed_sd_jwt"):
            sdjwt.verify(f"{head}.{signature[:-1]}{stray}~{rest}", issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_algorithm_outside_the_allow_list(self) -> None:
        with rejected("algorithm_not_allowed"):
            sdjwt.verify(simple_sd_jwt(), issuer_key=ISSUER_PUBLIC, algorithms=["ES384", "EdDSA"], now=NOW)

    def test_allow_list_cannot_be_widened(self) -> None:
        with pytest.raises(ValueError, match="subset"):
            sdjwt.verify(simple_sd_jwt(), issuer_key=ISSUER_PUBLIC, algorithms=["ES256", "HS256"], now=NOW)

    def test_alg_none(self) -> None:
        payload = sdjwt.parse(simple_sd_jwt()).payload
        token = f"{jwt_segment({'alg': 'none'})}.{payload}.~"
        with rejected("algorithm_not_allowed"):
            sdjwt.verify(token, issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_hs256(self) -> None:
        secret = OctKey.import_key(b"0123456789abcdef0123456789abcdef")
        token = jws.serialize_compact({"alg": "HS256"}, json.dumps({"iss": ISSUER_ID}), secret, algorithms=["HS256"])
        with rejected("algorithm_not_allowed"):
            sdjwt.verify(token + "~", issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_hs256_with_the_public_key_as_secret(self) -> None:
        # The classic confusion: HMAC keyed with the bytes of the Issuer's public key.
        secret = OctKey.import_key(json.dumps(ISSUER_PUBLIC).encode())
        token = jws.serialize_compact({"alg": "HS256"}, json.dumps({"iss": ISSUER_ID}), secret, algorithms=["HS256"])
        with rejected("algorithm_not_allowed"):
            sdjwt.verify(token + "~", issuer_key=ISSUER_PUBLIC, algorithms=["ES256"], now=NOW)

    def test_verification_key_with_private_members(self) -> None:
        with rejected("issuer_key_invalid"):
            sdjwt.verify(simple_sd_jwt(), issuer_key=ISSUER_JWK, now=NOW)

    def test_symmetric_verification_key(self) -> None:
        with rejected("issuer_key_invalid"):
            sdjwt.verify(simple_sd_jwt(), issuer_key={"kty": "oct", "k": "c2VjcmV0"}, now=NOW)

    def test_unknown_critical_header(self) -> None:
        with rejected("invalid_header"):
            sdjwt.verify(signed({}, header={"crit": ["exp"], "exp": 1}), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_integer_kid_is_not_issued(self) -> None:
        with rejected("invalid_header"):
            sdjwt.issue({"a": 1}, issuer_key=ISSUER_JWK, header={"kid": 42})

    def test_key_resolver_sees_iss_and_kid(self) -> None:
        calls: list[tuple[str | None, str | None]] = []

        def resolve(issuer: str | None, header: Mapping[str, Any]) -> Mapping[str, Any]:
            calls.append((issuer, header.get("kid")))
            return ISSUER_PUBLIC

        sdjwt.verify(simple_sd_jwt(header={"kid": "doc-signer"}), key_resolver=resolve, now=NOW)
        assert calls == [(ISSUER_ID, "doc-signer")]

    def test_key_resolver_refusal_propagates(self) -> None:
        def resolve(issuer: str | None, header: Mapping[str, Any]) -> Mapping[str, Any]:
            raise SdJwtError("Unknown issuer.", code="issuer_unknown")

        with rejected("issuer_unknown"):
            sdjwt.verify(simple_sd_jwt(), key_resolver=resolve, now=NOW)

    def test_exactly_one_key_source(self) -> None:
        with pytest.raises(ValueError, match="exactly one"):
            sdjwt.verify(simple_sd_jwt(), now=NOW)


# --- Key Binding (RFC 9901 §4.3, §7.3) --------------------------------------------------------------------------


def kb_jwt(claims: Mapping[str, Any], *, key: Mapping[str, Any] = HOLDER_JWK, typ: str = "kb+jwt") -> str:
    return signing.sign({"typ": typ}, claims, signing.private_key(key), "ES256")


class TestKeyBinding:
    def test_verified_key_binding(self) -> None:
        verified = sdjwt.verify(simple_presentation(), issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)
        assert verified.key_binding is not None
        assert verified.key_binding.holder_jwk == HOLDER_PUBLIC
        assert verified.key_binding.issued_at == NOW
        assert verified.claims == {
            "iss": ISSUER_ID,
            "cnf": {"jwk": HOLDER_PUBLIC},
            "given_name": "John",
            "address": {"street_address": "123 Main St", "country": "US", "locality": "Anytown"},
            "nationalities": [],
        }

    def test_wrong_nonce(self) -> None:
        with rejected("nonce_mismatch"):
            sdjwt.verify(simple_presentation(nonce="another"), issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_wrong_audience(self) -> None:
        with rejected("audience_mismatch"):
            sdjwt.verify(
                simple_presentation(audience="https://other.example"),
                issuer_key=ISSUER_PUBLIC,
                key_binding=BINDING,
                now=NOW,
            )

    def test_audience_array_naming_this_verifier(self) -> None:
        sd_jwt = simple_sd_jwt()
        token = kb_jwt(
            {
                "iat": int(NOW.timestamp()),
                "aud": ["https://other.example", VERIFIER_ID],
                "nonce": NONCE,
                "sd_hash": sdjwt.digest(sd_jwt, "sha-256"),
            }
        )
        verified = sdjwt.verify(sd_jwt + token, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)
        assert verified.key_binding is not None

    def test_stale_iat(self) -> None:
        with rejected("kb_jwt_stale"):
            sdjwt.verify(
                simple_presentation(issued_at=NOW - timedelta(minutes=6)),
                issuer_key=ISSUER_PUBLIC,
                key_binding=BINDING,
                now=NOW,
            )

    def test_iat_inside_a_wider_window(self) -> None:
        presentation = simple_presentation(issued_at=NOW - timedelta(minutes=6))
        wide = KeyBindingRequirement(audience=VERIFIER_ID, nonce=NONCE, max_age=timedelta(minutes=10))
        assert sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=wide, now=NOW).key_binding

    def test_iat_in_the_future(self) -> None:
        with rejected("kb_jwt_not_yet_valid"):
            sdjwt.verify(
                simple_presentation(issued_at=NOW + timedelta(minutes=2)),
                issuer_key=ISSUER_PUBLIC,
                key_binding=BINDING,
                now=NOW,
            )

    def test_missing_kb_jwt_when_required(self) -> None:
        presentation = sdjwt.present(simple_sd_jwt(), disclose=[("given_name",)])
        with rejected("kb_jwt_missing"):
            sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_missing_kb_jwt_when_optional(self) -> None:
        presentation = sdjwt.present(simple_sd_jwt(), disclose=[("given_name",)])
        optional = KeyBindingRequirement(audience=VERIFIER_ID, nonce=NONCE, required=False)
        assert sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=optional, now=NOW).key_binding is None

    def test_kb_jwt_is_not_looked_at_without_a_requirement(self) -> None:
        verified = sdjwt.verify(simple_presentation(nonce="whatever"), issuer_key=ISSUER_PUBLIC, now=NOW)
        assert verified.key_binding is None

    def test_signed_by_another_key(self) -> None:
        other = ECKey.generate_key("P-256").as_dict(private=True)
        with rejected("kb_jwt_signature_invalid"):
            sdjwt.verify(simple_presentation(holder_key=other), issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_wrong_sd_hash(self) -> None:
        jwt, *disclosures, kb = simple_presentation().split("~")
        fewer = [disclosure for disclosure in disclosures if sdjwt.parse_disclosure(disclosure).name != "given_name"]
        with rejected("sd_hash_mismatch"):
            sdjwt.verify("~".join([jwt, *fewer, kb]), issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_wrong_typ(self) -> None:
        sd_jwt = simple_sd_jwt()
        token = kb_jwt(
            {
                "iat": int(NOW.timestamp()),
                "aud": VERIFIER_ID,
                "nonce": NONCE,
                "sd_hash": sdjwt.digest(sd_jwt, "sha-256"),
            },
            typ="JWT",
        )
        with rejected("kb_jwt_invalid"):
            sdjwt.verify(sd_jwt + token, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    @pytest.mark.parametrize("missing", ["iat", "nonce", "aud", "sd_hash"])
    def test_missing_claim(self, missing: str) -> None:
        sd_jwt = simple_sd_jwt()
        claims = {
            "iat": int(NOW.timestamp()),
            "aud": VERIFIER_ID,
            "nonce": NONCE,
            "sd_hash": sdjwt.digest(sd_jwt, "sha-256"),
        }
        del claims[missing]
        with rejected("kb_jwt_invalid"):
            sdjwt.verify(sd_jwt + kb_jwt(claims), issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_cnf_jwk_with_private_members(self) -> None:
        issued = sdjwt.issue({"iss": ISSUER_ID, "cnf": {"jwk": HOLDER_JWK}, "a": 1}, issuer_key=ISSUER_JWK).serialized
        presentation = sdjwt.present(
            issued, disclose=[()], holder_key=HOLDER_JWK, audience=VERIFIER_ID, nonce=NONCE, issued_at=NOW
        )
        with rejected("holder_key_invalid"):
            sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_private_holder_key_is_not_put_in_cnf(self) -> None:
        with rejected("holder_key_invalid"):
            sdjwt.issue({"a": 1}, issuer_key=ISSUER_JWK, holder_jwk=HOLDER_JWK)

    def test_no_cnf(self) -> None:
        issued = sdjwt.issue({"iss": ISSUER_ID}, issuer_key=ISSUER_JWK).serialized
        presentation = sdjwt.present(
            issued, disclose=[()], holder_key=HOLDER_JWK, audience=VERIFIER_ID, nonce=NONCE, issued_at=NOW
        )
        with rejected("holder_key_invalid"):
            sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)

    def test_kb_jwt_alg_none(self) -> None:
        sd_jwt = simple_sd_jwt()
        claims = {
            "iat": int(NOW.timestamp()),
            "aud": VERIFIER_ID,
            "nonce": NONCE,
            "sd_hash": sdjwt.digest(sd_jwt, "sha-256"),
        }
        token = f"{jwt_segment({'alg': 'none', 'typ': 'kb+jwt'})}.{jwt_segment(claims)}."
        with rejected("algorithm_not_allowed"):
            sdjwt.verify(sd_jwt + token, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)


# --- SD-JWT VC ----------------------------------------------------------------------------------------------------

VC_CLAIMS = {
    "iss": "https://university.example",
    "vct": "https://credentials.example/diploma",
    "iat": 1_700_000_000,
    "exp": 1_900_000_000,
    "given_name": "Ada",
    "degree": {"title": "MSc Mathematics", "ects": 120, "eqf_level": 7},
}


def _certificate(
    subject: str, issuer: str, key: ec.EllipticCurvePrivateKey, signer: ec.EllipticCurvePrivateKey, *, ca: bool
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(key.public_key())
        .serial_number(1000 if ca else 2000)
        .not_valid_before(datetime(2025, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2027, 1, 1, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        names = [x509.DNSName("university.example"), x509.UniformResourceIdentifier("https://university.example")]
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(signer, hashes.SHA256())


@pytest.fixture(scope="module")
def x5c_issuer() -> tuple[dict[str, Any], list[str]]:
    """A leaf key and its `x5c` chain [leaf, CA] (self-made: no public SD-JWT VC with an x5c chain is at hand)."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("Test Root CA", "Test Root CA", ca_key, ca_key, ca=True)
    leaf = _certificate("University Example Seal", "Test Root CA", leaf_key, ca_key, ca=False)
    chain = [base64.b64encode(certificate.public_bytes(Encoding.DER)).decode("ascii") for certificate in (leaf, ca)]
    return ECKey.import_key(leaf_key).as_dict(private=True), chain


class TestSdJwtVc:
    def test_issue_present_verify(self) -> None:
        issued = sdjwt.issue_vc(
            VC_CLAIMS,
            issuer_key=ISSUER_JWK,
            disclosable=[("given_name",), ("degree",), ("degree", "ects")],
            holder_jwk=HOLDER_PUBLIC,
        )
        assert issued.header["typ"] == "dc+sd-jwt"
        presentation = sdjwt.present(
            issued.serialized,
            disclose=[("degree", "title")],
            holder_key=HOLDER_JWK,
            audience=VERIFIER_ID,
            nonce=NONCE,
            issued_at=NOW,
        )
        verified = sdjwt.verify_vc(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)
        assert verified.vct == VC_CLAIMS["vct"]
        assert verified.claims["degree"] == {"title": "MSc Mathematics", "eqf_level": 7}
        assert "given_name" not in verified.claims
        assert verified.certificate_chain == ()

    def test_legacy_typ_is_accepted_and_flagged(self) -> None:
        issued = sdjwt.issue(VC_CLAIMS, issuer_key=ISSUER_JWK, typ="vc+sd-jwt").serialized
        assert sdjwt.verify_vc(issued, issuer_key=ISSUER_PUBLIC, now=NOW).legacy_type is True

    @pytest.mark.parametrize("typ", [None, "JWT", "example+sd-jwt", "kb+jwt"])
    def test_other_typ(self, typ: str | None) -> None:
        issued = sdjwt.issue(VC_CLAIMS, issuer_key=ISSUER_JWK, typ=typ).serialized
        with rejected("vc_type_invalid"):
            sdjwt.verify_vc(issued, issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_missing_vct(self) -> None:
        claims = {name: value for name, value in VC_CLAIMS.items() if name != "vct"}
        issued = sdjwt.issue(claims, issuer_key=ISSUER_JWK, typ="dc+sd-jwt").serialized
        with rejected("vct_missing"):
            sdjwt.verify_vc(issued, issuer_key=ISSUER_PUBLIC, now=NOW)

    @pytest.mark.parametrize("name", ["vct", "iss", "exp", "cnf", "status"])
    def test_registered_claim_in_a_disclosure(self, name: str) -> None:
        claims = VC_CLAIMS | {
            "cnf": {"jwk": HOLDER_PUBLIC},
            "status": {"status_list": {"idx": 1, "uri": "https://s.example"}},
        }
        issued = sdjwt.issue(claims, issuer_key=ISSUER_JWK, typ="dc+sd-jwt", disclosable=[(name,)]).serialized
        with rejected("vc_claim_disclosable"):
            sdjwt.verify_vc(sdjwt.present(issued, disclose=[()]), issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_issuer_refuses_a_disclosable_registered_claim(self) -> None:
        with rejected("vc_claim_disclosable"):
            sdjwt.issue_vc(VC_CLAIMS, issuer_key=ISSUER_JWK, disclosable=[("iss",)])

    def test_non_string_iss(self) -> None:
        issued = sdjwt.issue(VC_CLAIMS | {"iss": 7}, issuer_key=ISSUER_JWK, typ="dc+sd-jwt").serialized
        with rejected("vc_claim_invalid"):
            sdjwt.verify_vc(issued, issuer_key=ISSUER_PUBLIC, now=NOW)

    def test_key_from_x5c(self, x5c_issuer: tuple[dict[str, Any], list[str]]) -> None:
        leaf_jwk, chain = x5c_issuer
        issued = sdjwt.issue_vc(VC_CLAIMS, issuer_key=leaf_jwk, header={"x5c": chain}, disclosable=[("given_name",)])
        verified = sdjwt.verify_vc(issued.serialized, use_x5c=True, now=NOW)
        leaf, root = verified.certificate_chain
        assert leaf.subject == "CN=University Example Seal"
        assert leaf.issuer == root.subject == "CN=Test Root CA"
        assert leaf.not_before == datetime(2025, 1, 1, tzinfo=UTC)
        assert leaf.not_after == datetime(2027, 1, 1, tzinfo=UTC)
        assert leaf.dns_names == ("university.example",)
        assert leaf.uris == ("https://university.example",)
        assert verified.claims["given_name"] == "Ada"

    def test_x5c_leaf_that_did_not_sign(self, x5c_issuer: tuple[dict[str, Any], list[str]]) -> None:
        _, chain = x5c_issuer
        issued = sdjwt.issue_vc(VC_CLAIMS, issuer_key=ISSUER_JWK, header={"x5c": chain})
        with rejected("signature_invalid"):
            sdjwt.verify_vc(issued.serialized, use_x5c=True, now=NOW)

    def test_x5c_missing(self) -> None:
        issued = sdjwt.issue_vc(VC_CLAIMS, issuer_key=ISSUER_JWK)
        with rejected("x5c_invalid"):
            sdjwt.verify_vc(issued.serialized, use_x5c=True, now=NOW)

    @pytest.mark.parametrize("x5c", [[], ["not base64!"], [base64.b64encode(b"not a certificate").decode()]])
    def test_x5c_garbage(self, x5c: list[str]) -> None:
        with rejected("x5c_invalid"):
            sdjwt.parse_x5c(x5c)

    def test_key_resolver(self) -> None:
        def issuer_metadata(issuer: str | None, header: Mapping[str, Any]) -> Mapping[str, Any]:
            jwks = {"doc-signer": ISSUER_PUBLIC}
            if issuer != VC_CLAIMS["iss"] or header.get("kid") not in jwks:
                raise SdJwtError("Unknown issuer key.", code="issuer_unknown")
            return jwks[header["kid"]]

        issued = sdjwt.issue_vc(VC_CLAIMS, issuer_key=ISSUER_JWK, header={"kid": "doc-signer"})
        assert sdjwt.verify_vc(issued.serialized, key_resolver=issuer_metadata, now=NOW).issuer == VC_CLAIMS["iss"]
        with rejected("issuer_unknown"):
            sdjwt.verify_vc(sdjwt.issue_vc(VC_CLAIMS, issuer_key=ISSUER_JWK).serialized, key_resolver=issuer_metadata)


# --- Holder and Issuer ----------------------------------------------------------------------------------------------


class TestHolder:
    def test_recursive_parents_come_along(self) -> None:
        case = load_case("recursions")
        issued = issue_case(case)
        presentation = sdjwt.present(issued, disclose=[("animals", "snake", "age")])
        verified = verify_case(case, presentation)
        assert verified.claims["animals"] == {"snake": {"age": 10}}
        assert verified.disclosed_paths == (("animals", "snake"), ("animals", "snake", "age"))

    def test_every_element_of_an_array(self) -> None:
        presentation = sdjwt.present(simple_sd_jwt(), disclose=[("nationalities", None)])
        verified = sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, now=NOW)
        assert verified.claims["nationalities"] == ["DE", "FR", "US"]
        assert "given_name" not in verified.claims

    def test_unknown_path(self) -> None:
        with rejected("invalid_claim_path"):
            sdjwt.present(simple_sd_jwt(), disclose=[("address", "postal_code")])

    def test_wildcard_on_an_object(self) -> None:
        with rejected("invalid_claim_path"):
            sdjwt.present(simple_sd_jwt(), disclose=[("address", None)])

    def test_sd_jwt_kb_is_refused(self) -> None:
        with rejected("kb_jwt_unexpected"):
            sdjwt.present(simple_presentation(), disclose=[()])

    def test_json_serialization_is_kept(self) -> None:
        issued = simple_sd_jwt(serialization="flattened")
        presentation = sdjwt.present(
            issued, disclose=[("given_name",)], holder_key=HOLDER_JWK, audience=VERIFIER_ID, nonce=NONCE, issued_at=NOW
        )
        document = json.loads(presentation)
        assert len(document["header"]["disclosures"]) == 1 and "kb_jwt" in document["header"]
        verified = sdjwt.verify(presentation, issuer_key=ISSUER_PUBLIC, key_binding=BINDING, now=NOW)
        assert verified.claims["given_name"] == "John"

    def test_key_binding_needs_audience_and_nonce(self) -> None:
        with pytest.raises(ValueError, match="audience and nonce"):
            sdjwt.present(simple_sd_jwt(), disclose=[()], holder_key=HOLDER_JWK, audience=VERIFIER_ID)


class TestIssuer:
    def test_salts_are_fresh_and_128_bits(self) -> None:
        first = sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=SIMPLE_DISCLOSABLE).disclosures
        second = sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=SIMPLE_DISCLOSABLE).disclosures
        salts = [disclosure.salt for disclosure in (*first, *second)]
        assert len(set(salts)) == len(salts)
        assert all(len(base64.urlsafe_b64decode(salt + "==")) >= 16 for salt in salts)

    def test_digests_are_sorted(self) -> None:
        payload = sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=SIMPLE_DISCLOSABLE, decoys=4).payload
        assert payload["_sd"] == sorted(payload["_sd"]) and len(payload["_sd"]) == 3 + 4

    @pytest.mark.parametrize("claims", [{"_sd": []}, {"a": {"...": "x"}}, {"_sd_alg": "sha-256"}])
    def test_reserved_names(self, claims: dict[str, Any]) -> None:
        with rejected("invalid_claims"):
            sdjwt.issue(claims, issuer_key=ISSUER_JWK)

    @pytest.mark.parametrize("path", [("missing",), ("address", 0), ()])
    def test_path_that_points_nowhere(self, path: tuple[str | int, ...]) -> None:
        with rejected("invalid_claim_path"):
            sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK, disclosable=[path])

    def test_public_key_cannot_sign(self) -> None:
        with rejected("issuer_key_invalid"):
            sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_PUBLIC)

    def test_no_sd_alg_without_disclosures(self) -> None:
        # SD-JWT VC §3.2.2.4: without selectively disclosable claims there is no `_sd`
        assert sdjwt.issue(SIMPLE_CLAIMS, issuer_key=ISSUER_JWK).payload == SIMPLE_CLAIMS
