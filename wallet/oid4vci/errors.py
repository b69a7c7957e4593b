"""Errors of collecting a credential from an OpenID4VCI issuer.

The learner's side (422): what was sent cannot be used as it is.

    InvalidOffer (InvalidInput)                  not a credential offer, or one that breaks the specification
    OfferGone (InvalidInput)                     the offer URI answers 404 or 410: used, expired or withdrawn
    AuthorizationCodeUnsupported (InvalidInput)  the offer needs a browser login at the issuer (no pre-authorized code)
    TxCodeRequired (InvalidInput)                the offer asks for a transaction code and none was sent
    TxCodeInvalid (InvalidInput)                 the transaction code cannot be the one the offer describes
    IssuerAddressRefused (InvalidInput)          the offer or the issuer names an address the service does not call
    GrantRefused (InvalidInput)                  the issuer's `invalid_grant`: wrong transaction code, unknown,
                                                 expired or already used pre-authorized code
    TokenRequestRefused (InvalidInput)           another refusal at the token endpoint (`invalid_client`, …)
    IssuerUnsupported (InvalidInput)             the issuer needs what Passerelle cannot do (encrypted responses,
                                                 signed metadata only, DPoP, a credential format it cannot read)
    IssuanceRefused (InvalidInput)               the credential endpoint issued nothing (`credential_request_denied`, …)

The issuer's side (503, as every outbound failure of the service):

    IssuerUnavailable (ServiceUnavailable)       unreachable, too slow, or an HTTP status where an answer was due
    └── IssuerAnswerTooLarge                     an answer over the outbound size cap
    IssuerAnswerInvalid (ServiceUnavailable)     an answer that is not what the specification says, e.g. metadata
                                                 naming another credential issuer than the offer
"""

from __future__ import annotations

from core.errors import InvalidInput, ServiceUnavailable


class InvalidOffer(InvalidInput):
    code = "invalid_credential_offer"
    default_detail = "This is not a valid OpenID4VCI credential offer."


class OfferGone(InvalidInput):
    code = "offer_unavailable"
    default_detail = "The issuer no longer has this offer: it was used, has expired or was withdrawn."


class AuthorizationCodeUnsupported(InvalidInput):
    code = "authorization_code_flow_unsupported"
    default_detail = (
        "This offer can only be redeemed by signing in at the issuer in a browser (authorization code flow), "
        "which Passerelle cannot do for you. Ask the issuer for an offer with a pre-authorized code."
    )


class TxCodeRequired(InvalidInput):
    code = "tx_code_required"
    default_detail = "The issuer asks for a transaction code with this offer: send it as `tx_code`."


class TxCodeInvalid(InvalidInput):
    code = "tx_code_invalid"
    default_detail = "This transaction code is not of the kind the issuer described."


class IssuerAddressRefused(InvalidInput):
    code = "issuer_address_refused"
    default_detail = "The service does not call that address."


class GrantRefused(InvalidInput):
    code = "invalid_grant"
    default_detail = (
        "The issuer refused the offer's pre-authorized code or the transaction code: the code is wrong, "
        "unknown, expired or was already used."
    )


class TokenRequestRefused(InvalidInput):
    code = "token_request_refused"
    default_detail = "The issuer's authorization server refused to exchange the offer's code for an access token."


class IssuerUnsupported(InvalidInput):
    code = "issuer_unsupported"
    default_detail = "The issuer asks for something Passerelle cannot do."


class IssuanceRefused(InvalidInput):
    code = "issuance_refused"
    default_detail = "The issuer issued none of the offered credentials."


class IssuerUnavailable(ServiceUnavailable):
    code = "issuer_unavailable"
    default_detail = "The credential issuer cannot be reached; try again later."


class IssuerAnswerTooLarge(IssuerUnavailable):
    code = "issuer_answer_too_large"


class IssuerAnswerInvalid(ServiceUnavailable):
    code = "issuer_answer_invalid"
    default_detail = "The credential issuer answered something Passerelle cannot use."
