"""The verification vocabulary in plain language, and the English texts the message catalogs translate.

Each check has a one-sentence explanation a non-specialist understands, shown next to its technical name (API
responses carry it as `explanation`; the share pages show it). The checks' `message`s stay English here: the API
and page layer translates them at render time (core/i18n.py) — a fixed message by its own text, a message that
names a date or a value by its reason code (`REASON_MESSAGES`, filled from the check's evidence). A message in
neither stays in English. `tests/test_i18n.py` checks that every text listed here is still one the checks produce.
"""

from __future__ import annotations

from typing import Final

from core.i18n import N_
from wallet.verification.result import CheckName, Outcome

CHECK_LABELS: Final[dict[CheckName, str]] = {
    CheckName.FORMAT: N_("Format"),
    CheckName.SIGNATURE: N_("Signature"),
    CheckName.ISSUER_TRUST: N_("Issuer trust"),
    CheckName.HOLDER_BINDING: N_("Holder binding"),
    CheckName.STATUS: N_("Status (revocation)"),
    CheckName.VALIDITY_PERIOD: N_("Validity period"),
    CheckName.ACCREDITATION: N_("Accreditation"),
}

EXPLANATIONS: Final[dict[CheckName, str]] = {
    CheckName.FORMAT: N_(
        "Whether the document is a complete credential in a format Passerelle can read, so its contents can be "
        "relied on."
    ),
    CheckName.SIGNATURE: N_(
        "Whether the issuer's digital signature or seal is intact, which shows nobody changed the document after "
        "it was issued."
    ),
    CheckName.ISSUER_TRUST: N_(
        "Whether the organisation that signed the credential is known to a list of trusted issuers this service uses."
    ),
    CheckName.HOLDER_BINDING: N_(
        "Whether the credential is tied to the person presenting it, so that it cannot simply be copied and used "
        "by someone else."
    ),
    CheckName.STATUS: N_("Whether the issuer has since withdrawn or suspended the credential."),
    CheckName.VALIDITY_PERIOD: N_(
        "Whether today falls within the dates the issuer set for the credential (this is not the expiry of a "
        "share link)."
    ),
    CheckName.ACCREDITATION: N_(
        "Whether an independent quality assurance or accreditation record for the issuer is on file."
    ),
}

OUTCOME_LABELS: Final[dict[Outcome, str]] = {
    Outcome.PASSED: N_("passed"),
    Outcome.FAILED: N_("failed"),
    Outcome.WARNING: N_("warning"),
    Outcome.SKIPPED: N_("skipped"),
}

STATIC_MESSAGES: Final = (
    N_("The credential is within its validity period."),
    N_("The trust registry holds no accreditation for this issuer; quality assurance is assessed separately."),
    N_("A validity date in the credential cannot be read."),
    N_("The credential says it was issued in the future."),
    N_("The credential states no validity dates."),
    N_("The trust registry holds an accreditation for this issuer."),
    N_("Without a verified signature, who issued this credential cannot be confirmed."),
    N_("Not checked: the signature does not hold."),
    N_("The proof is valid for the key it names."),
    N_("The proof does not match: the credential was changed or not signed by this key."),
    N_("The document carries no signature or proof: anyone could have written it."),
    N_("The ELMO transcript is well-formed XML."),
    N_("Not checked: the document could not be read."),
    N_("This check does not apply to this kind of document."),
    N_(
        "Holder binding is proven only when the holder presents the credential with a key proof; this document "
        "alone cannot show it."
    ),
    N_("The credential names no status list, so revocation cannot be checked."),
    N_("The seal is intact: the document is exactly what the holder of the certificate sealed."),
    N_("The sealing certificate was not valid when the document was sealed."),
    N_("The sealing certificate leads to a trust anchor in the trust registry."),
    N_("The seal's certificate thumbprint does not match its certificate."),
    N_("The seal does not match the document: it was changed after sealing, or the seal is damaged."),
    N_("The credential is not bound to a holder key."),
    N_("The credential is bound to the key this wallet holds for you; presenting it proves that to a verifier."),
    N_("The credential is bound to a holder key; binding is proven when the holder presents it."),
    N_("The SD-JWT VC is well-formed and every disclosure matches its digest."),
    N_("The issuer's signature is valid and covers every disclosed claim."),
    N_("The SD-JWT VC is well-formed."),
    N_("The issuer's signature is valid."),
    N_("Without the issuer's key, who issued this credential cannot be confirmed."),
    N_("The signing certificate is not on a trusted list configured here."),
    N_("The signing certificate leads to a trust anchor."),
    N_("The credential is not a compact JWS."),
    N_("The signature is valid for the key named by the credential."),
    N_("The signature does not match: the credential was changed or not signed by this key."),
    N_("The issuer's key is registered in the trust registry."),
    N_("The key is published under the issuer's web domain (did:web), which is not in the trust registry."),
    N_("The key is published at a URL named by the credential, which is not in the trust registry."),
    N_("The key is published in the issuer's own metadata (JWT VC Issuer Metadata), not in the trust registry."),
    N_("The issuer identifies itself by its key (did:key); nothing ties that key to an organisation."),
    N_("The credential carries its own key; nothing ties that key to the issuer."),
    N_(
        "The key is written into the proof itself and the issuer's own document could not be fetched to confirm "
        "it; nothing ties that key to the issuer."
    ),
    N_("The document carries no signature."),
    N_("The signature is intact: the document is exactly what the holder of the certificate signed."),
    N_("The signature does not match the document: it was changed after signing, or the signature is damaged."),
    N_("The document's signature does not sign the whole document."),
    N_("The signature matches the document, but it uses SHA-1, which no longer reliably prevents forgery."),
    N_("The signature holds for only part of the document; the rest could have been changed."),
)
"""The fixed messages of the checks, verbatim: translated by their own text."""

REASON_MESSAGES: Final[dict[str, str]] = {
    "expired": N_("The credential expired on %(valid_until)s."),
    "not_yet_valid": N_("The credential is valid only from %(valid_from)s."),
    "well_formed": N_("The document is well-formed."),
    "algorithm_not_allowed": N_("The signature uses an algorithm that is not accepted."),
    "certificate_untrusted": N_("The sealing certificate is not on a trusted list configured here."),
    "certificate_expired_and_untrusted": N_(
        "The sealing certificate is not on a trusted list configured here, and it has expired."
    ),
    "key_not_controlled_by_issuer": N_("The signing key belongs to someone other than the credential's issuer."),
    "format_not_verified_yet": N_("Signatures of documents in this format are not verified yet."),
    "unsupported_cryptosuite": N_("The credential's proof uses a kind of signature this service does not verify."),
    "malformed_xml": N_("The XML cannot be read."),
}
"""Messages that name a value, by reason code: `%(name)s` is filled from the check's evidence (dates as
YYYY-MM-DD); a placeholder the evidence lacks leaves the English message in place."""
