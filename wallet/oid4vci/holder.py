"""The learner's holder key: what a credential collected over OpenID4VCI is bound to.

Each learner has an ES256 key held by the service, kept like the service's own keys (`core.keys`) under
`keys/holders/<learner id>/` and made when the learner first collects a credential. Its public half goes into the
proof of possession (§8.2, the `jwt` proof type of Appendix F) that the issuer binds the credential to — for an
SD-JWT VC, the `cnf.jwk` claim. The verification of the learner's own credentials compares that key's thumbprint
with the ones held here.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from joserfc.jwk import ECKey

from core.jsonstrict import dumps_compact
from core.keys import ALGORITHM, SigningKey, jwk_thumbprint
from wallet.issuing import keys as signer_keys
from wallet.sdjwt import signing

HOLDERS: Literal["holders"] = "holders"
PROOF_TYPE = "openid4vci-proof+jwt"
"""The `typ` of a key proof JWT (Appendix F, `jwt` proof type)."""


async def holder_key(keys_dir: Path, learner_id: uuid.UUID) -> HolderKey:
    """The learner's active holder key, made (with its keyring) the first time it is needed."""
    ring = await signer_keys.keyring(keys_dir, HOLDERS, learner_id)
    return HolderKey(ring.active)


async def holder_thumbprints(keys_dir: Path, learner_id: uuid.UUID) -> frozenset[str]:
    """RFC 7638 thumbprints of every holder key of the learner; none until the first collection (no key is made)."""
    published = await signer_keys.published_keys(keys_dir, HOLDERS, learner_id)
    return frozenset(jwk_thumbprint(key) for key in published["keys"])


@dataclass(frozen=True)
class HolderKey:
    key: SigningKey

    @property
    def jwk(self) -> dict[str, str]:
        """The public JWK (RFC 7517) the issuer binds the credential to."""
        return dict(self.key.jwk)

    def did_jwk(self) -> str:
        """did:jwk of the public key, for issuers that bind credentials to a DID only."""
        encoded = base64.urlsafe_b64encode(dumps_compact(self.jwk)).rstrip(b"=").decode("ascii")
        return f"did:jwk:{encoded}"

    def proof(self, *, audience: str, nonce: str | None, issued_at: int, by_did: bool = False) -> str:
        """A key proof JWT (Appendix F, `jwt` proof type): `typ` `openid4vci-proof+jwt`, ES256, the public key in
        the `jwk` header (or a did:jwk `kid` when `by_did`); `aud` the Credential Issuer Identifier, `iat`, and the
        issuer's `c_nonce` as `nonce`. No `iss`: the access token came from an anonymous pre-authorized code grant."""
        header: dict[str, Any] = {"typ": PROOF_TYPE}
        if by_did:
            header["kid"] = f"{self.did_jwk()}#0"
        else:
            header["jwk"] = self.jwk
        claims: dict[str, Any] = {"aud": audience, "iat": issued_at}
        if nonce is not None:
            claims["nonce"] = nonce
        private = ECKey.import_key(self.key.private.to_pem())
        return signing.sign(header, claims, private, ALGORITHM)
