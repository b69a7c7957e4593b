"""SD-JWT (RFC 9901) and SD-JWT VC (draft-ietf-oauth-sd-jwt-vc): issue, present, verify.

    issue / issue_vc        Issuer: claims + disclosable claim paths → SD-JWT (compact or JWS JSON, §4, §8)
    open_sd_jwt / present   Holder: read an issued SD-JWT; present chosen claim paths, optionally with a KB-JWT
    verify / verify_vc      Verifier: signature, Disclosures, digests, KB-JWT → the Processed SD-JWT Payload

Every failure is an `SdJwtError` (an `InvalidInput`) whose `code` names the rule; the list is in `errors.py`.
JWS work goes through joserfc with an explicit asymmetric allow-list (`SUPPORTED_ALGORITHMS`); JSON is parsed
only by `core.jsonstrict`. Verification is CPU-bound: from async code, run it in a worker thread.
"""

from wallet.sdjwt.encoding import HASH_ALGORITHMS, Disclosure, digest, parse_disclosure
from wallet.sdjwt.errors import SdJwtError
from wallet.sdjwt.holder import HeldSdJwt, open_sd_jwt, present
from wallet.sdjwt.issuer import IssuedSdJwt, issue, issue_vc
from wallet.sdjwt.keybinding import KeyBindingRequirement, VerifiedKeyBinding
from wallet.sdjwt.processing import ClaimPath
from wallet.sdjwt.serialization import SdJwtParts, Serialization, parse
from wallet.sdjwt.signing import SUPPORTED_ALGORITHMS, KeyMaterial
from wallet.sdjwt.vc import CertificateDetails, VerifiedSdJwtVc, parse_x5c, verify_vc
from wallet.sdjwt.verifier import KeyResolver, VerifiedSdJwt, verify

__all__ = [
    "HASH_ALGORITHMS",
    "SUPPORTED_ALGORITHMS",
    "CertificateDetails",
    "ClaimPath",
    "Disclosure",
    "HeldSdJwt",
    "IssuedSdJwt",
    "KeyBindingRequirement",
    "KeyMaterial",
    "KeyResolver",
    "SdJwtError",
    "SdJwtParts",
    "Serialization",
    "VerifiedKeyBinding",
    "VerifiedSdJwt",
    "VerifiedSdJwtVc",
    "digest",
    "issue",
    "issue_vc",
    "open_sd_jwt",
    "parse",
    "parse_disclosure",
    "parse_x5c",
    "present",
    "verify",
    "verify_vc",
]
