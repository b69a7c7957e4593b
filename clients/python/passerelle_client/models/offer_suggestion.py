from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_suggestion_participation_type_0 import OfferSuggestionParticipationType0

if TYPE_CHECKING:
    from ..models.provider_ref import ProviderRef


T = TypeVar("T", bound="OfferSuggestion")


@_attrs_define
class OfferSuggestion:
    """A published offer that would count towards a stack's target.

    Attributes:
        offer_id (UUID):
        title (str):
        provider (ProviderRef):
        ects (float):
        eqf_level (int | None):
        field_of_study (None | str):
        participation (None | OfferSuggestionParticipationType0):
        free_of_charge (bool):
        reason (str):
    """

    offer_id: UUID
    title: str
    provider: ProviderRef
    ects: float
    eqf_level: int | None
    field_of_study: None | str
    participation: None | OfferSuggestionParticipationType0
    free_of_charge: bool
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer_id = str(self.offer_id)

        title = self.title

        provider = self.provider.to_dict()

        ects = self.ects

        eqf_level: int | None
        eqf_level = self.eqf_level

        field_of_study: None | str
        field_of_study = self.field_of_study

        participation: None | str
        if isinstance(self.participation, OfferSuggestionParticipationType0):
            participation = self.participation.value
        else:
            participation = self.participation

        free_of_charge = self.free_of_charge

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer_id": offer_id,
                "title": title,
                "provider": provider,
                "ects": ects,
                "eqf_level": eqf_level,
                "field_of_study": field_of_study,
                "participation": participation,
                "free_of_charge": free_of_charge,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provider_ref import ProviderRef  # noqa: PLC0415

        d = dict(src_dict)
        offer_id = UUID(d.pop("offer_id"))

        title = d.pop("title")

        provider = ProviderRef.from_dict(d.pop("provider"))

        ects = d.pop("ects")

        def _parse_eqf_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        eqf_level = _parse_eqf_level(d.pop("eqf_level"))

        def _parse_field_of_study(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field_of_study = _parse_field_of_study(d.pop("field_of_study"))

        def _parse_participation(data: object) -> None | OfferSuggestionParticipationType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                participation_type_0 = OfferSuggestionParticipationType0(data)

                return participation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferSuggestionParticipationType0, data)

        participation = _parse_participation(d.pop("participation"))

        free_of_charge = d.pop("free_of_charge")

        reason = d.pop("reason")

        offer_suggestion = cls(
            offer_id=offer_id,
            title=title,
            provider=provider,
            ects=ects,
            eqf_level=eqf_level,
            field_of_study=field_of_study,
            participation=participation,
            free_of_charge=free_of_charge,
            reason=reason,
        )

        offer_suggestion.additional_properties = d
        return offer_suggestion

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
