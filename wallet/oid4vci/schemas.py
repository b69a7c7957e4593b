"""Collecting a credential offer: the request and its answer."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from core.text import SafeStr
from wallet.inbox.schemas import InboxItemPublic

MAX_OFFER_LENGTH = 32_768


class OfferCollect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    offer: Annotated[SafeStr, StringConstraints(min_length=1, max_length=MAX_OFFER_LENGTH)] | dict[str, Any] = Field(
        description="The credential offer as the issuer gave it: an `openid-credential-offer://` link (or any URL) "
        "with a `credential_offer` or `credential_offer_uri` parameter, or the offer's JSON (as text or as an object).",
        examples=["openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example.edu%2Foffers%2F4Xq"],
    )
    tx_code: Annotated[SafeStr, StringConstraints(min_length=1, max_length=100)] | None = Field(
        default=None,
        description="The transaction code the issuer sent you separately (by e-mail, text message), when the offer "
        "asks for one.",
    )


class DeferredCredential(BaseModel):
    credential_configuration_id: str
    transaction_id: str = Field(description="The issuer's reference for the credential it will issue later.")
    interval: float | None = Field(description="Seconds the issuer asks to wait before asking again.")


class SkippedCredential(BaseModel):
    credential_configuration_id: str
    code: str = Field(description="Why: the issuer's error code, or Passerelle's reason.")
    detail: str


class CollectResult(BaseModel):
    items: list[InboxItemPublic] = Field(description="The collected credentials, now pending in your inbox.")
    deferred: list[DeferredCredential] = Field(
        description="Credentials the issuer will issue later (OpenID4VCI deferred issuance). Passerelle does not "
        "fetch them yet: ask the issuer for a new offer once they are ready."
    )
    skipped: list[SkippedCredential] = Field(description="Offered credentials that were not collected, and why.")
