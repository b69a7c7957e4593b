"""Offer request and response models.

An offer states the Annex I elements of an achievement definition (`wallet.issuing.schemas.AnnexElements`, checked by
the same function) plus what a catalogue needs: languages, cost, dates, place, where to enrol, and what is issued on
completion.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from core.accounts.models import InstitutionKind
from core.text import SafeStr
from wallet.issuing.schemas import AnnexElements, IscedF, Participation, Short, Uri

LanguageTag = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", max_length=35)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
EctsBasis = Literal["stated", "credit_rule", "ects_users_guide"]
MAX_QUERY_LENGTH = 200


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Cost(_Strict):
    amount: float = Field(ge=0, le=1_000_000, description="0 for an offer free of charge.")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = Field(
        default=None, description="ISO 4217; required unless the amount is 0."
    )
    note: Short | None = Field(default=None, description="Reductions, funding, what the fee covers.")

    @model_validator(mode="after")
    def _currency(self) -> Cost:
        if self.amount > 0 and self.currency is None:
            raise ValueError("a cost above 0 names its `currency`")
        return self


class Place(_Strict):
    country: CountryCode = Field(description="ISO 3166-1 alpha-2, upper case.")
    city: Short | None = None


class OfferFields(AnnexElements):
    """What an offer states besides its title."""

    languages: list[LanguageTag] = Field(
        default_factory=list, max_length=10, description="Languages of instruction (BCP 47: `en`, `pt-BR`)."
    )
    cost: Cost | None = Field(default=None, description="Unknown when absent; `amount: 0` is free of charge.")
    starts_on: date | None = None
    ends_on: date | None = None
    place: Place | None = Field(default=None, description="Where it takes place; absent for an online offer.")
    url: Uri | None = Field(default=None, description="Where to read more and enrol.")
    achievement_id: uuid.UUID | None = Field(
        default=None,
        description="The achievement definition of yours (`/v1/institutions/achievements`) issued on completion.",
    )
    awarded_credential: Short | None = Field(
        default=None, description="What is issued on completion, in words (`Micro-credential, Open Badges 3.0`)."
    )

    @model_validator(mode="after")
    def _dates(self) -> OfferFields:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("`ends_on` is before `starts_on`")
        return self


class OfferCreate(OfferFields):
    title: Short


class OfferUpdate(OfferFields):
    """The fields to change; the offer as changed is validated again in full (Annex I included). `null` removes an
    optional field."""

    title: Short | None = None
    status: Literal["published", "withdrawn"] | None = Field(
        default=None, description="`withdrawn` takes it out of the public catalogue; `published` puts it back."
    )

    @model_validator(mode="after")
    def _no_null_required(self) -> OfferUpdate:
        for name in ("title", "status"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"`{name}` cannot be removed")
        return self


class ProviderRef(BaseModel):
    id: uuid.UUID
    name: str
    country: str | None
    kind: str = Field(description="University, VET school, NGO, employer … — never a criterion of assessment.")


class OfferPublic(OfferFields):
    id: uuid.UUID
    title: str
    status: Literal["published", "withdrawn"]
    provider: ProviderRef
    ects_equivalent: float | None = Field(
        description="The workload in ECTS: as stated, or converted from hours (see `ects_basis`)."
    )
    ects_basis: EctsBasis | None = Field(
        description="`stated`; `credit_rule`: hours converted with the institution's or the shipped credit rule for "
        "`hours`; `ects_users_guide`: 30 hours per credit, the upper end of the ECTS Users' Guide's 25–30."
    )
    free_of_charge: bool
    created_at: datetime
    updated_at: datetime


class OfferPage(BaseModel):
    items: list[OfferPublic]
    next_cursor: str | None


class OfferSearch(_Strict):
    """The public search's query parameters."""

    q: Annotated[SafeStr, StringConstraints(strip_whitespace=True, max_length=MAX_QUERY_LENGTH)] | None = Field(
        default=None,
        description="Words, all of which must appear (title, description, learning outcomes, assessment, "
        "prerequisites, provider, city …); case and accents are ignored. Offers with every word in the title come "
        "first, then the others; newest first within each group.",
    )
    field: IscedF | None = Field(
        default=None,
        description="ISCED-F 2013 field; a broad (`06`) or narrow (`061`) code matches the codes under it.",
    )
    eqf_level: int | None = Field(default=None, ge=1, le=8)
    ects_min: float | None = Field(default=None, ge=0, le=1000, description="Workload in ECTS, at least.")
    ects_max: float | None = Field(default=None, ge=0, le=1000, description="Workload in ECTS, at most.")
    language: LanguageTag | None = Field(
        default=None, description="A language of instruction; `pt` also matches `pt-BR`."
    )
    country: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")] | None = Field(
        default=None, description="Where it takes place (or, for an offer with no place, the provider's country)."
    )
    online: bool | None = Field(
        default=None, description="`true`: entirely online; `false`: onsite or blended (someone must be there)."
    )
    provider_kind: InstitutionKind | None = None
    free: bool | None = Field(default=None, description="`true`: free of charge; `false`: with a fee.")
    limit: int = Field(default=20, ge=1, le=50, description="Offers per page (at most 50).")
    cursor: Annotated[str, StringConstraints(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")] | None = Field(
        default=None, description="`next_cursor` of the previous page (with the same parameters)."
    )

    @model_validator(mode="after")
    def _range(self) -> OfferSearch:
        if self.ects_min is not None and self.ects_max is not None and self.ects_max < self.ects_min:
            raise ValueError("`ects_max` is below `ects_min`")
        return self


class OfferSuggestion(BaseModel):
    """A published offer that would count towards a stack's target."""

    offer_id: uuid.UUID
    title: str
    provider: ProviderRef
    ects: float
    eqf_level: int | None
    field_of_study: str | None
    participation: Participation | None
    free_of_charge: bool
    reason: str
