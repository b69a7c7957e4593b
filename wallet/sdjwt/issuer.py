"""Issuing SD-JWTs (RFC 9901 §4.1, §4.2) and SD-JWT VCs (draft-ietf-oauth-sd-jwt-vc §3.2)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wallet.sdjwt import signing
from wallet.sdjwt.encoding import (
    DEFAULT_HASH_ALGORITHM,
    RESERVED_CLAIM_NAMES,
    Disclosure,
    check_hash_algorithm,
    decoy_digest,
    make_disclosure,
)
from wallet.sdjwt.errors import SdJwtError
from wallet.sdjwt.processing import ARRAY_DIGEST, SD, SD_ALG, ClaimPath, check_path
from wallet.sdjwt.serialization import SdJwtParts, Serialization, Signature

VC_TYPE = "dc+sd-jwt"
# SD-JWT VC §3.2.2.2 "Registered JWT Claims": these MUST NOT be selectively disclosable.
VC_NON_DISCLOSABLE_CLAIMS = frozenset({"iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status"})


@dataclass(frozen=True)
class IssuedSdJwt:
    serialized: str
    """What the Holder receives: compact `<JWT>~<D1>~…~<DN>~`, or the JWS JSON Serialization (RFC 9901 §8)."""
    header: dict[str, Any]
    payload: dict[str, Any]
    disclosures: tuple[Disclosure, ...]


def _matches(path: ClaimPath, pattern: ClaimPath) -> bool:
    return len(path) == len(pattern) and all(
        wanted == actual if wanted is not None else isinstance(actual, int)
        for actual, wanted in zip(path, pattern, strict=True)
    )


class _Concealer:
    def __init__(self, patterns: Sequence[ClaimPath], hash_algorithm: str, decoys: int) -> None:
        self.patterns = patterns
        self.matched: set[ClaimPath] = set()
        self.hash_algorithm = hash_algorithm
        self.decoys = decoys
        self.disclosures: list[Disclosure] = []

    def _disclosable(self, path: ClaimPath) -> bool:
        hits = [pattern for pattern in self.patterns if _matches(path, pattern)]
        self.matched.update(hits)
        return bool(hits)

    def _disclose(self, name: str | None, value: Any) -> str:
        disclosure = make_disclosure(name, value)
        self.disclosures.append(disclosure)
        return disclosure.digest(self.hash_algorithm)

    def value(self, value: Any, path: ClaimPath) -> Any:
        # Innermost first: a disclosable value carries the digests of its own disclosable parts (RFC 9901 §4.2.6).
        if isinstance(value, Mapping):
            return self.object(value, path)
        if isinstance(value, list | tuple):
            return self.array(value, path)
        return value

    def object(self, value: Mapping[str, Any], path: ClaimPath) -> dict[str, Any]:
        output: dict[str, Any] = {}
        digests: list[str] = []
        for name, item in value.items():
            if not isinstance(name, str) or name in RESERVED_CLAIM_NAMES:
                raise SdJwtError(f"The claim name {name!r} cannot be issued.", code="invalid_claims")
            child_path = (*path, name)
            concealed = self.value(item, child_path)
            if self._disclosable(child_path):
                digests.append(self._disclose(name, concealed))  # RFC 9901 §4.2.4.1
            else:
                output[name] = concealed
        if digests:
            digests.extend(decoy_digest(self.hash_algorithm) for _ in range(self.decoys))  # §4.2.5
            output[SD] = sorted(digests)  # §4.2.4.1: sorted, so the order reveals nothing
        return output

    def array(self, value: Sequence[Any], path: ClaimPath) -> list[Any]:
        output: list[Any] = []
        for index, item in enumerate(value):
            child_path = (*path, index)
            concealed = self.value(item, child_path)
            if self._disclosable(child_path):
                output.append({ARRAY_DIGEST: self._disclose(None, concealed)})  # RFC 9901 §4.2.4.2
            else:
                output.append(concealed)
        if self.decoys and any(isinstance(item, dict) and set(item) == {ARRAY_DIGEST} for item in output):
            for _ in range(self.decoys):
                output.insert(secrets.randbelow(len(output) + 1), {ARRAY_DIGEST: decoy_digest(self.hash_algorithm)})
        return output


def _signers(issuer_key: signing.KeyMaterial | Sequence[signing.KeyMaterial]) -> list[signing.AsymmetricKey]:
    keys = list(issuer_key) if isinstance(issuer_key, Sequence) else [issuer_key]
    if not keys:
        raise ValueError("at least one issuer key is needed")
    return [signing.private_key(key) for key in keys]


def issue(
    claims: Mapping[str, Any],
    *,
    issuer_key: signing.KeyMaterial | Sequence[signing.KeyMaterial],
    disclosable: Iterable[Sequence[str | int | None]] = (),
    algorithm: str | None = None,
    hash_algorithm: str = DEFAULT_HASH_ALGORITHM,
    holder_jwk: Mapping[str, Any] | None = None,
    typ: str | None = None,
    header: Mapping[str, Any] | None = None,
    decoys: int = 0,
    serialization: Serialization = "compact",
) -> IssuedSdJwt:
    """Sign `claims` as an SD-JWT; each path in `disclosable` (a claim path, `None` = every array element)
    becomes a Disclosure. `holder_jwk` (public) goes into `cnf.jwk` for Key Binding. `decoys` decoy digests are
    added to every `_sd` array and every array with a disclosable element. The "general" serialization signs
    once per key in `issuer_key`, with each key's `kid` in its unprotected header (RFC 9901 §8.3)."""
    check_hash_algorithm(hash_algorithm)
    if decoys < 0:
        raise ValueError("decoys cannot be negative")
    keys = _signers(issuer_key)
    if serialization != "general" and len(keys) != 1:
        raise ValueError("only the general JSON serialization carries several signatures")
    patterns = [check_path(path) for path in disclosable]
    if () in patterns:
        raise SdJwtError("The payload itself cannot be selectively disclosable.", code="invalid_claim_path")
    if SD_ALG in claims or (holder_jwk is not None and "cnf" in claims):
        raise SdJwtError("'_sd_alg' (and 'cnf' with a holder key) are set by the Issuer.", code="invalid_claims")

    concealer = _Concealer(patterns, hash_algorithm, decoys)
    payload = concealer.object(claims, ())
    unmatched = [list(pattern) for pattern in patterns if pattern not in concealer.matched]
    if unmatched:
        raise SdJwtError(f"These claim paths point at no claim: {unmatched!r}.", code="invalid_claim_path")
    if concealer.disclosures:
        payload[SD_ALG] = hash_algorithm  # RFC 9901 §4.1.1
    if holder_jwk is not None:
        payload["cnf"] = {"jwk": signing.public_jwk(signing.public_key(holder_jwk, code="holder_key_invalid"))}

    protected: dict[str, Any] = dict(header or {})
    if typ is not None:
        protected["typ"] = typ
    signatures = []
    for key in keys:
        chosen = algorithm or signing.default_algorithm(key)
        protected_segment, payload_segment, signature = signing.sign(protected, payload, key, chosen).split(".")
        kid = key.as_dict(private=False).get("kid")
        named = serialization != "compact" and isinstance(kid, str) and "kid" not in protected
        unprotected = {"kid": kid} if named else {}
        signatures.append(Signature(protected_segment, signature, unprotected))
    encoded = tuple(disclosure.encoded for disclosure in concealer.disclosures)
    parts = SdJwtParts(serialization, payload_segment, tuple(signatures), encoded, None)
    return IssuedSdJwt(
        parts.serialize(),
        {"alg": algorithm or signing.default_algorithm(keys[0]), **protected},
        payload,
        tuple(concealer.disclosures),
    )


def issue_vc(
    claims: Mapping[str, Any],
    *,
    issuer_key: signing.KeyMaterial,
    disclosable: Iterable[Sequence[str | int | None]] = (),
    algorithm: str | None = None,
    hash_algorithm: str = DEFAULT_HASH_ALGORITHM,
    holder_jwk: Mapping[str, Any] | None = None,
    header: Mapping[str, Any] | None = None,
    decoys: int = 0,
) -> IssuedSdJwt:
    """An SD-JWT VC: `typ` `dc+sd-jwt`, a string `vct`, and the registered claims of §3.2.2.2 kept in the clear.
    Put an `x5c` chain (leaf first) or a `kid` in `header` so Verifiers can find the key."""
    paths = [check_path(path) for path in disclosable]
    if not isinstance(claims.get("vct"), str) or not claims["vct"]:
        raise SdJwtError("An SD-JWT VC needs a string 'vct'.", code="vct_missing")
    if "iss" in claims and not isinstance(claims["iss"], str):
        raise SdJwtError("'iss' must be a string.", code="vc_claim_invalid")
    hidden = sorted({str(path[0]) for path in paths if len(path) == 1} & VC_NON_DISCLOSABLE_CLAIMS)
    if hidden:
        raise SdJwtError(
            f"These claims cannot be selectively disclosable in an SD-JWT VC: {hidden}.", code="vc_claim_disclosable"
        )
    return issue(
        claims,
        issuer_key=issuer_key,
        disclosable=paths,
        algorithm=algorithm,
        hash_algorithm=hash_algorithm,
        holder_jwk=holder_jwk,
        typ=VC_TYPE,
        header=header,
        decoys=decoys,
    )
