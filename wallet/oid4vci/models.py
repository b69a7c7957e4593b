"""OpenID for Verifiable Credential Issuance 1.0, the wallet's reading of it: offers, metadata, token and credential
answers as strict models. Pure: nothing here calls the network.

`parse_offer()` reads what the learner was given — an `openid-credential-offer://` URI (or any URL) carrying
`credential_offer` (the offer by value) or `credential_offer_uri` (by reference, fetched by the client), or the offer
JSON itself. Types are strict (no coercion: `"4"` is not a length); members the specification does not define are
ignored, as it requires of wallets (§4.1.1, §12.2.4, §6.2, §8.3). A model that does not validate becomes a domain
error naming the first problems (`describe()`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from core import jsonstrict
from core.errors import InvalidInput
from wallet.oid4vci.errors import InvalidOffer

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
AUTHORIZATION_CODE_GRANT = "authorization_code"
OFFER_PARAMETER = "credential_offer"
OFFER_URI_PARAMETER = "credential_offer_uri"

_STRICT = ConfigDict(strict=True, extra="ignore", frozen=True)


def _url(value: str) -> str:
    """An absolute http(s) URL with a host and no fragment (whether plain http may be called is the client's call)."""
    parts = urlsplit(value)
    if parts.scheme not in {"https", "http"} or not parts.hostname or parts.fragment:
        raise ValueError("must be an absolute https URL without a fragment")
    return value


def _identifier(value: str) -> str:
    """§12.2.1: a Credential Issuer Identifier (and, RFC 8414 §2, an authorization server's) has no query either."""
    _url(value)
    if urlsplit(value).query:
        raise ValueError("must be an https URL without a query or fragment")
    return value


def _unique(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("must not repeat a value")
    return values


URL = Annotated[str, Field(max_length=2048), AfterValidator(_url)]
Identifier = Annotated[str, Field(max_length=2048), AfterValidator(_identifier)]
NonEmptyText = Annotated[str, Field(min_length=1, max_length=8192)]


def describe(error: ValidationError, *, limit: int = 3) -> str:
    """The first problems of a validation error in one line: `location: message; …`."""
    problems = []
    for item in error.errors(include_url=False, include_input=False)[:limit]:
        location = ".".join(str(part) for part in item["loc"]) or "(document)"
        problems.append(f"{location}: {item['msg']}")
    more = error.error_count() - limit
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


# ----------------------------------------------------------------------------------------- credential offer, §4.1


class TxCode(BaseModel):
    """§4.1.1: the transaction code the authorization server expects with the pre-authorized code."""

    model_config = _STRICT

    input_mode: Literal["numeric", "text"] = "numeric"
    length: int | None = Field(default=None, ge=1)
    description: str | None = Field(default=None, max_length=300)


class PreAuthorizedCodeGrant(BaseModel):
    model_config = _STRICT

    pre_authorized_code: NonEmptyText = Field(alias="pre-authorized_code")
    tx_code: TxCode | None = None
    """Present (even empty) when a transaction code is required."""
    authorization_server: Identifier | None = None


class AuthorizationCodeGrant(BaseModel):
    model_config = _STRICT

    issuer_state: str | None = None
    authorization_server: Identifier | None = None


class Grants(BaseModel):
    model_config = _STRICT

    authorization_code: AuthorizationCodeGrant | None = None
    pre_authorized_code: PreAuthorizedCodeGrant | None = Field(default=None, alias=PRE_AUTHORIZED_GRANT)


class CredentialOffer(BaseModel):
    model_config = _STRICT

    credential_issuer: Identifier
    credential_configuration_ids: Annotated[
        list[Annotated[str, Field(min_length=1, max_length=500)]], Field(min_length=1), AfterValidator(_unique)
    ]
    grants: Grants | None = None


@dataclass(frozen=True)
class OfferReference:
    """An offer passed by reference: the client fetches it from `uri` (§4.1.3)."""

    uri: str


def offer_from_json(document: Any, *, origin: str = "The credential offer") -> CredentialOffer:
    """A credential offer object, or `InvalidOffer` naming what is wrong with it."""
    if not isinstance(document, Mapping):
        raise InvalidOffer(f"{origin} is not a JSON object.")
    try:
        return CredentialOffer.model_validate(document)
    except ValidationError as exc:
        raise InvalidOffer(f"{origin} is not valid: {describe(exc)}.") from exc


def parse_offer(value: str | Mapping[str, Any]) -> CredentialOffer | OfferReference:
    """Read an offer as the learner received it: the offer JSON (text or object), or a URI carrying exactly one of
    `credential_offer` (by value) and `credential_offer_uri` (by reference, to fetch)."""
    if isinstance(value, Mapping):
        return offer_from_json(value)
    text = value.strip()
    if text.startswith(("{", "[")):
        try:
            return offer_from_json(jsonstrict.loads(text))
        except InvalidOffer:
            raise
        except InvalidInput as exc:
            raise InvalidOffer(f"The credential offer is not acceptable JSON: {exc.detail}") from exc
    parts = urlsplit(text)
    parameters = [
        (name, content)
        for name, content in parse_qsl(parts.query, keep_blank_values=True)
        if name in {OFFER_PARAMETER, OFFER_URI_PARAMETER}
    ]
    if not parts.scheme or len(parameters) != 1:
        raise InvalidOffer(
            "Send the offer as you received it: an `openid-credential-offer://` link (or a URL) with exactly one "
            "`credential_offer` or `credential_offer_uri` parameter, or the offer's JSON."
        )
    name, content = parameters[0]
    if name == OFFER_PARAMETER:
        try:
            document = jsonstrict.loads(content)
        except InvalidInput as exc:
            raise InvalidOffer(f"The `credential_offer` parameter is not acceptable JSON: {exc.detail}") from exc
        return offer_from_json(document)
    try:
        _url(content)
    except ValueError as exc:
        raise InvalidOffer("`credential_offer_uri` must be an absolute https URL.") from exc
    return OfferReference(content)


# ------------------------------------------------------------------------------- credential issuer metadata, §12.2


class Logo(BaseModel):
    model_config = _STRICT

    uri: str
    alt_text: str | None = None


class IssuerDisplay(BaseModel):
    model_config = _STRICT

    name: str | None = None
    locale: str | None = None
    logo: Logo | None = None


class CredentialDisplay(BaseModel):
    model_config = _STRICT

    name: str
    locale: str | None = None
    logo: Logo | None = None
    description: str | None = None
    background_color: str | None = None
    background_image: Logo | None = None
    text_color: str | None = None


class ClaimDisplay(BaseModel):
    model_config = _STRICT

    name: str | None = None
    locale: str | None = None


class ClaimDescription(BaseModel):
    """Appendix B.2: a claim path (strings for object members, integers for array positions, null for all)."""

    model_config = _STRICT

    path: Annotated[list[str | int | None], Field(min_length=1)]
    mandatory: bool = False
    display: list[ClaimDisplay] | None = None


class CredentialMetadata(BaseModel):
    model_config = _STRICT

    display: Annotated[list[CredentialDisplay], Field(min_length=1)] | None = None
    claims: Annotated[list[ClaimDescription], Field(min_length=1)] | None = None


class KeyAttestationsRequired(BaseModel):
    model_config = _STRICT

    key_storage: Annotated[list[str], Field(min_length=1)] | None = None
    user_authentication: Annotated[list[str], Field(min_length=1)] | None = None


class ProofType(BaseModel):
    model_config = _STRICT

    proof_signing_alg_values_supported: Annotated[list[str], Field(min_length=1)]
    key_attestations_required: KeyAttestationsRequired | None = None


class CredentialDefinition(BaseModel):
    """Appendix A.1, A.2: the W3C VC types (and for `ldp_vc`, the JSON-LD contexts) of the credential."""

    model_config = _STRICT

    type: Annotated[list[str], Field(min_length=1)]
    context: list[str | dict[str, Any]] | None = Field(default=None, alias="@context")


class CredentialConfiguration(BaseModel):
    """One entry of `credential_configurations_supported` (§12.2.4 and the format profiles of Appendix A)."""

    model_config = _STRICT

    format: Annotated[str, Field(min_length=1, max_length=100)]
    scope: str | None = None
    cryptographic_binding_methods_supported: Annotated[list[str], Field(min_length=1)] | None = None
    # Strings for JOSE and Data Integrity, COSE algorithm numbers for ISO mdoc (Appendix A.2.2).
    credential_signing_alg_values_supported: Annotated[list[str | int], Field(min_length=1)] | None = None
    proof_types_supported: dict[str, ProofType] | None = None
    credential_metadata: CredentialMetadata | None = None
    vct: str | None = None
    doctype: str | None = None
    credential_definition: CredentialDefinition | None = None

    @model_validator(mode="after")
    def _format_profile(self) -> CredentialConfiguration:
        # Appendix A: each profile's required parameter.
        if self.format in {"dc+sd-jwt", "vc+sd-jwt"} and not self.vct:
            raise ValueError(f"an SD-JWT VC configuration ({self.format}) names its `vct`")
        if self.format == "mso_mdoc" and not self.doctype:
            raise ValueError("an ISO mdoc configuration names its `doctype`")
        if self.format in {"jwt_vc_json", "jwt_vc_json-ld", "ldp_vc"} and self.credential_definition is None:
            raise ValueError(f"a W3C VC configuration ({self.format}) has a `credential_definition`")
        if self.proof_types_supported == {}:
            raise ValueError("`proof_types_supported`, when present, names at least one proof type")
        return self

    def display_name(self) -> str | None:
        displays = self.credential_metadata.display if self.credential_metadata else None
        return _preferred(displays)


CredentialConfigurations = TypeAdapter(dict[str, CredentialConfiguration])
"""The `credential_configurations_supported` object on its own (as the specification's examples show it)."""


class RequestEncryption(BaseModel):
    model_config = _STRICT

    jwks: dict[str, Any]
    enc_values_supported: Annotated[list[str], Field(min_length=1)]
    zip_values_supported: list[str] | None = None
    encryption_required: bool


class ResponseEncryption(BaseModel):
    model_config = _STRICT

    alg_values_supported: Annotated[list[str], Field(min_length=1)]
    enc_values_supported: Annotated[list[str], Field(min_length=1)]
    zip_values_supported: list[str] | None = None
    encryption_required: bool


class BatchIssuance(BaseModel):
    model_config = _STRICT

    batch_size: int = Field(ge=2)


class CredentialIssuerMetadata(BaseModel):
    model_config = _STRICT

    credential_issuer: Identifier
    authorization_servers: Annotated[list[Identifier], Field(min_length=1)] | None = None
    credential_endpoint: URL
    nonce_endpoint: URL | None = None
    deferred_credential_endpoint: URL | None = None
    notification_endpoint: URL | None = None
    credential_request_encryption: RequestEncryption | None = None
    credential_response_encryption: ResponseEncryption | None = None
    batch_credential_issuance: BatchIssuance | None = None
    display: Annotated[list[IssuerDisplay], Field(min_length=1)] | None = None
    credential_configurations_supported: Annotated[dict[str, CredentialConfiguration], Field(min_length=1)]
    token_endpoint: URL | None = None
    """Not in 1.0: drafts before it put the token endpoint here; read only when no authorization server metadata
    is published."""

    def display_name(self) -> str | None:
        return _preferred(self.display)


def _preferred(displays: list[IssuerDisplay] | list[CredentialDisplay] | None) -> str | None:
    """The English display name when there is one, else the first name given."""
    named = [(display.locale or "", display.name) for display in displays or () if display.name]
    for locale, name in named:
        if locale.lower().startswith("en"):
            return name
    return named[0][1] if named else None


def well_known(identifier: str, name: str) -> str:
    """§12.2.2, RFC 8414 §3.1: `/.well-known/<name>` inserted between the host and the path of `identifier`."""
    parts = urlsplit(identifier)
    return urlunsplit((parts.scheme, parts.netloc, f"/.well-known/{name}{parts.path.rstrip('/')}", "", ""))


# -------------------------------------------------------------------------------- authorization server, RFC 8414


class AuthorizationServerMetadata(BaseModel):
    model_config = _STRICT

    issuer: Identifier
    token_endpoint: URL | None = None
    grant_types_supported: list[str] | None = None
    pre_authorized_grant_anonymous_access_supported: bool = Field(
        default=False, alias="pre-authorized_grant_anonymous_access_supported"
    )
    """§12.3: whether a token request with a pre-authorized code but no `client_id` is accepted."""


# ------------------------------------------------------------------------------ token, nonce, credential answers


class TokenAuthorizationDetail(BaseModel):
    """§6.2: an `authorization_details` entry of the token response; only `openid_credential` ones are used."""

    model_config = _STRICT

    type: str
    credential_configuration_id: str | None = None
    credential_identifiers: Annotated[list[str], Field(min_length=1)] | None = None


class TokenResponse(BaseModel):
    model_config = _STRICT

    access_token: NonEmptyText
    token_type: str
    expires_in: int | None = None
    c_nonce: str | None = None
    """Drafts before 1.0 gave the first `c_nonce` here; 1.0 issuers have a nonce endpoint."""
    authorization_details: list[TokenAuthorizationDetail] | None = None

    def credential_identifiers(self, configuration_id: str) -> list[str]:
        """The credential datasets the token covers for a configuration (§6.2); empty when it names none."""
        return [
            identifier
            for detail in self.authorization_details or ()
            if detail.type == "openid_credential" and detail.credential_configuration_id == configuration_id
            for identifier in detail.credential_identifiers or ()
        ]


class NonceResponse(BaseModel):
    model_config = _STRICT

    c_nonce: NonEmptyText


class IssuedCredential(BaseModel):
    model_config = _STRICT

    credential: str | dict[str, Any]
    """A string (JWT, SD-JWT, base64url) or, for JSON-LD formats, an object (§8.3)."""


class CredentialResponse(BaseModel):
    model_config = _STRICT

    credentials: Annotated[list[IssuedCredential], Field(min_length=1)] | None = None
    transaction_id: str | None = None
    interval: float | None = Field(default=None, gt=0)
    notification_id: str | None = None
    credential: str | dict[str, Any] | None = None
    """Drafts before 1.0 answered one `credential` (no array); read for older issuers."""

    @model_validator(mode="after")
    def _one_kind(self) -> CredentialResponse:
        given = [self.credentials is not None, self.transaction_id is not None, self.credential is not None]
        if sum(given) != 1:
            raise ValueError("a credential response has `credentials` or a `transaction_id`, not both nor neither")
        return self

    def issued(self) -> list[str | dict[str, Any]]:
        if self.credentials is not None:
            return [item.credential for item in self.credentials]
        return [self.credential] if self.credential is not None else []


class OAuthError(BaseModel):
    """RFC 6749 §5.2 and §8.3.1.2: an error answer."""

    model_config = _STRICT

    error: Annotated[str, Field(min_length=1, max_length=200)]
    error_description: str | None = None
