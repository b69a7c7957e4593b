"""SD-JWT errors: one class, a stable `code` per reason.

SdJwtError (InvalidInput, → 422), by `code`:

    malformed_sd_jwt          the serialization is broken: parts missing or reordered, bad base64url, not JSON
    invalid_header            a JOSE header breaks RFC 7515 / RFC 8725 (non-string `kid`, unknown `crit`, …)
    algorithm_not_allowed     `alg` is `none`, HS*, or outside the caller's allow-list (RFC 9901 §7.1 step 2.1)
    signature_invalid         the Issuer-signed JWT does not verify with the Issuer's key
    issuer_key_invalid        the verification key is unusable: private members, symmetric, malformed
    unsupported_hash_algorithm  `_sd_alg` is not sha-256, sha-384 or sha-512 (RFC 9901 §4.1.1)
    invalid_disclosure        a Disclosure is not a base64url JSON array of 2 or 3 elements (RFC 9901 §4.2)
    duplicate_disclosure      the same Disclosure is presented twice
    duplicate_digest          a digest appears more than once in the payload (RFC 9901 §7.1 step 4)
    unreferenced_disclosure   a Disclosure no digest points to (RFC 9901 §7.1 step 5)
    reserved_claim_name       a Disclosure names `_sd` or `...` (RFC 9901 §7.1 step 3.2.2.2)
    claim_name_collision      a Disclosure names a claim that already exists at its level (§7.1 step 3.2.2.3)
    sd_jwt_expired            `exp` is in the past (RFC 9901 §7.1 step 6)
    sd_jwt_not_yet_valid      `nbf` is in the future
    kb_jwt_missing            Key Binding is required and the presentation has no KB-JWT (RFC 9901 §7.3)
    kb_jwt_unexpected         a Holder was handed an SD-JWT+KB (RFC 9901 §7.2)
    kb_jwt_invalid            the KB-JWT is malformed, has the wrong `typ`, or lacks a required claim (§4.3)
    kb_jwt_signature_invalid  the KB-JWT is not signed by the key in the Issuer-signed JWT's `cnf`
    holder_key_invalid        `cnf` is missing, not a `jwk`, or the JWK holds private members
    sd_hash_mismatch          `sd_hash` is not the digest of this presentation (RFC 9901 §4.3.1)
    nonce_mismatch            the KB-JWT `nonce` is not the expected one
    audience_mismatch         the KB-JWT `aud` is not this Verifier
    kb_jwt_stale              the KB-JWT `iat` is older than the accepted window
    kb_jwt_not_yet_valid      the KB-JWT `iat` lies in the future beyond the allowed clock skew
    invalid_claim_path        an issuer or holder claim path does not point at a claim
    invalid_claims            claims to issue contain reserved names or values JSON cannot carry
    vc_type_invalid           SD-JWT VC `typ` is not `dc+sd-jwt` (or legacy `vc+sd-jwt`)
    vct_missing               SD-JWT VC without a string `vct`
    vc_claim_disclosable      `iss`, `nbf`, `exp`, `cnf`, `vct`, `vct#integrity` or `status` came from a Disclosure
    vc_claim_invalid          `iss` is not a string, `cnf` / `status` not objects
    x5c_invalid               the `x5c` header is missing or not a list of base64 DER certificates
"""

from __future__ import annotations

from core.errors import InvalidInput


class SdJwtError(InvalidInput):
    code = "invalid_sd_jwt"
    default_detail = "The SD-JWT is not valid."
