"""Building presentations (RFC 9901 §7.2): a subset of the Disclosures, optionally with a Key Binding JWT."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.clock import utcnow
from wallet.sdjwt import keybinding, signing
from wallet.sdjwt.encoding import DEFAULT_HASH_ALGORITHM, check_hash_algorithm, decode_json_segment, parse_disclosure
from wallet.sdjwt.errors import SdJwtError
from wallet.sdjwt.processing import SD_ALG, Processed, disclosures_for, process
from wallet.sdjwt.serialization import SdJwtParts, parse


@dataclass(frozen=True)
class HeldSdJwt:
    """An SD-JWT as the Holder keeps it: the parts, and every claim with the Disclosure behind it."""

    parts: SdJwtParts
    processed: Processed
    hash_algorithm: str

    @property
    def claims(self) -> dict[str, Any]:
        return self.processed.claims


def open_sd_jwt(sd_jwt: str) -> HeldSdJwt:
    """Read an SD-JWT the Issuer handed over, applying every §7.1 rule except the signature check (the Holder
    verifies that with `verify()` when it knows the Issuer's key). An SD-JWT+KB is refused (RFC 9901 §7.2)."""
    parts = parse(sd_jwt)
    if parts.kb_jwt is not None:
        raise SdJwtError("An Issuer hands out SD-JWTs, never an SD-JWT+KB.", code="kb_jwt_unexpected")
    payload = decode_json_segment(parts.payload, code="malformed_sd_jwt", what="The Issuer-signed JWT payload")
    hash_algorithm = check_hash_algorithm(payload.get(SD_ALG, DEFAULT_HASH_ALGORITHM))
    disclosures = [parse_disclosure(encoded) for encoded in parts.disclosures]
    return HeldSdJwt(parts, process(payload, disclosures, hash_algorithm), hash_algorithm)


def present(
    sd_jwt: str | HeldSdJwt,
    *,
    disclose: Iterable[Sequence[str | int | None]],
    holder_key: signing.KeyMaterial | None = None,
    audience: str | None = None,
    nonce: str | None = None,
    issued_at: datetime | None = None,
    algorithm: str | None = None,
) -> str:
    """A presentation revealing the claims at `disclose` (claim paths; each reveals the claim, its recursive
    parents and everything inside it; `()` reveals everything), in the SD-JWT's own serialization. With
    `holder_key` (private JWK) a KB-JWT for `audience` and `nonce` is appended (RFC 9901 §4.3)."""
    held = sd_jwt if isinstance(sd_jwt, HeldSdJwt) else open_sd_jwt(sd_jwt)
    wanted: set[str] = set()
    for path in disclose:
        wanted.update(disclosures_for(held.processed, path))
    # Keep the Issuer's order; the Verifier does not depend on it (RFC 9901 §4).
    selected = [encoded for encoded in held.parts.disclosures if encoded in wanted]
    presentation = held.parts.with_disclosures(selected, None)
    if holder_key is None:
        if audience is not None or nonce is not None:
            raise ValueError("audience and nonce only make sense with a holder_key")
        return presentation.serialize()
    if audience is None or nonce is None:
        raise ValueError("a Key Binding JWT needs both audience and nonce")
    kb_jwt = keybinding.create(
        presentation.sd_jwt,
        hash_algorithm=held.hash_algorithm,
        holder_key=holder_key,
        audience=audience,
        nonce=nonce,
        issued_at=issued_at or utcnow(),
        algorithm=algorithm,
    )
    return presentation.with_disclosures(selected, kb_jwt).serialize()
